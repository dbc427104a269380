package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Syllables estimates the number of syllables in one English word, as the
// word would be read aloud (the rule of the SMOG and Flesch formulas).
//
//   - Letters are counted by spelling rules with a short list of exceptions;
//     the counter agrees with the CMU Pronouncing Dictionary on about 99% of
//     the most frequent English and health words (see the package
//     documentation).
//   - Accents are ignored, except that a final é is said (café: 2).
//   - Numbers are read as an American reader says them: "7" seven (2),
//     "100" one hundred (3), "1,000" one thousand (3), "2.5" two point five
//     (3), "1999" nineteen ninety-nine (5), "3rd" third (1).
//   - Hyphenated words count their parts: "5-HT" five aitch tee (3).
//   - Abbreviations count as their letters read aloud (NHS, e.g.: 3, 2),
//     except pronounceable ones (COVID: 2) and a few common units and titles
//     read in full (mg: milligrams, 3; Dr: doctor, 2).
//   - A single Greek letter is its name (β: beta, 2); a word of another
//     script counts as one syllable.
//
// A word without a letter or digit has no syllables; any other word has at
// least one.
func Syllables(word string) int {
	n := 0
	for part := range strings.FieldsFuncSeq(word, isHyphen) {
		n += partSyllables(part)
	}
	if n == 0 && strings.IndexFunc(word, startsWord) >= 0 {
		return 1 // a letter the rules cannot say, such as a lone ʼ
	}
	return n
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// partSyllables counts one hyphen-free part of a word.
func partSyllables(part string) int {
	part = strings.TrimFunc(part, func(r rune) bool { return !isWordRune(r) })
	switch {
	case part == "":
		return 0
	case isNumber(part):
		return numberSyllables(part)
	}
	if n, ok := ordinalSyllables(part); ok {
		return n
	}
	if strings.IndexFunc(part, unicode.IsDigit) < 0 {
		return letterSyllables(part, false)
	}
	pieces := runs(part)
	n := 0
	for _, run := range pieces {
		switch {
		case isNumber(run):
			n += numberSyllables(run)
		case unicode.IsDigit(firstRune(run)):
			n += utf8.RuneCountInString(run) // digits of another script, one each
		default:
			n += letterSyllables(run, len(pieces) > 1)
		}
	}
	return n
}

// runs splits part into its runs of digits (with their inner , and .) and
// of other characters: "H1N1" gives H, 1, N, 1.
func runs(part string) []string {
	var out []string
	start, digits := 0, unicode.IsDigit(firstRune(part))
	for i, r := range part {
		d := unicode.IsDigit(r) || digits && (r == '.' || r == ',')
		if d != digits {
			out = append(out, part[start:i])
			start, digits = i, d
		}
	}
	return append(out, part[start:])
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// letterSyllables counts a run of letters (with apostrophes, marks and the
// full stops of an abbreviation). withDigits tells that the run is part of
// a token with digits, where short runs are letters read out (B12, H1N1).
func letterSyllables(run string, withDigits bool) int {
	if strings.Contains(run, ".") {
		return spelledSyllables(strings.ReplaceAll(run, ".", "")) // e.g, U.S
	}
	if r, size := utf8.DecodeRuneInString(run); size == len(run) {
		if n, ok := greekLetters[r]; ok {
			return n
		}
	}
	folded, ok := foldASCII(run)
	if n, found := abbreviations[strings.Trim(folded, "'")]; ok && found {
		return n // mg, 5mg
	}
	caps := strings.TrimSuffix(run, "s") // SSRIs: the plural of SSRI
	letters := utf8.RuneCountInString(caps)
	if letters > 1 && isUpper(caps) && (letters <= 3 || !pronounceable(caps)) ||
		withDigits && letters <= 3 && caps == run {
		return spelledSyllables(caps)
	}
	if !ok {
		return 1 // another script: no rules here
	}
	if letters > 1 && !strings.ContainsAny(folded, "aeiouy") {
		return spelledSyllables(folded) // TV, GP in lower case: no vowel to say
	}
	return contractionSyllables(folded)
}

// contractionSyllables counts a lower-case ASCII word that may hold an
// apostrophe: the ending after it adds a syllable where it is said as one
// (didn't, nurse's, it'll) and none elsewhere (don't, we've, they're).
func contractionSyllables(w string) int {
	base, suffix, ok := strings.Cut(w, "'")
	if !ok {
		return englishSyllables(w)
	}
	suffix = strings.ReplaceAll(suffix, "'", "")
	switch {
	case suffix == "s":
		n := englishSyllables(base)
		if endsSibilant(base) {
			n++
		}
		return n
	case suffix == "t" && strings.HasSuffix(base, "n") && len(base) > 1:
		stem := base[:len(base)-1] // did of didn't, ca of can't
		n := englishSyllables(stem)
		if last := stem[len(stem)-1]; last == 'e' || !isAEIOU(last) && last != 'y' {
			n++ // didn't, isn't, haven't, aren't; but don't, can't, won't
		}
		return n
	case suffix == "ll" || suffix == "d":
		n := englishSyllables(base)
		if last := base[len(base)-1]; !isAEIOU(last) && last != 'y' && last != 'w' && (suffix == "ll" || last == 't' || last == 'd') {
			n++ // it'll, that'd
		}
		return n
	case suffix == "ve" || suffix == "re" || suffix == "m":
		return englishSyllables(base)
	}
	return englishSyllables(base + suffix) // o'clock
}

// spelledSyllables counts letters read out one by one: each letter is one
// syllable but W (double-u), which is three.
func spelledSyllables(letters string) int {
	n := 0
	for _, r := range letters {
		switch {
		case r == 'w' || r == 'W':
			n += 3
		case unicode.IsLetter(r):
			n++
		}
	}
	return n
}

func isUpper(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// pronounceable reports whether an all-capitals abbreviation of four or
// more letters reads as a word (COVID, NASA, AIDS, GABA) rather than as its
// letters (ADHD, SSRI, COPD): it has a vowel, starts like an English
// syllable, has no run of three consonants or three vowels, and ends in a
// consonant pair English words end in.
func pronounceable(s string) bool {
	w, ok := foldASCII(s)
	if !ok || !strings.ContainsAny(w, "aeiou") {
		return false
	}
	consonants, vowels := 0, 0
	for i := range len(w) {
		if isAEIOU(w[i]) {
			vowels, consonants = vowels+1, 0
		} else {
			consonants, vowels = consonants+1, 0
		}
		if consonants == 3 || vowels == 3 {
			return false
		}
		if i == 1 && consonants == 2 && !strings.Contains(onsets, w[:2]) {
			return false
		}
	}
	if consonants == 2 && !strings.Contains(codas, w[len(w)-2:]) {
		return false
	}
	return true
}

// onsets and codas are the consonant pairs that begin and end English
// syllables, separated by spaces.
const (
	onsets = "bl br ch cl cr dr fl fr gl gr kl kn ph pl pr sc sh sk sl sm sn sp st sw th tr tw wh wr"
	codas  = "ch ck ct ds ft gh ld lf lk lm lp ls lt mp ms nd ng nk ns nt ps pt rb rc rd rf rg rk rl rm rn rp rs rt sh sk sp st th ts"
)

// greekLetters are the syllables of the names of Greek letters used as
// symbols in health texts (α-blocker, β-amyloid, κ light chains).
var greekLetters = map[rune]int{
	'α': 2, 'β': 2, 'γ': 2, 'δ': 2, 'ε': 3, 'ζ': 2, 'η': 2, 'θ': 2,
	'ι': 3, 'κ': 2, 'λ': 2, 'μ': 1, 'ν': 1, 'ξ': 1, 'ο': 3, 'π': 1,
	'ρ': 1, 'σ': 2, 'τ': 1, 'υ': 3, 'φ': 1, 'χ': 1, 'ψ': 1, 'ω': 3,
}

// abbreviations are read in full when a text is read aloud: units of
// measure (in the plural) and titles.
var abbreviations = map[string]int{
	"mg": 3, "mcg": 3, "ug": 3, "kg": 3, "ml": 4, "dl": 4, "mmol": 3,
	"cm": 4, "mm": 4, "km": 4, "lb": 1, "lbs": 1, "oz": 2,
	"dr": 2, "mr": 2, "mrs": 2, "ms": 1, "st": 1, "vs": 2, "etc": 4,
}

// foldASCII lower-cases w and maps the accented Latin letters to plain ones
// (ç to c, æ to ae); a final é, said in loanwords (café), becomes "ay".
// Apostrophes become ' and combining marks are dropped. ok is false when w
// has a letter of another script.
func foldASCII(w string) (folded string, ok bool) {
	var b strings.Builder
	b.Grow(len(w))
	for i, r := range w {
		r = unicode.ToLower(r)
		switch {
		case r == 'é' && strings.TrimFunc(w[i+len("é"):], isMark) == "",
			r == 'e' && strings.HasPrefix(w[i+1:], "\u0301") && strings.TrimFunc(w[i+1:], isMark) == "":
			b.WriteString("ay")
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == 'ʼ':
			b.WriteByte('\'')
		case unicode.In(r, unicode.Mn, unicode.Mc):
			// an accent written apart from its letter
		default:
			plain, found := latinFolds[r]
			if !found {
				return "", false
			}
			b.WriteString(plain)
		}
	}
	return b.String(), true
}

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc) }

// latinFolds maps the accented and ligature letters of Western European
// languages to plain ASCII.
var latinFolds = func() map[rune]string {
	m := make(map[rune]string)
	for plain, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě",
		"g": "ĝğġģ", "i": "ìíîïĩīĭįı", "l": "ĺļľŀł", "n": "ñńņň",
		"o": "òóôõöøōŏő", "r": "ŕŗř", "s": "śŝşš", "t": "ţťŧ",
		"u": "ùúûüũūŭůűų", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ",
	} {
		for _, r := range letters {
			m[r] = plain
		}
	}
	return m
}()
