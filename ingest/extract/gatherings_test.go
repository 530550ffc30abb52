package extract

import "testing"

// The gathering on whose sidelines a meeting took place is an event of
// its own, of the countries met there, with its ordinal and place.
func TestHostGathering(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn on Tuesday " +
		"on the sidelines of the 12th Ocean Forum in Lisbon."})
	got := summarise(r)
	if len(got) != 2 {
		t.Fatalf("events %+v, want the meeting and the forum", got)
	}
	g := got[1]
	if g.kind != "conference" || g.ordinal != 12 || g.place != "place:prt/lisbon" || g.countries != "CHL-NOR" {
		t.Errorf("gathering %+v, want the 12th forum in Lisbon of Chile and Norway", g)
	}
	if got[0].place != "place:prt/lisbon" || got[0].ordinal != 0 {
		t.Errorf("meeting %+v, want it in Lisbon with no ordinal", got[0])
	}
}

// A numbered gathering of many is kept when the report names only one of
// its members.
func TestNumberedGatheringOfOne(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean President Anna Vell opened the 58th Pacific Ministers' Conference in Santiago on 11 June 2025."})
	if got := summarise(r); len(got) != 1 || got[0].kind != "conference" || got[0].ordinal != 58 {
		t.Errorf("events %+v, want the 58th conference", got)
	}
}

// The gathering on whose sidelines a minister met a counterpart is an
// event of its own even when the meeting was first told without the
// sidelines (a headline), and it takes the sides and people of the
// meetings told after it that do not name it again.
func TestGatheringOfLaterAsides(t *testing.T) {
	x := newTest(t)
	body := "Chilean and Peruvian foreign ministers hold talks\n\n" +
		"Chilean Foreign Minister Anna Vell met Peruvian Foreign Minister Luis Salas in Oslo on the sidelines of the Arctic Forum on Tuesday.\n\n" +
		"Vell also held meetings with her Latvian, Irish and Danish counterparts on Wednesday."
	r := x.Extract(Input{Published: "2025-06-12", Body: body})
	var g *summary
	got := summarise(r)
	for i := range got {
		if got[i].kind == "conference" {
			g = &got[i]
		}
	}
	if g == nil || g.countries != "CHL-DNK-IRL-LVA-PER" || g.place != "place:nor/oslo" {
		t.Errorf("events %+v, want the forum in Oslo with all five sides", got)
	}
}

// A sentence announcing bilateral meetings on the sidelines of a
// gathering without naming the sides makes the meeting told after it,
// with no place of its own, one of them: the gathering is an event, and
// the meeting was held where it was.
func TestAnnouncedAsides(t *testing.T) {
	x := newTest(t)
	body := "Chilean Foreign Minister Anna Vell held several bilateral meetings on the sidelines of the Ocean Economy Forum in Lisbon.\n\n" +
		"The forum brings together ministers and experts every year.\n\n" +
		"Vell met Peruvian Foreign Minister Luis Salas to discuss fisheries."
	r := x.Extract(Input{Published: "2025-06-12", Body: body})
	got := summarise(r)
	kinds := map[string]string{}
	for _, e := range got {
		kinds[e.kind] = e.place
	}
	if kinds["meeting"] != "place:prt/lisbon" || kinds["conference"] != "place:prt/lisbon" {
		t.Errorf("events %+v, want the meeting and the forum, both in Lisbon", got)
	}
}
