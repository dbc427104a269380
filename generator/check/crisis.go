package check

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/handout-health/handout/generator/diag"
)

// moods is how a language speaks of mood and of self-harm, for
// crisis-line.
type moods struct {
	// topic matches a tag, title or synonym of an article on mood.
	topic *regexp.Regexp
	// selfHarm matches text that speaks of suicide or self-harm.
	selfHarm *regexp.Regexp
	// call is how the message suggests giving the number, with %s for it.
	call string
}

var (
	englishMoods = moods{
		topic:    regexp.MustCompile(`(?i)\b(?:mood|depression|depressed|anxiety|anxious|suicid\w*|self-harm|self harm|crisis|mental health|bipolar|panic|antidepressants?)\b`),
		selfHarm: regexp.MustCompile(`(?i)\b(?:suicid\w*|self-harm\w*|self harm\w*|kill(?:ing)? (?:yourself|themselves|myself)|hurt(?:ing)? (?:yourself|themselves|myself)|harm(?:ing)? (?:yourself|themselves|myself)|end(?:ing)? (?:your|their|my) (?:own )?life)\b`),
		call:     "If you are thinking about suicide or harming yourself, call or text %s now.",
	}
	spanishMoods = moods{
		topic:    regexp.MustCompile(`(?i)(?:\b(?:ánimo|depresión|deprimid[oa]s?|ansiedad|suicid\w*|autolesi\w*|crisis|salud mental|bipolar|pánico|antidepresivos?)(?:\P{L}|$))`),
		selfHarm: regexp.MustCompile(`(?i)(?:\b(?:suicid\w*|autolesi\w*|hacerse daño|quitarse la vida|lastimarse)(?:\P{L}|$))`),
		call:     "Si piensa en el suicidio o en hacerse daño, llame o envíe un mensaje al %s ahora.",
	}
)

// crisisLine reports an article on mood or self-harm that does not give
// the crisis line its language has in site.yaml (contacts.crisis). An
// article is on mood when a tag, its title or a synonym names a mood
// topic (depression, anxiety, mood, …), and on self-harm when its text
// speaks of suicide or self-harm. On self-harm the finding is an error:
// a page that speaks of suicide and says nowhere whom to call fails the
// check. The article gives the line when its number (its digits, however
// spaced) or, for a contact in words, the contact is in its text or
// summary.
func (a *articleCheck) crisisLine() diag.List {
	m := a.lang.moods
	crisis := a.site.Config.ContactsIn(a.site.Language).Crisis
	if m == nil || crisis == "" || a.givesContact(crisis) {
		return nil
	}
	call := strings.ReplaceAll(m.call, "%s", crisis)
	for i, s := range a.prose.sentences {
		if loc := m.selfHarm.FindStringIndex(s.text); loc != nil {
			d := a.wordFinding(i, wordCount(s.text[:loc[0]]), diag.RuleCrisisLine,
				"this article speaks of suicide or self-harm but does not give the crisis line, %s: add it where the article speaks of it, as “%s”", crisis, call)
			d.Severity = diag.Error
			return diag.List{d}
		}
	}
	names := append(append([]string{}, a.doc.Tags...), a.doc.Names()...)
	for _, name := range names {
		if topic := m.topic.FindString(name); topic != "" {
			key := "tags"
			if !slices.Contains(a.doc.Tags, name) {
				key = "title"
			}
			return diag.List{diag.Warnf(a.doc.Path, a.doc.KeyLine(key), 1, "this article is on mood (%q) but does not give the crisis line, %s: add it, as “%s”", strings.TrimSpace(topic), crisis, call).WithRule(diag.RuleCrisisLine)}
		}
	}
	return nil
}

// givesContact reports whether the article's text or summary gives a
// contact: a number by its digits, however spaced or dashed ("116 123",
// "116-123"), a contact in words as written, in any case.
func (a *articleCheck) givesContact(contact string) bool {
	texts := []string{a.doc.Summary}
	for _, b := range a.doc.Result.Blocks {
		texts = append(texts, b.Text)
	}
	digits := onlyDigits(contact)
	for _, t := range texts {
		if len(digits) >= 3 && containsNumber(t, digits) || len(digits) < 3 && strings.Contains(strings.ToLower(t), strings.ToLower(contact)) {
			return true
		}
	}
	return false
}

// containsNumber reports whether text writes the number whose digits are
// digits, as a whole: 988 is in "call 988" and "988 or 911", 116123 in
// "116 123", but 988 is not in "19880".
func containsNumber(text, digits string) bool {
	var groups []string
	group := strings.Builder{}
	check := func() bool {
		if group.Len() > 0 {
			groups = append(groups, group.String())
			group.Reset()
		}
		for i := range groups {
			joined := ""
			for _, g := range groups[i:] {
				joined += g
				if joined == digits {
					return true
				}
			}
		}
		groups = groups[:0]
		return false
	}
	runes := []rune(text)
	for i, r := range runes {
		switch {
		case unicode.IsDigit(r):
			group.WriteRune(r)
		case group.Len() > 0 && strings.ContainsRune(" -.\u00a0", r) && i+1 < len(runes) && unicode.IsDigit(runes[i+1]):
			// A space or dash inside a number: a new group of it.
			groups = append(groups, group.String())
			group.Reset()
		default:
			if check() {
				return true
			}
		}
	}
	return check()
}

func onlyDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
