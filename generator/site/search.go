package site

import (
	"slices"
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
//
// With a cache (serve), the documents are kept, and a rebuild copies
// only those made again: the copy of every search document, each made
// apart while its document was converted, was a third of an edit's
// rebuild at 10,000 articles (memory far apart, read once each).
func (s *Site) searchDocs() []search.Doc {
	all := s.All()
	if s.searchCache == nil || len(s.searchKept) != len(all) {
		s.searchKept, s.searchFrom = make([]search.Doc, len(all)), make([]*search.Doc, len(all))
	}
	docs, from := s.searchKept, s.searchFrom
	for i, d := range all {
		if d.searchDoc == nil {
			d.searchDoc = s.searchDoc(d)
		}
		if from[i] != d.searchDoc {
			docs[i], from[i] = *d.searchDoc, d.searchDoc
		}
	}
	if s.searchCache == nil {
		s.searchKept, s.searchFrom = nil, nil
	}
	return docs
}

// searchVersions numbers the search documents made, so that the search
// cache can tell a new one without hashing it.
var searchVersions atomic.Uint64

// startIndex starts the search index of a site built once: each of docs
// is then indexed as soon as it is converted, and its text blocks go, so
// that the text of the whole site is never held (see streaming.indexed).
func (s *Site) startIndex(docs []*Doc) {
	keys := make([]search.Doc, len(docs))
	for i, d := range docs {
		keys[i] = search.Doc{URL: s.searchURL(d), Kind: d.Kind.String(), Title: d.Title}
	}
	s.indexer = search.NewIndexer(keys)
}

// searchURL is d's address relative to its language's root, where
// search.js resolves it.
func (s *Site) searchURL(d *Doc) string { return strings.TrimPrefix(d.URL(), s.Language.Prefix()) }

// searchDoc is what the search index knows of d, made once per
// conversion.
func (s *Site) searchDoc(d *Doc) *search.Doc {
	sd := &search.Doc{URL: s.searchURL(d), Kind: d.Kind.String(), Title: d.Title, Synonyms: d.Synonyms, Summary: d.Summary, Version: searchVersions.Add(1)}
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
// search/ folder (es/search/ for Spanish). With a cache (serve), the
// files written before are not written again: every name but the
// manifest's is made from the file's bytes (see search.Build). It
// returns the names of the files the index no longer has.
func (s *Site) writeSearch(w output.Writer) (gone []string, list diag.List) {
	var mu sync.Mutex
	files := s.mode.searchFiles(s)
	for i := range files {
		files[i].Name = s.Language.Prefix() + files[i].Name
	}
	todo := files
	if s.searchCache != nil {
		// Each file is marked with this round; those of earlier rounds
		// only are gone.
		todo = nil
		s.searchRound++
		if s.searchFiles == nil {
			s.searchFiles = map[string]uint64{}
		}
		manifest := s.Language.Prefix() + search.Dir + "index.json"
		for _, f := range files {
			if _, ok := s.searchFiles[f.Name]; !ok || f.Name == manifest {
				todo = append(todo, f)
			}
			s.searchFiles[f.Name] = s.searchRound
		}
		for name, round := range s.searchFiles {
			if round != s.searchRound {
				gone = append(gone, name)
				delete(s.searchFiles, name)
			}
		}
	}
	parallel.For(len(todo), func(i int) {
		if err := w.WriteFile(todo[i].Name, todo[i].Data); err != nil {
			mu.Lock()
			list = append(list, diag.Errorf("public/"+todo[i].Name, 1, 1, "cannot write: %v", err))
			mu.Unlock()
		}
	})
	return gone, list
}

// writeSearches writes the search index of each of sites, and returns
// the names of the files their indexes no longer have.
func (s *Site) writeSearches(w output.Writer, sites []*Site) (gone []string, list diag.List) {
	for _, ls := range sites {
		g, problems := ls.writeSearch(w)
		gone, list = append(gone, g...), append(list, problems...)
	}
	return gone, list
}

// searchFile reports whether file is one of the search index files last
// written by a Builder, in any language.
func (s *Site) searchFile(file string) bool {
	if _, ok := s.root.searchFiles[file]; ok {
		return true
	}
	return slices.ContainsFunc(s.root.Translations, func(ls *Site) bool {
		_, ok := ls.searchFiles[file]
		return ok
	})
}
