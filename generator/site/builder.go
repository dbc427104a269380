package site

import (
	"hash/maphash"
	"io/fs"
	"maps"
	"time"

	"github.com/handout-health/handout/generator/images"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/qrcode"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/search"
)

// Builder builds a site again and again, doing the smallest correct work
// for the files that changed (for handout serve): plan.go says what a
// rebuild redoes. It keeps the site, the themes, each language's view of
// the site and the fingerprint of every page it wrote between builds, and
// renders again only the pages whose view changed: editing one article's
// body renders its page and the few pages that show its links.
type Builder struct {
	fsys fs.FS
	opts Options
	mode mode
	// out, when set, is the in-memory output kept between builds, from
	// which pages that no longer exist are removed.
	out *output.Memory

	site *Site
	// themes are each language's theme, by language code; views each
	// language's view of the site, and viewPrints their fingerprints,
	// which tell when one changed (a document's title or tag may change
	// it), so that every page is rendered again.
	themes     map[string]*render.Theme
	views      map[string]*render.Site
	viewPrints map[string]uint64
	// prints are the fingerprints of the pages last written; nil for a
	// build that renders every page.
	prints map[string]uint64
	seed   maphash.Seed
	// extras are the files other than pages last written; succeeded is
	// true when the last build succeeded, on day.
	extras    map[string]bool
	succeeded bool
	day       time.Time
	// images are the site's images, kept between builds; pruneCache says
	// to leave in their cache folder only the variants a build wrote
	// (handout build's, whose folder is its own).
	images     *imageLibrary
	pruneCache bool
	// cards are the share cards of the pages written (see cardBook).
	cards *cardBook
	// qrCodes are the QR codes of the articles' addresses, kept between
	// builds and across the themes' reloads, and read from and written to
	// the cache folder (Options.Cache) when there is one.
	qrCodes *qrcode.Cache
}

// NewBuilder returns a Builder that writes into out.
func NewBuilder(fsys fs.FS, opts Options, out *output.Memory) *Builder {
	opts.Writer = out
	return &Builder{fsys: fsys, opts: opts, mode: &serving{}, out: out, prints: map[string]uint64{}, seed: maphash.MakeSeed(),
		images: newImageLibrary(fsys, images.NewCache(opts.Cache, true)), qrCodes: loadQRCodes(opts.Cache)}
}

// Rebuild builds after the given files changed (slash paths relative to
// the site root); nil means everything. The Result's Pages counts the
// pages rendered this time.
func (b *Builder) Rebuild(changed []string) (Result, error) { return b.run(changed) }

// keep sets up a newly read site for building again: its search indexes
// keep their documents' tokens between builds.
func (b *Builder) keep(s *Site) {
	if b.out == nil {
		return
	}
	for _, ls := range s.Sites() {
		ls.searchCache = search.NewCache()
	}
}

// themesUpToDate reports whether the themes parsed before serve this
// build: nothing they are made of (templates, site.yaml) changed.
func (b *Builder) themesUpToDate(p plan) bool {
	return b.themes != nil && !p.templates && !p.everything
}

// viewsChanged makes each language's view of the site and reports whether
// one differs from the one a Builder's last build rendered with: every
// page is then rendered again.
func (b *Builder) viewsChanged(s *Site) bool {
	if b.views == nil {
		b.views, b.viewPrints = map[string]*render.Site{}, map[string]uint64{}
	}
	changed := false
	for _, ls := range s.Sites() {
		code := ls.Language.Code
		view := ls.renderSite(b.opts.Version)
		b.views[code] = view
		if b.prints == nil {
			continue // every page is rendered anyway
		}
		var h pageHash
		h.h.SetSeed(b.seed)
		h.site(view)
		if old, ok := b.viewPrints[code]; !ok || old != h.h.Sum64() {
			changed = true
			clear(b.prints)
		}
		b.viewPrints[code] = h.h.Sum64()
	}
	return changed
}

// wrote records what a build wrote: the files besides pages (extras), and
// the pages that went, whose fingerprints are forgotten; files the site no
// longer has leave the in-memory output.
func (b *Builder) wrote(p *pass, extras map[string]bool, gone []string) {
	b.day = p.plan.day
	if p.affectedOnly {
		// Only the changed languages' search indexes were written again:
		// the files they no longer have go.
		for _, name := range gone {
			if b.out != nil {
				b.out.Remove(name)
			}
		}
		return
	}
	b.extras = extras
	if b.prints != nil {
		listed := map[string]bool{}
		for _, pg := range p.pages {
			listed[pg.file] = true
		}
		maps.DeleteFunc(b.prints, func(file string, _ uint64) bool { return !listed[file] })
	}
	if b.out != nil {
		b.removeStale()
	}
}

// forget makes the next build render every page with themes parsed anew,
// after a build that failed while writing.
func (b *Builder) forget() {
	clear(b.prints)
	b.themes = nil
}

// changedPages returns the pages whose view differs from what was last
// written, and records their new fingerprints; all of them for a build
// that keeps no fingerprints. A page without a fingerprint (in a first
// build, or after the theme or a language's view changed) is rendered
// anyway: its view is made and fingerprinted only when it is rendered
// (pageFor.fingerprint, noteRendered), so that no more views are alive
// than pages being rendered. The views of the pages unchanged go at once.
func (b *Builder) changedPages(pages []pageFor) []pageFor {
	if b.prints == nil {
		return pages
	}
	known := make([]bool, len(pages))
	for i := range pages {
		_, known[i] = b.prints[pages[i].file]
	}
	prints := make([]uint64, len(pages))
	parallel.For(len(pages), func(i int) {
		if known[i] {
			prints[i] = b.fingerprint(pages[i].view())
		}
	})
	var todo []pageFor
	for i := range pages {
		p := &pages[i]
		switch {
		case !known[i]:
			p.fingerprint = b.fingerprint
		case b.prints[p.file] == prints[i]:
			p.forgetView()
			continue
		default:
			b.prints[p.file] = prints[i]
		}
		todo = append(todo, *p)
	}
	return todo
}

// noteRendered records the fingerprints of the pages rendered whose view
// was fingerprinted as it was rendered (see changedPages).
func (b *Builder) noteRendered(pages []pageFor) {
	for _, p := range pages {
		if p.fingerprint != nil {
			b.prints[p.file] = p.print
		}
	}
}

// fingerprint hashes everything a page shows (see pageHash). The site's
// view is not hashed: when it changes, every fingerprint is cleared (see
// viewsChanged).
func (b *Builder) fingerprint(p *render.Page) uint64 {
	var h pageHash
	h.h.SetSeed(b.seed)
	h.page(p)
	return h.h.Sum64()
}

// removeStale deletes from memory the files that the site no longer has:
// pages that went, extra files (assets, feeds) not written again, and
// search files the indexes no longer have.
func (b *Builder) removeStale() {
	for _, file := range b.out.Names() {
		if _, page := b.prints[file]; !page && !b.extras[file] && !b.site.searchFile(file) {
			b.out.Remove(file)
		}
	}
}
