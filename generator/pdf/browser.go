package pdf

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browser is a headless Chromium and the server of the built site it
// prints from.
type browser struct {
	ctx    context.Context // the browser's tab
	cancel func()
	server *http.Server
	// base is the site's base address on the server, ending in "/".
	base    string
	profile string
}

// startBrowser serves opts.Dir (and extra, when set, at the site's
// base path + rackPath) on 127.0.0.1 and starts Chromium.
func startBrowser(ctx context.Context, opts Options, extra http.Handler) (*browser, error) {
	exe := opts.Browser
	if exe == "" {
		var err error
		if exe, err = FindBrowser(); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(opts.BasePath, "/")
	mux := http.NewServeMux()
	mux.Handle(base+"/", http.StripPrefix(base, http.FileServer(http.Dir(opts.Dir))))
	if extra != nil {
		mux.Handle(base+"/"+rackPath, extra)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	profile, err := os.MkdirTemp("", "handout-chromium-")
	if err != nil {
		_ = srv.Close()
		return nil, err
	}
	allocOpts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-proxy-server", true),
		// The leaflets are the site's own pages: nothing but the server
		// of the built site is reached (a video's player, a script of
		// another host would only slow printing, or fail it).
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to start its sandbox as root (in a container,
		// in CI); what it loads is the site's own pages from 127.0.0.1.
		allocOpts = append(allocOpts, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocOpts...)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	b := &browser{ctx: tab, server: srv, base: "http://" + ln.Addr().String() + base + "/", profile: profile}
	b.cancel = func() { cancelTab(); cancelAlloc() }
	if err := chromedp.Do(tab); err != nil {
		b.close()
		return nil, fmt.Errorf("starting Chromium (%s): %w", exe, err)
	}
	return b, nil
}

// close stops Chromium and the server, and removes the profile.
func (b *browser) close() {
	b.cancel()
	_ = b.server.Close()
	_ = os.RemoveAll(b.profile)
}

// inBrowsers runs task for 0 to n-1 in as many Chromiums at once as
// opts.Workers says (one tab of one Chromium paints, and so prints, one
// page at a time: tabs of one browser side by side hang), started only
// when n > 0, and returns every error.
func inBrowsers(ctx context.Context, opts Options, n int, task func(b *browser, i int) error) error {
	if n == 0 {
		return nil
	}
	next := make(chan int)
	errs := make(chan error, n+workers(opts, n))
	var wg sync.WaitGroup
	for range workers(opts, n) {
		wg.Go(func() {
			b, err := startBrowser(ctx, opts, nil)
			if err != nil {
				errs <- err
				for range next {
				}
				return
			}
			defer b.close()
			for i := range next {
				errs <- task(b, i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// ready waits, in the page, for every picture (lazy ones too: paper has
// no scrolling to load them) and every font.
const ready = `new Promise(done => {
  const pictures = [...document.images];
  pictures.forEach(img => { img.loading = "eager"; });
  Promise.all(pictures.map(img => img.complete ? null : new Promise(r => { img.onload = img.onerror = r; })))
    .then(() => document.fonts.ready).then(() => done(true));
})`

// open loads a page of the site (a path under the base).
func (b *browser) open(pagePath string) error {
	ctx, cancel := context.WithTimeout(b.ctx, pageTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+strings.TrimPrefix(pagePath, "/"))); err != nil {
		return fmt.Errorf("opening %s: %w", pagePath, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](ready, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("loading the pictures of %s: %w", pagePath, err)
	}
	return nil
}

// print prints the open page on paper, in large print when large is
// set (which stays set on the page).
func (b *browser) print(paper string, large bool) ([]byte, error) {
	ctx, cancel := context.WithTimeout(b.ctx, pageTimeout)
	defer cancel()
	if large {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.classList.add("large-print"), true`)); err != nil {
			return nil, err
		}
	}
	size := papers[paper]
	return chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperSize{Width: size[0], Height: size[1]}),
		chromedp.PDFOutlineAndTagged(),
		pageNumbers(large),
	))
}

// pageNumbers puts "2 / 3" at the foot of every page, in the margin the
// theme's @page rule leaves, at 9 pt (18 pt in large print, where no
// text is smaller).
func pageNumbers(large bool) chromedp.PDFOption {
	size := "9pt"
	if large {
		size = "18pt"
	}
	footer := `<div style="width:100%;margin:0 16mm;font:` + size + ` sans-serif;text-align:right"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`
	return func(p *page.PrintToPDFParams) {
		chromedp.PDFHeaderTemplate("<span></span>")(p)
		chromedp.PDFFooterTemplate(footer)(p)
	}
}
