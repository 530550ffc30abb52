package extract

// The event half of the extractor runs in stages, each in its own files:
//
//  1. sentences and clauses: sentences.go splits the body, sentence.go
//     reads each sentence (tokens, dictionary phrases, people, countries,
//     dates), clause.go scopes tense and modality to clauses;
//  2. mentions of places and dates: dates.go, places.go, ordinals.go;
//  3. event mentions: triggers.go finds a sentence's event word, read
//     (below) hands on what the sentence says of it as a reading, and
//     args.go and eventroles.go (with roles.go) build the event the sentence states with its
//     arguments (countries, people in their roles, date, place, ordinal,
//     mechanism);
//  4. document-level merging: merge.go folds each event mention into an
//     event told before when they are compatible (counterparts, date at
//     its own precision, kind, place) or starts a new one; earlier.go
//     keeps earlier events apart, encounters.go splits one side's
//     meetings with several others, next.go reads the next meeting;
//  5. settling and records: finish.go settles countries, kinds and places,
//     counterpart.go gives one-sided events their other side, gatherings.go
//     adds the gatherings on whose sidelines meetings took place, and
//     record.go writes the schema.Record.

// reading is what one sentence says of an event, handed from the mention
// stage to the merging stage: its event word, whether it refers back to
// an event told before, and its tense and modality scoped to that word.
type reading struct {
	tr      trigger
	ti      int  // token of the event word, -1 when there is none
	ok      bool // the sentence has an event word
	skipped bool // an event word was passed over as naming no event held
	coref   bool // a referring phrase: "the talks", "this visit"
	sides   bool // "the two sides", "both ministers"
	roles   bool // says who chaired or led
	refOnly bool // the event word itself refers back: "the visit reflected ..."
	planned bool // the event word is governed by a future cue of its clause
	notHeld bool // the event was put off, called off or only due
	past    bool // the event told is an earlier one
}

// read is the mention stage for one sentence.
func (d *doc) read(s *sentence) reading {
	var m reading
	m.tr, m.ti, m.ok, m.skipped = d.x.findTriggerSkip(s)
	m.coref = s.has(gCoref) && reCoref.MatchString(s.text)
	m.sides = s.has(gSides) && reSides.MatchString(s.text)
	m.roles = s.has(gChair) && (reCoChair.MatchString(s.text) || reChair.MatchString(s.text)) ||
		s.has(gPresided) && reChair.MatchString(s.text) || s.has(gLed) && reLed.MatchString(s.text) && reSide.MatchString(s.text)
	if !m.ok {
		return m
	}
	m.planned = plannedAt(s, m.ti, m.ti+len(m.tr.words)) && !s.past && !doneBefore(s, m.ti)
	m.notHeld = notHeld(s, m.ti)
	// "the talks reflected ...": the event word refers back, unless it
	// carries its own ordinal ("The 1st Consultation: May 19, 2007")
	ref := m.coref && triggerInRef(s, m.ti) && !s.has(gHeld) && d.x.ordinalBefore(s, m.ti) == 0
	m.refOnly = ref
	m.past = s.past || background(s) || previousOf(s, m.ti) || !ref && d.datedBefore(s, m.ti)
	return m
}
