// Package check is handout's health-content governance: it reads a loaded
// site (site.Load) and reports, per article and in every language of the
// site, whether it is fit to publish to patients. It prints nothing;
// package check/report writes a Report as a table, JSON or an HTML page
// for a governance meeting.
//
// Every finding is a diag.Diagnostic with a Rule id and a path:line:col.
// The rules, with their severity before --strict (which makes every
// warning an error) and the languages they apply to:
//
//	rule              severity  languages  finding
//	link              error     all        an internal link resolves to nothing (from the build)
//	section-missing   error     all        a required section of the schema is missing
//	section-order     warning   all        a schema section comes after one that should follow it
//	section-duplicate warning   all        a schema section appears twice
//	readability       warning   en, es     the article misses its language's readability target
//	                                       (see below); the three hardest sentences are quoted
//	review-overdue    warning   all        next_review has passed; the message names the date
//	review-due        warning   all        next_review is within review.warn_days (default 60)
//	review-missing    warning   all        no reviewed_by, or no last_reviewed
//	review-date       warning   all        last_reviewed is in the future
//	sources-missing   warning   all        no sources
//	placeholder       error     all        reviewed_by or a source is still a placeholder: what
//	                                       handout new writes ("Your reviewer's name"), a
//	                                       TODO, a name in brackets, an example.org address
//	image-alt         error     all        an image without a description (any document; from
//	                                       the build)
//	image             error     all        an image the build cannot show: damaged, not an
//	                                       image, or too large (from the build)
//	term-unused       warning   all        a glossary term no article uses (from the build)
//	translation-stale warning   all        a translation whose source was reviewed after it
//	                                       (from the build)
//	video-transcript  warning   all        a video (an address alone on its line) with no
//	                                       transcript line under it
//	acronym           warning   all        an acronym not spelled out or explained where it is
//	                                       first used, even a glossary name (print has no
//	                                       tooltips)
//	jargon            warning   en, es     a technical word (terms.go's medical-word list) that
//	                                       its sentence, or the next, does not explain where it
//	                                       is first used, even a glossary name (jargon.go)
//	list-length       warning   all        a bullet list of more than 7 items
//	sentence-length   warning   all        a sentence of more than 25 words
//	number-words      warning   en, es     a percentage or fraction in the metric or risk section
//	                                       with no natural frequency in its sentence: "1 in 4"
//	                                       in English, "1 de cada 4" in Spanish; and a number
//	                                       written as a word where a numeral reads faster ("two
//	                                       weeks": "2 weeks"), but for a sentence's first word
//	figure-missing    warning   all        an article with no picture (an image, or an <img>,
//	                                       <picture> or <figure> the page keeps)
//	topic-only        warning   en, es     a summary or first paragraph that only names the
//	                                       topic ("This page explains…") and asks nothing of
//	                                       the reader
//	tool-missing      warning   en, es     "keep a list/diary/log/record" asked of the reader in
//	                                       a section with no checklist, table or link to a
//	                                       template
//	passive-voice     warning   en, es     a main message (the summary's first sentence, the
//	                                       first sentence of the lede and of each section) in
//	                                       the passive voice; in Spanish the "ser" passive ("es
//	                                       causado"), not the "se" passive, which style accepts
//	crisis-line       warning   en, es     an article on mood (a tag, title or synonym) that
//	                  error                does not give its language's contacts.crisis; an
//	                                       error where the text speaks of suicide or self-harm;
//	                                       nothing when site.yaml has no crisis line
//	section-titles    warning   site       articles show schema sections under the schema's bare
//	                                       names ("Metric"); a reader-facing title or heading in
//	                                       site.yaml fixes it; once per site
//	feedback          warning   site       site.yaml has no feedback_url, so articles offer no
//	                                       way to report a mistake
//	template-unused   warning   site       a file of templates/ at a path the theme does not
//	                                       read, with the nearest theme file (from the build)
//	callout           warning   all        a callout marker of no known kind, such as [!WARNIG],
//	                                       shown as a plain quote (from the build)
//	print-pages       warning   all        the article's leaflet prints on more pages than
//	                                       print.max_pages (default 4): long leaflets are not
//	                                       read (check --pdf and build --pdf, which print it)
//	emergency-number  warning   site       a page has an emergency callout (> [!EMERGENCY]) but
//	                                       its language has no contacts.emergency, so it says
//	                                       "Call your local emergency number"; once per site
//
// A language is English or Spanish by the primary subtag of its code (en,
// en-GB; es, es-MX). The plain-language rules (acronym to section-titles)
// come from the CDC Clear Communication Index and AHRQ's Patient
// Education Materials Assessment Tool (PEMAT). Those that only count
// (list-length, sentence-length) apply to every language as they are,
// with one limit for all: a word is what package readability splits on
// spaces and punctuation, so the sentence limit never fires in a script
// written without spaces. acronym looks for capitals, which every script
// with case has; an acronym is defined where it is first used by a
// bracket in any language ("ADHD (…)", "(ISRS)"), or by a phrase of its
// language: "stands for", "is short for" in English; "significa", "quiere
// decir", "son las siglas de" in Spanish. number-words reads words and
// is skipped in other languages rather than judged by English patterns;
// its Spanish form knows "25 %", "25 por ciento", "1 de cada 4", "25 de
// 100" and "una de cada diez", and suggests "1 de cada 4 personas".
// Every other diagnostic of the build (front matter, site.yaml, ...) is
// reported too, as the build reports it.
//
// # Readability
//
// Readability is measured over the prose only: paragraphs and list items
// (markdown.Result.Blocks), never code, tables, front matter or headings.
// Headings are left out because they are labels, not sentences: six
// one-word "sentences" such as "Risk" and "Significance" per article would
// move every formula for reasons that have nothing to do with the prose.
// The figures come from readability.MeasureIn in the article's language,
// per article and per section; section figures are reported, not judged,
// since a short section's score swings with one sentence.
//
//   - English: SMOG (McLaughlin 1969), Flesch-Kincaid grade and Flesch
//     Reading Ease. An article is judged by the higher of its two grades
//     against readability.max_grade (default 8). Its hardest sentences are
//     those of the highest Flesch-Kincaid grade on their own.
//   - Spanish: Fernández-Huerta and Szigriszt-Pazos, read on the INFLESZ
//     scale (very hard under 40, somewhat hard to 55, normal to 65, quite
//     easy to 80, very easy above). An article is judged by its INFLESZ
//     score against readability.min_inflesz (default 55, where "normal"
//     starts); the message names the band. Its hardest sentences are
//     those of the lowest Szigriszt-Pazos score on their own, which, like
//     a sentence's English grade, weighs both its length and its long
//     words on the scale the article is judged by.
//   - Any other language: no formula is validated for it, so only the
//     average sentence length (words) and word length (letters) are
//     reported, with readability's Reason; nothing is judged, and no
//     sentence is called hardest.
//
// A readability finding names the hardest section and quotes the three
// hardest sentences.
//
// # Languages
//
// Every language of site.yaml's languages: is checked, each article by its
// own language's rules and against its own language's glossary; the
// report gives every article its language code. For each language but the
// default, the Report lists the default-language articles that have no
// translation in it (Language.Untranslated). That list is information,
// not a finding: a clinic may well translate only the articles its
// readers need, so it neither warns nor fails --strict. A translation that
// has fallen behind its source is a finding, the build's
// translation-stale warning.
//
// Review dates are judged against Options.Now (today by default), as whole
// days in UTC.
package check

import (
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/site"
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

// Site loads the site in fsys with site.Load and checks it, including the
// consent check of third-party content and the check of the output's
// names that build runs. The Report is never nil; when site.yaml cannot
// be read it holds only that error.
func Site(fsys fs.FS, opts Options) *Report {
	s, list := site.Load(fsys, site.LoadOptions{Drafts: opts.Drafts})
	if s != nil {
		// What every build judges too: ungated third-party content (a
		// defect on a health site), and two sources of one output file.
		list = append(list, s.Check(fsys)...)
	}
	return Run(s, list, opts)
}

// Run checks a loaded site. loadDiags are the diagnostics site.Load
// returned with it, reported as they are except that a missing required
// section is an error here. s may be nil (a site.yaml that failed).
func Run(s *site.Site, loadDiags diag.List, opts Options) *Report {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	today := content.Day(now)
	r := &Report{Schema: SchemaVersion, Date: today.Format(isoDate), Strict: opts.Strict, Drafts: []string{}}
	list := raiseMissingSections(loadDiags)
	if s != nil {
		cfg := s.Config
		r.Site = cfg.Title
		r.MaxGrade, r.MinINFLESZ = cfg.Readability.MaxGrade, cfg.Readability.MinINFLESZ
		r.WarnDays = cfg.Review.WarnDays
		r.Drafts = append(r.Drafts, s.Drafts()...)
		r.Languages, r.Articles = checkArticles(s, today)
		for i := range r.Articles {
			list = append(list, r.Articles[i].findings...)
		}
		list = append(list, siteWide(s)...)
	}
	if opts.Strict {
		list = list.Strict()
	}
	list.Sort()
	r.Diagnostics = list
	r.summarize()
	return r
}

// checkArticles checks the articles of every language of s, in parallel,
// and returns the languages and the articles' reports, sorted by path.
func checkArticles(s *site.Site, today time.Time) ([]Language, []Article) {
	type job struct {
		c   *checker
		doc *site.Doc
	}
	var jobs []job
	var langs []Language
	for _, ls := range s.Sites() {
		c := newChecker(ls, today)
		for _, d := range ls.Articles {
			jobs = append(jobs, job{c, d})
		}
		langs = append(langs, Language{
			Code: ls.Language.Code, Name: ls.Language.Name, Formulas: formulasName(c.lang.formulas),
			Articles: len(ls.Articles), Untranslated: untranslated(s, ls),
		})
	}
	articles := make([]Article, len(jobs))
	parallel.For(len(jobs), func(i int) {
		articles[i] = jobs[i].c.article(jobs[i].doc)
	})
	slices.SortFunc(articles, func(a, b Article) int { return strings.Compare(a.Path, b.Path) })
	return langs, articles
}

// raiseMissingSections returns a copy of list in which a missing required
// section is an error: the build only warns, check fails (SPEC).
func raiseMissingSections(list diag.List) diag.List {
	out := make(diag.List, len(list))
	for i, d := range list {
		if d.Rule == diag.RuleSectionMissing {
			d.Severity = diag.Error
		}
		out[i] = d
	}
	return out
}

const isoDate = "2006-01-02"
