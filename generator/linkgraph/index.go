// Package linkgraph knows how the documents of a site point at each other.
//
// Index answers "which document is called X?" for wiki links, relative
// .md links and related: lists; it is built from the loaded content before
// any Markdown is converted. Graph is computed after conversion, from the
// links each document made: backlinks, related articles and links to
// sections that do not exist. Everything here is a pure function of its
// input; nothing is printed or written.
package linkgraph

import (
	"strings"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown"
)

// Index maps names, files and addresses to documents.
type Index struct {
	byName  map[string]*content.Document // titles and synonyms
	bySlug  map[string]*content.Document // slugs, the weaker match
	byPath  map[string]*content.Document
	address map[string]bool // every address the build writes, and static files
	// fallback answers what this index does not: the default language's
	// index, for a translation linking to a page not translated yet.
	fallback *Index
}

// SetFallback makes ix answer names, files and addresses it does not know
// from other: a link in a translation to an untranslated article leads to
// the article in the default language.
func (ix *Index) SetFallback(other *Index) { ix.fallback = other }

var _ markdown.Resolver = (*Index)(nil)

// NormalizeName is how names are compared: as the glossary compares them
// (slug.Fold: case- and accent-insensitive, so [[Cafe]] finds "Café"),
// with runs of white space folded to one space.
func NormalizeName(s string) string {
	return slug.Fold(strings.Join(strings.Fields(s), " "))
}

// NewIndex indexes every document of site. Two documents claiming the same
// title or synonym make a wiki link ambiguous, so that is an error.
func NewIndex(site *content.Site) (*Index, diag.List) {
	ix := &Index{
		byName:  map[string]*content.Document{},
		bySlug:  map[string]*content.Document{},
		byPath:  map[string]*content.Document{},
		address: map[string]bool{},
	}
	var list diag.List
	for _, d := range site.All() {
		ix.byPath[d.Path] = d
		ix.address[d.URL()] = true
		if _, taken := ix.bySlug[d.Slug]; !taken {
			ix.bySlug[d.Slug] = d
		}
		for i, name := range d.Names() {
			key := NormalizeName(name)
			if key == "" {
				continue
			}
			other, taken := ix.byName[key]
			switch {
			case !taken:
				ix.byName[key] = d
			case other != d:
				field := "title"
				if d.Kind == content.Term && i == 0 {
					field = "term"
				} else if i > 0 {
					field = "synonyms"
				}
				list = append(list, diag.Errorf(d.Path, d.KeyLine(field), 1,
					"the name %q is also used by %s: a link to it would be ambiguous; remove it from one of them", name, other.Path))
			}
		}
	}
	for _, f := range site.Static {
		ix.address[f] = true
	}
	return ix, list
}

// Replace puts d in place of the document at its path, which must keep
// its names and slug: for a document read again after its body changed.
func (ix *Index) Replace(d *content.Document) {
	if _, ok := ix.byPath[d.Path]; !ok {
		return
	}
	ix.byPath[d.Path] = d
	if old, ok := ix.bySlug[d.Slug]; ok && old.Path == d.Path {
		ix.bySlug[d.Slug] = d
	}
	for _, name := range d.Names() {
		key := NormalizeName(name)
		if old, ok := ix.byName[key]; ok && old.Path == d.Path {
			ix.byName[key] = d
		}
	}
}

// AddAddress records an address the build writes besides the documents,
// such as "glossary/" or "tags/mood/".
func (ix *Index) AddAddress(p string) { ix.address[p] = true }

// Lookup finds a document by title, synonym or slug.
func (ix *Index) Lookup(name string) (*content.Document, bool) {
	key := NormalizeName(name)
	if d, ok := ix.byName[key]; ok {
		return d, true
	}
	if d, ok := ix.bySlug[key]; ok {
		return d, true
	}
	if ix.fallback != nil {
		return ix.fallback.Lookup(name)
	}
	return nil, false
}

// Document returns the document stored at a site path.
func (ix *Index) Document(sitePath string) (*content.Document, bool) {
	if d, ok := ix.byPath[sitePath]; ok {
		return d, true
	}
	if ix.fallback != nil {
		return ix.fallback.Document(sitePath)
	}
	return nil, false
}

// ResolveName implements markdown.Resolver.
func (ix *Index) ResolveName(name string) (markdown.Target, bool) {
	d, ok := ix.Lookup(name)
	if !ok {
		return markdown.Target{}, false
	}
	return markdown.Target{ID: d.Path, URL: d.URL()}, true
}

// ResolveFile implements markdown.Resolver.
func (ix *Index) ResolveFile(sitePath string) (markdown.Target, bool) {
	d, ok := ix.Document(sitePath)
	if !ok {
		return markdown.Target{}, false
	}
	return markdown.Target{ID: d.Path, URL: d.URL()}, true
}

// HasPath implements markdown.Resolver. An address may be written with or
// without its trailing slash or index.html.
func (ix *Index) HasPath(p string) bool {
	p = strings.TrimSuffix(p, "index.html")
	if ix.address[p] || !strings.HasSuffix(p, "/") && ix.address[p+"/"] {
		return true
	}
	return ix.fallback != nil && ix.fallback.HasPath(p)
}
