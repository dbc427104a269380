package check

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// explaining is how a language says what a term means where it is used:
// the writing patterns that acronym and jargon accept as an explanation.
type explaining struct {
	// after matches what follows a term that explains it: " (…)",
	// ", or …", " is a …", " means …".
	after *regexp.Regexp
	// before matches what comes right before a term that was just
	// explained: "a chemical called …", "(…" (the term in brackets after
	// what it means), ", or …".
	before *regexp.Regexp
	// inside matches, anywhere before a term, the words that make the
	// rest of the sentence an explanation itself: "ISRS quiere decir
	// inhibidores selectivos…".
	inside *regexp.Regexp
	// examples matches, anywhere before a term, the words that make it an
	// example of a category the sentence names: "brain chemicals such
	// as …".
	examples *regexp.Regexp
	// next matches the start of a sentence that explains the term of the
	// sentence before it: "This hormone …".
	next *regexp.Regexp
	// copula matches what follows a term in the next sentence when that
	// sentence says what it is: "… receptors are small gates".
	copula *regexp.Regexp
	// determiner matches the words that may come before a term that
	// starts its sentence: "An enzyme does this work".
	determiner *regexp.Regexp
	// joins are the words that join the items of a list ("and", "or"):
	// a phrase after a comma that has none of them is an appositive
	// (see appositive); nil where no appositive without an article
	// counts.
	joins map[string]bool
	// adjectiveFirst is true where an adjective goes before its noun,
	// so that "adrenal glands, which …" explains "adrenal".
	adjectiveFirst bool
}

var (
	englishExplaining = explaining{
		after:      regexp.MustCompile(`^(?:\s*\(|\s*[—–]|,\s*(?:or|a|an|the|which|that|one|also called|also known as|known as|meaning)\s|\s+(?:is|are|was|were)\s+(?:a|an|the|one|what|when|how|where|any|another|also an?|not an?|called|made up of)\s|\s+(?:means|refers to|stands for|is short for|describes|is a name for|is the name for|is a word for|is a term for)\b|:\s)`),
		before:     regexp.MustCompile(`(?i)(?:\b(?:called|named|known as|termed)\s+(?:\S+\s+){0,2}|\bcalls?\s+(?:(?:it|this|that|them|these|those)\s+(?:\S+\s+){0,2})?|\b(?:written|shortened|abbreviated) as\s+|\b(?:is|are)\s+(?:(?:a|an|the)\s+)?|,\s*or\s+(?:(?:the|a|an|your)\s+)?|\(\s*)$`),
		inside:     regexp.MustCompile(`(?i)\b(?:means|stands for|is short for|that is|i\.e)\b`),
		examples:   regexp.MustCompile(`(?i)\b(?:such as|including|like)\b`),
		next:       regexp.MustCompile(`^(?:(?:This|These|That|Those)\b|(?:It|They) (?:is|are|means)\b|It's\b)`),
		copula:     regexp.MustCompile(`^\s+(?:is|are)\b`),
		determiner: regexp.MustCompile(`(?i)^(?:(?:a|an|the|this|these|your)\s+)?$`),
		joins:      wordSet("and or nor"),

		adjectiveFirst: true,
	}
	spanishExplaining = explaining{
		after:      regexp.MustCompile(`^(?:\s*\(|\s*[—–]|,\s*(?:o|u|un|una|el|la|los|las|que|es decir|llamad[oa]s?|conocid[oa]s? como)\s|\s+(?:es|son|era|eran)\s+(?:un|una|el|la|los|las|lo que|cuando|como)\s|\s+(?:significa|quiere decir|se refiere a|es la sigla de|son las siglas de)\b|:\s)`),
		before:     regexp.MustCompile(`(?i)(?:\b(?:llamad[oa]s?|denominad[oa]s?|conocid[oa]s? como)\s+(?:\S+\s+){0,2}|\b(?:escrit|abreviad)[oa]s? como\s+|\bse\s+llaman?\s+|\b(?:lo|la|los|las|le|les)\s+llam(?:a|an|amos)\s+|\bllam(?:a|an|amos)\s+a\s+(?:est|es)[eoa]s?\s+(?:\S+\s+){0,2}|\b(?:es|son)\s+(?:(?:el|la|los|las|un|una)\s+)?|,\s*[ou]\s+(?:(?:el|la|los|las|su)\s+)?|\(\s*)$`),
		inside:     regexp.MustCompile(`(?i)\b(?:significa|quiere decir|es decir|siglas de)\b`),
		examples:   regexp.MustCompile(`(?i)\b(?:como|incluid[oa]s?)\b`),
		next:       regexp.MustCompile(`^(?:Esta|Este|Estos|Estas|Esto|Es|Son)\b`),
		copula:     regexp.MustCompile(`^\s+(?:es|son)\b`),
		determiner: regexp.MustCompile(`(?i)^(?:(?:el|la|los|las|un|una|este|esta|estos|estas|su|sus)\s+)?$`),
		joins:      wordSet("y e o u ni"),
	}
	// bracketsOnly is every other language's: a bracket explains.
	bracketsOnly = explaining{
		after:  regexp.MustCompile(`^\s*\(`),
		before: regexp.MustCompile(`\(\s*$`),
	}
)

// explains reports whether a sentence explains the term written at
// s[at:at+n], or the sentence after it (next, "" when there is none)
// does. examples lets "chemicals such as dopamine" count: a category
// explains a technical word, but never an acronym, which still needs
// spelling out.
func (e *explaining) explains(s string, at, n int, next string, examples bool) bool {
	before := s[:at]
	switch {
	case e.after.MatchString(s[at+n:]), e.before.MatchString(before):
		return true
	case e.inside != nil && e.inside.MatchString(before):
		return true
	case examples && e.examples != nil && e.examples.MatchString(before):
		return true
	case e.appositive(s, at, n):
		return true
	}
	if e.next == nil || next == "" {
		return false
	}
	next = strings.TrimLeft(next, `"“'‘*_`)
	if e.next.MatchString(next) {
		return true
	}
	i := wordIndex(strings.ToLower(next), strings.ToLower(s[at:at+n]))
	return i >= 0 && e.copula.MatchString(next[i+n:])
}

// startsSentence reports whether the word at s[at:] is the subject that
// starts its sentence, after opening marks and a determiner ("An enzyme
// does this work").
func (e *explaining) startsSentence(s string, at int) bool {
	before := strings.TrimLeft(s[:at], `"“'‘*_( `)
	return before == "" || e.determiner != nil && e.determiner.MatchString(before)
}

// appositive reports whether the term at s[at:at+n] is followed by an
// appositive without an article, as plural nouns are explained: "receptors,
// docking spots on the next cell"; "dopamine and norepinephrine, 2 brain
// signals". The term must be in the plural or end a list ("… and
// norepinephrine"), and the phrase after the comma (to the next mark) must
// have 2 words or more, a plural among its first 3, and no word that joins
// a list, which tells it from the list's next item ("receptors, enzymes
// and pumps"). Its limit: a clause that starts with a plural subject
// ("receptors, nerves fire") reads as an explanation too.
func (e *explaining) appositive(s string, at, n int) bool {
	rest, ok := strings.CutPrefix(s[at+n:], ", ")
	if e.joins == nil || !ok {
		return false
	}
	before := strings.Fields(strings.ToLower(s[:at]))
	if !pluralNoun(s[at:at+n]) && (len(before) == 0 || !e.joins[before[len(before)-1]]) {
		return false
	}
	if end := strings.IndexAny(rest, ",.;:!?()—–"); end >= 0 {
		rest = rest[:end]
	}
	words := strings.Fields(strings.ToLower(rest))
	if len(words) < 2 || slices.ContainsFunc(words, func(w string) bool { return e.joins[w] }) {
		return false
	}
	return slices.ContainsFunc(words[:min(3, len(words))], pluralNoun)
}

// pluralNoun reports whether a word looks like a plural noun: it ends in a
// single "s" ("spots", "proteínas"), not in "ss", "us" or "is".
func pluralNoun(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// withNoun returns the length of the term at s[at:at+n] with the noun
// after it when the term is an adjective that goes before its noun in the
// language ("adrenal glands"), so that an explanation of the pair counts;
// n otherwise.
func (e *explaining) withNoun(s string, at, n int, adjective bool) int {
	if !e.adjectiveFirst || !adjective {
		return n
	}
	rest := s[at+n:]
	if !strings.HasPrefix(rest, " ") {
		return n
	}
	word := strings.FieldsFunc(rest[1:], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if len(word) == 0 || !strings.HasPrefix(rest[1:], word[0]) {
		return n
	}
	return n + 1 + len(word[0])
}
