package search

import (
	"cmp"
	"slices"
	"sync"

	"github.com/handout-health/handout/generator/internal/parallel"
)

// Indexer makes the index of a build that keeps no cache (handout build)
// while the documents are still being converted: each document is
// tokenized when it is added, after which its text blocks are no longer
// needed, so the text of the whole site is never held at once.
//
// NewIndexer is told every document first, with at least its URL, kind
// and title (which number the documents); Add then takes each document
// in full, once, in any order, from any goroutine; Files, called once,
// returns the same files as Build would for the documents added.
type Indexer struct {
	// keys are the documents as NewIndexer was told them, by number, and
	// number finds a document's number by URL and kind.
	keys   []Doc
	number map[[2]string]int
	mu     sync.Mutex
	ix     *index
}

// NewIndexer starts an index of docs, of which only URL, Kind and Title
// are read.
func NewIndexer(docs []Doc) *Indexer {
	x := &Indexer{keys: make([]Doc, len(docs)), number: make(map[[2]string]int, len(docs)), ix: newIndex()}
	for n, i := range titleOrder(docs) {
		d := docs[i]
		x.keys[n] = Doc{URL: d.URL, Kind: d.Kind, Title: d.Title}
		x.number[[2]string{d.URL, d.Kind}] = n
	}
	x.ix.cards = make([][]byte, len(docs))
	x.ix.cardKeys = make([]uint64, len(docs))
	for n, d := range x.keys {
		x.ix.cardKeys[n] = cardKey(d.URL, d.Kind)
	}
	x.ix.once = true
	return x
}

// Add indexes d, one of the documents NewIndexer was told (by URL and
// kind) that was not added yet, and reports whether it was; any other
// document is left out. d's blocks are not kept.
func (x *Indexer) Add(d Doc) bool {
	n, ok := x.number[[2]string{d.URL, d.Kind}]
	if !ok {
		return false
	}
	e, card := newEntry(d, 0)
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ix.cards[n] != nil {
		return false
	}
	x.ix.cards[n] = card
	// Postings come in the order documents are added; Files puts them
	// in document order.
	x.ix.addPostings(n, e.tokenMasks())
	return true
}

// Files returns every file of the index, as Build does. A document that
// was never added is indexed by its title alone. It is called once: the
// postings go as the files are made from them.
func (x *Indexer) Files() []File {
	for n, c := range x.ix.cards {
		if c == nil {
			x.Add(x.keys[n])
		}
	}
	parallel.For(len(x.ix.added), func(i int) {
		slices.SortFunc(x.ix.added[i].postings, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	})
	x.ix.settle()
	return x.ix.files()
}
