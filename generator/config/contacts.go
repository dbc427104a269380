package config

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Contacts are the numbers a patient is told to call: the emergency
// callout shows Emergency as a tel: link ("Call 999"), an urgent callout
// shows Urgent. Each is a phone number as readers dial it ("999", "116
// 123", "+1 800 222 1222") or a short text ("your GP surgery"); empty
// means the site has none.
type Contacts struct {
	// Emergency is the emergency number, such as 999, 911 or 112.
	Emergency string `yaml:"emergency"`
	// Urgent is the number for advice soon, such as NHS 111.
	Urgent string `yaml:"urgent"`
	// Crisis is a mental-health crisis line, such as 988 in the US or the
	// Samaritans' 116 123 in the UK.
	Crisis string `yaml:"crisis"`
}

// maxContactRunes is the longest contact accepted: a number with its
// country code and spaces, or a few words.
const maxContactRunes = 40

// contactMarkup are characters that Markdown or HTML would read as markup,
// which a contact never needs: it is shown as plain text.
const contactMarkup = "<>[]`*_{}|\\"

// ContactsIn returns the contacts of a language: the site's, with each
// key the language sets in its own contacts replacing the site's.
func (c *Config) ContactsIn(lang Language) Contacts {
	out := c.Contacts
	if lang.Contacts.Emergency != "" {
		out.Emergency = lang.Contacts.Emergency
	}
	if lang.Contacts.Urgent != "" {
		out.Urgent = lang.Contacts.Urgent
	}
	if lang.Contacts.Crisis != "" {
		out.Crisis = lang.Contacts.Crisis
	}
	return out
}

// validate checks each contact and trims its spaces; at is the YAML
// path of the contacts, such as "$.contacts".
func (k *Contacts) validate(at string, errAt func(path, format string, args ...any)) {
	for _, f := range []struct {
		key   string
		value *string
	}{{"emergency", &k.Emergency}, {"urgent", &k.Urgent}, {"crisis", &k.Crisis}} {
		*f.value = strings.TrimSpace(*f.value)
		if problem := contactProblem(*f.value); problem != "" {
			errAt(at+"."+f.key, "%s %q %s", strings.TrimPrefix(at, "$.")+"."+f.key, *f.value, problem)
		}
	}
}

// contactProblem says what is wrong with a contact, or "".
func contactProblem(v string) string {
	switch {
	case utf8.RuneCountInString(v) > maxContactRunes:
		return fmt.Sprintf("is too long: write the number (999) or a few words, at most %d characters", maxContactRunes)
	case strings.ContainsAny(v, contactMarkup):
		return "holds markup: write the number as it is dialled, such as 999 or 116 123, or a few plain words"
	case strings.ContainsFunc(v, func(r rune) bool { return !unicode.IsPrint(r) }):
		return "holds a character that cannot be shown (a control character, or a space other than the ordinary one)"
	}
	return ""
}
