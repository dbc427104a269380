package search

import (
	"crypto/sha256"
	"encoding/base32"
	"slices"
	"strconv"
	"strings"

	"github.com/handout-health/handout/generator/internal/parallel"
)

// nameEncoding writes the hashes in names: lower-case base 32, so that
// names stay distinct on file systems that ignore case.
var nameEncoding = base32.NewEncoding("0123456789abcdefghijklmnopqrstuv").WithPadding(base32.NoPadding)

// hashLen is the number of base-32 digits of a name's hash: 60 bits.
const hashLen = 12

// name returns the name of a file in folder (such as "d/") with data:
// Dir, the folder, the hash of data, ".json".
func name(folder string, data []byte) string {
	return Dir + folder + digest(data) + ".json"
}

// digest is the hash in the name of a file with data.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return nameEncoding.EncodeToString(sum[:8])[:hashLen]
}

// hashOf returns the hash in a name made by name.
func hashOf(name string) string {
	return name[len(name)-len(".json")-hashLen : len(name)-len(".json")]
}

// textHash is the FNV-1a hash of a token's text with the bits mixed
// (murmur3's finalizer), so that its low bits are as good as its high
// ones.
func textHash(text string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(text); i++ {
		h = (h ^ uint64(text[i])) * 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// files encodes what changed since the last call and returns every file
// of the index: the manifest, the card chunks in number order, the
// postings files in token order and the vocabulary files in key order.
func (ix *index) files() []File {
	ix.encodePostings()
	weight := 0
	for _, t := range ix.tokens {
		weight += t.weight()
	}
	size := sizesFor(len(ix.cards), weight)
	ix.size = size
	ix.packPostings(size.postings)
	ix.vocabulary()
	ix.cardChunks(size.cardsPerChunk)

	files := make([]File, 0, 1+len(ix.chunks)+len(ix.postings)+len(ix.vocab))
	files = append(files, File{Name: Dir + "index.json", Data: ix.manifest()})
	for _, c := range ix.chunks {
		files = append(files, File{Name: c.name, Data: c.data})
	}
	for _, f := range ix.postings {
		files = append(files, File{Name: f.name, Data: f.data})
	}
	for _, v := range ix.vocab {
		files = append(files, File{Name: v.name, Data: v.data})
	}
	clear(ix.dirty)
	return files
}

// manifest writes search/index.json.
func (ix *index) manifest() []byte {
	b := []byte(`{"v":`)
	b = appendUint(b, Version)
	b = append(b, `,"n":`...)
	b = appendUint(b, uint64(len(ix.cards)))
	b = append(b, `,"w":{`...)
	i := 0
	for _, v := range ix.vocab {
		for _, key := range v.keys {
			b = append(appendString(appendComma(b, i), key), ':')
			b = appendString(b, hashOf(v.name))
			i++
		}
	}
	b = append(b, `},"d":[`...)
	for i, c := range ix.chunks {
		b = appendString(appendComma(b, i), hashOf(c.name))
	}
	b = append(b, `],"s":[`...)
	for i, c := range ix.chunks {
		b = appendUint(appendComma(b, i), uint64(c.cards))
	}
	return append(b, "]}"...)
}

// encodePostings encodes the postings of the tokens that changed.
func (ix *index) encodePostings() {
	parallel.For(len(ix.stale), func(i int) {
		t := ix.stale[i]
		b := make([]byte, 0, 8*len(t.postings))
		b = append(b, '[')
		prev, best := int32(0), 0
		for j, p := range t.postings {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendUint(b, uint64(p.doc-prev))
			b = append(b, ',')
			b = appendUint(b, uint64(p.mask))
			prev, best = p.doc, max(best, bestField(p.mask))
		}
		t.encoded, t.best, t.count = append(b, ']'), best, len(t.postings)
		if ix.once {
			t.postings = nil
		}
	})
	ix.stale = ix.stale[:0]
}

// digitPairs are the numbers 00 to 99, for appendUint.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

// appendUint is strconv.AppendUint in base 10, faster for the small
// numbers that postings are mostly made of.
func appendUint(b []byte, v uint64) []byte {
	switch {
	case v < 10:
		return append(b, byte('0'+v))
	case v < 100:
		return append(b, digitPairs[2*v], digitPairs[2*v+1])
	case v < 1000:
		return append(b, byte('0'+v/100), digitPairs[2*(v%100)], digitPairs[2*(v%100)+1])
	case v < 10000:
		hi, lo := v/100, v%100
		return append(b, digitPairs[2*hi], digitPairs[2*hi+1], digitPairs[2*lo], digitPairs[2*lo+1])
	}
	return strconv.AppendUint(b, v, 10)
}

// postingsCap is the size past which a postings file of several tokens
// whose files average target bytes ends, whatever the hashes say.
func postingsCap(target int) int { return 4 * target }

// weight is the bytes a token takes in its postings file.
func (t *token) weight() int { return len(t.text) + 4 + len(t.encoded) }

// packPostings divides the tokens into postings files that average
// target bytes (see the package doc) and makes the files whose tokens or
// postings changed.
func (ix *index) packPostings(target int) {
	type run struct{ first, end int }
	var runs []run
	start, size, prev := 0, 0, 0
	for i, t := range ix.tokens {
		w := t.weight()
		if i > 0 && (prev >= target || t.hash%uint64(target) < uint64(w) || size+w > postingsCap(target)) {
			runs = append(runs, run{start, i})
			start, size = i, 0
		}
		size, prev = size+w, w
	}
	if len(ix.tokens) > 0 {
		runs = append(runs, run{start, len(ix.tokens)})
	}
	files := make([]*encoded, len(runs))
	var made []int
	for i, r := range runs {
		run := ix.tokens[r.first:r.end]
		// The file is the same if it holds the same tokens, none of which
		// changed (a token that changed has no file).
		if f := run[0].file; f != nil && f.tokens == len(run) && !slices.ContainsFunc(run, func(t *token) bool { return t.file != f }) {
			files[i] = f
			continue
		}
		files[i] = &encoded{tokens: len(run)}
		made = append(made, i)
	}
	parallel.For(len(made), func(j int) {
		f, run := files[made[j]], ix.tokens[runs[made[j]].first:runs[made[j]].end]
		n := 2
		for _, t := range run {
			n += t.weight()
		}
		b := append(make([]byte, 0, n), '{')
		at := make([]int, len(run))
		for k, t := range run {
			b = append(appendString(appendComma(b, k), t.text), ':')
			at[k] = len(b)
			b = append(b, t.encoded...)
		}
		f.data = append(b, '}')
		f.name = name("p/", f.data)
		for k, t := range run {
			if ix.once {
				t.encoded = nil
				continue
			}
			// The file holds the token's postings as encoded: they are
			// kept there, not twice.
			end := at[k] + len(t.encoded)
			t.encoded = f.data[at[k]:end:end]
		}
	})
	for _, i := range made {
		for _, t := range ix.tokens[runs[i].first:runs[i].end] {
			t.file = files[i]
			ix.dirty[t.key] = true
		}
	}
	ix.postings = files
}

// encodeShard writes a vocabulary shard of tokens, which share a key.
func encodeShard(tokens []*token) []byte {
	var files []*encoded
	place := make([]int, len(tokens))
	for i, t := range tokens {
		if len(files) == 0 || files[len(files)-1] != t.file {
			files = append(files, t.file)
		}
		place[i] = len(files) - 1
	}
	b := []byte(`{"t":[`)
	for i, t := range tokens {
		b = appendString(appendComma(b, i), t.text)
	}
	b = append(b, `],"d":[`...)
	for i, t := range tokens {
		b = appendUint(appendComma(b, i), uint64(t.count))
	}
	b = append(b, `],"b":[`...)
	for i, t := range tokens {
		b = appendUint(appendComma(b, i), uint64(t.best))
	}
	b = append(b, `],"f":[`...)
	for i, f := range files {
		b = appendString(appendComma(b, i), hashOf(f.name))
	}
	b = append(b, `],"p":[`...)
	for i, p := range place {
		b = appendUint(appendComma(b, i), uint64(p))
	}
	return append(b, "]}"...)
}

func appendComma(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ',')
	}
	return b
}

// appendString appends s as a JSON string, as marshal writes it. Tokens
// and hashes are letters and digits, which need no escape.
func appendString(b []byte, s string) []byte {
	if strings.ContainsFunc(s, escaped) {
		return append(b, marshal(s)...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// escaped reports whether marshal writes r otherwise than as itself in a
// string (U+FFFD: it may stand for invalid UTF-8, which marshal changes).
func escaped(r rune) bool {
	return r < ' ' || r == '"' || r == '\\' || r == '\u2028' || r == '\u2029' || r == '\uFFFD'
}
