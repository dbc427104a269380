package yamlutil

import (
	"fmt"

	"github.com/goccy/go-yaml/token"
)

// level is one open list or map, as the token stream shows it.
type level struct {
	// col is the column of a block collection's dash or key; 0 in flow.
	col int
	// seq is set for a block list.
	seq bool
	// pathBytes is what the level adds to the key path of the values in
	// it: a list position ("[12]") or a key (".'name'").
	pathBytes int
}

// indexBytes is the most a list position adds to a key path: "[" and "]"
// around up to ten digits.
const indexBytes = 12

// keyPathBytes is what a key adds to a key path: a dot, and quotes when
// the key holds ".", "[" or the like.
func keyPathBytes(key *token.Token) int {
	if key == nil {
		return indexBytes
	}
	return len(key.Value) + len(".''")
}

// nesting follows the open lists and maps through a token stream. Block
// collections are told apart by the column of their dash or key, as the
// parser does; an estimate that errs on the deep side, since what it
// guards is the parser's memory.
type nesting struct {
	block []level
	flow  []level
	// prev is the last token that is not a comment: a key, when a ":"
	// follows it.
	prev *token.Token
}

// checkTokens returns the first anchor, alias or merge key in tokens, or
// the first place where they nest deeper than MaxDepth or their key path
// grows beyond MaxPathBytes; nil when there is none.
func checkTokens(tokens token.Tokens) *Refusal {
	var n nesting
	for _, tk := range tokens {
		if r := n.step(tk); r != nil {
			return r
		}
		if tk.Type != token.CommentType {
			n.prev = tk
		}
	}
	return nil
}

func (n *nesting) step(tk *token.Token) *Refusal {
	switch tk.Type {
	case token.AnchorType:
		return refuse(tk, "a YAML anchor (%s) is not supported here: write the value out in full wherever it is needed; to start a text with \"&\", put the text in quotes", nameAfter(tk))
	case token.AliasType:
		return refuse(tk, "a YAML alias (%s) is not supported here: write the value out in full; to start a text with \"*\", put the text in quotes", nameAfter(tk))
	case token.MergeKeyType:
		return refuse(tk, "a YAML merge key (<<) is not supported here: write the keys out in full; for a key named <<, put it in quotes")
	case token.SequenceStartType, token.MappingStartType:
		n.flow = append(n.flow, level{pathBytes: indexBytes})
		return n.check(tk)
	case token.SequenceEndType, token.MappingEndType:
		if len(n.flow) > 0 {
			n.flow = n.flow[:len(n.flow)-1]
		}
	case token.SequenceEntryType:
		if len(n.flow) == 0 {
			n.openBlock(level{col: tk.Position.Column, seq: true, pathBytes: indexBytes})
			return n.check(tk)
		}
	case token.MappingKeyType, token.MappingValueType:
		return n.openKey(tk)
	}
	return nil
}

// openKey opens the value of a key: tk is the ":" after the key, or the
// "?" before an explicit one.
func (n *nesting) openKey(tk *token.Token) *Refusal {
	key, at := n.prev, n.prev
	switch {
	case tk.Type == token.MappingKeyType:
		key, at = nextNonComment(tk), tk
	case key == nil:
		at = tk
	}
	if len(n.flow) > 0 {
		n.flow[len(n.flow)-1].pathBytes = indexBytes + keyPathBytes(key)
		return n.check(tk)
	}
	n.openBlock(level{col: at.Position.Column, pathBytes: keyPathBytes(key)})
	return n.check(at)
}

// openBlock closes the block collections that l ends (those indented
// deeper, and a sibling at its column) and opens l. A list written at the
// column of the key it is the value of stays inside that key.
func (n *nesting) openBlock(l level) {
	for len(n.block) > 0 {
		top := n.block[len(n.block)-1]
		if top.col < l.col || top.col == l.col && l.seq && !top.seq {
			break
		}
		n.block = n.block[:len(n.block)-1]
	}
	n.block = append(n.block, l)
}

// check refuses tk when the collections open at it go beyond MaxDepth or
// MaxPathBytes.
func (n *nesting) check(tk *token.Token) *Refusal {
	if depth := len(n.block) + len(n.flow); depth > MaxDepth {
		return refuse(tk, "lists and maps nest more than %d levels deep here, and handout's settings nest a few at most: flatten them, or look for a stray \"[\", \"{\" or \"- \"", MaxDepth)
	}
	path := len("$")
	for _, l := range n.block {
		path += l.pathBytes
	}
	for _, l := range n.flow {
		path += l.pathBytes
	}
	if path > MaxPathBytes {
		return refuse(tk, "the keys down to here are over %d characters long together; handout's keys are short names such as title or sources: shorten the key, or look for a long text that ends in a colon", MaxPathBytes)
	}
	return nil
}

// nextNonComment returns the token after tk that is not a comment: the key
// that an explicit "?" opens.
func nextNonComment(tk *token.Token) *token.Token {
	next := tk.Next
	for next != nil && next.Type == token.CommentType {
		next = next.Next
	}
	return next
}

// nameAfter returns an anchor or alias as written: the indicator and the
// name token that follows it.
func nameAfter(tk *token.Token) string {
	name := tk.Value
	if next := tk.Next; next != nil && next.Position.Line == tk.Position.Line && next.Position.Column == tk.Position.Column+1 {
		name += next.Value
	}
	if r := []rune(name); len(r) > 40 {
		name = string(r[:40]) + "..."
	}
	return name
}

func refuse(tk *token.Token, format string, args ...any) *Refusal {
	return &Refusal{Line: tk.Position.Line, Col: tk.Position.Column, Message: fmt.Sprintf(format, args...)}
}
