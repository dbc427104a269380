package site

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"sync"

	"github.com/handout-health/handout/generator/brand"
	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/qrcode"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/templates"
)

// bufferPool holds page buffers: a page is rendered into a buffer that has
// grown to page size already.
var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the capacity past which a page buffer goes back to
// the garbage collector instead of bufferPool.
const maxPooledBuffer = 1 << 20

// renderPages renders pages, judges each as the browser will read it
// (check), and writes them, on every core, noting the share card each
// shows.
func renderPages(pages []pageFor, w output.Writer, check pageCheck, cards *cardBook, progress func(done, total int)) diag.List {
	var mu sync.Mutex
	var list diag.List
	var done int
	parallel.For(len(pages), func(i int) {
		buf := bufferPool.Get().(*bytes.Buffer)
		buf.Reset()
		page := pieceWriter{buf: buf, theme: pages[i].theme, body: string(pages[i].view().Body)}
		err := pages[i].theme.Render(&page, pages[i].site, pages[i].view())
		var problems diag.List
		if err == nil {
			problems = check(pages[i].file, buf.Bytes(), page.pieces)
		}
		if err == nil && len(problems) == 0 {
			// Writers do not keep the bytes, so the buffer can be reused.
			err = w.WriteFile(pages[i].file, buf.Bytes())
		}
		cards.note(pages[i].file, pages[i].view())
		if pages[i].fingerprint != nil {
			pages[i].print = pages[i].fingerprint(pages[i].view())
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
// consent.PageChecker): the document's HTML, or a partial or QR code the
// theme judged (render.Theme.Judged). html/template writes each such value in
// one Write.
type pieceWriter struct {
	buf    *bytes.Buffer
	theme  *render.Theme
	body   string
	pieces []consent.Piece
}

// Write implements io.Writer.
func (w *pieceWriter) Write(p []byte) (int, error) {
	if len(p) >= consent.MinPiece {
		// The theme's pieces passed Clean: the page need not be searched
		// for foreign content there, unlike the document's HTML.
		body := string(p) == w.body
		if body || w.theme.Judged(p) {
			start := w.buf.Len()
			w.pieces = append(w.pieces, consent.Piece{Start: start, End: start + len(p), Plain: !body})
		}
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

// loadTheme parses the theme and the site's overrides for s's language.
// Its template functions take the addresses and the language from s's
// view of the site; templates get the view itself from each page's data
// (Theme.Render), so that a change to it renders pages again without
// parsing the theme again. qrCodes keeps the pages' QR codes (nil: none
// kept).
func (s *Site) loadTheme(fsys fs.FS, qrCodes *qrcode.Cache) (*render.Theme, diag.List) {
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
	return render.Load(s.renderSite(""), render.Options{
		Theme: templates.FS, Overrides: overrides, OverridesPath: overridesDir,
		CodeStyle: cfg.Markdown.HighlightStyle, CodeDarkStyle: cfg.Markdown.HighlightDarkStyle,
		BrandCSS: brand.CSS(s.root.brand.colours),
		Clean:    consent.NewRules(cfg).Clean,
		QRCodes:  qrCodes,
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
	site.Brand, site.Footer, site.Menus = s.root.brand.view(s), s.footerView(), s.menus
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
