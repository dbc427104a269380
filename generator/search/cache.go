package search

import (
	"hash/maphash"
	"sync"
)

// Cache remembers the tokens and result card of each document between
// builds, and the index the last build made, so that `handout serve`
// tokenizes again only the documents that changed and changes the index
// where they changed instead of inverting every document again. The zero
// value is not usable; make one with NewCache. It is safe for concurrent
// use, but not by two Builds at once.
type Cache struct {
	seed maphash.Seed
	mu   sync.Mutex
	docs map[string]cachedDoc // by URL
	// last is the index of the previous Build.
	last *lastIndex
}

type cachedDoc struct {
	sum   uint64
	masks map[string]uint32
	card  []byte
}

// lastIndex is what a Build leaves for the next one: the documents in
// number order (by URL and kind) with their sums and tokens, and the
// tokens with their postings.
type lastIndex struct {
	keys   []string
	docs   []cachedDoc
	tokens []*token
	byText map[string]*token
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), docs: map[string]cachedDoc{}}
}

// lookup returns the field mask of each token of d and its result card,
// from the cache when d has not changed since it was last tokenized.
func (c *Cache) lookup(d Doc) cachedDoc {
	if c == nil {
		return cachedDoc{masks: docMasks(d), card: marshal(cardOf(d))}
	}
	sum := c.sum(d)
	c.mu.Lock()
	hit, ok := c.docs[d.URL]
	c.mu.Unlock()
	if ok && hit.sum == sum {
		return hit
	}
	entry := cachedDoc{sum: sum, masks: docMasks(d), card: marshal(cardOf(d))}
	c.mu.Lock()
	c.docs[d.URL] = entry
	c.mu.Unlock()
	return entry
}

// sum hashes everything docMasks reads, or is the document's Version.
func (c *Cache) sum(d Doc) uint64 {
	if d.Version != 0 {
		return d.Version
	}
	var h maphash.Hash
	h.SetSeed(c.seed)
	str := func(s string) {
		h.WriteString(s)
		h.WriteByte(0)
	}
	str(d.Kind)
	str(d.Title)
	for _, s := range d.Synonyms {
		str(s)
	}
	h.WriteByte(1)
	str(d.Summary)
	for _, s := range d.Sections {
		str(s.ID)
		str(s.Title)
	}
	h.WriteByte(1)
	for _, b := range d.Blocks {
		str(b.Section)
		str(b.Text)
	}
	return h.Sum64()
}
