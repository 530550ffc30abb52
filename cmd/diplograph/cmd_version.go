package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print diplograph's version and the Cayley it is built on",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cayley := "unknown"
			if bi, ok := debug.ReadBuildInfo(); ok {
				for _, d := range bi.Deps {
					if d.Path == "github.com/cayleygraph/cayley" {
						cayley = d.Version
					}
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "diplograph %s (cayley %s, %s)\n", version, cayley, runtime.Version())
			return nil
		},
	}
}
