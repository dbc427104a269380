package check

import (
	"github.com/handout-health/handout/generator/diag"
)

// SchemaVersion is the version of the JSON form of Report. It is raised
// when a field changes meaning or goes away; new fields may be added
// without raising it.
//
// Version 2 checks every language of a site: articles holds the articles
// of each language (summary.articles counts them all), each with its
// "lang"; the English scores (smog, flesch_kincaid, flesch_reading_ease,
// polysyllables) are 0 for articles in other languages, and "syllables"
// counts Spanish syllables in Spanish articles. It adds "min_inflesz",
// "languages" (with each language's untranslated articles), the
// readability fields "formulas", "words_per_sentence", "letters_per_word",
// "fernandez_huerta", "inflesz", "inflesz_band" and "reason", a
// sentence's "inflesz", and "below_inflesz" on articles and in the
// summary. Since, "drafts" has been added, and each article's "print_pages"
// (check --pdf).
const SchemaVersion = 2

// Report is the result of checking a site. `handout check --format json`
// writes it as one JSON object (schema version 2):
//
//	{
//	  "schema": 2,                  // SchemaVersion
//	  "site": "Riverside Clinic Health Library",
//	  "date": "2026-11-26",         // the day review dates were judged by
//	  "strict": false,              // true: warnings were raised to errors
//	  "max_grade": 8,               // readability.max_grade (English articles)
//	  "min_inflesz": 55,            // readability.min_inflesz (Spanish articles)
//	  "warn_days": 60,              // review.warn_days
//	  "summary": {
//	    "articles": 15, "errors": 0, "warnings": 2,
//	    "over_grade": 1,            // English articles above max_grade
//	    "below_inflesz": 0,         // Spanish articles below min_inflesz
//	    "overdue": 0, "due_soon": 1, "unreviewed": 0
//	  },
//	  "languages": [                // site.yaml's order, the default first
//	    {"code": "en", "name": "English", "formulas": "english",
//	     "articles": 12, "untranslated": []},
//	    {"code": "es", "name": "Español",
//	     "formulas": "spanish",     // english, spanish or none (see Readability)
//	     "articles": 3,             // articles in this language
//	     "untranslated": [          // default-language articles with no
//	       {"path": "content/articles/caffeine.md", "title": "Caffeine"}
//	     ]}                         //   translation here; [] for the default
//	  ],
//	  "articles": [{                // every language's, sorted by path
//	    "path": "content/articles/serotonin.md",
//	    "lang": "en",                          // the language's code
//	    "title": "Serotonin",
//	    "url": "articles/serotonin/",          // relative to base_url
//	    "readability": {
//	      "formulas": "english",               // english, spanish or none
//	      "words": 812, "sentences": 64, "syllables": 1187,
//	      "polysyllables": 41,                 // words of 3+ syllables (English)
//	      "words_per_sentence": 12.7, "letters_per_word": 4.6,
//	      "smog": 8.1, "flesch_kincaid": 6.2, "flesch_reading_ease": 71.3,
//	      "fernandez_huerta": 0, "inflesz": 0, // Spanish
//	      "inflesz_band": "",                  // Spanish: "normal", "very hard", ...
//	      "reason": ""                         // formulas none: why there is no score
//	    },                                     // scores to one decimal
//	    "sections": [{"id": "context", "title": "Context", "line": 21,
//	                  "readability": {...}}],  // the lede has id ""
//	    "hardest": [{"text": "...", "line": 40, "col": 1, "section": "significance",
//	                 "words": 24, "grade": 11.9,      // English
//	                 "inflesz": 0}],                  // Spanish
//	                                           // up to 3, hardest first
//	    "review": {
//	      "reviewed_by": "Dr. Amara Okafor, MD",
//	      "last_reviewed": "2026-09-14",       // "" when unknown
//	      "next_review": "2028-09-14",
//	      "status": "ok",                      // ok, due, overdue or unknown
//	      "days_left": 658                     // negative when overdue
//	    },
//	    "sources": 3,
//	    "print_pages": 0,                      // pages of its leaflet on print.paper,
//	                                           //   printed by check --pdf; 0 without
//	    "over_grade": false,                   // English: smog or flesch_kincaid above max_grade
//	    "below_inflesz": false,                // Spanish: inflesz below min_inflesz
//	    "errors": 0, "warnings": 1             // this article's findings
//	  }],
//	  "diagnostics": [{                        // sorted by path, line, col
//	    "path": "content/articles/serotonin.md", "line": 40, "col": 5,
//	    "severity": "warning",                 // or "error"
//	    "rule": "sentence-length",             // see the package documentation
//	    "message": "..."
//	  }],
//	  "drafts": [                              // documents marked draft: true, not
//	    "content/articles/sleep-hygiene.md"    //   checked (check --drafts checks them)
//	  ]
//	}
//
// An empty list is written as [] and never as null.
type Report struct {
	Schema     int     `json:"schema"`
	Site       string  `json:"site"`
	Date       string  `json:"date"`
	Strict     bool    `json:"strict"`
	MaxGrade   float64 `json:"max_grade"`
	MinINFLESZ float64 `json:"min_inflesz"`
	WarnDays   int     `json:"warn_days"`
	Summary    Summary `json:"summary"`
	// Languages are the site's languages, the default first.
	Languages   []Language `json:"languages"`
	Articles    []Article  `json:"articles"`
	Diagnostics diag.List  `json:"diagnostics"`
	// Drafts are the files of the documents marked draft: true that were
	// not checked (check --drafts checks them), by path.
	Drafts []string `json:"drafts"`
}

// Formulas values: which readability formulas a language is measured by.
const (
	// FormulasEnglish: SMOG, Flesch-Kincaid and Flesch Reading Ease,
	// judged against readability.max_grade.
	FormulasEnglish = "english"
	// FormulasSpanish: Fernández-Huerta and Szigriszt-Pazos on the INFLESZ
	// scale, judged against readability.min_inflesz.
	FormulasSpanish = "spanish"
	// FormulasNone: no formula is validated for the language; sentence
	// and word length are reported, and nothing is judged.
	FormulasNone = "none"
)

// Language is one language of the site and what check found about it as
// a whole.
type Language struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Formulas is FormulasEnglish, FormulasSpanish or FormulasNone.
	Formulas string `json:"formulas"`
	// Articles counts the language's articles.
	Articles int `json:"articles"`
	// Untranslated are the default-language articles that have no
	// translation in this language, by path; always empty for the default
	// language. They are information, not findings: a clinic may
	// translate only the articles its readers need.
	Untranslated []ArticleRef `json:"untranslated"`
}

// ArticleRef names an article.
type ArticleRef struct {
	Path  string `json:"path"`
	Title string `json:"title"`
}

// Summary counts what a governance lead looks at first.
type Summary struct {
	Articles int `json:"articles"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// OverGrade counts English articles reading above the target grade;
	// BelowINFLESZ Spanish articles scoring below the INFLESZ target.
	OverGrade    int `json:"over_grade"`
	BelowINFLESZ int `json:"below_inflesz"`
	// Overdue, DueSoon and Unreviewed count articles by review status.
	Overdue    int `json:"overdue"`
	DueSoon    int `json:"due_soon"`
	Unreviewed int `json:"unreviewed"`
}

// Article is what check found about one article.
type Article struct {
	Path string `json:"path"`
	// Lang is the code of the article's language, as site.yaml writes it.
	Lang  string `json:"lang"`
	Title string `json:"title"`
	URL   string `json:"url"`
	// Readability is measured over the article's whole prose.
	Readability Readability `json:"readability"`
	// Sections are measured one by one, the lede first (ID "").
	Sections []SectionReadability `json:"sections"`
	// Hardest are the (up to) three hardest sentences, hardest first:
	// by Flesch-Kincaid grade in English, by Szigriszt-Pazos score in
	// Spanish; none in a language without a formula.
	Hardest []Sentence `json:"hardest"`
	Review  Review     `json:"review"`
	Sources int        `json:"sources"`
	// PrintPages is the number of pages its leaflet prints on, on the
	// site's print.paper, when the check printed it (check --pdf, see
	// Report.AddLeaflets); 0 otherwise.
	PrintPages int `json:"print_pages"`
	// Errors and Warnings count this article's findings.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`

	// OverGrade is true when an English article's Grade is above
	// max_grade; BelowINFLESZ when a Spanish article's INFLESZ is below
	// min_inflesz.
	OverGrade    bool `json:"over_grade"`
	BelowINFLESZ bool `json:"below_inflesz"`

	findings diag.List
}

// Readability holds the figures of one stretch of prose, by the formulas
// of its language. Every figure is rounded to one decimal and is 0 when
// there is no prose, or when it belongs to another language's formulas.
type Readability struct {
	// Formulas is FormulasEnglish, FormulasSpanish or FormulasNone.
	Formulas  string `json:"formulas"`
	Words     int    `json:"words"`
	Sentences int    `json:"sentences"`
	// Syllables are counted by the language's rules (0 with no formula);
	// Polysyllables, words of three or more, only in English.
	Syllables     int `json:"syllables"`
	Polysyllables int `json:"polysyllables"`
	// WordsPerSentence and LettersPerWord are the average sentence and
	// word lengths, which every language has.
	WordsPerSentence float64 `json:"words_per_sentence"`
	LettersPerWord   float64 `json:"letters_per_word"`
	// SMOG and FleschKincaid are US school grades; FleschReadingEase is
	// 0 (very hard) to 100 (very easy). English only.
	SMOG              float64 `json:"smog"`
	FleschKincaid     float64 `json:"flesch_kincaid"`
	FleschReadingEase float64 `json:"flesch_reading_ease"`
	// FernandezHuerta and INFLESZ (the Szigriszt-Pazos score, which the
	// INFLESZ scale grades) are 0 (very hard) to 100 (very easy);
	// INFLESZBand names INFLESZ's band ("normal", "somewhat hard", ...),
	// "" when there is no prose. Spanish only.
	FernandezHuerta float64 `json:"fernandez_huerta"`
	INFLESZ         float64 `json:"inflesz"`
	INFLESZBand     string  `json:"inflesz_band"`
	// Reason says, with FormulasNone, why there is no score.
	Reason string `json:"reason"`
}

// Grade is the higher of the two English grade formulas: the one the
// target is judged by; 0 for other languages.
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
	// Grade is an English sentence's Flesch-Kincaid grade on its own;
	// INFLESZ a Spanish sentence's Szigriszt-Pazos score on its own.
	Grade   float64 `json:"grade"`
	INFLESZ float64 `json:"inflesz"`
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
	if r.Languages == nil {
		r.Languages = []Language{}
	}
	index := map[string]int{}
	for i := range r.Articles {
		index[r.Articles[i].Path] = i
		r.Articles[i].findings = nil
		r.Articles[i].Errors, r.Articles[i].Warnings = 0, 0
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
		if a.BelowINFLESZ {
			s.BelowINFLESZ++
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
