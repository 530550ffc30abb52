package identity

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

func rules(t *testing.T) *Rules {
	t.Helper()
	r, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// mentions spreads names over reports, one report each.
func mentions(names ...[2]string) []Mention {
	var ms []Mention
	for i, n := range names {
		ms = append(ms, Mention{Report: fmt.Sprintf("report:%04d", i), Written: n[0], Country: n[1]})
	}
	return ms
}

func TestVariantsJoin(t *testing.T) {
	r := rules(t)
	cases := []struct {
		kind string
		a, b [2]string
	}{
		{"transliteration", [2]string{"Sergei Lavrov", "RUS"}, [2]string{"Sergey Lavrov", "RUS"}},
		{"transliteration, vowels", [2]string{"Shah Mahmood Qureshi", "PAK"}, [2]string{"Shah Mehmood Qureshi", "PAK"}},
		{"transliteration, vowels", [2]string{"Hossein Amir Abdollahian", "IRN"}, [2]string{"Hussein Amir Abdollahian", "IRN"}},
		{"particles and hyphens", [2]string{"Abdel Fattah el-Sisi", "EGY"}, [2]string{"Abdul-Fatah Al-Sisi", "EGY"}},
		{"doubled letters and hyphens", [2]string{"Nana Akufo-Addo", "GHA"}, [2]string{"Nana Akuffo-Addo", "GHA"}},
		{"middle initial", [2]string{"Antony J. Blinken", "USA"}, [2]string{"Antony Blinken", "USA"}},
		{"middle name", [2]string{"Vinay Mohan Kwatra", "IND"}, [2]string{"Vinay Kwatra", "IND"}},
		{"initial of the given name", [2]string{"S Jaishankar", "IND"}, [2]string{"Subrahmanyam Jaishankar", "IND"}},
		{"initial with a full stop", [2]string{"S. Jaishankar", "IND"}, [2]string{"Subrahmanyam Jaishankar", "IND"}},
		{"middle initial for a middle name", [2]string{"Khadija Bukar A. Ibrahim", "NGA"}, [2]string{"Khadija Bukar Abba Ibrahim", "NGA"}},
		{"patronymic chain shortened", [2]string{"Mohammed bin Abdulrahman Al Thani", "QAT"}, [2]string{"Mohammed bin Abdulrahman bin Jassim Al-Thani", "QAT"}},
		{"family name left out", [2]string{"Faisal bin Farhan", "SAU"}, [2]string{"Faisal bin Farhan Al-Saud", "SAU"}},
		{"diacritics", [2]string{"Bùi Thanh Sơn", "VNM"}, [2]string{"Bui Thanh Son", "VNM"}},
		{"words written together", [2]string{"Bùi Thanh Sơn", "VNM"}, [2]string{"BùiThanh Sơn", "VNM"}},
		{"hyphenated given name", [2]string{"Cho Tae Yul", "KOR"}, [2]string{"Cho Tae-yul", "KOR"}},
		{"hyphen or one word", [2]string{"Kim Sung-hwan", "KOR"}, [2]string{"Kim Sunghwan", "KOR"}},
		{"family name first", [2]string{"Kamikawa Yoko", "JPN"}, [2]string{"Yoko Kamikawa", "JPN"}},
		{"short given name", [2]string{"Mike Pompeo", "USA"}, [2]string{"Michael Pompeo", "USA"}},
		{"misspelt", [2]string{"Cyril Ramphosa", ""}, [2]string{"Cyril Ramaphosa", "ZAF"}},
		{"surname alone", [2]string{"Blinken", "USA"}, [2]string{"Antony Blinken", "USA"}},
		{"double surname alone", [2]string{"Peña Nieto", "MEX"}, [2]string{"Enrique Peña Nieto", "MEX"}},
		{"honorific", [2]string{"Syed Tariq Fatemi", "PAK"}, [2]string{"Tariq Fatemi", "PAK"}},
		{"same name, a report got the country wrong", [2]string{"Hakan Fidan", "TUR"}, [2]string{"Hakan Fidan", "NLD"}},
		{"two capitals as initials", [2]string{"AK Abdul Momen", "BGD"}, [2]string{"A. K. Abdul Momen", "BGD"}},
		{"given and father's name, different ancestors", [2]string{"Faisal bin Farhan Al-Saud", "SAU"}, [2]string{"Faisal bin Farhan bin Abdullah", "SAU"}},
		{"second family name left out", [2]string{"Luis Videgaray", "MEX"}, [2]string{"Luis Videgaray Caso", "MEX"}},
		{"family name alone, written first", [2]string{"Dai", "CHN"}, [2]string{"Dai Bingguo", "CHN"}},
		{"a vowel more in a short name", [2]string{"Bader Al-Buseidi", "OMN"}, [2]string{"Badr bin Hamad Al Busaidi", "OMN"}},
		{"Turkish c for j", [2]string{"Ceyhun Bayramov", "AZE"}, [2]string{"Jeyhun Bayramov", "AZE"}},
		{"abbreviated Mohammed", [2]string{"Md. Jashim Uddin", "BGD"}, [2]string{"MD Jashim Uddin", "BGD"}},
		{"honorifics", [2]string{"Dato Seri Erywan Yusof", "BRN"}, [2]string{"Erywan Yusof", "BRN"}},
	}
	for _, c := range cases {
		res := Resolve(r, nil, mentions(c.a, c.b))
		ca, cb := res.Of(c.a[0], c.a[1]), res.Of(c.b[0], c.b[1])
		if ca == nil || cb == nil || ca != cb {
			t.Errorf("%s: %q and %q are two people (%v, %v)", c.kind, c.a[0], c.b[0], iriOf(ca), iriOf(cb))
		}
	}
}

func iriOf(c *Cluster) string {
	if c == nil {
		return "none"
	}
	return string(c.IRI)
}

func TestDifferentPeopleStayApart(t *testing.T) {
	r := rules(t)
	cases := []struct {
		kind string
		a, b [2]string
	}{
		{"same surname and country", [2]string{"Manmohan Singh", "IND"}, [2]string{"Rajnath Singh", "IND"}},
		{"two Kims of one Korea", [2]string{"Kim Sung-hwan", "KOR"}, [2]string{"Kim Jong-un", "PRK"}},
		{"two Kims of one Korea, close syllables", [2]string{"Kim Sung-hwan", "KOR"}, [2]string{"Kim Sang-hun", "KOR"}},
		{"shared given name", [2]string{"Kim Sung-hwan", "KOR"}, [2]string{"Yu Myung-hwan", "KOR"}},
		{"same given name", [2]string{"Sirojiddin Aslov", "TJK"}, [2]string{"Sirodjiddin Muhriddin", "TJK"}},
		{"surname shared by a particle", [2]string{"Masud Bin Momen", "BGD"}, [2]string{"AK Abdul Momen", "BGD"}},
		{"one vowel apart, different countries", [2]string{"Ahmed Hassan", "EGY"}, [2]string{"Ahmad Hassan", "SDN"}},
		{"father and son", [2]string{"Hun Sen", "KHM"}, [2]string{"Hun Manet", "KHM"}},
		{"Al Thanis", [2]string{"Tamim bin Hamad Al Thani", "QAT"}, [2]string{"Mohammed bin Abdulrahman Al Thani", "QAT"}},
		{"Mohammed is not Mahmood", [2]string{"Mohammed Qureshi", "PAK"}, [2]string{"Mahmood Qureshi", "PAK"}},
		{"a father's name is no given name", [2]string{"Saud Al-Faisal", "SAU"}, [2]string{"Faisal bin Farhan", "SAU"}},
		{"same given name, other fathers", [2]string{"Mohammed bin Salman", "SAU"}, [2]string{"Mohammed bin Abdulrahman", "SAU"}},
		{"one family name, other given names", [2]string{"Bharat Raj Poudyal", "NPL"}, [2]string{"Bimala Rai Paudyal", "NPL"}},
		{"Muhammad and Md. with other names", [2]string{"Muhammad Yunus", "BGD"}, [2]string{"Md. Jashim Uddin", "BGD"}},
		{"two Ris", [2]string{"Ri Su Yong", "PRK"}, [2]string{"Ri Yong Ho", "PRK"}},
		{"one letter apart", [2]string{"John Kelly", "USA"}, [2]string{"John Kerry", "USA"}},
		{"an ancestor's name is no family name", [2]string{"Abdullah", "SAU"}, [2]string{"Faisal bin Farhan bin Abdullah", "SAU"}},
	}
	for _, c := range cases {
		res := Resolve(r, nil, mentions(c.a, c.b))
		if ca, cb := res.Of(c.a[0], c.a[1]), res.Of(c.b[0], c.b[1]); ca == cb {
			t.Errorf("%s: %q and %q are one person %v: %v", c.kind, c.a[0], c.b[0], iriOf(ca), ca.Why)
		}
	}
}

func TestAmbiguousShortFormStaysAlone(t *testing.T) {
	r := rules(t)
	res := Resolve(r, nil, mentions(
		[2]string{"Singh", "IND"}, [2]string{"Manmohan Singh", "IND"}, [2]string{"Rajnath Singh", "IND"},
		[2]string{"S Kumar", "IND"}, [2]string{"Saurabh Kumar", "IND"}, [2]string{"Sanjay Kumar", "IND"}))
	for _, pair := range [][2]string{{"Singh", "Manmohan Singh"}, {"Singh", "Rajnath Singh"}, {"S Kumar", "Saurabh Kumar"}, {"S Kumar", "Sanjay Kumar"}} {
		if res.Of(pair[0], "IND") == res.Of(pair[1], "IND") {
			t.Errorf("%q joined %q although two people fit", pair[0], pair[1])
		}
	}
	if why := res.Of("Singh", "IND").Why; len(why) == 0 {
		t.Errorf("no explanation for the ambiguous short form")
	}
}

// TestOrderFree resolves the same mentions shuffled: the clusters must not
// change.
func TestOrderFree(t *testing.T) {
	r := rules(t)
	ms := mentions(
		[2]string{"Sergei Lavrov", "RUS"}, [2]string{"Sergey Lavrov", ""}, [2]string{"Sergey Lavrov", "RUS"},
		[2]string{"S Jaishankar", "IND"}, [2]string{"Subrahmanyam Jaishankar", "IND"}, [2]string{"S. Jaishankar", "IND"},
		[2]string{"Singh", "IND"}, [2]string{"Manmohan Singh", "IND"}, [2]string{"Rajnath Singh", "IND"},
		[2]string{"Antony Blinken", "USA"}, [2]string{"Antony J. Blinken", "USA"}, [2]string{"Blinken", "USA"})
	want := fmt.Sprint(clusterText(Resolve(r, nil, ms)))
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		rng.Shuffle(len(ms), func(a, b int) { ms[a], ms[b] = ms[b], ms[a] })
		if got := fmt.Sprint(clusterText(Resolve(r, nil, ms))); got != want {
			t.Fatalf("order changed the people:\n%s\nwant\n%s", got, want)
		}
	}
}

func clusterText(res *Resolution) []string {
	var out []string
	for _, c := range res.Clusters {
		out = append(out, fmt.Sprintf("%s %q %v %v", c.IRI, c.Name, c.Forms, c.Why))
	}
	return out
}

// TestMergeWithin joins "Blinken" to the report's Antony Blinken, with his
// roles, and leaves "Singh" alone next to two Singhs.
func TestMergeWithin(t *testing.T) {
	r := rules(t)
	ev := schema.EventInfo{IRI: "event:x", Roles: []schema.Role{
		{Actor: "person:blinken", Predicate: schema.SpokeAt}, {Actor: "person:antony-blinken", Predicate: schema.ParticipatedIn},
		{Actor: "person:singh", Predicate: schema.SpokeAt}}}
	rec := &schema.Record{Events: []schema.EventInfo{ev}, People: []schema.PersonInfo{
		{IRI: "person:antony-blinken", Name: "Antony Blinken", Represents: "country:USA"},
		{IRI: "person:blinken", Name: "Blinken", Title: "Secretary of State"},
		{IRI: "person:manmohan-singh", Name: "Manmohan Singh", Represents: "country:IND"},
		{IRI: "person:rajnath-singh", Name: "Rajnath Singh", Represents: "country:IND"},
		{IRI: "person:singh", Name: "Singh", Represents: "country:IND"},
	}}
	if n := MergeWithin(r, rec); n != 1 {
		t.Fatalf("dropped %d people, want 1", n)
	}
	var iris []string
	for _, p := range rec.People {
		iris = append(iris, string(p.IRI))
		if p.IRI == "person:antony-blinken" && p.Title != "Secretary of State" {
			t.Errorf("Antony Blinken did not get the title of the short mention: %+v", p)
		}
	}
	if fmt.Sprint(iris) != "[person:antony-blinken person:manmohan-singh person:rajnath-singh person:singh]" {
		t.Errorf("people left: %v", iris)
	}
	want := fmt.Sprint([]schema.Role{{Actor: "person:antony-blinken", Predicate: schema.SpokeAt},
		{Actor: "person:antony-blinken", Predicate: schema.ParticipatedIn}, {Actor: "person:singh", Predicate: schema.SpokeAt}})
	if got := fmt.Sprint(rec.Events[0].Roles); got != want {
		t.Errorf("roles %s, want %s", got, want)
	}
}
