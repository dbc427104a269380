package search

// The index's files are few and fairly large, so that a library's output
// holds not many more files than pages (hosts limit and upload by file:
// Cloudflare Pages takes 20,000 files a site on its free plan, Netlify
// and others hash and upload file by file), yet small enough that a query
// fetches a few tens of KB. How large is chosen from the library: see
// sizesFor.

// sizes are how large an index's files are made.
type sizes struct {
	// cardsPerChunk is the number of result cards a card chunk holds on
	// average.
	cardsPerChunk int
	// postings is the weight in bytes that postings files average, and
	// the weight of a token that has a file to itself.
	postings int
}

// Smallest sizes: a small library's files are no smaller.
const (
	minCardsPerChunk = 8
	minPostings      = 4 << 10
	minVocabulary    = 8 << 10
)

// vocabularyFiles is about how many vocabulary files an index has, at
// most: a word's vocabulary is one of them.
const vocabularyFiles = 8

// sizesFor chooses the sizes of the files of an index of n documents
// whose postings weigh postings bytes. It aims at n/64 + 4 card chunks
// and n/32 + 4 postings files: a card chunk holds n / (n/64 + 4) cards
// (8 to 64), and a postings file averages postings / (n/32 + 4) bytes (at
// least 4 KB), each rounded up to a step (see step), so that a library's
// files keep their sizes, and their names, while it grows, until it
// crosses a step. With the manifest and at most about 9 vocabulary files,
// an index of n documents has at most about 3n/64 + 18 files (1,200
// documents: 74; 12,000: 580): fewer than the 5% more files than pages,
// plus 50, that a library may add to its pages. Files grow with the
// library so that their number does not: 12,000 documents make postings
// files of 24 KB and card chunks of 64 cards, 1,200 documents 16 KB and
// 64, 200 documents 12 KB and 32.
func sizesFor(n, postings int) sizes {
	docs := float64(n)
	return sizes{
		cardsPerChunk: step(minCardsPerChunk, docs/(docs/64+4)),
		postings:      step(minPostings, float64(postings)/(docs/32+4)),
	}
}

// vocabularyLimit is the weight past which a vocabulary file ends, for
// vocabulary shards that weigh weight bytes in all: an eighth of it, at
// least 8 KB, rounded up to a step.
func vocabularyLimit(weight int) int {
	return step(minVocabulary, float64(weight)/vocabularyFiles)
}

// step returns the smallest of least, 1.5 least, 2 least, 3 least, 4
// least, 6 least, ... (least must be even) that is at least want.
func step(least int, want float64) int {
	for i := 0; ; i++ {
		s := least << (i / 2)
		if i%2 == 1 {
			s += s / 2
		}
		if float64(s) >= want {
			return s
		}
	}
}
