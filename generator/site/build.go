package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/feeds"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/templates"
)

// Options control a build.
type Options struct {
	LoadOptions
	// Writer receives the output files.
	Writer output.Writer
	// Now is the date reviews are judged by; zero means today. Two builds
	// on the same day of the same input are byte-identical.
	Now time.Time
	// Version is written into the generator meta tag.
	Version string
	// Progress, when set, is told how many pages are written of how many.
	Progress func(done, total int)
	// Scratch, when set, is a folder where Build keeps the converted HTML
	// of every document in a temporary file until its page is rendered,
	// instead of in memory (handout build passes the output's parent
	// folder). Without it, or when the file cannot be made or written,
	// the HTML stays in memory. Builders ignore it: they keep everything.
	Scratch string
}

// Result says what a build did.
type Result struct {
	// Diagnostics are every error and warning found.
	Diagnostics diag.List
	// Pages is the number of HTML pages rendered; Files all files written.
	Pages, Files int
	// Site is the loaded site, nil when loading failed.
	Site *Site
	// Quick is true when a rebuild looked only at the pages of the
	// documents that changed and of those their links reach (see
	// Builder).
	Quick bool
	// Notes say what the site chose that a reader of the build's output
	// should know, such as a static/robots.txt that replaces the
	// generated one. They are not problems: --strict ignores them.
	Notes []string
}

// ErrFailed is returned (wrapped) when a build found errors in the site.
var ErrFailed = errors.New("build failed")

// Build loads the site in fsys and writes it to opts.Writer. When any
// diagnostic is an error nothing is written and the error wraps ErrFailed;
// the diagnostics are in the Result either way.
func Build(fsys fs.FS, opts Options) (Result, error) {
	return (&Builder{fsys: fsys, opts: opts}).run(nil)
}

// failed returns res with its diagnostics sorted, and the error of a
// failed build.
func failed(res Result) (Result, error) {
	res.Diagnostics.Sort()
	return res, fmt.Errorf("%w: %d errors", ErrFailed, len(res.Diagnostics.Errors()))
}

// bufferPool holds page buffers: a page is rendered into a buffer that has
// grown to page size already.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the capacity past which a page buffer goes back to
// the garbage collector instead of bufferPool.
const maxPooledBuffer = 1 << 20

// renderPages renders pages, judges each as the browser will read it
// (check), and writes them, on every core.
func renderPages(pages []pageFor, w output.Writer, check pageCheck, progress func(done, total int)) diag.List {
	var mu sync.Mutex
	var list diag.List
	var done int
	parallel.For(len(pages), func(i int) {
		buf := bufferPool.Get().(*bytes.Buffer)
		buf.Reset()
		page := pieceWriter{buf: buf, theme: pages[i].theme, body: string(pages[i].made().Body)}
		err := pages[i].theme.Render(&page, pages[i].made())
		var problems diag.List
		if err == nil {
			problems = check(pages[i].file, buf.Bytes(), page.pieces)
		}
		if err == nil && len(problems) == 0 {
			// Writers do not keep the bytes, so the buffer can be reused.
			err = w.WriteFile(pages[i].file, buf.Bytes())
		}
		// The view is not needed again: let it go as the others render.
		pages[i].page = nil
		// A buffer grown by one of the few very large pages (the A to Z
		// of a big library) is not kept for the many small ones.
		if buf.Cap() <= maxPooledBuffer {
			bufferPool.Put(buf)
		}
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			list = append(list, asDiagnostics(err)...)
		}
		list = append(list, problems...)
		done++
		if progress != nil {
			progress(done, len(pages))
		}
	})
	return list
}

// pieceWriter writes a page and notes where it wrote, whole, a piece
// judged already, which the page check need not read again (see
// consent.PageChecker): the document's HTML, or a partial the theme
// judged (render.Theme.Judged). html/template writes each such value in
// one Write.
type pieceWriter struct {
	buf    *bytes.Buffer
	theme  *render.Theme
	body   string
	pieces []consent.Piece
}

// Write implements io.Writer.
func (w *pieceWriter) Write(p []byte) (int, error) {
	if len(p) >= consent.MinPiece && (string(p) == w.body || w.theme.Judged(p)) {
		start := w.buf.Len()
		w.pieces = append(w.pieces, consent.Piece{Start: start, End: start + len(p)})
	}
	return w.buf.Write(p)
}

func asDiagnostics(err error) diag.List {
	var le *diag.ListError
	if errors.As(err, &le) {
		return le.List
	}
	return diag.List{diag.Errorf("public", 1, 1, "%v", err)}
}

// loadTheme parses the theme and the site's overrides for the site's view.
func (s *Site) loadTheme(fsys fs.FS, site *render.Site) (*render.Theme, diag.List) {
	cfg := s.Config
	var overrides fs.FS
	info, err := fs.Stat(fsys, overridesDir)
	switch {
	case err == nil && info.IsDir():
		overrides, _ = fs.Sub(fsys, overridesDir)
	case err == nil:
		return nil, diag.List{diag.Errorf(overridesDir, 1, 1, "not a folder: a site's own theme files go in a folder named %s/", overridesDir)}
	case !errors.Is(err, fs.ErrNotExist):
		// A link that leaves the site, or a loop: an error, as in content/.
		return nil, diag.List{diag.Errorf(overridesDir, 1, 1, "cannot read: %v", err)}
	}
	return render.Load(site, render.Options{
		Theme: templates.FS, Overrides: overrides, OverridesPath: overridesDir,
		CodeStyle: cfg.Markdown.HighlightStyle, CodeDarkStyle: cfg.Markdown.HighlightDarkStyle,
		Clean: consent.NewRules(cfg).Clean,
	})
}

// renderSite is what templates see as .Site, in s's language.
func (s *Site) renderSite(version string) *render.Site {
	cfg := s.Config
	title, description := s.titles()
	site := &render.Site{
		Title: title, Description: description,
		Language: s.Language.Code, Prefix: s.Language.Prefix(),
		BaseURL: cfg.BaseURL, BasePath: cfg.BasePath(), FeedbackURL: cfg.FeedbackURL,
		Generator: strings.TrimSpace("handout " + version),
	}
	for _, l := range cfg.Languages {
		site.Languages = append(site.Languages, renderLanguage(l))
	}
	for _, p := range s.Pages {
		site.Pages = append(site.Pages, render.Link{Title: p.Title, Path: p.URL()})
	}
	for _, t := range s.Tags {
		site.Topics = append(site.Topics, render.Link{Title: t.Name, Path: t.URL()})
	}
	if len(cfg.Consent.Categories) > 0 {
		c := &render.Consent{Version: cfg.Consent.Version, ExpiresDays: cfg.Consent.ExpiresDays}
		for _, cat := range cfg.Consent.Categories {
			rc := render.ConsentCategory{ID: cat.ID, Title: cat.Title, Description: cat.Description, Cookies: cat.Cookies}
			for _, t := range s.Language.Consent {
				if t.ID == cat.ID {
					rc.Title, rc.Description = t.Title, t.Description
				}
			}
			c.Categories = append(c.Categories, rc)
		}
		for _, sc := range cfg.Consent.Scripts {
			c.Scripts = append(c.Scripts, render.ConsentScript{Category: sc.Category, Src: s.consentScriptSrc(sc.Src)})
		}
		site.Consent = c
	}
	return site
}

// allLanguages returns the documents of every language.
func (s *Site) allLanguages() []*Doc {
	var all []*Doc
	for _, ls := range s.Sites() {
		all = append(all, ls.All()...)
	}
	return all
}

// writeExtras writes everything that is not an HTML page or a search
// index: assets, sitemap, each language's feed, gpc.json, static files,
// robots.txt and _redirects. theme is the default language's.
func (s *Site) writeExtras(fsys fs.FS, w output.Writer, theme *render.Theme) diag.List {
	var list diag.List
	write := func(name string, data []byte) {
		if err := w.WriteFile(name, data); err != nil {
			list = append(list, diag.Errorf("public/"+name, 1, 1, "cannot write: %v", err))
		}
	}
	for _, a := range theme.Assets().All() {
		write(a.Path, a.Data)
	}
	base := s.Config.BaseURL
	write("sitemap.xml", feeds.Sitemap(s.sitemap()))
	for _, ls := range s.Sites() {
		write(ls.Language.Prefix()+"feed.xml", ls.feed())
	}
	s.writeGPC(write)
	// A site's own robots.txt replaces the generated one; its _redirects
	// comes first in the one the build writes (see planOutput).
	var redirects []byte
	for _, f := range s.Content.Static {
		data, err := fs.ReadFile(fsys, content.StaticDir+"/"+f)
		if err != nil {
			list = append(list, diag.Errorf(content.StaticDir+"/"+f, 1, 1, "cannot read: %v", err))
			continue
		}
		if f == redirectsFile {
			redirects = data
			continue
		}
		write(f, data)
	}
	if !slices.Contains(s.Content.Static, "robots.txt") {
		write("robots.txt", feeds.Robots(base+"sitemap.xml"))
	}
	if redirects = s.redirects(redirects); len(redirects) > 0 {
		write(redirectsFile, redirects)
	}
	return list
}

// redirectsFile is the file of redirects that Netlify, Cloudflare Pages
// and other hosts read.
const redirectsFile = "_redirects"

// redirects returns the site's own lines of _redirects (from static/),
// then a redirect for each alias.
func (s *Site) redirects(own []byte) []byte {
	out := own
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	for _, d := range s.allLanguages() {
		for _, alias := range d.Aliases {
			out = fmt.Appendf(out, "%s %s 301\n", path.Join(s.Config.BasePath(), alias)+suffixSlash(alias), s.Config.BasePath()+d.URL())
		}
	}
	return out
}

// feed is the Atom feed of the site's articles in s's language.
func (s *Site) feed() []byte {
	base := s.Config.BaseURL
	title, _ := s.titles()
	feed := feeds.Feed{Title: title, SiteURL: base + s.Language.Prefix(), FeedURL: base + s.Language.Prefix() + "feed.xml"}
	recent := slices.Clone(s.Articles)
	slices.SortStableFunc(recent, func(a, b *Doc) int { return b.LastReviewed.Compare(a.LastReviewed) })
	for _, a := range recent {
		feed.Entries = append(feed.Entries, feeds.Entry{Title: a.Title, URL: base + a.URL(), Summary: a.Summary, Updated: a.LastReviewed})
	}
	return feeds.Atom(feed)
}

// sitemap lists every indexable page of every language; a page with
// translations names them all as alternates (with x-default, the default
// language's page), as search engines ask.
func (s *Site) sitemap() []feeds.URL {
	base := s.Config.BaseURL
	many := len(s.Translations) > 0
	alternates := func(alts []render.Alternate) []feeds.Alternate {
		var out []feeds.Alternate
		for _, a := range alts {
			if !a.Missing {
				out = append(out, feeds.Alternate{Lang: a.Code, Href: base + a.Path})
			}
		}
		if len(out) < 2 {
			return nil
		}
		if a := alts[0]; !a.Missing {
			out = append(out, feeds.Alternate{Lang: "x-default", Href: base + a.Path})
		}
		return out
	}
	var urls []feeds.URL
	for _, ls := range s.Sites() {
		prefix := ls.Language.Prefix()
		fixedURL := func(rel string) feeds.URL {
			u := feeds.URL{Loc: base + prefix + rel}
			if many {
				u.Alternates = alternates(ls.fixedAlternates(rel))
			}
			return u
		}
		urls = append(urls, fixedURL(""))
		for _, d := range ls.All() {
			u := feeds.URL{Loc: base + d.URL(), LastMod: d.LastReviewed}
			if many {
				u.Alternates = alternates(ls.docAlternates(d))
			}
			urls = append(urls, u)
		}
		for _, rel := range []string{"glossary/", "tags/", "search/", "cookies/"} {
			urls = append(urls, fixedURL(rel))
		}
		for _, t := range ls.Tags {
			urls = append(urls, feeds.URL{Loc: base + t.URL()})
		}
	}
	return urls
}

func suffixSlash(p string) string {
	if strings.HasSuffix(p, "/") {
		return "/"
	}
	return ""
}

// countingWriter counts the files written and, when names is set,
// records their names.
type countingWriter struct {
	w     output.Writer
	mu    sync.Mutex
	files int64
	names map[string]bool
}

// WriteFile implements output.Writer.
func (c *countingWriter) WriteFile(name string, data []byte) error {
	c.mu.Lock()
	c.files++
	if c.names != nil {
		c.names[name] = true
	}
	c.mu.Unlock()
	return c.w.WriteFile(name, data)
}
