package yamlutil

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"

	"github.com/handout-health/handout/generator/diag"
)

// The limits of the YAML handout reads. goccy/go-yaml holds some 250
// bytes for each token, and gives every node a copy of the path of keys
// above it, so text nested deep ([[[[...), or a long key above many
// values, costs memory in proportion to its size squared: 800 KB of
// nested brackets ran a build out of memory, and 1 MB of "- - - ..."
// took two minutes and 23 GB. Parse checks these limits before the
// parser sees the text. No site.yaml, front matter or string file comes
// near them: the sample site's site.yaml holds 140 tokens, and handout's
// deepest setting (languages[0].consent[0].id) is 5 levels deep, counting
// each list and map.
const (
	// MaxBytes is the most YAML read from one file or front matter.
	MaxBytes = 1 << 20
	// MaxTokens is how many tokens (keys, values, dashes, brackets,
	// commas) one YAML text may hold. It is counted from the text's
	// punctuation and lines, before tokenizing, so that tokenizing itself
	// stays bounded: a few MB of memory.
	MaxTokens = 50_000
	// MaxDepth is how deeply lists and maps may nest.
	MaxDepth = 20
	// MaxPathBytes is the longest key path, the keys and list positions
	// above a value ($.languages[0].consent[0].id is 28 bytes).
	MaxPathBytes = 512
)

// Refusal is YAML that Parse does not parse, and where.
type Refusal struct {
	// Line and Col are 1-based, as an editor counts them.
	Line, Col int
	Message   string
}

// Error implements error.
func (r *Refusal) Error() string { return fmt.Sprintf("%d:%d: %s", r.Line, r.Col, r.Message) }

// Parse parses YAML text (site.yaml, front matter, a theme's string file)
// into its syntax tree, as parser.ParseBytes does, but first refuses text
// beyond the limits above, and anchors (&name), aliases (*name) and merge
// keys (<<): handout's settings never need them, and refusing them means
// no alias can expand ("billion laughs") and no editor is surprised by a
// title read as "&". The error is a *Refusal or a go-yaml error; pass it
// to ErrorDiagnostic.
func Parse(data []byte) (*ast.File, error) {
	end, limit := scanBudget(data)
	// Only the part within the budget is tokenized: a nesting or an alias
	// in it is a more useful message than the size of the whole.
	tokens := lexer.Tokenize(string(data[:end]))
	if r := checkTokens(tokens); r != nil {
		return nil, r
	}
	if limit != "" {
		line, col := diag.NewLines(data).Position(end)
		return nil, &Refusal{Line: line, Col: col, Message: limit}
	}
	return parser.Parse(tokens, 0)
}

// tokenStarts marks the bytes that can begin a token of their own: the
// YAML indicators. Every other token is a scalar that follows one of them
// or a line break, so their count bounds the number of tokens; but after
// a "%" (a directive, as go-yaml reads it even in mid-line) every word is
// a token, so there spaces count too.
var tokenStarts = func() (set [256]bool) {
	for _, c := range []byte("[]{},:-?&*!|>'\"#%@`\n\r") {
		set[c] = true
	}
	return set
}()

// tokensPerStart is how many tokens one indicator or line break can bring
// (`&a x` is three: the anchor, its name and the value).
const tokensPerStart = 3

// scanBudget returns how much of data is within MaxBytes and MaxTokens,
// and the message for the limit that ends it there ("" when all of it is).
// It reads bytes only, allocating nothing.
func scanBudget(data []byte) (end int, limit string) {
	end, _ = estimateTokens(data[:min(len(data), MaxBytes)], MaxTokens)
	switch {
	case end < min(len(data), MaxBytes):
		return end, fmt.Sprintf("this YAML holds too many keys, values and punctuation marks to read: handout reads some %d in one file or front matter (a site.yaml needs a few hundred), and this has more by here; remove pasted data",
			MaxTokens/tokensPerStart)
	case end < len(data):
		return end, fmt.Sprintf("this YAML is over %d MB; handout reads at most %d MB in one file or front matter: move long texts into the page's Markdown, or remove pasted data",
			MaxBytes>>20, MaxBytes>>20)
	}
	return end, ""
}

// estimateTokens counts at most how many tokens go-yaml makes of data. It
// stops before the byte at which the count would pass limit, and returns
// that byte's offset (or len(data)) and the count up to there.
func estimateTokens(data []byte, limit int) (end, tokens int) {
	// The text starts as a line does (with "..." or "---", say).
	tokens, directive := tokensPerStart, false
	for i, c := range data {
		switch c {
		case '%':
			directive = true
		case '\n', '\r':
			directive = false
		}
		if tokenStarts[c] || directive && (c == ' ' || c == '\t') {
			if tokens+tokensPerStart > limit {
				return i, tokens
			}
			tokens += tokensPerStart
		}
	}
	return len(data), tokens
}
