package search

import (
	"bytes"
	"hash/maphash"

	"github.com/handout-health/handout/generator/internal/parallel"
)

// Cache keeps the index of the last Build, with each document's tokens
// and result card, so that the next Build (in `handout serve`) tokenizes
// again only the documents that changed, moves only their postings, and
// encodes and hashes again only the files whose contents changed. The
// zero value is not usable; make one with NewCache. A Cache serves one
// Build at a time.
type Cache struct {
	seed maphash.Seed
	// given are the last build's documents in the order given, and
	// number their document numbers.
	given  []docKey
	number []int
	ix     *index
}

// docKey is what a document's number depends on, and its Version.
type docKey struct {
	url, kind, title string
	version          uint64
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed()}
}

// build is Build with c.
func (c *Cache) build(docs []Doc) []File {
	if check, ok := c.sameKeys(docs); ok {
		c.update(docs, check)
	} else {
		c.renumber(docs)
	}
	return c.ix.files()
}

// sameKeys reports whether docs come with the same addresses, kinds and
// titles in the same order as last time, so that they keep their
// numbers, and returns the places in docs of those that may have
// changed: a document whose Version is the same did not.
func (c *Cache) sameKeys(docs []Doc) (check []int, ok bool) {
	if c.ix == nil || len(docs) != len(c.given) {
		return nil, false
	}
	for i := range docs {
		d, k := &docs[i], &c.given[i]
		if d.Version != 0 && d.Version == k.version {
			continue
		}
		if d.URL != k.url || d.Kind != k.kind || d.Title != k.title {
			return nil, false
		}
		check = append(check, i)
	}
	return check, true
}

// update changes the index where the documents at places check in docs,
// which kept their numbers, changed.
func (c *Cache) update(docs []Doc, check []int) {
	ix := c.ix
	fresh := make([]entry, len(check))
	cards := make([][]byte, len(check))
	changed := make([]bool, len(check))
	parallel.For(len(check), func(j int) {
		i := check[j]
		if sum := c.sum(docs[i]); sum != ix.docs[c.number[i]].sum {
			fresh[j], cards[j] = newEntry(docs[i], sum)
			fresh[j].pack()
			changed[j] = true
		}
	})
	for j, i := range check {
		c.given[i].version = docs[i].Version
		if k := c.number[i]; changed[j] {
			ix.repost(k, ix.docs[k].tokenMasks(), fresh[j].tokenMasks())
			// An unchanged card keeps its bytes, and so its chunk.
			if !bytes.Equal(cards[j], ix.cards[k]) {
				ix.cards[k] = cards[j]
			}
			fresh[j].posted()
			ix.docs[k] = fresh[j]
		}
	}
	ix.settle()
}

// renumber numbers docs again, after documents came, went or changed
// their addresses, kinds or titles, and changes the index to match.
func (c *Cache) renumber(docs []Doc) {
	order := titleOrder(docs)
	type id struct{ url, kind string }
	before := make(map[id]int, len(c.given))
	for i, k := range c.given {
		before[id{k.url, k.kind}] = c.number[i]
	}
	// moved is the new number of each former document (-1 when it went),
	// prev the former number of each document (-1 when new).
	moved := make([]int, len(c.given))
	for i := range moved {
		moved[i] = -1
	}
	prev := make([]int, len(docs))
	for k, i := range order {
		prev[k] = -1
		if o, ok := before[id{docs[i].URL, docs[i].Kind}]; ok && moved[o] < 0 {
			moved[o], prev[k] = k, o
		}
	}
	var old []entry
	var oldCards [][]byte
	if c.ix != nil {
		old, oldCards = c.ix.docs, c.ix.cards
	}
	entries := make([]entry, len(docs))
	cards := make([][]byte, len(docs))
	keys := make([]uint64, len(docs))
	changed := make([]bool, len(docs))
	parallel.For(len(docs), func(k int) {
		d := docs[order[k]]
		keys[k] = cardKey(d.URL, d.Kind)
		sum := c.sum(d)
		if o := prev[k]; o >= 0 && old[o].sum == sum {
			entries[k], cards[k] = old[o], oldCards[o]
			return
		}
		entries[k], cards[k] = newEntry(d, sum)
		entries[k].pack()
		changed[k] = true
	})

	if c.ix == nil {
		c.ix = newIndex()
		c.ix.docs, c.ix.cards, c.ix.cardKeys = entries, cards, keys
		c.ix.invert()
	} else {
		ix := c.ix
		ix.renumber(moved)
		for k, e := range entries {
			if !changed[k] {
				continue
			}
			var was tokenMasks
			if o := prev[k]; o >= 0 {
				was = old[o].tokenMasks()
			}
			ix.repost(k, was, e.tokenMasks())
		}
		ix.docs, ix.cards, ix.cardKeys = entries, cards, keys
		ix.settle()
	}
	for k := range entries {
		entries[k].posted()
	}
	c.given = make([]docKey, len(docs))
	for i, d := range docs {
		c.given[i] = docKey{d.URL, d.Kind, d.Title, d.Version}
	}
	c.number = make([]int, len(docs))
	for k, i := range order {
		c.number[i] = k
	}
}

// sum hashes everything docMasks and cardOf read (or the tokens a document
// came with, Tokenized), or is the document's Version.
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
	str(d.URL)
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
	h.WriteByte(1)
	h.Write(d.tokens)
	return h.Sum64()
}
