package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/handout-health/handout/generator/output"
)

// hostRequest sends GET target to the server at base with the Host header
// host (and Origin origin, when not empty) and returns the status.
func hostRequest(t *testing.T, base, target, host, origin string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", base+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	// An event stream never ends: read only its first line.
	line, _ := bufio.NewReader(resp.Body).ReadString('\n')
	return resp.StatusCode, line
}

// TestHostRefused proves that a page whose name was rebound to this
// machine (DNS rebinding) cannot read the preview: every route answers
// only the address the server listens on, with its port.
func TestHostRefused(t *testing.T) {
	_, base := testServer(t)
	port := base[strings.LastIndex(base, ":")+1:]
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST:" + port, 200},
		{"[::1]:" + port, 200},
		{"evil.example", 403},
		{"evil.example:" + port, 403},
		{"127.0.0.1.evil.example:" + port, 403},
		{"localhost.evil.example:" + port, 403},
		{"localhost.:" + port, 403},
		{"0.0.0.0:" + port, 403},
		{"127.0.0.1:1", 403},
		{"127.0.0.1", 403},
		{"localhost:" + port + "0", 403},
		{"[::1]:1", 403},
		{"[2001:db8::1]:" + port, 403},
		{"[::ffff:7f00:1]:" + port, 200},
	}
	for _, route := range []string{"/library/", "/library/articles/sleep/", "/library/feed.xml", "/__handout/reload.js", "/__handout/events", "/library/nope/"} {
		for _, tt := range tests {
			want := tt.want
			if want == 200 && route == "/library/nope/" {
				want = 404
			}
			if got, body := hostRequest(t, base, route, tt.host, ""); got != want {
				t.Errorf("GET %s with Host %q = %d %q, want %d", route, tt.host, got, body, want)
			}
		}
	}
	_, body := hostRequest(t, base, "/library/", "evil.example", "")
	if !strings.Contains(body, "http://127.0.0.1:"+port+"/") {
		t.Errorf("the refusal does not say where the preview answers: %q", body)
	}
}

// TestMissingHostRefused sends an HTTP/1.0 request without a Host header,
// which Go's server lets through.
func TestMissingHostRefused(t *testing.T) {
	_, base := testServer(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprint(conn, "GET /library/ HTTP/1.0\r\n\r\n")
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(status, " 403 ") {
		t.Errorf("a request without Host got %q, want 403", status)
	}
}

// TestForeignOriginRefused proves that another site's page cannot open
// the event stream (or fetch a page) with the preview's own Host.
func TestForeignOriginRefused(t *testing.T) {
	_, base := testServer(t)
	host := strings.TrimPrefix(base, "http://")
	for _, tt := range []struct {
		origin string
		want   int
	}{
		{"http://" + host, 200},
		{"https://" + host, 403},
		{"http://evil.example", 403},
		{"http://evil.example:" + host[strings.LastIndex(host, ":")+1:], 403},
		{"null", 403},
	} {
		for _, route := range []string{"/__handout/events", "/library/"} {
			if got, body := hostRequest(t, base, route, host, tt.origin); got != tt.want {
				t.Errorf("GET %s with Origin %q = %d %q, want %d", route, tt.origin, got, body, tt.want)
			}
		}
	}
}

// TestHostNamedByBind proves that a name given with --bind is answered,
// and others still are not.
func TestHostNamedByBind(t *testing.T) {
	srv := New(output.NewMemory(), "/")
	srv.AllowHost("Preview.Clinic.Example")
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	port := ts.URL[strings.LastIndex(ts.URL, ":")+1:]
	for host, want := range map[string]int{
		"preview.clinic.example:" + port: 404, // answered: the build is empty
		"evil.example:" + port:           403,
		"preview.clinic.example:1":       403,
	} {
		if got, _ := hostRequest(t, ts.URL, "/", host, ""); got != want {
			t.Errorf("Host %q = %d, want %d", host, got, want)
		}
	}
}

// TestBindEverywhereWarns runs the preview on every interface: it warns
// that the network can read it, and announces addresses a browser can
// open, never 0.0.0.0 or [::].
func TestBindEverywhereWarns(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "site.yaml", "title: Preview test\n")
	writeFile(t, root, "content/articles/sleep.md", article("Text."))
	for _, bind := range []string{"0.0.0.0", "::", ""} {
		t.Run(fmt.Sprintf("%q", bind), func(t *testing.T) {
			var log strings.Builder
			ctx, cancel := context.WithCancel(context.Background())
			ready := make(chan string, 1)
			done := make(chan error, 1)
			go func() {
				done <- Run(ctx, Options{SiteDir: root, Bind: bind, Port: 0, Log: &log, Ready: func(addr string) { ready <- addr }})
			}()
			var addr string
			select {
			case addr = <-ready:
			case err := <-done:
				t.Fatalf("serve stopped: %v", err)
			case <-time.After(20 * time.Second):
				t.Fatal("serve did not start")
			}
			resp, err := http.Get("http://" + addr)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve stopped with %v", err)
			}
			out := log.String()
			if resp.StatusCode != 200 {
				t.Errorf("the announced address %s answered %s", addr, resp.Status)
			}
			if !strings.Contains(out, "Warning:") || !strings.Contains(out, "every network") {
				t.Errorf("no warning that the network can read the preview:\n%s", out)
			}
			if strings.Contains(out, "0.0.0.0") || strings.Contains(out, "[::]") {
				t.Errorf("the log names an address no browser can open:\n%s", out)
			}
			if !strings.Contains(out, "at http://"+addr+"\n") {
				t.Errorf("the log does not announce %s:\n%s", addr, out)
			}
			if !strings.Contains(out, "On other devices: http://") {
				t.Errorf("the log does not say how other devices reach the preview:\n%s", out)
			}
		})
	}
}

// TestLoopbackDoesNotWarn: the default address keeps the preview on this
// computer, so nothing is said about the network.
func TestLoopbackDoesNotWarn(t *testing.T) {
	for bind, addr := range map[string]*net.TCPAddr{
		"127.0.0.1": {IP: net.IPv4(127, 0, 0, 1), Port: 1313},
		"localhost": {IP: net.IPv4(127, 0, 0, 1), Port: 1313},
		"::1":       {IP: net.IPv6loopback, Port: 1313},
	} {
		where := exposureOf(bind, addr)
		if where.warning != "" || len(where.others) > 0 {
			t.Errorf("--bind %s: %+v, want no warning and no other devices", bind, where)
		}
		if where.here != addr.String() {
			t.Errorf("--bind %s announces %q, want %q", bind, where.here, addr.String())
		}
	}
}

// TestBindAddressWarns: one network address of this computer, or a name,
// also opens the preview to that network.
func TestBindAddressWarns(t *testing.T) {
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 1313}
	for bind, here := range map[string]string{
		"192.168.1.5":     "192.168.1.5:1313",
		"clinic-pc.local": "clinic-pc.local:1313",
	} {
		where := exposureOf(bind, lan)
		if !strings.Contains(where.warning, "open to the network of 192.168.1.5") {
			t.Errorf("--bind %s: warning %q", bind, where.warning)
		}
		if where.here != here {
			t.Errorf("--bind %s announces %q, want %q", bind, where.here, here)
		}
	}
}
