package site

import (
	"fmt"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/search"
)

// mode is what a build keeps between its stages: the one choice between
// a site that is built again and again, and one built once. The pipeline
// (pipeline.go) is the same for both; it tells its mode at each point
// where the one-shot build lets something go (docs/architecture.md,
// "Memory").
type mode interface {
	// configured is told the site's configuration, once read.
	configured(cfg *config.Config)
	// holdBody is content.Options.HoldBody: where each document's
	// Markdown waits from reading to conversion (nil: in the Document).
	holdBody() func(*content.Document, []byte)
	// body is d's Markdown, for its conversion.
	body(d *Doc) []byte
	// converting is told which documents a language converts; all is
	// true when it converts every one.
	converting(s *Site, docs []*Doc, all bool)
	// converted is told of each document just converted, and indexed
	// of each that is ready for the search index (a term once its
	// definition is known).
	converted(s *Site, d *Doc)
	indexed(s *Site, d *Doc)
	// convertedAll is told that a language's documents are converted.
	convertedAll(s *Site)
	// linked is told that a language's link graph is made.
	linked(s *Site)
	// html is d's converted HTML, for its page.
	html(d *Doc) []byte
	// searchFiles are the files of a language's search index, written
	// before the pages.
	searchFiles(s *Site) []search.File
	// finish ends the build's hold on scratch space; a read of it that
	// failed fails the build.
	finish() diag.List
}

// keeping keeps everything a build makes: a Builder that builds again
// (serve) starts from it, and check reads it.
type keeping struct{}

func (keeping) configured(*config.Config)                 {}
func (keeping) holdBody() func(*content.Document, []byte) { return nil }
func (keeping) body(d *Doc) []byte                        { return d.Body }
func (keeping) converting(*Site, []*Doc, bool)            {}
func (keeping) converted(*Site, *Doc)                     {}
func (keeping) indexed(*Site, *Doc)                       {}
func (keeping) convertedAll(*Site)                        {}
func (keeping) linked(*Site)                              {}
func (keeping) html(d *Doc) []byte                        { return d.Result.HTML }

// searchFiles makes the index from every document, with the Builder's
// cache of their tokens (nil for check, which writes no index).
func (keeping) searchFiles(s *Site) []search.File {
	return search.Build(s.searchDocs(), s.searchCache)
}

func (keeping) finish() diag.List { return nil }

// streaming is the one-shot build's mode (handout build): each document's
// text goes as soon as its last reader is done, so that a large library
// is never held whole (docs/performance.md). Its Markdown waits in the
// hold from reading to conversion; once converted, the document is judged
// for consent (the consent check is the HTML's last reader but its page),
// taken into the search index, and its HTML waits in the hold until its
// page is rendered; the search index is written, and let go, before the
// pages are; the glossary matcher goes once conversion is over, and the
// link graph's lists once linking is.
type streaming struct {
	hold  *held
	rules *consent.Rules
	// rawHTML is markdown.unsafe: the consent check then reads the HTML.
	rawHTML bool
}

func (m *streaming) configured(cfg *config.Config) {
	m.rules, m.rawHTML = consent.NewRules(cfg), cfg.Markdown.Unsafe
}

func (m *streaming) holdBody() func(*content.Document, []byte) { return m.hold.holdBody }
func (m *streaming) body(d *Doc) []byte                        { return m.hold.takeBody(d.Document) }

func (m *streaming) converting(s *Site, docs []*Doc, all bool) {
	if all {
		s.startIndex(docs)
	}
}

func (m *streaming) converted(s *Site, d *Doc) {
	d.checkConsent(m.rules, m.rawHTML)
	d.Body = nil
	d.html = m.hold.put(d.Result.HTML)
	d.Result.HTML = nil
}

func (m *streaming) indexed(s *Site, d *Doc) {
	s.indexer.Add(*s.searchDoc(d))
	d.Result.Blocks = nil
}

// convertedAll lets the glossary matcher go: nothing is converted again.
func (m *streaming) convertedAll(s *Site) { s.Glossary = nil }

// linked seals the graph: nothing is linked again, and no page shows a
// document's links, anchors or lists, only their problems, found now.
func (m *streaming) linked(s *Site) {
	s.Graph.Seal()
	for _, d := range s.All() {
		r := &d.Result
		r.Links, r.Images, r.Anchors, r.Lists = nil, nil, nil, nil
	}
}

func (m *streaming) html(d *Doc) []byte { return m.hold.get(d.html) }

// searchFiles writes out the index that took each document as it was
// converted, and lets it go.
func (m *streaming) searchFiles(s *Site) []search.File {
	files := s.indexer.Files()
	s.indexer = nil
	return files
}

func (m *streaming) finish() diag.List {
	if err := m.hold.close(); err != nil {
		return diag.List{diag.Errorf("public", 1, 1, "%s", fmt.Sprintf("cannot read converted text back from the scratch file: %v", err))}
	}
	return nil
}
