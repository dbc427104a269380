//go:build linux

// Command bench-preview times handout serve's live preview in Chromium on
// the project's generated corpus: from the moment an edited article is
// saved to the moment the server sends the reload event, and to the
// moment the new words are on the page. It is the preview's benchmark in
// docs/performance.md, not a test: it asserts nothing.
//
//	go run ./scripts/bench-preview -n 1000
//	go run ./scripts/bench-preview -n 10000 -edits 7
//
// It writes the corpus with the shared generator (../shared/bench/corpus,
// or -corpus DIR), builds handout from this checkout and starts `handout
// serve` on it as its own process, timing how long it takes to say it
// serves. Headless Chromium (/usr/bin/chromium, or CHROME) opens one
// article; the program listens to the event stream itself, as a second
// reader. Each edit adds a sentence with a new word to that article,
// written beside it and renamed into place as editors save; the page
// notes the time the word appears (a MutationObserver), and the server's
// part is the time the program read the reload event. It prints the
// median, the fastest and the slowest of both, how many edits the page
// took in place (without reloading), and serve's peak resident memory.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/scripts/internal/bench"
)

func main() {
	articles := flag.Int("n", 1000, "articles in the corpus")
	terms := flag.Int("terms", 0, "glossary terms (default: as bench-hugo)")
	edits := flag.Int("edits", 7, "edits timed; medians are over these")
	corpus := flag.String("corpus", "../shared/bench/corpus", "the shared corpus generator's folder")
	work := flag.String("work", "", "folder for the corpus and binary (default: a new temporary folder, removed at the end)")
	flag.Parse()
	if *terms == 0 {
		*terms = bench.DefaultTerms(*articles)
	}
	if err := run(*articles, *terms, *edits, *corpus, *work, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench-preview:", err)
		os.Exit(1)
	}
}

func run(articles, terms, edits int, corpus, work string, w io.Writer) error {
	if work == "" {
		dir, err := os.MkdirTemp("", "bench-preview-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	site := filepath.Join(work, "corpus", "ours")
	if err := bench.WriteCorpus(corpus, filepath.Dir(site), articles, terms, "ours"); err != nil {
		return err
	}
	handout := filepath.Join(work, "handout")
	if err := bench.BuildHandout(handout); err != nil {
		return err
	}
	article, err := firstArticle(site)
	if err != nil {
		return err
	}
	srv, err := startServe(handout, site)
	if err != nil {
		return err
	}
	defer srv.stop()
	reloads, err := listen(srv.base)
	if err != nil {
		return err
	}

	ctx, cancel := browser()
	defer cancel()
	slug := strings.TrimSuffix(filepath.Base(article), ".md")
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.base+"articles/"+slug+"/"), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		return fmt.Errorf("opening the article: %w", err)
	}
	if err := waitFor(ctx, `window.handoutLive === true`); err != nil {
		return err
	}
	var toEvent, toVisible []time.Duration
	inPlace := 0
	for i := range edits {
		event, visible, morphed, err := edit(ctx, article, i, reloads)
		if err != nil {
			return err
		}
		toEvent, toVisible = append(toEvent, event), append(toVisible, visible)
		if morphed {
			inPlace++
		}
		// Let the page settle, so that the next save is a batch of its own.
		time.Sleep(400 * time.Millisecond)
	}
	fmt.Fprintf(w, "%d articles, %d terms, %d edits of %s\n\n", articles, terms, edits, filepath.Base(article))
	fmt.Fprintf(w, "serve ready after start   %s\n", srv.ready.Round(time.Millisecond))
	fmt.Fprintf(w, "save to reload event      %s\n", spread(toEvent))
	fmt.Fprintf(w, "save to words visible     %s\n", spread(toVisible))
	fmt.Fprintf(w, "updated in place          %d of %d\n", inPlace, edits)
	fmt.Fprintf(w, "serve peak memory         %.0f MiB\n", float64(srv.peak())/(1<<20))
	fmt.Fprintf(w, "\ncommand: %s serve -s %s --port %d\n", handout, site, srv.port)
	return nil
}

// spread is the median, fastest and slowest of ds.
func spread(ds []time.Duration) string {
	lo, hi := ds[0], ds[0]
	for _, d := range ds {
		lo, hi = min(lo, d), max(hi, d)
	}
	ms := func(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 0, 64) }
	return fmt.Sprintf("median %s ms (%s to %s)", ms(bench.Middle(ds)), ms(lo), ms(hi))
}

// firstArticle is the path of the corpus's first article.
func firstArticle(site string) (string, error) {
	entries, err := os.ReadDir(filepath.Join(site, "content", "articles"))
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".md") {
			return filepath.Join(site, "content", "articles", e.Name()), nil
		}
	}
	return "", errors.New("the corpus has no article")
}

// edit saves the article with a new sentence and returns how long the
// reload event and the words on the page took, and whether the page
// was updated in place.
func edit(ctx context.Context, article string, i int, reloads <-chan time.Time) (event, visible time.Duration, morphed bool, err error) {
	data, err := os.ReadFile(article)
	if err != nil {
		return 0, 0, false, err
	}
	word := fmt.Sprintf("Zebrafish%dxq", i)
	watch := fmt.Sprintf(`window.handoutBenchMarker = true; window.handoutSeen = 0;
new MutationObserver((_, o) => { if (document.querySelector("main").textContent.includes(%q)) { window.handoutSeen = Date.now(); o.disconnect(); } })
  .observe(document.body, {subtree: true, childList: true, characterData: true})`, word)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](watch)); err != nil {
		return 0, 0, false, err
	}
	for len(reloads) > 0 {
		<-reloads
	}
	tmp := filepath.Join(filepath.Dir(article), "."+filepath.Base(article)+".tmp")
	if err := os.WriteFile(tmp, append(data, "\n"+word+" swim in clear water.\n"...), 0o644); err != nil {
		return 0, 0, false, err
	}
	saved := time.Now()
	if err := os.Rename(tmp, article); err != nil {
		return 0, 0, false, err
	}
	select {
	case at := <-reloads:
		event = at.Sub(saved)
	case <-time.After(30 * time.Second):
		return 0, 0, false, errors.New("no reload event within 30 s")
	}
	seen := fmt.Sprintf(`window.handoutBenchMarker === true ? window.handoutSeen :
  (document.querySelector("main").textContent.includes(%q) ? Math.round(performance.timeOrigin + performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd) : 0)`, word)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		at, err := chromedp.Run(ctx, chromedp.Evaluate[float64](seen))
		if err == nil && at > 0 {
			morphed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.handoutBenchMarker === true`))
			return event, time.UnixMilli(int64(at)).Sub(saved), morphed && err == nil, nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return 0, 0, false, errors.New("the words did not show within 30 s")
}

// server is a running handout serve.
type server struct {
	cmd   *exec.Cmd
	base  string
	port  int
	ready time.Duration
}

// startServe starts handout serve on site at a free port and waits until
// it says it serves.
func startServe(handout, site string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(handout, "serve", "-s", site, "--port", strconv.Itoa(port))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	srv := &server{cmd: cmd, port: port}
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if _, url, ok := strings.Cut(lines.Text(), "Serving "); ok {
			srv.ready = time.Since(start)
			srv.base = url[strings.Index(url, "http://"):]
			break
		}
	}
	if srv.base == "" {
		srv.stop()
		return nil, errors.New("handout serve stopped before it served")
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return srv, nil
}

// peak is serve's peak resident memory so far (VmHWM), in bytes.
func (s *server) peak() int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	_ = s.cmd.Wait()
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// listen reads the preview's event stream and sends the time each reload
// event arrived.
func listen(base string) (<-chan time.Time, error) {
	events, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	events.Path = "/__handout/events"
	resp, err := http.Get(events.String())
	if err != nil {
		return nil, err
	}
	reloads := make(chan time.Time, 16)
	go func() {
		defer resp.Body.Close()
		lines := bufio.NewScanner(resp.Body)
		for lines.Scan() {
			if lines.Text() == "event: reload" {
				reloads <- time.Now()
			}
		}
	}()
	return reloads, nil
}

// browser starts headless Chromium.
func browser() (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox, chromedp.Flag("disable-gpu", true))
	if path := os.Getenv("CHROME"); path != "" {
		opts = append(opts, chromedp.ExecPath(path))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	return ctx, func() { cancelCtx(); cancelAlloc() }
}

// waitFor polls a JavaScript condition for up to 30 seconds.
func waitFor(ctx context.Context, cond string) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("timed out waiting until %s", cond)
}
