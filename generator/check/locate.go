package check

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/diag"
)

// locator finds where plain-text words of a prose block are in the source
// file, so that a finding about a sentence points at the sentence. Blocks
// know only their first line; the plain text has no markup, but its words
// appear in the source in the same order, which is what locator relies on.
type locator struct {
	src   []byte
	lines *diag.Lines
}

func newLocator(src []byte) *locator {
	return &locator{src: src, lines: diag.NewLines(src)}
}

// offset is the byte offset at which a 1-based line starts.
func (l *locator) offset(line int) int { return l.lines.Offset(line) }

// position is the 1-based line and column of a byte offset.
func (l *locator) position(at int) (line, col int) { return l.lines.Position(at) }

// word finds w as a whole word at or after from, and returns its offset.
func (l *locator) word(w string, from int) (int, bool) {
	if w == "" {
		return 0, false
	}
	for from <= len(l.src) {
		i := bytes.Index(l.src[from:], []byte(w))
		if i < 0 {
			return 0, false
		}
		at := from + i
		before, _ := utf8.DecodeLastRune(l.src[:at])
		after, _ := utf8.DecodeRune(l.src[at+len(w):])
		if !isWordChar(before) && !isWordChar(after) {
			return at, true
		}
		from = at + 1
	}
	return 0, false
}

// span finds the words of a sentence in order at or after from and
// returns where the first begins and the last ends. Words missing from the
// source (text made from an entity such as &eacute;) are skipped.
func (l *locator) span(words []string, from int) (start, end int, ok bool) {
	end = from
	for _, w := range words {
		at, found := l.word(w, end)
		if !found {
			continue
		}
		if !ok {
			start, ok = at, true
		}
		end = at + len(w)
	}
	return start, end, ok
}

func isWordChar(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
