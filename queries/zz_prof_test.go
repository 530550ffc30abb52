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
		`var r=[]; for (var i=0;i<ROLES.length;i++){ r=r.concat(g.V("<person:person-pak-3>").out(ROLES[i]).toArray(100000)); } g.emit(r.length)`,
		`var e = g.V("<country:PAK>").out(ROLES).toArray(100000); g.emit(V(e).tag("event").in(ROLES).tag("partner").tagArray(1000000).length)`,
		`var e = uniq(g.V("<country:PAK>").out(ROLES).in(ROLES).toArray(100000)); g.emit(e.length); g.emit(V(e).tag("n").out("<rdf:type>").tag("t").tagArray(100000).length)`,
		`var e = uniq(g.V("<country:PAK>").out(ROLES).in(ROLES).toArray(100000)); g.emit(V(e).has("<rdf:type>", "<dg:Country>").toArray(100000).length)`,
		`g.emit(g.V().out("<dg:date>").toArray(1000000).length)`,
		`g.emit(g.V().has("<dg:date>").toArray(1000000).length)`,
		`g.emit(g.V().save("<dg:date>", "date").tagArray(1000000).length)`,
		`g.emit(g.V().has("<dg:status>", "planned").tag("event").out("<dg:date>").tag("date").tagArray(1000000).length)`,
		`g.emit(g.V("planned").in("<dg:status>").tag("event").out("<dg:date>").tag("date").tagArray(1000000).length)`,
		`g.emit(g.V().has("<dg:date>").tag("event").out("<dg:date>").tag("date").tagArray(1000000).length)`,
		`g.emit(g.V("<series:pak-rus/joint-working-group>").in("<dg:part_of>").toArray(100000).length)`,
		`var e=g.V("<series:pak-rus/joint-working-group>").in("<dg:part_of>").toArray(100000); g.emit(V(e).tag("event").in(["<dg:co_chaired>", "<dg:chaired>"]).has("<rdf:type>", "<dg:Person>").tag("person").tagArray(100000).length)`,
		`var e=g.V("<series:pak-rus/joint-working-group>").in("<dg:part_of>").toArray(100000); g.emit(V(e).tag("event").in(["<dg:co_chaired>", "<dg:chaired>"]).tag("person").tagArray(100000).length)`,
		`var e=g.V("<series:pak-rus/joint-working-group>").in("<dg:part_of>").toArray(100000); var t=Date.now(); describe(e); g.emit(Date.now()-t)`,
	} {
		start := time.Now()
		res, err := Run(context.Background(), s.QuadStore(), "gizmo", "var params={};"+preludeSrc+q, Limits{Limit: 10, Timeout: time.Minute})
		t.Logf("%v %.80v %v\n   %s", time.Since(start), res, err, q)
	}
}
