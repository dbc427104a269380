package check

import (
	"strconv"
	"strings"

	"github.com/handout-health/handout/generator/diag"
)

// numberNames is how a language writes numbers in words, for the
// numerals half of number-words.
type numberNames struct {
	// values are the number words and what they stand for. "one" and its
	// kin are not among them: they are pronouns and articles as often as
	// numbers ("no one", "one of the best", "un día"); nor is "zero",
	// which is as often an idiom ("starting from zero").
	values map[string]int
	// one is the language's word for 1, judged only before a unit or
	// another number ("one week", "one or two weeks").
	one string
	// units are the words after which "one" is a count.
	units map[string]bool
	// joiners may stand between "one" and another number: "one or two".
	joiners map[string]bool
}

var (
	englishNumbers = numberNames{
		values: map[string]int{
			"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
			"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
			"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
			"seventy": 70, "eighty": 80, "ninety": 90,
		},
		one:     "one",
		units:   wordSet("second seconds minute minutes hour hours day days night nights week weeks month months year years dose doses tablet tablets pill pills capsule capsules cup cups glass glasses drink drinks serving servings meal meals time times mg gram grams"),
		joiners: wordSet("or to and"),
	}
	spanishNumbers = numberNames{
		values: map[string]int{
			"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
			"once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17,
			"dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
			"sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
		},
		one:     "uno",
		units:   wordSet(""),
		joiners: wordSet("o a y"),
	}
)

// wordSet makes a set of the words of s.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// numeral returns the numeral a word written as a number stands for,
// with the rest of a compound ("twenty-four" is 24, "three-day" is
// 3-day), and whether the word is a number; next is the word after it,
// which decides whether "one" is a count.
func (n *numberNames) numeral(word, next, after string) (string, bool) {
	w := strings.ToLower(word)
	first, rest, compound := strings.Cut(w, "-")
	v, ok := n.values[first]
	if !ok {
		if first != n.one || compound || !n.units[strings.ToLower(next)] && !(n.joiners[strings.ToLower(next)] && n.isNumber(after)) {
			return "", false
		}
		return "1", true
	}
	if !compound {
		return strconv.Itoa(v), true
	}
	if unit, isUnit := n.values[rest]; isUnit && v >= 20 && unit < 10 {
		return strconv.Itoa(v + unit), true
	}
	return strconv.Itoa(v) + "-" + rest, true
}

// isNumber reports whether w is a number, in figures or in words.
func (n *numberNames) isNumber(w string) bool {
	if _, err := strconv.Atoi(w); err == nil {
		return true
	}
	first, _, _ := strings.Cut(strings.ToLower(w), "-")
	_, ok := n.values[first]
	return ok
}

// numbersAsWords reports, once per sentence, a number written in words
// that readers would take in faster as a numeral ("two weeks": "2
// weeks"), as the CDC Clear Communication Index asks. The first word of a
// sentence is left alone, since a sentence does not start with a figure.
func (a *articleCheck) numbersAsWords() diag.List {
	names := a.lang.numbers
	if names == nil {
		return nil
	}
	var list diag.List
	for i, s := range a.prose.sentences {
		words := s.words
		for j := 1; j < len(words); j++ {
			next, after := "", ""
			if j+1 < len(words) {
				next = words[j+1]
			}
			if j+2 < len(words) {
				after = words[j+2]
			}
			numeral, ok := names.numeral(words[j], next, after)
			if !ok {
				continue
			}
			list = append(list, a.wordFinding(i, j, diag.RuleNumberWords,
				"“%s” is a number written as a word: write it as a numeral, %s, which readers take in faster (only a sentence's first word stays a word)", words[j], numeral))
			break
		}
	}
	return list
}
