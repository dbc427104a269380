package check

import (
	"regexp"
	"strings"
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
}

var (
	englishExplaining = explaining{
		after:      regexp.MustCompile(`^(?:\s*\(|\s*[—–]|,\s*(?:or|a|an|the|which|that|one|also called|also known as|known as|meaning)\s|\s+(?:is|are|was|were)\s+(?:a|an|the|one|what|when|how|where|any|another|also an?|not an?|called|made up of)\s|\s+(?:means|refers to|stands for|is short for|describes|is a name for|is the name for|is a word for|is a term for)\b|:\s)`),
		before:     regexp.MustCompile(`(?i)(?:\b(?:called|named|known as|termed)\s+(?:\S+\s+){0,2}|\bcalls?\s+(?:it|this|that|them)\s+|\b(?:written|shortened|abbreviated) as\s+|\b(?:is|are)\s+(?:(?:a|an|the)\s+)?|,\s*or\s+(?:(?:the|a|an|your)\s+)?|\(\s*)$`),
		inside:     regexp.MustCompile(`(?i)\b(?:means|stands for|is short for|that is|i\.e)\b`),
		examples:   regexp.MustCompile(`(?i)\b(?:such as|including|like)\b`),
		next:       regexp.MustCompile(`^(?:(?:This|These|That|Those)\b|(?:It|They) (?:is|are|means)\b|It's\b)`),
		copula:     regexp.MustCompile(`^\s+(?:is|are)\b`),
		determiner: regexp.MustCompile(`(?i)^(?:(?:a|an|the|this|these|your)\s+)?$`),
	}
	spanishExplaining = explaining{
		after:      regexp.MustCompile(`^(?:\s*\(|\s*[—–]|,\s*(?:o|u|un|una|el|la|los|las|que|es decir|llamad[oa]s?|conocid[oa]s? como)\s|\s+(?:es|son|era|eran)\s+(?:un|una|el|la|los|las|lo que|cuando|como)\s|\s+(?:significa|quiere decir|se refiere a|es la sigla de|son las siglas de)\b|:\s)`),
		before:     regexp.MustCompile(`(?i)(?:\b(?:llamad[oa]s?|denominad[oa]s?|conocid[oa]s? como)\s+(?:\S+\s+){0,2}|\b(?:escrit|abreviad)[oa]s? como\s+|\b(?:es|son)\s+(?:(?:el|la|los|las|un|una)\s+)?|,\s*[ou]\s+(?:(?:el|la|los|las|su)\s+)?|\(\s*)$`),
		inside:     regexp.MustCompile(`(?i)\b(?:significa|quiere decir|es decir|siglas de)\b`),
		examples:   regexp.MustCompile(`(?i)\b(?:como|incluid[oa]s?)\b`),
		next:       regexp.MustCompile(`^(?:Esta|Este|Estos|Estas|Esto|Es|Son)\b`),
		copula:     regexp.MustCompile(`^\s+(?:es|son)\b`),
		determiner: regexp.MustCompile(`(?i)^(?:(?:el|la|los|las|un|una|este|esta|estos|estas|su|sus)\s+)?$`),
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
