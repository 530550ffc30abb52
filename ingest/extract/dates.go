package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

const monthRe = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`

var (
	reMDY      = newPhraseRe(`\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`)
	reDMY      = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `(?:,?\s+(\d{4}))?\b`)
	reISO      = newPhraseRe(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reMonthY   = regexp.MustCompile(`\b(?:in|during|by|until|for|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?` + monthRe + `(?:,?\s+(\d{4}))?\b`)
	reYear     = newPhraseRe(`\b(?:in|during|by|early|late|later in|mid-?)\s+(\d{4})\b`)
	reWeekday  = newPhraseRe(`\b(?:on\s+|last\s+|this\s+|next\s+|coming\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reRelative = newPhraseRe(`(?i)\b(yesterday|today|tonight|this morning|this afternoon|this evening|earlier today|earlier this week|last week|this week|next week|last month|this month|next month|later this month|later this year|this year|next year|last year|early next year|later this week)\b`)
	reDayOnly  = regexp.MustCompile(`\b[Oo]n the (\d{1,2})(?:st|nd|rd|th)\b`)
	reReported = newPhraseRe(`(?i)\b(said|says|stated|announced|reported|added|statement|told|release|confirmed|noted)\s+(?:on\s+|late\s+|early\s+)?$`)
)

// dateExpr is a date found in a sentence.
type dateExpr struct {
	iso      string // resolved ISO date, month or year; "" when unresolved
	weekday  string // the weekday named, when the date could not be resolved
	pos      int    // byte offset in the sentence
	relative bool   // resolved against the publication date
	vague    bool   // "last week": a time but no date
	end      string // the last day of a range ("from April 8 to 11"), "" for one day
	sameDay  bool   // "later the same day": the day of the event told before
}

// findDates lists the dates of a sentence in order. Dates that only say when
// something was reported ("the ministry said Friday") are left out. planned
// resolves weekdays and months forward from the publication date instead
// of backward.
func findDates(s string, pub time.Time, hasPub bool, planned bool) []dateExpr {
	g := newGuarded(s)
	return findDatesIn(s, &g, pub, hasPub, planned)
}

var (
	// gMonth, gWeekday, gOnThe and gRelative guard the expressions of
	// months, weekdays, days of the month and relative dates; all but the
	// last are case-sensitive. Every month of monthRe begins with one of
	// gMonth's stems.
	gMonth    = caseGuardWords("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
	gWeekday  = caseGuardWords("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
	gOnThe    = caseGuardWords("on the ", "On the ")
	gRelative = guardWords("yesterday", "today", "tonight", "this morning", "this afternoon", "this evening",
		"this week", "this month", "this year", "last week", "last month", "last year", "next week", "next month", "next year")
)

// findDatesIn is findDates of a text whose guard words are known.
func findDatesIn(s string, g *guarded, pub time.Time, hasPub bool, planned bool) []dateExpr {
	var out []dateExpr
	taken := func(i int) bool {
		for _, d := range out {
			if i >= d.pos && i < d.pos+4 {
				return true
			}
		}
		return false
	}
	reported := func(i int) bool { return reReported.MatchString(s[:i]) }
	add := func(d dateExpr) {
		if !reported(d.pos) && !taken(d.pos) {
			out = append(out, d)
		}
	}
	digit := hasDigit(s)
	year := digit && hasYear(s)
	month := g.has(gMonth)
	weekday := g.has(gWeekday)
	relative := g.has(gRelative)
	for _, m := range findAllIf(year, reISO, s) {
		add(dateExpr{iso: s[m[0]:m[1]], pos: m[0]})
	}
	for _, m := range findAllIf(digit && month, reMDY, s) {
		mon := months[strings.ToLower(strings.TrimSuffix(s[m[2]:m[3]], "."))]
		day, _ := strconv.Atoi(s[m[4]:m[5]])
		year := ""
		if m[6] >= 0 {
			year = s[m[6]:m[7]]
		}
		if d, ok := dayDate(year, mon, day, pub, hasPub, planned); ok {
			de := dateExpr{iso: d, pos: m[0], relative: year == ""}
			if year == "" {
				// "April 8-11, 2025", "from April 8 to 11"
				if r := reRangeEnd.FindStringSubmatch(s[m[1]:]); r != nil {
					end, _ := strconv.Atoi(r[1])
					if r[2] != "" {
						year = r[2]
					}
					if d2, ok := dayDate(year, mon, day, pub, hasPub, planned); ok {
						de.iso, de.relative = d2, year == ""
					}
					de.end = rangeEnd(de.iso, end)
				}
			}
			add(de)
		}
	}
	for _, m := range findAllIf(digit && month, reDMY, s) {
		day, _ := strconv.Atoi(s[m[2]:m[3]])
		mon := months[strings.ToLower(strings.TrimSuffix(s[m[4]:m[5]], "."))]
		year := ""
		if m[6] >= 0 {
			year = s[m[6]:m[7]]
		}
		if d, ok := dayDate(year, mon, day, pub, hasPub, planned); ok {
			de := dateExpr{iso: d, pos: m[0], relative: year == ""}
			// "8-11 April", "from 8 to 11 April": the range begins before
			lead := max(m[0]-24, 0)
			if r := reRangeStart.FindStringSubmatchIndex(s[lead:m[0]]); r != nil {
				first, _ := strconv.Atoi(s[lead+r[2] : lead+r[3]])
				if d0, ok := dayDate(year, mon, first, pub, hasPub, planned); ok && d0 < d {
					de.iso, de.pos, de.end = d0, lead+r[0], d
				}
			}
			add(de)
		}
	}
	for _, m := range findAllIf(month, reMonthY, s) {
		mon := months[strings.ToLower(strings.TrimSuffix(s[m[2]:m[3]], "."))]
		if m[4] >= 0 {
			add(dateExpr{iso: s[m[4]:m[5]] + fmt.Sprintf("-%02d", mon), pos: m[0]})
		} else if hasPub {
			y := pub.Year()
			if planned && mon < pub.Month() {
				y++
			} else if !planned && mon > pub.Month() {
				y--
			}
			add(dateExpr{iso: fmt.Sprintf("%d-%02d", y, mon), pos: m[0], relative: true})
		}
	}
	ctxUsed := false // a month or week the day of the month was read in
	for _, m := range findAllIf(digit && hasPub && g.has(gOnThe), reDayOnly, s) {
		// "on the 14th": a day of the month of publication, or of the
		// month before; not "on the 14th session"
		rest := s[m[1]:]
		if !dayOfMonth(rest) {
			continue
		}
		day, _ := strconv.Atoi(s[m[2]:m[3]])
		fwd := planned
		switch clauseTense(s, m[0]) {
		case 1, 2:
			fwd = true
		case -1:
			fwd = false
		}
		iso, used := dayInContext(day, pub, fwd, s, rest, g.has(gRelative))
		if iso == "" {
			continue
		}
		ctxUsed = ctxUsed || used
		de := dateExpr{iso: iso, pos: m[0], relative: true}
		if r := reRangeEnd.FindStringSubmatch(rest); r != nil && r[2] == "" {
			end, _ := strconv.Atoi(r[1])
			de.end = rangeEnd(iso, end) // "on the 14th and 15th"
		}
		add(de)
	}
	for _, m := range findAllIf(year, reYear, s) {
		add(dateExpr{iso: s[m[2]:m[3]], pos: m[0]})
	}
	for _, m := range findAllIf(weekday, reWeekday, s) {
		name := s[m[2]:m[3]]
		lead := strings.ToLower(s[m[0]:m[2]])
		d := dateExpr{weekday: name, pos: m[0], relative: true}
		if hasPub {
			fwd := strings.Contains(lead, "next") || strings.Contains(lead, "coming")
			today := false
			switch clauseTense(s, m[0]) {
			case 2: // "was due to open on Monday", told on a Monday: that day
				fwd, today = true, true
			case 1:
				fwd = true
			case 0:
				fwd = fwd || planned
			}
			d.iso = weekdayDate(pub, weekdays[strings.ToLower(name)], fwd, strings.Contains(lead, "last"))
			if today && pub.Weekday() == weekdays[strings.ToLower(name)] {
				d.iso = pub.Format("2006-01-02")
			}
		}
		add(d)
	}
	for _, m := range findAllIf(g.has(gSameDay), reSameDay, s) {
		add(dateExpr{pos: m[0], sameDay: true})
	}
	for _, m := range findAllIf(relative, reRelative, s) {
		w := strings.ToLower(s[m[2]:m[3]])
		if ctxUsed && dayContext[w] {
			continue // "on the 14th of last month": the day says it
		}
		d := dateExpr{pos: m[0], relative: true}
		switch w {
		case "last week", "this week", "earlier this week", "later this week", "next week", "last month", "this month", "later this month":
			d.vague = true
			if hasPub && (w == "this month" || w == "later this month") {
				d.iso, d.vague = pub.Format("2006-01"), false
			}
			if hasPub && strings.HasSuffix(w, "this week") {
				// the days of the week of publication: a month when they
				// all fall in one ("last week" is left a week)
				if m := weekMonth(pub, w); m != "" {
					d.iso, d.vague = m, false
				}
			}
		case "yesterday":
			if hasPub {
				d.iso = pub.AddDate(0, 0, -1).Format("2006-01-02")
			}
		case "next month":
			if hasPub {
				d.iso = time.Date(pub.Year(), pub.Month()+1, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
			}
		case "next year", "early next year":
			if hasPub {
				d.iso = strconv.Itoa(pub.Year() + 1)
			}
		case "this year", "later this year":
			if hasPub {
				d.iso = strconv.Itoa(pub.Year())
			}
		case "last year":
			if hasPub {
				d.iso = strconv.Itoa(pub.Year() - 1)
			}
		default: // today, tonight, this morning ...
			if hasPub {
				d.iso = pub.Format("2006-01-02")
			}
		}
		if d.iso == "" && !d.vague {
			continue
		}
		add(d)
	}
	sortDates(out)
	return out
}

// dayGatheringWords follow the number of a gathering ("the 14th session",
// "the 3rd Joint Commission", "the 2nd JWG") or of something other than a
// day ("the 14th anniversary"): after them "on the 14th" is no date.
var dayGatheringWords = map[string]bool{"meeting": true, "meetings": true, "round": true, "rounds": true, "session": true,
	"sessions": true, "edition": true, "summit": true, "dialogue": true, "consultations": true, "conference": true,
	"symposium": true, "forum": true, "talks": true, "iteration": true, "plenary": true, "ministerial": true,
	"annual": true, "bilateral": true, "global": true, "joint": true, "strategic": true, "political": true,
	"intergovernmental": true, "commission": true, "committee": true, "council": true, "congress": true,
	"working": true, "group": true, "high-level": true, "sitting": true, "jwg": true, "jpc": true, "jcc": true,
	"jmc": true, "jpcc": true, "bnc": true, "2+2": true, "mechanism": true, "negotiations": true,
	"day": true, "anniversary": true, "floor": true, "time": true, "century": true, "birthday": true,
	"place": true, "year": true, "week": true, "stage": true, "phase": true, "leg": true, "part": true}

// reDayMonthCtx reads the month "on the 14th" is of when the next words
// say it: "of this month", "of last month".
var reDayMonthCtx = regexp.MustCompile(`^\s+of\s+(?:the\s+)?(this|last|next|current|previous|past|same|that)\s+month\b`)

// dayOfMonth reports whether "on the 14th" followed by the text rest is a
// day of the month, not the number of a gathering that the next words
// name: "on the 14th, the commission met", "concluded on the 14th with",
// "the talks on the 2nd were" but not "on the 14th session", "on the 3rd
// Kazakh-Turkish Joint Commission", nor "on the 14th of May" (a date read
// with its month).
func dayOfMonth(rest string) bool {
	if reDayMonthCtx.MatchString(rest) {
		return true
	}
	words := strings.Fields(rest)
	for i := 0; i < len(words) && i < 8; i++ {
		w := words[i]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true // "on the 14th, ..."
		}
		core := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' })
		lw := strings.ToLower(core)
		if dayGatheringWords[lw] {
			return false
		}
		if i == 0 && lw == "of" {
			if i+1 < len(words) {
				if _, ok := months[strings.ToLower(strings.TrimRight(words[i+1], ".,;"))]; ok {
					return false // "on the 14th of May": the month's
				}
			}
			return true
		}
		if (lw == "and" || lw == "to") && i+2 < len(words) && ordinalNumeral(words[i+1]) {
			i++ // "on the 14th and 15th sessions"
			continue
		}
		if !unicode.IsUpper(r) || core != w {
			return true // a word of the sentence: "on the 14th the", "on the 21st with"
		}
		// a capitalized word may begin the name of a mechanism: look on
	}
	return true
}

// ordinalNumeral reports whether w is "15th", "2nd".
func ordinalNumeral(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(strings.ToLower(w), suf); ok && n != "" {
			if _, err := strconv.Atoi(n); err == nil {
				return true
			}
		}
	}
	return false
}

// dayContext names the months and weeks that a day of the month may be
// read in.
var dayContext = map[string]bool{"last month": true, "this month": true, "later this month": true, "next month": true,
	"last week": true, "this week": true, "earlier this week": true, "later this week": true}

// dayInContext is the ISO date of day of the month: of the month that the
// words after it ("of last month") or the sentence ("last week", "this
// month") name, else of the month of publication, or of the month before
// (after, when fwd) when that day has not come yet (is past). used reports
// whether a month or week of the sentence decided; relative, whether the
// sentence may name one.
func dayInContext(day int, pub time.Time, fwd bool, s, rest string, relative bool) (iso string, used bool) {
	at := func(t time.Time) string {
		if t.Day() != day {
			return ""
		}
		return t.Format("2006-01-02")
	}
	month := func(off int) time.Time {
		return time.Date(pub.Year(), pub.Month()+time.Month(off), day, 0, 0, 0, 0, time.UTC)
	}
	ctx := ""
	if m := reDayMonthCtx.FindStringSubmatch(rest); m != nil {
		switch m[1] {
		case "last", "previous", "past":
			ctx = "last month"
		case "next":
			ctx = "next month"
		default:
			ctx = "this month"
		}
	} else if relative {
		for _, m := range reRelative.FindAllStringSubmatchIndex(s, -1) {
			if w := strings.ToLower(s[m[2]:m[3]]); dayContext[w] {
				ctx = w
				break
			}
		}
	}
	switch ctx {
	case "last month":
		return at(month(-1)), true
	case "next month":
		return at(month(1)), true
	case "this month", "later this month":
		return at(month(0)), true
	case "last week", "this week", "earlier this week", "later this week":
		monday := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
		if ctx == "last week" {
			monday = monday.AddDate(0, 0, -7)
		}
		for off := -1; off <= 1; off++ {
			t := month(off)
			if t.Day() == day && !t.Before(monday) && t.Before(monday.AddDate(0, 0, 7)) {
				return t.Format("2006-01-02"), true
			}
		}
	}
	t := month(0)
	if !fwd && t.After(pub) {
		t = month(-1)
	} else if fwd && t.Before(pub) {
		t = month(1)
	}
	return at(t), false
}

// The tense of a clause: the future, or a past that the future of a
// sentence's other clauses ("said Brazil had no plans to ...") does not
// change; "was due to open" is a future seen from the past.
var (
	reFutureTense = newPhraseRe(`(?i)\b((?:was|were|is|are|had been|has been)\s+(?:due|scheduled|expected|set|supposed|slated|planned)\s+to|will|shall|to be held|is to|are to|going to|due to|scheduled (?:to|for)|expected to|set to|slated (?:to|for))\b`)
	rePastTense   = newPhraseRe(`(?i)\b(said|was|were|had|met|held|told|spoke|talked|discussed|signed|agreed|announced|visited|received|hosted|called|co-chaired|chaired|led|took|paid|arrived|attended|opened|concluded|began)\b`)
)

// clauseTense is the tense that governs a date at byte pos of a sentence:
// 1 for the future, 2 for a future seen from the past ("was due to"), -1
// for the past, 0 when the clause does not say. The
// nearest tense word before the date in its clause decides, else the
// first after it ("Speaking to reporters on Tuesday, X said ...").
func clauseTense(s string, pos int) int {
	start := strings.LastIndexAny(s[:pos], ",;:(—")
	start++
	best, bestPos, after, afterPos := 0, -1, 0, len(s)
	for _, c := range []struct {
		re    *phraseRe
		tense int
	}{{reFutureTense, 1}, {rePastTense, -1}} {
		for _, m := range c.re.FindAllStringSubmatchIndex(s[start:], -1) {
			at, tense := start+m[0], c.tense
			if tense == 1 && pastOfFuture(s, at) {
				tense = 2
			}
			if tense == -1 && strings.HasSuffix(strings.ToLower(s[max(at-3, 0):at]), "be ") {
				continue // "will be held": a participle, the modal tells the tense
			}
			if at < pos && at > bestPos {
				best, bestPos = tense, at
			} else if at >= pos && at < afterPos {
				after, afterPos = tense, at
			}
		}
	}
	if bestPos >= 0 {
		return best
	}
	return after
}

// Ranges of days ("April 8-11", "8 to 11 April") and days told by the
// event before ("later the same day").
var (
	reRangeEnd   = regexp.MustCompile(`^\s*(?:-|–|—|to|until|through|and)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	reRangeStart = regexp.MustCompile(`\b(?:from\s+|between\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|through|and)\s*$`)
	gSameDay     = guardWords("same ", "that ", "in the ", "ſ")
	reSameDay    = newPhraseRe(`(?i)\b((?:later|earlier) (?:on )?(?:the same day|that day|in the day)|(?:on )?the same day|that same day|earlier in the day|later in the day|later that day|earlier that day|(?:later |earlier )?(?:that|the same) (?:evening|afternoon|morning|night)|later in the (?:evening|afternoon))\b`)
)

// rangeEnd is the ISO date of day end in the month of the ISO date start,
// or of the next month when end comes before start ("March 30 - 2").
func rangeEnd(start string, end int) string {
	t, err := time.Parse("2006-01-02", start)
	if err != nil || end < 1 || end > 31 {
		return ""
	}
	e := time.Date(t.Year(), t.Month(), end, 0, 0, 0, 0, time.UTC)
	if end < t.Day() {
		e = time.Date(t.Year(), t.Month()+1, end, 0, 0, 0, 0, time.UTC)
	}
	if e.Day() != end || e.Sub(t) > 31*24*time.Hour {
		return ""
	}
	return e.Format("2006-01-02")
}

// pastOfFuture reports whether the future phrase at byte at is told from
// the past: "was due to", "were scheduled for".
func pastOfFuture(s string, at int) bool {
	w := strings.ToLower(s[at:min(at+9, len(s))])
	if strings.HasPrefix(w, "was ") || strings.HasPrefix(w, "were ") || strings.HasPrefix(w, "had been ") {
		return true
	}
	before := strings.ToLower(s[max(at-9, 0):at])
	return strings.HasSuffix(before, "was ") || strings.HasSuffix(before, "were ") || strings.HasSuffix(before, "had been ")
}

func sortDates(ds []dateExpr) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].pos < ds[j-1].pos; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// weekMonth is the month of the days that "this week", "earlier this
// week" or "later this week" mean from the publication date, when they all
// fall in one month; "" otherwise.
func weekMonth(pub time.Time, w string) string {
	monday := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
	from, to := monday, monday.AddDate(0, 0, 6)
	switch w {
	case "earlier this week":
		to = pub
	case "later this week":
		from = pub
	}
	if from.Year() != to.Year() || from.Month() != to.Month() {
		return ""
	}
	return from.Format("2006-01")
}

// dayDate resolves a day of a month; a missing year comes from the
// publication date (the nearest year that fits the tense).
func dayDate(year string, mon time.Month, day int, pub time.Time, hasPub, planned bool) (string, bool) {
	if mon == 0 || day < 1 || day > 31 {
		return "", false
	}
	y := 0
	if year != "" {
		y, _ = strconv.Atoi(year)
	} else if hasPub {
		y = pub.Year()
		t := time.Date(y, mon, day, 0, 0, 0, 0, time.UTC)
		if !planned && t.After(pub.AddDate(0, 0, 7)) {
			y--
		} else if planned && t.Before(pub.AddDate(0, 0, -7)) {
			y++
		}
	} else {
		return "", false
	}
	t := time.Date(y, mon, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// weekdayDate is the date of the weekday nearest the publication date:
// the last one on or before it, or for planned events the next one after.
func weekdayDate(pub time.Time, wd time.Weekday, forward, lastWeek bool) string {
	if forward {
		d := (int(wd) - int(pub.Weekday()) + 7) % 7
		if d == 0 {
			d = 7
		}
		return pub.AddDate(0, 0, d).Format("2006-01-02")
	}
	d := (int(pub.Weekday()) - int(wd) + 7) % 7
	if lastWeek && d == 0 {
		d = 7
	}
	return pub.AddDate(0, 0, -d).Format("2006-01-02")
}

// submatchFinder is a *regexp.Regexp or a *phraseRe.
type submatchFinder interface {
	FindAllStringSubmatchIndex(s string, n int) [][]int
}

// findAllIf is FindAllStringSubmatchIndex when ok, nothing otherwise.
func findAllIf(ok bool, re submatchFinder, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// reDatedLine is a line that dates the report: "Berlin, March 31, 2015",
// "Nairobi, 15th May 2025" (see reLineDateline).
var reDatedLine = regexp.MustCompile(`^\p{Lu}[\p{L} .'’-]{1,40}?,\s*((?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}))\.?$`)

// datelineDay is the day a report's text speaks from: the date of a
// dateline line among its first lines when it falls in the week before
// publication ("Berlin, March 31, 2015" in a page published on April 1:
// its "today" is March 31), else the publication day.
func datelineDay(body string, pub time.Time, hasPub bool) time.Time {
	if !hasPub {
		return pub
	}
	for n := 0; n < 12 && body != ""; n++ {
		line, rest, _ := strings.Cut(body, "\n")
		body = rest
		line = strings.TrimSpace(line)
		if len(line) > 60 {
			continue
		}
		m := reDatedLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, dt := range findDates(m[1], pub, true, false) {
			t, err := time.Parse("2006-01-02", dt.iso)
			if err == nil && !t.After(pub) && pub.Sub(t) <= 7*24*time.Hour {
				return t
			}
		}
	}
	return pub
}
