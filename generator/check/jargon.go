package check

import (
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
)

// jargon reports the first use of each technical word (by the
// medical-word list, terms.go) that its sentence, or the one after it,
// does not explain. A glossary entry does not count: its tooltip reaches
// no printed page. A word passes where the writing shows what it is:
//   - the article's own title and synonyms, written whole ("circadian
//     rhythm" in "Circadian rhythm"), which the whole article explains,
//     and the words of a link's label (the name of the page it leads
//     to);
//   - a word in brackets or quotation marks, which is an explanation or
//     a mention itself ("ADHD (attention deficit hyperactivity
//     disorder)");
//   - a word that starts its sentence, whose sentence says what it does
//     ("Glutamate speeds nerve cells up"), and a label such as "**L-dopa.**"
//     followed by its explanation;
//   - a word its language's explaining patterns explain (explain.go),
//     an adjective such as "adrenal" with the noun it goes with
//     ("adrenal glands, which sit on top of your kidneys").
func (a *articleCheck) jargon() diag.List {
	if !a.lang.medicalWords {
		return nil
	}
	var list diag.List
	seen := map[string]bool{}
	known := slices.Concat(a.ownNames(), a.linkLabels())
	for i, s := range a.prose.sentences {
		next := ""
		if i+1 < len(a.prose.sentences) {
			next = a.prose.sentences[i+1].text
		}
		from := 0
		for k, w := range s.words {
			at := strings.Index(s.text[from:], w)
			if at < 0 {
				continue
			}
			at += from
			from = at + len(w)
			key, ok := technical(w)
			if !ok || seen[key] || quoted(s.text, at) {
				continue
			}
			seen[key] = true
			e := a.lang.explaining
			if within(s.text, at, known) || e.startsSentence(s.text, at) && (len(s.words) > 3 || next != "") ||
				e.explains(s.text, at, len(w), next, true) || e.explains(s.text, at, e.withNoun(s.text, at, len(w), modifier(key)), next, true) {
				continue
			}
			list = append(list, a.wordFinding(i, k, diag.RuleJargon,
				"“%s” is a technical word: say what it means where it is first used, as “%s (…)”, or use an everyday word (a glossary tooltip does not reach a printed page)", w, w))
		}
	}
	return list
}

// quoted reports whether s[at:] is inside brackets or quotation marks.
func quoted(s string, at int) bool {
	before := s[:at]
	if strings.Count(before, "(") > strings.Count(before, ")") || strings.Count(before, "“") > strings.Count(before, "”") {
		return true
	}
	return strings.Count(before, `"`)%2 == 1
}

// linkLabels are the labels of the article's links, in lower case.
func (a *articleCheck) linkLabels() []string {
	var out []string
	for _, aid := range a.doc.Result.Aids {
		if aid.Kind == markdown.LinkAid && aid.Label != "" {
			out = append(out, strings.ToLower(aid.Label))
		}
	}
	return out
}

// ownNames are the article's title and synonyms in lower case.
func (a *articleCheck) ownNames() []string {
	var out []string
	for _, n := range a.doc.Names() {
		out = append(out, strings.ToLower(n))
	}
	return out
}

// within reports whether the word at s[at:] is part of one of names
// (in lower case) written in s.
func within(s string, at int, names []string) bool {
	lower := strings.ToLower(s)
	for _, n := range names {
		for from := 0; from < len(lower); {
			i := wordIndex(lower[from:], n)
			if i < 0 {
				break
			}
			i += from
			if at >= i && at < i+len(n) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// wordFinding is a warning of rule at the k-th word of sentence i.
func (a *articleCheck) wordFinding(i, k int, rule, format string, args ...any) diag.Diagnostic {
	line, col := a.wordPosition(i, k)
	return diag.Warnf(a.doc.Path, line, col, format, args...).WithRule(rule)
}

// wordPosition returns where the k-th word of sentence i is in the
// source: its words are found in order from the sentence's start, as
// span finds them. It falls back to the sentence's start.
func (a *articleCheck) wordPosition(i, k int) (line, col int) {
	line, col, cursor := a.span(i)
	if cursor < 0 {
		return line, col
	}
	for j, w := range a.prose.sentences[i].words[:k+1] {
		at, ok := a.loc.word(w, cursor)
		if !ok {
			continue
		}
		if j == k {
			return a.loc.position(at)
		}
		cursor = at + len(w)
	}
	return line, col
}
