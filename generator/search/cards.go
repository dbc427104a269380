package search

import (
	"slices"

	"github.com/handout-health/handout/generator/internal/parallel"
)

// chunk is a card chunk as last made: the cards it was made of, from
// document number first on, and its name and bytes.
type chunk struct {
	first int
	made  [][]byte
	cards int
	encoded
}

// cardChunks divides the documents, in number order, into card chunks
// that hold perChunk cards on average, and makes the chunks whose cards
// changed. A document starts a chunk when a hash of its address and kind
// is a multiple of perChunk, or when the chunk before holds four times
// perChunk: where chunks end depends on the documents, not on their
// numbers, so that a document that comes or goes changes its own chunk,
// not every chunk after it.
func (ix *index) cardChunks(perChunk int) {
	n := len(ix.cards)
	var chunks []*chunk
	for k := range n {
		if k == 0 || ix.cardKeys[k]%uint64(perChunk) == 0 || chunks[len(chunks)-1].cards == 4*perChunk {
			chunks = append(chunks, &chunk{first: k})
		}
		chunks[len(chunks)-1].cards++
	}
	kept := make(map[*byte]*chunk, len(ix.chunks))
	for _, c := range ix.chunks {
		kept[&c.made[0][0]] = c
	}
	var made []*chunk
	for i, c := range chunks {
		if old := kept[&ix.cards[c.first][0]]; old != nil && sameCards(old.made, ix.cards[c.first:c.first+c.cards]) {
			old.first = c.first
			chunks[i] = old
			continue
		}
		c.made = slices.Clone(ix.cards[c.first : c.first+c.cards])
		made = append(made, c)
	}
	parallel.For(len(made), func(j int) {
		c := made[j]
		size := 1
		for _, card := range c.made {
			size += len(card) + 1
		}
		b := append(make([]byte, 0, size), '[')
		for k, card := range c.made {
			b = append(appendComma(b, k), card...)
		}
		c.data = append(b, ']')
		c.name = name("d/", c.data)
		if ix.once {
			clear(ix.cards[c.first : c.first+c.cards])
			c.made = nil
		}
	})
	ix.chunks = chunks
}

// sameCards reports whether two runs of cards are the very same cards
// (a card's bytes are made anew whenever its document changed).
func sameCards(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if &a[i][0] != &b[i][0] {
			return false
		}
	}
	return true
}

// cardKey is the hash of a document's address and kind that places the
// ends of card chunks.
func cardKey(url, kind string) uint64 { return textHash(kind + "\x00" + url) }
