package readability

// englishExceptions holds common words whose syllables the spelling rules
// get wrong and no general rule fixes: mostly loanwords and words whose
// vowels were dropped in speech (business, Wednesday). Plurals in -s are
// looked up by their singular.
var englishExceptions = map[string]int{
	"business":  2,
	"diabetes":  4,
	"does":      1,
	"element":   3,
	"embed":     2,
	"herpes":    2,
	"linear":    3,
	"maybe":     2,
	"naked":     2,
	"nuclear":   3,
	"recipe":    3,
	"soldier":   2,
	"wednesday": 2,
	"wicked":    2,
}
