package readability

import (
	"unicode"
	"unicode/utf8"
)

// Words returns the words of text in order, as they are written.
//
// A word is a run of letters, digits and combining marks that starts with a
// letter or digit (so "café" is one word however it is encoded), joined
// across
//   - an apostrophe between a letter or digit and a letter: don't, patient's,
//     o'clock (a leading or trailing apostrophe is not part of the word);
//   - a hyphen between two word characters: well-being, 5-HT, COVID-19;
//   - a full stop or comma between two digits: 2.5, 1,000;
//   - a full stop between single letters: e.g, i.e, a.m, U.S.
//
// Everything else separates words: spaces, other punctuation, dashes (so
// the range "5–10" is two words) and symbols such as % and /.
func Words(text string) []string {
	var words []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !startsWord(r) {
			i += size
			continue
		}
		end := wordEnd(text, i)
		words = append(words, text[i:end])
		i = end
	}
	return words
}

// wordEnd returns the end of the word that starts at text[start].
func wordEnd(text string, start int) int {
	i := start
	prev, segment := rune(0), 0 // the last rune, and the letters since the last joiner
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if unicode.IsLetter(r) {
				segment++
			}
			prev = r
			i += size
			continue
		}
		next, nextSize := utf8.DecodeRuneInString(text[i+size:])
		after, _ := utf8.DecodeRuneInString(text[i+size+nextSize:])
		if !joins(prev, r, next, after, segment) {
			break
		}
		prev, segment = r, 0
		i += size
	}
	return i
}

// joins reports whether the punctuation mark r, between the word rune prev
// and next (then after), is inside a word. segment is the number of letters
// since the word's start or its last joiner.
func joins(prev, r, next, after rune, segment int) bool {
	switch r {
	case '\'', '’', 'ʼ':
		return unicode.IsLetter(next)
	case '-', '‐', '‑':
		return isWordRune(next)
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '.':
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return true
		}
		return segment == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next) && !unicode.IsLetter(after)
	}
	return false
}

// startsWord reports whether r can start a word: a letter or a digit.
func startsWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isWordRune reports whether r can be part of a word on its own: a letter,
// a digit or a combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}
