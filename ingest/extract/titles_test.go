package extract

import "testing"

// wantPeople checks personFacts (name -> "title|country") against want.
func wantPeople(t *testing.T, x *Extractor, body string, want map[string]string) {
	t.Helper()
	got := personFacts(t, x, body)
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%q: %s is %q, want %q (all: %v)", body, name, got[name], w, got)
		}
	}
}

func TestCountryAfterName(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Foreign Minister Lena Varga of the Republic of Hungary and Foreign Minister Tomas Ruiz of Chile attended the session.",
		map[string]string{"Lena Varga": "Foreign Minister|HUN", "Tomas Ruiz": "Foreign Minister|CHL"})
	// an institute named after a country is an affiliation, not a nationality
	wantPeople(t, x, "Director Paul Kerr of the Chile Institute spoke at the session.",
		map[string]string{"Paul Kerr": "Director|"})
}

func TestPluralTitles(t *testing.T) {
	x := newTest(t)
	// a capitalized plural title right before the names
	wantPeople(t, x, "The council met with Foreign Ministers Lena Varga and Tomas Ruiz in Paris.",
		map[string]string{"Lena Varga": "Foreign Minister|", "Tomas Ruiz": "Foreign Minister|"})
	wantPeople(t, x, "Ministers Lena Varga and Tomas Ruiz met in Paris.",
		map[string]string{"Lena Varga": "Minister|", "Tomas Ruiz": "Minister|"})
	// a counted one before a comma, with each holder's country as a possessive
	wantPeople(t, x, "The summit was attended by four presidents, Chile's Tomas Ruiz, Peru's Ana Diaz, Bolivia's Luis Mora and Ecuador's Eva Paz.",
		map[string]string{"Tomas Ruiz": "President|CHL", "Ana Diaz": "President|PER", "Luis Mora": "President|BOL", "Eva Paz": "President|ECU"})
}

func TestHostAsCounterpart(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Prime Minister Ravi Mehta and his Nepali host Gita Rai co-chaired the meeting in Kathmandu.",
		map[string]string{"Gita Rai": "Prime Minister|NPL"})
}

func TestAcronymAfterTitle(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Minister of Foreign Affairs (MoFA) Jane Doe met envoys in Lima.",
		map[string]string{"Jane Doe": "Minister of Foreign Affairs|"})
	wantPeople(t, x, "External Affairs Minister (EAM) K Rao arrived in Lima.",
		map[string]string{"K Rao": "External Affairs Minister|IND"})
}

func TestAbbreviatedTitles(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "He met NSA Sir Paul Kerr and MoS for Trade Ann Lowe in London.",
		map[string]string{"Paul Kerr": "NSA|", "Ann Lowe": "MoS for Trade|"})
}

func TestNameGroups(t *testing.T) {
	x := newTest(t)
	both := map[string]string{"Tomas Ruiz": "Foreign Minister|CHL", "Ana Diaz": "Foreign Minister|PER"}
	for _, body := range []string{
		// one demonym each, shared by a plural title
		"The Chilean and Peruvian foreign ministers, Tomas Ruiz and Ana Diaz, met in Lima on Monday.",
		"Chilean and Peruvian Foreign Ministers Tomas Ruiz and Ana Diaz met in Lima on Monday.",
		// the countries after the title
		"The foreign ministers of Chile and Peru, Tomas Ruiz and Ana Diaz, met in Lima on Monday.",
	} {
		wantPeople(t, x, body, both)
	}
	// a clause after the comma, not a list of names
	wantPeople(t, x, "Foreign Minister Ali Khan arrived in Ankara. In the meeting with the foreign ministers of Turkey and Iran, Khan will discuss trade.",
		map[string]string{"Ali Khan": "Foreign Minister|"})
	wantPeople(t, x, "The heads of the foreign ministries of Chile and Peru, Tomas Ruiz and Ana Diaz, spoke by phone.",
		map[string]string{"Tomas Ruiz": "|CHL", "Ana Diaz": "|PER"})
	wantPeople(t, x, "It was chaired by the heads of the Chile and Peru Governments Tomas Ruiz and Ana Diaz.",
		map[string]string{"Tomas Ruiz": "|CHL", "Ana Diaz": "|PER"})
	wantPeople(t, x, "The heads of the foreign affairs agencies of the Russian Federation and the United States, Ivan Sokolov and Mary Clark, spoke by phone.",
		map[string]string{"Ivan Sokolov": "|RUS", "Mary Clark": "|USA"})
}

func TestOfficeOverSeat(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "The accord was signed by Senator Ana Diaz, Minister of Foreign Affairs, in Lima.",
		map[string]string{"Ana Diaz": "Minister of Foreign Affairs|"})
	wantPeople(t, x, "The statement was issued by Senator the Hon Ana Diaz in Lima.",
		map[string]string{"Ana Diaz": "Senator|"})
	wantPeople(t, x, "Foreign Minister Ana Diaz welcomed her New Zealand counterpart, the Rt Hon Tom Reid, to Lima.",
		map[string]string{"Tom Reid": "Foreign Minister|NZL"})
}

func TestAppositionHoldsNoName(t *testing.T) {
	x := newTest(t)
	// the phrase after the comma is the next person's title, not X's
	wantPeople(t, x, "Deputy Governor Ali Kaya, Chile's Ambassador to Turkey Tomas Ruiz and embassy officials received the minister.",
		map[string]string{"Ali Kaya": "Deputy Governor|", "Tomas Ruiz": "Ambassador to Turkey|CHL"})
	wantPeople(t, x, "Deputy U.S. Trade Representative Joan Park arrived in Lima.",
		map[string]string{"Joan Park": "Deputy U.S. Trade Representative|USA"})
}

func TestNationalCouncil(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "He met Chilean Security Council Secretary Tomas Ruiz in Lima.",
		map[string]string{"Tomas Ruiz": "Secretary|CHL"})
	wantPeople(t, x, "State Counsellor Daw Aye Myint Thu attended the ceremony.",
		map[string]string{"Aye Myint Thu": "State Counsellor|"})
}

func TestDashApposition(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "The talks were co-chaired by Mr. Tomas Ruiz - Director of the Policy Planning Office.",
		map[string]string{"Tomas Ruiz": "Director of the Policy Planning Office|"})
}

func TestAdviserToAnotherOffice(t *testing.T) {
	x := newTest(t)
	// "to the US Secretary of State" names whose office, not a posting
	wantPeople(t, x, "The talks were held with Mr. Tom Reid - Director of the Planning Office to the US Secretary of State.",
		map[string]string{"Tom Reid": "Director of the Planning Office to the US Secretary of State|USA"})
	wantPeople(t, x, "Chile's Ambassador to Peru Tomas Ruiz attended.", map[string]string{"Tomas Ruiz": "Ambassador to Peru|CHL"})
}

func TestTitlesBeforeNames(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ body, name, want string }{
		{"The talks included Mauritania's Minister of Foreign Affairs, Cooperation and Mauritanians Abroad, Mohamed Salem Ould Merzoug, as well as others.",
			"Mohamed Salem Ould Merzoug", "Minister of Foreign Affairs, Cooperation and Mauritanians Abroad|MRT"},
		{"The Algerian delegation was led by Secretary General of the Ministry of Foreign Affairs and the National Community Abroad Lounès Magramane.",
			"Lounès Magramane", "Secretary General of the Ministry of Foreign Affairs and the National Community Abroad|DZA"},
		{"Ambassador Extraordinary and Plenipotentiary of the People's Democratic Republic of Algeria to the Russian Federation Smail Benamara took part in the talks.",
			"Smail Benamara", "Ambassador Extraordinary and Plenipotentiary|DZA"},
		{"It was preceded by a meeting led by the Principal Secretary, State Department for Foreign Affairs, Dr. Korir Sing'oei, CBS, and others.",
			"Korir Sing'oei", "Principal Secretary, State Department for Foreign Affairs|"},
		{"The delegation included the Director-General for the Maghreb, the Mediterranean and the Middle East, Álvaro Gómez-Acebo Martín.",
			"Álvaro Gómez-Acebo Martín", "Director-General for the Maghreb, the Mediterranean and the Middle East|"},
		{"The meeting was co-chaired by the State Secretary of the Norwegian Ministry of Foreign Affairs, Kristian Hauge Lund.",
			"Kristian Hauge Lund", "State Secretary of the Norwegian Ministry of Foreign Affairs|NOR"},
		{"President Prabowo also met General Secretary of the Central Committee of the Communist Party of Viet Nam To Lam and others.",
			"To Lam", "General Secretary of the Central Committee of the Communist Party|VNM"},
		// a title before a comma that belongs to the name before it
		{"The delegation comprised H.E. Mr. Mario Lubetkin, Minister of Foreign Affairs, H.E. Mr. Gabriel Oddone, Minister of Economy and Finance, and officials.",
			"Gabriel Oddone", "Minister of Economy and Finance|"},
		// the title after a comma is the next person's, not an apposition
		{"At the invitation of Foreign Minister Wang Yi, Minister of International Relations and Cooperation of the Republic of South Africa Ronald Lamola is visiting China.",
			"Wang Yi", "Foreign Minister|"},
		// appositions with a word before the title, or an organisation's
		{"Ambassador Tamim Khallaf, Official Spokesperson of the Ministry of Foreign Affairs, stated that the ministers met.",
			"Tamim Khallaf", "Official Spokesperson of the Ministry of Foreign Affairs|"},
		{"Ruvendrini Menikdiwela, UNHCR's Assistant High Commissioner for Protection, also delivered a statement.",
			"Ruvendrini Menikdiwela", "Assistant High Commissioner for Protection|"},
		{"The session was co-chaired by the Minister of Foreign Affairs, Yusuf Maitama Tuggar, and Ghana's Minister for Foreign Affairs and Regional Integration, Shirley Ayorkor Botchwey.",
			"Shirley Ayorkor Botchwey", "Minister for Foreign Affairs and Regional Integration|GHA"},
		// a possessive of a country ending in s
		{"The summit was co-chaired by Australian Prime Minister Anthony Albanese and Laos' Prime Minister Sonexay Siphandone.",
			"Sonexay Siphandone", "Prime Minister|LAO"},
		// a comma after a plain title still ends it
		{"In Abuja, Nigeria's Minister of Foreign Affairs, Yusuf Maitama Tuggar, said the postponement was routine.",
			"Yusuf Maitama Tuggar", "Minister of Foreign Affairs|NGA"},
	} {
		p := personFacts(t, x, c.body)
		if got, ok := p[c.name]; !ok || got != c.want {
			t.Errorf("%q: %s = %q (found %v), want %q", c.body, c.name, got, ok, c.want)
		}
	}
}

func TestAmpersandInTitle(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Federal Minister for Planning, Development & Special Initiatives, Prof. Omar Qadri arrived.",
		map[string]string{"Omar Qadri": "Federal Minister for Planning, Development & Special Initiatives|"})
}

func TestCountryInBrackets(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "The session was attended by Foreign Ministers Tomas Ruiz (Chile), Ana Diaz (Peru) and Luis Mora (Bolivia).",
		map[string]string{"Tomas Ruiz": "Foreign Minister|CHL", "Ana Diaz": "Foreign Minister|PER", "Luis Mora": "Foreign Minister|BOL"})
}

func TestTopDiplomat(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Chile's top diplomat Tomas Ruiz met officials.", map[string]string{"Tomas Ruiz": "top diplomat|CHL"})
}

func TestPortfolioAfterTitle(t *testing.T) {
	x := newTest(t)
	got := personFacts(t, x, "The forum will have the minister of Panchayati Raj and the board chairman as co-chairs.")
	if _, ok := got["Panchayati Raj"]; ok {
		t.Errorf("a portfolio is a person: %v", got)
	}
	wantPeople(t, x, "The Senior Special Assistant to the Vice President on Media and Publicity, Tunde Bello, disclosed this.",
		map[string]string{"Tunde Bello": "Senior Special Assistant to the Vice President on Media and Publicity|"})
}

func TestUnknownOfficeOfACountry(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Peruvian Rural Development Ministry secretary Ana Diaz signed the document.",
		map[string]string{"Ana Diaz": "secretary|PER"})
}

func TestTitleOfManyWordCountryBeforeHonorifics(t *testing.T) {
	x := newTest(t)
	// a country named in several words between the office and the comma
	wantPeople(t, x, "The leaders met in Lima. Present were the Prime Minister of Trinidad and Tobago, the Honourable Ana Diaz; and others.",
		map[string]string{"Ana Diaz": "Prime Minister|TTO"})
	// forms of address joined by "the", one of them with a dot
	wantPeople(t, x, "The leaders met in Lima. Present were the Prime Minister of Grenada, Dr. the Rt. Honourable Luis Mora.",
		map[string]string{"Luis Mora": "Prime Minister|GRD"})
}

func TestPostNominalsBeforeApposition(t *testing.T) {
	x := newTest(t)
	// letters after the name do not end the apposition that follows
	wantPeople(t, x, "Minister Luis Mora of Peru met with Senator the Honourable Ana Paz, JP, Minister of Foreign Affairs and Foreign Trade of Jamaica, in Lima.",
		map[string]string{"Ana Paz": "Minister of Foreign Affairs and Foreign Trade|JAM"})
}

func TestCountryAfterOfficeAcronym(t *testing.T) {
	x := newTest(t)
	// whose office it is, told after the office's acronym in brackets
	wantPeople(t, x, "The session was co-chaired by Professor Ana Paz, Minister for Planning, Growth and Reform (MPGR) of the Republic of Chile and Mr. Wang Lu, Vice Chairman of the National Development and Reform Commission (NDRC) of the People’s Republic of China.",
		map[string]string{"Ana Paz": "Minister for Planning|CHL", "Wang Lu": "Vice Chairman of the National Development and Reform Commission|CHN"})
}

func TestTitleBeforeListAndAndIn(t *testing.T) {
	x := newTest(t)
	// "and" right before the next name starts a new item, not a title
	wantPeople(t, x, "The delegation included Mr. Tom Ruiz, Permanent Secretary of the Ministry of Foreign Affairs and Head of the Foreign Service and Ms. Ana Paz, Director, Trade Department.",
		map[string]string{"Ana Paz": "Director|"})
	// "in the Ministry of" inside a title before a name
	wantPeople(t, x, "Permanent Secretary in the Ministry of Foreign Affairs and International Trade, Ambassador Juan Rios, opened the session.",
		map[string]string{"Juan Rios": "Permanent Secretary in the Ministry of Foreign Affairs and International Trade|"})
}

func TestPluralTitleEndingInIes(t *testing.T) {
	x := newTest(t)
	// "Secretaries" is the plural of an office before a list of names
	wantPeople(t, x, "The ministers met in Oslo, as well as State Secretaries Tom Ruiz of Norway and Juan Rios of Finland.",
		map[string]string{"Tom Ruiz": "State Secretary|NOR", "Juan Rios": "State Secretary|FIN"})
}

func TestLowerCaseTitleWithPortfolio(t *testing.T) {
	x := newTest(t)
	// a title in lower case whose portfolio follows the office word
	wantPeople(t, x, "Peru’s deputy minister for foreign affairs Ana Paz spoke with Foreign Secretary Juan Rios on Thursday.",
		map[string]string{"Ana Paz": "deputy minister for foreign affairs|PER"})
	// a verb is no portfolio
	wantPeople(t, x, "The minister met Ana Paz on Thursday.",
		map[string]string{"Ana Paz": "|"})
}

func TestOfficeBeforeSeat(t *testing.T) {
	x := newTest(t)
	// the office written before a comma outranks the seat right before the name
	wantPeople(t, x, "Australian Minister for Foreign Affairs and Minister for Women, Senator the Hon Ana Paz, and Peruvian Minister of Foreign Affairs Juan Rios met in Lima.",
		map[string]string{"Ana Paz": "Minister for Foreign Affairs and Minister for Women|AUS"})
}

func TestCountryOfFirstOfTwoOffices(t *testing.T) {
	x := newTest(t)
	// two offices joined by "and": the country of the first is the person's
	wantPeople(t, x, "The session was co-chaired by Deputy Prime Minister of Uzbekistan and Minister of Investments and Foreign Trade, Juan Rios.",
		map[string]string{"Juan Rios": "Minister of Investments and Foreign Trade|UZB"})
}

func TestCountryAfterPortfolioList(t *testing.T) {
	x := newTest(t)
	// the portfolio goes on after a comma; whose office it is comes last
	wantPeople(t, x, "Attending were Senator Ana Paz, Minister of Foreign Affairs, Tourism and Culture of Belize; and Dr. Tom Ruiz, Minister of Foreign Affairs, Energy, Ports and Sport of the Commonwealth of Dominica.",
		map[string]string{"Ana Paz": "Minister of Foreign Affairs|BLZ", "Tom Ruiz": "Minister of Foreign Affairs|DMA"})
}

func TestCountryLastAfterMinistry(t *testing.T) {
	x := newTest(t)
	// the country comes last, after the title and the ministry, each after a comma
	wantPeople(t, x, "The minister of Peru was met at the airport by Ms. Ana Paz, Peru's Ambassador to Chile, and Mr. Tom Ruiz, Permanent Secretary, Ministry of External Relations and Cooperation, Chile.",
		map[string]string{"Ana Paz": "Ambassador to Chile|PER", "Tom Ruiz": "Permanent Secretary|CHL"})
}

func TestCountryLastAfterUnknownOffice(t *testing.T) {
	x := newTest(t)
	// an office the gazetteer does not know, then the country after a comma
	wantPeople(t, x, "The envoy was met by Mr. Tom Ruiz, Chief Director, Bureau of Coastal Fisheries and Harbours, Chile.",
		map[string]string{"Tom Ruiz": "Chief Director|CHL"})
}

func TestOfficeBeforeRankBetweenCommas(t *testing.T) {
	x := newTest(t)
	// a rank between commas right before the name; the office comes first
	wantPeople(t, x, "In Lima, Foreign Minister Luis Mora received Special Envoy of Chile, Ambassador, Tom Ruiz, who came for the forum.",
		map[string]string{"Tom Ruiz": "Special Envoy|CHL"})
}

func TestPortfolioEndingInServicesIsNoName(t *testing.T) {
	x := newTest(t)
	// "Services" ends the portfolio; the name starts after it
	wantPeople(t, x, "The visitors included Minister of Health and Social Services Ana Paz and others.",
		map[string]string{"Ana Paz": "Minister of Health and Social Services|"})
}

func TestTitleWithAreaInBrackets(t *testing.T) {
	x := newTest(t)
	// the office's area in brackets between the title and the name
	wantPeople(t, x, "The talks were co-chaired by Secretary (West) Tom Ruiz and Director General (Latin America) Ana Paz.",
		map[string]string{"Tom Ruiz": "Secretary|", "Ana Paz": "Director General|"})
}
