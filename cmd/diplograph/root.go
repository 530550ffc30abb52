package main

import (
	"github.com/spf13/cobra"
)

func newRoot() *cobra.Command { return newRootWith(newConfig()) }

func newRootWith(cfg *config) *cobra.Command {
	root := &cobra.Command{
		Use:   "diplograph",
		Short: "Turn reports of bilateral diplomacy into a knowledge graph",
		Long: `diplograph reads reports of diplomacy (news articles, foreign-ministry press
releases; plain text, HTML, JSON lines, RSS/Atom, GDELT exports), extracts
who met whom, where, when, in which mechanism and round, and stores each
fact as a quad labelled with the report that asserted it, in a Cayley graph
that analysts query with Gizmo in a web console.

Configuration comes from, in rising order of precedence: built-in
defaults, a config file (--config, else ./diplograph.yaml, else
$XDG_CONFIG_HOME/diplograph/diplograph.yaml), environment variables
(DIPLOGRAPH_STORE_BACKEND, DIPLOGRAPH_STORE_PATH, ...) and flags.
"diplograph config" shows the result and where each value came from.

An embedded store is opened by one process at a time. While "diplograph
serve" holds it, query, stats, paths, export, entities, ingest and load
run through the server (found through the store's lock), with the same
output and exit status; see "diplograph serve --help".`,
		Example: `  diplograph ingest testdata/reports      # extract and store reports
  diplograph serve                        # open the console on http://127.0.0.1:64210
  diplograph query 'g.V("<country:PAK>").out("<schema:name>").all()'
  diplograph stats`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return cfg.load(cmd)
		},
	}
	cfg.bindPersistent(root)
	root.AddCommand(
		newInitCmd(cfg),
		newLoadCmd(cfg),
		newQueryCmd(cfg),
		newExportCmd(cfg),
		newPathsCmd(cfg),
		newExtractCmd(cfg),
		newGenCmd(),
		newIngestCmd(cfg),
		newServeCmd(cfg),
		newStatsCmd(cfg),
		newEntitiesCmd(cfg),
		newConfigCmd(cfg),
		newVersionCmd(),
	)
	for _, c := range root.Commands() {
		if viaServer(c.Name()) {
			cfg.forwardWhenServed(c)
		}
	}
	return root
}
