package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
)

func newConfigCmd(cfg *config) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print every configuration key, its effective value and its source: a flag,
an environment variable (DIPLOGRAPH_ plus the key in upper case with "_"
for "."), the config file, or the default. Passwords and tokens are masked.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "KEY\tVALUE\tSOURCE")
			for _, s := range settings() {
				val := fmt.Sprint(cfg.v.Get(s.key))
				if s.secret && val != "" {
					if s.key == "store.address" {
						val = graph.MaskAddress(val)
					} else {
						val = "****"
					}
				}
				fmt.Fprintf(w, "%s\t%s\t%s\n", s.key, val, cfg.source(s))
			}
			return w.Flush()
		},
	}
}
