package site

import (
	"cmp"
	"slices"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/linkgraph"
)

// patchNames puts the documents read again in the place of the old ones
// in the name index and the tags: the same documents kept the same names
// and tags (see plan.patch).
func (s *Site) patchNames(docs []*Doc) {
	for _, d := range docs {
		s.Names.Replace(d.Document)
		s.retag(d)
	}
}

// makeNames makes the name index and the tags, and returns their
// problems: duplicate addresses and names, unusable tags.
func (s *Site) makeNames() diag.List {
	list := content.CheckAddresses(s.Content)
	ix, problems := linkgraph.NewIndex(s.Content)
	list = append(list, problems...)
	s.Names = ix
	prefix := s.Language.Prefix()
	for _, a := range fixedAddresses {
		ix.AddAddress(prefix + a)
	}
	if s.root != s {
		ix.SetFallback(s.root.Names)
	} else {
		for _, a := range rootAddresses {
			ix.AddAddress(a)
		}
	}
	if len(s.root.Translations) > 0 {
		ix.AddAddress(prefix + untranslatedPath)
	}
	list = append(list, s.collectTags()...)
	for _, t := range s.Tags {
		ix.AddAddress(t.URL())
	}
	return list
}

func (s *Site) collectTags() diag.List {
	s.Tags = nil
	var list diag.List
	bySlug := map[string]*Tag{}
	for _, a := range s.Articles {
		for _, name := range a.Tags {
			sl := slug.Make(name)
			if sl == "" {
				list = append(list, diag.Errorf(a.Path, a.KeyLine("tags"), 1, "tag %q has no letters or digits", name))
				continue
			}
			if len(sl) > slug.MaxLen {
				list = append(list, diag.Errorf(a.Path, a.KeyLine("tags"), 1, "tag %q is too long for an address; keep tags to a few words", name))
				continue
			}
			t, ok := bySlug[sl]
			if !ok {
				t = &Tag{Name: name, Slug: sl, prefix: s.Language.Prefix()}
				bySlug[sl] = t
				s.Tags = append(s.Tags, t)
			}
			// Two of a's tags may make one slug ("Mood", "mood"); a is
			// then last in the list already (a scan of the whole list
			// made this quadratic: 2 s at 100,000 articles).
			if n := len(t.Articles); n == 0 || t.Articles[n-1] != a {
				t.Articles = append(t.Articles, a)
			}
		}
	}
	slices.SortFunc(s.Tags, func(a, b *Tag) int { return cmp.Compare(a.Slug, b.Slug) })
	parallel.For(len(s.Tags), func(i int) { sortDocs(s.Tags[i].Articles) })
	return list
}

// retag puts d in place of the document of its path in the lists of its
// tags (d was read again with the same tags).
func (s *Site) retag(d *Doc) {
	slugs := make([]string, len(d.Tags))
	for i, name := range d.Tags {
		slugs[i] = slug.Make(name)
	}
	for _, t := range s.Tags {
		if !slices.Contains(slugs, t.Slug) {
			continue
		}
		for i, a := range t.Articles {
			if a.Path == d.Path {
				t.Articles[i] = d
			}
		}
	}
}
