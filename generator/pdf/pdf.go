// Package pdf prints a built site's articles to PDF leaflets with headless
// Chromium: the leaflet on the site's paper (A4 or Letter) and its large-
// print twin, and rack sets of many leaflets in one file, with a cover
// and a contents page (rack.go).
//
// It runs after the site is built, over the built pages: it serves the
// output folder on 127.0.0.1 and has Chromium print each page as a reader
// printing it from a browser would, through the theme's print stylesheet
// (the large print sets the class large-print on the page first). Chromium
// makes tagged PDFs with the page's title and language; every request to
// another host fails, so printing reaches nothing but the built site.
// Pages are printed in parallel, one tab each.
//
// Printing is cached (cache.go): a leaflet is named by a hash of its
// page's HTML and of every file the page loads, with the paper, the
// kind of leaflet and Chromium's version (another version may lay the
// page out otherwise), and kept in the cache folder beside the output
// (.handout-cache/pdf/, by the image variants), so an unchanged article
// is not printed again. The date on a cached leaflet ("Printed on") is
// the day it was printed.
//
// A plain build never needs Chromium: only this package starts it, and
// Print returns ErrNoBrowser, with how to install it, where there is none.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// Papers by the name print.paper gives them, in inches.
var papers = map[string][2]float64{"A4": {8.27, 11.69}, "Letter": {8.5, 11}}

// Options say where the built site is and how to print it.
type Options struct {
	// Dir is the folder of the built site.
	Dir string
	// BasePath is the path of the site's base URL ("/" or "/library/"),
	// under which its pages link to each other.
	BasePath string
	// Paper is "A4" or "Letter" (config.PaperA4, config.PaperLetter).
	Paper string
	// Cache is the folder where leaflets are kept between runs (pdf/ in
	// it); "" keeps none.
	Cache string
	// Browser is Chromium's program; "" looks it up (FindBrowser).
	Browser string
	// Workers is how many pages print at once, each in a Chromium of its
	// own; 0 is one a processor, at most four.
	Workers int
	// Write receives each leaflet printed or found in the cache, by its
	// name in the output.
	Write func(name string, data []byte) error
	// Prune, for a run over every article, removes from the cache the
	// leaflets the run did not use, so that it holds one site's.
	Prune bool
}

// A Job is an article page to print to its two leaflets.
type Job struct {
	// Page is the article's page in the site ("articles/sleep/"); PDF
	// and LargePrint the names of its leaflets.
	Page, PDF, LargePrint string
}

// A Leaflet is one PDF written.
type Leaflet struct {
	// Name is its file in the output; Large is true for large print.
	Name  string
	Large bool
	// Pages is its number of pages.
	Pages int
	// Cached is true when it came from the cache, not from Chromium.
	Cached bool
}

// ErrNoBrowser is returned when Chromium is not installed.
var ErrNoBrowser = errors.New("printing PDF leaflets needs Chromium, which was not found: install it (Debian and Ubuntu: apt-get install chromium; macOS: brew install --cask chromium; or Google Chrome), or set $CHROMIUM to its program")

// browserVersion returns what Chromium says it is (--version), which
// names its leaflets in the cache. exe "" looks the program up.
func browserVersion(exe string) (string, error) {
	if exe == "" {
		var err error
		if exe, err = FindBrowser(); err != nil {
			return "", err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), pageTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, exe, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("asking %s for its version: %w", exe, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// FindBrowser returns Chromium's program: $CHROMIUM, else the first of
// chromium, chromium-browser, google-chrome and google-chrome-stable on
// the PATH; ErrNoBrowser when there is none.
func FindBrowser() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("$CHROMIUM is %s, which cannot be run (%v): %w", p, err, ErrNoBrowser)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// pageTimeout bounds the printing of one page, so that a page that never
// finishes loading fails its leaflet instead of hanging the build.
const pageTimeout = 60 * time.Second

// Print writes the leaflets of every job, from the cache or printed by
// Chromium, and returns them in the order of the jobs (the leaflet, then
// the large print). It asks Chromium its version, part of each leaflet's
// name in the cache, and starts it to print only when a leaflet is not in
// the cache. Without Chromium the error wraps ErrNoBrowser.
func Print(ctx context.Context, jobs []Job, opts Options) ([]Leaflet, error) {
	if _, ok := papers[opts.Paper]; !ok {
		return nil, fmt.Errorf("pdf: unknown paper %q", opts.Paper)
	}
	version, err := browserVersion(opts.Browser)
	if err != nil {
		return nil, err
	}
	cache := newCache(opts.Cache)
	out := make([]Leaflet, 2*len(jobs))
	keys := make([][2]string, len(jobs))
	var todo []int
	for i, j := range jobs {
		if keys[i], err = keysOf(opts, version, j); err != nil {
			return nil, err
		}
		hit := true
		for v, key := range keys[i] {
			out[2*i+v] = Leaflet{Name: [2]string{j.PDF, j.LargePrint}[v], Large: v == 1}
			if data, ok := cache.get(key); ok {
				out[2*i+v].Pages, out[2*i+v].Cached = countPages(data), true
				if err := opts.Write(out[2*i+v].Name, data); err != nil {
					return nil, err
				}
			} else {
				hit = false
			}
		}
		cache.keep(keys[i][:]...)
		if !hit {
			todo = append(todo, i)
		}
	}
	err = inBrowsers(ctx, opts, len(todo), func(b *browser, n int) error {
		i := todo[n]
		return printJob(b, opts, cache, jobs[i].Page, keys[i], out[2*i:2*i+2])
	})
	if err != nil {
		return nil, err
	}
	if opts.Prune {
		cache.prune()
	}
	return out, nil
}

// printJob prints one page's two leaflets, those not in the cache, and
// writes them.
func printJob(b *browser, opts Options, cache *cache, page string, keys [2]string, out []Leaflet) error {
	if err := b.open(page); err != nil {
		return err
	}
	for v := range 2 {
		if out[v].Cached {
			continue
		}
		data, err := b.print(opts.Paper, v == 1)
		if err != nil {
			return fmt.Errorf("printing %s: %w", out[v].Name, err)
		}
		cache.put(keys[v], data)
		out[v].Pages = countPages(data)
		if err := opts.Write(out[v].Name, data); err != nil {
			return err
		}
	}
	return nil
}

// pdfPage matches a page object of a PDF (not the /Pages tree), as
// Chromium writes them.
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// countPages counts the pages of a PDF that Chromium printed.
func countPages(data []byte) int { return len(pdfPage.FindAll(data, -1)) }

// workers is how many tabs print at once.
func workers(opts Options, jobs int) int {
	n := opts.Workers
	if n <= 0 {
		n = min(runtime.NumCPU(), 4)
	}
	return max(1, min(n, jobs))
}
