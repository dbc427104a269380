package themetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// buildDate is the day the sample site is judged by: late enough that one
// article ("Sleep and the brain", next review 2027-11-12) is overdue, so
// the overdue notice is checked too.
var buildDate = time.Date(2027, 12, 1, 12, 0, 0, 0, time.UTC)

// repoRoot is the repository root, the sample site; public is the sample
// site built by TestMain.
var repoRoot, public string

// pageKind is one page of one kind of the sample site.
type pageKind struct {
	// Kind names the page in failures.
	Kind string
	// Path is the address on the test server.
	Path string
	// File is the page's file under public/.
	File string
	// Ready, when set, is a JavaScript condition that holds once the
	// page's scripts have drawn it (search results).
	Ready string
}

// pageKinds are the pages every theme check covers: one of every kind.
var pageKinds = []pageKind{
	{"index", "/", "index.html", ""},
	{"article", "/articles/serotonin/", "articles/serotonin/index.html", ""},
	{"article (review overdue)", "/articles/sleep-and-the-brain/", "articles/sleep-and-the-brain/index.html", ""},
	// The article with a video: its player waits for consent behind a
	// placeholder (the serotonin article has an SVG figure, the sleep
	// article a raster chart with WebP variants).
	{"article (video)", "/articles/antidepressants/", "articles/antidepressants/index.html", ""},
	{"glossary", "/glossary/", "glossary/index.html", ""},
	{"term", "/glossary/reuptake/", "glossary/reuptake/index.html", ""},
	{"topics", "/tags/", "tags/index.html", ""},
	{"tag", "/tags/mood/", "tags/mood/index.html", ""},
	{"page", "/about/", "about/index.html", ""},
	{"search", "/search/?q=serotonin", "search/index.html", `document.querySelectorAll("[data-search-list] li").length > 0`},
	{"cookies", "/cookies/", "cookies/index.html", ""},
	{"404", "/no-such-page/", "404.html", ""},
	// The same theme in Spanish, with the language switcher, and the page
	// it leads to when an article has no translation.
	{"article (Spanish)", "/es/articles/serotonin/", "es/articles/serotonin/index.html", ""},
	{"search (Spanish)", "/es/search/?q=serotonina", "es/search/index.html", `document.querySelectorAll("[data-search-list] li").length > 0`},
	{"cookies (Spanish)", "/es/cookies/", "es/cookies/index.html", ""},
	{"untranslated", "/es/untranslated/", "es/untranslated/index.html", ""},
	// The building blocks of Markdown: every callout kind, wide tables.
	{"page (building blocks)", "/" + blocksSlug + "/", blocksSlug + "/index.html", ""},
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	repoRoot, err = findRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "themetest:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "handout-themetest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "themetest:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	public = filepath.Join(tmp, "public")
	if err := buildSample(public); err != nil {
		fmt.Fprintln(os.Stderr, "themetest: building the sample site:", err)
		return 1
	}
	defer func() {
		if browser.cancel != nil {
			browser.cancel()
		}
	}()
	return m.Run()
}

// findRoot walks up from the package folder to the folder with go.mod.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// buildSample builds the sample site, with the page of building blocks
// added (blocksFile), into dir. The site is copied first (its
// site.yaml, content/ and static/, with its logo and icon; its theme is
// the one the test binary embeds), so that the page never joins the
// sample library.
func buildSample(dir string) error {
	copied := filepath.Join(filepath.Dir(dir), "site")
	for _, name := range []string{"site.yaml", "content", "static"} {
		if err := copySite(filepath.Join(repoRoot, name), filepath.Join(copied, name)); err != nil {
			return err
		}
	}
	if err := copySite(filepath.Join(repoRoot, filepath.FromSlash(blocksFile)), filepath.Join(copied, "content", "pages", blocksSlug+".md")); err != nil {
		return err
	}
	out, err := output.NewDir(dir)
	if err != nil {
		return err
	}
	res, err := site.Build(os.DirFS(copied), site.Options{Writer: out, Now: buildDate})
	if err != nil {
		_ = out.Abort()
		return fmt.Errorf("%w\n%s", err, res.Diagnostics)
	}
	return out.Commit()
}

// copySite copies a file or a folder of the sample site.
func copySite(from, to string) error {
	info, err := os.Stat(from)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return os.CopyFS(to, os.DirFS(from))
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// browser is the one Chromium that every test of the package opens tabs
// in: starting it is the slowest step of a browser test.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    error
}

// startBrowser starts the shared Chromium, with browsertest's settings.
func startBrowser(execPath string) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	browser.ctx = ctx
	browser.cancel = func() { cancelCtx(); cancelAlloc() }
	browser.err = chromedp.Do(ctx)
}

// newTab opens a tab for one test in a browser context of its own (its
// own cookies and storage: every test is a first visit), closed when the
// test ends. The page acts as the focused window, as it would for a
// reader, so that focus events fire. Without Chromium the test is skipped,
// or fails under CI=true (browsertest.Require).
func newTab(t *testing.T, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	execPath := browsertest.Require(t)
	browser.once.Do(func() { startBrowser(execPath) })
	if browser.err != nil {
		t.Fatalf("starting Chromium: %v", browser.err)
	}
	tab, closeTab := chromedp.NewContext(browser.ctx, append(opts, chromedp.WithNewBrowserContext())...)
	if err := chromedp.Do(tab); err != nil {
		closeTab()
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, 2*browsertest.Timeout)
	t.Cleanup(func() {
		cancel()
		closeTab()
	})
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("emulating a focused page: %v", err)
	}
	return ctx
}

// serve serves the built sample site on 127.0.0.1 for one test.
func serve(t *testing.T) string {
	t.Helper()
	return browsertest.ServeDir(t, public)
}

// open navigates to url and waits until the page and its deferred scripts
// have run.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	browsertest.WaitFor(t, ctx, "the page has loaded", `document.readyState === "complete"`)
}

// openKind opens a page of the list and waits until it is drawn.
func openKind(t *testing.T, ctx context.Context, base string, p pageKind) {
	t.Helper()
	open(t, ctx, base+p.Path)
	if p.Ready != "" {
		browsertest.WaitFor(t, ctx, p.Kind+": the page is drawn", p.Ready)
	}
}

// emulateMedia sets the CSS media type ("" for screen, or "print") and
// prefers-color-scheme ("light" or "dark") of the tab.
func emulateMedia(t *testing.T, ctx context.Context, media, scheme string) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media:    media,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatalf("emulating media %q, %s: %v", media, scheme, err)
	}
}

// viewport sets the tab's viewport in CSS pixels.
func viewport(t *testing.T, ctx context.Context, width, height int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("viewport %dx%d: %v", width, height, err)
	}
}

// bannerShown is true when the cookie banner is on screen.
const bannerShown = `(() => { const b = document.querySelector("[data-consent-banner]"); return !!b && !b.hidden && b.getBoundingClientRect().height > 0; })()`

// requireTool returns the absolute path of a file under tools/a11y, or
// skips the test (fails it under CI=true) when it is not installed.
func requireTool(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(repoRoot, "tools", "a11y", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		msg := fmt.Sprintf("%s is missing: install the test tools with `npm ci --prefix tools/a11y --ignore-scripts`", p)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + " (required under CI=true)")
		}
		t.Skip(msg + "; under CI=true this fails")
	}
	return p
}
