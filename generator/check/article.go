package check

import (
	"strings"
	"time"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/site"
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

// checker holds what the check of every article of one language shares.
// Its methods only read the site, so articles are checked in parallel.
type checker struct {
	// site is the site in the language checked.
	site  *site.Site
	today time.Time
	// lang is how the language is measured and judged.
	lang language
}

func newChecker(s *site.Site, today time.Time) *checker {
	return &checker{site: s, today: today, lang: languageOf(s.Language.Code)}
}

// articleCheck is the state of checking one article.
type articleCheck struct {
	*checker
	doc   *site.Doc
	loc   *locator
	prose prose
	// found maps a block index to where its sentences start, once found.
	found map[int][]int
}

func (c *checker) article(d *site.Doc) Article {
	a := &articleCheck{checker: c, doc: d, loc: newLocator(d.Body), prose: newProse(d.Result.Blocks), found: map[int][]int{}}
	out := Article{Path: d.Path, Lang: c.site.Language.Code, Title: d.Title, URL: d.URL(), Sources: len(d.Sources)}
	var list diag.List
	out.Readability, out.Sections = a.measure()
	out.Hardest = a.hardest()
	if finding, hard := a.judge(&out); hard {
		list = append(list, finding)
	}
	var review diag.List
	out.Review, review = c.review(d)
	list = append(list, review...)
	list = append(list, placeholders(d)...)
	list = append(list, a.sectionOrder()...)
	list = append(list, transcripts(d)...)
	list = append(list, a.acronyms()...)
	list = append(list, a.jargon()...)
	list = append(list, a.longLists()...)
	list = append(list, a.longSentences()...)
	list = append(list, a.numbersWithoutWords()...)
	list = append(list, a.numbersAsWords()...)
	list = append(list, a.noFigure()...)
	list = append(list, a.topicOnly()...)
	list = append(list, a.noTool()...)
	list = append(list, a.passiveMessages()...)
	list = append(list, a.crisisLine()...)
	out.findings = list
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
			list = append(list, diag.Warnf(a.doc.Path, s.Line, 1, "section %q appears twice (first at line %d): merge them", s.Title, first).WithRule(diag.RuleSectionDuplicate))
			continue
		}
		if !s.Schema {
			continue
		}
		seen[id] = s.Line
		if r < latest {
			list = append(list, diag.Warnf(a.doc.Path, s.Line, 1, "section %q should come before %q: the order is %s", s.Title, latestTitle, strings.Join(names, ", ")).WithRule(diag.RuleSectionOrder))
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

// transcripts reports the videos of a document with no transcript line:
// a reader who cannot hear a video, or cannot play it, reads it there
// (WCAG 1.2.3, a media alternative).
func transcripts(d *site.Doc) diag.List {
	var list diag.List
	for _, v := range d.Result.Videos {
		if !v.Transcript {
			list = append(list, diag.Warnf(d.Path, v.Line, v.Col, "this video has no transcript: on the line under its address, link to what it says, as Transcript: [Read what the video says](/transcripts/NAME/); readers who cannot hear it, or cannot play it, read it there").WithRule(diag.RuleVideoTranscript))
		}
	}
	return list
}

// longLists reports bullet lists of more than MaxListItems items.
func (a *articleCheck) longLists() diag.List {
	var list diag.List
	for _, l := range a.doc.Result.Lists {
		if !l.Ordered && l.Items > MaxListItems {
			list = append(list, diag.Warnf(a.doc.Path, max(l.Line, 1), 1, "a bullet list of %d items: keep lists to %d items or fewer, or split this one under subheadings", l.Items, MaxListItems).WithRule(diag.RuleListLength))
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
			list = append(list, diag.Warnf(a.doc.Path, line, col, "a sentence of %d words: split it into sentences of %d words or fewer: %s", len(s.words), MaxSentenceWords, quote(s.text)).WithRule(diag.RuleSentenceLength))
		}
	}
	return list
}
