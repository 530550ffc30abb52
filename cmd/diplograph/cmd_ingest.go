package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/ingest/identity"
)

func newIngestCmd(cfg *config) *cobra.Command {
	var (
		format  string
		force   bool
		rebuild string
	)
	cmd := &cobra.Command{
		Use:   "ingest PATH... | -",
		Short: "Extract events from reports and store them with provenance",
		Long: `Read reports from files, directories (recursively), globs or stdin ("-"),
extract their events and facts, and store each report's quads in one
transaction, labelled with the report's IRI. Re-ingesting an unchanged
report changes nothing; a changed report replaces its own quads. A report
stored from the same input by the same diplograph binary is not even
extracted again (--force extracts every report).

Formats: ` + strings.Join(ingest.DefaultRegistry().Names(), ", ") + ` (chosen by extension, else by
content, or --format). A bad file or item is named on stderr with its
line or offset and the rest of the batch goes on; the exit status is 1
if any failed. GDELT exports print rows read, kept, merged and skipped.

The summary's events are the distinct event nodes of the reports
extracted: each meeting once, however many reports tell of it, and the
next meetings they announce, as "stats" counts them in the store.`,
		Example: `  diplograph ingest testdata/reports
  diplograph ingest 'reports/2024-*.html' feeds/mofa.rss
  diplograph ingest --format gdelt 20191024143000.export.CSV`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			files, err := cfg.files(cmd).Expand(args)
			if err != nil {
				return err
			}
			// extraction allocates a great deal of short-lived garbage; with
			// the heap a few tens of MB, collecting at 5x instead of 2x its
			// live size costs little memory and saves about a tenth of the
			// CPU (BENCHMARKS.md). GOGC, when set, still decides.
			if os.Getenv("GOGC") == "" && cfg.served == nil {
				debug.SetGCPercent(400)
			}
			x, err := extract.New(nil)
			if err != nil {
				return err
			}
			s, err := cfg.openStoreForBulkWrite(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			// reports run to about 50 bytes of text per quad stored
			finish, err := bulkLoad(cmd, s, rebuild, inputSize(cfg.files(cmd), files), 50)
			if err != nil {
				return err
			}
			rules, err := identity.DefaultRules()
			if err != nil {
				return err
			}
			al, aliasText, newAliases, err := cfg.aliases(ctx, s)
			if err != nil {
				return err
			}
			var res *identity.Resolver
			if cfg.v.GetBool("identity.resolve") {
				res = identity.NewResolver(rules, al, s)
			} else {
				newAliases = false
			}
			stderr := cmd.ErrOrStderr()
			p := newProgress(stderr, "ingest", "reports")
			start := time.Now()
			sum, err := ingest.Ingest(ctx, files, ingest.DefaultRegistry(), x, s, ingest.Options{
				Format:   format,
				Force:    force,
				Workers:  cfg.v.GetInt("ingest.workers"),
				Batch:    cfg.v.GetInt("ingest.batch"),
				Writers:  s.ParallelWrites(),
				Identity: res,
				Files:    cfg.files(cmd),
				OnError: func(err error) {
					p.done()
					fmt.Fprintln(stderr, "diplograph: ingest:", err)
				},
				OnWarn: func(w string) {
					p.done()
					fmt.Fprintln(stderr, "diplograph: warning:", w)
				},
				OnFile: func(path string, r ingest.Reader) {
					if g, ok := r.(*ingest.GDELTReader); ok {
						c := g.Counts()
						fmt.Fprintf(stderr, "%s: GDELT rows read %d, kept %d, merged %d, skipped %d\n", path, c.Read, c.Kept, c.Merged, c.Skipped)
					}
				},
				Progress: func(s ingest.Summary) { p.set(int64(s.Reports)) },
			})
			p.done()
			if ferr := finish(); ferr != nil && err == nil {
				err = ferr
			}
			secs := time.Since(start).Seconds()
			fmt.Fprintf(stderr, "ingested %d files: %d reports (%d new, %d changed, %d unchanged), %d events, %d quads written, %d failed in %.1fs (%.0f reports/s)\n",
				sum.Files, sum.Reports, sum.Added, sum.Replaced, sum.Unchanged, sum.Events, sum.Quads, sum.Failed, secs, float64(sum.Reports)/secs)
			if err == nil && newAliases {
				// another alias file: the whole graph, not only the run's people
				var n int
				_, n, err = identity.ApplyAliases(ctx, rules, al, s, aliasText)
				sum.Resolved += n
			}
			if sum.Resolved > 0 {
				fmt.Fprintf(stderr, "people resolved: %d reports rewritten\n", sum.Resolved)
			}
			if err != nil {
				return err
			}
			if sum.Failed > 0 {
				return exitError{code: 1, msg: fmt.Sprintf("%d file(s) or item(s) failed", sum.Failed)}
			}
			return nil
		},
	}
	addFlag(cmd, "identity.aliases")
	cmd.Flags().StringVar(&rebuild, "rebuild-indexes", "auto", rebuildIndexesHelp)
	cmd.Flags().BoolVar(&force, "force", false, "extract every report, even one stored from the same input")
	cmd.Flags().StringVar(&format, "format", "", "input format: "+strings.Join(ingest.DefaultRegistry().Names(), ", "))
	return cmd
}
