package check

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handout-health/handout/generator/diag"
)

// today is the day every test judges review dates by.
var today = time.Date(2026, 11, 26, 15, 4, 0, 0, time.UTC)

const siteYAML = `title: Test library
base_url: https://clinic.example/library/
feedback_url: mailto:library@clinic.example
review:
  interval: 2y
  warn_days: 60
consent:
  categories:
    - id: marketing
      title: Marketing
      description: Videos and news of the clinic on other websites.
` + sectionTitles

// sectionTitles is SPEC's section schema with titles for readers.
const sectionTitles = `sections:
  - {id: context, headings: [Context, Contexto], title: What it is, required: true}
  - {id: significance, headings: [Significance, Importancia], title: Why it matters}
  - {id: mechanism, headings: [Mechanism, Mecanismo], title: How it works, required: true}
  - {id: application, headings: [Application, Aplicación], title: What you can do, required: true}
  - {id: metric, headings: [Metric, Metrics, Medición], title: How it is measured, required: true}
  - {id: risk, headings: [Risk, Risks, Riesgo, Riesgos], title: When to get help, required: true}
`

// bedPNG is the picture the test articles show: a real PNG, which the
// build reads for its size.
var bedPNG = func() []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 30))); err != nil {
		panic(err)
	}
	return buf.Bytes()
}()

// frontMatter is a complete, current review record.
const frontMatter = `title: Sleep
summary: Sleep helps your body rest.
reviewed_by: "A. Clinician, MD"
last_reviewed: 2026-01-10
sources:
  - title: "Sleep basics"
    url: https://medlineplus.gov/healthysleep.html
`

// sections is a body with every section of the default schema, in order,
// in short plain sentences, and a picture.
const sections = `Sleep is rest for your body and mind. ![A person asleep in bed](/img/bed.png)

## Context

You sleep each night. It helps you feel well.

## Mechanism

Your brain slows down. Your heart rate drops.

## Application

Go to bed at the same time. Keep your room dark.

## Metric

Most adults need 7 to 9 hours a night.

## Risk

Too little sleep can make you tired. Talk to your doctor if you sleep badly.
`

// testSite is a small site: one article per entry of articles (file name to
// whole file), and a glossary term that an article uses.
func testSite(articles map[string]string, extra map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":                  {Data: []byte(siteYAML)},
		"content/glossary/rem.md":    {Data: []byte("---\nterm: REM sleep\nsynonyms: [rapid eye movement sleep]\n---\nThe stage of sleep in which most dreams happen.\n")},
		"content/glossary/ssri.md":   {Data: []byte("---\nterm: SSRI\nsynonyms: [SSRIs]\n---\nA common kind of medicine for low mood.\n")},
		"static/img/bed.png":         {Data: bedPNG},
		"content/articles/anchor.md": {Data: []byte(article(frontMatterFor("Anchor"), sections+"\nREM sleep (rapid eye movement sleep) and SSRI (a kind of medicine) are words we use.\n"))},
	}
	for name, text := range articles {
		fsys["content/articles/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func frontMatterFor(title string) string {
	return strings.Replace(frontMatter, "title: Sleep", "title: "+title, 1)
}

func article(front, body string) string { return "---\n" + front + "---\n" + body }

func run(t *testing.T, fsys fstest.MapFS, opts Options) *Report {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = today
	}
	return Site(fsys, opts)
}

// of returns the diagnostics of one rule.
func of(r *Report, rule string) diag.List {
	var out diag.List
	for _, d := range r.Diagnostics {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

func TestCleanArticleHasNoFindings(t *testing.T) {
	r := run(t, testSite(map[string]string{"sleep.md": article(frontMatter, sections)}, nil), Options{})
	if len(r.Diagnostics) != 0 {
		t.Fatalf("want no findings, got:\n%s", r.Diagnostics)
	}
	if r.Failed() || r.Summary.Articles != 2 || r.Date != "2026-11-26" {
		t.Errorf("report: failed %v, %d articles, date %s", r.Failed(), r.Summary.Articles, r.Date)
	}
}

// TestRules runs each rule on a small site and checks the finding: where
// it is, how serious, and what its message says.
func TestRules(t *testing.T) {
	noReviewer := strings.Replace(frontMatter, "reviewed_by: \"A. Clinician, MD\"\n", "", 1)
	noDate := strings.Replace(frontMatter, "last_reviewed: 2026-01-10\n", "", 1)
	noSources := frontMatter[:strings.Index(frontMatter, "sources:")]
	withDate := func(last, next string) string {
		fm := strings.Replace(frontMatter, "last_reviewed: 2026-01-10", "last_reviewed: "+last, 1)
		if next != "" {
			fm = strings.Replace(fm, "sources:", "next_review: "+next+"\nsources:", 1)
		}
		return fm
	}
	replace := func(old, new string) string { return strings.Replace(sections, old, new, 1) }
	// Line numbers below count the 9 lines of front matter (with its
	// --- lines): the body's first line is line 10, and the sections
	// start at lines 12 (Context), 16, 20, 24 and 28 (Risk).
	tests := []struct {
		name     string
		file     string
		rule     string
		severity diag.Severity
		at       string // path:line:col of the first finding
		message  []string
		count    int // findings of the rule; 0 means 1
	}{
		{
			name: "missing section is an error", rule: diag.RuleSectionMissing, severity: diag.Error,
			file:    article(frontMatter, replace("## Mechanism\n\nYour brain slows down. Your heart rate drops.\n", "")),
			message: []string{`"mechanism"`},
		},
		{
			name: "sections out of order", rule: diag.RuleSectionOrder, severity: diag.Warning,
			file: article(frontMatter, `Lede.

## Mechanism

How it works.

## Context

Why it matters.

## Application

## Metric

## Risk
`),
			at:      "sleep.md:16:1",
			message: []string{`"What it is" should come before "How it works"`, "the order is What it is, Why it matters, How it works, What you can do, How it is measured, When to get help"},
		},
		{
			name: "section twice", rule: diag.RuleSectionDuplicate, severity: diag.Warning,
			file:    article(frontMatter, sections+"\n## Risk\n\nMore risk.\n"),
			message: []string{`"Risk" appears twice (first at line 28)`},
			at:      "sleep.md:32:1",
		},
		{
			name: "review overdue names the date", rule: diag.RuleReviewOverdue, severity: diag.Warning,
			file:    article(withDate("2023-01-10", ""), sections),
			at:      "sleep.md:5:1",
			message: []string{"due on 2025-01-10", "685 days ago", "last reviewed on 2023-01-10"},
		},
		{
			name: "review overdue by next_review", rule: diag.RuleReviewOverdue, severity: diag.Warning,
			file:    article(withDate("2025-01-10", "2026-11-25"), sections),
			at:      "sleep.md:6:1",
			message: []string{"due on 2026-11-25, 1 day ago"},
		},
		{
			name: "review due within warn_days", rule: diag.RuleReviewDue, severity: diag.Warning,
			file:    article(withDate("2025-01-10", "2027-01-25"), sections),
			at:      "sleep.md:6:1",
			message: []string{"due on 2027-01-25, in 60 days", "warn_days is 60"},
		},
		{
			name: "review due today", rule: diag.RuleReviewDue, severity: diag.Warning,
			file:    article(withDate("2025-01-10", "2026-11-26"), sections),
			message: []string{"due on 2026-11-26, today"},
		},
		{
			name: "no reviewer", rule: diag.RuleReviewMissing, severity: diag.Warning,
			file: article(noReviewer, sections), at: "sleep.md:1:1", message: []string{"no reviewed_by"},
		},
		{
			name: "no review date", rule: diag.RuleReviewMissing, severity: diag.Warning,
			file: article(noDate, sections), at: "sleep.md:1:1", message: []string{"no last_reviewed"},
		},
		{
			name: "review date in the future", rule: diag.RuleReviewDate, severity: diag.Warning,
			file: article(withDate("2027-01-01", ""), sections), at: "sleep.md:5:1", message: []string{"2027-01-01 is in the future"},
		},
		{
			name: "no sources", rule: diag.RuleSourcesMissing, severity: diag.Warning,
			file: article(noSources, sections), at: "sleep.md:1:1", message: []string{"no sources"},
		},
		{
			name: "image without a description", rule: diag.RuleImageAlt, severity: diag.Error,
			file:    article(frontMatter, replace("You sleep each night.", "You sleep each night. ![](/img/bed.png)")),
			at:      "sleep.md:14:23",
			message: []string{"/img/bed.png has no description"},
		},
		{
			name: "broken link is an error", rule: diag.RuleLink, severity: diag.Error,
			file: article(frontMatter, replace("Keep your room dark.", "Keep your room [[Darkness]].")),
			at:   "sleep.md:22:44",
		},
		{
			name: "acronym not explained", rule: diag.RuleAcronym, severity: diag.Warning,
			file:    article(frontMatter, replace("Your brain slows down.", "Your brain slows down. The NHS and the NHS say so.")),
			at:      "sleep.md:18:28",
			message: []string{"acronym NHS is not explained"},
		},
		{
			name: "glossary acronym not explained in the text", rule: diag.RuleAcronym, severity: diag.Warning,
			file:    article(frontMatter, replace("You sleep each night.", "You dream in REM sleep.")),
			at:      "sleep.md:14:14",
			message: []string{"acronym REM is not explained", "a glossary tooltip does not reach a printed page"},
		},
		{
			name: "long bullet list", rule: diag.RuleListLength, severity: diag.Warning,
			file:    article(frontMatter, replace("Go to bed at the same time.", "Go to bed at the same time.\n\n- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h\n")),
			at:      "sleep.md:24:1",
			message: []string{"a bullet list of 8 items"},
		},
		{
			name: "long sentence", rule: diag.RuleSentenceLength, severity: diag.Warning,
			file:    article(frontMatter, replace("It helps you feel well.", "It helps you "+strings.Repeat("feel ", 22)+"well.")),
			at:      "sleep.md:14:23",
			message: []string{"a sentence of 26 words", "“It helps you feel feel"},
		},
		{
			name: "percentage without words in the risk section", rule: diag.RuleNumberWords, severity: diag.Warning,
			file:    article(frontMatter, replace("Too little sleep can make you tired.", "Too little sleep makes 25% of adults tired.")),
			at:      "sleep.md:30:24",
			message: []string{"25% in the risk section", `"1 in 4 people"`},
		},
		{
			name: "fraction without words in the metric section", rule: diag.RuleNumberWords, severity: diag.Warning,
			file:    article(frontMatter, replace("Most adults need", "About 1/3 of adults get less. Most adults need")),
			at:      "sleep.md:26:7",
			message: []string{"1/3 in the metric section", `"1 in 3 people"`},
		},
		{
			name: "percent in words", rule: diag.RuleNumberWords, severity: diag.Warning,
			file:    article(frontMatter, replace("Most adults need", "About 12.5 percent of adults get less. Most adults need")),
			message: []string{"12.5 percent", `"1 in 8 people"`},
		},
		{
			name: "hard article", rule: diag.RuleReadability, severity: diag.Warning,
			file: article(frontMatter, replace("You sleep each night. It helps you feel well.",
				"Physiological sleep regulation involves complicated interactions between homeostatic accumulation of adenosine and circadian oscillations generated by hypothalamic pacemakers.")),
			at:      "sleep.md:14:1",
			message: []string{"reads at grade", "the target is grade 8 or lower", "hardest section: What it is", "hardest sentences: line 14 “Physiological sleep regulation"},
		},
		{
			name: "unknown callout marker", rule: diag.RuleCallout, severity: diag.Warning,
			file:    article(frontMatter, replace("Go to bed at the same time.", "Go to bed.\n\n> [!WARNIG] Typo\n> Text.\n\nGo")),
			at:      "sleep.md:24:3",
			message: []string{"unknown callout marker [!WARNIG], shown as a plain quote: did you mean [!WARNING]?"},
		},
		{
			name: "emergency callout with no number", rule: diag.RuleEmergencyNumber, severity: diag.Warning,
			file:    article(frontMatter, replace("Talk to your doctor if you sleep badly.", "Talk to your doctor.\n\n> [!EMERGENCY]\n> Call now if you cannot wake someone.\n\n> [!EMERGENCY] Again\n")),
			at:      "site.yaml:1:1",
			message: []string{"content/articles/sleep.md:32:3 has an emergency callout, but site.yaml gives no emergency number", `contacts: {emergency: "911"}`},
		},
		{
			name: "video without a transcript", rule: diag.RuleVideoTranscript, severity: diag.Warning,
			file:    article(frontMatter, replace("Go to bed at the same time.", "Watch this.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nGo to bed at the same time.")),
			at:      "sleep.md:24:1",
			message: []string{"this video has no transcript", "Transcript: [Read what the video says]"},
		},
		{
			name: "no feedback address", rule: diag.RuleFeedback, severity: diag.Warning,
			file: article(frontMatter, sections), at: "site.yaml:1:1", message: []string{"no feedback_url"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testSite(map[string]string{"sleep.md": tt.file}, map[string]string{"static/img/bed.png": string(bedPNG)})
			if tt.rule == diag.RuleFeedback {
				fsys["site.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(siteYAML, "feedback_url: mailto:library@clinic.example\n", "", 1))}
			}
			r := run(t, fsys, Options{})
			got := of(r, tt.rule)
			want := max(tt.count, 1)
			if len(got) != want {
				t.Fatalf("want %d %s finding(s), got %d; all findings:\n%s", want, tt.rule, len(got), r.Diagnostics)
			}
			d := got[0]
			if d.Severity != tt.severity {
				t.Errorf("severity %v, want %v", d.Severity, tt.severity)
			}
			if tt.at != "" {
				if at := fmt.Sprintf("%s:%d:%d", strings.TrimPrefix(d.Path, "content/articles/"), d.Line, d.Col); at != tt.at {
					t.Errorf("at %s, want %s: %s", at, tt.at, d)
				}
			}
			for _, m := range tt.message {
				if !strings.Contains(d.Message, m) {
					t.Errorf("message %q does not contain %q", d.Message, m)
				}
			}
			if others := len(r.Diagnostics) - len(got); tt.severity == diag.Warning && r.Failed() {
				t.Errorf("a warning failed the check (%d other findings):\n%s", others, r.Diagnostics)
			}
		})
	}
}

// TestRulesLeaveGoodTextAlone pins down what the rules must not report.
func TestRulesLeaveGoodTextAlone(t *testing.T) {
	replace := func(old, new string) string { return strings.Replace(sections, old, new, 1) }
	tests := []struct {
		name, body, rule string
	}{
		{"acronym spelled out after a comma", replace("You sleep each night.", "SSRIs, or selective serotonin reuptake inhibitors, can change sleep."), diag.RuleAcronym},
		{"acronym explained by what it is", replace("You sleep each night.", "REM is a stage of sleep."), diag.RuleAcronym},
		{"acronym defined in brackets", replace("You sleep each night.", "The NHS (National Health Service) says so."), diag.RuleAcronym},
		{"acronym after its definition", replace("You sleep each night.", "Ask the National Health Service (NHS)."), diag.RuleAcronym},
		{"acronym that stands for", replace("You sleep each night.", "Ask the NHS. NHS stands for National Health Service."), diag.RuleAcronym},
		{"everyday capitals", replace("You sleep each night.", "It is OK to nap. Turn off the TV."), diag.RuleAcronym},
		{"seven bullets", replace("Go to bed at the same time.", "Go to bed.\n\n- a\n- b\n- c\n- d\n- e\n- f\n- g\n"), diag.RuleListLength},
		{"eight numbered steps", replace("Go to bed at the same time.", "Go to bed.\n\n1. a\n2. b\n3. c\n4. d\n5. e\n6. f\n7. g\n8. h\n"), diag.RuleListLength},
		{"25-word sentence", replace("It helps you feel well.", "It helps you "+strings.Repeat("feel ", 21)+"well."), diag.RuleSentenceLength},
		{"abbreviations do not end sentences", replace("It helps you feel well.", "Dr. Lee, e.g., gives 2.5 mg. at night, i.e. late. It helps."), diag.RuleSentenceLength},
		{"percentage with a natural frequency", replace("Too little sleep can make you tired.", "Too little sleep makes 25% of adults (1 in 4) tired."), diag.RuleNumberWords},
		{"percentage with words out of", replace("Too little sleep can make you tired.", "About 20 percent, or 20 out of 100 people, feel tired."), diag.RuleNumberWords},
		{"percentage outside metric and risk", replace("You sleep each night.", "You sleep 33% of your life."), diag.RuleNumberWords},
		{"blood pressure is not a fraction", replace("Most adults need", "A reading of 120/80 is normal. Most adults need"), diag.RuleNumberWords},
		{"plain article", sections, diag.RuleReadability},
		{"callout markers", replace("You sleep each night.", "> [!WARNING] Sleep well\n> You sleep each night.\n\n> [!IMPORTANT]\n> Rest.\n"), diag.RuleAcronym},
		{"a callout that is not a marker's", replace("You sleep each night.", "> [!NOTE] Sleep well\n> You sleep each night.\n"), diag.RuleCallout},
		{"no emergency callout", replace("You sleep each night.", "> [!WARNING]\n> Call if you cannot wake someone.\n"), diag.RuleEmergencyNumber},
		{"video with a transcript", replace("Go to bed at the same time.", "Watch this.\n\nhttps://youtu.be/dQw4w9WgXcQ\nTranscript: [Read what it says](https://example.org/t)\n\nGo to bed."), diag.RuleVideoTranscript},
		{"a link to a video", replace("Go to bed at the same time.", "[Watch the video](https://youtu.be/dQw4w9WgXcQ). Go to bed."), diag.RuleVideoTranscript},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, testSite(map[string]string{"sleep.md": article(frontMatter, tt.body)}, nil), Options{})
			if got := of(r, tt.rule); len(got) > 0 {
				t.Errorf("want no %s finding, got:\n%s", tt.rule, got)
			}
		})
	}
}

func TestStrictRaisesWarnings(t *testing.T) {
	overdue := strings.Replace(frontMatter, "last_reviewed: 2026-01-10", "last_reviewed: 2020-01-10", 1)
	fsys := testSite(map[string]string{"sleep.md": article(overdue, sections)}, nil)
	r := run(t, fsys, Options{})
	if r.Failed() || r.Summary.Warnings != 1 || r.Summary.Overdue != 1 {
		t.Fatalf("without strict: failed %v, summary %+v\n%s", r.Failed(), r.Summary, r.Diagnostics)
	}
	r = run(t, fsys, Options{Strict: true})
	if !r.Failed() || r.Summary.Errors != 1 || r.Summary.Warnings != 0 || !r.Strict {
		t.Fatalf("strict: failed %v, summary %+v", r.Failed(), r.Summary)
	}
}

func TestReportFigures(t *testing.T) {
	r := run(t, testSite(map[string]string{"sleep.md": article(frontMatter, sections)}, nil), Options{})
	var a *Article
	for i := range r.Articles {
		if r.Articles[i].Path == "content/articles/sleep.md" {
			a = &r.Articles[i]
		}
	}
	if a == nil {
		t.Fatal("no report for sleep.md")
	}
	// The prose is 10 sentences (headings do not count) of 60 words.
	if a.Readability.Sentences != 10 || a.Readability.Words != 60 {
		t.Errorf("sentences %d, words %d; want 10, 60", a.Readability.Sentences, a.Readability.Words)
	}
	var ids []string
	for _, s := range a.Sections {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, ","); got != ",context,mechanism,application,metric,risk" {
		t.Errorf("sections %s", got)
	}
	if len(a.Hardest) != 3 {
		t.Fatalf("want 3 hardest sentences, got %d", len(a.Hardest))
	}
	if a.Hardest[0].Grade < a.Hardest[1].Grade || a.Hardest[1].Grade < a.Hardest[2].Grade {
		t.Errorf("hardest not hardest first: %+v", a.Hardest)
	}
	// The hardest sentence is found in the file: line and column point at
	// its first word.
	h := a.Hardest[0]
	lines := strings.Split(article(frontMatter, sections), "\n")
	if line := lines[h.Line-1]; !strings.HasPrefix(line[h.Col-1:], strings.Fields(h.Text)[0]) {
		t.Errorf("hardest sentence %q placed at %d:%d, on %q", h.Text, h.Line, h.Col, line)
	}
	want := Review{ReviewedBy: "A. Clinician, MD", LastReviewed: "2026-01-10", NextReview: "2028-01-10", Status: ReviewOK, DaysLeft: 410}
	if a.Review != want {
		t.Errorf("review %+v, want %+v", a.Review, want)
	}
}

func TestBrokenSiteYAML(t *testing.T) {
	r := Site(fstest.MapFS{"site.yaml": {Data: []byte("title: [\n")}}, Options{Now: today})
	if !r.Failed() || len(r.Articles) != 0 || r.Diagnostics[0].Path != "site.yaml" {
		t.Fatalf("want a site.yaml error, got %+v", r)
	}
}

// TestEmptyArticle checks an article with no prose at all: no figures,
// no panic, and empty lists rather than nulls in JSON.
func TestEmptyArticle(t *testing.T) {
	r := run(t, testSite(map[string]string{"empty.md": article(frontMatter, "")}, nil), Options{})
	for _, a := range r.Articles {
		if a.Path != "content/articles/empty.md" {
			continue
		}
		if a.Readability != (Readability{Formulas: FormulasEnglish}) || a.Sections == nil || a.Hardest == nil || a.OverGrade {
			t.Errorf("empty article: %+v", a)
		}
		return
	}
	t.Fatal("no report for the empty article")
}

func TestUngatedThirdPartyScriptIsAnError(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":             {Data: []byte("title: T\nmarkdown:\n  unsafe: true\nconsent:\n  categories:\n    - id: analytics\n      title: Analytics\n      description: Counting visits.\n")},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\nsummary: S.\n---\nText.\n\n<script src=\"https://tracker.example/t.js\"></script>\n")},
	}
	r := Site(fsys, Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	found := false
	for _, d := range r.Diagnostics {
		if d.Path == "content/articles/a.md" && d.Line == 7 && d.Severity == diag.Error {
			found = true
		}
	}
	if !found {
		t.Errorf("an ungated third-party script was not reported as an error at content/articles/a.md:7")
	}
}

// TestCallouts: a callout's marker is no prose (the words of an article
// are those of the same text written without callouts), its title is a
// heading (not measured, as headings are not), and a site with an
// emergency number gets no emergency-number finding.
func TestCallouts(t *testing.T) {
	words := func(body string, siteYAML string) (int, *Report) {
		t.Helper()
		fsys := testSite(map[string]string{"sleep.md": article(frontMatter, body)}, nil)
		if siteYAML != "" {
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML)}
		}
		r := run(t, fsys, Options{})
		for _, a := range r.Articles {
			if a.Path == "content/articles/sleep.md" {
				return a.Readability.Words, r
			}
		}
		t.Fatal("no report for sleep.md")
		return 0, nil
	}
	plain, _ := words(sections, "")
	withCallouts, r := words(strings.Replace(sections, "You sleep each night.", "> [!TIP] A title of six words here\n> You sleep each night.\n\n> [!EMERGENCY]\n", 1), siteYAML+"contacts:\n  emergency: 999\n")
	if withCallouts != plain {
		t.Errorf("an article with callouts counts %d words, the same text without them %d", withCallouts, plain)
	}
	if len(r.Diagnostics) != 0 {
		t.Errorf("callouts on a site with an emergency number: %s", r.Diagnostics)
	}
}
