package markdown

import (
	"strings"
	"testing"
)

func nestedList(depth int, marker string) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat(" ", i*len(marker)))
		b.WriteString(marker + "item\n")
	}
	return b.String()
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name, src string
		// line is the refused line, 0 when the document is converted.
		line int
	}{
		{"plain article", "Lede.\n\n## Context\n\n- a\n  - b\n    - c\n", 0},
		{"list 100 deep", nestedList(100, "- "), 0},
		{"list 101 deep", nestedList(101, "- "), 101},
		{"list 1,000 deep", nestedList(1000, "- "), 101},
		{"markers on one line", "x\n\n" + strings.Repeat("- ", 101) + "x\n", 3},
		{"ordered markers", strings.Repeat("1. ", 101) + "x\n", 1},
		{"quotes", strings.Repeat("> ", 101) + "x\n", 1},
		{"quotes without spaces", strings.Repeat(">", 101) + "x\n", 1},
		{"deep code in a fence", "```\n" + strings.Repeat(" ", 400) + "x\n```\n", 0},
		{"deep code after a fence", "~~~~\n~~~\n~~~~\n" + strings.Repeat(" ", 400) + "x\n", 4},
		{"not markers", strings.Repeat("-x ", 200) + "\n" + strings.Repeat("1.x ", 200) + "\n", 0},
		{"line at the limit", strings.Repeat("a", MaxLineBytes) + "\n", 0},
		{"line over the limit", "a\n" + strings.Repeat("a", MaxLineBytes+1), 2},
	}
	c := New(Options{Sections: schema()})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Convert([]byte(tt.src), Env{Path: "x.md", BasePath: "/"})
			switch {
			case tt.line == 0 && res.Refused != nil:
				t.Fatalf("refused: %+v", res.Refused)
			case tt.line == 0 && len(res.HTML) == 0:
				t.Fatal("no HTML")
			case tt.line > 0 && res.Refused == nil:
				t.Fatal("converted")
			case tt.line > 0 && (res.Refused.Line != tt.line || res.Refused.Col != 1 || len(res.HTML) != 0):
				t.Fatalf("refused at %d:%d with %d bytes of HTML, want line %d", res.Refused.Line, res.Refused.Col, len(res.HTML), tt.line)
			}
		})
	}
}
