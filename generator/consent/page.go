package consent

import (
	"github.com/handout-health/handout/generator/diag"
)

// PageChecker judges the pages of one build as they are rendered, with the
// same rules as CheckHTML, but reads only once what pages share. A page of
// a large library is mostly pieces judged already: the document's HTML,
// which CheckDocument judged as it was converted, and the theme's
// partials (the header, footer and cookie banner that every page repeats,
// and the entries of lists), which the theme has judged with Clean as it
// first rendered them. Check skips such a piece where the page holds it,
// provided the page puts it where reading starts afresh (after a whole
// tag, outside a comment and outside the text of a <script>, <style> or
// the like), which is where it was judged; pieces that pass and end
// afresh also pass together. The rest of the page is read as CheckHTML
// reads it. A page with inline SVG, MathML or a <noscript> outside its
// plain pieces (see Piece), which the check reads by other rules, is read
// whole; a drawing of shapes only, as the printed page's QR code is, is
// not inline SVG in this sense (see shapesOnlySVG).
type PageChecker struct {
	rules *Rules
}

// Piece is a part of a rendered page, judged already, that the check may
// skip: a document's HTML that CheckDocument passed (which ends afresh, as
// goldmark and the raw-HTML sanitizer write it), or a partial that passed
// Clean. Plain says that the piece passed Clean, which makes sure that it
// holds no foreign content and no <noscript>, so that the page need not
// be searched for them there; a document's HTML is searched.
type Piece struct {
	Start, End int
	Plain      bool
}

// MinPiece is the shortest piece worth skipping: a shorter one costs about
// as much to note as to read.
const MinPiece = 256

// Pages returns a PageChecker for the pages of one build.
func (r *Rules) Pages() *PageChecker { return &PageChecker{rules: r} }

// Clean reports whether a piece of HTML passes the check and ends where
// reading starts afresh, so that a page may hold it, or many such pieces
// in a row, where reading starts afresh without their being read again. A
// piece with SVG (but a drawing of shapes only), MathML or a <noscript> is
// never clean: the check reads those by the whole page.
func (r *Rules) Clean(html []byte) bool {
	if foreign, noscript := tagsThatMatter(html); foreign || noscript {
		return false
	}
	failed := false
	clean := r.tokens(html, true, false, 0, func(finding) { failed = true })
	return clean && !failed
}

// Check reports the problems of a rendered page at their positions in it.
// pieces are where the page holds judged pieces, in order and without
// overlap.
func (p *PageChecker) Check(path string, page []byte, pieces []Piece) diag.List {
	if len(pieces) == 0 || mattersOutside(page, pieces) {
		return p.rules.CheckHTML(path, page)
	}
	var found []finding
	at := func(off int) func(finding) {
		return func(f finding) {
			f.pos += off
			found = append(found, f)
		}
	}
	cursor := 0
	for _, pc := range pieces {
		if pc.Start < cursor || pc.End > len(page) || !p.rules.tokens(page[cursor:pc.Start], true, false, 0, at(cursor)) {
			// The page does not start afresh where the piece stands: read
			// it whole.
			return p.rules.CheckHTML(path, page)
		}
		cursor = pc.End
	}
	p.rules.tokens(page[cursor:], true, false, 0, at(cursor))
	return p.rules.report(path, page, found)
}

// mattersOutside reports whether page holds foreign content or a
// <noscript> (see tagsThatMatter) outside its plain pieces, or pieces out
// of order. Each stretch between plain pieces is searched on its own: a
// tag that matters cut off by a piece is not found in it, but a stretch
// that ends in the middle of a tag does not end afresh, and the page is
// then read whole all the same (see Check).
func mattersOutside(page []byte, pieces []Piece) bool {
	cursor := 0
	for _, pc := range pieces {
		if !pc.Plain {
			continue
		}
		if pc.Start < cursor || pc.End > len(page) {
			return true
		}
		if foreign, noscript := tagsThatMatter(page[cursor:pc.Start]); foreign || noscript {
			return true
		}
		cursor = pc.End
	}
	foreign, noscript := tagsThatMatter(page[cursor:])
	return foreign || noscript
}
