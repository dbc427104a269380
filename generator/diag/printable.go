package diag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Printable returns s with every character that a terminal would act on
// instead of show written as a Go escape, so that a title or file name
// cannot move the cursor, clear the screen, set the window title, start
// a new line or reorder what the reader sees:
//
//   - C0 controls, newline and tab included (\n, \t, \x1b, ...), and DEL
//     (\x7f);
//   - C1 controls, such as U+009B, which some terminals read as ESC [
//     (\u009b);
//   - the Unicode bidi embeddings, overrides and isolates U+202A-U+202E
//     and U+2066-U+2069, which reorder the text around them (the
//     "Trojan Source" characters), and the line and paragraph separators
//     U+2028 and U+2029;
//   - bytes that are not UTF-8 (\xff).
//
// Everything else is kept as written: accents, every script, emoji (with
// their zero-width joiners), and the right-to-left marks U+200E and
// U+200F, which Hebrew and Arabic text needs and which reorder nothing
// beyond their neighbours. A backslash is kept too, so `\x1b` may also be
// the text itself; the JSON report holds the exact value.
//
// It is for text meant for a terminal or a log: the JSON report and HTML
// escape in their own ways.
func Printable(s string) string {
	i := firstUnsafe(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case isUnsafe(r):
			b.WriteString(escape(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstUnsafe returns the index of the first byte Printable escapes, or
// -1.
func firstUnsafe(s string) int {
	for i, r := range s {
		if isUnsafe(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			return i
		}
	}
	return -1
}

// isUnsafe reports whether Printable escapes the character r.
func isUnsafe(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x2028 || r == 0x2029
}

// escape writes r as Go would in a quoted string.
func escape(r rune) string {
	if r < 0x80 {
		q := strconv.QuoteRuneToASCII(r) // such as '\x1b' or '\n'
		return q[1 : len(q)-1]
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// QuotePath returns a file name as it is, or Go-quoted (as strconv.Quote
// does) when it holds anything but printable characters, a double quote or
// a backslash, so that `path:line:col: message` stays one line that tools
// can take apart and the quoted form cannot be mistaken for a name.
func QuotePath(path string) string {
	q := strconv.Quote(path)
	if q[1:len(q)-1] == path {
		return path
	}
	return q
}
