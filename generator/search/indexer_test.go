package search

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// TestIndexerGivesTheSameIndex adds random documents to an Indexer in a
// shuffled order from several goroutines, twice each or not at all, and
// compares its files with Build's.
func TestIndexerGivesTheSameIndex(t *testing.T) {
	for seed := range uint64(20) {
		e := &randomEditor{r: rand.New(rand.NewPCG(seed, 7))}
		docs := make([]Doc, 1+e.r.IntN(300))
		for i := range docs {
			docs[i] = e.doc()
		}
		keys := make([]Doc, len(docs))
		for i, d := range docs {
			keys[i] = Doc{URL: d.URL, Kind: d.Kind, Title: d.Title}
		}
		x := NewIndexer(keys)
		// One document is never added: it is indexed by its title.
		missing := e.r.IntN(len(docs))
		want := slices.Clone(docs)
		want[missing] = keys[missing]
		order := e.r.Perm(len(docs))
		var wg sync.WaitGroup
		for w := range 3 {
			wg.Go(func() {
				for k := w; k < len(order); k += 3 {
					i := order[k]
					if i == missing {
						continue
					}
					if !x.Add(docs[i]) {
						t.Errorf("seed %d: %s was refused", seed, docs[i].URL)
					}
					if x.Add(docs[i]) {
						t.Errorf("seed %d: %s was added twice", seed, docs[i].URL)
					}
				}
			})
		}
		wg.Wait()
		if x.Add(Doc{URL: "articles/unknown/", Kind: "article", Title: "Unknown"}) {
			t.Errorf("seed %d: a document NewIndexer was not told of was added", seed)
		}
		sameFiles(t, "indexer", x.Files(), Build(want, NewCache()))
	}
}
