package robustness

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/handout-health/handout/generator/serve"
)

const (
	streams  = 500   // open live-reload connections
	requests = 8_000 // page requests, in all
	workers  = 16    // goroutines sending them
	edits    = 20    // saves of an article while the load runs
)

// heapInUse returns the heap in use after a full collection.
func heapInUse() uint64 {
	var m runtime.MemStats
	for range 2 {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// TestServeUnderLoad runs the preview server of a real site, opens 500
// live-reload streams and sends 8,000 page requests from 16 goroutines
// while an article is saved 20 times. Every request must succeed, every
// stream must see a reload; once the streams are closed the server's heap
// must be back within 16 MB of where it started and its goroutines gone;
// cancelling the context stops it within five seconds.
func TestServeUnderLoad(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, baseSite())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	stopped := make(chan error, 1)
	go func() {
		stopped <- serve.Run(ctx, serve.Options{SiteDir: dir, Bind: "127.0.0.1", Port: 0, Log: io.Discard, Ready: func(addr string) { ready <- addr }})
	}()
	var base string
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-stopped:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(time.Minute):
		t.Fatal("serve did not start within a minute")
	}
	pages := []string{"", "articles/sleep/", "articles/mood/", "glossary/", "glossary/serotonin/", "tags/wellbeing/", "about/", "search/", "sitemap.xml", "feed.xml"}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	get := func(path string) error {
		resp, err := client.Get(base + path)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", path, resp.Status)
		}
		return nil
	}
	for _, p := range pages { // warm up: every page is there
		if err := get(p); err != nil {
			t.Fatal(err)
		}
	}
	client.CloseIdleConnections()
	heapBefore, goroutinesBefore := heapInUse(), runtime.NumGoroutine()

	// The streams, each counting the reloads it is told of.
	streamCtx, closeStreams := context.WithCancel(ctx)
	streamClient := &http.Client{Transport: &http.Transport{}}
	var opened, reloaded sync.WaitGroup
	var streamErrors atomic.Int64
	var firstStreamError atomic.Value
	opened.Add(streams)
	reloaded.Add(streams)
	var readers sync.WaitGroup
	for range streams {
		readers.Add(1)
		go func() {
			defer readers.Done()
			sawReload := false
			defer func() {
				if !sawReload {
					reloaded.Done()
				}
			}()
			req, _ := http.NewRequestWithContext(streamCtx, "GET", base+serve.Prefix+"events", nil)
			resp, err := streamClient.Do(req)
			if err != nil {
				streamErrors.Add(1)
				firstStreamError.CompareAndSwap(nil, err.Error())
				opened.Done()
				return
			}
			defer resp.Body.Close()
			opened.Done()
			scanner := bufio.NewScanner(resp.Body)
			for scanner.Scan() {
				if scanner.Text() == "event: reload" && !sawReload {
					sawReload = true
					reloaded.Done()
				}
			}
		}()
	}
	opened.Wait()
	if n := streamErrors.Load(); n > 0 {
		t.Fatalf("%d streams failed to open: %v", n, firstStreamError.Load())
	}

	// The edits, while the requests run.
	editsDone := make(chan struct{})
	go func() {
		defer close(editsDone)
		for i := range edits {
			writeTree(t, dir, map[string]string{"content/articles/mood.md": strings.Replace(baseSite()["content/articles/mood.md"], "Mood changes", fmt.Sprintf("Edit %d: mood changes", i), 1)})
			time.Sleep(150 * time.Millisecond)
		}
	}()
	var failures atomic.Int64
	var firstFailure atomic.Value
	var sent sync.WaitGroup
	start := time.Now()
	for w := range workers {
		sent.Add(1)
		go func() {
			defer sent.Done()
			for i := range requests / workers {
				if err := get(pages[(w+i)%len(pages)]); err != nil {
					failures.Add(1)
					firstFailure.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}
	sent.Wait()
	took := time.Since(start)
	<-editsDone
	if n := failures.Load(); n > 0 {
		t.Errorf("%d of %d requests failed; the first: %v", n, requests, firstFailure.Load())
	}
	waitOrFail(t, &reloaded, time.Minute, "every stream to see a reload")
	var peak runtime.MemStats
	runtime.ReadMemStats(&peak)
	closeStreams()
	readers.Wait()
	client.CloseIdleConnections()
	streamClient.CloseIdleConnections()

	// The server notices closed streams asynchronously: give it a moment.
	deadline := time.Now().Add(30 * time.Second)
	for runtime.NumGoroutine() > goroutinesBefore+10 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	heapAfter := heapInUse()
	t.Logf("%d requests in %v (%.0f/s) with %d streams open and %d edits; heap in use %.1f MB before, %.1f MB at peak, %.1f MB after; goroutines %d before, %d after",
		requests, took.Round(time.Millisecond), float64(requests)/took.Seconds(), streams, edits,
		mb(heapBefore), mb(peak.HeapInuse), mb(heapAfter), goroutinesBefore, runtime.NumGoroutine())
	if g := runtime.NumGoroutine(); g > goroutinesBefore+10 {
		t.Errorf("%d goroutines left, %d before the load", g, goroutinesBefore)
	}
	const slack = 16 << 20
	if heapAfter > heapBefore+slack {
		t.Errorf("heap in use %.1f MB after the load, %.1f MB before: more than 16 MB was kept", mb(heapAfter), mb(heapBefore))
	}
	cancel()
	select {
	case err := <-stopped:
		if err != nil {
			t.Errorf("serve stopped with %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("serve did not stop within five seconds of its context ending")
	}
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

func waitOrFail(t *testing.T, wg *sync.WaitGroup, limit time.Duration, what string) {
	t.Helper()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("timed out waiting for %s", what)
	}
}

var servingLine = regexp.MustCompile(`Serving .* at (http://\S+)`)

// servedBinary is a running `handout serve`.
type servedBinary struct {
	cmd *exec.Cmd
	// lines is standard output, line by line, after the Serving line.
	lines chan string
	// out is standard output up to and with the Serving line (and, when
	// they were read, the lines after it).
	out    []string
	stderr *strings.Builder
	// url is the announced address.
	url string
}

// startServe runs `handout serve` on a copy of the base site and waits
// until it announces its address; the process is killed when the test
// ends.
func startServe(t *testing.T, args ...string) *servedBinary {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, baseSite())
	s := &servedBinary{cmd: exec.Command(handoutBinary(t), append([]string{"serve", "-s", dir, "--port", "0"}, args...)...), stderr: &strings.Builder{}}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.cmd.Stderr = s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.cmd.Process.Kill() })
	s.lines = make(chan string, 100)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			s.lines <- scanner.Text()
		}
		close(s.lines)
	}()
	timeout := time.After(time.Minute)
	for s.url == "" {
		select {
		case line, ok := <-s.lines:
			if !ok {
				t.Fatalf("serve ended before serving:\n%s\n%s", strings.Join(s.out, "\n"), s.stderr.String())
			}
			s.out = append(s.out, line)
			if m := servingLine.FindStringSubmatch(line); m != nil {
				s.url = m[1]
			}
		case <-timeout:
			t.Fatalf("serve did not start within a minute:\n%s", strings.Join(s.out, "\n"))
		}
	}
	return s
}

// TestServeStopsOnSignals runs `handout serve --port 0`, opens a live-
// reload stream, and sends SIGINT, then (in a second run) SIGTERM: the
// server closes the stream, prints "Stopped." and exits 0.
func TestServeStopsOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			s := startServe(t)
			served, err := neturl.Parse(s.url)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.Get("http://" + served.Host + serve.Prefix + "events")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() {
				for line := range s.lines {
					s.out = append(s.out, line)
				}
				exited <- s.cmd.Wait()
			}()
			select {
			case err := <-exited:
				if err != nil {
					t.Errorf("serve exited with %v after %v:\n%s\n%s", err, sig, strings.Join(s.out, "\n"), s.stderr.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("serve did not stop within ten seconds of %v", sig)
			}
			if s.out[len(s.out)-1] != "Stopped." {
				t.Errorf("last line %q, want Stopped.", s.out[len(s.out)-1])
			}
			// The stream was ended by the server, not left hanging.
			done := make(chan struct{})
			go func() { _, _ = io.Copy(io.Discard, resp.Body); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Error("the live-reload stream stayed open after the server stopped")
			}
		})
	}
}

// TestServeAnswersOnlyItsOwnAddress runs `handout serve --bind 0.0.0.0`
// as an editor showing the preview on a phone would: it warns that the
// network can read the preview, announces addresses a browser can open
// (never 0.0.0.0 or [::]) that answer, and refuses a request naming
// another host (a web page that rebound its name to this computer) or
// coming from another site's page.
func TestServeAnswersOnlyItsOwnAddress(t *testing.T) {
	s := startServe(t, "--bind", "0.0.0.0")
	// The line after Serving names the addresses other devices use.
	select {
	case line := <-s.lines:
		s.out = append(s.out, line)
	case <-time.After(time.Minute):
		t.Fatal("serve said nothing after the Serving line")
	}
	log := strings.Join(s.out, "\n")
	if !strings.Contains(log, "Warning: the preview is open to every network") {
		t.Errorf("no warning that the network can read the preview:\n%s", log)
	}
	if strings.Contains(log, "0.0.0.0") || strings.Contains(log, "[::]") {
		t.Errorf("serve announces an address no browser can open:\n%s", log)
	}
	others, found := strings.CutPrefix(s.out[len(s.out)-1], "On other devices: ")
	if !found {
		t.Fatalf("serve does not say how other devices reach it:\n%s", log)
	}
	status := func(url, host, origin string) int {
		t.Helper()
		req, err := http.NewRequest("GET", url, nil)
		if err != nil {
			t.Fatal(err)
		}
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		resp, err := http.DefaultClient.Do(req.WithContext(ctx))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	addresses := strings.Fields(others)
	if strings.Contains(others, "<this computer's address>") {
		addresses = nil // no network address: the placeholder says so
	}
	for _, url := range append(addresses, s.url) {
		if got := status(url, "", ""); got != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", url, got)
		}
	}
	served, err := neturl.Parse(s.url)
	if err != nil {
		t.Fatal(err)
	}
	if got := status(s.url, "evil.example:"+served.Port(), ""); got != http.StatusForbidden {
		t.Errorf("GET %s with Host evil.example = %d, want 403", s.url, got)
	}
	if got := status("http://"+served.Host+serve.Prefix+"events", "", "http://evil.example"); got != http.StatusForbidden {
		t.Errorf("the event stream opened for another site's page: %d, want 403", got)
	}
}
