package check

import "github.com/handout-health/handout/generator/diag"

// LeafletTooLong is the finding on the article at source whose leaflet
// prints on pages pages of paper, more than maxPages.
func LeafletTooLong(source string, pages int, paper string, maxPages int) diag.Diagnostic {
	return diag.Warnf(source, 1, 1, "the leaflet of this article prints on %d pages of %s, more than print.max_pages (%d): long leaflets are not read; shorten it, or split it in two",
		pages, paper, maxPages).WithRule(diag.RulePrintPages)
}

// AddLeaflets records the pages each article's leaflet printed on (by
// the article's path), as handout check --pdf prints them on paper, and
// reports every leaflet longer than maxPages, raised to an error when the
// check is strict. The page count is known only by printing: layout,
// pictures, the sources and the glossary appendix all take room, so no
// count of words predicts it well enough to judge an article by.
func (r *Report) AddLeaflets(pages map[string]int, paper string, maxPages int) {
	var found diag.List
	for i := range r.Articles {
		a := &r.Articles[i]
		n, printed := pages[a.Path]
		if !printed {
			continue
		}
		a.PrintPages = n
		if n > maxPages {
			found = append(found, LeafletTooLong(a.Path, n, paper, maxPages))
		}
	}
	if r.Strict {
		found = found.Strict()
	}
	r.Diagnostics = append(r.Diagnostics, found...)
	r.Diagnostics.Sort()
	r.summarize()
}
