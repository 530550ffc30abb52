package gazetteer

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func loadT(t *testing.T) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestLoadCounts(t *testing.T) {
	g := loadT(t)
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"countries", len(g.Countries), 240},
		{"organisations", len(g.Orgs), 80},
		{"bodies", len(g.Bodies), 30},
		{"titles", len(g.Titles), 120},
		{"ranks", len(g.Ranks), 60},
		{"regions", len(g.Regions), 35},
		{"topics", len(g.Topics), 45},
		{"mechanisms", len(g.Mechanisms), 8},
	} {
		if c.got < c.min {
			t.Errorf("%d %s, want at least %d", c.got, c.what, c.min)
		}
	}
}

func TestDefault(t *testing.T) {
	g := Default()
	if g == nil || g != Default() {
		t.Fatal("Default must return one shared gazetteer")
	}
	if _, ok := g.CountryByISO3("PAK"); !ok {
		t.Error("Default has no PAK")
	}
	broken := validFS()
	broken["d/titles.tsv"] = &fstest.MapFile{Data: []byte("#title\tcategory\nPresident\tboss\n")}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "d/titles.tsv:2") {
			t.Errorf("mustLoad of broken data: recovered %v, want a panic naming d/titles.tsv:2", r)
		}
	}()
	mustLoad(broken, "d")
	t.Error("mustLoad of broken data did not panic")
}

// TestGDELTFIPS checks the FIPS codes against the place names of a real
// GDELT export (../shared/data beside the clone); it skips without it.
func TestGDELTFIPS(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/gdelt/20191024143000.export.CSV")
	if err != nil {
		t.Skipf("GDELT sample not available: %v", err)
	}
	g := loadT(t)
	checked := 0
	for _, line := range strings.Split(string(data), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 54 {
			continue
		}
		for _, geo := range [][2]int{{36, 37}, {44, 45}, {52, 53}} { // *Geo_FullName, *Geo_CountryCode
			name, fips := cols[geo[0]], cols[geo[1]]
			if fips == "" || fips == "OS" || fips == "YI" { // oceans; former Yugoslavia
				continue
			}
			byCode, ok := g.CountryByFIPS(fips)
			if !ok {
				t.Errorf("unknown FIPS %s (%s)", fips, name)
				continue
			}
			parts := strings.Split(name, ", ")
			if byName, ok := g.Country(parts[len(parts)-1]); ok {
				checked++
				if byName != byCode {
					t.Errorf("FIPS %s is %s, but GDELT names %q", fips, byCode.ISO3, name)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d GDELT places checked", checked)
	}
}

func TestCountryCodes(t *testing.T) {
	g := loadT(t)
	iso3, iso2, fips := map[string]string{}, map[string]string{}, map[string]string{}
	for _, c := range g.Countries {
		for _, k := range []struct {
			m    map[string]string
			code string
		}{{iso3, c.ISO3}, {iso2, c.ISO2}} {
			if old, dup := k.m[k.code]; dup {
				t.Errorf("code %s used by %s and %s", k.code, old, c.ISO3)
			}
			k.m[k.code] = c.ISO3
		}
		for _, f := range append([]string{c.FIPS}, c.OtherFIPS...) {
			if f == "" {
				continue
			}
			if old, dup := fips[f]; dup {
				t.Errorf("FIPS %s used by %s and %s", f, old, c.ISO3)
			}
			fips[f] = c.ISO3
		}
		if c.Capital == "" || len(c.Cities) == 0 || !c.Cities[0].Capital || c.Cities[0].Name != c.Capital {
			t.Errorf("%s: capital %q not first city", c.ISO3, c.Capital)
		}
		for _, city := range c.Cities {
			if city.Country != c.ISO3 {
				t.Errorf("%s: city %s has country %s", c.ISO3, city.Name, city.Country)
			}
		}
	}
	for _, code := range []string{"XKX", "PSE", "TWN", "HKG", "GBR", "USA", "RUS", "CHN", "PAK"} {
		if _, ok := iso3[code]; !ok {
			t.Errorf("no country %s", code)
		}
	}
}

func TestCountryLookups(t *testing.T) {
	g := loadT(t)
	for _, c := range []struct{ name, want string }{
		{"Russian Federation", "RUS"},
		{"the Russian Federation", "RUS"},
		{"Russia", "RUS"},
		{"Russians", "RUS"},
		{"Pakistani", "PAK"},
		{"Islamic Republic of Pakistan", "PAK"},
		{"U.S.", "USA"},
		{"US", "USA"},
		{"the United States", "USA"},
		{"America", "USA"},
		{"UK", "GBR"},
		{"U.K.", "GBR"},
		{"Britain", "GBR"},
		{"British", "GBR"},
		{"Türkiye", "TUR"},
		{"Turkiye", "TUR"},
		{"TURKEY", "TUR"},
		{"People's Republic of China", "CHN"},
		{"Peoples Republic of China", "CHN"},
		{"Chinese", "CHN"},
		{"Republic of Korea", "KOR"},
		{"DPRK", "PRK"},
		{"Côte d'Ivoire", "CIV"},
		{"Cote d’Ivoire", "CIV"},
		{"Ivory Coast", "CIV"},
		{"Viet Nam", "VNM"},
		{"Czechia", "CZE"},
		{"Burma", "MMR"},
		{"KSA", "SAU"},
		{"Holy See", "VAT"},
		{"the Holy See", "VAT"},
		{"Emirati", "ARE"},
		{"Filipino", "PHL"},
		{"Kazakhstani", "KAZ"},
		{"Afghan", "AFG"},
		{"Guinea Bissau", "GNB"},
		{"Kosovo", "XKX"},
		{"Palestinian", "PSE"},
	} {
		got, ok := g.Country(c.name)
		if !ok || got.ISO3 != c.want {
			t.Errorf("Country(%q) = %v, %v; want %s", c.name, code(got), ok, c.want)
		}
	}
	for _, name := range []string{"us", "car", "Korean", "", "Atlantis", "the"} {
		if got, ok := g.Country(name); ok {
			t.Errorf("Country(%q) = %s, want no match", name, got.ISO3)
		}
	}
}

func code(c *Country) string {
	if c == nil {
		return "<nil>"
	}
	return c.ISO3
}

func TestCountryByCode(t *testing.T) {
	g := loadT(t)
	for _, c := range []struct {
		fn         func(string) (*Country, bool)
		code, want string
	}{
		{g.CountryByFIPS, "RS", "RUS"},
		{g.CountryByFIPS, "UK", "GBR"},
		{g.CountryByFIPS, "CH", "CHN"},
		{g.CountryByFIPS, "PK", "PAK"},
		{g.CountryByFIPS, "GM", "DEU"},
		{g.CountryByFIPS, "JA", "JPN"},
		{g.CountryByFIPS, "KS", "KOR"},
		{g.CountryByFIPS, "KN", "PRK"},
		{g.CountryByFIPS, "SZ", "CHE"},
		{g.CountryByFIPS, "GZ", "PSE"},
		{g.CountryByFIPS, "rs", "RUS"},
		{g.CountryByISO2, "GB", "GBR"},
		{g.CountryByISO2, "RS", "SRB"},
		{g.CountryByISO2, "CH", "CHE"},
		{g.CountryByISO3, "pak", "PAK"},
	} {
		got, ok := c.fn(c.code)
		if !ok || got.ISO3 != c.want {
			t.Errorf("lookup %q = %v, %v; want %s", c.code, code(got), ok, c.want)
		}
	}
	if _, ok := g.CountryByFIPS("GB"); !ok {
		t.Error("FIPS GB (Gabon) missing")
	} else if c, _ := g.CountryByFIPS("GB"); c.ISO3 != "GAB" {
		t.Errorf("FIPS GB = %s, want GAB", c.ISO3)
	}
	if c, ok := g.CountryByISO3("XXX"); ok {
		t.Errorf("ISO3 XXX = %s", c.ISO3)
	}
}

func TestCityLookups(t *testing.T) {
	g := loadT(t)
	for _, c := range []struct {
		name, want, canonical string
		capital               bool
	}{
		{"Islamabad", "PAK", "Islamabad", true},
		{"islamabad", "PAK", "Islamabad", true},
		{"Guangzhou", "CHN", "Guangzhou", false},
		{"St. Petersburg", "RUS", "Saint Petersburg", false},
		{"St Petersburg", "RUS", "Saint Petersburg", false},
		{"Nur-Sultan", "KAZ", "Astana", true},
		{"Bombay", "IND", "Mumbai", false},
		{"New Delhi", "IND", "New Delhi", true},
		{"Abu Dhabi", "ARE", "Abu Dhabi", true},
		{"Geneva", "CHE", "Geneva", false},
		{"Genève", "CHE", "Geneva", false},
		{"the Hague", "NLD", "The Hague", false},
		{"Sharm El Sheikh", "EGY", "Sharm el-Sheikh", false},
		{"Tripoli", "LBY", "Tripoli", true}, // capital of Libya beats the Lebanese city
		{"Kyiv", "UKR", "Kyiv", true},
		{"Kiev", "UKR", "Kyiv", true},
	} {
		got, ok := g.City(c.name)
		if !ok || got.Country != c.want || got.Name != c.canonical || got.Capital != c.capital {
			t.Errorf("City(%q) = %+v, %v; want %s in %s (capital %v)", c.name, got, ok, c.canonical, c.want, c.capital)
		}
	}
	if _, ok := g.City("Atlantis"); ok {
		t.Error("City(Atlantis) found")
	}
	if n := len(g.Cities("Tripoli")); n != 2 {
		t.Errorf("Cities(Tripoli) has %d entries, want 2", n)
	}
}

func TestOrgLookups(t *testing.T) {
	g := loadT(t)
	for _, c := range []struct{ name, want string }{
		{"SCO", "shanghai-cooperation-organisation"},
		{"Shanghai Cooperation Organization", "shanghai-cooperation-organisation"},
		{"the Shanghai Cooperation Organisation", "shanghai-cooperation-organisation"},
		{"U.N.", "united-nations"},
		{"the UN", "united-nations"},
		{"UNSC", "un-security-council"},
		{"Security Council", "un-security-council"},
		{"EAEU", "eurasian-economic-union"},
		{"EEU", "eurasian-economic-union"},
		{"FATF", "fatf"},
		{"Financial Action Task Force", "fatf"},
		{"WHO", "who"},
		{"NATO", "north-atlantic-treaty-organization"},
		{"Nato", "north-atlantic-treaty-organization"},
		{"UNITED NATIONS", "united-nations"},
		{"RATS", "sco-rats"},
	} {
		got, ok := g.Org(c.name)
		if !ok || got.Slug != c.want {
			t.Errorf("Org(%q) = %+v, %v; want %s", c.name, got, ok, c.want)
		}
	}
	for _, name := range []string{"who", "un", "Sco", "rats", "quad core"} {
		if got, ok := g.Org(name); ok {
			t.Errorf("Org(%q) = %s, want no match", name, got.Slug)
		}
	}
}

func TestBodyLookups(t *testing.T) {
	g := loadT(t)
	for _, c := range []struct{ name, country, slug, rowCountry string }{
		{"Foreign Office", "PAK", "ministry-of-foreign-affairs", ""},
		{"the FO", "PAK", "ministry-of-foreign-affairs", ""},
		{"MOFA", "", "ministry-of-foreign-affairs", ""},
		{"State Department", "", "ministry-of-foreign-affairs", "USA"},
		{"State Department", "PAK", "ministry-of-foreign-affairs", "USA"},
		{"Ministry of Foreign Affairs", "USA", "ministry-of-foreign-affairs", "USA"},
		{"Ministry of Foreign Affairs", "PAK", "ministry-of-foreign-affairs", ""},
		{"MEA", "IND", "ministry-of-foreign-affairs", "IND"},
		{"FCDO", "", "ministry-of-foreign-affairs", "GBR"},
		{"Kremlin", "", "presidential-administration", "RUS"},
		{"White House", "usa", "presidential-administration", "USA"},
		{"Pentagon", "", "ministry-of-defence", "USA"},
		{"Defense Ministry", "RUS", "ministry-of-defence", ""},
		{"Downing Street", "GBR", "prime-ministers-office", "GBR"},
		{"Duma", "", "parliament", "RUS"},
		{"National Assembly", "PAK", "parliament", ""},
	} {
		got, ok := g.Body(c.name, c.country)
		if !ok || got.Slug != c.slug || got.Country != c.rowCountry {
			t.Errorf("Body(%q, %q) = %+v, %v; want %s row %q", c.name, c.country, got, ok, c.slug, c.rowCountry)
		}
	}
	if got, ok := g.Body("fo", "PAK"); ok {
		t.Errorf("Body(fo) = %s, want no match (acronyms are case-sensitive)", got.Slug)
	}
}

func TestRegionTitleRankMechanism(t *testing.T) {
	g := loadT(t)
	for name, want := range map[string]string{
		"Central Asia": "central-asia", "the Middle East": "middle-east", "Mideast": "middle-east",
		"North Africa": "north-africa", "the Gulf": "gulf", "South Caucasus": "caucasus", "central-asia": "central-asia",
	} {
		if got, ok := g.Region(name); !ok || got.Slug != want {
			t.Errorf("Region(%q) = %+v, %v; want %s", name, got, ok, want)
		}
	}
	for s, want := range map[string]string{
		"Deputy Foreign Minister": "deputy_minister", "deputy foreign minister": "deputy_minister",
		"Additional Foreign Secretary": "official", "Director-General": "official", "Director General": "official",
		"Chargé d'Affaires": "diplomat", "Charge d’Affaires": "diplomat", "Prime Minister": "head_of_government",
		"President": "head_of_state", "State Councillor": "minister", "Senator": "legislator",
		"Chief of Army Staff": "military", "Member of the Political Bureau": "party",
	} {
		if got, ok := g.TitleOf(s); !ok || got.Category != want {
			t.Errorf("TitleOf(%q) = %+v, %v; want %s", s, got, ok, want)
		}
	}
	if _, ok := g.TitleOf("Grand Vizier"); ok {
		t.Error("TitleOf(Grand Vizier) found")
	}
	for i := 1; i < len(g.Titles); i++ {
		if len(g.Titles[i].Title) > len(g.Titles[i-1].Title) {
			t.Fatalf("Titles not longest first at %d: %q after %q", i, g.Titles[i].Title, g.Titles[i-1].Title)
		}
	}
	for form, want := range map[string]string{
		"Ambassador": "Ambassador", "Amb.": "Ambassador", "H.E.": "", "Dr.": "", "Lt. Gen.": "Lieutenant General",
		"lt gen": "Lieutenant General", "General": "General", "Sheikh": "",
	} {
		if got, ok := g.RankOf(form); !ok || got.Rank != want {
			t.Errorf("RankOf(%q) = %+v, %v; want %q", form, got, ok, want)
		}
	}
	for _, form := range []string{"He", "Syed", "Senator"} {
		if got, ok := g.RankOf(form); ok {
			t.Errorf("RankOf(%q) = %+v, want no match", form, got)
		}
	}
	for phrase, want := range map[string]string{
		"JWG": "joint-working-group", "Joint Working Group": "joint-working-group", "joint working group": "joint-working-group",
		"Intergovernmental Commission": "joint-commission", "JCC": "joint-committee", "Strategic Dialogue": "strategic-dialogue",
		"2+2": "dialogue", "Foreign Office Consultations": "consultations", "BPC": "consultations",
		"round of talks": "talks", "Annual Summit": "summit",
	} {
		if got, ok := g.Mechanism(phrase); !ok || got != want {
			t.Errorf("Mechanism(%q) = %q, %v; want %s", phrase, got, ok, want)
		}
	}
	if got, ok := g.Mechanism("Joint Venture"); ok {
		t.Errorf("Mechanism(Joint Venture) = %s", got)
	}
	for text, want := range map[string]string{
		"the 10th meeting of the Pakistan-Russia Joint Working Group on Counter-Terrorism": "joint-working-group",
		"Russia-Pakistan JWG on CT": "joint-working-group",
		"the 5th round of Pakistan-Uzbekistan Bilateral Political Consultations (BPC)": "consultations",
		"the India-US 2+2 Ministerial Dialogue":                                        "dialogue",
	} {
		if got, _, ok := g.FindMechanism(text); !ok || got != want {
			t.Errorf("FindMechanism(%q) = %q, %v; want %s", text, got, ok, want)
		}
	}
	if got, p, ok := g.FindMechanism("the dialogues of Plato"); ok {
		t.Errorf("FindMechanism matched %q (%s) inside a longer word", p, got)
	}
	for s, want := range map[string]string{
		"terrorist financing": "financing-of-terrorism", "financing of terrorism": "financing-of-terrorism",
		"de-radicalization": "radicalization", "counter-terrorism": "counter-terrorism", "Counter Terrorism": "counter-terrorism",
	} {
		if got, ok := g.Topic(s); !ok || got.Slug != want {
			t.Errorf("Topic(%q) = %+v, %v; want %s", s, got, ok, want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Türkiye":         "turkiye",
		"Côte d’Ivoire":   "cote d'ivoire",
		"São Tomé":        "sao tome",
		"Łódź":            "lodz",
		"Straße":          "strasse",
		"İzmir":           "izmir",
		"Ærø":             "aero",
		"Chişinău":        "chisinau",
		"Sharm el–Sheikh": "sharm el-sheikh",
		"Cafe\u0301":      "cafe",
		"U.S.":            "u.s.",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// validFS is a minimal well-formed data set; tests break one file at a time.
func validFS() fstest.MapFS {
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"d/countries.tsv":     f("#iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\tcities\nPAK\tPK\tPK\tPakistan\t\tPakistani\tIslamabad\tKarachi|Lahore\nRUS\tRU\tRS\tRussia\tRussian Federation\tRussian\tMoscow\tSaint Petersburg=St Petersburg\n"),
		"d/organizations.tsv": f("#slug\tname\taliases\nunited-nations\tUnited Nations\tUN\n"),
		"d/bodies.tsv":        f("#slug\tname\taliases\tcountry\nministry-of-foreign-affairs\tMinistry of Foreign Affairs\tFO\t\n"),
		"d/titles.tsv":        f("#title\tcategory\nPresident\thead_of_state\n"),
		"d/ranks.tsv":         f("#form\trank\nAmb.\tAmbassador\n"),
		"d/regions.tsv":       f("#slug\tname\taliases\ncentral-asia\tCentral Asia\t\n"),
		"d/topics.tsv":        f("#slug\tname\tkeywords\ntrade\tTrade\ttrade\n"),
		"d/mechanisms.tsv":    f("#type\tphrases\ntalks\tTalks\n"),
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := load(validFS(), "d"); err != nil {
		t.Fatalf("valid data: %v", err)
	}
	for _, c := range []struct {
		file, data, want string
	}{
		{"countries.tsv", "iso3\tiso2\n", "d/countries.tsv:1: first line must be a header"},
		{"countries.tsv", "#iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\n", "d/countries.tsv:1: header has columns"},
		{"countries.tsv", "#iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\tcities\n# c\nPAK\tPK\tPK\tPakistan\t\t\tIslamabad\t\nIND\tPK\tIN\tIndia\t\t\tNew Delhi\t\n", "d/countries.tsv:4: duplicate iso2 code PK"},
		{"countries.tsv", "#iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\tcities\nPAK\tPK\tPK\tPakistan\t\t\t\t\n", "d/countries.tsv:2: PAK has no capital"},
		{"countries.tsv", "#iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\tcities\nPAK\tPK\tPK\tPakistan\t\t\tIslamabad\t\nIND\tIN\tPK\tIndia\t\t\tNew Delhi\t\n", "d/countries.tsv:3: duplicate fips code PK"},
		{"countries.tsv", "#iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\tcities\nPAK\tPK\tPK\tPakistan\t\t\tIslamabad\t\nIND\tIN\tIN\tIndia\tPakistan\t\tNew Delhi\t\n", "d/countries.tsv:3: \"Pakistan\" (key \"pakistan\") already names PAK"},
		{"countries.tsv", "#iso3\tiso2\tfips\tname\taliases\tdemonyms\tcapital\tcities\nPAK\tPK\tPK\tPakistan\t\t\tIslamabad\t\textra\n", "d/countries.tsv:2: 9 cells"},
		{"organizations.tsv", "#slug\tname\taliases\nUnited Nations\tUnited Nations\t\n", "d/organizations.tsv:2: slug"},
		{"bodies.tsv", "#slug\tname\taliases\tcountry\nembassy\tEmbassy\t\tXYZ\n", "d/bodies.tsv:2: unknown country \"XYZ\""},
		{"titles.tsv", "#title\tcategory\nPresident\tboss\n", "d/titles.tsv:2: title \"President\": category \"boss\""},
		{"topics.tsv", "#slug\tname\tkeywords\ntrade\tTrade\tTrade\n", "d/topics.tsv:2: keyword \"Trade\" is not lower case"},
		{"mechanisms.tsv", "#type\tphrases\nmeeting\tMeeting\n", "d/mechanisms.tsv:2: type \"meeting\""},
		{"ranks.tsv", "#form\trank\n", "d/ranks.tsv: no data rows"},
	} {
		fsys := validFS()
		fsys["d/"+c.file] = &fstest.MapFile{Data: []byte(c.data)}
		_, err := load(fsys, "d")
		var de *DataError
		if err == nil || !errors.As(err, &de) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.file, err, c.want)
		}
	}
	fsys := validFS()
	delete(fsys, "d/regions.tsv")
	if _, err := load(fsys, "d"); err == nil || !strings.Contains(err.Error(), "d/regions.tsv") {
		t.Errorf("missing file: error %v", err)
	}
}

// TestWeakAliases checks that names marked "~" in countries.tsv are
// aliases without the mark, listed as weak, and still found by lookups.
func TestWeakAliases(t *testing.T) {
	g := loadT(t)
	for _, c := range []struct{ name, iso3 string }{{"Siam", "THA"}, {"Bharat", "IND"}, {"Holland", "NLD"}, {"Persia", "IRN"}} {
		got, ok := g.Country(c.name)
		if !ok || got.ISO3 != c.iso3 {
			t.Errorf("Country(%q) = %v, %v; want %s", c.name, got, ok, c.iso3)
			continue
		}
		if !slices.Contains(got.Weak, c.name) || !slices.Contains(got.Aliases, c.name) {
			t.Errorf("%s: %q should be a weak alias: aliases %q, weak %q", c.iso3, c.name, got.Aliases, got.Weak)
		}
	}
	for _, c := range g.Countries {
		for _, a := range append(append([]string{c.Name}, c.Aliases...), c.Weak...) {
			if strings.HasPrefix(a, "~") {
				t.Errorf("%s: %q keeps its mark", c.ISO3, a)
			}
		}
		for _, w := range c.Weak {
			if w == c.Name {
				t.Errorf("%s: the common name %q cannot be weak", c.ISO3, w)
			}
		}
	}
	if th, _ := g.Country("Thailand"); slices.Contains(th.Weak, "Thailand") || slices.Contains(th.Weak, "Kingdom of Thailand") {
		t.Errorf("Thailand's official names are not weak: %q", th.Weak)
	}
}
