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
// Build returns these files, every one of them under search/. Every name
// but the manifest's is made from the file's own bytes (HASH is the first
// 60 bits of their SHA-256, in 12 base-32 digits, 0-9 and a-v), so a name
// always holds the same bytes: a browser may keep any file but the
// manifest for ever and never mixes files of two builds, and a caller
// that wrote a name before never needs to write it again. One edited
// document changes the manifest and only the files whose bytes changed.
//
//	search/index.json   the manifest, the only fixed name: format version
//	                    ("v"), number of documents ("n"), the HASH of the
//	                    vocabulary file of each vocabulary shard, by the
//	                    shard's KEY ("w"), the HASH of each card chunk in
//	                    number order ("d") and how many cards each holds
//	                    ("s")
//	search/w/HASH.json  a vocabulary file: the vocabulary shards of a run
//	                    of KEYs, in order, by KEY. A shard holds every
//	                    token starting with one character (KEY is that
//	                    character, or "u" and its hex code point outside
//	                    a-z and 0-9), in order ("t"), with its document
//	                    frequency ("d"), the best field it occurs in ("b":
//	                    3 title, 2 synonym, 1 summary, 0 text) and its
//	                    postings file ("p", a place in "f", the HASHes of
//	                    the postings files the shard's tokens use)
//	search/p/HASH.json  postings of a run of tokens in sorted order: for
//	                    each token, pairs of (document number minus the
//	                    previous one, field mask)
//	search/d/HASH.json  a card chunk: the result cards (address, kind,
//	                    title, summary, synonyms and sections) of a run
//	                    of document numbers, in order
//
// Documents are numbered in title order (folded, then by address and
// kind), which is also the order of results that score the same. The
// field mask has bit 0 for the title, 1 for a synonym, 2 for the summary,
// 3 for text before the first section (or a section beyond the 26th) and
// 4+k for section k.
//
// # How many files
//
// Hosts count files (Cloudflare Pages takes 20,000 a site on its free
// plan, and 25 MiB a file; Netlify and others upload file by file), so
// the index is a few files per hundred documents: about n/64 + 4 card
// chunks and n/32 + 4 postings files for n documents, at most about 9
// vocabulary files, and the manifest (sizesFor). Files grow with the
// library instead of their number: a card chunk holds 8 to 64 cards, and
// postings files average 4 KB on a small library, 16 KB on 1,200
// documents, 24 KB on 12,000. The sizes move in steps (1.5 or 1.33
// times), so that a library keeps its files' sizes, and their names,
// while it grows, until it crosses a step; then every file of that kind
// is made anew, once. The generated library of 1,000 articles and 200
// terms has 58 files (1,372 when every card had its file); of 10,000 and
// 2,000, 367 (12,313). The largest file is a single token's postings,
// about 10 bytes a document: 25 MiB is two million documents away.
//
// Where a postings file ends depends on the tokens alone, not on what
// comes before them, so that a token that comes, goes or grows changes
// its own file and not every file after it. A token's weight is the
// bytes it takes in the file; T is the postings size. A token starts a
// new file when the token before it weighs T or more (a heavy token has
// its file to itself, and a query for its neighbours does not fetch it),
// or when a hash of its text, modulo T, is below its weight (so a heavy
// token always does, and files average about T), or when its file would
// otherwise pass 4T. Only that last rule depends on the tokens before,
// and only back to the last token that started a file by the others. A
// token whose weight changes may so start or stop starting a file, or end
// one by crossing T: rarely, and then the file next to its own changes
// too. Card chunks end the same way: a document starts a chunk when a
// hash of its address and kind is a multiple of the chunk size K, or when
// the chunk before holds 4K cards; a document that comes or goes changes
// its own chunk, not the chunks after it. Vocabulary files end after the
// shard that brings them to an eighth of the vocabulary's weight (at
// least 8 KB).
//
// One edited body changes the manifest, the postings files of the tokens
// whose postings changed, and the vocabulary files of those tokens and of
// the tokens sharing their postings files: on the generated
// 1,000-article library, 6 of 58 files, 110 KB (an edited summary adds
// its card chunk).
//
// A query fetches the manifest (revalidated each time: it is the one
// name whose bytes change), the vocabulary file of each word's first
// character, the postings files of the tokens that match, and the card
// chunks of the results it shows, ten at a time: on the generated
// 1,000-article corpus, 21 to 28 KB gzipped with the script, typed letter
// by letter (TestSearchBudget). Ties keep title order, and a chunk holds
// documents of neighbouring titles, so the results of a query often share
// chunks. The same documents always give the same bytes, whether built
// with a Cache or without, whatever the Cache saw before.
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
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/internal/parallel"
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
	// number given to each new Doc, never to two): a Cache then trusts it
	// instead of hashing the whole document to tell whether it changed.
	Version uint64
	// tokens are the field masks of its tokens, packed (packMasks), once
	// Tokenized.
	tokens []byte
}

// Tokenized returns d with its tokens taken from all its fields, and
// without its blocks: Build reads the tokens instead. It is for a caller
// that holds many documents before it builds their index, such as serve,
// which tokenizes each as soon as it is converted, so that the prose of
// the whole site is never held at once.
func (d Doc) Tokenized() Doc {
	d.tokens = packMasks(sortedMasks(docMasks(d)))
	d.Blocks = nil
	return d
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
// Every name except Dir+"index.json" is a function of the file's bytes:
// the same name always comes with the same Data, in this build and any
// other. Data may be shared with the files of earlier and later builds
// made with the same Cache, and must not be changed.
type File struct {
	Name string
	Data []byte
}

// Dir is the folder, relative to the output root, that holds the index.
const Dir = "search/"

// Version is the format of the files, written into the manifest; search.js
// refuses an index of another version.
const Version = 3

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

// Build makes the index of docs and returns every one of its files, the
// manifest first. The order of docs does not matter. Every name except
// Dir+"index.json" is a function of the file's bytes, so a caller that
// wrote a name before need not write it again.
//
// cache, when not nil, keeps the index for the next build, which then
// does work in proportion to what changed: it tokenizes only the
// documents that changed, numbers the documents as before when no
// address, kind or title changed, and encodes and hashes only the files
// whose contents changed (the others come back with the bytes of the
// last build). Without a cache, the documents go through an Indexer.
// Either way the files are the same.
func Build(docs []Doc, cache *Cache) []File {
	if cache != nil {
		return cache.build(docs)
	}
	x := NewIndexer(docs)
	parallel.For(len(docs), func(i int) { x.Add(docs[i]) })
	return x.Files()
}

// titleOrder returns the given positions of docs in the order of their
// folded titles, then addresses and kinds: the document numbers of the
// index.
func titleOrder(docs []Doc) []int {
	keys := make([]string, len(docs))
	order := make([]int, len(docs))
	for i, d := range docs {
		keys[i], order[i] = Fold(d.Title), i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(docs[a].URL, docs[b].URL), cmp.Compare(docs[a].Kind, docs[b].Kind))
	})
	return order
}

// docMasks returns the field mask of each token of a document.
func docMasks(d Doc) map[string]uint32 {
	// Room for the few hundred different tokens of an article (139 in a
	// generated one, more in real prose).
	masks := make(map[string]uint32, 64+8*len(d.Blocks))
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

// ShardKey names the vocabulary shard of a token: its first character
// when that is a-z or 0-9, otherwise "u" and the character's hex code
// point ("u3c3" for "σ").
func ShardKey(token string) string {
	r, _ := utf8.DecodeRuneInString(token)
	switch {
	case token == "":
		return ""
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		return string(r)
	}
	return "u" + strconv.FormatInt(int64(r), 16)
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

// card is a document's result card.
type card struct {
	URL      string      `json:"u"`
	Kind     string      `json:"k"`
	Title    string      `json:"t"`
	Summary  string      `json:"s"`
	Synonyms []string    `json:"a,omitempty"`
	Sections [][2]string `json:"x,omitempty"`
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
