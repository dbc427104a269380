// Package search builds a site's search index at build time, as static
// files that the theme's search.js reads in the browser: no server, no
// request outside the site, and only the files a query needs.
//
// # What is indexed
//
// Every document the build hands to Build (articles, glossary terms, free
// pages): its title, synonyms, summary (for a term, its definition) and
// the plain text of its prose blocks, each block with the section it is
// in, so that a result can link to that section's anchor.
//
// # Folding and tokens
//
// Text and queries are folded the same way in Go (Fold, Tokens) and in
// search.js: NFKD, lower case, combining marks dropped ("Ménière" is
// "meniere"), a few letters spelled out ("ß" is "ss"). Tokens are runs of
// letters and digits; runs joined by "-", ".", "/" or "_" are also indexed
// as one compound ("5-HT" gives "5", "ht" and "5ht"), and apostrophes
// inside a word are dropped ("Parkinson's" is "parkinsons").
//
// # Files
//
// Build returns these files, every one of them under search/:
//
//	search/index.json          the manifest: format version, the folder of
//	                           this build's index, the number of documents
//	                           and the vocabulary shards that exist
//	search/HASH/w/KEY.json     a vocabulary shard: every token starting
//	                           with one character (KEY is that character,
//	                           or "u" and its hex code point outside a-z
//	                           and 0-9), with its document frequency, the
//	                           best field it occurs in and the postings
//	                           file that holds its postings
//	search/HASH/p/N.json       postings for a run of tokens in sorted
//	                           order: for each token, pairs of (document
//	                           number minus the previous one, field mask)
//	search/HASH/d/ID.json      one document's result card: address, kind,
//	                           title, summary, synonyms and sections
//
// HASH is a digest of the index, so a browser that cached an older build's
// files never mixes them with a newer manifest; only index.json has a
// fixed address. Documents are numbered in title order (folded), which is
// also the order of results that score the same. The field mask has bit 0
// for the title, 1 for a synonym, 2 for the summary, 3 for text before the
// first section (or a section beyond the 26th) and 4+k for section k.
//
// A query fetches the manifest (once), the vocabulary shard of each
// word's first character, the postings files of the tokens that match,
// and the result cards it shows, ten at a time: on the generated
// 1,000-article corpus, 10 to 13 KB gzipped with the script, typed letter
// by letter (TestSearchBudget). The same documents always give the same
// bytes.
//
// # Matching and ranking (search.js)
//
// Each query word is matched against the vocabulary shard of its first
// character, so the first letter must be right. In order of strength: the
// exact token (1); its plural or singular, "level" and "levels", "artery"
// and "arteries" (0.9); for the last word, while it is being typed, the
// tokens it begins (0.45, at most 12 of them, those in titles first); in
// words of five letters or more without digits, one typo, that is one
// letter added, left out, changed, or two swapped (0.4; 0.25 for a typo
// in a word being typed). A compound the index lacks ("blood-brain") is
// looked up as its parts.
//
// A document's score for a word is the best strength of its matches times
// the weight of the field they are in: title 16, synonym 8, summary 4,
// text 1; the word's weight is ln(1 + documents / documents matched).
// Documents must match every word the index knows; a word it does not know
// is named in the status ("Nothing matched ..."), and when no document has
// all the words, those with the most of them are shown. Ties keep title
// order. A result links to the section with the best matches when the
// words are only in the text, otherwise to the top of the page.
package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// Doc is one document to index, in the words a reader sees.
type Doc struct {
	// URL is the address relative to the base URL, such as
	// "articles/serotonin/".
	URL string
	// Kind is "article", "term" or "page".
	Kind     string
	Title    string
	Synonyms []string
	// Summary is an article's or page's summary, a term's definition.
	Summary string
	// Sections are the document's sections in order; their IDs are the
	// anchors results link to.
	Sections []Section
	// Blocks are the prose blocks, each with the ID of its section (""
	// for the text before the first section).
	Blocks []Block
	// Version, when not zero, changes whenever anything above does (a
	// number given to each new Doc): a Cache then trusts it instead of
	// hashing the whole document to tell whether it changed.
	Version uint64
}

// Section is one section of a document: its anchor and its heading.
type Section struct {
	ID, Title string
}

// Block is a piece of prose as plain text.
type Block struct {
	Section, Text string
}

// File is one file of the index, named relative to the output root.
type File struct {
	Name string
	Data []byte
}

// Dir is the folder, relative to the output root, that holds the index.
const Dir = "search/"

// Version is the format of the files, written into the manifest; search.js
// refuses an index of another version.
const Version = 1

// Field bits of a posting's mask.
const (
	fieldTitle = 1 << iota
	fieldSynonym
	fieldSummary
	fieldLede
	fieldSection0
)

// maxSections is the number of sections that have a bit of their own; JS
// bit operations are on 32-bit integers.
const maxSections = 26

// postingsTarget is the size in bytes a postings file grows to before the
// next token starts a new one. Smaller files waste fewer bytes on tokens
// a query does not need; larger ones need fewer requests.
const postingsTarget = 6 << 10

// manifest is search/index.json.
type manifest struct {
	Version int      `json:"v"`
	Dir     string   `json:"dir"`
	Docs    int      `json:"n"`
	Shards  []string `json:"shards"`
}

// vocabulary is one vocabulary shard: parallel arrays, in token order.
type vocabulary struct {
	Tokens []string `json:"t"`
	// DocFreq is the number of documents with the token.
	DocFreq []int `json:"d"`
	// Best is the best field the token occurs in: 3 title, 2 synonym,
	// 1 summary, 0 text.
	Best []int `json:"b"`
	// File is the number of the postings file.
	File []int `json:"p"`
}

// card is a document's result card.
type card struct {
	URL      string      `json:"u"`
	Kind     string      `json:"k"`
	Title    string      `json:"t"`
	Summary  string      `json:"s"`
	Synonyms []string    `json:"a,omitempty"`
	Sections [][2]string `json:"x,omitempty"`
}

type posting struct {
	doc  int
	mask uint32
}

type token struct {
	text     string
	postings []posting
	// encoded is the postings as written; file is its postings file.
	encoded []byte
	file    int
}

// Build makes the index of docs. The order of docs does not matter.
// cache, when not nil, keeps each document's tokens for the next build.
func Build(docs []Doc, cache *Cache) []File {
	docs = sortByTitle(docs)
	var tokens []*token
	var cards [][]byte
	if cache == nil {
		tokens, cards = invertInChunks(docs)
	} else {
		entries := tokenize(docs, cache)
		tokens = cache.index(docs, entries)
		for _, e := range entries {
			cards = append(cards, e.card)
		}
	}
	packPostings(tokens)

	var files []File
	for i, card := range cards {
		files = append(files, File{Name: "d/" + strconv.Itoa(i) + ".json", Data: card})
	}
	files = append(files, postingsFiles(tokens)...)
	shards, vocab := vocabularyFiles(tokens)
	files = append(files, vocab...)

	sum := sha256.New()
	for _, f := range files {
		fmt.Fprintf(sum, "%s %d\n", f.Name, len(f.Data))
		sum.Write(f.Data)
	}
	hash := hex.EncodeToString(sum.Sum(nil))[:10]
	for i := range files {
		files[i].Name = Dir + hash + "/" + files[i].Name
	}
	m := manifest{Version: Version, Dir: hash + "/", Docs: len(docs), Shards: shards}
	return append([]File{{Name: Dir + "index.json", Data: marshal(m)}}, files...)
}

// sortByTitle returns docs in the order of their folded titles, then
// addresses: the document numbers of the index.
func sortByTitle(docs []Doc) []Doc {
	keys := make([]string, len(docs))
	order := make([]int, len(docs))
	for i, d := range docs {
		keys[i], order[i] = Fold(d.Title), i
	}
	// Sorting numbers moves less than sorting the documents themselves.
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(docs[a].URL, docs[b].URL), cmp.Compare(docs[a].Kind, docs[b].Kind))
	})
	out := make([]Doc, len(docs))
	for i, j := range order {
		out[i] = docs[j]
	}
	return out
}

// tokenize returns each document's tokens and card, from the cache where
// it has them, on every core.
func tokenize(docs []Doc, cache *Cache) []cachedDoc {
	entries := make([]cachedDoc, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Go(func() {
			for i := range next {
				entries[i] = cache.lookup(docs[i])
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return entries
}

// index returns every token with its postings, sorted by token. When the
// last build numbered the same documents, only the postings of the
// documents that changed are changed; otherwise every document is
// inverted.
func (c *Cache) index(docs []Doc, entries []cachedDoc) []*token {
	keys := make([]string, len(docs))
	for i, d := range docs {
		keys[i] = d.URL + "\x00" + d.Kind
	}
	last := c.last
	if last == nil || !slices.Equal(last.keys, keys) {
		tokens, byText := invert(entries)
		c.last = &lastIndex{keys: keys, docs: entries, tokens: tokens, byText: byText}
		return tokens
	}
	reshaped := false
	for i, e := range entries {
		if e.sum == last.docs[i].sum {
			continue
		}
		reshaped = last.repost(i, last.docs[i].masks, e.masks) || reshaped
		last.docs[i] = e
	}
	if reshaped {
		last.tokens = last.tokens[:0]
		for _, t := range last.byText {
			last.tokens = append(last.tokens, t)
		}
		slices.SortFunc(last.tokens, func(a, b *token) int { return cmp.Compare(a.text, b.text) })
	}
	return last.tokens
}

// repost moves document number doc from the postings of its old tokens
// to those of its new ones, and reports whether a token was added or
// removed. Changed tokens lose their encoding.
func (x *lastIndex) repost(doc int, old, now map[string]uint32) (reshaped bool) {
	byDoc := func(p posting, doc int) int { return cmp.Compare(p.doc, doc) }
	for text := range old {
		if _, kept := now[text]; kept {
			continue
		}
		t := x.byText[text]
		if i, ok := slices.BinarySearchFunc(t.postings, doc, byDoc); ok {
			t.postings = slices.Delete(t.postings, i, i+1)
			t.encoded = nil
		}
		if len(t.postings) == 0 {
			delete(x.byText, text)
			reshaped = true
		}
	}
	for text, mask := range now {
		t := x.byText[text]
		if t == nil {
			t = &token{text: text}
			x.byText[text] = t
			reshaped = true
		}
		i, ok := slices.BinarySearchFunc(t.postings, doc, byDoc)
		switch {
		case ok && t.postings[i].mask == mask:
			continue
		case ok:
			t.postings[i].mask = mask
		default:
			t.postings = slices.Insert(t.postings, i, posting{doc: doc, mask: mask})
		}
		t.encoded = nil
	}
	return reshaped
}

// invert lists every token with its postings, sorted by token, and maps
// each token's text to it. Postings stay in document order.
func invert(entries []cachedDoc) ([]*token, map[string]*token) {
	byText := map[string]*token{}
	addPostings(byText, entries, 0)
	return sortTokens(byText), byText
}

// chunk is how many documents invertInChunks tokenizes at a time.
const chunk = 256

// invertInChunks inverts docs a chunk at a time, so that the tokens of
// only one chunk of documents are held at once (a build that keeps no
// cache), drops each document's blocks once read, and returns the tokens
// and each document's card.
func invertInChunks(docs []Doc) ([]*token, [][]byte) {
	byText := map[string]*token{}
	cards := make([][]byte, 0, len(docs))
	for start := 0; start < len(docs); start += chunk {
		part := docs[start:min(start+chunk, len(docs))]
		entries := tokenize(part, nil)
		addPostings(byText, entries, start)
		for i, e := range entries {
			cards = append(cards, e.card)
			// The text is read: let it go.
			part[i].Blocks = nil
		}
	}
	return sortTokens(byText), cards
}

// addPostings adds the postings of entries, numbered from first.
func addPostings(byText map[string]*token, entries []cachedDoc, first int) {
	for i, e := range entries {
		for t, mask := range e.masks {
			tk := byText[t]
			if tk == nil {
				tk = &token{text: t}
				byText[t] = tk
			}
			tk.postings = append(tk.postings, posting{doc: first + i, mask: mask})
		}
	}
}

// sortTokens returns the tokens sorted by text.
func sortTokens(byText map[string]*token) []*token {
	out := make([]*token, 0, len(byText))
	for _, t := range byText {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b *token) int { return cmp.Compare(a.text, b.text) })
	return out
}

// docMasks returns the field mask of each token of a document.
func docMasks(d Doc) map[string]uint32 {
	masks := map[string]uint32{}
	add := func(text string, bit uint32) {
		eachWord(Fold(text), func(parts []string) {
			var buf [8]string
			for _, t := range appendWord(buf[:0], parts) {
				masks[t] |= bit
			}
		})
	}
	add(d.Title, fieldTitle)
	for _, s := range d.Synonyms {
		add(s, fieldSynonym)
	}
	add(d.Summary, fieldSummary)
	section := map[string]int{}
	for k, s := range d.Sections {
		if _, dup := section[s.ID]; !dup {
			section[s.ID] = k
		}
	}
	for _, b := range d.Blocks {
		bit := uint32(fieldLede)
		if k, ok := section[b.Section]; ok && k < maxSections {
			bit = fieldSection0 << k
		}
		add(b.Text, bit)
	}
	return masks
}

// encodePostings writes a token's postings as the JSON array search.js
// reads: document number deltas and masks, alternating.
func encodePostings(ps []posting) []byte {
	b := []byte{'['}
	prev := 0
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(p.doc-prev), 10)
		b = append(b, ',')
		b = strconv.AppendUint(b, uint64(p.mask), 10)
		prev = p.doc
	}
	return append(b, ']')
}

// packPostings gives each token its postings file: consecutive tokens
// share a file until it reaches postingsTarget bytes. A token's postings
// are encoded once, and again only after they change.
func packPostings(tokens []*token) {
	file, size := 0, 0
	for _, t := range tokens {
		if t.encoded == nil {
			t.encoded = encodePostings(t.postings)
		}
		n := len(t.text) + 4 + len(t.encoded)
		if size > 0 && size+n > postingsTarget {
			file, size = file+1, 0
		}
		t.file = file
		size += n
	}
}

// postingsFiles writes p/N.json: an object from token to postings.
func postingsFiles(tokens []*token) []File {
	var files []File
	var buf bytes.Buffer
	flush := func(n int) {
		buf.WriteByte('}')
		files = append(files, File{Name: "p/" + strconv.Itoa(n) + ".json", Data: bytes.Clone(buf.Bytes())})
		buf.Reset()
	}
	for i, t := range tokens {
		if buf.Len() == 0 {
			buf.WriteByte('{')
		} else {
			buf.WriteByte(',')
		}
		buf.Write(marshal(t.text))
		buf.WriteByte(':')
		buf.Write(t.encoded)
		if i+1 == len(tokens) || tokens[i+1].file != t.file {
			flush(t.file)
		}
	}
	return files
}

// ShardKey names the vocabulary shard of a token: its first character
// when that is a-z or 0-9, otherwise "u" and the character's hex code
// point ("u3c3" for "σ").
func ShardKey(token string) string {
	for _, r := range token {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return string(r)
		}
		return "u" + strconv.FormatInt(int64(r), 16)
	}
	return ""
}

// vocabularyFiles writes w/KEY.json and returns the keys in order.
func vocabularyFiles(tokens []*token) ([]string, []File) {
	shards := map[string]*vocabulary{}
	var keys []string
	for _, t := range tokens {
		key := ShardKey(t.text)
		v := shards[key]
		if v == nil {
			v = &vocabulary{}
			shards[key] = v
			keys = append(keys, key)
		}
		best := 0
		for _, p := range t.postings {
			best = max(best, bestField(p.mask))
		}
		v.Tokens = append(v.Tokens, t.text)
		v.DocFreq = append(v.DocFreq, len(t.postings))
		v.Best = append(v.Best, best)
		v.File = append(v.File, t.file)
	}
	slices.Sort(keys)
	files := make([]File, len(keys))
	for i, k := range keys {
		files[i] = File{Name: "w/" + k + ".json", Data: marshal(shards[k])}
	}
	return keys, files
}

func bestField(mask uint32) int {
	switch {
	case mask&fieldTitle != 0:
		return 3
	case mask&fieldSynonym != 0:
		return 2
	case mask&fieldSummary != 0:
		return 1
	}
	return 0
}

func cardOf(d Doc) card {
	c := card{URL: d.URL, Kind: d.Kind, Title: d.Title, Summary: d.Summary, Synonyms: d.Synonyms}
	for _, s := range d.Sections {
		c.Sections = append(c.Sections, [2]string{s.ID, s.Title})
	}
	return c
}

// marshal encodes v as compact JSON, without escaping "<", ">" and "&"
// (the files are never inlined in HTML). The values are plain structs,
// slices and strings, which always encode: invalid UTF-8 becomes U+FFFD.
func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
