package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits prose into sentences, in order, each with its runs of
// white space (wrapped lines included) made single spaces. Pieces with no
// word, such as a lone "...", are dropped, so the words of the sentences
// are the words of text.
//
// A sentence ends at a blank line, at the end of text, and at ".", "!",
// "?", "..." or "…" (with any closing quotes or brackets after them) that is
// followed by white space, except:
//   - before a lower-case letter ("Are you sure?" she asked);
//   - after a title or an abbreviation that never ends a sentence (Dr., Mr.,
//     Mrs., Ms., Prof., St., vs., e.g., i.e., approx., cf., fig., and the
//     Spanish Sra., Srta., Dra.);
//   - after one that may (etc., a.m., p.m., mg., No., Inc.) unless a
//     capital letter follows; No. is also kept before a number (No. 5);
//   - after an initial (J. K. Rowling, Dr. A. Clinician) that starts the
//     sentence or follows a capitalised word, an initial or a title;
//   - after an ellipsis unless a capital letter follows (I was... tired).
//
// Full stops inside words and numbers (2.5 mg, 1,000, example.org) are
// never boundaries.
func Sentences(text string) []string {
	var out []string
	add := func(s string) {
		if hasWord(s) {
			out = append(out, strings.Join(strings.Fields(s), " "))
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			if end, ok := blankLine(text, i); ok {
				add(text[start:i])
				start, i = end, end
				continue
			}
		case isTerminator(r):
			end, boundary := sentenceEnd(text, start, i)
			if boundary {
				add(text[start:end])
				start = end
			}
			i = end
			continue
		}
		i += size
	}
	add(text[start:])
	return out
}

// blankLine reports whether the newline at text[i] starts a blank line, and
// returns the end of the white space there.
func blankLine(text string, i int) (int, bool) {
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] != '\n' {
		return i, false
	}
	for j < len(text) && unicode.IsSpace(rune(text[j])) {
		j++
	}
	return j, true
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool { return strings.ContainsRune("\"'”’»)]}*_", r) }

func isOpener(r rune) bool { return strings.ContainsRune("\"'“‘«([{¿¡*_", r) }

// sentenceEnd looks at the terminator at text[i], in a sentence that began
// at text[start]: it returns the end of the terminator and the closers after
// it, and whether a sentence ends there.
func sentenceEnd(text string, start, i int) (int, bool) {
	end, dots, other := i, 0, false
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isTerminator(r) {
			break
		}
		switch r {
		case '.':
			dots++
		case '…':
			dots += 3
		default:
			other = true
		}
		end += size
	}
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isCloser(r) {
			break
		}
		end += size
	}
	if end == len(text) {
		return end, true
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); !unicode.IsSpace(r) {
		return end, false // 2.5, example.org, "e.g.,"
	}
	next := nextStart(text[end:])
	switch {
	case unicode.IsLower(next):
		return end, false
	case other:
		return end, true
	case dots > 1:
		return end, unicode.IsUpper(next)
	}
	return end, fullStopEnds(text, start, i, next)
}

// nextStart returns the first letter or digit of text after white space
// and opening quotes or brackets, or 0.
func nextStart(text string) rune {
	for _, r := range text {
		if !unicode.IsSpace(r) && !isOpener(r) {
			return r
		}
	}
	return 0
}

// Abbreviations that end in a full stop, lower-case and without that stop.
var (
	neverEnd = map[string]bool{
		"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true,
		"vs": true, "e.g": true, "i.e": true, "approx": true, "cf": true, "fig": true,
		"sra": true, "srta": true, "dra": true, // Spanish titles
	}
	mayEnd = map[string]bool{
		"etc": true, "a.m": true, "p.m": true, "mg": true, "no": true, "inc": true,
		"ltd": true, "jr": true, "sr": true, "co": true,
	}
)

// fullStopEnds decides whether the single full stop at text[i], followed by
// white space and then next, ends the sentence that began at text[start].
func fullStopEnds(text string, start, i int, next rune) bool {
	word, before := wordBefore(text[start:i])
	lower := strings.ToLower(word)
	switch {
	case neverEnd[lower]:
		return false
	case mayEnd[lower]:
		return unicode.IsUpper(next)
	case isInitial(word) && unicode.IsUpper(next):
		return !(before == "" || isCapitalised(before) || strings.HasSuffix(before, "."))
	}
	return true
}

// wordBefore returns the word (with its inner full stops) that ends
// text, and the word before it with any full stop after it.
func wordBefore(text string) (word, before string) {
	i := strings.LastIndexFunc(text, func(r rune) bool { return !isWordRune(r) && r != '.' })
	word = strings.Trim(text[i+1:], ".")
	rest := strings.TrimRightFunc(text[:i+1], func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	j := strings.LastIndexFunc(rest, unicode.IsSpace)
	return word, rest[j+1:]
}

// isInitial reports whether w is a single capital letter.
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

func isCapitalised(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// hasWord reports whether s has a letter or digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, startsWord) >= 0
}
