package markdown

import (
	"reflect"
	"testing"
)

// TestAids finds every kind of reading aid at its line and column and in
// its section, and only pictures the page shows: raw HTML counts when it
// is kept (Options.Unsafe), and never in a comment or a code block, nor an
// inline <svg>, which the sanitizer removes.
func TestAids(t *testing.T) {
	src := "Lede with ![a brain](/img/brain.svg) and a [[Serotonin|link]].\n" + // 1
		"\n" +
		"## Context\n" + // 3
		"\n" +
		"| Day | Hours |\n" + // 5
		"|---|---|\n" +
		"| Mon | 7 |\n" +
		"\n" +
		"- [ ] Write down when you go to bed\n" + // 9
		"- [x] Write down when you wake\n" +
		"\n" +
		"- a plain item\n" + // 12
		"\n" +
		"## Application\n" + // 14
		"\n" +
		"<figure><img src=\"/img/a.png\" alt=\"A\"></figure>\n" + // 16
		"\n" +
		"<!-- <img src=\"/img/commented.png\"> -->\n" + // 18
		"\n" +
		"    ![in code](/img/code.png)\n" + // 20
		"\n" +
		"Print the [sleep diary](/files/sleep-diary.pdf), see <https://example.org/log> or <img src=\"/img/b.png\" alt=\"B\">, not <svg width=\"1\"></svg>.\n" // 22
	want := []Aid{
		{Kind: PictureAid, Section: "", Line: 1, Col: 13},
		{Kind: LinkAid, Section: "", Line: 1, Col: 44, Label: "link", Target: "Serotonin"},
		{Kind: TableAid, Section: "context", Line: 5, Col: 3},
		{Kind: ChecklistAid, Section: "context", Line: 9, Col: 7},
		{Kind: PictureAid, Section: "application", Line: 16, Col: 1},
		{Kind: LinkAid, Section: "application", Line: 22, Col: 12, Label: "sleep diary", Target: "/files/sleep-diary.pdf"},
		{Kind: LinkAid, Section: "application", Line: 22, Col: 55, Label: "https://example.org/log", Target: "https://example.org/log"},
		{Kind: PictureAid, Section: "application", Line: 22, Col: 83},
	}
	got := New(Options{Sections: schema(), Unsafe: true}).Convert([]byte(src), Env{Path: "a.md", BasePath: "/"}).Aids
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Aids with raw HTML kept:\n got %+v\nwant %+v", got, want)
	}
	// Without Options.Unsafe the raw HTML is dropped: no picture of it.
	safe := New(Options{Sections: schema()}).Convert([]byte(src), Env{Path: "a.md", BasePath: "/"}).Aids
	var pictures []Aid
	for _, a := range safe {
		if a.Kind == PictureAid {
			pictures = append(pictures, a)
		}
	}
	if len(pictures) != 1 || pictures[0].Line != 1 {
		t.Errorf("without unsafe, want only the Markdown image, got %+v", pictures)
	}
}
