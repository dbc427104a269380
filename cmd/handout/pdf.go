package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/handout-health/handout/generator/check"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/pdf"
	"github.com/handout-health/handout/generator/site"
)

const pdfSynopsis = "pdf [DIR] [-d DIR] [--drafts] [--base-url URL] [--set TOPIC|all] [-o FILE]"

const pdfHelp = `Builds the site as handout build does and prints, with Chromium, each
article's PDF leaflets beside its page (articles/SLUG/SLUG.pdf, and
SLUG-large-print.pdf in large print), on site.yaml's print.paper (A4 or
Letter). An article whose page did not change is not printed again.
With --set, it also prints one PDF of the leaflets on a topic (or all),
with a cover and a contents page, for a waiting room's rack.
`

func runPDF(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pdf", pdfSynopsis, stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: handout %s\n\n%s\nOptions:\n", pdfSynopsis, pdfHelp)
		fs.PrintDefaults()
	}
	req := buildRequest{command: "pdf", pdf: true}
	req.flags(fs)
	fs.StringVar(&req.set, "set", "", "print the leaflets on a `topic` (its name, or all for every article) as one PDF with a cover and contents")
	fs.StringVar(&req.rackFile, "o", "", "the rack set's `file` (default: leaflets-TOPIC.pdf beside the output folder)")
	if _, code, ok := parseSite(fs, args, &req.siteDir, 0, stderr); !ok {
		return code
	}
	if req.rackFile != "" && req.set == "" {
		fmt.Fprintln(stderr, "handout pdf: -o names the rack set's file: give --set TOPIC too")
		return exitUsage
	}
	return build(req, stdout, stderr)
}

// printReport is what printing the leaflets did.
type printReport struct {
	printed, cached int
	// warnings are the leaflets longer than print.max_pages.
	warnings diag.List
	rack     string
	rackN    int
	took     time.Duration
}

// printAll prints every article's leaflets into the built site, not yet
// committed, and the rack set, when there is one.
func printAll(req buildRequest, s *site.Site, set *site.RackSet, out *output.Dir, browser, cacheDir string) (*printReport, error) {
	start := time.Now()
	opts := pdf.Options{
		Dir: out.Staging(), BasePath: s.Config.BasePath(), Paper: s.Config.Print.Paper,
		Cache: cacheDir, Browser: browser, Write: out.WriteFile, Prune: true,
	}
	ctx := context.Background()
	leaflets, done, err := printLeaflets(ctx, s, opts)
	if err != nil {
		return nil, err
	}
	r := &printReport{}
	pages := map[string]int{}
	for i, d := range done {
		if d.Cached {
			r.cached++
		} else {
			r.printed++
		}
		pages[d.Name] = d.Pages
		if l := leaflets[i/2]; !d.Large && d.Pages > s.Config.Print.MaxPages {
			r.warnings = append(r.warnings, check.LeafletTooLong(l.Source, d.Pages, s.Config.Print.Paper, s.Config.Print.MaxPages))
		}
	}
	if set != nil {
		rack := pdf.Rack{Title: set.Title, Language: set.Language, Words: pdf.RackWords{
			Contents: set.Contents, Count: set.Count, Page: set.Page, PrintedOn: set.PrintedOn}}
		for _, l := range set.Leaflets {
			rack.Leaflets = append(rack.Leaflets, pdf.RackLeaflet{Title: l.Title, Page: l.Page, Pages: pages[l.PDF]})
		}
		data, err := pdf.PrintRack(ctx, rack, opts)
		if err != nil {
			return nil, err
		}
		r.rack = req.rackFile
		if r.rack == "" {
			r.rack = filepath.Join(filepath.Dir(req.dest), "leaflets-"+set.Slug+".pdf")
		}
		if err := os.WriteFile(r.rack, data, 0o644); err != nil {
			return nil, err
		}
		r.rackN = len(rack.Leaflets)
	}
	r.took = time.Since(start)
	return r, nil
}

// summary says what was printed.
func (r *printReport) summary(w io.Writer) {
	fmt.Fprintf(w, "Printed %d PDF %s", r.printed, plural(r.printed, "leaflet", "leaflets"))
	if r.cached > 0 {
		fmt.Fprintf(w, " (%d unchanged, from the cache)", r.cached)
	}
	fmt.Fprintf(w, " in %d ms", r.took.Milliseconds())
	if n := len(r.warnings); n > 0 {
		fmt.Fprintf(w, ", %d longer than print.max_pages", n)
	}
	fmt.Fprintln(w)
	if r.rack != "" {
		fmt.Fprintf(w, "Wrote the rack set of %d %s to %s\n", r.rackN, plural(r.rackN, "leaflet", "leaflets"), diag.Printable(r.rack))
	}
}

// printLeaflets prints the leaflets of every article of the site s, built
// into opts.Dir, and returns the articles' leaflets and what was printed:
// for each, the leaflet, then its large print.
func printLeaflets(ctx context.Context, s *site.Site, opts pdf.Options) ([]site.Leaflet, []pdf.Leaflet, error) {
	leaflets := s.Leaflets()
	jobs := make([]pdf.Job, len(leaflets))
	for i, l := range leaflets {
		jobs[i] = pdf.Job{Page: l.Page, PDF: l.PDF, LargePrint: l.LargePrint}
	}
	done, err := pdf.Print(ctx, jobs, opts)
	return leaflets, done, err
}
