package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// names returns the files by name.
func names(files []File) map[string][]byte {
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		out[f.Name] = f.Data
	}
	return out
}

// sameFiles fails unless a and b are the same files in the same order.
func sameFiles(t *testing.T, step string, a, b []File) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d files with a cache, %d without", step, len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("%s: file %d is %s with a cache, %s without", step, i, a[i].Name, b[i].Name)
		}
	}
}

// randomEditor makes random documents and random edits of them.
type randomEditor struct {
	r       *rand.Rand
	version uint64
	made    int
}

var editWords = strings.Fields("sleep mood stress brain body heart pain diet vitamin serotonin dopamine walk water night habit dose Ménière café 5-HT blood-brain")

func (e *randomEditor) text(n int) string {
	var words []string
	for range n {
		if e.r.IntN(8) == 0 {
			words = append(words, fmt.Sprintf("rare%d", e.r.IntN(500)))
		} else {
			words = append(words, editWords[e.r.IntN(len(editWords))])
		}
	}
	return strings.Join(words, " ") + "."
}

func (e *randomEditor) doc() Doc {
	e.made++
	d := Doc{URL: fmt.Sprintf("articles/d%d/", e.made), Kind: "article", Title: e.text(2), Summary: e.text(4)}
	if e.r.IntN(4) == 0 {
		d.Kind, d.URL = "term", fmt.Sprintf("glossary/d%d/", e.made)
	}
	for k := range e.r.IntN(4) {
		d.Sections = append(d.Sections, Section{ID: fmt.Sprintf("s%d", k), Title: e.text(1)})
	}
	for range e.r.IntN(5) {
		b := Block{Text: e.text(1 + e.r.IntN(8))}
		if len(d.Sections) > 0 && e.r.IntN(3) > 0 {
			b.Section = d.Sections[e.r.IntN(len(d.Sections))].ID
		}
		d.Blocks = append(d.Blocks, b)
	}
	e.versioned(&d)
	return d
}

// versioned gives d a new Version, or none, as a build might.
func (e *randomEditor) versioned(d *Doc) {
	d.Version = 0
	if e.r.IntN(2) == 0 {
		e.version++
		d.Version = e.version
	}
}

// edit makes one random change to docs and says what it was.
func (e *randomEditor) edit(docs []Doc) ([]Doc, string) {
	switch op := e.r.IntN(10); {
	case op == 0 || len(docs) == 0:
		return append(docs, e.doc()), "a document came"
	case op == 1:
		i := e.r.IntN(len(docs))
		return slices.Delete(docs, i, i+1), "a document went"
	case op == 2:
		e.r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		return docs, "the order changed"
	}
	d := &docs[e.r.IntN(len(docs))]
	var what string
	switch e.r.IntN(6) {
	case 0:
		d.Title, what = e.text(2), "a title changed"
	case 1:
		d.Synonyms, what = append(slices.Clone(d.Synonyms), e.text(1)), "a synonym came"
	case 2:
		d.Summary, what = e.text(4), "a summary changed"
	case 3:
		if len(d.Sections) == 0 {
			d.Sections = []Section{{ID: "new", Title: e.text(1)}}
		} else {
			d.Sections = slices.Clone(d.Sections)
			d.Sections[e.r.IntN(len(d.Sections))].Title = e.text(1)
		}
		what = "a heading changed"
	default:
		d.Blocks = slices.Clone(d.Blocks)
		if len(d.Blocks) == 0 || e.r.IntN(3) == 0 {
			d.Blocks = append(d.Blocks, Block{Text: e.text(3)})
		} else {
			d.Blocks[e.r.IntN(len(d.Blocks))].Text = e.text(1 + e.r.IntN(8))
		}
		what = "body text changed"
	}
	e.versioned(d)
	return docs, what
}

// TestCacheRandomEdits makes rounds of random edits and checks that a
// build with a cache gives the same files as one without, and that a
// name seen in any build always holds the same bytes.
func TestCacheRandomEdits(t *testing.T) {
	e := &randomEditor{r: rand.New(rand.NewPCG(7, 11))}
	var docs []Doc
	for range 60 {
		docs = append(docs, e.doc())
	}
	cache := NewCache()
	seen := map[string][]byte{}
	for round := range 150 {
		var what []string
		for range 1 + e.r.IntN(3) {
			var w string
			docs, w = e.edit(docs)
			what = append(what, w)
		}
		step := fmt.Sprintf("round %d (%s)", round, strings.Join(what, ", "))
		cached := Build(docs, cache)
		sameFiles(t, step, cached, Build(docs, nil))
		if round%50 == 0 {
			read(t, cached)
		}
		for _, f := range cached[1:] {
			if was, ok := seen[f.Name]; ok && !bytes.Equal(was, f.Data) {
				t.Fatalf("%s: %s holds other bytes than before", step, f.Name)
			}
			seen[f.Name] = f.Data
		}
	}
}

// TestEditChangesFewNames changes one document's body text and checks
// that only the manifest and the postings files and vocabulary files of
// the tokens that changed change; no card chunk.
func TestEditChangesFewNames(t *testing.T) {
	docs := generated(1000)
	cache := NewCache()
	before := Build(docs, cache)
	old := names(before)

	d := &docs[500]
	was := docMasks(*d)
	d.Blocks = slices.Clone(d.Blocks)
	d.Blocks[2].Text += " Water at night helps the brain."
	changed := map[string]bool{} // tokens whose postings changed
	for tok, mask := range docMasks(*d) {
		if was[tok] != mask {
			changed[tok] = true
		}
	}
	after := Build(docs, cache)
	now := names(after)
	if bytes.Equal(before[0].Data, after[0].Data) {
		t.Error("the manifest did not change")
	}
	var came []string
	for name, data := range now {
		if was, ok := old[name]; ok {
			if !bytes.Equal(was, data) && name != Dir+"index.json" {
				t.Errorf("%s holds other bytes than before", name)
			}
			continue
		}
		came = append(came, name)
	}
	// A postings file changes with a token it holds; a shard with a
	// token that changed or whose postings file did.
	shardKeys := map[string]bool{}
	for tok := range changed {
		shardKeys[ShardKey(tok)] = true
	}
	postings := 0
	for _, name := range came {
		if !strings.HasPrefix(name, Dir+"p/") {
			continue
		}
		postings++
		var file map[string]json.RawMessage
		if err := json.Unmarshal(now[name], &file); err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(slices.Collect(maps.Keys(file)), func(tok string) bool { return changed[tok] }) {
			t.Errorf("%s changed, but holds none of the changed tokens %q", name, slices.Sorted(maps.Keys(changed)))
		}
		for tok := range file {
			shardKeys[ShardKey(tok)] = true
		}
	}
	for _, name := range came {
		switch {
		case strings.HasPrefix(name, Dir+"p/"):
		case strings.HasPrefix(name, Dir+"w/"):
			var file map[string]json.RawMessage
			if err := json.Unmarshal(now[name], &file); err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(slices.Collect(maps.Keys(file)), func(key string) bool { return shardKeys[key] }) {
				t.Errorf("vocabulary file %s changed, but none of its shards' tokens or their postings files did", name)
			}
		default:
			t.Errorf("%s changed with one document's body text", name)
		}
	}
	if len(changed) == 0 || postings == 0 || postings > len(changed) {
		t.Errorf("%d tokens changed, %d postings files: %q", len(changed), postings, came)
	}
	slices.Sort(came)
	t.Logf("%d of %d names changed for %d tokens: %q", len(came), len(now), len(changed), came)
}

// TestPostingsBoundaries checks that where postings files end depends on
// the tokens and not on what comes before: a token that comes, grows or
// goes changes its own postings file, and only rarely the one next to it,
// not the files after it (which packing by position would all move).
func TestPostingsBoundaries(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	var docs []Doc
	for i := range 400 {
		var words []string
		for range 30 {
			words = append(words, fmt.Sprintf("w%d", r.IntN(5000)))
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("a/%d/", i), Kind: "article", Title: fmt.Sprintf("Doc %03d", i), Blocks: []Block{{Text: strings.Join(words, " ")}}})
	}
	postings := func() map[string]bool {
		out := map[string]bool{}
		for _, f := range Build(docs, nil) {
			if strings.HasPrefix(f.Name, Dir+"p/") {
				out[f.Name] = true
			}
		}
		return out
	}
	last := &docs[len(docs)-1] // the last by number: no other document moves
	edits := []struct {
		name string
		edit func()
	}{
		{"a token comes first", func() { last.Blocks = append(last.Blocks, Block{Text: "a0"}) }},
		{"a token comes in the middle", func() { last.Blocks = append(last.Blocks, Block{Text: "w2500x"}) }},
		{"a token grows", func() { last.Blocks = append(last.Blocks, Block{Text: "w10"}) }},
		{"a token goes", func() {
			last.Blocks = slices.DeleteFunc(last.Blocks, func(b Block) bool { return b.Text == "w2500x" })
		}},
	}
	before := postings()
	if len(before) < 10 {
		t.Fatalf("only %d postings files", len(before))
	}
	for _, e := range edits {
		e.edit()
		after := postings()
		gone := 0
		for name := range before {
			if !after[name] {
				gone++
			}
		}
		if gone > 2 {
			t.Errorf("%s: %d of %d postings files changed", e.name, gone, len(before))
		}
		before = after
	}
}

// TestCacheLongRun edits documents with long runs of tokens that no hash
// starts a postings file at, so that the cap divides them: a token that
// grows moves the boundaries the cap sets after it, up to the next token
// whose hash starts a file. A build with a cache must still give the
// files of one without.
func TestCacheLongRun(t *testing.T) {
	// The postings target depends on the tokens' weight, which is the
	// same whichever tokens are chosen: one guess, then the size the
	// build chose.
	var docs []Doc
	for target := minPostings; ; {
		docs = longRunDocs(target)
		if _, size := buildSized(docs); size.postings != target {
			target = size.postings
			continue
		}
		break
	}
	r := rand.New(rand.NewPCG(5, 8))
	vocab := slices.Concat(blocksText(docs)...)
	cache := NewCache()
	sameFiles(t, "first build", Build(docs, cache), Build(docs, nil))
	for round := range 150 {
		d := &docs[r.IntN(len(docs))]
		d.Blocks = slices.Clone(d.Blocks)
		if r.IntN(2) == 0 && len(d.Blocks) > 1 {
			d.Blocks = d.Blocks[:len(d.Blocks)-1]
		} else {
			d.Blocks = append(d.Blocks, Block{Text: vocab[r.IntN(len(vocab))]})
		}
		cached := Build(docs, cache)
		sameFiles(t, fmt.Sprintf("round %d", round), cached, Build(docs, nil))
		if round == 0 {
			files, size := buildSized(docs)
			ix := read(t, files)
			var runs int
			for name, data := range ix.files {
				if strings.HasPrefix(name, "p/") && len(data) > postingsCap(size.postings)-200 {
					runs++
				}
			}
			if runs < 2 {
				t.Fatalf("only %d postings files end at the cap", runs)
			}
		}
	}
}

// longRunDocs are 200 documents of 20 tokens each, 4,000 tokens in all
// in runs of 2,000 that no hash starts a postings file at for the given
// target: each run weighs more than the cap.
func longRunDocs(target int) []Doc {
	var vocab []string
	for i := 0; len(vocab) < 4000; i++ {
		tok := fmt.Sprintf("x%05d", i)
		starts := textHash(tok)%uint64(target) < 10
		if starts == (len(vocab)%2000 == 1999) && (starts || textHash(tok)%uint64(target) >= 100) {
			vocab = append(vocab, tok)
		}
	}
	docs := make([]Doc, 200)
	for i := range docs {
		docs[i] = Doc{URL: fmt.Sprintf("a/%d/", i), Kind: "article", Title: fmt.Sprintf("Doc %03d", i)}
		docs[i].Blocks = []Block{{Text: strings.Join(vocab[i*20:i*20+20], " ")}}
	}
	return docs
}

// blocksText returns the words of each document's blocks.
func blocksText(docs []Doc) [][]string {
	var out [][]string
	for _, d := range docs {
		for _, b := range d.Blocks {
			out = append(out, strings.Fields(b.Text))
		}
	}
	return out
}

// TestPackedMasksReadBack packs the tokens of a document as a Cache keeps
// them and reads them back: every text (of one byte to the longest kept,
// folded non-ASCII too) with its mask (of every field bit), in order.
func TestPackedMasksReadBack(t *testing.T) {
	d := Doc{URL: "a/", Kind: "article", Title: "Ça va: naïve façade", Synonyms: []string{"x", strings.Repeat("z", maxTokenLen)},
		Summary: "Blood pressure, σ-receptors and 5 mg", Sections: []Section{{ID: "s", Title: "Sleep"}},
		Blocks: []Block{{Section: "s", Text: "Sleep well; sleep often: pressure " + strings.Repeat("long", 10)}}}
	want := sortedMasks(docMasks(d))
	if len(want) < 10 {
		t.Fatalf("only %d tokens: %v", len(want), want)
	}
	e := entry{masks: slices.Clone(want)}
	e.pack()
	e.posted()
	if got := e.tokenMasks(); !slices.Equal(got, want) {
		t.Errorf("packed and read back:\n%v\nwant\n%v", got, want)
	}
	if e.masks != nil {
		t.Error("the entry still holds its masks unpacked")
	}
}
