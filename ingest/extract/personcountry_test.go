package extract

import (
	"strings"
	"testing"
)

func TestCounterpartCountryAndTitle(t *testing.T) {
	x := newTest(t)
	// a demonym of two words names the counterpart's country
	wantPeople(t, x, "Foreign Minister Ken Oda and his South Korean counterpart, Min Park, met in Tokyo.",
		map[string]string{"Min Park": "Foreign Minister|KOR"})
	// an office one country alone names so is called otherwise elsewhere
	wantPeople(t, x, "External Affairs Minister K Rao met his Peruvian counterpart Ana Diaz in Lima.",
		map[string]string{"Ana Diaz": "Foreign Minister|PER"})
}

func TestPossessiveDelegation(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Chilean President Tomas Ruiz arrived in Lima. Members of Ruiz's delegation included Minister of Mining, Eva Paz; and officials.",
		map[string]string{"Eva Paz": "Minister of Mining|CHL"})
}

func TestPortfolioWordsAreNoNames(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Secretary of Finance and Public Credit Rosa Vidal arrived in Lima.",
		map[string]string{"Rosa Vidal": "Secretary of Finance and Public Credit|"})
}

func TestActingForCountry(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Secretary of Economy Rosa Vidal and Ambassador Juan Rios chaired the session for Mexico.",
		map[string]string{"Rosa Vidal": "Secretary of Economy|MEX", "Juan Rios": "Ambassador|MEX"})
	wantPeople(t, x, "Deputy Minister Ana Diaz signed the accord on behalf of Peru.",
		map[string]string{"Ana Diaz": "Deputy Minister|PER"})
	// a topic after "for" is no side
	wantPeople(t, x, "Deputy Minister Ana Diaz chaired the working group for China Affairs.",
		map[string]string{"Ana Diaz": "Deputy Minister|"})
}

func TestSharedNationalityOnlyWhenWritten(t *testing.T) {
	x := newTest(t)
	// a nationality before the first title is shared by the second
	wantPeople(t, x, "Peruvian Foreign Minister Ana Diaz and Trade Minister Luis Mora arrived in Quito.",
		map[string]string{"Luis Mora": "Trade Minister|PER"})
	// ... but not by an office of another kind
	wantPeople(t, x, "Peruvian Ambassador Ana Diaz and Vice Trade Minister Kim Lee attended the talks.",
		map[string]string{"Kim Lee": "Vice Trade Minister|"})
	// a country the first office implies is not
	wantPeople(t, x, "Chancellor Karl Vogt and President Luis Mora met in Quito.",
		map[string]string{"Karl Vogt": "Chancellor|DEU", "Luis Mora": "President|"})
}

func TestVisitorOfOwnCountry(t *testing.T) {
	x := newTest(t)
	in := Input{Publisher: "Daily Nation", URL: "https://nation.example.ke/a", Published: "2025-05-20",
		Body: "Kenya and Botswana signed five agreements as President Kabo Molefe began a State Visit to Nairobi."}
	if c := recordCountries(t, x, in)["Kabo Molefe"]; c != "BWA" {
		t.Errorf("a visitor to the report's own country: %q, want BWA", c)
	}
	d := x.newDoc(in)
	if len(d.people) != 1 || d.people[0].visited != "KEN" {
		t.Errorf("the visit to Nairobi is not noted: %+v", d.people)
	}
}

func TestCounterpartInApposition(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Foreign Minister Tomas Ruiz met Ana Diaz, his Peruvian counterpart, in Lima.",
		map[string]string{"Ana Diaz": "Foreign Minister|PER"})
}

func TestCountryInNextSentence(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Foreign Minister Tomas Ruiz arrived in Quito on Monday. The Chilean minister met envoys.",
		map[string]string{"Tomas Ruiz": "Foreign Minister|CHL"})
	// two such officials: which one is meant is unsaid
	wantPeople(t, x, "Foreign Minister Tomas Ruiz met Foreign Minister Ana Diaz on Monday. The Chilean minister spoke first.",
		map[string]string{"Tomas Ruiz": "Foreign Minister|", "Ana Diaz": "Foreign Minister|"})
}

func TestSideLedByRank(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "The talks were held in Lima. Peruvian side was led by Amb Ana Diaz.",
		map[string]string{"Ana Diaz": "Ambassador|PER"})
}

func TestBulletedDelegation(t *testing.T) {
	x := newTest(t)
	body := "The Chilean delegation included:\n\n- Mr. Tomas Ruiz, Director General for Americas;\n\n- Ms. Ana Diaz, Director of Trade.\n\nThe talks were held in Lima."
	wantPeople(t, x, body, map[string]string{"Tomas Ruiz": "Director General for Americas|CHL", "Ana Diaz": "Director of Trade|CHL"})
	// a list under no delegation's header gives no country
	wantPeople(t, x, "Those present:\n\n- Mr. Tomas Ruiz, Director General for Americas.",
		map[string]string{"Tomas Ruiz": "Director General for Americas|"})
}

func TestPossessiveSideLedBy(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "The talks were held in Lima, while Peru's side was headed by Vice Minister Ana Diaz.",
		map[string]string{"Ana Diaz": "Vice Minister|PER"})
}

func TestLedTheDelegation(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Vice Minister Min Park led the South Korean delegation at the talks in Tokyo.",
		map[string]string{"Min Park": "Vice Minister|KOR"})
}

func TestGreetingsOfLeader(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Peruvian Minister Ana Diaz thanked Chile for its support and conveyed the greetings of President Luis Mora.",
		map[string]string{"Luis Mora": "President|PER"})
}

func TestHostOfTheVisited(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Prime Minister Ali Sow, who travelled to the Malian capital for the session, co-chaired it. "+
		"Later, Mr Sow was received by President Musa Keita at the palace.",
		map[string]string{"Musa Keita": "President|MLI"})
}

func TestPersonCountries(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ body, name, want string }{
		// a posting is where, not whose
		{"The Saudi delegation included Prince Turki Al Saud, Ambassador of the Custodian of the Two Holy Mosques to the Kingdom of Spain.",
			"Turki Al Saud", "SAU"},
		{"The Spanish delegation included the Director-General for the Maghreb, Álvaro Gómez-Acebo Martín.",
			"Álvaro Gómez-Acebo Martín", "ESP"},
		{"Uruguayan President Yamandú Orsi Martínez will visit India. President Orsi will be accompanied by a delegation comprising H.E. Mr. Mario Lubetkin, Minister of Foreign Affairs.",
			"Mario Lubetkin", "URY"},
		// a message's sender is of its bearer's country
		{"President William Samoei Ruto received Hon. Haimbe at State House, where the Zambian Minister delivered a special message from President Hakainde Hichilema.",
			"Hakainde Hichilema", "ZMB"},
		{"Senegalese Prime Minister Ousmane Sonko was received by President Mohamed Ould Ghazouani, where he delivered a message from President Bassirou Diomaye Faye.",
			"Bassirou Diomaye Faye", "SEN"},
		// the accompanied give their country to those accompanying them
		{"Lula met Orsi. The Brazilian leader, who was accompanied by Foreign Minister Mauro Vieira, discussed trade.",
			"Mauro Vieira", "BRA"},
		// counterparts listed in order
		{"Norwegian Foreign Minister Espen Barth Eide hosted his Finnish, Danish and Swedish colleagues, Elina Valtonen, Lars Løkke Rasmussen and Maria Malmer Stenergard, for talks.",
			"Maria Malmer Stenergard", "SWE"},
		{"Norwegian Foreign Minister Espen Barth Eide hosted his Finnish, Danish and Swedish colleagues, Elina Valtonen, Lars Løkke Rasmussen and Maria Malmer Stenergard, for talks.",
			"Lars Løkke Rasmussen", "DNK"},
		// "the Ukrainian side was led by X"; "X, the Polish government said" is no apposition
		{"The Polish delegation was headed by Adam Szłapka, while the Ukrainian side was led by Deputy Prime Minister for European Integration Olha Stefanishyna, the Polish government said.",
			"Olha Stefanishyna", "UKR"},
		// a message from someone named after a title
		{"Saudi Minister of State Adel al-Jubeir met the President. Mr al-Jubeir, who was on a working visit, delivered a message from the Custodian of the Two Holy Mosques, King Salman bin Abdulaziz Al Saud, and Crown Prince Mohammed bin Salman.",
			"Mohammed bin Salman", "SAU"},
		// a host receives at a venue of their country
		{"Uruguayan President Yamandú Orsi was received by Javier Milei at the Casa Rosada on Thursday.",
			"Javier Milei", "ARG"},
		{"Uruguayan President Yamandú Orsi was received by Javier Milei on Thursday, on his first official visit to Argentina.",
			"Javier Milei", "ARG"},
		{"Mexican President Claudia Sheinbaum held a meeting with Canadian Prime Minister Justin Trudeau, accompanied by Foreign Minister Juan Ramón de la Fuente.",
			"Juan Ramón de la Fuente", "MEX"},
		// "the two delegations": each member their own
		{"The two delegations included Senegal's Minister of Foreign Affairs, Yassine Fall, and Minister of Trade Ali Ba.",
			"Ali Ba", ""},
	} {
		p := personFacts(t, x, c.body)
		got, ok := p[c.name]
		if i := strings.IndexByte(got, '|'); i >= 0 {
			got = got[i+1:]
		}
		if !ok || got != c.want {
			t.Errorf("%q: %s country %q (found %v), want %q", c.body, c.name, got, ok, c.want)
		}
	}
}

func TestMetDuringVisit(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Foreign Secretary Ravi Mehta paid an official visit to the United Kingdom on Monday. "+
		"During the visit, he also held meetings with Minister of State Ann Lowe and NSA Sir Paul Kerr.",
		map[string]string{"Ann Lowe": "Minister of State|GBR", "Paul Kerr": "NSA|GBR"})
}

func TestWrittenTitleOutranksCounterparts(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Foreign Minister Gita Rai met her Indian counterpart K Rao in Delhi. External Affairs Minister K Rao hosted a lunch.",
		map[string]string{"K Rao": "External Affairs Minister|IND"})
}

func TestCountryRepresentedBy(t *testing.T) {
	x := newTest(t)
	// a country, not a side, was represented by someone: that someone's country
	wantPeople(t, x, "The ministers met in Lima on Monday. Bolivia was represented by the Honourable Eva Paz, Minister of Trade; Ecuador was represented by Ambassador Luis Mora.",
		map[string]string{"Eva Paz": "Minister of Trade|BOL", "Luis Mora": "Ambassador|ECU"})
}

func TestVisitorInWhoClause(t *testing.T) {
	x := newTest(t)
	// the visitor is the one the "who" clause hangs on, not the subject
	in := Input{Publisher: "Daily Nation", URL: "https://nation.example.ke/a", Published: "2025-05-20",
		Body: "Foreign Minister Ana Wambui met her Ugandan counterpart Paul Okello, who is on a two-day official visit to Kenya."}
	c := recordCountries(t, x, in)
	if c["Ana Wambui"] == "UGA" || c["Paul Okello"] != "UGA" {
		t.Errorf("a guest in a who clause: %v, want Paul Okello UGA and Ana Wambui not UGA", c)
	}
}

func TestFromSide(t *testing.T) {
	x := newTest(t)
	// the side named after each signer
	wantPeople(t, x, "The accord was signed by Minister for Foreign Affairs Dr. Ana Paz from the Peruvian side, and by Under Secretary Jim Hale from the US side.",
		map[string]string{"Ana Paz": "Minister for Foreign Affairs|PER", "Jim Hale": "Under Secretary|USA"})
	// a side opening the sentence covers the list after it
	wantPeople(t, x, "From the Peruvian side, Mr. Juan Rios, Deputy Minister, Mr. Luis Mora, Director-General, and others attended the meeting.",
		map[string]string{"Juan Rios": "Deputy Minister|PER", "Luis Mora": "Director-General|PER"})
}

func TestVisitorInWhoClauseAfterApposition(t *testing.T) {
	x := newTest(t)
	in := Input{Publisher: "Daily Nation", URL: "https://nation.example.ke/a", Published: "2025-05-20",
		Body: "Mr. Ana Wambui, Minister for Foreign Affairs, met Mr. Paul Okello, Minister of Foreign Affairs of Uganda, who is making a working visit to Kenya."}
	c := recordCountries(t, x, in)
	if c["Ana Wambui"] == "UGA" {
		t.Errorf("a guest in a who clause after an apposition: %v, want Ana Wambui not UGA", c)
	}
}

func TestSideClauseIsNoApposition(t *testing.T) {
	x := newTest(t)
	// the second side's clause after a comma is not the first leader's nationality
	wantPeople(t, x, "Peru and Chile held consultations. The Peruvian side was headed by Foreign Minister Ana Paz, the Chilean side by Deputy Minister Luis Mora.",
		map[string]string{"Ana Paz": "Foreign Minister|PER", "Luis Mora": "Deputy Minister|CHL"})
}

func TestAccompanyingActive(t *testing.T) {
	x := newTest(t)
	// those who accompany someone serve that someone's country
	wantPeople(t, x, "Dr. Kim Vega and Ambassador Tom Ruiz accompanied Chilean Special Envoy Juan Rios.",
		map[string]string{"Kim Vega": "|CHL", "Tom Ruiz": "Ambassador|CHL"})
	// ... also when the one accompanied is named by the office alone
	wantPeople(t, x, "Chilean Special Envoy Juan Rios delivered the letter. Dr. Kim Vega and Ambassador Tom Ruiz accompanied the Special Envoy.",
		map[string]string{"Kim Vega": "|CHL", "Tom Ruiz": "Ambassador|CHL"})
}

func TestDelegationConsistingOf(t *testing.T) {
	x := newTest(t)
	// every member after "consisting of", the first one too, takes the
	// country of a delegation named by a possessive before another noun
	wantPeople(t, x, "Foreign Minister Luis Mora met Ana Paz, who came as part of Chile's Presidency delegation consisting of Juan Rios, Kim Vega and Tom Ruiz.",
		map[string]string{"Juan Rios": "|CHL", "Kim Vega": "|CHL", "Tom Ruiz": "|CHL"})
}

func TestNameFromCountry(t *testing.T) {
	x := newTest(t)
	// a list of names each followed by the country they come from
	wantPeople(t, x, "The ministers attending included Ana Paz from Chile, Juan Rios from the Maldives, and Dr. Kim Vega from Nepal.",
		map[string]string{"Ana Paz": "|CHL", "Juan Rios": "|MDV", "Kim Vega": "|NPL"})
	// a company named after a country is no one's country
	wantPeople(t, x, "Minister Ana Paz flew in from Chile Airlines headquarters.",
		map[string]string{"Ana Paz": "Minister|"})
}

func TestAccompaniedByLongList(t *testing.T) {
	x := newTest(t)
	// a long list of companions, each with a long title, all serve the
	// country of the one they accompany; no one's title is the one before
	wantPeople(t, x, "Chilean President Luis Mora was accompanied by the Honourable Ana Paz, Minister of Foreign Affairs and Trade, the Honourable Juan Rios, Minister in the Office of the President and in the Ministry of Justice, the Honourable Kim Vega, Chief Secretary, Island House of Assembly and His Excellency Tom Ruiz, Ambassador to Peru.",
		map[string]string{"Juan Rios": "Minister in the Office of the President and in the Ministry of Justice|CHL",
			"Kim Vega": "Chief Secretary|CHL", "Tom Ruiz": "Ambassador to Peru|CHL"})
}

func TestRepresentedByOutranksTitleCountry(t *testing.T) {
	x := newTest(t)
	// a title one country mostly uses yields to the country told
	wantPeople(t, x, "The ministers met in Lima on Monday. Saint Lucia was represented by the Honourable Ana Paz, Minister of External Affairs.",
		map[string]string{"Ana Paz": "Minister of External Affairs|LCA"})
}

func TestCounterpartWithOfficeWritten(t *testing.T) {
	x := newTest(t)
	// a nationality before "counterpart" reaches over the office written after it
	wantPeople(t, x, "Foreign Minister Ana Paz spoke with her Indian counterpart Foreign Secretary Juan Rios on Thursday.",
		map[string]string{"Juan Rios": "Foreign Secretary|IND"})
}

func TestSideLeaderAndMembers(t *testing.T) {
	x := newTest(t)
	// those listed right after a side's leader belong to that side
	wantPeople(t, x, "The ministers met in Lima. In turn, the Chilean delegation was headed by Foreign Minister Ana Paz, with Minister of Trade Juan Rios, and Ambassador Kim Vega.",
		map[string]string{"Juan Rios": "Minister of Trade|CHL", "Kim Vega": "Ambassador|CHL"})
}

func TestAccompaniedByMembersIncluding(t *testing.T) {
	x := newTest(t)
	// the people come after a few words about the team, then "including"
	wantPeople(t, x, "VIENNA — Chilean President Luis Mora held talks with Austrian Chancellor Karl Huber. President Mora was accompanied by several senior members of his cabinet and advisory staff, including Minister of Mining Ana Paz and Minister of Trade Tom Ruiz.",
		map[string]string{"Ana Paz": "Minister of Mining|CHL", "Tom Ruiz": "Minister of Trade|CHL"})
}
