package extract

import "testing"

// read hands on, for each sentence, its event word with the tense and
// modality of that word's clause.
func TestRead(t *testing.T) {
	x := newTest(t)
	d := x.newDoc(Input{Published: "2025-06-12", Body: "Chile and Norway held talks in Oslo on 11 June 2025. " +
		"The ministers will meet again in Santiago in December. " +
		"Their previous meeting took place in Santiago in 2019. " +
		"The talks reflected growing trust."})
	want := []struct{ planned, past, refOnly bool }{{false, false, false}, {true, false, false}, {false, true, false}, {false, false, true}}
	for i, w := range want {
		m := d.read(d.sents[i])
		if !m.ok || m.planned != w.planned || m.past != w.past || m.refOnly != w.refOnly {
			t.Errorf("sentence %d: reading %+v, want planned %v, past %v, refers back %v", i, m, w.planned, w.past, w.refOnly)
		}
	}
}
