package readability

import "strings"

// englishSyllables counts the syllables of one English word written in
// lower-case ASCII letters (a to z only). It is the rule-based core of
// Syllables: vowel groups, split where two vowels are said apart (hiatus),
// less a silent e, plus the few endings that sound a vowel the spelling does
// not show (-ism, -le, -ire).
func englishSyllables(w string) int {
	if w == "" {
		return 0
	}
	if n, ok := englishExceptions[w]; ok {
		return n
	}
	// The plural of an irregular word is as irregular as the word.
	if stem, ok := strings.CutSuffix(w, "s"); ok {
		if n, ok := englishExceptions[stem]; ok && !endsSibilant(stem) {
			return n
		}
	}
	for _, p := range fixedPrefixes {
		rest, ok := strings.CutPrefix(w, p.prefix)
		if ok && len(rest) >= 2 && !strings.ContainsRune(p.notBefore, rune(rest[0])) {
			return p.syllables + englishSyllables(rest)
		}
	}
	if first, rest, ok := splitCompound(w); ok {
		return ruleSyllables(first) + englishSyllables(rest)
	}
	return ruleSyllables(w)
}

// fixedPrefixes are word beginnings whose syllables the rules below would
// miscount inside longer words: "every" is said "ev'ry" (everyone,
// everything), the silent e of "some" meets the next word's vowel
// (someone), and "business" is two syllables (businesses, businessman).
var fixedPrefixes = []struct {
	prefix    string
	syllables int
	notBefore string // the prefix does not apply before these letters
}{
	{"business", 2, ""},
	{"every", 2, ""},
	{"some", 1, "r"},
}

// splitCompound splits a compound whose first word ends in a silent e
// (lifestyle, caregiver, baseline), which the rules would otherwise sound:
// the first word must be one of compoundFirst and the rest must start with
// a consonant and have a vowel.
func splitCompound(w string) (first, rest string, ok bool) {
	for _, first := range compoundFirstByLetter[w[0]] {
		rest, ok := strings.CutPrefix(w, first)
		if ok && rest != "" && !isAEIOU(rest[0]) && rest[0] != 'y' && strings.ContainsAny(rest, "aeiouy") {
			return first, rest, true
		}
	}
	return "", "", false
}

// compoundFirst are common words ending in a silent e that begin compounds.
var compoundFirst = []string{
	"base", "bone", "care", "case", "cheese", "code", "eye", "face", "fire",
	"gate", "grape", "grave", "home", "horse", "house", "ice", "life",
	"like", "lime", "line", "mile", "name", "nine", "nose", "pace", "peace",
	"plate", "police", "race", "rose", "safe", "share", "shoe", "side",
	"space", "stake", "stone", "store", "there", "tide", "time", "type", "voice",
	"waste", "white", "whole", "wide", "wire",
}

// compoundFirstByLetter indexes compoundFirst by first letter.
var compoundFirstByLetter = func() map[byte][]string {
	m := make(map[byte][]string)
	for _, w := range compoundFirst {
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}()

// ruleSyllables applies the spelling rules to w, which is lower-case ASCII.
func ruleSyllables(w string) int {
	var buf [48]bool
	vowel := buf[:0]
	if len(w) > len(buf) {
		vowel = make([]bool, 0, len(w))
	}
	for i := range len(w) {
		vowel = append(vowel, isVowelAt(w, i))
	}
	count := 0
	for i := 0; i < len(w); {
		if !vowel[i] {
			i++
			continue
		}
		j := i
		for j < len(w) && vowel[j] {
			j++
		}
		n := 1
		for k := i; k+1 < j; k++ {
			if hiatus(w, k) {
				n++
			}
		}
		if j == i+1 && w[i] == 'e' && count > 0 && silentE(w, i) {
			n = 0
		}
		count += n
		i = j
	}
	count += extraSyllables(w)
	return max(count, 1)
}

// isAEIOU reports whether c is one of the letters a, e, i, o, u.
func isAEIOU(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// isVowelAt reports whether w[i] is sounded as (part of) a vowel. The letter
// y is a consonant before a vowel at the start of a word (yes) or between
// vowels (player); u is a consonant after q (quite) and in gu before a, e, i
// (guard, language, guide), except in argue and -guity.
func isVowelAt(w string, i int) bool {
	c := w[i]
	next := byte(0)
	if i+1 < len(w) {
		next = w[i+1]
	}
	switch c {
	case 'a', 'e', 'i', 'o':
		return true
	case 'u':
		if i > 0 && w[i-1] == 'q' {
			return false
		}
		if i > 0 && w[i-1] == 'g' && (next == 'a' || next == 'e' || next == 'i') {
			if i > 1 && w[i-2] == 'r' {
				return true // argue, arguing
			}
			if strings.HasPrefix(w[i+1:], "ity") || strings.HasPrefix(w[i+1:], "itie") {
				return true // ambiguity
			}
			return false
		}
		return true
	case 'y':
		if !isAEIOU(next) {
			return i > 0 || len(w) == 1
		}
		if i == 0 {
			return false
		}
		return !isAEIOU(w[i-1])
	}
	return false
}

// endsSibilant reports whether w ends in a hissing sound, after which the
// plural -es and the possessive 's are said as a syllable of their own.
func endsSibilant(w string) bool {
	switch {
	case w == "":
		return false
	case strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return true
	}
	switch w[len(w)-1] {
	case 's', 'x', 'z':
		return true
	case 'e':
		return len(w) > 1 && strings.IndexByte("sxzcg", w[len(w)-2]) >= 0
	}
	return false
}

// silentE reports whether the lone e at w[i], which follows at least one
// sounded vowel, is silent: a final e (make), the e of -es and -ed where the
// ending adds no syllable (makes, named), and an e kept before a suffix or a
// second word of a compound (lately, statement, careful, lifetime).
func silentE(w string, i int) bool {
	if syllabicE(w, i) {
		return false
	}
	prev := w[i-1]
	switch rest := w[i+1:]; rest {
	case "":
		return true
	case "s":
		return !sibilantBefore(w[:i])
	case "d":
		return prev != 't' && prev != 'd'
	default:
		if !silentBeforeSuffix(rest) {
			return false
		}
		if prev == 'l' && strings.HasPrefix(rest, "ment") {
			return false // element, supplement, implement
		}
		return !strings.HasSuffix(w[:i], "th") // but nevertheless
	}
}

// syllabicE reports whether the e at w[i] stands for a sounded vowel that
// the spelling puts after its consonant: the -le of table, the -re of centre
// and acre, and the -ire of fire and require (said fi-er).
func syllabicE(w string, i int) bool {
	if i < 2 {
		return false
	}
	c, before := w[i-1], w[i-2]
	switch c {
	case 'l':
		return strings.IndexByte("bcdfgkpstz", before) >= 0
	case 'r':
		if strings.IndexByte("bcdghkptvn", before) >= 0 {
			return true
		}
		// -ire, but not before a suffix (requirement)
		ends := i+1 == len(w) || w[i+1:] == "s" || w[i+1:] == "d"
		return ends && (before == 'i' || before == 'y') && i > 2 && (!isAEIOU(w[i-3]) || w[i-3] == 'u' && i > 3 && w[i-4] == 'q')
	}
	return false
}

// sibilantBefore reports whether w ends in a letter after which -es is said
// as a syllable (kisses, boxes, churches, places, changes).
func sibilantBefore(w string) bool {
	if strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") {
		return true
	}
	return w != "" && strings.IndexByte("sxzcg", w[len(w)-1]) >= 0
}

// silentBeforeSuffix reports whether a silent e stays silent before rest,
// which is a suffix (lately, statement, careful, useless, awareness) or a
// common second word of a compound (lifetime, guideline, elsewhere).
func silentBeforeSuffix(rest string) bool {
	switch rest {
	case "by", "ly", "liness", "ty", "ment", "ments", "ful", "fully", "less", "lessly", "ness", "nesses",
		"some", "ship", "ships", "wise", "way", "ways", "time", "times", "man", "men",
		"line", "lines", "where", "fore", "work", "works", "house", "houses":
		return true
	}
	return false
}

// extraSyllables corrects the count of vowel groups for sounded vowels the
// spelling does not show, the -ism of autism and spasm and the -thm of
// rhythm, and for the a of -ically, which is not said (basically).
func extraSyllables(w string) int {
	if strings.HasSuffix(w, "ically") {
		return -1
	}
	w = strings.TrimSuffix(w, "s")
	if len(w) > 2 && strings.HasSuffix(w, "sm") && (isAEIOU(w[len(w)-3]) || w[len(w)-3] == 'y') {
		return 1
	}
	if strings.HasSuffix(w, "thm") {
		return 1
	}
	return 0
}
