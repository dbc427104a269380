package check

import (
	"github.com/handout-health/handout/generator/diag"
)

// SchemaVersion is the version of the JSON form of Report. It is raised
// when a field changes meaning or goes away; new fields may be added
// without raising it.
const SchemaVersion = 1

// Report is the result of checking a site. `handout check --format json`
// writes it as one JSON object (schema version 1):
//
//	{
//	  "schema": 1,                  // SchemaVersion
//	  "site": "Riverside Clinic Health Library",
//	  "date": "2026-11-26",         // the day review dates were judged by
//	  "strict": false,              // true: warnings were raised to errors
//	  "max_grade": 8,               // readability.max_grade
//	  "warn_days": 60,              // review.warn_days
//	  "summary": {
//	    "articles": 15, "errors": 0, "warnings": 2,
//	    "over_grade": 1,            // articles above max_grade
//	    "overdue": 0, "due_soon": 1, "unreviewed": 0
//	  },
//	  "articles": [{                // sorted by path
//	    "path": "content/articles/serotonin.md",
//	    "title": "Serotonin",
//	    "url": "articles/serotonin/",          // relative to base_url
//	    "readability": {
//	      "words": 812, "sentences": 64, "syllables": 1187,
//	      "polysyllables": 41,                 // words of 3+ syllables
//	      "smog": 8.1, "flesch_kincaid": 6.2, "flesch_reading_ease": 71.3
//	    },                                     // grades to one decimal
//	    "sections": [{"id": "context", "title": "Context", "line": 21,
//	                  "readability": {...}}],  // the lede has id ""
//	    "hardest": [{"text": "...", "line": 40, "col": 1, "section": "significance",
//	                 "words": 24, "grade": 11.9}],   // up to 3, hardest first
//	    "review": {
//	      "reviewed_by": "Dr. Amara Okafor, MD",
//	      "last_reviewed": "2026-09-14",       // "" when unknown
//	      "next_review": "2028-09-14",
//	      "status": "ok",                      // ok, due, overdue or unknown
//	      "days_left": 658                     // negative when overdue
//	    },
//	    "sources": 3,
//	    "over_grade": false,                   // smog or flesch_kincaid above max_grade
//	    "errors": 0, "warnings": 1             // this article's findings
//	  }],
//	  "diagnostics": [{                        // sorted by path, line, col
//	    "path": "content/articles/serotonin.md", "line": 40, "col": 5,
//	    "severity": "warning",                 // or "error"
//	    "rule": "sentence-length",             // see the package documentation
//	    "message": "..."
//	  }]
//	}
//
// An empty list is written as [] and never as null.
type Report struct {
	Schema      int       `json:"schema"`
	Site        string    `json:"site"`
	Date        string    `json:"date"`
	Strict      bool      `json:"strict"`
	MaxGrade    float64   `json:"max_grade"`
	WarnDays    int       `json:"warn_days"`
	Summary     Summary   `json:"summary"`
	Articles    []Article `json:"articles"`
	Diagnostics diag.List `json:"diagnostics"`
}

// Summary counts what a governance lead looks at first.
type Summary struct {
	Articles int `json:"articles"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// OverGrade counts articles reading above the target grade.
	OverGrade int `json:"over_grade"`
	// Overdue, DueSoon and Unreviewed count articles by review status.
	Overdue    int `json:"overdue"`
	DueSoon    int `json:"due_soon"`
	Unreviewed int `json:"unreviewed"`
}

// Article is what check found about one article.
type Article struct {
	Path  string `json:"path"`
	Title string `json:"title"`
	URL   string `json:"url"`
	// Readability is measured over the article's whole prose.
	Readability Readability `json:"readability"`
	// Sections are measured one by one, the lede first (ID "").
	Sections []SectionReadability `json:"sections"`
	// Hardest are the (up to) three hardest sentences, hardest first.
	Hardest []Sentence `json:"hardest"`
	Review  Review     `json:"review"`
	Sources int        `json:"sources"`
	// Errors and Warnings count this article's findings.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`

	// OverGrade is true when the article's Grade is above max_grade.
	OverGrade bool `json:"over_grade"`

	findings diag.List
}

// Readability holds the figures of one stretch of prose.
type Readability struct {
	Words         int `json:"words"`
	Sentences     int `json:"sentences"`
	Syllables     int `json:"syllables"`
	Polysyllables int `json:"polysyllables"`
	// SMOG and FleschKincaid are US school grades; FleschReadingEase is
	// 0 (very hard) to 100 (very easy). All are rounded to one decimal
	// and are 0 when there is no prose.
	SMOG              float64 `json:"smog"`
	FleschKincaid     float64 `json:"flesch_kincaid"`
	FleschReadingEase float64 `json:"flesch_reading_ease"`
}

// Grade is the higher of the two grade formulas: the one the target is
// judged by.
func (r Readability) Grade() float64 { return max(r.SMOG, r.FleschKincaid) }

// SectionReadability is the readability of one section.
type SectionReadability struct {
	// ID is the section's id ("" for the lede); Title its heading.
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Line        int         `json:"line"`
	Readability Readability `json:"readability"`
}

// Sentence is one sentence quoted in a report.
type Sentence struct {
	Text    string `json:"text"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Section string `json:"section"`
	Words   int    `json:"words"`
	// Grade is the sentence's Flesch-Kincaid grade on its own.
	Grade float64 `json:"grade"`
}

// Review status values.
const (
	ReviewOK      = "ok"
	ReviewDue     = "due"
	ReviewOverdue = "overdue"
	ReviewUnknown = "unknown"
)

// Review is an article's review record and where it stands today.
type Review struct {
	ReviewedBy   string `json:"reviewed_by"`
	LastReviewed string `json:"last_reviewed"`
	NextReview   string `json:"next_review"`
	// Status is ReviewOK, ReviewDue (within warn_days), ReviewOverdue or
	// ReviewUnknown (no date to judge by).
	Status string `json:"status"`
	// DaysLeft is the number of days until next_review; negative when
	// overdue, 0 when unknown.
	DaysLeft int `json:"days_left"`
}

// Failed reports whether the report has an error: the check exits 1.
func (r *Report) Failed() bool { return r.Diagnostics.HasErrors() }

// summarize fills Summary and each article's counts, and makes empty
// lists [] in JSON.
func (r *Report) summarize() {
	if r.Diagnostics == nil {
		r.Diagnostics = diag.List{}
	}
	if r.Articles == nil {
		r.Articles = []Article{}
	}
	index := map[string]int{}
	for i := range r.Articles {
		index[r.Articles[i].Path] = i
		r.Articles[i].findings = nil
	}
	s := Summary{Articles: len(r.Articles)}
	for _, d := range r.Diagnostics {
		i, isArticle := index[d.Path]
		if d.Severity == diag.Error {
			s.Errors++
			if isArticle {
				r.Articles[i].Errors++
			}
		} else {
			s.Warnings++
			if isArticle {
				r.Articles[i].Warnings++
			}
		}
	}
	for _, a := range r.Articles {
		if a.OverGrade {
			s.OverGrade++
		}
		switch a.Review.Status {
		case ReviewOverdue:
			s.Overdue++
		case ReviewDue:
			s.DueSoon++
		case ReviewUnknown:
			s.Unreviewed++
		}
	}
	r.Summary = s
}
