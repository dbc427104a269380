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
//   - words of a name may be joined by spaces, line breaks or hyphens in
//     the text ("re uptake" matches "re-uptake"), but not across other
//     punctuation;
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
// white space (a line break included) and hyphens.
func joined(between []byte) bool {
	if len(between) == 0 {
		return false
	}
	for _, c := range string(between) {
		if c != ' ' && c != '-' && c != '\n' && c != '\r' && c != '\t' && c != '\u00a0' && c != '\u2010' && c != '\u2011' {
			return false
		}
	}
	return true
}

// Match implements glossterm.Matcher. It reads the text once, word by
// word; a word is folded only when it may start or continue a name.
func (m *Matcher) Match(text []byte, fn func(start, end int, e *glossterm.Entry)) {
	for pos := 0; ; {
		start, end := nextWord(text, pos)
		if start < 0 {
			return
		}
		bestEnd, best := -1, (*glossterm.Entry)(nil)
		m.walk(text, m.root, start, end, &bestEnd, &best)
		if best != nil {
			fn(start, bestEnd, best)
			pos = bestEnd
		} else {
			pos = end
		}
	}
}

// nextWord returns the bounds of the first word at or after pos, or -1.
func nextWord(text []byte, pos int) (start, end int) {
	start = -1
	for i := pos; i < len(text); {
		var inWord bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			inWord = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			inWord = isWordRune(r)
		}
		if inWord {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return start, i
		}
		i += size
	}
	if start < 0 {
		return -1, -1
	}
	return start, len(text)
}

// walk follows the trie from node n with the word text[start:end], in
// each of its forms, and records the longest complete name found.
func (m *Matcher) walk(text []byte, n *node, start, end int, bestEnd *int, best **glossterm.Entry) {
	var buf [64]byte
	key := lowerKey(text[start:end], buf[:0])
	// The word as it is and, for a simple English plural, its singular.
	// Lookups with string(bytes) keys do not allocate.
	try := func(k []byte) {
		child, ok := n.next[string(k)]
		if !ok {
			return
		}
		if child.entry != nil && end > *bestEnd {
			*bestEnd, *best = end, child.entry
		}
		if len(child.next) == 0 {
			return
		}
		if ns, ne := nextWord(text, end); ns >= 0 && joined(text[end:ns]) {
			m.walk(text, child, ns, ne, bestEnd, best)
		}
	}
	try(key)
	l := len(key)
	switch {
	case l > 4 && string(key[l-3:]) == "ies":
		var y [64]byte
		if l-2 <= len(y) {
			k := append(y[:0], key[:l-3]...)
			try(append(k, 'y'))
		}
	case l > 3 && string(key[l-2:]) == "es":
		try(key[:l-2])
		try(key[:l-1])
	case l > 2 && key[l-1] == 's' && key[l-2] != 's':
		try(key[:l-1])
	}
}

// lowerKey returns the word as the trie keys it: lower case without
// accents. Lower-case ASCII words, the common case, are returned as they
// are; other ASCII words are lowered into buf.
func lowerKey(word, buf []byte) []byte {
	if isLowerASCII(word) {
		return word
	}
	if slug.IsASCII(word) && len(word) <= cap(buf) {
		key := buf[:len(word)]
		for i, c := range word {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			key[i] = c
		}
		return key
	}
	return []byte(slug.Fold(string(word)))
}

func isLowerASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}
