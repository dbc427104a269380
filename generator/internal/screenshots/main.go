// Command screenshots makes the pictures of the default theme that the
// README shows, so that they can be made again after the theme changes:
//
//	go run ./generator/internal/screenshots
//
// run from the repository root. It builds the sample site into a temporary
// folder, serves it on 127.0.0.1, opens an article in headless Chromium as
// a reader who has already answered the cookie banner, and writes
//
//	docs/screenshots/article-desktop.png  1280 pixels wide, light
//	docs/screenshots/article-phone.png    390 pixels wide (a phone), light
//	docs/screenshots/article-dark.png     1280 pixels wide, dark mode
//	docs/screenshots/article-print.png    the print stylesheet on A4 paper
//	docs/screenshots/callouts*.png        every kind of callout, in light and
//	                                      dark mode and printed
//	docs/screenshots/table-phone.png      a wide table on a phone
//	docs/screenshots/brand.png            the home page with the sample's
//	                                      brand, 1280x800 shown at half size
//	docs/screenshots/brand-default.png    the same without it: site.yaml's
//	                                      theme: and menu: taken out
//
// The callouts and the table are those of docs/examples/building-blocks.md,
// which is added to a copy of the site as the page /building-blocks/.
// The print preview is the article under print media, 210 mm wide with the
// theme's 16 mm margins: what the first sheet of a printout shows.
//
// For a look at any page while working on the theme, name it:
//
//	go run ./generator/internal/screenshots -page /glossary/ -width 320 -dark -o /tmp/x.png
//
// Flags: -page (default the sample article), -width and -height (CSS
// pixels), -dark, -print, -full (the whole page, not the first screen),
// -at (a CSS selector to scroll to), -clip (a CSS selector: the picture
// is the box around every element it matches), -banner (a first visit:
// the cookie banner open), -o (the one file to write; without it the README's four
// pictures are made), -s (the site, default "."). Chromium is $CHROMIUM,
// or chromium on the PATH.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// shot is one picture to take.
type shot struct {
	page          string
	width, height int64
	dark, print   bool
	full, banner  bool
	at, clip      string
	// plain takes the picture on the site built without its brand
	// (unbrandedYAML); scale, when set, shrinks the first screen by it.
	plain bool
	scale float64
	file  string
}

// readme are the pictures the README shows.
func readme(dir string) []shot {
	const article = "/articles/serotonin/"
	return []shot{
		{page: article, width: 1280, height: 1000, file: filepath.Join(dir, "article-desktop.png")},
		{page: article, width: 390, height: 844, file: filepath.Join(dir, "article-phone.png")},
		{page: article, width: 1280, height: 1000, dark: true, file: filepath.Join(dir, "article-dark.png")},
		// 210 mm at 96 pixels an inch is 794 pixels; 297 mm is 1123.
		{page: article, width: 794, height: 1123, print: true, file: filepath.Join(dir, "article-print.png")},
		// The Spanish translation on a phone, with the banner of a first
		// visit in Spanish.
		{page: "/es" + article, width: 390, height: 844, banner: true, file: filepath.Join(dir, "article-es-phone.png")},
		// The building blocks: the callouts at the article's width, and
		// the wide table on a phone.
		{page: "/" + blocksSlug + "/", width: 760, height: 900, clip: ".lede > .callout", file: filepath.Join(dir, "callouts.png")},
		{page: "/" + blocksSlug + "/", width: 760, height: 900, clip: ".lede > .callout", dark: true, file: filepath.Join(dir, "callouts-dark.png")},
		{page: "/" + blocksSlug + "/", width: 794, height: 1123, clip: ".lede > .callout", print: true, file: filepath.Join(dir, "callouts-print.png")},
		{page: "/" + blocksSlug + "/", width: 390, height: 844, clip: ".table-scroll", file: filepath.Join(dir, "table-phone.png")},
		// The clinic's brand beside the default theme, at half size.
		{page: "/", width: 1280, height: 800, scale: 0.5, file: filepath.Join(dir, "brand.png")},
		{page: "/", width: 1280, height: 800, scale: 0.5, plain: true, file: filepath.Join(dir, "brand-default.png")},
	}
}

// unbrandedYAML is a site.yaml without its brand: its top-level theme:
// and menu: blocks taken out.
func unbrandedYAML(data string) string {
	return regexp.MustCompile(`(?m)^(theme|menu):\n(?:[ #].*\n|\n)*`).ReplaceAllString(data, "")
}

// blocksFile is the page of building blocks, added to a copy of the site
// under blocksSlug.
const (
	blocksFile = "docs/examples/building-blocks.md"
	blocksSlug = "building-blocks"
)

func main() {
	var s shot
	site := flag.String("s", ".", "the site to build")
	flag.StringVar(&s.page, "page", "/articles/serotonin/", "the page's `address` on the site")
	flag.Int64Var(&s.width, "width", 1280, "viewport width in CSS `pixels`")
	flag.Int64Var(&s.height, "height", 1000, "viewport height in CSS `pixels`")
	flag.BoolVar(&s.dark, "dark", false, "prefer a dark colour scheme")
	flag.BoolVar(&s.print, "print", false, "use the print stylesheet")
	flag.BoolVar(&s.full, "full", false, "capture the whole page")
	flag.BoolVar(&s.banner, "banner", false, "a first visit: leave the cookie banner open")
	flag.StringVar(&s.at, "at", "", "scroll the element this CSS `selector` matches to the top first")
	flag.StringVar(&s.clip, "clip", "", "capture the box around the elements this CSS `selector` matches")
	flag.StringVar(&s.file, "o", "", "write one picture to this `file` instead of the README's")
	flag.Parse()

	shots := readme(filepath.Join(*site, "docs", "screenshots"))
	if s.file != "" {
		shots = []shot{s}
	}
	if err := run(*site, shots); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(siteDir string, shots []shot) error {
	tmp, err := os.MkdirTemp("", "handout-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bases := map[bool]string{}
	for _, plain := range []bool{false, true} {
		public := filepath.Join(tmp, fmt.Sprint("public-", plain))
		if err := build(siteDir, filepath.Join(tmp, fmt.Sprint("site-", plain)), public, plain); err != nil {
			return err
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: staticHost(public), ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		defer srv.Close()
		bases[plain] = "http://" + ln.Addr().String()
	}

	execPath := os.Getenv("CHROMIUM")
	if execPath == "" {
		if execPath, err = exec.LookPath("chromium"); err != nil {
			return errors.New("no Chromium found: install it (apt-get install -y chromium) or set $CHROMIUM")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("hide-scrollbars", true),
	)...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("starting Chromium: %w", err)
	}
	for _, s := range shots {
		if err := take(browser, bases[s.plain], s); err != nil {
			return fmt.Errorf("%s: %w", s.file, err)
		}
		fmt.Println("wrote", s.file)
	}
	return nil
}

// build builds the site, with the page of building blocks and, when plain
// is set, without its brand, into public; dir is the copy's folder.
func build(siteDir, dir, public string, plain bool) error {
	copied, err := withBlocks(siteDir, dir, plain)
	if err != nil {
		return err
	}
	out, err := output.NewDir(public)
	if err != nil {
		return err
	}
	if res, err := site.Build(os.DirFS(copied), site.Options{Writer: out}); err != nil {
		_ = out.Abort()
		return fmt.Errorf("building %s: %w\n%s", siteDir, err, res.Diagnostics)
	}
	return out.Commit()
}

// withBlocks copies the site into dir with the page of building blocks
// added (and with plain, without its brand), and returns dir; a site
// without the page is used as it is.
func withBlocks(site, dir string, plain bool) (string, error) {
	page, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(blocksFile)))
	if errors.Is(err, os.ErrNotExist) {
		return site, nil
	}
	if err != nil {
		return "", err
	}
	for _, name := range content.SourceFolders {
		from := filepath.Join(site, name)
		if _, err := os.Stat(from); errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(from)); err != nil {
			return "", err
		}
	}
	config, err := os.ReadFile(filepath.Join(site, "site.yaml"))
	if err != nil {
		return "", err
	}
	if plain {
		config = []byte(unbrandedYAML(string(config)))
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), config, 0o644); err != nil {
		return "", err
	}
	pages := filepath.Join(dir, "content", "pages")
	if err := os.MkdirAll(pages, 0o755); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(pages, blocksSlug+".md"), page, 0o644)
}

// staticHost serves dir as a static host does: 404.html for a missing file.
func staticHost(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))); err != nil {
			if page, err := os.ReadFile(filepath.Join(dir, "404.html")); err == nil {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				_, _ = w.Write(page)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// take makes one picture in a fresh tab with its own cookies.
func take(browser context.Context, base string, s shot) error {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	scheme := "light"
	if s.dark {
		scheme = "dark"
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(s.width, s.height),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
	); err != nil {
		return err
	}
	if !s.banner {
		// Answer the banner on the home page, as a returning reader has.
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
			return err
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const b = document.querySelector("[data-consent-banner] [data-consent-reject]"); if (b) b.click(); })()`)); err != nil {
			return err
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+s.page), chromedp.Sleep(300*time.Millisecond)); err != nil {
		return err
	}
	if s.print {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			return err
		}
		// The paper's margins, which print media emulation leaves out.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.body.style.margin = "16mm"`)); err != nil {
			return err
		}
	}
	if s.at != "" {
		js := fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "start", behavior: "instant"})`, s.at)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](js)); err != nil {
			return err
		}
	}
	var png []byte
	var err error
	switch {
	case s.clip != "":
		png, err = clipShot(ctx, s.clip)
	case s.full:
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	case s.scale != 0:
		var res page.CaptureScreenshotResult
		res, err = chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Clip: &page.Viewport{Width: float64(s.width), Height: float64(s.height), Scale: s.scale}})
		png = res.Data
	default:
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(s.file, png, 0o644)
}

// clipBox is the box, in page coordinates and with a margin, around every
// element a selector matches.
const clipBox = `(sel => {
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    top = Math.min(top, r.top + scrollY); left = Math.min(left, r.left + scrollX);
    bottom = Math.max(bottom, r.bottom + scrollY); right = Math.max(right, r.right + scrollX);
  }
  const m = 12;
  return top === Infinity ? null : {x: Math.max(0, left - m), y: Math.max(0, top - m), width: right - left + 2 * m, height: bottom - top + 2 * m, scale: 1};
})`

// clipShot captures the box around the elements sel matches.
func clipShot(ctx context.Context, sel string) ([]byte, error) {
	box, err := chromedp.Run(ctx, chromedp.Evaluate[*page.Viewport](fmt.Sprintf("%s(%q)", clipBox, sel)))
	if err != nil {
		return nil, err
	}
	if box == nil {
		return nil, fmt.Errorf("nothing matches %s", sel)
	}
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Clip: box, CaptureBeyondViewport: new(true)})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}
