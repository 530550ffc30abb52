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

func TestWhoIsWhoWithoutTitle(t *testing.T) {
	x := newTest(t)
	// someone named with a country but no title, in no event, is still recorded
	got := recordCountries(t, x, Input{Body: "Chile's Tomas Ruiz praised the new trade rules on Monday."})
	if got["Tomas Ruiz"] != "CHL" {
		t.Errorf("record people %v, want Tomas Ruiz of CHL", got)
	}
}

func TestKnownOfficialCountry(t *testing.T) {
	x := newTest(t)
	// a well-known office holder serves their own country even where the
	// sentence would make them the host
	in := Input{Publisher: "Daily Nation", URL: "https://nation.example.ke/a", Published: "2025-05-20",
		Body: "Foreign Minister Ana Wambui held talks with Foreign Minister Sergey Lavrov in Nairobi on Monday."}
	if c := recordCountries(t, x, in)["Sergey Lavrov"]; c != "RUS" {
		t.Errorf("a well-known foreign minister: %q, want RUS", c)
	}
}

func TestKnownOfficialByFamilyName(t *testing.T) {
	x := newTest(t)
	in := Input{Publisher: "Daily Nation", URL: "https://nation.example.ke/a", Published: "2025-05-20",
		Body: "President Ana Wambui held talks with Foreign Minister Lavrov in Nairobi on Monday."}
	if c := recordCountries(t, x, in)["Lavrov"]; c != "RUS" {
		t.Errorf("a well-known foreign minister named by family name: %q, want RUS", c)
	}
}
