package search

import (
	"hash/maphash"
	"sync"
)

// Cache remembers the tokens of each document between builds, so that
// `handout serve` tokenizes again only the documents that changed. The
// zero value is not usable; make one with NewCache. It is safe for
// concurrent use.
type Cache struct {
	seed maphash.Seed
	mu   sync.Mutex
	docs map[string]cachedDoc // by URL
}

type cachedDoc struct {
	sum   uint64
	masks map[string]uint32
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), docs: map[string]cachedDoc{}}
}

// masks returns the field mask of each token of d, from the cache when d
// has not changed since it was last tokenized.
func (c *Cache) masks(d Doc) map[string]uint32 {
	if c == nil {
		return docMasks(d)
	}
	sum := c.sum(d)
	c.mu.Lock()
	hit, ok := c.docs[d.URL]
	c.mu.Unlock()
	if ok && hit.sum == sum {
		return hit.masks
	}
	m := docMasks(d)
	c.mu.Lock()
	c.docs[d.URL] = cachedDoc{sum: sum, masks: m}
	c.mu.Unlock()
	return m
}

// sum hashes everything docMasks reads.
func (c *Cache) sum(d Doc) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	str := func(s string) {
		h.WriteString(s)
		h.WriteByte(0)
	}
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
