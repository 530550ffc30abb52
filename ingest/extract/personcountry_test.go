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
