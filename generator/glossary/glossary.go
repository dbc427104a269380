// Package glossary finds mentions of glossary entries in text.
//
// An entry has names: a glossary term's term and synonyms, or an article's
// title and synonyms (every article is a glossary entry). A Matcher finds
// them all in one left-to-right pass over a text, whatever the number of
// entries, by walking a trie of words:
//
//   - whole words only: "GABA" does not match inside "GABAergic", but does
//     in "GABA-based" and "GABA's";
//   - case- and accent-insensitive: "Cafe" matches "café";
//   - simple English plurals: "neurotransmitters", "boxes" and "therapies"
//     match "neurotransmitter", "box" and "therapy";
//   - words of a name may be joined by spaces or hyphens in the text
//     ("re uptake" matches "re-uptake"), but not across other punctuation;
//   - longest match first: "vitamin B6" wins over "vitamin";
//   - matches never overlap.
//
// Words are runs of letters, digits and combining marks, so "5-HT" is the
// words "5" and "HT" joined by a hyphen.
package glossary

import (
	"unicode"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown/glossterm"
)

// Entry is a glossary entry and the names it is mentioned by.
type Entry struct {
	glossterm.Entry
	Names []string
}

// Matcher finds mentions of entries. It is safe for concurrent use.
type Matcher struct {
	root *node
}

var _ glossterm.Matcher = (*Matcher)(nil)

type node struct {
	next  map[string]*node
	entry *glossterm.Entry // set when a name ends here
}

// NewMatcher indexes the names of entries. When two entries share a name
// the first keeps it.
func NewMatcher(entries []*Entry) *Matcher {
	m := &Matcher{root: &node{next: map[string]*node{}}}
	for _, e := range entries {
		for _, name := range e.Names {
			words := words([]byte(name))
			if len(words) == 0 {
				continue
			}
			n := m.root
			for _, w := range words {
				key := slug.Fold(string(w.text))
				child, ok := n.next[key]
				if !ok {
					child = &node{next: map[string]*node{}}
					n.next[key] = child
				}
				n = child
			}
			if n.entry == nil {
				n.entry = &e.Entry
			}
		}
	}
	return m
}

// word is one word of a text and where it is.
type word struct {
	text       []byte
	start, end int
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// words splits text into words.
func words(text []byte) []word {
	var out []word
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, word{text: text[start:i], start: start, end: i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, word{text: text[start:], start: start, end: len(text)})
	}
	return out
}

// joined reports whether the text between two words only joins them:
// spaces and hyphens.
func joined(between []byte) bool {
	if len(between) == 0 {
		return false
	}
	for _, c := range string(between) {
		if c != ' ' && c != '-' && c != '\u00a0' && c != '\u2010' && c != '\u2011' {
			return false
		}
	}
	return true
}

// singulars returns the forms a word may have as a name: itself and, for a
// simple English plural, its singular.
func singulars(w string) []string {
	forms := []string{w}
	n := len(w)
	switch {
	case n > 4 && w[n-3:] == "ies":
		forms = append(forms, w[:n-3]+"y")
	case n > 3 && w[n-2:] == "es":
		forms = append(forms, w[:n-2], w[:n-1])
	case n > 2 && w[n-1] == 's' && w[n-2] != 's':
		forms = append(forms, w[:n-1])
	}
	return forms
}

// Match implements glossterm.Matcher.
func (m *Matcher) Match(text []byte, fn func(start, end int, e *glossterm.Entry)) {
	ws := words(text)
	folded := make([][]string, len(ws))
	for i := 0; i < len(ws); {
		bestEnd, best := -1, (*glossterm.Entry)(nil)
		m.longest(text, ws, folded, i, m.root, &bestEnd, &best)
		if best == nil {
			i++
			continue
		}
		fn(ws[i].start, ws[bestEnd].end, best)
		i = bestEnd + 1
	}
}

// longest walks the trie from word i, trying each form of each word, and
// records the longest complete name found.
func (m *Matcher) longest(text []byte, ws []word, folded [][]string, i int, n *node, bestEnd *int, best **glossterm.Entry) {
	if i >= len(ws) {
		return
	}
	if folded[i] == nil {
		folded[i] = singulars(slug.Fold(string(ws[i].text)))
	}
	for _, form := range folded[i] {
		child, ok := n.next[form]
		if !ok {
			continue
		}
		if child.entry != nil && i > *bestEnd {
			*bestEnd, *best = i, child.entry
		}
		if i+1 < len(ws) && len(child.next) > 0 && joined(text[ws[i].end:ws[i+1].start]) {
			m.longest(text, ws, folded, i+1, child, bestEnd, best)
		}
	}
}
