package readability

import (
	"strings"
	"unicode"
)

// SpanishStats are the counts and the Fernández Huerta score of a Spanish
// text. A text without words scores zero.
type SpanishStats struct {
	Sentences int // sentences with at least one word
	Words     int
	Syllables int // by SpanishSyllables
	// FernandezHuerta is the lecturabilidad of Fernández Huerta (1959), 0
	// hard to 100 easy, in the form corrected by G. Law (2011):
	// 206.84 - 60 * Syllables/Words - 1.02 * Words/Sentences.
	FernandezHuerta float64
}

// MeasureSpanish returns the counts and the Fernández Huerta score of a
// Spanish text given as blocks, split into sentences as Measure does.
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
	if s.Sentences == 0 || s.Words == 0 {
		return SpanishStats{}
	}
	s.FernandezHuerta = 206.84 - 60*float64(s.Syllables)/float64(s.Words) - 1.02*float64(s.Words)/float64(s.Sentences)
	return s
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
// The h between vowels is taken as a consonant (a-ho-ra). A word of digits
// or without a Latin letter counts as one syllable; a word without a letter
// or digit has none.
func SpanishSyllables(word string) int {
	w := []rune(strings.ToLower(word))
	count, prev := 0, rune(0) // prev: the vowel before, or 0 after a consonant
	for i := range w {
		v := spanishVowel(w, i)
		switch {
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
