package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
)

func newLoadCmd(cfg *config) *cobra.Command {
	var (
		format   string
		batch    int
		validate bool
		rebuild  string
	)
	cmd := &cobra.Command{
		Use:   "load FILE... | -",
		Short: "Load quads (N-Quads, JSON-LD, ...) into the store as they are",
		Long: `Load quads from files ("-" for stdin) into the store, in transactions of
--batch quads. The format comes from the extension (.nq, .nt, .jsonld,
.json, .pq; .gz compressed files are read transparently) or --format.
A file is first read through once so that a malformed quad stops it
before anything of it is written; the error names the file and line.
Other files of the same command are still loaded; the exit status is 1
if any failed.`,
		Example: `  diplograph load export.nq.gz
  zcat dump.nq.gz | diplograph load - --format nquads`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := cfg.openStoreForBulkWrite(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			// an N-Quads line of ours runs to about 100 bytes
			finish, err := bulkLoad(cmd, s, rebuild, inputSize(cfg.files(cmd), args), 100)
			if err != nil {
				return err
			}
			failed := 0
			var total int64
			began := time.Now()
			for _, path := range args {
				start := time.Now()
				if validate && path != "-" {
					if err := checkQuadFile(cfg.files(cmd), path, format); err != nil {
						fmt.Fprintln(cmd.ErrOrStderr(), "diplograph: load:", err)
						failed++
						continue
					}
				}
				n, err := loadFile(cmd, cfg.files(cmd), s, path, format, batch)
				if err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "diplograph: load: %v (%d quads written before it)\n", err, n)
					failed++
					continue
				}
				secs := time.Since(start).Seconds()
				total += n
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d quads in %.1fs (%.0f quads/s)\n", path, n, secs, float64(n)/secs)
			}
			if err := finish(); err != nil {
				return err
			}
			if secs := time.Since(began).Seconds(); len(args) > 1 || secs > 1 {
				fmt.Fprintf(cmd.ErrOrStderr(), "loaded %d quads in %.1fs (%.0f quads/s), indexes included\n", total, secs, float64(total)/secs)
			}
			if failed > 0 {
				return exitError{code: 1, msg: fmt.Sprintf("%d of %d files failed", failed, len(args))}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&rebuild, "rebuild-indexes", "auto", rebuildIndexesHelp)
	cmd.Flags().StringVar(&format, "format", "", "quad format: "+strings.Join(graph.QuadFormats(), ", ")+" (default: by extension, else nquads)")
	cmd.Flags().IntVar(&batch, "batch", 10000, "quads per transaction")
	cmd.Flags().BoolVar(&validate, "validate", true, "read each file through once before writing it")
	return cmd
}

func checkQuadFile(fs ingest.Files, path, format string) error {
	f, err := graph.OpenQuadFileFrom(path, format, fs.Dir, fs.Stdin)
	if err != nil {
		return err
	}
	defer f.Close()
	for {
		if _, err := f.ReadQuad(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

func loadFile(cmd *cobra.Command, fs ingest.Files, s *graph.Store, path, format string, batch int) (int64, error) {
	f, err := graph.OpenQuadFileFrom(path, format, fs.Dir, fs.Stdin)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	p := newProgress(cmd.ErrOrStderr(), path, "quads")
	defer p.done()
	return s.Load(cmd.Context(), f, batch, func(n int64) { p.set(n) })
}
