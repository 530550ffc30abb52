package ingest

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/ingest/identity"
	"github.com/diplograph/diplograph/schema"
)

// Extract turns one item read from a file into a record: a report goes
// through the extractor, a record read whole (GDELT) passes as it is.
func Extract(x *extract.Extractor, d Doc) *schema.Record {
	if d.Record != nil {
		return d.Record
	}
	r := d.Report
	rec := x.Extract(ExtractInput(r))
	rec.Report.Format = r.Format
	if rules, err := identity.DefaultRules(); err == nil {
		identity.MergeWithin(rules, rec) // "Blinken said" after "Antony Blinken"
	}
	return rec
}

// ExtractInput is the extractor's view of a report.
func ExtractInput(r *Report) extract.Input {
	return extract.Input{ID: r.ID, Source: r.Source, Title: r.Title, URL: r.URL,
		Publisher: r.Publisher, Published: r.Published, Body: r.Body}
}

// ExtractFiles reads and extracts every report of the given files,
// directories or globs with the built-in formats and the default
// gazetteer; it stops at the first bad file or item.
func ExtractFiles(ctx context.Context, paths ...string) ([]*schema.Record, error) {
	x, err := extract.New(nil)
	if err != nil {
		return nil, err
	}
	files, err := ExpandPaths(paths)
	if err != nil {
		return nil, err
	}
	reg := DefaultRegistry()
	var out []*schema.Record
	for _, f := range files {
		_, err := reg.ReadFile(ctx, f, "", func(d Doc) error {
			if d.Err != nil {
				return d.Err
			}
			out = append(out, Extract(x, d))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", f, err)
		}
	}
	return out, nil
}
