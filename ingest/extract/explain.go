package extract

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Explain writes, for each sentence of the report, what the extractor saw
// in it (the event word, people with their titles and countries, countries,
// dates), then the events it assembled. It is the answer to "why did the
// extractor find this, or miss that?".
func (x *Extractor) Explain(w io.Writer, in Input) error {
	d := x.newDoc(in)
	if d.dateline != nil {
		fmt.Fprintf(w, "dateline: %s (%s)\n", d.dateline.Name, d.dateline.Country)
	}
	if o := d.own; o.iso3 != "" {
		fmt.Fprintf(w, "own country: %s (from the %s; government %v, first person %v, named in the text %v)\n",
			o.iso3, o.from, o.government, o.firstPerson, o.mentioned)
	}
	for _, s := range d.sents {
		fmt.Fprintf(w, "[%d] %s\n", s.idx, s.text)
		if m := d.read(s); m.ok {
			fmt.Fprintf(w, "    event word %q: %s (CAMEO %s)", s.toks[m.ti].text, m.tr.kind, m.tr.cameo)
			if m.planned {
				fmt.Fprint(w, ", future")
			}
			if m.notHeld {
				fmt.Fprint(w, ", not held")
			}
			if m.past {
				fmt.Fprint(w, ", earlier")
			}
			if m.refOnly {
				fmt.Fprint(w, ", refers back")
			}
			fmt.Fprintln(w)
		}
		for _, p := range s.persons {
			fmt.Fprintf(w, "    person %q title=%q country=%s\n", p.p.name, p.p.title, p.p.finalCountry())
		}
		var cs []string
		for _, c := range s.cref {
			cs = append(cs, c.iso3+"("+s.toks[c.tok].text+")")
		}
		if len(cs) > 0 {
			fmt.Fprintf(w, "    countries %s\n", strings.Join(cs, " "))
		}
		for _, dt := range s.dates {
			switch {
			case dt.iso != "":
				fmt.Fprintf(w, "    date %s\n", dt.iso)
			case dt.weekday != "":
				fmt.Fprintf(w, "    weekday %s (no publication date to resolve it)\n", dt.weekday)
			}
		}
	}
	d.run()
	for _, e := range d.events {
		fmt.Fprintf(w, "EVENT %s countries=%v ordinal=%d series=%s date=%s", e.kind, e.countries, e.ordinal, e.mech, e.date)
		if e.place != nil {
			fmt.Fprintf(w, " place=%s", e.place.Name)
		}
		fmt.Fprintln(w)
		var idx []string
		for _, st := range e.sents {
			idx = append(idx, fmt.Sprint(st.idx))
		}
		fmt.Fprintf(w, "    from sentences [%s]", strings.Join(idx, " "))
		if e.earlier {
			fmt.Fprint(w, ", an earlier event")
		}
		if len(e.others) > 0 {
			fmt.Fprintf(w, ", one of several encounters (with %s)", strings.Join(e.others, " "))
		}
		fmt.Fprintln(w)
		people := sortedPeople(e.roles)
		sort.SliceStable(people, func(i, j int) bool { return roleRank[e.roles[people[i]]] < roleRank[e.roles[people[j]]] })
		for _, p := range people {
			fmt.Fprintf(w, "    %s %s\n", e.roles[p], p.name)
		}
		if e.next != nil {
			fmt.Fprintf(w, "    next meeting: date=%s", e.next.date)
			if e.next.place != nil {
				fmt.Fprintf(w, " place=%s", e.next.place.Name)
			} else if e.next.placeCtry != "" {
				fmt.Fprintf(w, " place=%s", e.next.placeCtry)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}
