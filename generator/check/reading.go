package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/readability"
)

// measure measures the article and each section, the lede first, by the
// formulas of the article's language. Headings are not prose (see the
// package documentation).
func (a *articleCheck) measure() (Readability, []SectionReadability) {
	bySection := map[string][]string{}
	for _, i := range a.prose.blocks {
		b := a.doc.Result.Blocks[i]
		bySection[b.Section] = append(bySection[b.Section], b.Text)
	}
	code := a.site.Language.Code
	secs := []SectionReadability{}
	if texts, ok := bySection[""]; ok {
		secs = append(secs, SectionReadability{ID: "", Title: "Introduction", Line: a.doc.Result.Blocks[a.prose.blocks[0]].Line, Readability: figures(readability.MeasureIn(code, texts))})
	}
	seen := map[string]bool{"": true}
	for _, s := range a.doc.Result.Sections {
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		secs = append(secs, SectionReadability{ID: s.ID, Title: s.Title, Line: s.Line, Readability: figures(readability.MeasureIn(code, bySection[s.ID]))})
	}
	return figures(readability.MeasureIn(code, a.prose.texts)), secs
}

// figures converts readability's Report to the report's form.
func figures(r readability.Report) Readability {
	out := Readability{
		Formulas: formulasName(r.Formulas), Words: r.Words, Sentences: r.Sentences,
		WordsPerSentence: round1(r.WordsPerSentence), LettersPerWord: round1(r.LettersPerWord), Reason: r.Reason,
	}
	switch r.Formulas {
	case readability.EnglishFormulas:
		s := r.English
		out.Syllables, out.Polysyllables = s.Syllables, s.Polysyllables
		out.SMOG, out.FleschKincaid, out.FleschReadingEase = round1(s.SMOG), round1(s.FleschKincaid), round1(s.FleschReadingEase)
	case readability.SpanishFormulas:
		s := r.Spanish
		out.Syllables = s.Syllables
		out.FernandezHuerta, out.INFLESZ = round1(s.FernandezHuerta), round1(s.SzigrisztPazos)
		if s.Words > 0 {
			// The band of the score as shown, so that 55.0 never reads
			// "somewhat hard".
			out.INFLESZBand = readability.INFLESZBand(out.INFLESZ)
		}
	}
	return out
}

// hardest returns the hardest sentences, hardest first, with where they
// are: by Flesch-Kincaid grade in English and by Szigriszt-Pazos score in
// Spanish. A language without a formula has no measure of a sentence's
// difficulty, so none are returned (sentence-length still reports long
// sentences).
func (a *articleCheck) hardest() []Sentence {
	switch a.lang.formulas {
	case readability.EnglishFormulas:
		return a.hardestEnglish()
	case readability.SpanishFormulas:
		return a.hardestSpanish()
	}
	return []Sentence{}
}

func (a *articleCheck) hardestEnglish() []Sentence {
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

// hardestSpanish picks the Spanish sentences with the lowest
// Szigriszt-Pazos score, each scored on its own: 206.835 - 62.3 *
// syllables/words - words, the INFLESZ formula for a single sentence. Like
// the Flesch-Kincaid grade of an English sentence, it weighs both what
// makes a sentence hard, its length and its long words, on the scale the
// article is judged by. Ties go to the longer sentence, then to the
// earlier one.
func (a *articleCheck) hardestSpanish() []Sentence {
	type scored struct {
		i     int
		score float64
	}
	var all []scored
	for i, s := range a.prose.sentences {
		if len(s.words) == 0 {
			continue
		}
		syllables := 0
		for _, w := range s.words {
			syllables += readability.SpanishSyllables(w)
		}
		n := float64(len(s.words))
		all = append(all, scored{i, 206.835 - 62.3*float64(syllables)/n - n})
	}
	slices.SortStableFunc(all, func(x, y scored) int {
		return cmp.Or(cmp.Compare(x.score, y.score), cmp.Compare(len(a.prose.sentences[y.i].words), len(a.prose.sentences[x.i].words)))
	})
	out := []Sentence{}
	for _, h := range all[:min(hardestCount, len(all))] {
		s := a.prose.sentences[h.i]
		line, col := a.where(h.i)
		out = append(out, Sentence{Text: s.text, Line: line, Col: col, Section: s.section, Words: len(s.words), INFLESZ: round1(h.score)})
	}
	return out
}

// judge sets art's verdict on its readability by its language's target,
// and returns the finding when it misses it. A language without a formula
// is not judged.
func (a *articleCheck) judge(art *Article) (diag.Diagnostic, bool) {
	r := art.Readability
	limits := a.site.Config.Readability
	switch a.lang.formulas {
	case readability.EnglishFormulas:
		if r.Grade() > limits.MaxGrade {
			art.OverGrade = true
			return a.englishFinding(*art, limits.MaxGrade), true
		}
	case readability.SpanishFormulas:
		if r.Words > 0 && r.INFLESZ < limits.MinINFLESZ {
			art.BelowINFLESZ = true
			return a.spanishFinding(*art, limits.MinINFLESZ), true
		}
	}
	return diag.Diagnostic{}, false
}

func (a *articleCheck) englishFinding(art Article, limit float64) diag.Diagnostic {
	r := art.Readability
	var b strings.Builder
	fmt.Fprintf(&b, "reads at grade %.1f (SMOG %.1f, Flesch-Kincaid %.1f, reading ease %.1f); the target is grade %s or lower",
		r.Grade(), r.SMOG, r.FleschKincaid, r.FleschReadingEase, formatGrade(limit))
	if s, ok := hardestSection(art.Sections, func(r Readability) float64 { return r.Grade() }); ok {
		fmt.Fprintf(&b, "; hardest section: %s (grade %.1f)", s.Title, s.Readability.Grade())
	}
	return a.readabilityFinding(art, &b, func(s Sentence) string { return fmt.Sprintf("grade %.1f", s.Grade) })
}

func (a *articleCheck) spanishFinding(art Article, limit float64) diag.Diagnostic {
	r := art.Readability
	var b strings.Builder
	fmt.Fprintf(&b, "reads as %s on the INFLESZ scale (INFLESZ %.1f, Fernández-Huerta %.1f); the target is INFLESZ %s or higher (%s)",
		r.INFLESZBand, r.INFLESZ, r.FernandezHuerta, formatGrade(limit), readability.INFLESZBand(limit))
	if s, ok := hardestSection(art.Sections, func(r Readability) float64 { return -r.INFLESZ }); ok {
		fmt.Fprintf(&b, "; hardest section: %s (INFLESZ %.1f, %s)", s.Title, s.Readability.INFLESZ, s.Readability.INFLESZBand)
	}
	return a.readabilityFinding(art, &b, func(s Sentence) string { return fmt.Sprintf("INFLESZ %.1f", s.INFLESZ) })
}

// readabilityFinding ends a readability message with the hardest
// sentences, each with its score, and places it at the hardest.
func (a *articleCheck) readabilityFinding(art Article, b *strings.Builder, score func(Sentence) string) diag.Diagnostic {
	b.WriteString("; hardest sentences:")
	for i, s := range art.Hardest {
		if i > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(b, " line %d %s (%s)", s.Line, quote(s.Text), score(s))
	}
	line, col := 1, 1
	if len(art.Hardest) > 0 {
		line, col = art.Hardest[0].Line, art.Hardest[0].Col
	}
	return diag.Warnf(a.doc.Path, line, col, "%s", b.String()).WithRule(diag.RuleReadability)
}

// hardestSection returns the section with prose whose difficulty is
// highest; the first of equals.
func hardestSection(secs []SectionReadability, difficulty func(Readability) float64) (SectionReadability, bool) {
	var best SectionReadability
	found := false
	for _, s := range secs {
		if s.Readability.Sentences > 0 && (!found || difficulty(s.Readability) > difficulty(best.Readability)) {
			best, found = s, true
		}
	}
	return best, found
}

// formatGrade writes 8 as "8" and 8.5 as "8.5".
func formatGrade(g float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", g), "0"), ".")
}
