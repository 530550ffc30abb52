package graph

import (
	"context"

	"github.com/diplograph/diplograph/schema"
)

// WriteRecords replaces each record's report in the store, all in one
// transaction (see ReplaceReports).
func (s *Store) WriteRecords(ctx context.Context, recs []*schema.Record) ([]ReplaceResult, error) {
	batch := make([]ReportQuads, len(recs))
	for i, r := range recs {
		batch[i] = ReportQuads{Label: r.Report.IRI(), Quads: r.Quads()}
	}
	return s.ReplaceReports(ctx, batch)
}
