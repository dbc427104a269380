package hosting_test

import (
	"context"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/hosting"
	"github.com/handout-health/handout/generator/internal/browsertest"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// TestPagesWorkUnderTheirHeaders is issue 22's proof that the headers a
// host is told to send break nothing: the sample site, built, is served
// with exactly the headers its generated _headers gives each path (read
// by the small server below, as Netlify documents the file, not by
// package hosting), and Chromium opens one page of every kind in every
// language. No page reports a Content-Security-Policy violation, while
// each is under the policy (a script the test adds inline is refused and
// reported); search answers as a patient types, the consent banner takes
// "Accept all", and a glossary link's definition shows on hover.
func TestPagesWorkUnderTheirHeaders(t *testing.T) {
	browsertest.Require(t)
	dir := buildSample(t)
	data, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	srv := &headersHost{rules: parseHeadersFile(t, string(data)), files: browsertest.StaticHost(dir)}
	base := browsertest.Serve(t, srv)
	ctx := browsertest.New(t)
	violations := browsertest.RecordViolations(t, ctx)
	policy := hosting.ContentSecurityPolicy(sampleConfig(t), sampleOptions)

	pages := pageKinds(t, dir)
	pages = append(pages, "/no-such-page/", "/es/no-such-page/")
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
			t.Fatalf("opening %s: %v", p, err)
		}
		if got := srv.sent(p); got != policy {
			t.Errorf("%s was served with the policy %q, want the generated one", p, got)
		}
		switch {
		case p == "/":
			acceptConsent(t, ctx)
		case p == "/search/" || p == "/es/search/":
			searchFor(t, ctx, "seroto", "Serotonin")
		case strings.HasPrefix(p, "/articles/"):
			hoverGlossaryLink(t, ctx)
		}
		for _, v := range violations.Take() {
			t.Errorf("%s", v)
		}
		provePolicyHolds(t, ctx, p, violations)
	}
	t.Logf("%d pages opened: %s", len(pages), strings.Join(pages, " "))
}

// buildSample builds the repository's sample site into a folder.
func buildSample(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	out, err := output.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := site.Build(sampleSite(t), site.Options{Writer: out, Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		_ = out.Abort()
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pageKinds returns one page of each kind the build wrote, as URL paths:
// the pages are grouped by language, first folder and depth
// (articles/*/, glossary/, glossary/*/, 404.html, ...), and the first of
// each group in name order stands for it.
func pageKinds(t *testing.T, dir string) []string {
	t.Helper()
	kinds := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		parts := strings.Split(rel, "/")
		lang := ""
		if parts[0] == "es" {
			lang, parts = "es/", parts[1:]
		}
		kind := lang + parts[0] + "/" + strings.Repeat("*/", len(parts)-1)
		url := "/" + strings.TrimSuffix(rel, "index.html")
		if old, ok := kinds[kind]; !ok || url < old {
			kinds[kind] = url
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, url := range kinds {
		pages = append(pages, url)
	}
	slices.Sort(pages)
	if len(pages) < 20 {
		t.Fatalf("only %d kinds of page: %v", len(pages), pages)
	}
	return pages
}

// acceptConsent accepts every category in the banner, which is shown on
// a first visit, and waits for the banner to confirm.
func acceptConsent(t *testing.T, ctx context.Context) {
	t.Helper()
	browsertest.WaitFor(t, ctx, "the consent banner shows", `!document.querySelector("[data-consent-banner]").hidden`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-consent-accept]"))); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "the choice is confirmed and kept", `!document.querySelector("[data-consent-done]").hidden && document.cookie.includes("handout_consent=")`)
}

// searchFor types a query letter by letter and waits for a result.
func searchFor(t *testing.T, ctx context.Context, query, want string) {
	t.Helper()
	browsertest.WaitFor(t, ctx, "the search box is ready", `document.querySelector("#search-page-input[role=combobox]")`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-page-input"), query)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "a result for "+query, `[...document.querySelectorAll("[data-search-list] [role=option]")].some(o => o.textContent.includes(`+jsString(want)+`))`)
}

// hoverGlossaryLink moves the pointer over the first glossary link and
// waits for its definition to show.
func hoverGlossaryLink(t *testing.T, ctx context.Context) {
	t.Helper()
	const link = `document.querySelector("a.gloss[data-definition]")`
	browsertest.WaitFor(t, ctx, "a glossary link", link)
	browsertest.Eval[any](t, ctx, link+`.scrollIntoView({block: "center", behavior: "instant"})`)
	box := browsertest.Eval[[]float64](t, ctx, `(r => [r.left + r.width / 2, r.top + r.height / 2])(`+link+`.getBoundingClientRect())`)
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0], box[1])); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "the definition shows", `(tip => tip && !tip.hidden && tip.textContent === `+link+`.dataset.definition)(document.getElementById("gloss-tip"))`)
}

// provePolicyHolds adds an inline script to the page: the policy must
// refuse it, and the browser report it, or a page without violations
// would prove nothing.
func provePolicyHolds(t *testing.T, ctx context.Context, page string, violations *browsertest.Violations) {
	t.Helper()
	browsertest.Eval[any](t, ctx, `(s => { s.textContent = "window.inlineRan = true"; document.body.append(s); })(document.createElement("script"))`)
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := violations.Take()
		if len(got) == 1 && got[0].Directive == "script-src-elem" && got[0].Blocked == "inline" && !browsertest.Eval[bool](t, ctx, `window.inlineRan === true`) {
			return
		}
		if len(got) > 0 || time.Now().After(deadline) {
			t.Fatalf("%s: an inline script was not refused as the policy says (violations: %v)", page, got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// headersHost serves a built site as Netlify or Cloudflare Pages would,
// with the headers of its _headers file, and notes the policy each page
// was sent with.
type headersHost struct {
	rules []headersRule
	files http.Handler
	mu    sync.Mutex
	csp   map[string]string
}

func (h *headersHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for name, value := range headersOf(h.rules, r.URL.Path) {
		w.Header().Set(name, value)
	}
	if ext := path.Ext(r.URL.Path); ext == "" || ext == ".html" {
		h.mu.Lock()
		if h.csp == nil {
			h.csp = map[string]string{}
		}
		h.csp[r.URL.Path] = w.Header().Get("Content-Security-Policy")
		h.mu.Unlock()
	}
	h.files.ServeHTTP(w, r)
}

// sent is the policy the page at path was served with.
func (h *headersHost) sent(path string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.csp[path]
}

// headersRule is one path of a _headers file and the headers under it.
type headersRule struct {
	path    *regexp.Regexp
	headers [][2]string
}

// parseHeadersFile reads _headers as Netlify's documentation describes
// it: a path on a line of its own, its headers on the indented lines
// after it as "Name: value", "#" for comments. In a path, "*" matches
// anything and ":placeholder" one segment.
func parseHeadersFile(t *testing.T, file string) []headersRule {
	t.Helper()
	var rules []headersRule
	placeholder := regexp.MustCompile(`:[A-Za-z_]\w*`)
	for _, line := range strings.Split(file, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			expr := regexp.QuoteMeta(trimmed)
			expr = strings.ReplaceAll(expr, `\*`, `.*`)
			expr = placeholder.ReplaceAllString(expr, `[^/]+`)
			rules = append(rules, headersRule{path: regexp.MustCompile("^" + expr + "$")})
		case len(rules) == 0:
			t.Fatalf("_headers: a header before any path: %q", line)
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok {
				t.Fatalf("_headers: not a header: %q", line)
			}
			last := &rules[len(rules)-1]
			last.headers = append(last.headers, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return rules
}

// headersOf combines the headers of every rule whose path matches, as
// Netlify does: two values of one header are joined with a comma.
func headersOf(rules []headersRule, urlPath string) map[string]string {
	out := map[string]string{}
	for _, r := range rules {
		if !r.path.MatchString(urlPath) {
			continue
		}
		for _, h := range r.headers {
			name := http.CanonicalHeaderKey(h[0])
			if old, ok := out[name]; ok {
				out[name] = old + ", " + h[1]
			} else {
				out[name] = h[1]
			}
		}
	}
	return out
}
