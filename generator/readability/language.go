package readability

import (
	"fmt"
	"strings"
	"unicode"
)

// Formulas says which readability formulas a Report holds scores of.
type Formulas int

const (
	// NoFormula: no formula is validated for the language, so the Report
	// holds sentence and word length only, and says why in Reason.
	NoFormula Formulas = iota
	// EnglishFormulas: SMOG, Flesch-Kincaid and Flesch Reading Ease, in
	// Report.English.
	EnglishFormulas
	// SpanishFormulas: Fernández Huerta and Szigriszt-Pazos (INFLESZ), in
	// Report.Spanish.
	SpanishFormulas
)

// Report is the readability of a text in one language: the sentence and
// word lengths that every language has, and the scores of the formulas
// validated for that language, if there are any. A text without words has
// zero counts, averages and scores.
type Report struct {
	Lang     string   // the language code given to MeasureIn
	Formulas Formulas // which of English and Spanish hold scores

	Sentences int // sentences with at least one word
	Words     int
	Letters   int // the letters and digits of the words
	// WordsPerSentence is the average sentence length: Words/Sentences.
	WordsPerSentence float64
	// LettersPerWord is the average word length: Letters/Words.
	LettersPerWord float64

	English Stats        // with EnglishFormulas; zero otherwise
	Spanish SpanishStats // with SpanishFormulas; zero otherwise
	// Reason says, with NoFormula, why there is no score, in a sentence
	// for an editor; it is empty otherwise.
	Reason string
}

// MeasureIn measures a text given as blocks (as Measure takes them) in the
// language whose BCP 47 code is lang, by its primary subtag and in any
// case: "en", "en-US" and "en_GB" are English, with the scores of Measure;
// "es", "es-MX" and "es-419" are Spanish, with those of MeasureSpanish. For
// any other language, or none (""), it gives sentence and word length only,
// with the Reason.
//
// Word length is a fair measure only of languages written with spaces
// between words: a run of Chinese, Japanese or Thai script without spaces
// is one word.
func MeasureIn(lang string, blocks []string) Report {
	r := Report{Lang: lang}
	primary, _, _ := strings.Cut(strings.ReplaceAll(strings.ToLower(lang), "_", "-"), "-")
	var syllables func(string) int
	switch primary {
	case "en":
		r.Formulas, syllables = EnglishFormulas, Syllables
	case "es":
		r.Formulas, syllables = SpanishFormulas, SpanishSyllables
	case "":
		r.Reason = "no language is given, so no readability formula applies; sentence and word length are shown instead"
	default:
		name := lang
		if n, ok := languageNames[primary]; ok {
			name = fmt.Sprintf("%s (%s)", n, lang)
		}
		r.Reason = "no readability formula is validated for " + name + "; sentence and word length are shown instead"
	}
	// One pass counts for every formula: English counts only sentences
	// with words (as Measure does), Spanish every sentence (as
	// MeasureSpanish does).
	var withWords, syllableCount, polysyllables int
	for _, block := range blocks {
		for _, sentence := range Sentences(block) {
			r.Sentences++
			words := Words(sentence)
			if len(words) > 0 {
				withWords++
			}
			for _, w := range words {
				r.Words++
				r.Letters += letters(w)
				if syllables != nil {
					n := syllables(w)
					syllableCount += n
					if n >= 3 {
						polysyllables++
					}
				}
			}
		}
	}
	if r.Words > 0 {
		r.WordsPerSentence = float64(r.Words) / float64(r.Sentences)
		r.LettersPerWord = float64(r.Letters) / float64(r.Words)
	}
	switch r.Formulas {
	case EnglishFormulas:
		r.English = Stats{Sentences: withWords, Words: r.Words, Syllables: syllableCount, Polysyllables: polysyllables}
		r.English.score()
	case SpanishFormulas:
		r.Spanish = SpanishStats{Sentences: r.Sentences, Words: r.Words, Syllables: syllableCount}
		r.Spanish.score()
	}
	return r
}

// letters counts the letters and digits of a word, leaving out the
// apostrophes, hyphens and full stops that join it and the combining marks
// that are part of a letter.
func letters(word string) int {
	n := 0
	for _, r := range word {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// languageNames are the English names of the languages a health library
// is most often translated into, by ISO 639-1 code, for Report.Reason.
var languageNames = map[string]string{
	"am": "Amharic", "ar": "Arabic", "bn": "Bengali", "ca": "Catalan",
	"cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
	"eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French",
	"ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
	"ht": "Haitian Creole", "it": "Italian", "ja": "Japanese", "ko": "Korean",
	"nb": "Norwegian", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi",
	"pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
	"so": "Somali", "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog",
	"tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
	"zh": "Chinese",
}
