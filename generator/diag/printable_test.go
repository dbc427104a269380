package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sleep hygiene", "Sleep hygiene"},
		{"", ""},
		{"Café, señor, Ärger, naïve", "Café, señor, Ärger, naïve"},
		{"Schlaf 😴 and 👩‍👩‍👧 family", "Schlaf 😴 and 👩‍👩‍👧 family"}, // the family joins with U+200D
		{"Ελληνικά, 日本語, עברית", "Ελληνικά, 日本語, עברית"},
		{`a\b "quoted"`, `a\b "quoted"`},
		{"X\x1b]0;pwned\x07\x1b[2J", `X\x1b]0;pwned\a\x1b[2J`},
		{"bell\a", `bell\a`},
		{"two\nlines", `two\nlines`},
		{"over\rwrite", `over\rwrite`},
		{"tab\there", `tab\there`},
		{"nul\x00", `nul\x00`},
		{"back\bspace\f\v", `back\bspace\f\v`},
		{"del\x7f", `del\x7f`},
		{"csi\u009b31m", `csi\u009b31m`},
		{"next line\u0085", `next line\u0085`},
		{"gpj.\u202eexe", `gpj.\u202eexe`},
		{"\u202a\u202b\u202c\u202d", `\u202a\u202b\u202c\u202d`},
		{"\u2066isolate\u2067\u2068\u2069", `\u2066isolate\u2067\u2068\u2069`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"bad \xff\xfe utf-8 \xc3", `bad \xff\xfe utf-8 \xc3`},
		{"raw c1 \x9b byte", `raw c1 \x9b byte`},
		{"rlm \u200f and lrm \u200e", "rlm \u200f and lrm \u200e"},
		{"replacement \ufffd kept", "replacement \ufffd kept"},
	}
	for _, tt := range tests {
		got := Printable(tt.in)
		if got != tt.want {
			t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !utf8.ValidString(got) || strings.ContainsFunc(got, isUnsafe) {
			t.Errorf("Printable(%q) = %q still holds a control character", tt.in, got)
		}
	}
}

func TestQuotePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"content/articles/sleep.md", "content/articles/sleep.md"},
		{"content/articles/café.md", "content/articles/café.md"},
		{"content/articles/with space.md", "content/articles/with space.md"},
		{"content/articles/a\nb.md", `"content/articles/a\nb.md"`},
		{"content/articles/\x1b[31mred.md", `"content/articles/\x1b[31mred.md"`},
		{"content/articles/tab\t.md", `"content/articles/tab\t.md"`},
		{"content/articles/gpj.\u202emd", `"content/articles/gpj.\u202emd"`},
		{"content/articles/\xff.md", `"content/articles/\xff.md"`},
		{`content/articles/"quoted".md`, `"content/articles/\"quoted\".md"`},
		{`content/articles/back\slash.md`, `"content/articles/back\\slash.md"`},
		{"content/articles/nbsp\u00a0.md", `"content/articles/nbsp\u00a0.md"`},
	}
	for _, tt := range tests {
		if got := QuotePath(tt.in); got != tt.want {
			t.Errorf("QuotePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStringOneLine proves that a diagnostic prints as one line that
// starts with its (quoted) path, whatever its file name and message hold.
func TestStringOneLine(t *testing.T) {
	d := Errorf("content/articles/a\nb\x1b[2J.md", 3, 4, "title “X\x1b]0;pwned\x07” is\nfine")
	want := `"content/articles/a\nb\x1b[2J.md":3:4: title “X\x1b]0;pwned\a” is\nfine`
	if got := d.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
