package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/schema"
)

func newExtractCmd(cfg *config) *cobra.Command {
	var format, out string
	var explain bool
	cmd := &cobra.Command{
		Use:   "extract FILE... | -",
		Short: "Print the facts extracted from reports, without storing them",
		Long: `Read reports (files, directories, globs, "-" for stdin) and print what
they assert: N-Quads labelled with each report's IRI (the default), or
--output json, a readable list of each report's events and people.
Nothing is written to the store. A report that cannot be read is named
on stderr with its line or offset; the others are still printed, and
the exit status is 1.`,
		Example: `  diplograph extract ../shared/corpus/seed.txt
  diplograph extract --output json testdata/reports/b01-pak-rus-jwg-11.txt
  diplograph extract --explain report.txt     # why an event was found or missed`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := extract.New(nil)
			if err != nil {
				return err
			}
			files, err := ingest.ExpandPaths(args)
			if err != nil {
				return err
			}
			reg := ingest.DefaultRegistry()
			w := cmd.OutOrStdout()
			failed := 0
			for _, f := range files {
				_, err := reg.ReadFile(cmd.Context(), f, format, func(d ingest.Doc) error {
					if d.Err != nil {
						fmt.Fprintln(cmd.ErrOrStderr(), "diplograph: extract:", d.Err)
						failed++
						return nil
					}
					if d.Report != nil {
						for _, w := range d.Report.Warnings {
							fmt.Fprintln(cmd.ErrOrStderr(), "diplograph: warning:", w)
						}
					}
					if explain && d.Report != nil {
						fmt.Fprintf(w, "== %s\n", d.Report.Source)
						return x.Explain(w, ingest.ExtractInput(d.Report))
					}
					return printRecord(w, ingest.Extract(x, d), out)
				})
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "diplograph: extract:", err)
					failed++
				}
			}
			if failed > 0 {
				return exitError{code: 1, msg: fmt.Sprintf("%d item(s) failed", failed)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "input format (default: by extension, else by content)")
	cmd.Flags().StringVarP(&out, "output", "o", "nquads", "output: nquads or json")
	cmd.Flags().BoolVar(&explain, "explain", false, "show what the extractor saw in each sentence and the events it assembled")
	return cmd
}

func printRecord(w io.Writer, r *schema.Record, out string) error {
	switch out {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "nquads", "":
		qw := nquads.NewWriter(w)
		if _, err := quad.Copy(qw, quad.NewReader(r.Quads())); err != nil {
			return err
		}
		return qw.Close()
	}
	return fmt.Errorf("unknown output %q (nquads, json)", out)
}
