package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newInitCmd(cfg *config) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create and initialise the configured store",
		Long: `Create the configured store (an embedded store in store.path, or the
tables of a PostgreSQL database at store.address) if it does not exist yet.
Every command that opens the store does this on first use; init only does
it explicitly.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := cfg.openStore(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "store ready: %s at %s\n", s.Backend(), s.Where())
			return s.Close()
		},
	}
}
