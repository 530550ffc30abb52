package extract

import "testing"

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
