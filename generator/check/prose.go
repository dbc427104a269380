package check

import (
	"math"

	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/readability"
)

// prose is an article's text as package readability sees it: the blocks
// that are prose (paragraphs and list items, not headings), and each
// block's sentences in order.
type prose struct {
	// blocks are the indexes of the prose blocks in Result.Blocks.
	blocks []int
	texts  []string
	// sentences of every prose block, in text order.
	sentences []sentence
}

// sentence is one sentence of an article's prose.
type sentence struct {
	text    string
	words   []string
	block   int // index into Result.Blocks
	nth     int // the sentence's place in its block, from 0
	section string
}

func newProse(blocks []markdown.Block) prose {
	var p prose
	for i, b := range blocks {
		if b.Kind == markdown.Heading {
			continue
		}
		p.blocks = append(p.blocks, i)
		p.texts = append(p.texts, b.Text)
		for nth, s := range readability.Sentences(b.Text) {
			p.sentences = append(p.sentences, sentence{text: s, words: readability.Words(s), block: i, nth: nth, section: b.Section})
		}
	}
	return p
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
