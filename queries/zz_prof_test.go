package queries

import (
	"context"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
)

func TestProf(t *testing.T) {
	s, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Path: "/tmp/diplograph-bench-200000"})
	if err != nil { t.Fatal(err) }
	defer s.Close()
	Saved()
	for _, q := range []string{
		`var t=Date.now(); var e=g.V("<series:pak-rus/joint-working-group>").in("<dg:part_of>").toArray(100000); g.emit(Date.now()-t); t=Date.now(); describe(e); g.emit(Date.now()-t); t=Date.now(); links(e, ["<dg:co_chaired>", "<dg:chaired>"], true); g.emit(Date.now()-t);t=Date.now(); V(e).tag("e").out("<dg:date>").tag("v").tagArray(100000); g.emit(Date.now()-t); t=Date.now(); V(e).tag("e").in("<dg:co_chaired>").tag("v").tagArray(100000); g.emit(Date.now()-t);t=Date.now(); V(e).in("<dg:co_chaired>").toArray(100000); g.emit(Date.now()-t);t=Date.now(); for (var i=0;i<e.length;i++) g.V(e[i]).in("<dg:co_chaired>").toArray(100000); g.emit(Date.now()-t);`,
		`var t=Date.now(); var e=g.V("planned").in("<dg:status>").toArray(100000); g.emit(Date.now()-t); t=Date.now(); describe(e); g.emit(Date.now()-t); t=Date.now(); V(e).tag("event").in("<dg:next_meeting>").tag("prev").tagArray(100000); g.emit(Date.now()-t)`,
	} {
		start := time.Now()
		res, err := Run(context.Background(), s.QuadStore(), "gizmo", "var params={};"+preludeSrc+q, Limits{Limit: 10, Timeout: time.Minute})
		t.Logf("%v %v %v", time.Since(start), res, err)
	}
}
