package build

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/search"
)

// searchDocs is what the search index is built from: every article, term
// and page, with a term's definition as its summary. Addresses are
// relative to the language's root (the folder above its search/), where
// search.js resolves them.
func (s *Site) searchDocs() []search.Doc {
	all := s.All()
	docs := make([]search.Doc, len(all))
	for i, d := range all {
		if d.searchDoc == nil {
			d.searchDoc = s.searchDoc(d)
		}
		docs[i] = *d.searchDoc
	}
	return docs
}

// searchVersions numbers the search documents made, so that the search
// cache can tell a new one without hashing it.
var searchVersions atomic.Uint64

// searchDoc is what the search index knows of d, made once per
// conversion.
func (s *Site) searchDoc(d *Doc) *search.Doc {
	sd := &search.Doc{URL: strings.TrimPrefix(d.URL(), s.Language.Prefix()), Kind: d.Kind.String(), Title: d.Title, Synonyms: d.Synonyms, Summary: d.Summary, Version: searchVersions.Add(1)}
	if d.Kind == content.Term {
		sd.Summary = d.Definition
	}
	for _, sec := range d.Result.Sections {
		sd.Sections = append(sd.Sections, search.Section{ID: sec.ID, Title: sec.Title})
	}
	for _, b := range d.Result.Blocks {
		sd.Blocks = append(sd.Blocks, search.Block{Section: b.Section, Text: b.Text})
	}
	return sd
}

// writeSearch writes the search index of s's language under its
// search/ folder (es/search/ for Spanish).
func (s *Site) writeSearch(w output.Writer) diag.List {
	var list diag.List
	var mu sync.Mutex
	docs := s.searchDocs()
	if s.searchCache == nil {
		// Without a cache the index is made once (handout build): the
		// text blocks are the index's alone now, and it lets them go as
		// it reads them.
		for _, d := range s.All() {
			d.Result.Blocks, d.searchDoc = nil, nil
		}
	}
	files := search.Build(docs, s.searchCache)
	// One small file per document: written on every core.
	parallel.For(len(files), func(i int) {
		name := s.Language.Prefix() + files[i].Name
		if err := w.WriteFile(name, files[i].Data); err != nil {
			mu.Lock()
			list = append(list, diag.Errorf("public/"+name, 1, 1, "cannot write: %v", err))
			mu.Unlock()
		}
	})
	return list
}

// writeSearches writes again the search index of each language in which
// documents were converted by the last refresh.
func (s *Site) writeSearches(w output.Writer) diag.List {
	var list diag.List
	for _, ls := range s.Sites() {
		if ls.searchChanged() {
			list = append(list, ls.writeSearch(w)...)
		}
	}
	return list
}

// searchChanged reports whether the last refresh converted documents of
// s's language, whose search index is then made again.
func (s *Site) searchChanged() bool { return len(s.listings.docs) > 0 }

// searchRewritten reports whether file belongs to a search index that
// writeSearches writes again.
func (s *Site) searchRewritten(file string) bool {
	for _, ls := range s.Sites() {
		if ls.searchChanged() && strings.HasPrefix(file, ls.Language.Prefix()+search.Dir) {
			return true
		}
	}
	return false
}
