package extract

import (
	"regexp"
	"strings"
)

// The phrase patterns the event stages share, each behind a guard (see
// guard.go).

var (
	reCoref     = regexp.MustCompile(`(?i)(?:\b(?:the|this|that|these|during the|at the|after the|on the sidelines of the|\w+'s|\w+’s)\s+(?:[\w-]+\s+){0,2}|\balso\s+(?:attended|took part in|joined|participated in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})(meeting|talks|dialogue|consultations|session|visit|call|conversation|working group|commission|committee|summit|symposium|conference|forum|event|round|discussions|ceremony|gathering|negotiations|exchange|document|agreement|accord|memorandum|treaty|deal|trip|lunch|dinner|retreat|consultation)\b`)
	reBilateral = newPhraseRe(`(?i)\b(bilateral (?:meeting|talks)|one-on-one|separate (?:meeting|talks))\b`)
	reSidelines = newPhraseRe(`(?i)\bon the (?:sidelines|margins)\b`)
	reSides     = newPhraseRe(`(?i)\b(the two sides|both sides|the sides|the two countries|both countries|the two leaders|both leaders|the two ministers|both ministers|the two delegations|both delegations|the delegations|the leaders|the ministers|they|the two officials|the two)\b`)
	reNext      = newPhraseRe(`(?i)\bnext\s+(meeting|round|session|edition|summit|dialogue|consultations|talks|iteration|jwg|jcc|jmc)\b`)
	reNextB     = newPhraseRe(`(?i)\b(will|would|shall|agreed to|decided to|to)\s+(?:be\s+)?(held|hold|hosted|host|convened|convene|take place|meet|organi[sz]e)\b`)
	reAgreed    = regexp.MustCompile(`(?i)\bagreed\s+(?:to|on|that)\s+([^,;.]+)`)
	reDiscuss   = regexp.MustCompile(`(?i)\b(discuss|exchanged views|exchange of views|focus|situation|talked about|reviewed|agenda|briefed|concern|issues?)\w*`)
	reHere      = regexp.MustCompile(`(?i)\b(held|hosted|met|meeting|meetings|convened|talks|took place|consultations|session|visit|arrived|opened|concluded|summit|conference|forum|dialogue|round|signed)\s+here\b|\bhere\s+(?:on|today|yesterday|tonight|this|last|earlier|late|early|during|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reCapital   = regexp.MustCompile(`(?i)\b(?:the\s+)?([A-Z][a-z]+)\s+capital\b`)
	reCoChair   = newPhraseRe(`(?i)\b(co-?chair|jointly (?:hosted|chaired|presided|led))`)
	reChair     = newPhraseRe(`(?i)\b(chaired|presided|chairmanship|chaired by|in the chair)\b`)
	reLed       = newPhraseRe(`(?i)\b(led|headed|leading|heading)\b`)
	reSpeak     = newPhraseRe(`(?i)\b(addressed|address|speech|remarks|keynote|told the (?:gathering|conference|symposium|forum|meeting|summit|audience|participants|delegates)|said (?:during|at) the|opening the|in (?:his|her) address|spoke at|delivered)\b`)
)

// The guards of the expressions of events (see guard.go).
var (
	gCoref     = guardWords(corefNouns...)
	gSides     = guardWords("sides", "countries", "leaders", "ministers", "delegations", "they", "officials", "the two")
	gChair     = guardWords("chair", "jointly")
	gPresided  = guardWords("presided")
	gLed       = guardWords(ledWords...)
	gHeld      = guardWords("held", "hold", "met ", "convened", "took place")
	gSidelines = guardWords("sidelines", "margins")
	gNext      = guardWords("next")
	gNextB     = guardWords("held", "hold", "host", "conven", "take place", "meet", "organi")
	gDiscuss   = guardWords("discuss", "exchange", "focus", "situation", "talked about", "reviewed", "agenda", "briefed", "concern", "issue")
	gHere      = guardWords("here")
	gCapital   = guardWords("capital")
	gAgreed    = guardWords("agreed")
)

// ledWords guard reLed.
var ledWords = []string{"led", "head", "lead"}

// hasLed is reLed.MatchString behind a guard, for a clause.
func hasLed(text string) bool {
	return hasAny(strings.ToLower(text), ledWords...) && reLed.MatchString(text)
}

// findCapital is reCapital.FindStringSubmatch of a sentence behind a guard.
func findCapital(s *sentence) []string {
	if !s.has(gCapital) {
		return nil
	}
	return reCapital.FindStringSubmatch(s.text)
}

// corefNouns guard reCoref: every match ends with one of them.
var corefNouns = []string{"meeting", "talks", "dialogue", "consultations", "session", "visit", "call", "conversation", "working group",
	"commission", "committee", "summit", "symposium", "conference", "forum", "event", "round", "discussions", "ceremony", "gathering",
	"negotiations", "exchange", "document", "agreement", "accord", "memorandum", "treaty", "deal", "trip", "lunch", "dinner", "retreat", "consultation"}

// findAgreed is reAgreed.FindAllStringSubmatch of a sentence behind a guard.
func findAgreed(s *sentence) [][]string {
	if !s.has(gAgreed) {
		return nil
	}
	return reAgreed.FindAllStringSubmatch(s.text, -1)
}

// findDiscuss is reDiscuss.FindStringIndex of a sentence behind a guard.
func findDiscuss(s *sentence) []int {
	if !s.has(gDiscuss) {
		return nil
	}
	return reDiscuss.FindStringIndex(s.text)
}

// hasHere is reHere.MatchString of a sentence behind a guard.
func hasHere(s *sentence) bool {
	return s.has(gHere) && reHere.MatchString(s.text)
}
