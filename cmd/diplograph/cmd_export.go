package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/queries"
)

func newExportCmd(cfg *config) *cobra.Command {
	var (
		around   []string
		hops     int
		query    string
		lang     string
		reports  []string
		from, to string
		output   string
		format   string
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write a subgraph as N-Quads, JSON-LD, GraphML, GML, DOT or CSV",
		Long: `Select a subgraph and write it to -o FILE (stdout when absent). Choose the
subgraph with one or more of (their union is written):

  --around NODE --hops K   the K-hop neighbourhood of NODE (repeatable):
                           every quad of the nodes fewer than K links away
                           and the names, classes and attributes of those K
                           links away; <rdf:type> is not followed
  --query TEXT             the subgraph induced by the nodes a Gizmo query
                           returns ("-" reads the query from stdin)
  --report ID              every quad a report asserted (repeatable)
  --from DATE --to DATE    the events dated within the range, with their
                           links and their neighbours' descriptions

The format comes from --format or the extension of FILE: .nq (N-Quads,
labels kept: "diplograph load" reads it back to the same quads), .jsonld,
.graphml, .gml, .dot/.gv, .zip (CSV: nodes.csv and edges.csv in a zip).
With --format csv and a FILE without .zip, FILE is a directory that gets
nodes.csv and edges.csv. To stdout the default format is N-Quads.

GraphML, GML, DOT and CSV carry each node's label (its IRI), type, name and
literal attributes, and each edge's label (the predicate) and provenance
(the reports asserting it, space-separated). In DOT the name is the
node's label and its entity_name attribute (pydot, through which
networkx reads DOT, reserves "name").`,
		Example: `  diplograph export --around '<country:PAK>' --hops 2 -o pak.graphml
  diplograph export --report 3f2a9c0d11e47b21 -o report.nq
  diplograph export --from 2024-01-01 --to 2024-06-30 --format csv -o h1-2024/
  diplograph export --query 'g.V("<country:PAK>").out("<dg:co_chaired>").all()' -o chaired.gml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(around) == 0 && query == "" && len(reports) == 0 && from == "" && to == "" {
				return fmt.Errorf("choose a subgraph: --around, --query, --report or --from/--to")
			}
			if output == "" && format == "" {
				format = "nquads"
			}
			var exp queries.Exporter
			var err error
			if format != "" {
				exp, err = queries.LookupExporter(format)
			} else if e, ok := queries.ExporterForPath(output); ok {
				exp = e
			} else {
				err = fmt.Errorf("cannot tell the format of %s from its extension: use --format (%s)",
					output, strings.Join(queries.ExporterNames(), ", "))
			}
			if err != nil {
				return err
			}
			if query == "-" {
				if query, err = queryText(cmd.InOrStdin(), []string{"-"}); err != nil {
					return err
				}
			}
			lim := cfg.limits()
			ctx, cancel := context.WithTimeout(cmd.Context(), lim.Timeout)
			defer cancel()
			s, err := cfg.openStoreForReading(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			qs := s.QuadStore()
			var parts [][]quad.Quad
			if len(around) > 0 {
				var seeds []quad.Value
				for _, a := range around {
					v, err := queries.ParseNode(a)
					if err != nil {
						return fmt.Errorf("--around: %w", err)
					}
					seeds = append(seeds, v)
				}
				qq, err := queries.Neighbourhood(ctx, qs, seeds, hops)
				if err != nil {
					return fmt.Errorf("neighbourhood: %w", err)
				}
				parts = append(parts, qq)
			}
			if query != "" {
				qq, res, err := queries.QuerySubgraph(ctx, qs, lang, query, lim)
				if err != nil {
					return fmt.Errorf("query: %w", err)
				}
				noteTruncated(cmd.ErrOrStderr(), res)
				parts = append(parts, qq)
			}
			if len(reports) > 0 {
				var rs []quad.Value
				for _, r := range reports {
					r = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(r), "<"), ">")
					if !strings.HasPrefix(r, "report:") {
						r = "report:" + r
					}
					rs = append(rs, quad.IRI(r))
				}
				qq, err := queries.ReportsSubgraph(ctx, qs, rs)
				if err != nil {
					return err
				}
				parts = append(parts, qq)
			}
			if from != "" || to != "" {
				qq, err := queries.DateRangeSubgraph(ctx, qs, from, to)
				if err != nil {
					return fmt.Errorf("date range: %w", err)
				}
				parts = append(parts, qq)
			}
			quads := unionQuads(parts)
			if output == "" || output == "-" {
				w := bufio.NewWriter(cmd.OutOrStdout())
				if err := exp.Export(w, quads); err != nil {
					return err
				}
				return w.Flush()
			}
			if err := queries.ExportFile(cfg.files(cmd).Path(output), exp.Name(), quads); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d quads as %s to %s\n", len(quads), exp.Name(), output)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&around, "around", nil, "export the neighbourhood of this node, e.g. '<country:PAK>' (repeatable)")
	f.IntVar(&hops, "hops", 2, "links from the --around nodes")
	f.StringVar(&query, "query", "", "export the nodes this query returns and the links among them (- for stdin)")
	f.StringVar(&lang, "lang", "gizmo", "language of --query: "+strings.Join(queries.Languages(), ", "))
	f.StringArrayVar(&reports, "report", nil, "export what this report asserts: its id or <report:ID> (repeatable)")
	f.StringVar(&from, "from", "", "export the events dated from this day (ISO date: 2024, 2024-05, 2024-05-14)")
	f.StringVar(&to, "to", "", "export the events dated up to this day")
	f.StringVarP(&output, "output", "o", "", "output file (stdout when absent or -)")
	f.StringVar(&format, "format", "", "output format: "+strings.Join(queries.ExporterNames(), ", ")+" (default: from the extension)")
	addFlag(cmd, "query.limit")
	addFlag(cmd, "query.timeout")
	return cmd
}

// unionQuads merges subgraphs without repeating a quad.
func unionQuads(parts [][]quad.Quad) []quad.Quad {
	if len(parts) == 1 {
		return parts[0]
	}
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	for _, p := range parts {
		for _, q := range p {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	return out
}
