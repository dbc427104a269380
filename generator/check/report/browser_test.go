package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// TestHTMLReportInBrowser opens the report as a governance lead would, a
// file on disk, and checks that its own style and script run under its
// Content-Security-Policy, that it requests nothing, and that the
// articles table sorts by the column pressed.
func TestHTMLReportInBrowser(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, goldenReport(t, false)); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + file

	var mu sync.Mutex
	var requests []string
	ctx := browsertest.New(t, browsertest.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	}))
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("#articles"))); err != nil {
		t.Fatal(err)
	}

	// The style ran (body width is set by it) and so did the script (it
	// puts a button in each sortable heading): both are allowed by hash.
	if w := evaluate[string](t, ctx, `getComputedStyle(document.body).maxWidth`); w != "1152px" {
		t.Errorf("the inline style did not apply (body max-width %q): blocked by the CSP?", w)
	}
	if n := evaluate[int](t, ctx, `document.querySelectorAll("#articles thead th button").length`); n != 12 {
		t.Fatalf("%d sort buttons, want 12: the inline script did not run", n)
	}

	titles := func() string {
		return evaluate[string](t, ctx, `Array.from(document.querySelectorAll("#articles tbody tr th a")).map(a => a.textContent).join(",")`)
	}
	// Written hardest first.
	if got := titles(); got != "Circadian rhythm,Insomnia,Sleep,Naps" {
		t.Errorf("initial order %s", got)
	}
	columns := map[string]int{"Article": 1, "SMOG": 2, "Next review": 8}
	press := func(column string) {
		t.Helper()
		sel := fmt.Sprintf("#articles thead th:nth-child(%d) button", columns[column])
		if got := evaluate[string](t, ctx, `document.querySelector("`+sel+`").textContent`); got != column {
			t.Fatalf("%s is %q, not %q", sel, got, column)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("pressing %s: %v", column, err)
		}
	}
	press("SMOG")
	if got := titles(); got != "Naps,Sleep,Insomnia,Circadian rhythm" {
		t.Errorf("by SMOG, ascending: %s", got)
	}
	if s := evaluate[string](t, ctx, `document.querySelector("#articles thead th:nth-child(2)").getAttribute("aria-sort")`); s != "ascending" {
		t.Errorf("aria-sort %q after one press", s)
	}
	press("SMOG")
	if got := titles(); got != "Circadian rhythm,Insomnia,Sleep,Naps" {
		t.Errorf("by SMOG, descending: %s", got)
	}
	press("Article")
	if got := titles(); got != "Circadian rhythm,Insomnia,Naps,Sleep" {
		t.Errorf("by title: %s", got)
	}
	press("Next review")
	if got := titles(); got != "Insomnia,Circadian rhythm,Sleep,Naps" {
		t.Errorf("by next review (none last): %s", got)
	}
	if s := evaluate[string](t, ctx, `document.querySelector("#articles thead th:nth-child(2)").getAttribute("aria-sort") || ""`); s != "" {
		t.Errorf("SMOG still has aria-sort %q after sorting by another column", s)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		if r != url {
			t.Errorf("the report requested %s", r)
		}
	}
	if len(requests) == 0 {
		t.Error("no request seen at all: the listener is not working")
	}
}

func evaluate[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", strings.TrimSpace(js), err)
	}
	return v
}
