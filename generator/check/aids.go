package check

import (
	"regexp"
	"slices"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
)

// records is how a language asks the reader to keep a record, and what a
// link to a template for one says, for tool-missing.
type records struct {
	// request matches "keep a sleep diary", "make a list", asked of the
	// reader: at the start of a sentence, or after "you", "to" or "and"
	// ("ask you to keep a log"), so that "doctors keep a record" is no
	// request. Its first group is the request itself.
	request *regexp.Regexp
	// template matches a link's label or address that leads to a tool:
	// "sleep diary (PDF)", "/files/medicine-list.docx".
	template *regexp.Regexp
}

var (
	englishRecords = records{
		request:  regexp.MustCompile(`(?i)(?:^[\W]*|\b(?:you(?:\s+(?:can|could|should|may|might|will|need to|want to))?|to|and|then|please|also)\s+)((?:keep|start|make|fill in|fill out)\s+(?:a|an|your|the)\s+(?:[\w'’-]+\s+){0,2}?(?:list|diary|log|record|journal|chart|tracker|notebook)s?)\b`),
		template: regexp.MustCompile(`(?i)template|form\b|diary|log\b|chart|checklist|worksheet|tracker|record|list|printable|\.(?:pdf|docx?|odt|xlsx?|ods)\b`),
	}
	spanishRecords = records{
		request:  regexp.MustCompile(`(?i)\b((?:lleve|haga|anote|tenga|mantenga|escriba|empiece|comience)\s+(?:un|una|su|el|la)\s+(?:[\wáéíóúüñ'-]+\s+){0,2}?(?:lista|diario|registro|cuaderno|agenda|bitácora|tabla)s?)\b`),
		template: regexp.MustCompile(`(?i)plantilla|formulario|diario|registro|hoja|lista|tabla|cuaderno|imprimible|\.(?:pdf|docx?|odt|xlsx?|ods)\b`),
	}
)

// noFigure reports an article with no picture: no Markdown image and no
// <img>, <picture> or <figure> of raw HTML that the page keeps
// (markdown.PictureAid). It points at the start of the article's text,
// where a picture that sums it up would go.
func (a *articleCheck) noFigure() diag.List {
	if slices.ContainsFunc(a.doc.Result.Aids, func(aid markdown.Aid) bool { return aid.Kind == markdown.PictureAid }) {
		return nil
	}
	line := a.doc.KeyLine("title")
	if len(a.prose.blocks) > 0 {
		line = a.doc.Result.Blocks[a.prose.blocks[0]].Line
	}
	return diag.List{diag.Warnf(a.doc.Path, max(line, 1), 1, "no picture: add one that helps readers understand, such as a simple drawing or chart with alt text, as ![What it shows](/images/name.svg \"Caption\")").WithRule(diag.RuleFigureMissing)}
}

// noTool reports a sentence that asks the reader to keep a list, diary,
// log or record in a section that gives no tool for it: no checklist
// (- [ ] …), no table, and no link to a template.
func (a *articleCheck) noTool() diag.List {
	r := a.lang.records
	if r == nil {
		return nil
	}
	var list diag.List
	done := map[string]bool{}
	for i, s := range a.prose.sentences {
		if done[s.section] {
			continue
		}
		m := r.request.FindStringSubmatchIndex(s.text)
		if m == nil || a.hasTool(s.section, r) {
			continue
		}
		done[s.section] = true
		asked := s.text[m[2]:m[3]]
		list = append(list, a.wordFinding(i, wordCount(s.text[:m[2]]), diag.RuleToolMissing,
			"“%s” asks the reader to keep a record, but this section gives no tool for it: add a checklist (- [ ] …), a table to fill in, or a link to a template", asked))
	}
	return list
}

// hasTool reports whether a section has a checklist, a table or a link
// to a template.
func (a *articleCheck) hasTool(section string, r *records) bool {
	return slices.ContainsFunc(a.doc.Result.Aids, func(aid markdown.Aid) bool {
		if aid.Section != section {
			return false
		}
		switch aid.Kind {
		case markdown.ChecklistAid, markdown.TableAid:
			return true
		case markdown.LinkAid:
			return r.template.MatchString(aid.Label + " " + aid.Target)
		}
		return false
	})
}
