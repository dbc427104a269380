package serve

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/hosting"
	"github.com/handout-health/handout/generator/output"
)

func testServer(t *testing.T) (*Server, string) {
	t.Helper()
	mem := output.NewMemory()
	for name, data := range map[string]string{
		"index.html":                "<html><body><p>home</p></body></html>",
		"articles/sleep/index.html": "<html><body><p>sleep</p></body></html>",
		"404.html":                  "<html><body><p>not found</p></body></html>",
		"assets/style.abc.css":      "body{}",
		"feed.xml":                  "<feed/>",
	} {
		if err := mem.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	srv := New(mem, "/library/")
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return srv, ts.URL
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	_, _ = bufio.NewReader(resp.Body).WriteTo(&b)
	return resp.StatusCode, b.String(), resp.Header
}

func TestServe(t *testing.T) {
	_, base := testServer(t)
	tests := []struct {
		path   string
		status int
		body   string
	}{
		{"/library/", 200, "<p>home</p>"},
		{"/library/articles/sleep/", 200, "<p>sleep</p>"},
		{"/library/articles/sleep", 301, ""},
		{"/library/nope/", 404, "<p>not found</p>"},
		{"/library/assets/style.abc.css", 200, "body{}"},
		{"/library", 200, "<p>home</p>"},
		{"/elsewhere/", 404, ""},
		{"/__handout/reload.js", 200, "EventSource"},
		{"/__handout/idiomorph.js", 200, "Idiomorph"},
	}
	for _, tt := range tests {
		status, body, _ := get(t, base+tt.path)
		if status != tt.status || !strings.Contains(body, tt.body) {
			t.Errorf("GET %s = %d %q, want %d with %q", tt.path, status, body, tt.status, tt.body)
		}
	}
	_, page, _ := get(t, base+"/library/")
	if !strings.Contains(page, `<script src="/__handout/idiomorph.js" defer></script><script src="/__handout/reload.js" defer></script>`+"\n</body>") {
		t.Errorf("the reload script was not injected before </body>: %q", page)
	}
	_, css, _ := get(t, base+"/library/assets/style.abc.css")
	if strings.Contains(css, "reload.js") {
		t.Error("the reload script was injected into CSS")
	}
}

// TestTraversalRefused sends requests that try to leave the output folder,
// raw so that no client cleans them first.
func TestTraversalRefused(t *testing.T) {
	srv, _ := testServer(t)
	for _, target := range []string{
		"/library/../etc/passwd",
		"/../../etc/passwd",
		"/library/%2e%2e/%2e%2e/etc/passwd",
		"/library/%2E%2E/secret",
		"/library/articles/..%2f..%2fetc/passwd",
		"/library/a\\..\\b",
	} {
		req := httptest.NewRequest("GET", "http://127.0.0.1:1313"+strings.Replace(target, "\\", "%5c", -1), nil)
		// As a real connection to 127.0.0.1:1313 would have it.
		req = req.WithContext(context.WithValue(req.Context(), http.LocalAddrContextKey, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}))
		req.URL.Path = strings.Replace(req.URL.Path, "%5c", "\\", -1)
		if strings.Contains(target, "..") && !strings.Contains(target, "%") {
			req.URL.Path = target
			req.URL.RawPath = ""
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s = %d, want 400", target, rec.Code)
		}
	}
}

func TestEvents(t *testing.T) {
	srv, base := testServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/__handout/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	next := func() string {
		var ev []string
		for lines.Scan() {
			line := lines.Text()
			if line == "" && len(ev) > 0 {
				return strings.Join(ev, "|")
			}
			if line != "" && !strings.HasPrefix(line, ":") {
				ev = append(ev, line)
			}
		}
		t.Fatal("stream ended")
		return ""
	}
	for srv.Clients() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	srv.Fail([]string{"content/articles/a.md:3:1: broken"})
	if got := next(); got != `event: errors|data: ["content/articles/a.md:3:1: broken"]` {
		t.Errorf("got %q", got)
	}
	srv.Reload()
	if got := next(); got != "event: ok|data: " {
		t.Errorf("after a failure a good build first sends ok, got %q", got)
	}
	if got := next(); got != "event: reload|data: " {
		t.Errorf("got %q", got)
	}
	srv.ReloadCSS("/library/assets/style.def.css")
	if got := next(); got != "event: css|data: /library/assets/style.def.css" {
		t.Errorf("got %q", got)
	}
	cancel()
	deadline := time.Now().Add(2 * time.Second)
	for srv.Clients() != 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if srv.Clients() != 0 {
		t.Error("a closed stream was not removed")
	}
}

func TestBusyPortFallsBack(t *testing.T) {
	busy, err := listen("127.0.0.1", 0, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	var log strings.Builder
	ln, err := listen("127.0.0.1", port, &log)
	if err != nil {
		t.Fatalf("no free port after %d: %v", port, err)
	}
	defer ln.Close()
	if got := ln.Addr().(*net.TCPAddr).Port; got == port {
		t.Errorf("listened on the busy port %d", port)
	}
	if !strings.Contains(log.String(), "is busy; using") {
		t.Errorf("the new port was not announced: %q", log.String())
	}
}

func TestCloseEndsStreams(t *testing.T) {
	srv, base := testServer(t)
	resp, err := http.Get(base + "/__handout/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	for srv.Clients() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	start := time.Now()
	srv.Close()
	if _, err := io.ReadAll(resp.Body); err != nil {
		t.Fatal(err)
	}
	if srv.Clients() != 0 {
		t.Error("a stream is still open after Close")
	}
	t.Logf("stream ended %v after Close", time.Since(start))
}

// TestServeSendsTheSiteHeaders: the preview sends each file with the
// headers the build's _headers gives its path, the site's own lines
// included, as Netlify and Cloudflare Pages would: the security headers
// with every answer, Cache-Control from the file for a file found, and
// "no-cache" otherwise, with an ETag that makes an unchanged page a 304.
// The server's own script keeps its headers.
func TestServeSendsTheSiteHeaders(t *testing.T) {
	srv, base := testServer(t)
	cfg, list := config.Parse([]byte("title: A clinic\nbase_url: https://clinic.example/library/\n"))
	if list.HasErrors() {
		t.Fatal(list)
	}
	rules := hosting.For(cfg, hosting.Options{})
	file, _, _ := rules.MergeHeaders([]byte("/library/articles/*\n  X-Frame-Options: DENY\n"))
	if err := srv.out.WriteFile("_headers", file); err != nil {
		t.Fatal(err)
	}
	policy := hosting.ContentSecurityPolicy(cfg, hosting.Options{})
	for _, tc := range []struct {
		path                     string
		status                   int
		csp, cache, frameOptions string
	}{
		{"/library/", 200, policy, "no-cache", ""},
		{"/library/articles/sleep/", 200, policy, "no-cache", "DENY"},
		{"/library/articles/sleep", 301, policy, "no-cache", "DENY"},
		{"/library/assets/style.abc.css", 200, policy, hosting.Immutable, ""},
		{"/library/assets/style.gone.css", 404, policy, "no-cache", ""},
		{"/library/feed.xml", 200, policy, "no-cache", ""},
		{"/__handout/reload.js", 200, "", "no-store", ""},
	} {
		status, _, h := get(t, base+tc.path)
		if status != tc.status || h.Get("Content-Security-Policy") != tc.csp || h.Get("Cache-Control") != tc.cache || h.Get("X-Frame-Options") != tc.frameOptions {
			t.Errorf("GET %s = %d, policy %q, Cache-Control %q, X-Frame-Options %q; want %d, %q, %q, %q", tc.path, status, h.Get("Content-Security-Policy"), h.Get("Cache-Control"), h.Get("X-Frame-Options"), tc.status, tc.csp, tc.cache, tc.frameOptions)
		}
		if tc.csp != "" && h.Get("Referrer-Policy") != "strict-origin-when-cross-origin" {
			t.Errorf("GET %s: Referrer-Policy %q", tc.path, h.Get("Referrer-Policy"))
		}
	}

	_, _, h := get(t, base+"/library/")
	req, _ := http.NewRequest("GET", base+"/library/", nil)
	req.Header.Set("If-None-Match", h.Get("ETag"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if h.Get("ETag") == "" || resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidating the home page with its ETag %q: %d, want 304", h.Get("ETag"), resp.StatusCode)
	}
	if err := srv.out.WriteFile("index.html", []byte("<html><body><p>home, edited</p></body></html>")); err != nil {
		t.Fatal(err)
	}
	if resp, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("revalidating an edited page with the old ETag: %d, want 200", resp.StatusCode)
	}
}

// TestServeSendsCompressedText: a text file the build holds compressed
// goes out gzip-encoded to a browser that accepts it, and plain to one
// that does not; a page is always plain, with the reload script.
func TestServeSendsCompressedText(t *testing.T) {
	srv, base := testServer(t)
	style := strings.Repeat("p { margin: 0 0 1rem; }\n", 100)
	if err := srv.out.WriteFile("assets/big.css", []byte(style)); err != nil {
		t.Fatal(err)
	}
	page := "<html><body>" + strings.Repeat("<p>Sleep helps.</p>", 100) + "</body></html>"
	if err := srv.out.WriteFile("big/index.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	fetch := func(path, accept string) (body string, encoding string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		// Set by hand, the header leaves the answer as sent.
		req.Header.Set("Accept-Encoding", accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return string(data), resp.Header.Get("Content-Encoding")
	}
	body, enc := fetch("/library/assets/big.css", "gzip, deflate, br")
	if enc != "gzip" {
		t.Fatalf("a stylesheet went out with Content-Encoding %q, want gzip", enc)
	}
	zr, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(zr); string(plain) != style {
		t.Error("the gzip-encoded stylesheet is not the one written")
	}
	for _, accept := range []string{"identity", "gzip;q=0"} {
		if body, enc := fetch("/library/assets/big.css", accept); enc != "" || body != style {
			t.Errorf("Accept-Encoding %q: got Content-Encoding %q and %d bytes, want the plain stylesheet", accept, enc, len(body))
		}
	}
	if body, enc := fetch("/library/big/", "gzip"); enc != "" || !strings.Contains(body, "<p>Sleep helps.</p>") || !strings.Contains(body, "reload.js") {
		t.Errorf("a page went out with Content-Encoding %q: %.80q", enc, body)
	}
}
