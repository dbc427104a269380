package glossary

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown/glossterm"
)

// FuzzMatch builds a matcher from any names (one entry per line, names
// separated by "|") and matches any text, checking that mentions come in
// order, never overlap, start and end on word boundaries, and begin with
// a word that starts one of the entry's names.
func FuzzMatch(f *testing.F) {
	for _, seed := range [][2]string{
		{"Serotonin|5-HT\nvitamin B6\nvitamin\nre-uptake\ncafé", "Serotonin (5-HT) and vitamin B6, vitamins; re uptake at the café, cafe\u0301."},
		{"GABA\ntherapy\nbox\nstress", "GABAergic GABA-based GABA's therapies boxes stresses"},
		{"a\na\nA b\n\n|", "a a b A-b a\u00a0b a\u2011b a.b"},
		{"日本 語\nÅÄÖ\n\u0301x", "日本 語 åäö ÅÄÖ \u0301x"},
		{"x\xff\n\xffy", "x\xff \xffy x y"},
		{"ies\nes\ns", "ies es s iess ess ss"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, names, text string) {
		var entries []*Entry
		firstWords := map[*glossterm.Entry]map[string]bool{}
		for i, line := range strings.Split(names, "\n") {
			e := &Entry{Entry: glossterm.Entry{ID: string(rune('a' + i))}, Names: strings.Split(line, "|")}
			entries = append(entries, e)
			firstWords[&e.Entry] = map[string]bool{}
			for _, n := range e.Names {
				if ws := words([]byte(n)); len(ws) > 0 {
					firstWords[&e.Entry][foldWord(ws[0].text)] = true
				}
			}
		}
		m := NewMatcher(entries)
		last := 0
		m.Match([]byte(text), func(start, end int, e *glossterm.Entry) {
			if start < last || end <= start || end > len(text) {
				t.Fatalf("mention %d:%d after %d in %q", start, end, last, text)
			}
			last = end
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && isWordRune(r) {
				t.Errorf("mention %q at %d starts inside a word of %q", text[start:end], start, text)
			}
			if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && isWordRune(r) {
				t.Errorf("mention %q at %d ends inside a word of %q", text[start:end], start, text)
			}
			first := words([]byte(text[start:end]))
			if len(first) == 0 || first[0].start != 0 {
				t.Fatalf("mention %q does not start with a word", text[start:end])
			}
			w := foldWord(first[0].text)
			if firsts := firstWords[e]; firsts == nil || !firsts[w] && !firsts[strings.TrimSuffix(w, "s")] && !firsts[strings.TrimSuffix(w, "es")] && !firsts[strings.TrimSuffix(w, "ies")+"y"] {
				t.Errorf("mention %q of entry %s, whose names do not start with %q", text[start:end], e.ID, w)
			}
		})
	})
}

func foldWord(b []byte) string { return slug.Fold(string(b)) }
