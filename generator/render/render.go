// Package render executes the theme's html/template files over an fs.FS:
// the embedded default theme with a site's own templates/ folder laid over
// it, file by file (the string files of i18n/ key by key).
//
// Layout: layouts/base.html is the frame; every other file in layouts/
// renders one kind of page ("article.html" renders pages of Kind
// "article") by defining the blocks base.html calls ("main", and
// optionally "head"). partials/ holds pieces the layouts include by file
// name, such as {{template "partials/footer.html" .}}.
//
// Every template receives a Data value: .Site (the site) and .Page (this
// page); see model.go. Functions available to templates:
//
//	url PATH      the address of PATH under the base path: url "glossary/"
//	absURL PATH   the absolute address, for canonical links and feeds
//	asset NAME    the fingerprinted address of a theme asset: asset "style.css"
//	date TIME     a date written out in the site's language: 1 October 2026
//	              (en), October 1, 2026 (en-US), 1er octobre 2026 (fr); see FormatDateIn
//	isoDate TIME  2026-10-01, for <time datetime> and metadata
//	qrCode ADDRESS LABEL   an inline SVG QR code of ADDRESS (package
//	              qrcode), labelled LABEL: a printed page's way back online
//	shortURL ADDRESS   ADDRESS without its scheme, as a reader types it:
//	              clinic.example/articles/sleep/
//	plural N ONE MANY   ONE when N is 1, else MANY
//	partialCached NAME DATA KEY   the partial NAME rendered with DATA once
//	              per KEY and reused: for pieces that are the same on many
//	              pages (header by page kind, footer, banner)
//	partialEach NAME LIST   the partial NAME rendered for each entry of
//	              LIST ([]Entry), one after another: rendered once per
//	              build for each entry's path and reused, since an entry
//	              looks the same wherever it is listed
//	langURL PATH  the address of a fixed section in the page's language:
//	              langURL "glossary/" is /glossary/ in the default language,
//	              /es/glossary/ in Spanish (BasePath + Site.Prefix + PATH)
//	t KEY ARGS...           the theme's string KEY in the page's language,
//	                        its {0}, {1}, ... filled with ARGS
//	tn KEY N ARGS...        the plural string KEY in the form for N: {0} is
//	                        N, {1}, {2}, ... are ARGS
//	tparts KEY ARGS...      the string KEY cut into parts, each with .Text
//	                        and either .URL (a link) or .Code (true for
//	                        code), for partials/parts.html to mark up
//	tscript PREFIX          every string whose key starts with PREFIX,
//	                        unfilled, as an object for a script's JSON block
//	languageName CODE       a language's name in the page's language: the
//	                        string language.CODE, else Language.Name
//
// # The theme's words
//
// Every word the theme shows comes from a string file, i18n/CODE.yaml:
// one `key: text` line per string.
//
//	article.toc: On this page
//	article.overdue: It was last reviewed on {0} and its review was due on {1}.
//	tag.count:
//	  one: "{0} article on this topic."
//	  other: "{0} articles on this topic."
//
// Placeholders are {0}, {1}, ...: t fills them with its arguments in
// order; one with no argument is left as written (a script fills it). The
// result is plain text, which html/template escapes where it is written:
// a string holds no HTML. Links and code are written as Markdown does,
// [text](url) and `code`, in strings that templates write with tparts
// and scripts with their own helper; the url is usually a placeholder.
//
// A plural string has the forms one and other; tn picks "one" for a count
// of 1 (also 0 in French and Portuguese, but that of Portugal) and "other"
// for any other count. t on a plural string gives "other"; a plain text
// where the theme has a plural string is used for every count (languages
// without plural forms).
//
// A page's strings are those of Site.Language: the file of the exact code
// lower-cased (pt-br.yaml), else of its base language (pt.yaml), else
// en.yaml, key by key. A site changes strings with its own
// templates/i18n/CODE.yaml, which is merged with the theme's key by key,
// not put in its place. The theme's en.yaml is the reference: a key of any
// other file that it does not have is an error at that file's line and
// column (a misspelt key must not pass silently), except the open keys
// language.CODE that name languages. A broken string file is an error at
// its line and column, and a key that no file has fails the page that
// asks for it, naming the key. Go code reads the same strings with
// Theme.Text.
//
// Errors in a site's override are reported at the override's file, line
// and column.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/qrcode"
)

// Data is the value every template executes with.
type Data struct {
	Site *Site
	Page *Page
}

// Theme is a parsed theme, ready to render pages. It is safe for
// concurrent use.
type Theme struct {
	site    *Site
	layouts map[string]*template.Template
	assets  *Assets
	// origin maps a template file to the path reported in diagnostics.
	origin map[string]string
	// partials caches the results of partialCached and partialEach,
	// under partialsMu.
	partialsMu sync.RWMutex
	partials   map[partialKey]string
	// clean judges each cached partial once (Options.Clean). Under
	// partialsMu: passed holds the partials that passed, by key;
	// sharedPassed the results of partialCached that passed, which many
	// pages hold; waiting the results of partialEach all of whose
	// entries passed, and the QR codes qrCode drew, until a page takes
	// them (see Judged).
	clean        func([]byte) bool
	passed       map[partialKey]bool
	sharedPassed map[string]bool
	waiting      map[string]bool
	// texts are the theme's words in the site's language.
	texts *texts
	// qrCodes are the QR codes of the pages' addresses (Options.QRCodes).
	qrCodes *qrcode.Cache
}

// partialKey names a cached partial: the partial and the key it was
// rendered for (partialCached's KEY, or the path of partialEach's entry).
type partialKey struct{ name, key string }

// renderPartial renders the partial name with data. The result was
// escaped by html/template as it ran.
func renderPartial(layout *template.Template, name string, data any) (string, error) {
	var buf bytes.Buffer
	if err := layout.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// partialCached returns the template function that renders a partial once
// per key and reuses the result: the header, footer and banner are the
// same on thousands of pages.
func (t *Theme) partialCached(layout *template.Template) func(name string, data any, key string) (template.HTML, error) {
	return func(name string, data any, key string) (template.HTML, error) {
		k := partialKey{name, key}
		t.partialsMu.RLock()
		html, ok := t.partials[k]
		t.partialsMu.RUnlock()
		if !ok {
			var err error
			if html, err = renderPartial(layout, name, data); err != nil {
				return "", err
			}
			passed := t.clean != nil && t.clean([]byte(html))
			t.partialsMu.Lock()
			t.partials[k], t.passed[k] = html, passed
			if passed {
				t.sharedPassed[html] = true
			}
			t.partialsMu.Unlock()
		}
		return template.HTML(html), nil
	}
}

// maxWaiting bounds the lists and codes waiting for a page to take them:
// one that a page does not write whole (escaped in an attribute) is never
// taken.
const maxWaiting = 256

// Judged reports whether p is, byte for byte, a result of partialCached
// or partialEach that passed Options.Clean as the theme rendered it (the
// header, the footer, the cookie banner; a list of entries each of which
// passed), or a QR code qrCode drew (see noteDrawn), which the consent
// check of the page need not read again (see consent.PageChecker). A
// list or a code is taken by the first page that asks.
func (t *Theme) Judged(p []byte) bool {
	t.partialsMu.RLock()
	shared := t.sharedPassed[string(p)]
	t.partialsMu.RUnlock()
	if shared {
		return true
	}
	t.partialsMu.Lock()
	defer t.partialsMu.Unlock()
	if t.waiting[string(p)] {
		delete(t.waiting, string(p))
		return true
	}
	return false
}

// partialEach returns the template function that writes a partial for
// each entry of a list: each rendered once per build, by its path, and
// reused, since an entry looks the same on every page that lists it and a
// library lists each article on many pages (its topics, the A to Z, the
// glossary terms it uses, related articles). One call writes the whole
// list, which costs the template engine a fraction of a range over it,
// and looks its items up under one read lock.
func (t *Theme) partialEach(layout *template.Template) func(string, []Entry) (template.HTML, error) {
	return func(name string, list []Entry) (template.HTML, error) {
		htmls := make([]string, len(list))
		var missing []int
		t.partialsMu.RLock()
		for i := range list {
			html, ok := t.partials[partialKey{name, list[i].Path}]
			if !ok {
				missing = append(missing, i)
			}
			htmls[i] = html
		}
		t.partialsMu.RUnlock()
		passed := make([]bool, len(missing))
		for j, i := range missing {
			html, err := renderPartial(layout, name, list[i])
			if err != nil {
				return "", err
			}
			htmls[i] = html
			passed[j] = t.clean != nil && t.clean([]byte(html))
		}
		if len(missing) > 0 {
			t.partialsMu.Lock()
			for j, i := range missing {
				k := partialKey{name, list[i].Path}
				t.partials[k], t.passed[k] = htmls[i], passed[j]
			}
			t.partialsMu.Unlock()
		}
		size := 0
		for _, html := range htmls {
			size += len(html)
		}
		// The list is written at its exact size: on the A to Z of a
		// large library it is megabytes.
		var b strings.Builder
		b.Grow(size)
		for _, html := range htmls {
			b.WriteString(html)
		}
		t.noteList(name, list, b.String())
		return template.HTML(b.String()), nil
	}
}

// noteList notes a partialEach result for Judged when every entry in it
// passed Options.Clean: pieces that pass and end where reading starts
// afresh pass together.
func (t *Theme) noteList(name string, list []Entry, html string) {
	if t.clean == nil || len(list) == 0 {
		return
	}
	t.partialsMu.Lock()
	defer t.partialsMu.Unlock()
	for i := range list {
		if !t.passed[partialKey{name, list[i].Path}] {
			return
		}
	}
	t.wait(html)
}

// wait notes html for Judged, until a page takes it; under partialsMu.
func (t *Theme) wait(html string) {
	if len(t.waiting) >= maxWaiting {
		clear(t.waiting)
	}
	t.waiting[html] = true
}

// noteDrawn notes a QR code for Judged: qrcode.SVG draws shapes only, with
// nothing of its input but the escaped label, which passes Clean whatever
// the address and the label (consent's TestQRCodesPassClean), so it is
// not read to be judged.
func (t *Theme) noteDrawn(svg string) {
	if t.clean == nil {
		return
	}
	t.partialsMu.Lock()
	defer t.partialsMu.Unlock()
	t.wait(svg)
}

// Options are what Load needs beyond the theme files.
type Options struct {
	// Theme is the default theme (templates.FS).
	Theme fs.FS
	// Overrides is the site's templates/ folder, or nil.
	Overrides fs.FS
	// OverridesPath is the overrides' path in diagnostics, "templates".
	OverridesPath string
	// CodeStyles are the chroma styles for light and dark code blocks.
	CodeStyle, CodeDarkStyle string
	// BrandCSS is appended to style.css after the code styles: the
	// site's colours as the theme's custom properties (brand.CSS).
	BrandCSS []byte
	// Clean, when set, judges each partial the theme renders and caches
	// (consent.Rules.Clean): a page's check skips what passed, where the
	// page holds it whole (see Theme.Judged).
	Clean func(html []byte) bool
	// QRCodes, when set, keeps the QR codes the template function qrCode
	// makes, so that a site built again (handout serve) encodes each
	// address once; nil makes every code afresh.
	QRCodes *qrcode.Cache
}

// Load parses every template and fingerprints every asset.
func Load(site *Site, opts Options) (*Theme, diag.List) {
	files, origin, strs, list := overlay(opts)
	if list.HasErrors() {
		return nil, list
	}
	t := &Theme{site: site, layouts: map[string]*template.Template{}, origin: origin, clean: opts.Clean, qrCodes: opts.QRCodes}
	t.ResetCache()
	texts, problems := loadTexts(site.Language, site.Languages, strs)
	list = append(list, problems...)
	t.texts = texts
	assets, problems := buildAssets(files, opts)
	list = append(list, problems...)
	t.assets = assets
	list = append(list, t.parse(files, opts)...)
	if list.HasErrors() {
		return nil, list
	}
	return t, list
}

// parse parses base.html and the partials, then each layout over a clone
// of them.
func (t *Theme) parse(files map[string][]byte, opts Options) diag.List {
	var list diag.List
	root := template.New("").Funcs(t.funcs())
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "partials/") || name == "layouts/base.html" {
			if _, err := root.New(name).Parse(string(files[name])); err != nil {
				list = append(list, t.templateError(err))
			}
		}
	}
	if _, ok := files["layouts/base.html"]; !ok {
		list = append(list, diag.Errorf(opts.OverridesPath+"/layouts/base.html", 1, 1, "the theme has no layouts/base.html"))
	}
	if list.HasErrors() {
		return list
	}
	for _, name := range names {
		kind, ok := strings.CutPrefix(name, "layouts/")
		if !ok || name == "layouts/base.html" || path.Ext(name) != ".html" {
			continue
		}
		layout, err := root.Clone()
		if err == nil {
			_, err = layout.New(name).Parse(string(files[name]))
		}
		if err != nil {
			list = append(list, t.templateError(err))
			continue
		}
		layout.Funcs(template.FuncMap{"partialCached": t.partialCached(layout), "partialEach": t.partialEach(layout)})
		t.layouts[strings.TrimSuffix(kind, ".html")] = layout
	}
	return list
}

// overlay reads the theme and lays the site's overrides over it. The
// string files of i18n/ are returned apart, the theme's and the site's
// both: they are merged key by key (see loadTexts).
func overlay(opts Options) (files map[string][]byte, origin map[string]string, strs []stringSource, list diag.List) {
	files, origin = map[string][]byte{}, map[string]string{}
	read := func(fsys fs.FS, prefix string, site bool) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p != "." {
					list = append(list, diag.Errorf(prefix+"/"+p, 1, 1, "cannot read: %v", err))
				}
				return nil
			}
			// The site's rule of what is no part of it (hidden names,
			// editors' backups); and the Go file that embeds the default
			// theme, in a repository that is a site itself.
			if p != "." && content.Ignored(content.TemplatesDir+"/"+p, d.IsDir()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || path.Ext(p) == ".go" {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				list = append(list, diag.Errorf(prefix+"/"+p, 1, 1, "cannot read: %v", err))
				return nil
			}
			if name, ok := strings.CutPrefix(p, "i18n/"); ok {
				strs = append(strs, stringSource{name: name, origin: prefix + "/" + p, data: data, site: site})
				return nil
			}
			files[p], origin[p] = data, prefix+"/"+p
			return nil
		})
	}
	read(opts.Theme, "(default theme) templates", false)
	if opts.Overrides != nil {
		read(opts.Overrides, opts.OverridesPath, true)
	}
	return files, origin, strs, list
}

// templateErrorPattern matches html/template's "template: NAME:LINE:COL: MSG"
// (the column is optional).
var templateErrorPattern = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

func (t *Theme) templateError(err error) diag.Diagnostic {
	msg := err.Error()
	if m := templateErrorPattern.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		where := t.origin[m[1]]
		if where == "" {
			where = m[1]
		}
		return diag.Errorf(where, line, col, "%s", m[4])
	}
	return diag.Errorf("templates", 1, 1, "%s", msg)
}

// Render writes page with the layout for its kind; templates see site as
// .Site (nil: the view the theme was loaded with). The view is passed
// here, not kept by the theme, so that a change to it (a new free page in
// the footer, a new topic) renders pages again without parsing the theme
// again; the template functions' addresses and language are the theme's
// own, which change only with site.yaml. On an error w may hold part of
// the page: render into a buffer and discard it then.
func (t *Theme) Render(w io.Writer, site *Site, page *Page) error {
	layout, ok := t.layouts[page.Kind]
	if !ok {
		return fmt.Errorf("the theme has no layouts/%s.html", page.Kind)
	}
	if site == nil {
		site = t.site
	}
	if err := layout.ExecuteTemplate(w, "layouts/base.html", Data{Site: site, Page: page}); err != nil {
		d := t.templateError(err)
		d.Message = fmt.Sprintf("rendering /%s: %s", page.Path, d.Message)
		return &diag.ListError{List: diag.List{d}}
	}
	return nil
}

// ResetCache forgets every partialCached and partialEach result, for a
// build after the content changed.
func (t *Theme) ResetCache() {
	t.partialsMu.Lock()
	t.partials, t.passed = map[partialKey]string{}, map[partialKey]bool{}
	t.sharedPassed, t.waiting = map[string]bool{}, map[string]bool{}
	t.partialsMu.Unlock()
}

// Assets returns the theme's fingerprinted assets.
func (t *Theme) Assets() *Assets { return t.assets }

// Text returns the theme's string key in the site's language, its
// placeholders {0}, {1}, ... filled with args, as the template function t
// does: for the titles and descriptions of the pages the generator makes
// ("glossary.title", "tag.description" with the topic). A key that no
// string file has is returned as it is, so that it shows on the page.
func (t *Theme) Text(key string, args ...any) string {
	s, err := t.texts.text(key, args...)
	if err != nil {
		return key
	}
	return s
}

func (t *Theme) funcs() template.FuncMap {
	return template.FuncMap{
		"url":    func(p string) string { return t.site.BasePath + strings.TrimPrefix(p, "/") },
		"absURL": func(p string) string { return t.site.BaseURL + strings.TrimPrefix(p, "/") },
		"langURL": func(p string) string {
			return t.site.BasePath + t.site.Prefix + strings.TrimPrefix(p, "/")
		},
		"t":            t.texts.text,
		"tn":           t.texts.plural,
		"tparts":       t.texts.parts,
		"tscript":      t.texts.script,
		"languageName": t.texts.languageName,
		"asset": func(name string) (string, error) {
			a, ok := t.assets.byName[name]
			if !ok {
				return "", fmt.Errorf("no asset %q in the theme", name)
			}
			return t.site.BasePath + a.Path, nil
		},
		"date":    func(d time.Time) string { return FormatDateIn(t.site.Language, d) },
		"isoDate": func(d time.Time) string { return d.Format("2006-01-02") },
		"qrCode": func(address, label string) (template.HTML, error) {
			svg, err := t.qrCodes.SVG(address, label)
			if err != nil {
				return "", err
			}
			t.noteDrawn(svg)
			return template.HTML(svg), nil // qrcode.SVG escapes the label and writes nothing else of its input
		},
		"shortURL": func(address string) string {
			_, rest, found := strings.Cut(address, "://")
			if !found {
				return address
			}
			return rest
		},
		// partialCached and partialEach are replaced in each layout (see
		// parse); these only let templates that call them parse.
		"partialCached": func(string, any, string) (template.HTML, error) {
			return "", fmt.Errorf("partialCached is not available here")
		},
		"partialEach": func(string, []Entry) (template.HTML, error) {
			return "", fmt.Errorf("partialEach is not available here")
		},
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
	}
}

// FormatDate writes a date as readers expect it: 1 October 2026.
func FormatDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2 January 2006")
}
