package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/handout-health/handout/generator/check"
	"github.com/handout-health/handout/generator/check/report"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/pdf"
	"github.com/handout-health/handout/generator/site"
	"github.com/handout-health/handout/generator/version"
)

const checkSynopsis = "check [DIR] [--format text|json|html] [--strict] [-o FILE] [--drafts] [--date YYYY-MM-DD] [--pdf]"

// checkHelp says what check reports, between its synopsis and options.
const checkHelp = `Checks every article in every language of the site: readability (English:
SMOG and Flesch-Kincaid against readability.max_grade; Spanish: INFLESZ and
Fernández-Huerta against readability.min_inflesz; other languages: sentence
and word length, not judged), sections, review dates, reviewer and sources,
images without alt text, links, plain language and stale translations, and
lists the articles not yet translated into each language (for information).
With --pdf it also prints each article's leaflet with Chromium, as handout
pdf does (sharing its cache), and reports those longer than print.max_pages.
Exit status 1 on an error; --strict makes every warning an error.
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", checkSynopsis, stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: handout %s\n\n%s\nOptions:\n", checkSynopsis, checkHelp)
		fs.PrintDefaults()
	}
	siteDir := siteFlag(fs)
	format := fs.String("format", "text", "the report's `format`: text, json or html")
	strict := fs.Bool("strict", false, "treat warnings as errors (for CI)")
	outFile := fs.String("o", "", "write the report to `FILE` instead of standard output")
	drafts := fs.Bool("drafts", false, "check documents marked draft: true as well")
	date := fs.String("date", "", "judge review dates as of this `day` (YYYY-MM-DD), such as the next governance meeting; default today")
	leaflets := fs.Bool("pdf", false, "print each article's leaflet with Chromium and report those longer than print.max_pages")
	if _, code, ok := parseSite(fs, args, siteDir, 0, stderr); !ok {
		return code
	}
	var browser string
	if *leaflets {
		var err error
		if browser, err = pdf.FindBrowser(); err != nil {
			fail(stderr, "check", err)
			return exitUsage
		}
	}
	if *format != "text" && *format != "json" && *format != "html" {
		fmt.Fprintf(stderr, "handout check: unknown format %q: choose text, json or html\n", *format)
		return exitUsage
	}
	var now time.Time
	if *date != "" {
		var err error
		if now, err = time.Parse(time.DateOnly, *date); err != nil {
			fmt.Fprintf(stderr, "handout check: --date %q: write it as YYYY-MM-DD\n", *date)
			return exitUsage
		}
	}
	root, err := os.OpenRoot(*siteDir)
	if err != nil {
		fail(stderr, "check", err)
		return exitUsage
	}
	defer root.Close()

	r := check.Site(root.FS(), check.Options{Now: now, Strict: *strict, Drafts: *drafts})
	if *leaflets {
		if err := addLeaflets(r, root, *siteDir, *drafts, browser, stderr); err != nil {
			fail(stderr, "check", err)
			return exitContent
		}
	}

	var buf bytes.Buffer
	switch *format {
	case "json":
		err = report.JSON(&buf, r)
	case "html":
		err = report.HTML(&buf, r)
	default:
		err = report.Text(&buf, r, report.TextOptions{Color: *outFile == "" && isTerminal(stdout) && os.Getenv("NO_COLOR") == ""})
	}
	if err == nil {
		if *outFile != "" {
			err = os.WriteFile(*outFile, buf.Bytes(), 0o644)
		} else {
			_, err = stdout.Write(buf.Bytes())
		}
	}
	if err != nil {
		fail(stderr, "check", err)
		return exitContent
	}
	if *outFile != "" || *format != "text" {
		// The report went to a file or a program: still say on stderr why
		// the exit status is what it is.
		printDiagnostics(stderr, r.Diagnostics.Errors())
	}
	if r.Failed() {
		return exitContent
	}
	return exitOK
}

// isTerminal reports whether w is a terminal, where colour is welcome.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// addLeaflets builds the site into a temporary folder, prints every
// article's leaflets as handout pdf does, with the same cache (so that
// neither prints an unchanged article again), and adds the leaflets'
// pages to the report. A site that does not build has its errors in the
// report already: its leaflets are not printed, and stderr says so.
func addLeaflets(r *check.Report, root *os.Root, siteDir string, drafts bool, browser string, stderr io.Writer) error {
	scratch, err := os.MkdirTemp("", "handout-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	out, err := output.NewDir(filepath.Join(scratch, "public"))
	if err != nil {
		return err
	}
	defer out.Abort()
	cacheDir := filepath.Join(siteDir, site.CacheDir)
	res, err := site.Build(root.FS(), site.Options{
		LoadOptions: site.LoadOptions{Drafts: drafts, Leaflets: true},
		Writer:      out,
		Version:     version.Current().Short(),
		Scratch:     scratch,
		Cache:       cacheDir,
	})
	if err != nil {
		fmt.Fprintln(stderr, "handout check: the leaflets were not printed: the site does not build (see the errors reported)")
		return nil
	}
	cfg := res.Site.Config
	leaflets, done, err := printLeaflets(context.Background(), res.Site, pdf.Options{
		Dir: out.Staging(), BasePath: cfg.BasePath(), Paper: cfg.Print.Paper,
		Cache: cacheDir, Browser: browser, Write: func(string, []byte) error { return nil },
	})
	if err != nil {
		return err
	}
	pages := map[string]int{}
	for i, d := range done {
		if !d.Large {
			pages[leaflets[i/2].Source] = d.Pages
		}
	}
	r.AddLeaflets(pages, cfg.Print.Paper, cfg.Print.MaxPages)
	return nil
}
