package consent

import (
	"bytes"

	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
)

// CheckDocument reports the problems of a converted Markdown document: it
// judges the HTML the document became (what reaches the page: with raw
// HTML off, a pasted <script> is dropped and passes) and reports each
// finding at its place in the Markdown source, body, whose line numbers
// are the file's.
//
// Raw HTML is copied to the HTML as written, so a finding is looked for
// first as the whole tag, then by its address (a Markdown image, or a tag
// that goldmark re-indented), skipping code blocks and code spans, where
// the same text is only shown. The n-th finding with the same text is
// placed at the n-th place it occurs. A finding that cannot be placed is
// reported at line 1.
func (r *Rules) CheckDocument(path string, body, html []byte) diag.List {
	found := r.findings(html, false)
	if len(found) == 0 {
		return nil
	}
	code := codeRanges(body)
	lines := diag.NewLines(body)
	seen := map[string]int{}
	var list diag.List
	for _, f := range found {
		off := -1
		for _, needle := range []string{f.tag, f.url} {
			if needle == "" {
				continue
			}
			if off = nthOutside(body, needle, seen[needle], code); off >= 0 {
				seen[needle]++
				if needle == f.tag && f.url != "" {
					// The tag holds the address too: a later finding
					// placed by address must not land on this tag.
					seen[f.url]++
				}
				break
			}
		}
		line, col := 1, 1
		if off >= 0 {
			line, col = lines.Position(off)
		}
		list = append(list, diag.Errorf(path, line, col, "%s", f.message).WithRule(diag.RuleConsent))
	}
	return list
}

// CheckImages reports the third-party images of a document converted with
// raw HTML off, at their places in the Markdown file. Such a document's
// HTML fetches nothing but its Markdown images, with their WebP variants:
// goldmark writes no other element that loads anything, drops addresses
// that run script, and a video is a frame gated by consent
// (FuzzSafeMarkdownFetchesOnlyImages holds it to that). So its HTML need
// not be read: each image is judged by the address goldmark writes, and
// its variants by theirs (the site's own, always).
func (r *Rules) CheckImages(path string, images []markdown.Image) diag.List {
	var list diag.List
	judge := func(im markdown.Image, el *element, attr, address string) {
		dest := util.URLEscape([]byte(address), true)
		if gmhtml.IsDangerousURL(dest) {
			return // goldmark writes src=""
		}
		if origin, third := r.leaves(string(dest), false); third {
			list = append(list, diag.Errorf(path, im.Line, im.Col, "%s", thirdPartyMessage(el, attr, string(dest), origin)).WithRule(diag.RuleConsent))
		}
	}
	img, source := &element{name: "img"}, &element{name: "source"}
	for _, im := range images {
		judge(im, img, "src", im.Src)
		for _, v := range im.Variants {
			judge(im, source, "srcset", v)
		}
	}
	return list
}

// CheckRemovedScript reports a <script src> that the raw-HTML sanitizer
// removed from a document (package markdown/rawhtml) when it would have
// loaded from a third party: a tracker pasted into content is a consent
// error first, whose fix is to gate it, not only a removal.
func (r *Rules) CheckRemovedScript(path string, line, col int, src string) diag.List {
	origin, third := r.leaves(src, false)
	if !third {
		return nil
	}
	el := &element{name: "script"}
	return diag.List{diag.Errorf(path, line, col, "%s", thirdPartyMessage(el, "src", src, origin)).WithRule(diag.RuleConsent)}
}

// span is a half-open byte range.
type span struct{ start, end int }

// nthOutside returns the offset of the n-th (from 0) occurrence of needle
// in src that does not start inside one of the ranges, or -1.
func nthOutside(src []byte, needle string, n int, skip []span) int {
	from := 0
	for {
		k := bytes.Index(src[from:], []byte(needle))
		if k < 0 {
			return -1
		}
		at := from + k
		if !inside(at, skip) {
			if n == 0 {
				return at
			}
			n--
		}
		from = at + 1
	}
}

func inside(off int, ranges []span) bool {
	for _, s := range ranges {
		if off >= s.start && off < s.end {
			return true
		}
	}
	return false
}

// codeRanges finds the fenced code blocks and the code spans of a Markdown
// text: where HTML is shown, not used. It follows CommonMark closely enough
// for locating findings (indented code blocks are not recognised).
func codeRanges(src []byte) []span {
	var out []span
	var fence []byte // the opening fence while inside a fenced block
	fenceStart := 0
	lineStart := 0
	for lineStart < len(src) {
		lineEnd := bytes.IndexByte(src[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += lineStart + 1
		}
		line := src[lineStart:lineEnd]
		trimmed := bytes.TrimLeft(line, " \t>")
		if fence != nil {
			if f := fenceOf(trimmed); f != nil && f[0] == fence[0] && len(f) >= len(fence) && len(bytes.TrimSpace(trimmed[len(f):])) == 0 {
				out = append(out, span{fenceStart, lineEnd})
				fence = nil
			}
		} else if f := fenceOf(trimmed); f != nil {
			fence, fenceStart = f, lineStart
		} else {
			out = append(out, codeSpans(line, lineStart)...)
		}
		lineStart = lineEnd
	}
	if fence != nil {
		out = append(out, span{fenceStart, len(src)})
	}
	return out
}

// fenceOf returns the run of three or more backticks or tildes a line
// starts with, or nil.
func fenceOf(line []byte) []byte {
	if len(line) < 3 || line[0] != '`' && line[0] != '~' {
		return nil
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return line[:n]
}

// codeSpans finds the `code spans` of one line (base is the line's offset).
func codeSpans(line []byte, base int) []span {
	var out []span
	i := 0
	for i < len(line) {
		if line[i] != '`' {
			i++
			continue
		}
		n := i
		for n < len(line) && line[n] == '`' {
			n++
		}
		run := line[i:n]
		closing := bytes.Index(line[n:], run)
		if closing < 0 {
			i = n
			continue
		}
		end := n + closing + len(run)
		out = append(out, span{base + i, base + end})
		i = end
	}
	return out
}
