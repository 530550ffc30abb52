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
		`var e=g.V("planned").in("<dg:status>").toArray(100000); var t=Date.now(); describe(e); g.emit(Date.now()-t);
		 t=Date.now(); var A=["<schema:name>","<dg:kind>","<dg:date>","<dg:held_in>","<dg:ordinal>","<dg:status>","<dg:part_of>"];
		 for (var i=0;i<e.length;i++) for (var a=0;a<A.length;a++) g.V(e[i]).out(A[a]).toArray(10); g.emit(Date.now()-t);
		 t=Date.now(); for (var i=0;i<e.length;i++) g.V(e[i]).tag("e").saveOpt("<schema:name>","name").saveOpt("<dg:kind>","kind").saveOpt("<dg:date>","date").saveOpt("<dg:held_in>","place").saveOpt("<dg:ordinal>","ord").saveOpt("<dg:status>","st").saveOpt("<dg:part_of>","ser").tagArray(10); g.emit(Date.now()-t);
		 t=Date.now(); for (var i=0;i<e.length;i++) g.V(e[i]).tag("e").save("<dg:kind>","kind").tagArray(10); g.emit(Date.now()-t);
		 t=Date.now(); for (var i=0;i<e.length;i++) g.V(e[i]).tag("e").out("<dg:kind>").tag("k").tagArray(10); g.emit(Date.now()-t);
		 t=Date.now(); for (var a=0;a<A.length;a++) V(e).tag("e").out(A[a]).tag("v").tagArray(100000); g.emit(Date.now()-t);
		 t=Date.now(); for (var a=0;a<A.length;a++) V(e).out(A[a]).toArray(100000); g.emit(Date.now()-t);
		 `,
	} {
		start := time.Now()
		res, err := Run(context.Background(), s.QuadStore(), "gizmo", "var params={};"+preludeSrc+q, Limits{Limit: 10, Timeout: time.Minute})
		t.Logf("%v %v %v", time.Since(start), res, err)
	}
}
