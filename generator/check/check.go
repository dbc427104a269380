// Package check is handout's health-content governance: it reads a loaded
// site (build.Load) and reports, per article, whether it is fit to publish
// to patients. It prints nothing; package check/report writes a Report as
// a table, JSON or an HTML page for a governance meeting.
//
// Every finding is a diag.Diagnostic with a Rule id and a path:line:col.
// The rules, with their severity before --strict (which makes every
// warning an error):
//
//	rule              severity  finding
//	link              error     an internal link resolves to nothing (from the build)
//	section-missing   error     a required section of the schema is missing
//	section-order     warning   a schema section comes after one that should follow it
//	section-duplicate warning   a schema section appears twice
//	readability       warning   the article reads above readability.max_grade (SMOG or
//	                            Flesch-Kincaid); the three hardest sentences are quoted
//	review-overdue    warning   next_review has passed; the message names the date
//	review-due        warning   next_review is within review.warn_days (default 60)
//	review-missing    warning   no reviewed_by, or no last_reviewed
//	review-date       warning   last_reviewed is in the future
//	sources-missing   warning   no sources
//	image-alt         warning   an image without alt text (any document)
//	term-unused       warning   a glossary term no article uses (from the build)
//	acronym           warning   an acronym that no glossary name explains and that is not
//	                            defined where it is first used
//	list-length       warning   a bullet list of more than 7 items
//	sentence-length   warning   a sentence of more than 25 words
//	number-words      warning   a percentage or fraction in the metric or risk section
//	                            with no natural frequency ("1 in 4") in its sentence
//	feedback          warning   site.yaml has no feedback_url, so articles offer no
//	                            way to report a mistake
//
// The plain-language rules (acronym to number-words) come from the CDC
// Clear Communication Index and AHRQ's Patient Education Materials
// Assessment Tool (PEMAT). Every other diagnostic of the build (front
// matter, site.yaml, ...) is reported too, as the build reports it.
//
// Readability is measured over the prose only: paragraphs and list items
// (markdown.Result.Blocks), never code, tables, front matter or headings.
// Headings are left out because they are labels, not sentences: six
// one-word "sentences" such as "Risk" and "Significance" per article would
// move both formulas for reasons that have nothing to do with the prose. The figures are SMOG (McLaughlin 1969), Flesch-Kincaid grade
// and Flesch Reading Ease, from package readability, per article and per
// section. An article is judged by the higher of its two grades against
// readability.max_grade; section figures are reported, not judged, since
// a short section's grade swings with one sentence; the message names the
// hardest section and quotes the three hardest sentences.
//
// Review dates are judged against Options.Now (today by default), as whole
// days in UTC.
package check

import (
	"io/fs"
	"time"

	"github.com/handout-health/handout/generator/build"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
)

// Options control a check.
type Options struct {
	// Now is the day review dates are judged by; zero means today.
	Now time.Time
	// Strict makes every warning an error.
	Strict bool
	// Drafts checks documents marked draft: true as well.
	Drafts bool
}

// Site loads the site in fsys with build.Load and checks it, including the
// consent check of third-party content that build runs. The Report
// is never nil; when site.yaml cannot be read it holds only that error.
func Site(fsys fs.FS, opts Options) *Report {
	s, list := build.Load(fsys, build.LoadOptions{Drafts: opts.Drafts})
	if s != nil {
		// Ungated third-party content: a defect on a health site.
		list = append(list, s.CheckConsent(fsys)...)
	}
	return Run(s, list, opts)
}

// Run checks a loaded site. loadDiags are the diagnostics build.Load
// returned with it, reported as they are except that a missing required
// section is an error here. s may be nil (a site.yaml that failed).
func Run(s *build.Site, loadDiags diag.List, opts Options) *Report {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	today := day(now)
	r := &Report{Schema: SchemaVersion, Date: today.Format(isoDate), Strict: opts.Strict}
	list := raiseMissingSections(loadDiags)
	if s != nil {
		c := &checker{site: s, today: today, glossaryAcronyms: glossaryAcronyms(s)}
		r.Site = s.Config.Title
		r.MaxGrade = s.Config.Readability.MaxGrade
		r.WarnDays = s.Config.Review.WarnDays
		r.Articles = make([]Article, len(s.Articles))
		parallel.For(len(s.Articles), func(i int) {
			r.Articles[i] = c.article(s.Articles[i])
		})
		for i := range r.Articles {
			list = append(list, r.Articles[i].findings...)
		}
		list = append(list, c.siteWide()...)
	}
	if opts.Strict {
		list = list.Strict()
	}
	list.Sort()
	r.Diagnostics = list
	r.summarize()
	return r
}

// raiseMissingSections returns a copy of list in which a missing required
// section is an error: the build only warns, check fails (SPEC).
func raiseMissingSections(list diag.List) diag.List {
	out := make(diag.List, len(list))
	for i, d := range list {
		if d.Rule == RuleSectionMissing {
			d.Severity = diag.Error
		}
		out[i] = d
	}
	return out
}

const isoDate = "2006-01-02"

// day is the calendar day of t, as midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
