package site

import (
	"io/fs"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/templates"
)

// run builds the site after the given files changed (nil: everything),
// stage by stage. docs/architecture.md says what each stage reads and
// writes, and walks one article through them.
func (b *Builder) run(changed []string) (Result, error) {
	p := b.begin(changed)
	p.read()    // site.yaml and content/: every file, or those that changed
	p.convert() // names, then Markdown to HTML with glossary links
	p.link()    // link graph, tags, translations; broken links
	p.theme()   // templates, parsed again when they or site.yaml changed
	p.check()   // consent and output collisions, as handout check judges them
	p.render()  // search index; each page's view and HTML, judged for consent, written
	p.write()   // feeds, sitemap, redirects, static files
	return p.end()
}

// Load reads, converts and links a site, keeping everything (for check).
// The Site is nil when there are errors that stop conversion (a broken
// site.yaml); otherwise it is returned with every diagnostic found.
func Load(fsys fs.FS, opts LoadOptions) (*Site, diag.List) {
	b := &Builder{fsys: fsys, opts: Options{LoadOptions: opts}, mode: keeping{}, images: newImageLibrary(fsys, nil)}
	p := b.begin(nil)
	p.read()
	p.convert()
	p.link()
	return b.site, p.res.Diagnostics
}

// pass is one build: its plan, and what its stages found. A stage does
// nothing once one before it failed.
type pass struct {
	b    *Builder
	plan plan
	res  Result
	// site is the site being built; affectedOnly says that only the pages
	// of the documents converted again, and of those their links reach,
	// are listed (see plan.affectedOnly).
	site         *Site
	affectedOnly bool
	// pages are the pages listed; todo those rendered, whose view changed
	// since a Builder last wrote them; w takes every file written, from
	// the first, when writing is set.
	pages, todo []pageFor
	w           *countingWriter
	writing     bool
	// gone are the search files the indexes written no longer have.
	gone []string
}

// begin starts a build of the files that changed.
func (b *Builder) begin(changed []string) *pass {
	now := b.opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	if b.cards == nil {
		b.cards = newCardBook()
	}
	p := &pass{b: b, plan: planFor(changed, b.site == nil)}
	p.plan.day = content.Day(now)
	b.images.forget(p.plan.staticFiles)
	return p
}

func (p *pass) failed() bool { return p.res.Diagnostics.HasErrors() }

func (p *pass) add(list diag.List) { p.res.Diagnostics = append(p.res.Diagnostics, list...) }

// read reads site.yaml and every content file for a first build (or after
// site.yaml changed), else the content files that changed.
func (p *pass) read() {
	b := p.b
	if p.plan.everything {
		site, list := readSite(b.fsys, b.opts.LoadOptions, b.mode)
		p.add(list)
		if site == nil {
			return
		}
		b.site = site
		b.keep(site)
		site.images = b.images
		b.images.setStatic(site.Content.Static)
	} else {
		p.plan.reading = b.site.reread(b.fsys, p.plan.content, p.plan.staticFiles)
	}
	p.site = b.site
	p.res.Site = p.site
	p.res.Drafts = p.site.Drafts()
}

// convert makes each language's name index (or patches it, when only
// documents' bodies changed), then converts the documents the plan names.
func (p *pass) convert() {
	if p.site == nil {
		return
	}
	for _, ls := range p.site.Sites() {
		docs := p.plan.toConvert(ls)
		if p.plan.patch() {
			ls.patchNames(docs)
		} else {
			ls.indexProblems = ls.makeNames()
		}
		p.add(ls.indexProblems)
		p.plan.converted[ls] = ls.convert(docs)
	}
}

// link links every language's documents, pairs translations with their
// sources and reports each document's problems (broken links, missing
// sections), with the problems of reading its file and the brand's; and
// resolves each language's menus, whose targets are checked as links.
func (p *pass) link() {
	if p.site == nil {
		return
	}
	for _, problems := range p.site.fileProblems {
		p.add(problems)
	}
	p.add(p.site.brand.problems)
	for _, ls := range p.site.Sites() {
		p.add(ls.link(p.plan.converted[ls], p.plan.graph()))
	}
	p.add(p.site.pairTranslations())
	for _, ls := range p.site.Sites() {
		p.add(ls.resolveMenus())
	}
	p.add(p.site.checkShareImages(p.b.fsys))
	p.site.listings.shown = p.plan.reading.shown
	p.affectedOnly = p.plan.affectedOnly(p.site, p.b)
}

// theme parses the theme of each language, when the templates or
// site.yaml changed or no build succeeded yet, and makes each language's
// view of the site, which a title or tag of a document may change.
func (p *pass) theme() {
	if p.site == nil || p.failed() {
		return
	}
	if !p.b.themesUpToDate(p.plan) {
		p.b.themes = map[string]*render.Theme{}
		clear(p.b.prints)
		for _, ls := range p.site.Sites() {
			theme, problems := ls.loadTheme(p.b.fsys, p.b.qrCodes)
			p.add(problems)
			if theme == nil {
				p.b.themes = nil
				return
			}
			p.b.themes[ls.Language.Code] = theme
		}
	}
	if p.b.viewsChanged(p.site) {
		p.affectedOnly = false
	}
}

// check judges the site as handout check does: consent, the template
// overrides' names and, unless the build renders only the affected pages
// (no address, alias or static file changed), the output's names.
func (p *pass) check() {
	if p.site == nil || p.failed() {
		return
	}
	p.add(p.site.checkConsent(p.b.fsys))
	p.add(checkOverrideNames(p.b.fsys))
	if !p.affectedOnly {
		p.add(p.site.checkOutput(p.b.themes[p.site.Language.Code]))
	}
	p.res.Notes = p.site.outputNotes
}

// render renders the pages and writes each as it is rendered, judged for
// consent as the browser will read it: every page, or on a build of the
// affected pages only those of the documents converted again and of those
// their links reach; a Builder leaves out those whose view is unchanged
// since it wrote them. The search indexes are written first (of a build of
// the affected pages, those of the languages converted in), to let what
// they were made from go before the pages are rendered.
func (p *pass) render() {
	if p.site == nil || p.failed() {
		return
	}
	p.w = &countingWriter{w: p.b.opts.Writer}
	// The search indexes go first: once written, what they were made from
	// (the one-shot build's index, the Builder's documents' prose) is let
	// go before the pages are rendered.
	var problems diag.List
	p.gone, problems = p.site.writeSearches(p.w, p.searchesToWrite())
	p.add(problems)
	p.writing = true
	for _, ls := range p.site.Sites() {
		code := ls.Language.Code
		theme, view := p.b.themes[code], p.b.views[code]
		theme.ResetCache()
		if p.affectedOnly {
			p.pages = append(p.pages, ls.docPages(p.plan.day, theme, view, ls.listings.docs, ls.listings.graph)...)
		} else {
			p.pages = append(p.pages, ls.pages(p.plan.day, theme, view)...)
		}
	}
	p.todo = p.b.changedPages(p.pages)
	p.add(renderPages(p.todo, p.w, p.site.pageCheck(), p.b.cards, p.b.opts.Progress))
	p.b.noteRendered(p.todo)
	p.add(p.b.mode.finish())
}

// write writes the other files: unless the build renders only the
// affected pages, the feeds, sitemap, redirects, assets and static files;
// then the share cards the pages show that the output does not hold yet.
func (p *pass) write() {
	if p.site == nil || p.failed() {
		return
	}
	// What is recorded from here on is what is written besides pages and
	// search files.
	p.w.names = map[string]bool{}
	if !p.affectedOnly {
		p.add(p.site.writeExtras(p.b.fsys, p.w, p.b.themes[p.site.Language.Code]))
		p.b.cards.keepOnly(p.pages)
	}
	// Even when only the affected pages are: one may show a new image.
	variants := p.b.images.variantsOf(p.site.imagesShown())
	p.add(p.b.images.write(p.w, variants))
	if p.b.pruneCache && !p.failed() {
		p.b.images.prune(variants)
	}
	drawn, problems := writeCards(p.w, p.b.cards)
	p.res.Cards = drawn
	p.add(problems)
	if !p.failed() {
		p.b.wrote(p, p.w.names, p.gone)
	}
}

// searchesToWrite are the languages whose search index is written: every
// one, or on a build of the affected pages only those in which documents
// were converted again.
func (p *pass) searchesToWrite() []*Site {
	if !p.affectedOnly {
		return p.site.Sites()
	}
	var out []*Site
	for _, ls := range p.site.Sites() {
		if len(ls.listings.docs) > 0 {
			out = append(out, ls)
		}
	}
	return out
}

// end reports the build: what it wrote, sorted diagnostics, and an error
// that wraps ErrFailed when any is an error.
func (p *pass) end() (Result, error) {
	if p.w != nil {
		p.res.Pages, p.res.Files, p.res.AffectedOnly = len(p.todo), int(p.w.files), p.affectedOnly
	}
	p.res.VariantsMade, p.res.VariantsCached = p.b.images.counts()
	p.res.QRCodesMade, p.res.QRCodesCached = p.b.qrCodes.Counts()
	p.b.succeeded = !p.failed()
	if p.failed() {
		if p.writing {
			p.b.forget()
		}
		return failed(p.res)
	}
	saveQRCodes(p.b.opts.Cache, p.b.qrCodes)
	p.res.Diagnostics.Sort()
	return p.res, nil
}

// readSite reads site.yaml and every content file, and makes the site in
// each of its languages, its documents wrapped but not converted yet.
func readSite(fsys fs.FS, opts LoadOptions, m mode) (*Site, diag.List) {
	cfg, list := config.Load(fsys)
	if cfg == nil {
		return nil, list
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return nil, append(list, diag.Errorf(config.FileName, 1, 1, "--base-url: %v", err))
		}
	}
	m.configured(cfg)
	copts := contentOptions(cfg, opts)
	copts.HoldBody = m.holdBody()
	cs, problems := content.Load(fsys, copts)
	conv := markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe, Sections: schema(cfg)})
	overrides, _ := fs.Sub(fsys, overridesDir)
	newSite := func(lang config.Language) *Site {
		return &Site{
			Config: cfg, Language: lang, Content: &content.Site{}, opts: opts, conv: conv, mode: m,
			fileProblems: map[string]diag.List{}, words: render.Words(templates.FS, overrides, lang.Code),
		}
	}
	s := newSite(cfg.Languages[0])
	s.root, s.Content = s, cs
	s.brand = readBrand(fsys, cfg, nil)
	for _, lang := range cfg.Languages[1:] {
		t := newSite(lang)
		t.root = s
		s.Translations = append(s.Translations, t)
	}
	for _, d := range problems {
		s.fileProblems[d.Path] = append(s.fileProblems[d.Path], d)
	}
	s.splitLanguages()
	for _, ls := range s.Sites() {
		ls.wrapDocs()
	}
	return s, list
}
