package check

import (
	"strings"

	"github.com/handout-health/handout/generator/readability"
)

// language is what check does differently in one language: the
// readability formulas it measures articles by, and how the language
// writes what the plain-language rules look for. The rules not named here
// (list-length, sentence-length, the section, review and source rules)
// do not depend on the language.
type language struct {
	// formulas are the readability formulas validated for the language.
	formulas readability.Formulas
	// figures is how the language writes percentages and natural
	// frequencies; nil where number-words does not apply.
	figures *figureWords
	// defines are the phrases that say what an acronym stands for, with
	// %s where the acronym goes. A definition in brackets counts in every
	// language.
	defines []string
	// explaining is how the language explains a term where it is used.
	explaining *explaining
	// medicalWords is true where the medical-word list (terms.go) knows
	// the language's technical words, so that jargon applies.
	medicalWords bool
	// numbers, voice, topics, records and moods are how the language
	// writes numbers in words, forms the passive, names a topic and asks
	// the reader to act, asks for a record, and speaks of mood; nil where
	// number-words (its numerals half), passive-voice, topic-only,
	// tool-missing and crisis-line do not apply.
	numbers *numberNames
	voice   *voice
	topics  *topics
	records *records
	moods   *moods
}

// languageOf returns how check treats the language whose BCP 47 code is
// code: English and Spanish by their primary subtag ("en-GB", "es-MX"),
// any other language with the language-independent rules only.
func languageOf(code string) language {
	l := language{formulas: readability.MeasureIn(code, nil).Formulas, explaining: &bracketsOnly}
	switch primarySubtag(code) {
	case "en":
		l.figures = &englishFigures
		l.defines = []string{"%s stands for", "%s is short for", "short for %s"}
		l.explaining, l.medicalWords = &englishExplaining, true
		l.numbers, l.voice, l.topics, l.records, l.moods = &englishNumbers, &englishVoice, &englishTopics, &englishRecords, &englishMoods
	case "es":
		l.figures = &spanishFigures
		l.defines = []string{"%s significa", "%s quiere decir", "%s son las siglas de", "%s es la sigla de", "siglas de %s", "%s es la abreviatura de"}
		l.explaining, l.medicalWords = &spanishExplaining, true
		l.numbers, l.voice, l.topics, l.records, l.moods = &spanishNumbers, &spanishVoice, &spanishTopics, &spanishRecords, &spanishMoods
	}
	return l
}

// primarySubtag is the language part of a BCP 47 code, in lower case:
// "pt" for "pt-BR" and "pt_BR".
func primarySubtag(code string) string {
	primary, _, _ := strings.Cut(strings.ReplaceAll(strings.ToLower(code), "_", "-"), "-")
	return primary
}

// formulasName is the report's name of a set of formulas.
func formulasName(f readability.Formulas) string {
	switch f {
	case readability.EnglishFormulas:
		return FormulasEnglish
	case readability.SpanishFormulas:
		return FormulasSpanish
	}
	return FormulasNone
}
