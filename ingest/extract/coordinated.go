package extract

// Stage 1 (for events): a sentence that joins two events, each with its
// own verb and date, is read as two clauses: "X visited Pakistan in
// January and the two ministers also met on 29 March in Dushanbe" tells
// of a visit and of a meeting.

// clauseVerbs are the past-tense verbs that open an event clause.
var clauseVerbs = map[string]bool{"met": true, "visited": true, "held": true, "signed": true, "spoke": true,
	"travelled": true, "traveled": true, "hosted": true, "received": true, "attended": true, "convened": true}

// splitCoordinated replaces each sentence that joins two dated events with
// "and" by its two clauses, each read as a sentence of its own (with the
// sentence's index).
func (d *doc) splitCoordinated(sents []*sentence) []*sentence {
	var out []*sentence
	for _, s := range sents {
		k := coordinatedAt(s)
		if k < 0 {
			out = append(out, s)
			continue
		}
		left := d.x.analyse(d, s.idx, s.text[:s.toks[k].start])
		right := d.x.analyse(d, s.idx, s.text[s.toks[k].end:])
		if _, _, ok := d.x.findTrigger(left); !ok || len(left.dates) == 0 || len(right.dates) == 0 || left.dates[0].iso == right.dates[0].iso {
			out = append(out, s)
			continue
		}
		out = append(out, left, right)
	}
	return out
}

// coordinatedAt is the token of the "and" that opens a second event
// clause with its own date ("... in January and the two ministers also
// met on 29 March ..."), -1 when there is none.
func coordinatedAt(s *sentence) int {
	if len(s.dates) < 2 {
		return -1
	}
	for k, t := range s.toks {
		if t.key != "and" || k == 0 || k+2 >= len(s.toks) {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+8; j++ {
			if clauseVerbs[s.toks[j].key] {
				// a date on each side of the "and"
				before, after := false, false
				for _, dt := range s.dates {
					if dt.pos < t.start {
						before = true
					} else {
						after = true
					}
				}
				if before && after {
					return k
				}
				break
			}
			if s.toks[j].key == "," || s.toks[j].key == "and" {
				break
			}
		}
	}
	return -1
}
