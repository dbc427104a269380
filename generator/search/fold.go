package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/handout-health/handout/generator/internal/slug"
)

// foldTable maps letters that lower-casing and NFKD leave alone to the
// letters a reader types instead. search.js has the same table.
var foldTable = map[rune]string{
	'ß': "ss", 'ς': "σ", 'æ': "ae", 'œ': "oe", 'ø': "o",
	'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// Fold returns text the way the index stores it and a query is compared,
// in four steps: compatibility decomposition (NFKD: "ﬁ" is "fi", "²" is
// "2", "é" is "e" and a combining accent), lower case, combining marks
// removed ("Ménière" is "meniere"), and the letters of foldTable replaced
// ("ß" is "ss", final "ς" is "σ"). search.js folds queries with the same
// steps in the same order.
func Fold(s string) string {
	if slug.IsASCII(s) {
		return strings.ToLower(s)
	}
	s = strings.ToLower(norm.NFKD.String(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if t, ok := foldTable[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// maxTokenLen, in bytes, drops longer tokens: web addresses and chemical
// names that nobody types, which would only bloat the index.
const maxTokenLen = 40

// asciiWord marks the ASCII characters that belong inside a token.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// isWordRune reports whether r belongs inside a token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isJoiner reports whether r, between two word characters, joins them
// into a compound ("5-HT", "e.g.", "and/or", "vitamin_b").
func isJoiner(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '.' || r == '/' || r == '_'
}

// isApostrophe reports whether r, between two word characters, is left
// out without splitting the word: "Parkinson's" is "parkinsons".
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// Tokens folds text and splits it into the tokens the index stores:
// runs of letters and digits. Where runs are joined by a hyphen, dot,
// slash or underscore, each run is a token and so is the compound without
// the joiners: "5-HT" gives "5", "ht" and "5ht", so that "5-HT", "5HT"
// and "HT" all find it. Apostrophes inside a word are dropped. Tokens
// longer than 40 bytes are left out. A token may repeat.
func Tokens(text string) []string {
	var out []string
	eachWord(Fold(text), func(parts []string) { out = appendWord(out, parts) })
	return out
}

// eachWord calls fn with each word of folded text: its runs of letters
// and digits, apostrophes removed. Runs are substrings of s where they
// can be, so that tokenizing allocates little.
func eachWord(s string, fn func(parts []string)) {
	var parts, segs []string
	start := -1 // start of the current segment of letters and digits
	flushRun := func() {
		switch len(segs) {
		case 0:
			return
		case 1:
			parts = append(parts, segs[0])
		default:
			parts = append(parts, strings.Join(segs, ""))
		}
		segs = segs[:0]
	}
	flushWord := func() {
		flushRun()
		if len(parts) > 0 {
			fn(parts)
			parts = parts[:0]
		}
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && asciiWord[c] {
			// A run of ASCII letters and digits, the common case, is
			// read without decoding.
			if start < 0 {
				start = i
			}
			for i++; i < len(s) && s[i] < utf8.RuneSelf && asciiWord[s[i]]; i++ {
			}
			continue
		}
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			i += n
			continue
		}
		afterWord := start >= 0
		if afterWord {
			segs = append(segs, s[start:i])
			start = -1
		}
		inside := false
		if afterWord && i+n < len(s) {
			next := rune(s[i+n])
			if next >= utf8.RuneSelf {
				next, _ = utf8.DecodeRuneInString(s[i+n:])
			}
			inside = isWordRune(next)
		}
		switch {
		case inside && isApostrophe(r):
			// "parkinson's": the run goes on.
		case inside && isJoiner(r):
			flushRun()
		default:
			flushWord()
		}
		i += n
	}
	if start >= 0 {
		segs = append(segs, s[start:])
	}
	flushWord()
}

// appendWord appends a word's tokens: each run, then the compound.
func appendWord(out []string, parts []string) []string {
	for _, p := range parts {
		if len(p) <= maxTokenLen {
			out = append(out, p)
		}
	}
	if len(parts) > 1 {
		if c := strings.Join(parts, ""); len(c) <= maxTokenLen {
			out = append(out, c)
		}
	}
	return out
}
