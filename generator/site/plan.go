package site

import (
	"strings"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
)

// plan is what one build redoes: the rebuild planner's decisions, which
// the stages follow (docs/architecture.md, "Rebuilds"). A first build, or
// one after site.yaml or a string file of the theme changed (their words
// are in converted Markdown too), does everything. Otherwise:
//
//   - a template or theme asset: the theme is parsed again and every page
//     rendered again; nothing is read or converted;
//   - a content file: that file is read again and converted; when its
//     names or address changed, or a document came or went, every
//     document is converted again (names decide links everywhere); when
//     a term's definition or an article's summary changed, the articles
//     that link it are converted again (see Site.convert);
//   - a static file: files are listed again, the image library forgets
//     what it knew of the files that changed, and documents with broken
//     links or showing one of those images are converted again (the file
//     may be what they missed, or have another size).
//
// Then a Builder fingerprints every page's view and renders only the pages
// whose view changed. A rebuild renders only the affected pages when no
// document came, went or changed what other pages show of it (title,
// summary, other names, tags, review date, definition): only the views of
// the documents converted again and of those whose backlinks, users or
// related articles changed are made, and only their languages' search
// indexes written again.
type plan struct {
	everything, templates, static bool
	// content are the content files that changed, staticFiles the files
	// (or folders) of static/.
	content, staticFiles []string
	// day is the day reviews are judged by.
	day time.Time
	// reading is what reading the changed files found; converted, per
	// language, the documents converted.
	reading   reading
	converted map[*Site][]*Doc
}

// reading is what a rebuild's reading of the changed files found.
type reading struct {
	// convert are, per language, the documents to convert again.
	convert map[*Site][]*Doc
	// structural is true when a document came, went, changed language or
	// changed what others see of it through links (kind, address,
	// names, aliases): every document is converted again. shown is true
	// when one changed what other pages show of it (title, summary,
	// names, tags, review date).
	structural, shown bool
}

// planFor sorts the files that changed (slash paths relative to the site;
// nil means everything) by what they affect.
func planFor(changed []string, first bool) plan {
	p := plan{everything: first || changed == nil, converted: map[*Site][]*Doc{}}
	for _, f := range changed {
		switch {
		case f == config.FileName, strings.HasPrefix(f, content.TemplatesDir+"/i18n/"):
			p.everything = true
		case strings.HasPrefix(f, content.TemplatesDir+"/"):
			p.templates = true
		case strings.HasPrefix(f, content.StaticDir+"/"):
			p.static = true
			p.staticFiles = append(p.staticFiles, f)
		case strings.HasPrefix(f, content.ContentDir+"/"):
			p.content = append(p.content, f)
		}
	}
	if p.everything {
		p.templates, p.static = true, true
	}
	return p
}

// toConvert are the documents of one language to convert: nil for every
// one.
func (p *plan) toConvert(ls *Site) []*Doc {
	if p.everything || p.reading.structural {
		return nil
	}
	if docs := p.reading.convert[ls]; docs != nil {
		return docs
	}
	return []*Doc{}
}

// graph says whether the link graphs are made anew or updated for the
// documents converted again.
func (p *plan) graph() graphWork {
	if p.everything || p.reading.structural {
		return makeGraph
	}
	return updateGraph
}

// graphWork is how Site.link comes to its link graph.
type graphWork int

const (
	// makeGraph makes the graph anew from every document.
	makeGraph graphWork = iota
	// updateGraph updates the graph for the documents converted again
	// (linkgraph.Graph.Update), and notes which documents' lists changed.
	updateGraph
)

// patch says that the name indexes and tags are patched, not made again:
// the same documents have the same names and tags, and only the Documents
// read again take the place of the old ones.
func (p *plan) patch() bool {
	return !p.everything && !p.static && !p.reading.structural && !p.reading.shown
}

// affectedOnly says whether the pages to render are only those of the
// documents converted again and of those whose links, users or related
// articles changed: the last build succeeded on the same day, nothing but
// content changed, and no document changed what other pages show of it.
func (p *plan) affectedOnly(s *Site, b *Builder) bool {
	if !b.succeeded || p.everything || p.templates || p.static || !b.day.Equal(p.day) || s.listings.shown {
		return false
	}
	for _, ls := range s.Sites() {
		if ls.listings.docs == nil || ls.listings.graph == nil || ls.listings.definitions {
			return false
		}
	}
	return true
}
