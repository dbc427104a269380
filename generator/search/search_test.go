package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Serotonin", "serotonin"},
		{"Ménière", "meniere"},
		{"CAFÉ", "cafe"},
		{"Sjögren", "sjogren"},
		{"Straße", "strasse"},
		{"Ørsted", "orsted"},
		{"Łódź", "lodz"},
		{"Encyclopædia", "encyclopaedia"},
		{"ﬁbre", "fibre"},  // ligature, NFKD
		{"B₁₂", "b12"},     // subscripts, NFKD
		{"ΣΟΦΟΣ", "σοφοσ"}, // no final sigma: JS lower-cases it to ς
		{"σοφος", "σοφοσ"}, // and folds it back
		{"İstanbul", "istanbul"},
		{"naïve coöperation", "naive cooperation"},
		{"5‑HT", "5‐ht"}, // non-breaking hyphen is a hyphen (NFKD)
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Serotonin levels", []string{"serotonin", "levels"}},
		{"5-HT", []string{"5", "ht", "5ht"}},
		{"5‑HT (5-hydroxytryptamine)", []string{"5", "ht", "5ht", "5", "hydroxytryptamine", "5hydroxytryptamine"}},
		{"Parkinson's disease", []string{"parkinsons", "disease"}},
		{"Parkinson’s", []string{"parkinsons"}},
		{"blood-brain barrier", []string{"blood", "brain", "bloodbrain", "barrier"}},
		{"e.g. omega-3s.", []string{"e", "g", "eg", "omega", "3s", "omega3s"}},
		{"and/or", []string{"and", "or", "andor"}},
		{"-5 and 'quoted' -- dashes", []string{"5", "and", "quoted", "dashes"}},
		{"Ménière's", []string{"menieres"}},
		{"", nil},
		{"... !!", nil},
		{strings.Repeat("a", 41) + " ok", []string{"ok"}},
		{strings.Repeat("a", 40), []string{strings.Repeat("a", 40)}},
		{"a-" + strings.Repeat("b", 40), []string{"a", strings.Repeat("b", 40)}}, // the compound is too long
		// ASCII runs next to other letters: one word, joined or split alike.
		{"abcσ", []string{"abcσ"}},
		{"α-synuclein", []string{"α", "synuclein", "αsynuclein"}},
		{"x-σ y", []string{"x", "σ", "xσ", "y"}},
		{"l’été, naïve", []string{"lete", "naive"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShardKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"serotonin", "s"}, {"5ht", "5"}, {"σοφοσ", "u3c3"}, {"日本", "u65e5"}, {"", ""},
	}
	for _, tt := range tests {
		if got := ShardKey(tt.in); got != tt.want {
			t.Errorf("ShardKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// manifest is search/index.json read back.
type manifest struct {
	Version int               `json:"v"`
	Docs    int               `json:"n"`
	Vocab   map[string]string `json:"w"`
	Chunks  []string          `json:"d"`
	Sizes   []int             `json:"s"`
}

// built is a built index read back, by file name relative to search/.
type built struct {
	manifest manifest
	files    map[string][]byte
}

// shard is a vocabulary shard read back.
type shard struct {
	Tokens  []string `json:"t"`
	DocFreq []int    `json:"d"`
	Best    []int    `json:"b"`
	Files   []string `json:"f"`
	File    []int    `json:"p"`
}

// namePattern is a file name under search/: its folder, the hash.
var namePattern = regexp.MustCompile(`^([dpw])/([0-9a-v]{12})\.json$`)

// read reads back files, checking that every name but the manifest's is
// made of its file's hash, and that the manifest names every file.
func read(t *testing.T, files []File) built {
	t.Helper()
	ix := built{files: map[string][]byte{}}
	if files[0].Name != "search/index.json" {
		t.Fatalf("first file is %s, want search/index.json", files[0].Name)
	}
	if err := json.Unmarshal(files[0].Data, &ix.manifest); err != nil {
		t.Fatal(err)
	}
	for _, f := range files[1:] {
		rel, ok := strings.CutPrefix(f.Name, "search/")
		if !ok {
			t.Fatalf("%s is not under search/", f.Name)
		}
		m := namePattern.FindStringSubmatch(rel)
		if m == nil {
			t.Fatalf("%s: not a name the index makes", f.Name)
		}
		sum := sha256.Sum256(f.Data)
		if want := strings.ToLower(base32.HexEncoding.EncodeToString(sum[:]))[:12]; m[2] != want {
			t.Fatalf("%s: the hash of its bytes is %s", f.Name, want)
		}
		if !json.Valid(f.Data) {
			t.Fatalf("%s is not JSON: %s", f.Name, f.Data)
		}
		if _, dup := ix.files[rel]; dup {
			t.Fatalf("%s twice", f.Name)
		}
		ix.files[rel] = f.Data
	}
	for key, hash := range ix.manifest.Vocab {
		var file map[string]json.RawMessage
		if err := json.Unmarshal(ix.files["w/"+hash+".json"], &file); err != nil {
			t.Fatalf("the vocabulary file w/%s.json of shard %s: %v", hash, key, err)
		}
		if file[key] == nil {
			t.Fatalf("the vocabulary file w/%s.json has no shard %s", hash, key)
		}
	}
	if len(ix.manifest.Chunks) != len(ix.manifest.Sizes) {
		t.Fatalf("%d card chunks, %d sizes", len(ix.manifest.Chunks), len(ix.manifest.Sizes))
	}
	cards := 0
	for i, hash := range ix.manifest.Chunks {
		var chunk []json.RawMessage
		if err := json.Unmarshal(ix.files["d/"+hash+".json"], &chunk); err != nil {
			t.Fatalf("card chunk d/%s.json: %v", hash, err)
		}
		if len(chunk) != ix.manifest.Sizes[i] || len(chunk) == 0 {
			t.Fatalf("card chunk d/%s.json holds %d cards, the manifest says %d", hash, len(chunk), ix.manifest.Sizes[i])
		}
		cards += len(chunk)
	}
	if cards != ix.manifest.Docs {
		t.Fatalf("%d cards in chunks for %d documents", cards, ix.manifest.Docs)
	}
	return ix
}

func (ix built) shard(t *testing.T, key string) shard {
	t.Helper()
	var file map[string]shard
	name := "w/" + ix.manifest.Vocab[key] + ".json"
	if err := json.Unmarshal(ix.files[name], &file); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return file[key]
}

// postings returns a token's postings as document → mask.
func (ix built) postings(t *testing.T, token string) map[int]uint32 {
	t.Helper()
	v := ix.shard(t, ShardKey(token))
	i := slices.Index(v.Tokens, token)
	if i < 0 {
		t.Fatalf("token %q is not in its vocabulary shard", token)
	}
	var file map[string][]int
	name := "p/" + v.Files[v.File[i]] + ".json"
	if err := json.Unmarshal(ix.files[name], &file); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	ps, ok := file[token]
	if !ok {
		t.Fatalf("token %q is not in postings file %s", token, name)
	}
	out := map[int]uint32{}
	doc := 0
	for j := 0; j < len(ps); j += 2 {
		doc += ps[j]
		out[doc] = uint32(ps[j+1])
	}
	if len(out) != v.DocFreq[i] {
		t.Errorf("token %q: %d postings, document frequency %d", token, len(out), v.DocFreq[i])
	}
	return out
}

// card returns document n's result card, from its chunk.
func (ix built) card(t *testing.T, n int) card {
	t.Helper()
	for i, size := range ix.manifest.Sizes {
		if n >= size {
			n -= size
			continue
		}
		var chunk []card
		if err := json.Unmarshal(ix.files["d/"+ix.manifest.Chunks[i]+".json"], &chunk); err != nil {
			t.Fatal(err)
		}
		return chunk[n]
	}
	t.Fatalf("no card %d", n)
	return card{}
}

var sampleDocs = []Doc{
	{
		URL: "articles/serotonin/", Kind: "article", Title: "Serotonin", Synonyms: []string{"5-HT"},
		Summary:  "A chemical messenger.",
		Sections: []Section{{"context", "Context"}, {"mechanism", "How it works"}},
		Blocks: []Block{
			{"", "Serotonin helps nerve cells talk."},
			{"context", "Platelets carry it."},
			{"mechanism", "An enzyme makes it from tryptophan."},
			{"unknown", "Café."},
		},
	},
	{URL: "glossary/enzyme/", Kind: "term", Title: "Enzyme", Summary: "A protein that speeds up a reaction."},
	{URL: "articles/dopamine/", Kind: "article", Title: "Dopamine", Summary: "Another messenger, like serotonin."},
}

func TestBuild(t *testing.T) {
	ix := read(t, Build(sampleDocs, nil))
	m := ix.manifest
	if m.Version != Version || m.Docs != 3 {
		t.Errorf("manifest %+v", m)
	}
	// Documents are numbered by title: Dopamine, Enzyme, Serotonin.
	c := ix.card(t, 2)
	want := card{URL: "articles/serotonin/", Kind: "article", Title: "Serotonin", Summary: "A chemical messenger.",
		Synonyms: []string{"5-HT"}, Sections: [][2]string{{"context", "Context"}, {"mechanism", "How it works"}}}
	if fmt.Sprint(c) != fmt.Sprint(want) {
		t.Errorf("card 2 = %+v, want %+v", c, want)
	}
	tests := []struct {
		token string
		want  map[int]uint32
	}{
		{"serotonin", map[int]uint32{0: fieldSummary, 2: fieldTitle | fieldLede}},
		{"5ht", map[int]uint32{2: fieldSynonym}},
		{"messenger", map[int]uint32{0: fieldSummary, 2: fieldSummary}},
		{"platelets", map[int]uint32{2: fieldSection0}},
		{"enzyme", map[int]uint32{1: fieldTitle, 2: fieldSection0 << 1}},
		// A block of a section the document does not list counts as lede.
		{"cafe", map[int]uint32{2: fieldLede}},
	}
	for _, tt := range tests {
		if got := ix.postings(t, tt.token); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("postings of %q = %v, want %v", tt.token, got, tt.want)
		}
	}
	v := ix.shard(t, "e")
	if i := slices.Index(v.Tokens, "enzyme"); v.Best[i] != 3 {
		t.Errorf("best field of enzyme = %d, want 3 (title)", v.Best[i])
	}
	if i := slices.Index(v.Tokens, "enzyme"); v.DocFreq[i] != 2 {
		t.Errorf("document frequency of enzyme = %d, want 2", v.DocFreq[i])
	}
	if !slices.IsSorted(v.Tokens) {
		t.Errorf("vocabulary shard not sorted: %q", v.Tokens)
	}
	if keys := slices.Sorted(maps.Keys(m.Vocab)); !slices.Equal(keys, []string{"5", "a", "c", "d", "e", "f", "h", "i", "l", "m", "n", "p", "r", "s", "t", "u"}) {
		t.Errorf("shards %q", keys)
	}
	if files := slices.Compact(slices.Sorted(maps.Values(m.Vocab))); len(files) != 1 {
		t.Errorf("a small index's vocabulary is in %d files, want one", len(files))
	}
	if len(m.Chunks) != 1 || m.Sizes[0] != 3 {
		t.Errorf("card chunks %q of %v, want one of 3", m.Chunks, m.Sizes)
	}
}

// TestBuildManySections checks that sections past the 26th, which have
// no bit, count as the lede and never overflow 32 bits.
func TestBuildManySections(t *testing.T) {
	d := Doc{URL: "a/", Title: "Long"}
	for k := range 30 {
		id := fmt.Sprintf("s%d", k)
		d.Sections = append(d.Sections, Section{id, id})
		d.Blocks = append(d.Blocks, Block{id, fmt.Sprintf("word%d shared", k)})
	}
	ix := read(t, Build([]Doc{d}, nil))
	if got := ix.postings(t, "word25")[0]; got != fieldSection0<<25 {
		t.Errorf("section 25: mask %b", got)
	}
	if got := ix.postings(t, "word26")[0]; got != fieldLede {
		t.Errorf("section 26: mask %b, want the lede bit", got)
	}
	if got := ix.postings(t, "shared")[0]; got >= 1<<31 {
		t.Errorf("mask %b does not fit a signed 32-bit integer", got)
	}
}

func TestBuildDeterministic(t *testing.T) {
	docs := generated(300)
	first := Build(docs, nil)
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		shuffled := slices.Clone(docs)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again := Build(shuffled, nil)
		if len(again) != len(first) {
			t.Fatalf("%d files, then %d", len(first), len(again))
		}
		for i := range first {
			if first[i].Name != again[i].Name || !bytes.Equal(first[i].Data, again[i].Data) {
				t.Fatalf("file %d differs: %s then %s", i, first[i].Name, again[i].Name)
			}
		}
	}
}

// buildSized is Build without a cache, and the sizes of the files.
func buildSized(docs []Doc) ([]File, sizes) {
	x := NewIndexer(docs)
	for _, d := range docs {
		x.Add(d)
	}
	return x.Files(), x.ix.size
}

// TestBuildSharding checks that every token is in exactly the postings
// file its shard names, and that postings files of several tokens stay
// under the cap.
func TestBuildSharding(t *testing.T) {
	files, size := buildSized(generated(1000))
	ix := read(t, files)
	parsed := map[string]map[string]json.RawMessage{}
	postingsFile := func(hash string) map[string]json.RawMessage {
		if parsed[hash] == nil {
			var file map[string]json.RawMessage
			if err := json.Unmarshal(ix.files["p/"+hash+".json"], &file); err != nil {
				t.Fatalf("p/%s.json: %v", hash, err)
			}
			parsed[hash] = file
		}
		return parsed[hash]
	}
	seen := map[string]bool{}
	for key := range ix.manifest.Vocab {
		v := ix.shard(t, key)
		if len(v.Tokens) != len(v.DocFreq) || len(v.Tokens) != len(v.Best) || len(v.Tokens) != len(v.File) {
			t.Fatalf("shard %s: arrays of different lengths", key)
		}
		if !slices.IsSorted(v.Tokens) {
			t.Errorf("shard %s is not sorted", key)
		}
		for i, tok := range v.Tokens {
			if ShardKey(tok) != key {
				t.Errorf("token %q in shard %s", tok, key)
			}
			if _, ok := postingsFile(v.Files[v.File[i]])[tok]; !ok {
				t.Errorf("token %q is not in postings file %s", tok, v.Files[v.File[i]])
			}
			if seen[tok] {
				t.Errorf("token %q in two shards", tok)
			}
			seen[tok] = true
		}
	}
	postings, tokens := 0, 0
	for name, data := range ix.files {
		if !strings.HasPrefix(name, "p/") {
			continue
		}
		postings++
		var file map[string]json.RawMessage
		if err := json.Unmarshal(data, &file); err != nil {
			t.Fatal(err)
		}
		tokens += len(file)
		if len(data) > postingsCap(size.postings) && len(file) > 1 {
			t.Errorf("%s: %d bytes for %d tokens; only a single token may exceed the cap", name, len(data), len(file))
		}
	}
	if tokens != len(seen) {
		t.Errorf("%d tokens in postings files, %d in shards", tokens, len(seen))
	}
	if postings < 10 {
		t.Errorf("only %d postings files for 1,000 documents", postings)
	}
}

// generated returns n documents with overlapping words.
func generated(n int) []Doc {
	words := strings.Fields("sleep mood stress brain body heart pain diet vitamin serotonin dopamine walk water night habit dose")
	docs := make([]Doc, n)
	for i := range docs {
		w := func(k int) string { return words[(i*7+k*3)%len(words)] }
		docs[i] = Doc{
			URL: fmt.Sprintf("articles/a%d/", i), Kind: "article",
			Title:    fmt.Sprintf("%s and %s %d", w(0), w(1), i),
			Summary:  fmt.Sprintf("How %s changes %s.", w(2), w(3)),
			Sections: []Section{{"context", "Context"}, {"risk", "Risk"}},
			Blocks:   []Block{{"", w(4) + " " + w(5)}, {"context", fmt.Sprintf("%s word%d", w(6), i)}, {"risk", w(7)}},
		}
	}
	return docs
}

// TestCacheGivesTheSameIndex builds with a cache, changes one document and
// builds again: each time the files equal a build without a cache.
func TestCacheGivesTheSameIndex(t *testing.T) {
	docs := []Doc{
		{URL: "articles/a/", Kind: "article", Title: "Serotonin", Synonyms: []string{"5-HT"}, Summary: "A messenger.", Blocks: []Block{{Text: "Made in the gut."}}},
		{URL: "articles/b/", Kind: "article", Title: "Sleep", Summary: "Rest.", Sections: []Section{{ID: "risk", Title: "Risk"}}, Blocks: []Block{{Section: "risk", Text: "Too little sleep harms mood."}}},
	}
	// The same documents Tokenized, as serve gives them, in a cache of
	// their own, and without one.
	cache, tokenizedCache := NewCache(), NewCache()
	same := func(step string) {
		t.Helper()
		want := Build(docs, nil)
		cached := Build(docs, cache)
		sameFiles(t, step, cached, want)
		read(t, cached)
		tokenized := make([]Doc, len(docs))
		for i, d := range docs {
			tokenized[i] = d.Tokenized()
		}
		sameFiles(t, step+", tokenized", Build(tokenized, tokenizedCache), want)
		sameFiles(t, step+", tokenized, without a cache", Build(tokenized, nil), want)
	}
	same("first build")
	docs[1].Blocks[0].Text = "Too little sleep harms memory."
	same("after an edit")
	docs[0].Title = "Serotonin (5-HT)"
	same("after a title change")
	// A word leaves the index, another comes, one moves to another field.
	docs[1].Blocks[0].Text = "Sleep loss harms memory."
	docs[1].Summary = "Rest, and memory."
	same("after words came and went")
	docs[0].Blocks = append(docs[0].Blocks, Block{Text: "Gut and memory."})
	docs[1].Blocks = nil
	same("after two documents changed")
	docs = append(docs, Doc{URL: "glossary/c/", Kind: "term", Title: "Cortisol", Summary: "A stress hormone."})
	same("after a document came")
	docs = docs[1:]
	same("after a document went")
	// With versions, the cache trusts them instead of hashing.
	for i := range docs {
		docs[i].Version = uint64(i + 1)
	}
	same("with versions")
	docs[0].Summary, docs[0].Version = "Rest, memory and mood.", 100
	same("after an edit with a new version")
	kept := docs
	docs = nil
	same("with no documents")
	docs = kept
	same("with the documents back")
}
