package extract

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// TestSendersAbsent checks that the senders of greetings or a message are
// not taken for participants, through a list of senders and an
// appositive, while the agent of "signed on behalf of X by Y" is.
func TestSendersAbsent(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-02-04", Body: "KUWAIT CITY, Feb 4 (KUNA) -- Kuwaiti Foreign Minister Abdullah Ali Al-Yahya met Saudi Foreign Minister Prince Faisal bin Farhan Al Saud in Kuwait City on Monday.\n\n" +
		"The Saudi minister conveyed the greetings of the Custodian of the Two Holy Mosques King Salman bin Abdulaziz Al Saud and Crown Prince and Prime Minister Mohammed bin Salman to the Kuwaiti leadership.\n\n" +
		"The agreement was signed on behalf of the State of Kuwait by Deputy Foreign Minister Sheikh Jarrah Jaber Al-Ahmad Al-Sabah."})
	roles := map[string]string{}
	for _, e := range r.Events {
		for _, role := range e.Roles {
			if p, ok := strings.CutPrefix(string(role.Actor), "person:"); ok {
				roles[p] = string(role.Predicate)
			}
		}
	}
	for _, absent := range []string{"salman-bin-abdulaziz-al-saud", "mohammed-bin-salman"} {
		if r, ok := roles[absent]; ok {
			t.Errorf("%s, who only sent greetings, has role %s", absent, r)
		}
	}
	if _, ok := roles["jarrah-jaber-al-ahmad-al-sabah"]; !ok {
		t.Errorf("the signer on behalf of Kuwait has no role; roles %v", roles)
	}
}

// TestSpeakers checks the wordings that make a person a speaker at a
// gathering: declaring it open, addressing its opening session, "in his
// address".
func TestSpeakers(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-05-22", Body: "The 5th session of the Nigeria-Benin Bi-National Commission opened in Abuja on Tuesday, co-chaired by Nigerian Foreign Minister Yusuf Tuggar and Beninese Foreign Minister Olushegun Adjadi Bakari.\n\n" +
		"Vice President Kashim Shettima, who declared the session open, said the two countries were one people."})
	spoke := false
	for _, e := range r.Events {
		for _, role := range e.Roles {
			spoke = spoke || role.Actor == "person:kashim-shettima" && role.Predicate == schema.SpokeAt
		}
	}
	if !spoke {
		t.Errorf("Shettima did not speak; events %+v", r.Events)
	}
}

// A person named in an "after" clause that follows the event word took no
// part in the event.
func TestPersonInOtherClause(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean President Anna Vell and Norwegian Prime Minister Piet Dorn spoke by telephone on Monday, " +
		"days after Peruvian President Luis Salas criticised both of them."})
	if len(r.Events) != 1 {
		t.Fatalf("events %+v, want the call", summarise(r))
	}
	for _, role := range r.Events[0].Roles {
		if role.Actor == "person:luis-salas" || role.Actor == "country:PER" {
			t.Errorf("role %+v: Salas took no part in the call", role)
		}
	}
}

// Two officials who "jointly hosted" a round chaired it together.
func TestJointlyHosted(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-06-12", Body: "Chilean Foreign Minister Anna Vell and Norwegian Foreign Minister Piet Dorn on Tuesday jointly hosted the 5th round of the Chile-Norway strategic consultation in Oslo."})
	n := 0
	for _, e := range r.Events {
		for _, role := range e.Roles {
			if role.Predicate == schema.CoChaired && strings.HasPrefix(string(role.Actor), "person:") {
				n++
			}
		}
	}
	if n != 2 {
		t.Errorf("events %+v: %d co-chairs, want 2", r.Events, n)
	}
}

// TestAuthorsAbsent checks that leaders named only as those who directed,
// announced or were written to are not taken for participants.
func TestAuthorsAbsent(t *testing.T) {
	x := newTest(t)
	for _, c := range []struct{ body, absent string }{
		{"Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn in Oslo on Monday, under the directions of Chilean President Marco Ruiz.", "marco-ruiz"},
		{"Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn in Oslo on Monday to prepare the summit announced by Chilean President Marco Ruiz.", "marco-ruiz"},
		{"Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn in Oslo on Monday and conveyed the keen interest of Chilean President Marco Ruiz in closer ties.", "marco-ruiz"},
		{"Chilean Foreign Minister Anna Vell met Norwegian Foreign Minister Piet Dorn in Oslo on Monday and handed him a letter addressed to Norwegian Prime Minister Lars Holt.", "lars-holt"},
	} {
		r := x.Extract(Input{Published: "2025-02-04", Body: c.body})
		roles := map[string]string{}
		for _, e := range r.Events {
			for _, role := range e.Roles {
				if p, ok := strings.CutPrefix(string(role.Actor), "person:"); ok {
					roles[p] = string(role.Predicate)
				}
			}
		}
		if len(roles) == 0 {
			t.Errorf("%q: no roles at all", c.body)
		}
		if r, ok := roles[c.absent]; ok {
			t.Errorf("%q: %s has role %s", c.body, c.absent, r)
		}
	}
}

// TestSpeakingAtSession checks that an official "speaking at" a session of
// a joint commission is its speaker.
func TestSpeakingAtSession(t *testing.T) {
	x := newTest(t)
	r := x.Extract(Input{Published: "2025-05-22", Body: "Speaking on Tuesday during a Chile-Norway Joint Commission session held in Oslo, Chilean Foreign Minister Anna Vell said the two countries would sign three agreements."})
	spoke := false
	for _, e := range r.Events {
		for _, role := range e.Roles {
			spoke = spoke || role.Actor == "person:anna-vell" && role.Predicate == schema.SpokeAt
		}
	}
	if !spoke {
		t.Errorf("Vell did not speak; events %+v", r.Events)
	}
}
