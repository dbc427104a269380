package config

import (
	"strings"
	"testing"
)

// TestContacts: numbers are kept as written (YAML reads 999 and 0118 as
// text here), spaces around them go, and a language replaces only the
// keys it sets.
func TestContacts(t *testing.T) {
	cfg, list := Parse([]byte("title: A\ncontacts:\n  emergency: 999\n  urgent: \" 111 \"\n  crisis: 116 123\nlanguages:\n  - code: en-GB\n    name: English\n  - code: es\n    name: Español\n    contacts:\n      crisis: 0800 0118\n"))
	if list.HasErrors() {
		t.Fatal(list)
	}
	want := Contacts{Emergency: "999", Urgent: "111", Crisis: "116 123"}
	if got := cfg.ContactsIn(cfg.Languages[0]); got != want {
		t.Errorf("contacts in English %+v, want %+v", got, want)
	}
	want.Crisis = "0800 0118"
	if got := cfg.ContactsIn(cfg.Languages[1]); got != want {
		t.Errorf("contacts in Spanish %+v, want %+v", got, want)
	}
	none, _ := Parse([]byte("title: A\n"))
	if got := none.ContactsIn(none.Languages[0]); got != (Contacts{}) {
		t.Errorf("a site without contacts has %+v", got)
	}
}

func TestContactErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"contacts:\n  emergency: <b>999</b>\n", "site.yaml:3:14: contacts.emergency \"<b>999</b>\" holds markup"},
		{"contacts:\n  urgent: \"[111](tel:111)\"\n", "site.yaml:3:11: contacts.urgent \"[111](tel:111)\" holds markup"},
		{"contacts:\n  crisis: \"116\\u00a0123\"\n", "contacts.crisis \"116\\u00a0123\" holds a character that cannot be shown"},
		{"contacts:\n  crisis: \"call\\nnow\"\n", "holds a character that cannot be shown"},
		{"contacts:\n  emergency: " + strings.Repeat("9", 41) + "\n", "is too long"},
		{"contacts:\n  ambulance: 999\n", "site.yaml:3:3: unknown key \"ambulance\""},
		{"languages:\n  - code: es\n    name: Español\n    contacts:\n      emergency: \"*112*\"\n", "site.yaml:6:18: languages[0].contacts.emergency \"*112*\" holds markup"},
	} {
		cfg, list := Parse([]byte("title: A\n" + tc.yaml))
		if cfg != nil || !strings.Contains(list.String(), tc.want) {
			t.Errorf("%q: got %v, want an error with %q", tc.yaml, list, tc.want)
		}
	}
}
