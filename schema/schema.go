// Package schema holds the vocabulary of diplograph's graph contract
// (SCHEMA.md): classes, predicates, IRI constructors with their identity
// rules, and the typed Record that extraction produces and that becomes
// quads labelled with the report that asserted them.
package schema

import "github.com/cayleygraph/quad"

// Classes, the objects of <rdf:type>.
const (
	Country      = quad.IRI("dg:Country")
	Person       = quad.IRI("dg:Person")
	Organization = quad.IRI("dg:Organization")
	Place        = quad.IRI("dg:Place")
	Region       = quad.IRI("dg:Region")
	Series       = quad.IRI("dg:Series")
	Event        = quad.IRI("dg:Event")
	Topic        = quad.IRI("dg:Topic")
	Report       = quad.IRI("dg:Report")
)

// Generic predicates.
const (
	Type  = quad.IRI("rdf:type")
	Name  = quad.IRI("schema:name")
	Alias = quad.IRI("dg:alias")
)

// Role predicates point from an actor (country, person, organization) to an event.
const (
	ParticipatedIn = quad.IRI("dg:participated_in")
	CoChaired      = quad.IRI("dg:co_chaired")
	Chaired        = quad.IRI("dg:chaired")
	LedDelegation  = quad.IRI("dg:led_delegation")
	Hosted         = quad.IRI("dg:hosted")
	SpokeAt        = quad.IRI("dg:spoke_at")
	Signed         = quad.IRI("dg:signed")
	Member         = quad.IRI("dg:member")
)

// Event attributes.
const (
	Kind        = quad.IRI("dg:kind")
	CAMEO       = quad.IRI("dg:cameo")
	PartOf      = quad.IRI("dg:part_of")
	Ordinal     = quad.IRI("dg:ordinal")
	Date        = quad.IRI("dg:date")
	Weekday     = quad.IRI("dg:weekday")
	HeldIn      = quad.IRI("dg:held_in")
	Status      = quad.IRI("dg:status")
	NextMeeting = quad.IRI("dg:next_meeting")
	Discussed   = quad.IRI("dg:discussed")
	Agreed      = quad.IRI("dg:agreed")
	Evidence    = quad.IRI("dg:evidence")
)

// Person, organization, place and report attributes.
const (
	Title          = quad.IRI("dg:title")
	Rank           = quad.IRI("dg:rank")
	AffiliatedWith = quad.IRI("dg:affiliated_with")
	Represents     = quad.IRI("dg:represents")
	InCountry      = quad.IRI("dg:country")
	URL            = quad.IRI("dg:url")
	Publisher      = quad.IRI("dg:publisher")
	Published      = quad.IRI("dg:published")
	Dateline       = quad.IRI("dg:dateline")
	Reports        = quad.IRI("dg:reports")
	// Digest is an extension: the SHA-256 of a report's quads, so that an
	// unchanged report is recognised without reading its quads back.
	Digest = quad.IRI("dg:digest")
	// Source is an extension: where a report was read from (a path or URL).
	Source = quad.IRI("dg:source")
	// Format is an extension: the reader that read a report ("text",
	// "html", "jsonl", "feed", "gdelt"), so that a query can tell events
	// coded by GDELT from events extracted from text.
	Format = quad.IRI("dg:format")
	// Input is an extension: a hash of a report's input (its header, body
	// and source) and of the program that extracted it, so that re-ingest
	// skips an unchanged report without extracting it again.
	Input = quad.IRI("dg:input")
)

// Event kinds, the values of <dg:kind>.
const (
	KindMeeting    = "meeting"
	KindVisit      = "visit"
	KindCall       = "call"
	KindSummit     = "summit"
	KindConference = "conference"
	KindSigning    = "signing"
)

// Kinds lists every event kind in a stable order.
func Kinds() []string {
	return []string{KindMeeting, KindVisit, KindCall, KindSummit, KindConference, KindSigning}
}

// Event statuses, the values of <dg:status>.
const (
	StatusHeld    = "held"
	StatusPlanned = "planned"
)

// Series types: the mechanism part of a series IRI.
const (
	SeriesJointWorkingGroup = "joint-working-group"
	SeriesJointCommission   = "joint-commission"
	SeriesJointCommittee    = "joint-committee"
	SeriesStrategicDialogue = "strategic-dialogue"
	SeriesDialogue          = "dialogue"
	SeriesConsultations     = "consultations"
	SeriesTalks             = "talks"
	SeriesSummit            = "summit"
	SeriesMechanism         = "mechanism"
)

// SeriesTypes lists the series types of SCHEMA.md.
func SeriesTypes() []string {
	return []string{SeriesJointWorkingGroup, SeriesJointCommission, SeriesJointCommittee,
		SeriesStrategicDialogue, SeriesDialogue, SeriesConsultations, SeriesTalks,
		SeriesSummit, SeriesMechanism}
}
