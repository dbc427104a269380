// Package browsertest starts headless Chromium for tests that check what a
// patient or editor sees and clicks, and serves built sites to it on
// 127.0.0.1.
//
// Chromium is looked up as $CHROMIUM, then chromium, chromium-browser and
// google-chrome on the PATH. Where it is missing a test is skipped with a
// clear message, except under CI=true, where it fails: CI installs
// Chromium (.ci/run), so a missing browser there is a defect.
package browsertest

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Timeout bounds each browser test, so a hung page fails instead of
// hanging the suite.
const Timeout = 60 * time.Second

// StrictCSP is the Content-Security-Policy the theme is tested under (the
// consent package's browser tests serve pages with it): nothing but the
// site's own scripts, stylesheets, images, fonts and fetches, no frames.
// generator/hosting's tests hold it to be no looser than any policy the
// site's host is told to send, so a theme that works here works there.
const StrictCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; frame-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'; object-src 'none'"

// ExecPath returns the Chromium binary, or "" when there is none.
func ExecPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require skips the test when Chromium is missing, or fails it under
// CI=true.
func Require(t testing.TB) string {
	t.Helper()
	p := ExecPath()
	if p == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is required under CI=true but was not found: install it (apt-get install -y chromium) or set $CHROMIUM")
		}
		t.Skip("browser test skipped: Chromium not found (apt-get install -y chromium, or set $CHROMIUM); under CI=true this fails")
	}
	return p
}

// Option changes how the browser starts.
type Option func(*[]chromedp.ExecAllocatorOption, *[]chromedp.ContextOption)

// WithFlag passes a command-line flag to Chromium, such as
// "ignore-certificate-errors" for a test server's own certificate.
func WithFlag(name string, value any) Option {
	return func(a *[]chromedp.ExecAllocatorOption, _ *[]chromedp.ContextOption) {
		*a = append(*a, chromedp.Flag(name, value))
	}
}

// WithListener receives every event of the tab (requests, console, ...).
// The listener must return quickly and must not call chromedp.
func WithListener(fn func(ev any)) Option {
	return func(_ *[]chromedp.ExecAllocatorOption, c *[]chromedp.ContextOption) {
		*c = append(*c, chromedp.WithListener(fn))
	}
}

// New starts a fresh headless Chromium (own profile, no network but
// loopback in practice) and returns a context for one tab. Everything is
// closed when the test ends.
func New(t testing.TB, opts ...Option) context.Context {
	t.Helper()
	execPath := Require(t)
	allocOpts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	var ctxOpts []chromedp.ContextOption
	for _, o := range opts {
		o(&allocOpts, &ctxOpts)
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocOpts...)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx, ctxOpts...)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})
	// Start the browser now, with the long-lived context, so that later
	// actions may use shorter timeouts.
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return tabCtx
}

// Serve serves handler on a free port of 127.0.0.1 until the test ends and
// returns its address, such as "http://127.0.0.1:41234".
func Serve(t testing.TB, handler http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

// ServeDir serves a folder as a static host would: index.html for folders
// and 404.html for missing files.
func ServeDir(t testing.TB, dir string) string {
	t.Helper()
	return Serve(t, StaticHost(dir))
}

// StaticHost is an http.Handler that behaves like a static web host.
func StaticHost(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))); err != nil {
			if notFound, err := os.ReadFile(dir + "/404.html"); err == nil {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				_, _ = w.Write(notFound)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

// DisableScripts turns JavaScript off in the tab, as a reader who blocks
// scripts would have it. Run it before navigating.
func DisableScripts() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// Eval evaluates a JavaScript expression in the tab and fails the test on
// an error.
func Eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// WaitFor polls a JavaScript condition until it holds, or fails the test
// after five seconds. Errors are retried: a navigation may replace the
// page while it is polled.
func WaitFor(t testing.TB, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+js+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s (%s): %v", what, js, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
