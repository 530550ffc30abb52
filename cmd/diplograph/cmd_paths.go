package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/queries"
)

func newPathsCmd(cfg *config) *cobra.Command {
	var (
		opt    queries.PathOptions
		preds  []string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "paths FROM TO",
		Short: "Print every shortest path between two nodes",
		Long: `Print every shortest path (up to --max-paths) between two nodes, at most
--max-length hops long, following links in either direction; each hop
shows its predicate, its direction and the reports asserting it.
<rdf:type> links and literals are never crossed. --predicate restricts the
hops to the given predicates.`,
		Example: `  diplograph paths '<country:PAK>' '<country:CHN>'
  diplograph paths country:PAK country:RUS --predicate dg:co_chaired --json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			from, err := queries.ParseNode(args[0])
			if err != nil {
				return err
			}
			to, err := queries.ParseNode(args[1])
			if err != nil {
				return err
			}
			for _, p := range preds {
				v, err := queries.ParseNode(p)
				if err != nil {
					return fmt.Errorf("--predicate: %w", err)
				}
				opt.Predicates = append(opt.Predicates, v)
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), cfg.limits().Timeout)
			defer cancel()
			s, err := cfg.openStoreForReading(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			res, err := queries.ShortestPaths(ctx, s.QuadStore(), from, to, opt)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(res)
			}
			if res.Length < 0 {
				fmt.Fprintf(out, "no path from %s to %s within %d hops\n", res.From, res.To, maxLen(opt))
				return nil
			}
			fmt.Fprintf(out, "%d shortest path(s) of length %d from %s to %s", len(res.Paths), res.Length, res.From, res.To)
			if res.Truncated {
				fmt.Fprintf(out, " (more exist; raise --max-paths)")
			}
			fmt.Fprintln(out)
			for _, p := range res.Paths {
				fmt.Fprintln(out, formatPath(p))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&opt.MaxLength, "max-length", queries.DefaultPathMaxLength, fmt.Sprintf("most hops in a path (at most %d)", queries.MaxPathLength))
	f.IntVar(&opt.MaxPaths, "max-paths", queries.DefaultPathMaxPaths, "most paths printed")
	f.StringArrayVar(&preds, "predicate", nil, "follow only this predicate, e.g. dg:co_chaired (repeatable)")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	addFlag(cmd, "query.timeout")
	return cmd
}

func maxLen(o queries.PathOptions) int {
	if o.MaxLength <= 0 {
		return queries.DefaultPathMaxLength
	}
	return o.MaxLength
}

// formatPath writes a path on one line:
// <country:PAK> -<dg:co_chaired>-> <event:...> <-<dg:co_chaired>- <country:RUS>
func formatPath(p queries.Path) string {
	if len(p.Hops) == 0 {
		return "  (the same node)"
	}
	var b strings.Builder
	b.WriteString("  " + p.Hops[0].From)
	for _, h := range p.Hops {
		if h.Direction == "out" {
			fmt.Fprintf(&b, " -%s-> %s", h.Predicate, h.To)
		} else {
			fmt.Fprintf(&b, " <-%s- %s", h.Predicate, h.To)
		}
	}
	return b.String()
}
