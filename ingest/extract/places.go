package extract

import (
	"github.com/diplograph/diplograph/ingest/gazetteer"
)

// Stage 2: where a sentence says something took place.

// namesVenue reports whether the sentence says that something happened at
// a named building: "at the Casa Rosada", "at Hyderabad House", "at the
// Itamaraty Palace".
func namesVenue(s *sentence) bool {
	for k := 0; k+1 < len(s.toks); k++ {
		if s.toks[k].key != "at" {
			continue
		}
		j := k + 1
		if s.toks[j].key == "the" && j+1 < len(s.toks) {
			j++
		}
		t := s.toks[j]
		if !t.capitalized() || s.owned[j] || t.allCaps() {
			continue
		}
		if m, ok := s.mentionAt(j); ok && (m.has(lexCountry) || m.has(lexCity) || m.has(lexOrg) || m.has(lexDemonym)) {
			if !(m.j < len(s.toks) && venueWords[s.toks[m.j].key]) {
				continue // "at the UN", not "at Hyderabad House"
			}
		}
		if _, ok := months[t.key]; ok {
			continue
		}
		if _, ok := weekdays[t.key]; ok {
			continue
		}
		return true
	}
	return false
}

// venueWords follow a city's name in the name of a building elsewhere.
var venueWords = map[string]bool{"house": true, "hall": true, "palace": true, "hotel": true, "centre": true,
	"center": true, "square": true, "stadium": true, "airport": true, "road": true, "street": true, "avenue": true,
	"university": true, "club": true, "park": true, "port": true}

// placeIn finds where the sentence says the event took place.
func (x *Extractor) placeIn(d *doc, s *sentence) *gazetteer.City {
	if hasHere(s) && d.dateline != nil {
		return d.dateline
	}
	for _, m := range s.ments {
		e, ok := m.first(lexCity)
		if !ok || s.owned[m.i] {
			continue
		}
		if m.j < len(s.toks) && venueWords[s.toks[m.j].key] {
			continue // "Hyderabad House" is in New Delhi
		}
		if m.j < len(s.toks) && (s.toks[m.j].key == "hosted" || s.toks[m.j].key == "hosts") {
			return e.city // "Bishkek hosted a meeting of the council"
		}
		prev := m.i - 1
		if prev > 0 && s.toks[prev].key == "#" {
			prev-- // "in #Amman"
		}
		if prev > 0 && s.toks[prev].key == "the" {
			prev-- // "at the Kremlin"
		}
		if prev >= 0 {
			switch s.toks[prev].key {
			case "in", "at", "of", "to", "visited", "visit", "from", "capital", "(":
				// "in the Tajik capital Dushanbe", "the 5th session (Abuja, 2019)"
				if s.toks[prev].key == "from" {
					continue
				}
				return e.city
			case ",":
				if prev > 0 && venueWords[s.toks[prev-1].key] && s.toks[prev-1].capitalized() {
					return e.city // "at the Kenyatta International Convention Centre, Nairobi"
				}
			default:
				if yearToken(s.toks[prev]) && m.j == len(s.toks) {
					return e.city // a list's line: "The 1st Consultation: May 19, 2007 Beijing"
				}
			}
		}
	}
	if m := findCapital(s); m != nil {
		if c, ok := x.demonymCountry(m[1]); ok {
			if city, ok := x.gz.City(c.Capital); ok {
				return city
			}
		}
	}
	return nil
}

// yearToken reports whether a token is a year: four digits from 1900 on.
func yearToken(t token) bool {
	return len(t.key) == 4 && t.key >= "1900" && t.key <= "2099" && t.key[0] >= '0' && t.key[0] <= '9'
}
