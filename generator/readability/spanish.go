package readability

import (
	"strings"
	"unicode"
)

// SpanishStats are the counts and the Fernández Huerta and Szigriszt-Pazos
// scores of a Spanish text. A text without words scores zero on both.
type SpanishStats struct {
	Sentences int // sentences with at least one word
	Words     int
	Syllables int // by SpanishSyllables
	// FernandezHuerta is the lecturabilidad of Fernández Huerta (1959), 0
	// hard to 100 easy, in the form corrected by G. Law (2011):
	// 206.84 - 60 * Syllables/Words - 1.02 * Words/Sentences.
	FernandezHuerta float64
	// SzigrisztPazos is the perspicuity of Szigriszt-Pazos (1993), 0 hard to
	// 100 easy, which the INFLESZ scale grades (see INFLESZBand):
	// 206.835 - 62.3 * Syllables/Words - Words/Sentences.
	SzigrisztPazos float64
}

// INFLESZNormal is the lowest Szigriszt-Pazos score that the INFLESZ scale
// calls normal: a text scoring under it is harder than normal.
const INFLESZNormal = 55

// INFLESZBand names the band of the INFLESZ scale (Barrio-Cantalejo et al.
// 2008) that a Szigriszt-Pazos score falls in:
//
//	below 40        very hard      (muy difícil)
//	40 to under 55  somewhat hard  (algo difícil)
//	55 to under 65  normal         (normal)
//	65 to 80        quite easy     (bastante fácil)
//	above 80        very easy      (muy fácil)
//
// The scale gives the bands as <40, 40-55, 55-65, 65-80 and >80; a score on
// a shared boundary goes to the band above it, except 80, which the scale
// keeps out of "above 80". A text without words scores 0, so "very hard":
// check its Words first.
func INFLESZBand(score float64) string {
	switch {
	case score < 40:
		return "very hard"
	case score < INFLESZNormal:
		return "somewhat hard"
	case score < 65:
		return "normal"
	case score <= 80:
		return "quite easy"
	}
	return "very easy"
}

// MeasureSpanish returns the counts and the Fernández Huerta and
// Szigriszt-Pazos scores of a Spanish text given as blocks, split into
// sentences as Measure does.
func MeasureSpanish(blocks []string) SpanishStats {
	var s SpanishStats
	for _, block := range blocks {
		for _, sentence := range Sentences(block) {
			s.Sentences++
			for _, w := range Words(sentence) {
				s.Words++
				s.Syllables += SpanishSyllables(w)
			}
		}
	}
	s.score()
	return s
}

// score computes the scores from the counts: all zero without words.
func (s *SpanishStats) score() {
	if s.Sentences == 0 || s.Words == 0 {
		*s = SpanishStats{}
		return
	}
	syllablesPerWord := float64(s.Syllables) / float64(s.Words)
	wordsPerSentence := float64(s.Words) / float64(s.Sentences)
	s.FernandezHuerta = 206.84 - 60*syllablesPerWord - 1.02*wordsPerSentence
	s.SzigrisztPazos = 206.835 - 62.3*syllablesPerWord - wordsPerSentence
}

// SpanishSyllables counts the syllables of one Spanish word by its vowels,
// following the Real Academia's rules for diphthongs and hiatus:
//
//   - a, e and o are strong vowels; i, u, ü and a final y are weak ones,
//     but an accented í or ú counts as strong (pa-ís, dí-a, ba-úl);
//   - two strong vowels are two syllables (le-er, po-e-ta, te-a-tro);
//   - a weak vowel next to any other vowel shares its syllable: diphthongs
//     (ai-re, ciu-dad, hue-vo) and triphthongs (buey, U-ru-guay);
//   - the u of que, qui, gue, gui is silent (que-so, gui-ta-rra); ü is said
//     (pin-güi-no).
//
// The h between vowels is silent: it neither stops a diphthong
// (prohi-bi-do, de-sahu-cio, ahu-yen-tar) nor joins vowels said apart
// (a-ho-ra, bú-ho), except that before a vowel pair it starts the pair's
// syllable (ca-ca-hue-te, vi-hue-la). A word of digits or without a Latin
// letter counts as one syllable; a word without a letter or digit has none.
func SpanishSyllables(word string) int {
	w := []rune(strings.ToLower(word))
	count, prev := 0, rune(0) // prev: the vowel before, or 0 after a consonant
	for i := range w {
		v := spanishVowel(w, i)
		switch {
		case v == 0 && prev != 0 && silentH(w, i):
			continue // the vowels either side meet as if it were not there
		case v == 0:
			prev = 0
			continue
		case prev == 0 || strongSpanish(prev) && strongSpanish(v) || prev == v:
			count++ // a new syllable: after a consonant, or a hiatus
		}
		prev = v
	}
	if count == 0 && strings.IndexFunc(word, startsWord) >= 0 {
		return 1
	}
	return count
}

// silentH reports whether w[i] is an h between two vowels that it does not
// keep apart: one not followed by a vowel pair (ahue, ihue), where it starts
// the syllable. The caller knows a vowel comes before it.
func silentH(w []rune, i int) bool {
	if w[i] != 'h' || i+1 >= len(w) || spanishVowel(w, i+1) == 0 {
		return false
	}
	return i+2 >= len(w) || spanishVowel(w, i+2) == 0
}

// spanishVowel returns the vowel w[i] stands for (accents other than the
// acute and ü dropped), or 0 for a consonant or a silent u.
func spanishVowel(w []rune, i int) rune {
	r := w[i]
	switch r {
	case 'a', 'e', 'i', 'o', 'á', 'é', 'í', 'ó', 'ú', 'ü':
		return r
	case 'à', 'â', 'ä':
		return 'a'
	case 'è', 'ê', 'ë':
		return 'e'
	case 'ì', 'î', 'ï':
		return 'i'
	case 'ò', 'ô', 'ö':
		return 'o'
	case 'u', 'ù', 'û':
		if i > 0 && (w[i-1] == 'q' || w[i-1] == 'g') && i+1 < len(w) && strings.ContainsRune("eiéí", w[i+1]) {
			return 0 // que, quien, guerra, guitarra
		}
		return 'u'
	case 'y':
		// y is a vowel alone (y) and at the end after a vowel (hay, muy, rey).
		last := i == len(w)-1 || !unicode.IsLetter(w[i+1])
		if last && (i == 0 || spanishVowel(w, i-1) != 0 || !unicode.IsLetter(w[i-1])) {
			return 'i'
		}
	}
	return 0
}

// strongSpanish reports whether v is a strong vowel: a, e, o, or an
// accented i or u, which breaks a diphthong.
func strongSpanish(v rune) bool {
	return strings.ContainsRune("aeoáéóíú", v)
}
