package extract

import (
	"strings"
	"testing"
)

// personFacts runs the extractor's text layer over body and returns each
// person it found as "name|title|country".
func personFacts(t *testing.T, x *Extractor, body string) map[string]string {
	t.Helper()
	d := x.newDoc(Input{Body: body})
	out := map[string]string{}
	for _, p := range d.people {
		out[p.name] = p.title + "|" + p.finalCountry()
	}
	return out
}

func TestHonorificAbbreviations(t *testing.T) {
	x := newTest(t)
	for _, text := range []string{
		"At the invitation of the President of India, Smt. Droupadi Murmu, the visit took place.",
		"The side was headed by Vice Minister Eng. Saud Al-Othaimeen today.",
		"The talks were led by Engr. Ali Khan today.",
		"He met H.H. Sheikh Tamim today.",
		"He met H.R.H. Prince Charles today.",
		"He met Excy. John Smith today.",
		"The Kenyan side was led by Hon. Musalia Mudavadi today.",
		"The delegation was led by Amb. Ahmed Ali today.",
		"He met Lt. Col. John Smith and Gen. Asim Munir today.",
		"He met Sen. Marco Rubio and Gov. Gavin Newsom and Rep. Nancy Pelosi today.",
		"Sh. Rajnath Singh met Mme. Florence Parly today.",
	} {
		if got := x.splitSentences(text); len(got) != 1 {
			t.Errorf("%q split into %q", text, got)
		}
	}
}

func TestHashtagsAndHandles(t *testing.T) {
	x := newTest(t)
	got := x.splitSentences("Talks covered #Gaza. #Safadi thanked Spain.")
	if len(got) != 2 {
		t.Errorf("hashtag sentence: got %q", got)
	}
	toks := tokenize("received today in #Amman his counterpart @jmalbares.")
	var words []string
	for _, tk := range toks {
		words = append(words, tk.text)
	}
	if w := strings.Join(words, " "); w != "received today in Amman his counterpart @jmalbares ." {
		t.Errorf("tokens %q", w)
	}
	p := personFacts(t, x, "FM Ayman Safadi @AymanHsafadi received his Spanish counterpart today.")
	if _, ok := p["Ayman Safadi"]; !ok {
		t.Errorf("a name before a handle is a person: %v", p)
	}
}

func TestCompoundCountryPairs(t *testing.T) {
	x := newTest(t)
	for text, want := range map[string]string{
		"The South Africa-Nigeria Bi-National Commission met.": "NGA ZAF",
		"The China-South Africa Strategic Dialogue was held.":  "CHN ZAF",
		"The Japan-Viet Nam Foreign Ministers' Meeting began.": "JPN VNM",
		"The Saudi Arabia-UAE coordination council met.":       "ARE SAU",
		"The United States-Mexico Security Dialogue was held.": "MEX USA",
		"The Pakistan-Russia talks were held.":                 "PAK RUS",
		"The Papua New Guinea-Australia talks were held.":      "AUS PNG",
		"The North Korea-Japan talks were held.":               "JPN PRK",
		"The Democratic Republic of Congo-Rwanda deal held.":   "COD RWA",
		"The high-level Al-Sudani visit was held.":             "",
	} {
		d := x.newDoc(Input{Body: text})
		var codes []string
		for _, c := range d.sents[0].cref {
			if c.compound {
				codes = append(codes, c.iso3)
			}
		}
		codes = sortedCodes(codes)
		if strings.Join(codes, " ") != want {
			t.Errorf("%q: compound countries %v, want %s", text, codes, want)
		}
	}
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

func TestNameShapes(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ body, name, want string }{
		{"Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a meeting. Minister Iwaya welcomed the guest.",
			"Iwaya Takeshi", "Minister for Foreign Affairs|JPN"},
		{"It took place hours before U.S. President Donald Trump's duties took effect.",
			"Donald Trump", "President|USA"},
		{"It was consolidated under the leadership of His Majesty King Abdullah II bin Al-Hussein.",
			"Abdullah II bin Al-Hussein", "King|"},
		{"President Prabowo was accompanied by Minister of Foreign Affairs Sugiono and others.",
			"Sugiono", "Minister of Foreign Affairs|"},
		{"Foreign Secretary Asad Alam Siam led the Bangladesh delegation.",
			"Asad Alam Siam", "Foreign Secretary|BGD"}, // the delegation he leads gives his country
		// an office of someone named before, and a body with a country
		{"Brazilian President Luiz Inacio Lula da Silva spoke. Celso Amorim, Lula's chief foreign policy adviser, also took part in the call.",
			"Celso Amorim", "chief foreign policy adviser|BRA"},
		{"Kremlin spokesman Dmitry Peskov told journalists that the presidents would meet.",
			"Dmitry Peskov", "spokesman|RUS"},
		// "the Mauritanian prime minister": the one Mauritanian named
		{"Sonko met Mauritania's Mokhtar Ould Djay on Monday. The Mauritanian prime minister said the bridge would open soon.",
			"Mokhtar Ould Djay", "Prime Minister|MRT"},
		// a given name that looks like a noun
		{"Minister Mohamad also called on Deputy Prime Minister and Minister for Finance Lawrence Wong, who reaffirmed the commitment.",
			"Lawrence Wong", "Deputy Prime Minister and Minister for Finance|"},
		// "X and Y, an office at Z": Y's own office, not X's title
		{"The talks were co-chaired by Russian Deputy Foreign Minister Sergei Vershinin and Syed Haider Shah, an additional secretary at Pakistan's Ministry of Foreign Affairs, according to a statement.",
			"Syed Haider Shah", "additional secretary|PAK"},
		// a plural title before a list of names
		{"The meeting was co-chaired by the two Foreign Ministers, H.E. Sugiono and H.E. Bui Thanh Son.",
			"Bui Thanh Son", "Foreign Minister|"},
		{"Uruguayan President Yamandú Orsi was received by Javier Milei at the Casa Rosada. Argentina's Economy Minister Luis Caputo joined them. Orsi stood next to the Argentine president.",
			"Javier Milei", "President|ARG"},
		{"They will be joined by Secretary of National Defense Gilberto Teodoro, Jr. for the dialogue.",
			"Gilberto Teodoro, Jr", "Secretary of National Defense|"},
		{"Xi asked him to convey his greetings to Samdech Techo Hun Sen, president of the Cambodian People's Party.",
			"Hun Sen", "president of the Cambodian People's Party|KHM"},
		{"Malaysian Minister of Foreign Affairs Dato' Seri Utama Haji Mohamad bin Haji Hasan made a visit to Singapore.",
			"Mohamad bin Haji Hasan", "Minister of Foreign Affairs|MYS"},
		// a middle initial that is also a word ("A", "I")
		{"The meeting was co-chaired by Philippine Secretary of Foreign Affairs Enrique A. Manalo and his Malaysian counterpart.",
			"Enrique A. Manalo", "Secretary of Foreign Affairs|PHL"},
		// an abbreviated given name with its dot ("Md." for Mohammad)
		{"Foreign Secretary Md. Jashim Uddin met the Turkish envoy in Dhaka. He said ties were strong.",
			"Md. Jashim Uddin", "Foreign Secretary|"},
		{"Philippine Foreign Affairs Undersecretary Ma. Theresa P. Lazaro co-chaired the consultations in Manila. She said ties were strong.",
			"Ma. Theresa P. Lazaro", "Undersecretary|"},
		// a counterpart holds the same office
		{"Brazilian President Luiz Inacio Lula da Silva and his Mexican counterpart Claudia Sheinbaum spoke by phone.",
			"Claudia Sheinbaum", "President|MEX"},
	} {
		p := personFacts(t, x, c.body)
		if got, ok := p[c.name]; !ok || got != c.want {
			t.Errorf("%q: %s = %q (found %v), want %q; all %v", c.body, c.name, got, ok, c.want, p)
		}
	}
	// a regnal name again without the rest
	d0 := x.newDoc(Input{Body: "He met His Majesty King Abdullah II bin Al-Hussein. He conveyed the greetings of His Majesty King Abdullah II to the Amir."})
	if len(d0.people) != 1 {
		t.Errorf("King Abdullah II twice: %d people", len(d0.people))
	}
	// a bare surname that is not the last word of the full name
	d := x.newDoc(Input{Body: "Luiz Inácio Lula da Silva met Yamandú Orsi Martínez. Lula said it went well. President Orsi agreed."})
	if len(d.people) != 2 {
		var names []string
		for _, p := range d.people {
			names = append(names, p.name)
		}
		t.Errorf("people %q, want Lula and Orsi once each", names)
	}
}

func TestWeakCountryNames(t *testing.T) {
	x := newTest(t)
	d := x.newDoc(Input{Body: "Foreign Secretary Asad Alam Siam led the delegation on a visit to Siam."})
	n := 0
	for _, c := range d.sents[0].cref {
		if c.iso3 == "THA" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Siam as a country %d times, want once (the visit, not the name)", n)
	}
}

func TestNamesAroundPlacesAndTitles(t *testing.T) {
	x := newTest(t)
	// a city after "to" is where an ambassador serves, not a given name
	wantPeople(t, x, "The delegation was led by Chile's Ambassador to Washington Carlos Mena.",
		map[string]string{"Carlos Mena": "Ambassador to Washington|CHL"})
	// a title that is also a given name, inside a name
	wantPeople(t, x, "Foreign Minister Reza Amir Tabrizi arrived in Baku.",
		map[string]string{"Reza Amir Tabrizi": "Foreign Minister|"})
}

func TestOneNameAfterTitle(t *testing.T) {
	x := newTest(t)
	// a surname alone after a title or form of address is a person
	wantPeople(t, x, "Chancellor Vogt met Ambassador Lindqvist in Bonn.",
		map[string]string{"Vogt": "Chancellor|DEU", "Lindqvist": "Ambassador|"})
	// ... and becomes the full name told later
	wantPeople(t, x, "President Okafor arrived in Accra. Later, President Emeka Okafor met the press.",
		map[string]string{"Emeka Okafor": "President|"})
	// a given name alone stands for the full name told before
	got := personFacts(t, x, "President Budi Santoso arrived in Hanoi. President Budi then met the press.")
	if _, ok := got["Budi"]; ok || len(got) != 1 {
		t.Errorf("a given name alone: %v, want Budi Santoso only", got)
	}
	// a determiner's noun after a rank is a place, not a person
	got = personFacts(t, x, "She was received at the Ministry's General Diwan on Sunday.")
	if _, ok := got["Diwan"]; ok {
		t.Errorf("the Ministry's General Diwan is a person: %v", got)
	}
	// a given name that is also a body's
	wantPeople(t, x, "President Duma Okello began a visit to Nairobi.", map[string]string{"Duma Okello": "President|"})
}

func TestMediaNamesAreNoPeople(t *testing.T) {
	x := newTest(t)
	got := personFacts(t, x, "As reported by Tabriz News Agency, Foreign Minister Reza Tabrizi arrived in Baku.")
	if _, ok := got["Tabriz News"]; ok {
		t.Errorf("a news agency is a person: %v", got)
	}
	if got["Reza Tabrizi"] != "Foreign Minister|" {
		t.Errorf("Reza Tabrizi: %v", got)
	}
}

func TestNameShapesOfRealText(t *testing.T) {
	x := newTest(t)
	// initials in capitals after a form of address
	wantPeople(t, x, "He met his counterpart Dr KM Rahim Uddin in Dhaka.", map[string]string{"KM Rahim Uddin": "|"})
	// a family name that is also a word of a body's name ("White House")
	wantPeople(t, x, "Deputy Trade Representative Joan White arrived in Lima.",
		map[string]string{"Joan White": "Deputy Trade Representative|"})
	// a city between a title and a name of two words is the title's
	wantPeople(t, x, "Deputy Governor Izmir Ali Kaya received the minister.",
		map[string]string{"Ali Kaya": "Deputy Governor|"})
	// ... but a city's name before one word is a given name
	wantPeople(t, x, "The minister praised President Santiago Vera for his leadership.",
		map[string]string{"Santiago Vera": "President|"})
}

func TestWhoIsWhoWithoutTitle(t *testing.T) {
	x := newTest(t)
	// someone named with a country but no title, in no event, is still recorded
	got := recordCountries(t, x, Input{Body: "Chile's Tomas Ruiz praised the new trade rules on Monday."})
	if got["Tomas Ruiz"] != "CHL" {
		t.Errorf("record people %v, want Tomas Ruiz of CHL", got)
	}
}

func TestCapitalFamilyNameAfterGivenName(t *testing.T) {
	x := newTest(t)
	wantPeople(t, x, "Minister for Europe and Foreign Affairs Jean-Luc MARCEAU met envoys in Paris.",
		map[string]string{"Jean-Luc Marceau": "Minister for Europe and Foreign Affairs|"})
	// an acronym after a name is no family name
	got := personFacts(t, x, "Foreign Minister Ana Diaz met NATO envoys.")
	if _, ok := got["Ana Diaz"]; !ok || len(got) != 1 {
		t.Errorf("%v", got)
	}
}
