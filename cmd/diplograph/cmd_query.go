package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/cayley/query"
	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/queries"
)

func newQueryCmd(cfg *config) *cobra.Command {
	var lang string
	var saved savedFlags
	cmd := &cobra.Command{
		Use:   "query [QUERY | -]",
		Short: "Run a Gizmo (or GraphQL, MQL) query and print its results as JSON",
		Long: `Run a query against the store and print a JSON array of results on
stdout. The query is the argument, or stdin when it is "-" or absent.
Every query is bounded by --limit results (0: no row limit) and
--timeout wall time; a result cut by the limit says so on stderr, and a
query that runs past its time limit fails (exit status 1).

Gizmo is JavaScript over the graph: g.V(node) starts at nodes, out/in
follow predicates, tag names columns, all() emits. Nodes are written as
"<country:PAK>", predicates as "<dg:co_chaired>" (see SCHEMA.md).

Saved queries ship with diplograph: --list shows them with their
parameters; --saved NAME --param k=v runs one.`,
		Example: `  # who co-chaired which meeting
  diplograph query 'g.V().tag("who").out("<dg:co_chaired>").tag("event").all()'
  # countries Pakistan has met, with the reports asserting it
  echo 'g.V("<country:PAK>").out("<dg:participated_in>").in("<dg:participated_in>").unique().all()' | diplograph query -
  # saved queries
  diplograph query --list
  diplograph query --saved meetings-between --param a='<country:PAK>' --param b='<country:RUS>'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if saved.list || saved.name != "" {
				return runSaved(cmd, cfg, saved, args)
			}
			text, err := queryText(cmd.InOrStdin(), args)
			if err != nil {
				return err
			}
			s, err := cfg.openStoreForReading(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			res, err := queries.RunUser(cmd.Context(), s.QuadStore(), lang, text, query.JSON, cfg.limits())
			if err != nil {
				return fmt.Errorf("query: %w", err)
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(res.Rows); err != nil {
				return err
			}
			noteTruncated(cmd.ErrOrStderr(), res)
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "gizmo", "query language: "+strings.Join(queries.Languages(), ", "))
	saved.bind(cmd)
	addFlag(cmd, "query.limit")
	addFlag(cmd, "query.timeout")
	return cmd
}

func queryText(stdin io.Reader, args []string) (string, error) {
	if len(args) == 1 && args[0] != "-" {
		return args[0], nil
	}
	if len(args) == 0 && isTerminal(stdin) {
		return "", fmt.Errorf("no query given: pass it as an argument or on stdin")
	}
	b, err := io.ReadAll(stdin)
	if err != nil {
		return "", fmt.Errorf("read query from stdin: %w", err)
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", fmt.Errorf("empty query")
	}
	return string(b), nil
}
