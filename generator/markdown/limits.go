package markdown

import (
	"bytes"
	"fmt"
)

// The limits of what Convert reads. goldmark's block parser does work in
// proportion to lines × nesting depth × indentation, so a list nested
// 10,000 deep takes hours; a few of its inline parsers rescan the rest of
// a line for each candidate (`[a](` repeated, a run of `~`), so a huge
// line of the wrong characters takes minutes. No patient-education text
// comes near either limit; pasted data does, and is refused clearly.
const (
	// MaxDepth is how deeply lists and block quotes may nest.
	MaxDepth = 100
	// MaxLineBytes is the longest line: some 10,000 words in one paragraph.
	MaxLineBytes = 64 << 10
)

// Refusal is why a document was not converted, and where.
type Refusal struct {
	Line, Col int
	Message   string
}

// checkLimits returns the first place where source exceeds MaxLineBytes
// or MaxDepth, or nil. Depth is estimated line by line, as the number of
// list and quote markers that open the line plus one level per two columns
// of indentation (the least a nested list takes); lines inside fenced code
// at the top level are not counted.
func checkLimits(source []byte) *Refusal {
	var fence []byte // the open top-level fence, or nil
	for line, rest := 1, source; len(rest) > 0; line++ {
		text, next, _ := bytes.Cut(rest, []byte("\n"))
		rest = next
		if len(text) > MaxLineBytes {
			return &Refusal{Line: line, Col: 1, Message: fmt.Sprintf(
				"line %d is %d KB long; handout reads lines of at most %d KB: break the paragraph up, or move pasted data (an embedded image) to static/",
				line, len(text)>>10, MaxLineBytes>>10)}
		}
		indent, depth := 0, 0
		i := 0
		for ; i < len(text) && (text[i] == ' ' || text[i] == '\t'); i++ {
			if text[i] == '\t' {
				indent += 4 - indent%4
			} else {
				indent++
			}
		}
		if f := fenceOf(text[i:]); indent <= 3 && f != nil {
			switch {
			case fence == nil:
				fence = f
				continue
			case bytes.HasPrefix(f, fence) && len(bytes.TrimSpace(text[i+len(f):])) == 0:
				fence = nil
				continue
			}
		}
		if fence != nil {
			continue
		}
		depth = indent / 2
		for i < len(text) {
			n := markerLen(text[i:])
			if n == 0 {
				break
			}
			depth++
			i += n
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
		}
		if depth > MaxDepth {
			return &Refusal{Line: line, Col: 1, Message: fmt.Sprintf(
				"line %d is nested about %d levels deep (lists or quotes inside each other); handout reads at most %d levels: flatten the list",
				line, depth, MaxDepth)}
		}
	}
	return nil
}

// fenceOf returns the fence (``` or ~~~, or longer) that opens text, or nil.
func fenceOf(text []byte) []byte {
	if len(text) < 3 || text[0] != '`' && text[0] != '~' {
		return nil
	}
	n := 0
	for n < len(text) && text[n] == text[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return text[:n]
}

// markerLen returns the length of the block-quote or list marker that
// opens text ("> ", "- ", "12. "), or 0.
func markerLen(text []byte) int {
	if len(text) == 0 {
		return 0
	}
	if text[0] == '>' {
		return 1
	}
	n := 0
	switch c := text[0]; {
	case c == '-' || c == '*' || c == '+':
		n = 1
	case c >= '0' && c <= '9':
		for n < len(text) && n < 9 && text[n] >= '0' && text[n] <= '9' {
			n++
		}
		if n == len(text) || text[n] != '.' && text[n] != ')' {
			return 0
		}
		n++
	default:
		return 0
	}
	if n < len(text) && text[n] != ' ' && text[n] != '\t' {
		return 0
	}
	return n
}
