package search

import (
	"slices"

	"github.com/handout-health/handout/generator/internal/parallel"
)

// vocabFile is a vocabulary file as last made: the keys whose shards it
// holds, in order, the shards it was made of, and its name and bytes.
type vocabFile struct {
	keys   []string
	shards []*encoded
	encoded
}

// vocabulary makes the vocabulary shards that changed, and the
// vocabulary files: runs of shards in key order, each ending once it
// weighs vocabularyLimit or more. A file whose shards are all those it
// was made of is kept.
func (ix *index) vocabulary() {
	if ix.starts == nil {
		for i, t := range ix.tokens {
			if i == 0 || t.key != ix.tokens[i-1].key {
				ix.starts = append(ix.starts, i)
			}
		}
	}
	starts := ix.starts
	shards := make(map[string]*encoded, len(starts))
	var made []int
	for i, s := range starts {
		key := ix.tokens[s].key
		if f := ix.shards[key]; f != nil && !ix.dirty[key] {
			shards[key] = f
			continue
		}
		shards[key] = &encoded{}
		made = append(made, i)
	}
	parallel.For(len(made), func(j int) {
		i := made[j]
		end := len(ix.tokens)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		run := ix.tokens[starts[i]:end]
		shards[run[0].key].data = encodeShard(run)
	})
	ix.shards = shards
	ix.groupVocabulary()
}

// groupVocabulary divides the shards, in key order, into vocabulary
// files, and makes the files that changed.
func (ix *index) groupVocabulary() {
	weight := 0
	for _, f := range ix.shards {
		weight += len(f.data)
	}
	limit := vocabularyLimit(weight)
	var files []*vocabFile
	size := 0
	for i, s := range ix.starts {
		key := ix.tokens[s].key
		if i == 0 || size >= limit {
			files = append(files, &vocabFile{})
			size = 0
		}
		f := files[len(files)-1]
		f.keys = append(f.keys, key)
		f.shards = append(f.shards, ix.shards[key])
		size += len(key) + 4 + len(ix.shards[key].data)
	}
	kept := make(map[string]*vocabFile, len(ix.vocab))
	for _, f := range ix.vocab {
		kept[f.keys[0]] = f
	}
	var made []*vocabFile
	for i, f := range files {
		if old := kept[f.keys[0]]; old != nil && slices.Equal(old.keys, f.keys) && slices.Equal(old.shards, f.shards) {
			files[i] = old
			continue
		}
		made = append(made, f)
	}
	parallel.For(len(made), func(j int) {
		f := made[j]
		b := []byte{'{'}
		for k, key := range f.keys {
			b = append(appendString(appendComma(b, k), key), ':')
			b = append(b, f.shards[k].data...)
		}
		f.data = append(b, '}')
		f.name = name("w/", f.data)
	})
	ix.vocab = files
}
