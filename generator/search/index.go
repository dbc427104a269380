package search

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// index is the inverted index in memory, with the files last made of it.
// A build without a cache makes one and drops it; a Cache keeps one and
// changes it where documents changed, and files then encodes again only
// what those changes touched.
type index struct {
	// docs are the documents by number (with a Cache only); cards their
	// result cards, and cardKeys the hashes of their addresses and kinds
	// (see cardKey).
	docs     []entry
	cards    [][]byte
	cardKeys []uint64
	// tokens are sorted by text; byText finds them.
	tokens []*token
	byText map[string]*token
	// added are tokens that came since tokens was last sorted; touched
	// those whose postings changed (some may have none left); stale those
	// of either that files must encode.
	added, touched, stale []*token
	// dirty holds the keys of the vocabulary shards to encode again.
	dirty map[string]bool
	// The files last made, kept to be given again while their contents
	// stay the same, and the vocabulary shards by key.
	postings []*encoded
	shards   map[string]*encoded
	vocab    []*vocabFile
	chunks   []*chunk
	// size is the sizes the files were last made to.
	size sizes
	// starts are where each vocabulary shard's tokens start in tokens
	// (nil after tokens change).
	starts []int
	// once is set on the index of an Indexer, whose files are made once:
	// the postings go as they are encoded, the encoded postings as they
	// are packed into files, and the cards as they are put in chunks.
	once bool
}

// entry is what a Cache keeps of one document: its Version or hash, and
// the field masks of its tokens: as a slice (masks) until its postings
// are made, then packed (packMasks), in under half the memory, to be
// unpacked only when the document changes; a document Tokenized comes
// with them packed.
type entry struct {
	sum    uint64
	masks  tokenMasks
	packed []byte
}

// pack packs e's masks, which it keeps until its postings are made,
// unless they came packed.
func (e *entry) pack() {
	if e.packed == nil {
		e.packed = packMasks(e.masks)
	}
}

// posted lets the masks go once the postings are made: packed holds them.
func (e *entry) posted() { e.masks = nil }

// tokenMasks returns e's masks, unpacked when they are.
func (e *entry) tokenMasks() tokenMasks {
	if e.masks != nil {
		return e.masks
	}
	return unpackMasks(e.packed)
}

// packMasks writes each token of ms, in order, as the length of its
// text (at most maxTokenLen), the text and its mask as a uvarint.
func packMasks(ms tokenMasks) []byte {
	size := 0
	for _, m := range ms {
		size += 1 + len(m.text) + (bits.Len32(m.mask|1)+6)/7
	}
	out := make([]byte, 0, size)
	for _, m := range ms {
		out = append(out, byte(len(m.text)))
		out = append(out, m.text...)
		out = binary.AppendUvarint(out, uint64(m.mask))
	}
	return out
}

// unpackMasks reads what packMasks wrote.
func unpackMasks(data []byte) tokenMasks {
	var out tokenMasks
	for len(data) > 0 {
		n := int(data[0])
		text := string(data[1 : 1+n])
		mask, size := binary.Uvarint(data[1+n:])
		out = append(out, tokenMask{text, uint32(mask)})
		data = data[1+n+size:]
	}
	return out
}

// tokenMasks are a document's tokens in order, each with its field mask:
// a slice, a fifth of a map's memory, whose texts become the index's own
// once the document is indexed (intern), so that it keeps nothing of the
// document's text.
type tokenMasks []tokenMask

type tokenMask struct {
	text string
	mask uint32
}

// sortedMasks turns docMasks' map into tokenMasks.
func sortedMasks(m map[string]uint32) tokenMasks {
	out := make(tokenMasks, 0, len(m))
	for text, mask := range m {
		out = append(out, tokenMask{text, mask})
	}
	slices.SortFunc(out, func(a, b tokenMask) int { return strings.Compare(a.text, b.text) })
	return out
}

// find returns the mask of token text, if the document has it.
func (ms tokenMasks) find(text string) (uint32, bool) {
	i, ok := slices.BinarySearchFunc(ms, text, func(m tokenMask, text string) int { return strings.Compare(m.text, text) })
	if !ok {
		return 0, false
	}
	return ms[i].mask, true
}

// posting is one document of a token's postings. Numbers fit in 32 bits
// (a site of four billion documents is not a patient library), which
// halves the memory of the postings, the index's largest part.
type posting struct {
	doc  int32
	mask uint32
}

type token struct {
	text string
	// key is the token's vocabulary shard; hash a hash of its text, which
	// places the boundaries of postings files.
	key  string
	hash uint64
	// postings are in document order.
	postings []posting
	// encoded is the postings as written, nil after they change; best is
	// the best field of any posting and count their number, worked out
	// with encoded.
	encoded     []byte
	best, count int
	// file is the postings file that holds the token, nil after it
	// changes.
	file *encoded
}

// encoded is a file of the index as last made: its name and bytes, and
// for a postings file, how many tokens it holds. A vocabulary shard, part
// of a file, has bytes only.
type encoded struct {
	name   string
	data   []byte
	tokens int
}

func newIndex() *index {
	return &index{byText: map[string]*token{}, dirty: map[string]bool{}, shards: map[string]*encoded{}}
}

// newEntry tokenizes d and makes its card.
func newEntry(d Doc, sum uint64) (entry, []byte) {
	if d.tokens != nil {
		return entry{sum: sum, packed: d.tokens}, marshal(cardOf(d))
	}
	return entry{sum: sum, masks: sortedMasks(docMasks(d))}, marshal(cardOf(d))
}

// invert indexes the entries' tokens, in number order, into an index that
// has none.
func (ix *index) invert() {
	for i, e := range ix.docs {
		ix.addPostings(i, e.tokenMasks())
	}
	ix.settle()
}

// addPostings adds the postings of document number doc, after those of
// every document before it, and interns its tokens' texts.
func (ix *index) addPostings(doc int, masks tokenMasks) {
	for i, m := range masks {
		t := ix.byText[m.text]
		if t == nil {
			t = ix.add(m.text)
		}
		masks[i].text = t.text
		t.postings = append(t.postings, posting{doc: int32(doc), mask: m.mask})
	}
}

// add makes a token that has no postings yet.
func (ix *index) add(text string) *token {
	// The text is cut from a document's folded text: a copy lets that go.
	text = strings.Clone(text)
	t := &token{text: text, key: ShardKey(text), hash: textHash(text)}
	ix.byText[text] = t
	ix.added = append(ix.added, t)
	ix.dirty[t.key] = true
	return t
}

// touch marks a token whose postings changed, and its shard.
func (ix *index) touch(t *token) {
	if t.encoded != nil || t.file != nil {
		ix.touched = append(ix.touched, t)
	}
	t.encoded, t.file = nil, nil
	ix.dirty[t.key] = true
}

// repost moves document number doc from the postings of its old tokens
// to those of its new ones. The postings of the tokens of old whose masks
// stay as they were must hold doc already.
// It interns the texts of now.
func (ix *index) repost(doc int, old, now tokenMasks) {
	byDoc := func(p posting, doc int) int { return cmp.Compare(int(p.doc), doc) }
	for _, m := range old {
		if _, kept := now.find(m.text); kept {
			continue
		}
		t := ix.byText[m.text]
		if i, ok := slices.BinarySearchFunc(t.postings, doc, byDoc); ok {
			t.postings = slices.Delete(t.postings, i, i+1)
			ix.touch(t)
		}
	}
	for k, m := range now {
		text, mask := m.text, m.mask
		t := ix.byText[text]
		if t != nil {
			now[k].text = t.text
		}
		if was, ok := old.find(text); ok && was == mask {
			continue
		}
		if t == nil {
			t = ix.add(text)
			now[k].text = t.text
		}
		i, ok := slices.BinarySearchFunc(t.postings, doc, byDoc)
		switch {
		case ok && t.postings[i].mask == mask:
			continue
		case ok:
			t.postings[i].mask = mask
		default:
			t.postings = slices.Insert(t.postings, i, posting{doc: int32(doc), mask: mask})
		}
		ix.touch(t)
	}
}

// renumber gives every posting its document's new number (-1 for a
// document that went), keeping postings in document order.
func (ix *index) renumber(number []int) {
	same := true
	for i, n := range number {
		same = same && n == i
	}
	if same {
		return
	}
	for _, t := range ix.tokens {
		moved := false
		kept := t.postings[:0]
		for _, p := range t.postings {
			n := number[p.doc]
			moved = moved || n != int(p.doc)
			if n >= 0 {
				kept = append(kept, posting{doc: int32(n), mask: p.mask})
			}
		}
		if !moved {
			continue
		}
		t.postings = kept
		slices.SortFunc(t.postings, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		ix.touch(t)
	}
}

// settle drops the tokens left without postings and sorts in the tokens
// that came, so that tokens is in order again.
func (ix *index) settle() {
	dead := func(t *token) bool { return len(t.postings) == 0 }
	removed := 0
	for _, t := range slices.Concat(ix.touched, ix.added) {
		switch {
		case !dead(t):
			ix.stale = append(ix.stale, t)
		case ix.byText[t.text] == t:
			delete(ix.byText, t.text)
			removed++
		}
	}
	clear(ix.touched)
	ix.touched = ix.touched[:0]
	if removed == 0 && len(ix.added) == 0 {
		return
	}
	ix.starts = nil
	added := slices.DeleteFunc(ix.added, dead)
	slices.SortFunc(added, func(a, b *token) int { return cmp.Compare(a.text, b.text) })
	tokens := make([]*token, 0, len(ix.tokens)+len(added))
	for _, t := range ix.tokens {
		if dead(t) {
			continue
		}
		for len(added) > 0 && added[0].text < t.text {
			tokens, added = append(tokens, added[0]), added[1:]
		}
		tokens = append(tokens, t)
	}
	ix.tokens = append(tokens, added...)
	ix.added = ix.added[:0]
}
