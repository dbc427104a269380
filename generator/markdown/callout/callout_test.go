package callout

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gfm "github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var md = goldmark.New(goldmark.WithExtensions(gfm.GFM, Extension))

// parse parses src with the extension and returns the document, its HTML
// and what the parser context gathered.
func parse(t *testing.T, src string, env *Env) (ast.Node, string, []Problem) {
	t.Helper()
	pc := parser.NewContext()
	if env != nil {
		WithEnv(pc, env)
	}
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	return doc, b.String(), Problems(pc)
}

// shape describes a document's callouts, in order, as
// "kind/level[title]{children}", nested callouts inside the braces of
// the one that holds them; "quote" for a plain quote.
func shape(n ast.Node, source []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *Callout:
			fmt.Fprintf(&b, "%s/%d[%s]{%s}", c.Alert, c.Level, titleText(c, source), shape(c, source))
		case *ast.Blockquote:
			fmt.Fprintf(&b, "quote{%s}", shape(c, source))
		default:
			b.WriteString(shape(c, source))
		}
	}
	return b.String()
}

func titleText(c *Callout, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(c.FirstChild(), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(source))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestMarkers: which quotes are callouts, of what kind, with what title,
// at what heading level, and what each holds.
func TestMarkers(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"each kind", "> [!NOTE]\n\n> [!TIP]\n\n> [!IMPORTANT]\n\n> [!WARNING]\n\n> [!CAUTION]\n\n> [!URGENT]\n\n> [!EMERGENCY]\n",
			"note/2[]{}tip/2[]{}important/2[]{}warning/2[]{}caution/2[]{}urgent/2[]{}emergency/2[]{}"},
		{"any case", "> [!note]\n\n> [!Warning]\n\n> [!eMeRgEnCy]\n", "note/2[]{}warning/2[]{}emergency/2[]{}"},
		{"title", "> [!WARNING] When to call your doctor  \n> Body.\n", "warning/2[When to call your doctor]{}"},
		{"title with markup", "> [!TIP] Take it *with* food\n", "tip/2[Take it with food]{}"},
		{"no space after >", ">[!NOTE]Title\n", "note/2[Title]{}"},
		{"spaces before the marker", ">    [!NOTE]\n", "note/2[]{}"},
		{"Obsidian's fold signs", "> [!NOTE]- Folded\n\n> [!TIP]+\n", "note/2[Folded]{}tip/2[]{}"},
		{"empty callout", "> [!CAUTION]\n", "caution/2[]{}"},
		{"heading levels", "> [!NOTE]\n\n## A\n\n> [!NOTE]\n\n#### B\n\n> [!NOTE]\n\n###### C\n\n> [!NOTE]\n", "note/2[]{}note/3[]{}note/5[]{}note/6[]{}"},
		{"list in a callout", "> [!WARNING]\n> - one\n> - two\n", "warning/2[]{}"},
		{"callout in a list item", "- item\n\n  > [!TIP] In a list\n  > text\n- next\n", "tip/2[In a list]{}"},
		{"callout in a callout", "> [!EMERGENCY]\n> > [!NOTE] Inner\n> > text\n\n> [!TIP]\n", "emergency/2[]{note/3[Inner]{}}tip/2[]{}"},
		{"callout in a quote", "> Quoted.\n>\n> > [!NOTE]\n", "quote{note/2[]{}}"},
		{"marker on a later line", "> Text first.\n> [!NOTE]\n", "quote{}"},
		{"marker in a paragraph", "Text [!NOTE] here.\n", ""},
		{"marker not first", "> See [!NOTE]\n", "quote{}"},
		{"indented code", "    > [!NOTE]\n", ""},
		{"unknown marker", "> [!WARNIG]\n> text\n", "quote{}"},
		{"not a marker", "> [!NO TE]\n\n> [!]\n\n> [NOTE]\n\n> [!NOTE\n\n> [!N0TE]\n", "quote{}quote{}quote{}quote{}quote{}"},
		{"a marker too long", "> [!" + strings.Repeat("A", 21) + "]\n", "quote{}"},
		{"interrupts a paragraph", "Text\n> [!NOTE]\n", "note/2[]{}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _, _ := parse(t, tc.src, nil)
			if got := shape(doc, []byte(tc.src)); got != tc.want {
				t.Errorf("%q: got %s, want %s", tc.src, got, tc.want)
			}
		})
	}
}

// TestUnknownMarkers: a marker of no known kind is a problem at its "[",
// with the nearest kind suggested when one is near, or every marker.
func TestUnknownMarkers(t *testing.T) {
	for _, tc := range []struct {
		src    string
		offset int
		want   string
	}{
		{"> [!WARNIG] Typo\n", 2, "unknown callout marker [!WARNIG], shown as a plain quote: did you mean [!WARNING]?"},
		{"Text.\n\n  >   [!notes]\n", 13, "did you mean [!NOTE]?"},
		{"> [!EMERGENCEY]\n", 2, "did you mean [!EMERGENCY]?"},
		{"> [!IMPROTANT]\n", 2, "did you mean [!IMPORTANT]?"},
		{"> [!info]\n", 2, "did you mean [!NOTE]?"},
		{"> [!Danger]\n", 2, "did you mean [!CAUTION]?"},
		{"- item\n\n  > [!TPI]\n", 12, "did you mean [!TIP]?"},
		{"> [!Foo]\n", 2, "[!Foo], shown as a plain quote: use one of [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION], [!URGENT] or [!EMERGENCY]"},
	} {
		_, html, problems := parse(t, tc.src, nil)
		if len(problems) != 1 {
			t.Errorf("%q: problems %v, want one", tc.src, problems)
			continue
		}
		if p := problems[0]; p.Offset != tc.offset || !strings.Contains(p.Message, tc.want) {
			t.Errorf("%q: problem %+v, want at %d with %q", tc.src, p, tc.offset, tc.want)
		}
		if !strings.Contains(html, "<blockquote>") {
			t.Errorf("%q is not a plain quote:\n%s", tc.src, html)
		}
	}
	if _, _, problems := parse(t, "> [!NOTE]\n> [!WARNIG] is text in a callout\n\n> Text\n> [!WARNIG] too\n", nil); len(problems) != 0 {
		t.Errorf("a marker not at the start of a quote is a problem: %v", problems)
	}
}

// TestNumbers: the emergency callout gives the emergency number as a
// phone link, or says to call the local one; the urgent callout gives
// the urgent number when there is one; other kinds give none.
func TestNumbers(t *testing.T) {
	words := func(key string, args ...any) string {
		switch key {
		case "callout.call":
			return fmt.Sprintf("Call %v", args...)
		case "callout.call_local":
			return "Call your local emergency number"
		}
		return key
	}
	for _, tc := range []struct {
		src  string
		env  Env
		want string
	}{
		{"> [!EMERGENCY]\n", Env{Emergency: "999"}, `<p class="callout__call"><a href="tel:999">Call 999</a></p>`},
		{"> [!EMERGENCY]\n", Env{Emergency: "+1 (800) 222-1222"}, `<a href="tel:+18002221222">Call +1 (800) 222-1222</a>`},
		{"> [!EMERGENCY]\n", Env{}, `<p class="callout__call"><strong>Call your local emergency number</strong></p>`},
		{"> [!URGENT]\n", Env{Emergency: "999", Urgent: "116 123"}, `<a href="tel:116123">Call 116 123</a>`},
		{"> [!URGENT]\n", Env{Urgent: "your GP surgery"}, `<p class="callout__call"><strong>Call your GP surgery</strong></p>`},
		{"> [!URGENT]\n", Env{Emergency: "999"}, ""},
		{"> [!WARNING]\n", Env{Emergency: "999", Urgent: "111"}, ""},
	} {
		tc.env.Text = words
		_, html, _ := parse(t, tc.src, &tc.env)
		if tc.want == "" {
			if strings.Contains(html, "callout__call") {
				t.Errorf("%q with %+v gives a number:\n%s", tc.src, tc.env, html)
			}
		} else if !strings.Contains(html, tc.want) {
			t.Errorf("%q with %+v:\n%s\nwant %s", tc.src, tc.env, html, tc.want)
		}
	}
}

func TestTelHref(t *testing.T) {
	for number, want := range map[string]string{
		"999": "tel:999", "112": "tel:112", "15": "tel:15", "116 123": "tel:116123",
		"+44 20 7946 0958": "tel:+442079460958", "1-800-222-1222": "tel:18002221222", "(0) 800.123": "tel:0800123",
		"9": "", "+": "", "1+1": "", "NHS 111": "", "your GP surgery": "", "": "", "999 ext. 2": "",
	} {
		if got := TelHref(number); got != want {
			t.Errorf("TelHref(%q) = %q, want %q", number, got, want)
		}
	}
}
