package diag

import (
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Errorf("content/a.md", 3, 7, "broken %s", "link"), "content/a.md:3:7: broken link"},
		{Warnf("content/a.md", 0, 0, "no sources"), "content/a.md:1:1: warning: no sources"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestList(t *testing.T) {
	l := List{Warnf("b.md", 1, 1, "w"), Errorf("a.md", 9, 1, "late"), Errorf("a.md", 2, 5, "early")}
	l.Sort()
	if l[0].Message != "early" || l[1].Message != "late" || l[2].Path != "b.md" {
		t.Errorf("sorted = %v", l)
	}
	if !l.HasErrors() || len(l.Errors()) != 2 || len(l.Warnings()) != 1 {
		t.Errorf("counts wrong: %v", l)
	}
	if s := l.Strict(); s.Warnings() != nil || len(s.Errors()) != 3 {
		t.Errorf("Strict() = %v", s)
	}
}

func TestPosition(t *testing.T) {
	src := []byte("ab\ncafé x\n\nz")
	lines := NewLines(src)
	for _, tt := range []struct{ offset, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {9, 2, 6}, {11, 3, 1}, {12, 4, 1}, {99, 4, 2},
	} {
		if l, c := lines.Position(tt.offset); l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.offset, l, c, tt.line, tt.col)
		}
	}
}
