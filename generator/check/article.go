package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/build"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/readability"
)

// Rule ids, as they appear in Diagnostic.Rule and the JSON report.
const (
	RuleLink             = "link"
	RuleSectionMissing   = "section-missing"
	RuleSectionOrder     = "section-order"
	RuleSectionDuplicate = "section-duplicate"
	RuleReadability      = "readability"
	RuleReviewOverdue    = "review-overdue"
	RuleReviewDue        = "review-due"
	RuleReviewMissing    = "review-missing"
	RuleReviewDate       = "review-date"
	RuleSourcesMissing   = "sources-missing"
	RuleImageAlt         = "image-alt"
	RuleTermUnused       = "term-unused"
	RuleAcronym          = "acronym"
	RuleListLength       = "list-length"
	RuleSentenceLength   = "sentence-length"
	RuleNumberWords      = "number-words"
	RuleFeedback         = "feedback"
)

// Plain-language limits (CDC Clear Communication Index, PEMAT).
const (
	// MaxListItems is the longest bullet list readers take in at once.
	MaxListItems = 7
	// MaxSentenceWords is the longest sentence that is easy to follow.
	MaxSentenceWords = 25
	// hardestCount is how many of the hardest sentences a report quotes.
	hardestCount = 3
	// quoteRunes is how much of a sentence a message quotes.
	quoteRunes = 100
)

// checker holds what every article's check shares. Its methods only read
// the site, so articles are checked in parallel.
type checker struct {
	site  *build.Site
	today time.Time
	// glossaryAcronyms are the acronyms the glossary explains.
	glossaryAcronyms map[string]bool
}

// articleCheck is the state of checking one article.
type articleCheck struct {
	*checker
	doc   *build.Doc
	loc   *locator
	prose prose
	// found maps a block index to where its sentences start, once found.
	found map[int][]int
}

func (c *checker) article(d *build.Doc) Article {
	a := &articleCheck{checker: c, doc: d, loc: newLocator(d.Body), prose: newProse(d.Result.Blocks), found: map[int][]int{}}
	out := Article{Path: d.Path, Title: d.Title, URL: d.URL(), Sources: len(d.Sources)}
	var list diag.List
	out.Readability, out.Sections = a.measure()
	out.Hardest = a.hardest()
	if limit := c.site.Config.Readability.MaxGrade; out.Readability.Grade() > limit {
		out.OverGrade = true
		list = append(list, a.readabilityFinding(out, limit))
	}
	var review diag.List
	out.Review, review = c.review(d)
	list = append(list, review...)
	list = append(list, a.sectionOrder()...)
	list = append(list, imageFindings(d)...)
	list = append(list, a.acronyms()...)
	list = append(list, a.longLists()...)
	list = append(list, a.longSentences()...)
	list = append(list, a.numbersWithoutWords()...)
	out.findings = list
	return out
}

// measure measures the article and each section, the lede first.
// Headings are not prose (see the package documentation).
func (a *articleCheck) measure() (Readability, []SectionReadability) {
	bySection := map[string][]string{}
	for _, i := range a.prose.blocks {
		b := a.doc.Result.Blocks[i]
		bySection[b.Section] = append(bySection[b.Section], b.Text)
	}
	secs := []SectionReadability{}
	if texts, ok := bySection[""]; ok {
		secs = append(secs, SectionReadability{ID: "", Title: "Introduction", Line: a.doc.Result.Blocks[a.prose.blocks[0]].Line, Readability: figures(readability.Measure(texts))})
	}
	seen := map[string]bool{"": true}
	for _, s := range a.doc.Result.Sections {
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		secs = append(secs, SectionReadability{ID: s.ID, Title: s.Title, Line: s.Line, Readability: figures(readability.Measure(bySection[s.ID]))})
	}
	return figures(readability.Measure(a.prose.texts)), secs
}

// hardest returns the hardest sentences, hardest first, with where they
// are.
func (a *articleCheck) hardest() []Sentence {
	out := []Sentence{}
	used := map[int]bool{}
	for _, h := range readability.Hardest(a.prose.texts, hardestCount) {
		block := a.prose.blocks[h.Block]
		s := Sentence{Text: h.Text, Line: a.doc.Result.Blocks[block].Line, Col: 1, Section: a.doc.Result.Blocks[block].Section, Words: h.Words, Grade: round1(h.Grade)}
		for i, own := range a.prose.sentences {
			if own.block == block && own.text == h.Text && !used[i] {
				used[i] = true
				s.Line, s.Col = a.where(i)
				break
			}
		}
		out = append(out, s)
	}
	return out
}

// where returns the line and column at which sentence i starts.
func (a *articleCheck) where(i int) (line, col int) {
	line, col, _ = a.span(i)
	return line, col
}

// span returns where sentence i starts, and the byte offset at which it
// does; the offset is -1 when the sentence could not be found, and the
// position is then the first line of its block.
func (a *articleCheck) span(i int) (line, col, offset int) {
	s := a.prose.sentences[i]
	b := a.doc.Result.Blocks[s.block]
	starts, ok := a.found[s.block]
	if !ok {
		cursor := a.loc.offset(b.Line)
		for _, other := range a.prose.sentences[i-s.nth:] {
			if other.block != s.block {
				break
			}
			start, end, found := a.loc.span(other.words, cursor)
			if !found {
				start = -1
			} else {
				cursor = end
			}
			starts = append(starts, start)
		}
		a.found[s.block] = starts
	}
	if s.nth >= len(starts) || starts[s.nth] < 0 {
		return max(b.Line, 1), 1, -1
	}
	line, col = a.loc.position(starts[s.nth])
	return line, col, starts[s.nth]
}

func (a *articleCheck) readabilityFinding(art Article, limit float64) diag.Diagnostic {
	r := art.Readability
	var b strings.Builder
	fmt.Fprintf(&b, "reads at grade %.1f (SMOG %.1f, Flesch-Kincaid %.1f, reading ease %.1f); the target is grade %s or lower",
		r.Grade(), r.SMOG, r.FleschKincaid, r.FleschReadingEase, formatGrade(limit))
	if s, ok := hardestSection(art.Sections); ok {
		fmt.Fprintf(&b, "; hardest section: %s (grade %.1f)", s.Title, s.Readability.Grade())
	}
	b.WriteString("; hardest sentences:")
	for i, s := range art.Hardest {
		if i > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, " line %d %s (grade %.1f)", s.Line, quote(s.Text), s.Grade)
	}
	line, col := 1, 1
	if len(art.Hardest) > 0 {
		line, col = art.Hardest[0].Line, art.Hardest[0].Col
	}
	return diag.Warnf(a.doc.Path, line, col, "%s", b.String()).WithRule(RuleReadability)
}

func hardestSection(secs []SectionReadability) (SectionReadability, bool) {
	var best SectionReadability
	found := false
	for _, s := range secs {
		if s.Readability.Sentences > 0 && (!found || s.Readability.Grade() > best.Readability.Grade()) {
			best, found = s, true
		}
	}
	return best, found
}

// formatGrade writes 8 as "8" and 8.5 as "8.5".
func formatGrade(g float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", g), "0"), ".")
}

// quote quotes the start of a sentence for a message.
func quote(s string) string {
	if r := []rune(s); len(r) > quoteRunes {
		s = strings.TrimSpace(string(r[:quoteRunes])) + "…"
	}
	return "“" + s + "”"
}

// sectionOrder reports schema sections out of the schema's order, and
// schema sections written twice.
func (a *articleCheck) sectionOrder() diag.List {
	var list diag.List
	schema := a.site.Config.Sections
	rank := map[string]int{}
	var names []string
	for i, s := range schema {
		rank[s.ID] = i
		names = append(names, sectionName(s.Title, s.Headings))
	}
	latest, latestTitle := -1, ""
	seen := map[string]int{}
	for _, s := range a.doc.Result.Sections {
		id := s.ID
		if !s.Schema {
			// A second schema heading opens an ordinary section (so that
			// no anchor is used twice): find which one it repeats.
			spec, ok := a.site.Config.SectionFor(s.Title)
			if !ok {
				continue
			}
			id = spec.ID
		}
		r, ok := rank[id]
		if !ok {
			continue
		}
		if first, dup := seen[id]; dup {
			list = append(list, diag.Warnf(a.doc.Path, s.Line, 1, "section %q appears twice (first at line %d): merge them", s.Title, first).WithRule(RuleSectionDuplicate))
			continue
		}
		if !s.Schema {
			continue
		}
		seen[id] = s.Line
		if r < latest {
			list = append(list, diag.Warnf(a.doc.Path, s.Line, 1, "section %q should come before %q: the order is %s", s.Title, latestTitle, strings.Join(names, ", ")).WithRule(RuleSectionOrder))
			continue
		}
		latest, latestTitle = r, s.Title
	}
	return list
}

func sectionName(title string, headings []string) string {
	if title != "" {
		return title
	}
	return headings[0]
}

// imageFindings reports images without alt text.
func imageFindings(d *build.Doc) diag.List {
	var list diag.List
	for _, img := range d.Result.Images {
		if strings.TrimSpace(img.Alt) == "" {
			list = append(list, diag.Warnf(d.Path, img.Line, img.Col, "image %s has no alt text: describe what it shows between the brackets of ![…](…)", img.Src).WithRule(RuleImageAlt))
		}
	}
	return list
}

// longLists reports bullet lists of more than MaxListItems items.
func (a *articleCheck) longLists() diag.List {
	var list diag.List
	for _, l := range a.doc.Result.Lists {
		if !l.Ordered && l.Items > MaxListItems {
			list = append(list, diag.Warnf(a.doc.Path, max(l.Line, 1), 1, "a bullet list of %d items: keep lists to %d items or fewer, or split this one under subheadings", l.Items, MaxListItems).WithRule(RuleListLength))
		}
	}
	return list
}

// longSentences reports sentences of more than MaxSentenceWords words.
func (a *articleCheck) longSentences() diag.List {
	var list diag.List
	for i, s := range a.prose.sentences {
		if len(s.words) > MaxSentenceWords {
			line, col := a.where(i)
			list = append(list, diag.Warnf(a.doc.Path, line, col, "a sentence of %d words: split it into sentences of %d words or fewer: %s", len(s.words), MaxSentenceWords, quote(s.text)).WithRule(RuleSentenceLength))
		}
	}
	return list
}
