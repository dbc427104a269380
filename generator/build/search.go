package build

import (
	"sync"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/search"
)

// searchDocs is what the search index is built from: every article, term
// and page, with a term's definition as its summary.
func (s *Site) searchDocs() []search.Doc {
	all := s.All()
	docs := make([]search.Doc, len(all))
	for i, d := range all {
		sd := search.Doc{URL: d.URL(), Kind: d.Kind.String(), Title: d.Title, Synonyms: d.Synonyms, Summary: d.Summary}
		if d.Kind == content.Term {
			sd.Summary = d.Definition
		}
		for _, sec := range d.Result.Sections {
			sd.Sections = append(sd.Sections, search.Section{ID: sec.ID, Title: sec.Title})
		}
		for _, b := range d.Result.Blocks {
			sd.Blocks = append(sd.Blocks, search.Block{Section: b.Section, Text: b.Text})
		}
		docs[i] = sd
	}
	return docs
}

// writeSearch writes the search index under search/.
func (s *Site) writeSearch(w output.Writer) diag.List {
	var list diag.List
	var mu sync.Mutex
	files := search.Build(s.searchDocs(), s.searchCache)
	// One small file per document: written on every core.
	parallel.For(len(files), func(i int) {
		if err := w.WriteFile(files[i].Name, files[i].Data); err != nil {
			mu.Lock()
			list = append(list, diag.Errorf("public/"+files[i].Name, 1, 1, "cannot write: %v", err))
			mu.Unlock()
		}
	})
	return list
}
