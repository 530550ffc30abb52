package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

func newStatsCmd(cfg *config) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the quads, nodes, labels, reports and events in the store",
		Long: `Count the quads, nodes, labels, reports and events in the store.
Events are the distinct event nodes: every meeting reported (once, however
many reports tell of it) and every next meeting a report announces. The
events "ingest" prints are counted the same way, over the reports it
extracted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := cfg.openStoreForReading(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Stats(cmd.Context())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			fmt.Fprintf(out, "store    %s at %s\nquads    %d\nnodes    %d\nlabels   %d\nreports  %d\nevents   %d\n",
				st.Backend, st.Where, st.Quads, st.Nodes, st.Labels, st.Reports, st.Events)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
