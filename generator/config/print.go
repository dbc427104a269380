package config

import "strings"

// Print holds the settings of printed articles and PDF leaflets
// (site.yaml print:):
//
//	print:
//	  paper: A4          # A4 (the default) or Letter: the PDF leaflets' paper
//	  max_pages: 4       # check reports an article whose leaflet prints longer
//
// The theme prints on either paper from a browser; paper chooses the size
// of the leaflets handout build --pdf makes.
type Print struct {
	// Paper is PaperA4 or PaperLetter.
	Paper string `yaml:"paper"`
	// MaxPages is the most pages a leaflet should have: long leaflets
	// are not read. 0 in site.yaml means the default, 4.
	MaxPages int `yaml:"max_pages"`
}

// The papers of print.paper (Print.Paper).
const (
	PaperA4     = "A4"
	PaperLetter = "Letter"
)

// DefaultMaxPages is print.max_pages when site.yaml gives none.
const DefaultMaxPages = 4

// validate fills the defaults and reports a paper that is not A4 or
// Letter (written in any case) and a negative page limit.
func (p *Print) validate(errAt func(path, format string, args ...any)) {
	switch strings.ToLower(strings.TrimSpace(p.Paper)) {
	case "", "a4":
		p.Paper = PaperA4
	case "letter":
		p.Paper = PaperLetter
	default:
		errAt("$.print.paper", "print.paper %q is not a paper handout prints on: write A4 or Letter", p.Paper)
	}
	switch {
	case p.MaxPages == 0:
		p.MaxPages = DefaultMaxPages
	case p.MaxPages < 0:
		errAt("$.print.max_pages", "print.max_pages must be a number of pages above 0 (default %d)", DefaultMaxPages)
	}
}
