package themetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// blocksSlug is the address of the page of building blocks,
// docs/examples/building-blocks.md, which buildSample adds to a copy of
// the sample site: every kind of callout, nested ones, a wide table and a
// narrow one. Every test of pageKinds (axe-core in light and dark, the Nu
// checker, reading order and headings, reflow at 320px) covers it.
const blocksSlug = "building-blocks"

// blocksFile is the page of building blocks, from the repository root.
const blocksFile = "docs/examples/building-blocks.md"

// calloutHeadings are the headings of the page's callouts, in order, as
// assistive technology announces them: the kind, then the title.
var calloutHeadings = []string{
	"Note", "Tip: Take it with food", "Important: Keep a list", "Warning: When to call your doctor", "Caution",
	"Urgent advice: Ask for an urgent appointment if:", "Emergency: Call now if you have any of these signs", "Note: Nested", "Tip",
}

// axValue reads a string value of the accessibility tree.
func axValue(v *accessibility.Value) string {
	var s string
	if v != nil {
		_ = json.Unmarshal(v.Value, &s)
	}
	return s
}

// TestCalloutsAnnounced reads Chromium's accessibility tree: each callout
// is a note named by its heading, whose name says the kind and then the
// title; the icons are left out of the tree; the emergency callout's
// number is a link named "Call 911" (site.yaml's contacts.emergency).
func TestCalloutsAnnounced(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	open(t, ctx, base+"/"+blocksSlug+"/")
	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[accessibility.NodeID]*accessibility.Node{}
	for _, n := range tree.Nodes {
		byID[n.NodeID] = n
	}
	var headings []string
	calls := map[string]string{}
	for _, n := range tree.Nodes {
		if n.Ignored {
			continue
		}
		role, name := axValue(n.Role), axValue(n.Name)
		// The nearest note holding the node, in the tree as announced.
		var note *accessibility.Node
		for p := byID[n.ParentID]; p != nil && note == nil; p = byID[p.ParentID] {
			if axValue(p.Role) == "note" {
				note = p
			}
		}
		switch {
		case role == "heading" && note != nil && axValue(note.Name) == name:
			headings = append(headings, name)
		case role == "link" && note != nil:
			calls[axValue(note.Name)] += name + ";"
		}
	}
	// The risk section of articles is a note too; this page has only
	// callouts.
	if !slices.Equal(headings, calloutHeadings) {
		t.Errorf("callouts announced as\n%q\nwant\n%q", headings, calloutHeadings)
	}
	if got := calls["Emergency: Call now if you have any of these signs"]; got != "Call 911;" {
		t.Errorf("the emergency callout's links are %q, want the number: Call 911", got)
	}
	if href := browsertest.Eval[string](t, ctx, `document.querySelector(".callout--emergency .callout__call a").getAttribute("href")`); href != "tel:911" {
		t.Errorf("the emergency number links to %q, want tel:911", href)
	}
	icons, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll("svg.callout__icon"), chromedp.AtLeast(len(calloutHeadings))))
	if err != nil {
		t.Fatal(err)
	}
	for _, icon := range icons {
		res, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: icon.BackendNodeID, FetchRelatives: new(false)})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range res.Nodes {
			if n.BackendDOMNodeID == icon.BackendNodeID && !n.Ignored {
				t.Errorf("a callout icon is in the accessibility tree as %s %q", axValue(n.Role), axValue(n.Name))
			}
		}
	}
}

// calloutLooks is each callout kind's border and background, and the
// emergency heading's background, as the page draws them.
const calloutLooks = `(() => {
  const out = {};
  for (const el of document.querySelectorAll("main .callout")) {
    const kind = [...el.classList].find(c => c.startsWith("callout--")).slice(9);
    if (out[kind]) continue;
    const s = getComputedStyle(el), title = getComputedStyle(el.querySelector(".callout__title"));
    out[kind] = {border: s.borderLeftColor, style: s.borderLeftStyle + " " + s.borderTopStyle, width: parseFloat(s.borderTopWidth),
      background: s.backgroundColor, title: title.color + " on " + title.backgroundColor,
      label: el.querySelector(".callout__kind").getClientRects().length > 0 ? el.querySelector(".callout__kind").innerText : ""};
  }
  return out;
})()`

type calloutLook struct {
	Border, Style, Background, Title, Label string
	Width                                   float64
}

// TestCalloutLooks: on screen, in light and dark mode, each kind has its
// own border colour (urgent and emergency share red, and the emergency
// heads itself with a band); on paper, whatever the screen's scheme,
// everything is black on white, each heading shows its kind, and the
// borders tell the kinds apart by style and weight.
func TestCalloutLooks(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	open(t, ctx, base+"/"+blocksSlug+"/")
	looks := func(media, scheme string) map[string]calloutLook {
		emulateMedia(t, ctx, media, scheme)
		return browsertest.Eval[map[string]calloutLook](t, ctx, calloutLooks)
	}
	for _, scheme := range []string{"light", "dark"} {
		got := looks("", scheme)
		seen := map[string]string{}
		for _, kind := range []string{"note", "tip", "important", "warning", "caution", "urgent"} {
			l := got[kind]
			if other, ok := seen[l.Border]; ok {
				t.Errorf("%s: %s and %s callouts share the border colour %s", scheme, kind, other, l.Border)
			}
			seen[l.Border] = kind
			if l.Background == got["emergency"].Background && kind != "urgent" {
				t.Errorf("%s: the %s callout has the emergency's background", scheme, kind)
			}
		}
		if e := got["emergency"]; e.Title == got["urgent"].Title || e.Width <= got["urgent"].Width {
			t.Errorf("%s: the emergency callout (%+v) does not stand out from urgent advice (%+v)", scheme, e, got["urgent"])
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		got := looks("print", scheme)
		styles := map[string]string{}
		for kind, l := range got {
			if l.Border != "rgb(0, 0, 0)" || l.Background != "rgb(255, 255, 255)" || (l.Title != "rgb(0, 0, 0) on rgba(0, 0, 0, 0)" && l.Title != "rgb(0, 0, 0) on rgb(255, 255, 255)") {
				t.Errorf("printed (%s), the %s callout is %+v, want black on white", scheme, kind, l)
			}
			if l.Label == "" {
				t.Errorf("printed (%s), the %s callout's heading does not show its kind", scheme, kind)
			}
			styles[kind] = fmt.Sprintf("%s %.0f", l.Style, l.Width)
		}
		for _, pair := range [][2]string{{"note", "warning"}, {"warning", "urgent"}, {"urgent", "emergency"}, {"note", "emergency"}} {
			if styles[pair[0]] == styles[pair[1]] {
				t.Errorf("printed (%s), %s and %s callouts have the same border: %s", scheme, pair[0], pair[1], styles[pair[0]])
			}
		}
	}
}

// tableRegion describes the scrolling region of the page's n-th table.
const tableRegion = `(n => { const r = document.querySelectorAll(".table-scroll")[n]; return {
  label: r.getAttribute("aria-label"), tabindex: r.getAttribute("tabindex") || "",
  overflows: r.scrollWidth > r.clientWidth, scrollLeft: r.scrollLeft }; })`

type region struct {
	Label, Tabindex string
	Overflows       bool
	ScrollLeft      float64
}

// TestWideTables: on a 320px screen the wide table scrolls inside its
// labelled region, not the page (TestReflow checks the page), and the
// keyboard scrolls it; a table that fits is no tab stop, on a phone or a
// desktop. Without the script every region is a tab stop (the HTML).
func TestWideTables(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	viewport(t, ctx, 320, 640)
	open(t, ctx, base+"/"+blocksSlug+"/")
	wide := browsertest.Eval[region](t, ctx, tableRegion+"(0)")
	if wide.Label != "Table: Medicine, What it is for, How much to take" || !wide.Overflows || wide.Tabindex != "0" {
		t.Errorf("the wide table's region at 320px: %+v, want labelled, overflowing and focusable", wide)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".table-scroll"))); err != nil {
		t.Fatal(err)
	}
	if !browsertest.Eval[bool](t, ctx, `document.activeElement.matches(".table-scroll")`) {
		t.Fatal("the wide table's region takes no focus")
	}
	for range 3 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
			t.Fatal(err)
		}
	}
	browsertest.WaitFor(t, ctx, "the arrow keys scroll the wide table", `document.querySelector(".table-scroll").scrollLeft > 0`)
	if sw := browsertest.Eval[int](t, ctx, `document.documentElement.scrollWidth`); sw > 320 {
		t.Errorf("the page is %dpx wide at 320px", sw)
	}
	for _, width := range []int64{320, 1280} {
		viewport(t, ctx, width, 800)
		browsertest.WaitFor(t, ctx, fmt.Sprintf("at %dpx the narrow table's region leaves the tab order", width), `!document.querySelectorAll(".table-scroll")[1].hasAttribute("tabindex")`)
		if narrow := browsertest.Eval[region](t, ctx, tableRegion+"(1)"); narrow.Label != "Table: Day, Dose" || narrow.Overflows {
			t.Errorf("the narrow table's region at %dpx: %+v", width, narrow)
		}
	}
	html := string(readPublic(t, "/"+blocksSlug+"/index.html"))
	if n := strings.Count(html, `class="table-scroll" role="region"`); n != 2 || strings.Count(html, `tabindex="0"`) != 2 {
		t.Errorf("the HTML has %d table regions, want 2, each with tabindex=\"0\"", n)
	}
}
