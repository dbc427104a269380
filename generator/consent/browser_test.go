package consent_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// TestConsentInBrowser proves the banner in real Chromium, one subtest
// per point of issue 4's "Done when" list. The subtests share one build of
// the test site and run in parallel, each with its own browser and on its
// own origin.
func TestConsentInBrowser(t *testing.T) {
	browsertest.Require(t)
	e := newEnv(t)
	for _, tc := range []struct {
		name     string
		basePath string
		csp      string
		run      func(*testing.T, *harness)
	}{
		{"FirstVisit", "/", "", testFirstVisit},
		{"RejectAll", "/", "", testRejectAll},
		{"AcceptAll", "/", "", testAcceptAll},
		{"PreferencesAnalyticsOnly", "/", "", testPreferencesAnalyticsOnly},
		{"WithdrawalThroughFooterLink", "/", "", testWithdrawalThroughFooterLink},
		{"RaisedVersionAsksAgain", "/", "", testRaisedVersionAsksAgain},
		{"GlobalPrivacyControl", "/", "", testGlobalPrivacyControl},
		{"GlobalPrivacyControlFirstVisit", "/", "", testGlobalPrivacyControlFirstVisit},
		{"WithoutJavaScript", "/", "", testWithoutJavaScript},
		{"KeyboardOnly", "/", "", testKeyboardOnly},
		{"StrictContentSecurityPolicy", "/", browsertest.StrictCSP, testStrictContentSecurityPolicy},
		{"SubPath", "/library/", "", testSubPath},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.run(t, e.harness(t, tc.basePath, tc.csp))
		})
	}
}

// Done when 1 and 11: a first visit shows the banner and requests nothing
// gated; before a choice there is no cookie, no storage entry and no
// request to another origin. The three choices are equally prominent and
// the banner does not cover content.
func testFirstVisit(t *testing.T, h *harness) {
	for _, p := range []string{"", "articles/serotonin/", videoPage} {
		h.visit(p)
		h.settle()
		if !evaluate[bool](h, askingVisible) {
			t.Fatalf("/%s: the banner is not shown on a first visit", p)
		}
		h.assertNothingGated("first visit to /" + p)
		if c := h.cookies(); len(c) > 0 {
			t.Errorf("/%s: cookies exist before a choice: %v", p, names(c))
		}
		if n := h.storedItems(); n != 0 {
			t.Errorf("/%s: %d storage entries exist before a choice", p, n)
		}
	}

	// The gated iframe is inert and shows a placeholder with a button
	// that allows its category; the inline gated script has not run.
	if evaluate[bool](h, `document.querySelector("iframe").hasAttribute("src") || document.querySelector("img[data-src]").hasAttribute("src")`) {
		t.Error("a gated iframe or image has a src before consent")
	}
	if got := evaluate[string](h, `document.querySelector("[data-consent-for] [data-consent-allow]").textContent`); got != "Allow Marketing cookies" {
		t.Errorf("placeholder button says %q", got)
	}
	if evaluate[bool](h, `!!(window.inlineGated || window.analyticsRan || window.marketingRan)`) {
		t.Error("gated code ran before consent")
	}

	// Accept all, Reject all and Preferences: same element, class, size
	// and style.
	type look struct {
		Tag, Class, Font, Padding, Border, Background, Color string
		Width, Height                                        float64
	}
	looks := evaluate[[]look](h, `[...document.querySelectorAll("[data-consent-ask] button")].map(b => {
		const s = getComputedStyle(b), r = b.getBoundingClientRect();
		return {Tag: b.tagName, Class: b.className, Font: s.font, Padding: s.padding, Border: s.border,
			Background: s.backgroundColor, Color: s.color, Width: r.width, Height: r.height};
	})`)
	labels := evaluate[[]string](h, `[...document.querySelectorAll("[data-consent-ask] button")].map(b => b.textContent)`)
	if strings.Join(labels, "|") != "Accept all|Reject all|Preferences" {
		t.Fatalf("banner buttons = %q", labels)
	}
	for i, l := range looks[1:] {
		if l != looks[0] {
			t.Errorf("%q looks different from %q:\n%+v\n%+v", labels[i+1], labels[0], l, looks[0])
		}
	}

	// In the page flow at the top, like GOV.UK's: not fixed or sticky,
	// above the header, not over it, and there from the first paint: a
	// banner that appears later pushes the page down.
	shift, err := chromedp.Run(h.ctx, chromedp.Evaluate[float64](`new Promise(resolve => {
		let total = 0;
		new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; }).observe({type: "layout-shift", buffered: true});
		requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(total), 50)));
	})`, chromedp.EvalAwaitPromise))
	if err != nil || shift > 0.01 {
		t.Errorf("the page shifted by %.4f as it loaded (%v)", shift, err)
	}
	if pos := evaluate[string](h, `getComputedStyle(document.querySelector("[data-consent-banner]")).position`); pos != "static" {
		t.Errorf("banner position = %s, want static (in the flow)", pos)
	}
	if !evaluate[bool](h, `document.querySelector("[data-consent-banner]").getBoundingClientRect().bottom <= document.querySelector(".site-header").getBoundingClientRect().top`) {
		t.Error("the banner overlaps the page header")
	}
	if got := evaluate[string](h, `document.querySelector("[data-consent-banner]").getAttribute("aria-label")`); !strings.HasPrefix(got, "Cookies on ") {
		t.Errorf("banner region label = %q", got)
	}
}

// Done when 2 and 11: after Reject all nothing gated loads, on reload or
// on another page, the banner stays away, and the only thing stored is the
// consent record.
func testRejectAll(t *testing.T, h *harness) {
	h.visit(videoPage)
	h.click("[data-consent-reject]")
	h.waitFor("the confirmation", confirmVisible)
	if got := evaluate[string](h, confirmation+`.textContent`); !strings.Contains(got, "You've rejected all optional cookies.") || !strings.Contains(got, "change your cookie settings") {
		t.Errorf("confirmation says %q", got)
	}
	if !evaluate[bool](h, `document.activeElement === `+confirmation) {
		t.Error("the confirmation does not get focus")
	}
	h.settle()
	h.assertNothingGated("after Reject all")

	rec := h.record()
	if rec == nil {
		t.Fatal("no consent record after Reject all")
	}
	if rec.Version != 1 || time.Since(rec.Date) > time.Minute || len(rec.Categories) != 3 {
		t.Errorf("record = %+v", rec)
	}
	for id, yes := range rec.Categories {
		if yes {
			t.Errorf("category %s accepted after Reject all", id)
		}
	}
	if c := h.cookies(); len(c) != 1 {
		t.Errorf("cookies after a choice = %v, want only handout_consent", names(c))
	}
	if n := h.storedItems(); n != 0 {
		t.Errorf("%d storage entries after a choice", n)
	}

	h.click("[data-consent-hide]")
	if evaluate[bool](h, bannerVisible) {
		t.Error("Hide this message did not hide the banner")
	}
	for _, step := range []func(){h.reload, func() { h.visit("articles/dopamine/") }, func() { h.visit(videoPage) }} {
		step()
		h.settle()
		if evaluate[bool](h, bannerVisible) {
			t.Errorf("%s: the banner is back after Reject all", evaluate[string](h, `location.pathname`))
		}
		h.assertNothingGated("after Reject all, on " + evaluate[string](h, `location.pathname`))
	}
	if evaluate[bool](h, `window.inlineGated === true`) {
		t.Error("the inline gated script ran after Reject all")
	}
	if c := h.cookies(); len(c) != 1 {
		t.Errorf("cookies after browsing = %v, want only handout_consent", names(c))
	}
}

// Done when 3: Accept all loads and runs the gated scripts (site.yaml's
// and an inline one) and loads the iframe and pixel, at once and on the
// next page.
func testAcceptAll(t *testing.T, h *harness) {
	h.visit(videoPage)
	h.click("[data-consent-accept]")
	h.waitFor("the gated scripts run", `window.analyticsRan === 1 && window.marketingRan === 1 && window.inlineGated === true`)
	h.waitFor("the iframe loads", `document.querySelector("iframe").src.endsWith("/frame.html") && performance.getEntriesByType("resource").some(e => e.name.endsWith("/frame.html"))`)
	h.settle()
	h.assertHits("after Accept all", append(scriptHits, embedHits...), nil)
	if evaluate[bool](h, `!!document.querySelector("[data-consent-for]:not([hidden])")`) {
		t.Error("the iframe placeholder stays after Accept all")
	}
	if !evaluate[bool](h, `document.querySelector("iframe").getBoundingClientRect().height > 0`) {
		t.Error("the iframe is not shown after Accept all")
	}
	if got := evaluate[string](h, `document.querySelector("[data-consent-message]").textContent`); got != "You've accepted all optional cookies." {
		t.Errorf("confirmation = %q", got)
	}
	rec := h.record()
	if rec == nil || !rec.Categories["analytics"] || !rec.Categories["marketing"] || !rec.Categories["personalization"] {
		t.Fatalf("record after Accept all = %+v", rec)
	}
	// The site's own gated script (a site address in site.yaml) ran too.
	if !evaluate[bool](h, `window.personalised === true`) {
		t.Error("the personalization script did not run")
	}

	h.forgetRequests()
	h.visit("articles/serotonin/")
	if evaluate[bool](h, bannerVisible) {
		t.Error("the banner is shown again after Accept all")
	}
	h.assertHits("on the next page", scriptHits, embedHits)
	if !evaluate[bool](h, `window.analyticsRan === 1 && window.marketingRan === 1`) {
		t.Error("the gated scripts did not run exactly once on the next page")
	}
}

// Done when 4: Preferences with analytics only loads analytics and nothing
// of marketing.
func testPreferencesAnalyticsOnly(t *testing.T, h *harness) {
	h.visit(videoPage)
	h.click("[data-consent-ask] [data-consent-open]")
	h.waitFor("the dialog opens", dialogOpen)
	if got := evaluate[[]bool](h, `[...document.querySelectorAll("[data-consent-dialog] input[role=switch]")].map(i => i.checked)`); len(got) != 3 || got[0] || got[1] || got[2] {
		t.Fatalf("switches before a choice = %v, want three, all off", got)
	}
	h.click("#consent-dialog-analytics")
	h.click("[data-consent-dialog] button[type=submit]")
	h.waitFor("the dialog closes and the choice is confirmed", `!`+dialogOpen+` && `+confirmVisible)
	h.waitFor("analytics runs", `window.analyticsRan === 1 && window.inlineGated === true`)
	h.settle()
	h.assertHits("after choosing analytics", []string{"script /analytics.js"}, append([]string{"script /marketing.js"}, embedHits...))
	if evaluate[bool](h, `!!(window.marketingRan || window.personalised || document.querySelector("iframe").hasAttribute("src"))`) {
		t.Error("marketing or personalization content ran without consent")
	}
	if got := evaluate[string](h, `document.querySelector("[data-consent-message]").textContent`); got != "You've accepted analytics cookies. The other optional cookies are off." {
		t.Errorf("confirmation = %q", got)
	}
	rec := h.record()
	if rec == nil || !rec.Categories["analytics"] || rec.Categories["marketing"] || rec.Categories["personalization"] {
		t.Fatalf("record = %+v", rec)
	}

	h.forgetRequests()
	h.reload()
	h.settle()
	h.assertHits("after reload", []string{"script /analytics.js"}, append([]string{"script /marketing.js"}, embedHits...))
	if !evaluate[bool](h, `!!document.querySelector("[data-consent-for] [data-consent-allow]")`) {
		t.Error("the marketing iframe lost its placeholder")
	}
}

// Done when 5: withdrawal through the footer link deletes the declared
// cookies, and from the next page load nothing gated loads.
func testWithdrawalThroughFooterLink(t *testing.T, h *harness) {
	h.visit(videoPage)
	h.click("[data-consent-accept]")
	h.waitFor("the gated scripts run", `window.analyticsRan && window.marketingRan`)
	// A cookie of the site that no category declares must survive.
	h.do("setting an undeclared cookie", chromedp.Evaluate[chromedp.Void](`document.cookie = "keep_me=1; path=/"`))
	have := h.cookies()
	for _, name := range append(declaredCookies, "keep_me", "handout_consent") {
		if have[name] == nil {
			t.Fatalf("cookie %s was not set (have %v)", name, names(have))
		}
	}

	h.click("footer a[data-consent-open]")
	h.waitFor("the footer link opens the dialog", dialogOpen)
	if got := evaluate[[]bool](h, `[...document.querySelectorAll("[data-consent-dialog] input[role=switch]")].map(i => i.checked)`); len(got) != 3 || !got[0] || !got[1] || !got[2] {
		t.Fatalf("switches after Accept all = %v, want all on", got)
	}
	for _, id := range []string{"analytics", "marketing", "personalization"} {
		h.click("#consent-dialog-" + id)
	}
	h.click("[data-consent-dialog] button[type=submit]")
	h.waitFor("the withdrawal is confirmed", confirmVisible+` && document.querySelector("[data-consent-message]").textContent === "You've rejected all optional cookies."`)

	have = h.cookies()
	for _, name := range declaredCookies {
		if c := have[name]; c != nil {
			t.Errorf("declared cookie %s (path %s) survived the withdrawal", name, c.Path)
		}
	}
	if have["keep_me"] == nil || have["handout_consent"] == nil {
		t.Errorf("withdrawal deleted undeclared cookies: left %v", names(have))
	}

	h.forgetRequests()
	h.reload()
	h.settle()
	h.assertNothingGated("after withdrawal and reload")
	if evaluate[bool](h, `!!(window.analyticsRan || window.marketingRan || window.inlineGated)`) {
		t.Error("gated code ran after withdrawal")
	}
	for _, name := range declaredCookies {
		if h.cookies()[name] != nil {
			t.Errorf("declared cookie %s is back after reload", name)
		}
	}
}

// Done when 6: raising consent.version asks everyone again, and an old
// choice loads nothing.
func testRaisedVersionAsksAgain(t *testing.T, h *harness) {
	h.visit("")
	h.click("[data-consent-accept]")
	h.waitFor("analytics runs", `window.analyticsRan`)
	h.reload()
	if evaluate[bool](h, bannerVisible) {
		t.Fatal("the banner is shown although version 1 was answered")
	}

	// The clinic adds a tracker and raises the version; the site is
	// rebuilt and served from the same origin.
	v2 := buildSite(t, sampleSite(t, h.tracker.URL, 2))
	h.site.dir.Store(&v2)
	h.forgetRequests()
	h.reload()
	h.settle()
	if !evaluate[bool](h, askingVisible) {
		t.Error("the banner does not come back after the version was raised")
	}
	h.assertNothingGated("with a choice of an older version")
	for _, name := range []string{"_pk_id.1", "_ga", "_fbp"} {
		if h.cookies()[name] != nil {
			t.Errorf("cookie %s of the old choice was not deleted", name)
		}
	}
	h.click("[data-consent-reject]")
	if rec := h.record(); rec == nil || rec.Version != 2 {
		t.Errorf("record after answering again = %+v, want version 2", rec)
	}
}

// Done when 7: with Global Privacy Control there is no banner and nothing
// gated loads, even over an earlier Accept all; /cookies/ says the signal
// was honoured. Chromium does not send GPC itself, so the test defines
// navigator.globalPrivacyControl before any script of each page
// (Page.addScriptToEvaluateOnNewDocument), as a browser with GPC on does.
func testGlobalPrivacyControl(t *testing.T, h *harness) {
	// An earlier choice, made before the visitor turned GPC on.
	h.visit(videoPage)
	h.click("[data-consent-accept]")
	h.waitFor("the gated scripts run", `window.analyticsRan && window.marketingRan`)

	h.beforeEveryPage(`Object.defineProperty(Navigator.prototype, "globalPrivacyControl", {get: () => true, configurable: true});`)
	h.forgetRequests()
	h.reload()
	h.settle()
	if !evaluate[bool](h, `navigator.globalPrivacyControl === true`) {
		t.Fatal("the GPC signal was not set up")
	}
	if evaluate[bool](h, bannerVisible) {
		t.Error("the banner is shown with GPC on")
	}
	h.assertNothingGated("with GPC on")
	for _, name := range declaredCookies {
		if h.cookies()[name] != nil {
			t.Errorf("cookie %s survives with GPC on", name)
		}
	}
	if evaluate[bool](h, `!!document.querySelector("[data-consent-allow]")`) {
		t.Error("the iframe placeholder offers to allow marketing with GPC on")
	}
	if !evaluate[bool](h, `[...document.querySelectorAll("[data-consent-for] [data-consent-gpc]")].some(p => !p.hidden)`) {
		t.Error("the iframe placeholder does not explain GPC")
	}

	// The footer link leads to /cookies/, which says the signal was
	// honoured and offers no switch to turn on.
	h.click("footer a[data-consent-open]")
	h.waitFor("the cookies page opens", `location.pathname === "/cookies/" && document.readyState === "complete"`)
	h.settle()
	if evaluate[bool](h, dialogOpen) {
		t.Error("the preferences dialog opened with GPC on")
	}
	if got := evaluate[string](h, `[...document.querySelectorAll("main [data-consent-gpc]")].filter(p => !p.hidden && p.offsetHeight > 0).map(p => p.textContent).join(" ")`); !strings.Contains(got, "Global Privacy Control") {
		t.Errorf("/cookies/ does not say GPC was honoured: %q", got)
	}
	if !evaluate[bool](h, `[...document.querySelectorAll("main form[data-consent-form] input")].every(i => i.disabled && !i.checked)`) {
		t.Error("/cookies/ lets a GPC visitor turn categories on")
	}
	h.assertNothingGated("on /cookies/ with GPC on")
	gpc, err := chromedp.Run(h.ctx, chromedp.Evaluate[string](`fetch("/.well-known/gpc.json").then(r => r.json()).then(j => JSON.stringify(j.gpc))`, chromedp.EvalAwaitPromise))
	if err != nil || gpc != "true" {
		t.Errorf("/.well-known/gpc.json gpc = %s (%v)", gpc, err)
	}
}

// Done when 7, for a first visit: GPC on, no banner, no record, nothing.
func testGlobalPrivacyControlFirstVisit(t *testing.T, h *harness) {
	h.beforeEveryPage(`Object.defineProperty(Navigator.prototype, "globalPrivacyControl", {get: () => true, configurable: true});`)
	for _, p := range []string{"", videoPage, "cookies/"} {
		h.visit(p)
		h.settle()
		if evaluate[bool](h, bannerVisible) {
			t.Errorf("/%s: the banner is shown with GPC on", p)
		}
	}
	h.assertNothingGated("a first visit with GPC on")
	if c := h.cookies(); len(c) > 0 {
		t.Errorf("cookies with GPC on: %v", names(c))
	}
}

// Done when 8: with JavaScript off nothing gated loads, no banner stands
// in the way and the page is fully readable.
func testWithoutJavaScript(t *testing.T, h *harness) {
	h.do("turning JavaScript off", browsertest.DisableScripts())
	for _, p := range []string{videoPage, "articles/serotonin/"} {
		h.visit(p)
		h.settle()
		if evaluate[bool](h, bannerVisible) {
			t.Errorf("/%s: the banner is shown without JavaScript", p)
		}
		text := evaluate[string](h, `document.querySelector("main").innerText`)
		title := evaluate[string](h, `document.querySelector("h1").innerText`)
		if title == "" || !strings.Contains(text, title) || len(text) < 100 {
			t.Errorf("/%s: the main content is not readable without JavaScript (%d characters)", p, len(text))
		}
	}
	if !strings.Contains(evaluate[string](h, `document.querySelector("main").innerText`), "serotonin") {
		t.Error("the article text is not shown")
	}
	h.visit(videoPage)
	if !strings.Contains(evaluate[string](h, `document.querySelector("main").innerText`), "open Monday to Friday") {
		t.Error("the text after the gated iframe is not shown")
	}
	h.visit("cookies/")
	if got := evaluate[string](h, `document.querySelector("main").innerText`); !strings.Contains(got, "JavaScript is off") {
		t.Errorf("/cookies/ does not explain the settings need JavaScript: %q", got)
	}
	h.assertNothingGated("without JavaScript")
	if c := h.cookies(); len(c) > 0 {
		t.Errorf("cookies without JavaScript: %v", names(c))
	}
}

// Done when 9: by keyboard alone, Tab reaches the banner's buttons, the
// dialog keeps focus inside, Escape closes it and focus returns.
func testKeyboardOnly(t *testing.T, h *harness) {
	h.visit("")
	focused := `(() => { const a = document.activeElement; return a.tagName + ":" + (a.id || a.textContent.trim()); })()`
	var stops []string
	for range 3 {
		h.do("Tab", chromedp.KeyEvent(kb.Tab))
		stops = append(stops, evaluate[string](h, focused))
	}
	if want := "BUTTON:Accept all|BUTTON:Reject all|BUTTON:Preferences"; strings.Join(stops, "|") != want {
		t.Fatalf("the first Tab stops are %q, want %q", stops, want)
	}

	h.do("Enter on Preferences", chromedp.KeyEvent(kb.Enter))
	h.waitFor("the dialog opens", dialogOpen)
	inDialog := `document.querySelector("[data-consent-dialog]").contains(document.activeElement)`
	if !evaluate[bool](h, inDialog) {
		t.Fatal("focus is not in the dialog when it opens")
	}
	seen := map[string]bool{}
	for i := range 12 {
		h.do("Tab in the dialog", chromedp.KeyEvent(kb.Tab))
		if !evaluate[bool](h, inDialog) {
			t.Fatalf("Tab %d left the dialog for %s", i+1, evaluate[string](h, focused))
		}
		seen[evaluate[string](h, focused)] = true
	}
	for i := range 6 {
		h.do("Shift+Tab in the dialog", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
		if !evaluate[bool](h, inDialog) {
			t.Fatalf("Shift+Tab %d left the dialog for %s", i+1, evaluate[string](h, focused))
		}
	}
	if len(seen) != 5 { // three switches, Save, Cancel
		t.Errorf("Tab visited %d controls of the dialog, want 5: %v", len(seen), seen)
	}
	// Space turns a switch on; Escape closes without saving.
	h.do("focusing a switch", chromedp.Focus(chromedp.CSS("#consent-dialog-analytics")))
	h.do("Space", chromedp.KeyEvent(" "))
	if !evaluate[bool](h, `document.querySelector("#consent-dialog-analytics").checked`) {
		t.Error("Space does not turn the switch on")
	}
	h.do("Escape", chromedp.KeyEvent(kb.Escape))
	h.waitFor("Escape closes the dialog", `!`+dialogOpen)
	if got := evaluate[string](h, focused); got != "BUTTON:Preferences" {
		t.Errorf("after Escape focus is on %s, want the Preferences button", got)
	}
	if h.record() != nil || !evaluate[bool](h, askingVisible) {
		t.Error("Escape saved a choice")
	}

	// Back to Reject all with Shift+Tab, and Enter chooses it.
	h.do("Shift+Tab", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if got := evaluate[string](h, focused); got != "BUTTON:Reject all" {
		t.Fatalf("Shift+Tab from Preferences reached %s", got)
	}
	h.do("Enter on Reject all", chromedp.KeyEvent(kb.Enter))
	h.waitFor("the confirmation takes focus", confirmVisible+` && document.activeElement === `+confirmation)
	if rec := h.record(); rec == nil || rec.Categories["analytics"] {
		t.Errorf("record after Reject all by keyboard = %+v", rec)
	}
}

// Done when 10: under a strict Content-Security-Policy the banner, the
// dialog, the cookies page and the activation of a same-origin gated
// script work without a single violation. A deliberate inline script at
// the end proves the violations are seen.
func testStrictContentSecurityPolicy(t *testing.T, h *harness) {
	h.beforeEveryPage(`window.cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`)
	violations := func(where string) {
		t.Helper()
		if v := evaluate[[]string](h, `window.cspViolations`); len(v) > 0 {
			t.Errorf("%s: CSP violations: %q", where, v)
		}
	}

	h.visit(videoPage)
	if !evaluate[bool](h, askingVisible) {
		t.Fatal("the banner is not shown under the CSP: consent.js did not run")
	}
	h.click("[data-consent-ask] [data-consent-open]")
	h.waitFor("the dialog opens", dialogOpen)
	h.click("#consent-dialog-personalization")
	h.click("[data-consent-dialog] button[type=submit]")
	h.waitFor("the same-origin gated script runs", `window.personalised === true`)
	h.waitFor("the choice is confirmed", confirmVisible)
	violations("banner, dialog and gated script")

	for _, p := range []string{"cookies/", "articles/serotonin/", "search/", ""} {
		h.visit(p)
		h.settle()
		violations("/" + p)
	}
	h.visit("cookies/")
	h.click("#consent-page-personalization")
	h.click("main form[data-consent-form] button[type=submit]")
	h.waitFor("the cookies page saves", confirmVisible)
	if rec := h.record(); rec == nil || rec.Categories["personalization"] {
		t.Errorf("record after the cookies page form = %+v", rec)
	}
	violations("the cookies page form")

	// The control: an inline script is refused and reported.
	h.do("injecting an inline script", chromedp.Evaluate[chromedp.Void](`{ const s = document.createElement("script"); s.textContent = "window.inlineRan = true"; document.body.append(s); }`))
	h.waitFor("the violation is reported", `window.cspViolations.length === 1 && !window.inlineRan`)
}

func names[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Under a sub-path base URL the record is scoped to the library's path,
// site addresses in consent.scripts load from under it, and a choice made
// on /cookies/ deletes the declared cookies of every path: those visible
// there at once, the rest when the visitor next opens the page that set
// them.
func testSubPath(t *testing.T, h *harness) {
	h.visit("library/" + videoPage)
	if !evaluate[bool](h, askingVisible) {
		t.Fatal("no banner under /library/")
	}
	h.click("[data-consent-accept]")
	h.waitFor("every gated script runs", `window.analyticsRan && window.marketingRan && window.personalised`)
	if c := h.cookies()["handout_consent"]; c == nil || c.Path != "/library/" {
		t.Fatalf("consent cookie = %+v, want one with path /library/", c)
	}
	if c := h.cookies()["ads_session"]; c == nil || c.Path != "/library/clinic-video" {
		t.Fatalf("ads_session = %+v, want one with the page's folder as path", c)
	}

	h.visit("library/cookies/")
	if got := evaluate[[]bool](h, `[...document.querySelectorAll("main form[data-consent-form] input")].map(i => i.checked)`); len(got) != 3 || !got[0] || !got[1] || !got[2] {
		t.Fatalf("the cookies page switches = %v, want all on", got)
	}
	for _, id := range []string{"analytics", "marketing", "personalization"} {
		h.click("#consent-page-" + id)
	}
	h.click("main form[data-consent-form] button[type=submit]")
	h.waitFor("the choice is confirmed", confirmVisible)
	for _, name := range declaredCookies[:3] {
		if h.cookies()[name] != nil {
			t.Errorf("cookie %s survived the withdrawal on /library/cookies/", name)
		}
	}
	h.forgetRequests()
	h.visit("library/" + videoPage)
	h.settle()
	h.assertNothingGated("after withdrawal under /library/")
	if h.cookies()["ads_session"] != nil {
		t.Error("ads_session survived a visit to the page that set it")
	}
}
