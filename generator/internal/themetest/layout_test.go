package themetest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// TestReading checks what makes a page easy to read, on a desktop: body
// text of 18px or more, lines of about 70 characters, one h1 and headings
// that skip no level, lang and the landmarks, the header and footer
// links, and the order of an article: title, summary, "On this page", the
// body with the risk section as a caution callout, sources and review
// dates, then related articles and backlinks.
func TestReading(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	viewport(t, ctx, 1280, 900)
	for _, p := range pageKinds {
		openKind(t, ctx, base, p)
		if lang := browsertest.Eval[string](t, ctx, `document.documentElement.lang`); lang == "" {
			t.Errorf("%s: <html> has no lang", p.Kind)
		}
		if size := browsertest.Eval[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector("main p") || document.body).fontSize)`); size < 18 {
			t.Errorf("%s: body text is %.1fpx, want 18px or more", p.Kind, size)
		}
		if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll("h1").length`); n != 1 {
			t.Errorf("%s: %d h1 headings, want 1", p.Kind, n)
		}
		// Within main, no heading skips a level (h2 to h4); main starts at h1.
		skips := browsertest.Eval[[]string](t, ctx, `(() => {
  const out = []; let last = 0;
  for (const h of document.querySelectorAll("main :is(h1,h2,h3,h4,h5,h6)")) {
    const level = +h.tagName[1];
    if (level > last + 1) out.push(h.tagName + " " + h.textContent.trim() + " after h" + last);
    last = level;
  }
  return out;
})()`)
		for _, s := range skips {
			t.Errorf("%s: heading skips a level: %s", p.Kind, s)
		}
		landmarks := browsertest.Eval[string](t, ctx, `[
  document.querySelectorAll("body > header, header.site-header").length === 1 ? "" : "one site header",
  document.querySelectorAll("main").length === 1 ? "" : "one main",
  document.querySelector("header nav[aria-label]") ? "" : "a labelled main navigation",
  document.querySelector("footer.site-footer") ? "" : "a site footer",
  document.querySelector("a.skip-link[href='#main']") ? "" : "a skip link to #main",
].filter(Boolean).join(", ")`)
		if landmarks != "" {
			t.Errorf("%s: missing %s", p.Kind, landmarks)
		}
		header := browsertest.Eval[string](t, ctx, `(() => { const h = document.querySelector(".site-header"); return [
  h.querySelector("a.site-name") ? "" : "the library's name",
  h.querySelector("a[href$='#a-to-z']") ? "" : "the A to Z",
  (h.querySelector("form[role=search]") || document.querySelector("main form[role=search]")) ? "" : "search",
].filter(Boolean).join(", "); })()`)
		if header != "" {
			t.Errorf("%s: the header lacks %s", p.Kind, header)
		}
		footer := browsertest.Eval[string](t, ctx, `(() => { const f = document.querySelector(".site-footer"); return [
  f.querySelector("a[data-consent-open]") && /Cookie settings|Configuración de cookies/.test(f.textContent) ? "" : "cookie settings",
  f.querySelector("a[href^='mailto:']") ? "" : "the feedback route",
  /clinician|su médico/.test(f.querySelector(".disclaimer")?.textContent || "") ? "" : "the disclaimer",
].filter(Boolean).join(", "); })()`)
		if footer != "" {
			t.Errorf("%s: the footer lacks %s", p.Kind, footer)
		}
	}

	open(t, ctx, base+"/articles/serotonin/")
	// Characters per line of the article's longest paragraph: its length
	// over its lines (the last, short line makes this an underestimate).
	perLine := browsertest.Eval[float64](t, ctx, `(() => {
  let best = null;
  for (const p of document.querySelectorAll(".article__body p")) if (!best || p.textContent.length > best.textContent.length) best = p;
  const lines = Math.round(best.getBoundingClientRect().height / parseFloat(getComputedStyle(best).lineHeight));
  return best.textContent.length / Math.max(1, lines - 0.5);
})()`)
	t.Logf("article lines hold about %.0f characters", perLine)
	if perLine < 55 || perLine > 80 {
		t.Errorf("article lines hold about %.0f characters, want about 70 (55 to 80)", perLine)
	}
	order := browsertest.Eval[[]string](t, ctx, `(() => {
  const parts = ["h1", ".summary", "nav.toc", ".article__body", ".callout--caution", ".sources", ".review", ".more"];
  const out = []; let last = null;
  for (const sel of parts) {
    const el = document.querySelector(sel);
    if (!el) { out.push(sel + " is missing"); continue; }
    if (last && !(last.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) out.push(sel + " comes too early");
    last = el;
  }
  return out;
})()`)
	for _, o := range order {
		t.Errorf("article order: %s", o)
	}
}

// TestReflow: at 320 CSS pixels wide (a small phone, or a 1280px desktop
// at 400% zoom) no page scrolls sideways, with the banner open, in light
// and dark mode.
func TestReflow(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	viewport(t, ctx, 320, 640)
	for _, p := range pageKinds {
		openKind(t, ctx, base, p)
		browsertest.WaitFor(t, ctx, p.Kind+": the banner shows", bannerShown)
		wide := browsertest.Eval[[]string](t, ctx, `(() => {
  const out = [], w = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > w + 1 || r.left < -1) && getComputedStyle(el).position !== "absolute" && !el.closest("pre, table, .visually-hidden, .skip-link")) out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " " + Math.round(r.left) + ".." + Math.round(r.right));
  }
  return out.slice(0, 5);
})()`)
		if sw := browsertest.Eval[int](t, ctx, `document.documentElement.scrollWidth`); sw > 320 {
			t.Errorf("%s: the page is %dpx wide at a 320px viewport: %s", p.Kind, sw, strings.Join(wide, "; "))
		} else if len(wide) > 0 {
			t.Errorf("%s: elements stick out of a 320px viewport: %s", p.Kind, strings.Join(wide, "; "))
		}
	}
}

// TestKeyboard: the skip link is the first thing Tab reaches, it shows
// when focused and leads to the main content, and every focused control
// shows a visible focus indicator.
func TestKeyboard(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	open(t, ctx, base+"/articles/serotonin/")
	// Choose first, so the banner's buttons are not first in the tab order.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-consent-banner] [data-consent-reject]"))); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base+"/articles/serotonin/")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.className`); got != "skip-link" {
		t.Fatalf("the first Tab focuses %q, want the skip link", got)
	}
	if !browsertest.Eval[bool](t, ctx, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height >= 24 && r.width >= 24; })()`) {
		t.Error("the focused skip link is not on screen")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "the skip link moves focus to main", `document.activeElement.id === "main"`)

	// Tab through the page: every stop shows a focus indicator (an outline
	// or a box shadow) that differs from its look without focus.
	for i := 0; i < 45; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		desc := browsertest.Eval[string](t, ctx, `(() => {
  const el = document.activeElement;
  if (el === document.body) return "";
  const s = getComputedStyle(el);
  const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
  return visible ? "" : el.tagName.toLowerCase() + " " + (el.textContent || el.name || "").trim().slice(0, 40);
})()`)
		if desc != "" {
			t.Errorf("focus is not visible on %s", desc)
		}
	}
}
