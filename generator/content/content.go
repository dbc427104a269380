// Package content walks a site's content/ folder and turns each Markdown
// file into a Document: its kind, front matter, body and address.
//
// The folders and the addresses they produce (relative to the base URL):
//
//	content/articles/**/NAME.md   articles/SLUG/    an article
//	content/glossary/**/NAME.md   glossary/SLUG/    a glossary term
//	content/pages/**/NAME.md      SLUG/             a free page (about, ...)
//
// SLUG defaults to NAME made lower-case ASCII with hyphens, and may be set
// with `slug:`. Subfolders only organise files: they do not appear in
// addresses, so a duplicate slug within a kind is an error naming both
// files. Files whose names start with a dot or end in "~" (editors' backup
// and lock files) and files not ending in .md are ignored.
//
// Symbolic links are read through the file system given to Load; handout
// gives it an os.Root, which refuses links that leave the site folder.
// Only regular files are read (a named pipe would block the build), and a
// file over MaxFileBytes is refused without being read whole.
//
// Front matter is YAML between `---` lines at the top of the file. Unknown
// keys are errors. Body keeps the file's line numbers: the front matter is
// replaced by empty lines, so a position in Body is a position in the file.
// Every problem of every file is reported; Load never stops at the first.
package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/fsread"
	"github.com/handout-health/handout/generator/internal/parallel"
)

// Kind is what a document is.
type Kind int

const (
	// Article is a health article with the section schema.
	Article Kind = iota
	// Term is a glossary term.
	Term
	// Page is a free page such as "About" or "Disclaimer".
	Page
)

// String names the kind as templates and messages use it.
func (k Kind) String() string {
	return [...]string{"article", "term", "page"}[k]
}

// Folders maps each kind to its folder under the site root.
var Folders = map[Kind]string{
	Article: "content/articles",
	Term:    "content/glossary",
	Page:    "content/pages",
}

// Source is one item of an article's evidence.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	// Line is the line of the source's item in the front matter.
	Line int `json:"-"`
}

// Document is one Markdown file of the site.
type Document struct {
	Kind Kind
	// Path is the file relative to the site root, with forward slashes.
	Path string
	// Slug is the last part of the document's address.
	Slug string
	// Lang is the code of the document's language, as site.yaml writes
	// it; Prefix is that language's part of the address ("" for the
	// default language, "es/" for others). Both are "" when Load was
	// given no languages.
	Lang, Prefix string
	// TranslationOf names the document this one translates, as its
	// translation_of: key wrote it; "" means the file beside it.
	TranslationOf string
	// Title is the article or page title, or the glossary term.
	Title    string
	Summary  string
	Synonyms []string
	Tags     []string
	Draft    bool

	ReviewedBy   string
	LastReviewed time.Time
	// NextReview is next_review, or last_reviewed plus the site's review
	// interval; zero when neither is known.
	NextReview time.Time
	Sources    []Source
	Related    []string
	// Aliases are the document's former addresses, cleaned: a site path
	// ending in "/" or ".html" (see AliasSource).
	Aliases []string
	aliasAt []aliasSource
	// Image is the picture the page shows when it is shared (image:): a
	// file of static/, as its path there ("images/sleep.jpg"); ImageAlt
	// (image_alt:) says what it shows. See ImageSource.
	Image, ImageAlt string
	imageAt         aliasSource

	// Body is the whole file with the front matter blanked out; nil when
	// loaded with Options.HoldBody, which holds it instead.
	Body []byte
	// KeyLines gives the line of each front-matter key, for messages about
	// a key's value (a review date, a missing source).
	KeyLines map[string]int
	// FrontMatterLine is the line of the opening `---` (1), or 0 when the
	// file has no front matter.
	FrontMatterLine int
}

// URL is the document's address relative to the base URL, such as
// "articles/serotonin/".
func (d *Document) URL() string {
	switch d.Kind {
	case Article:
		return d.Prefix + "articles/" + d.Slug + "/"
	case Term:
		return d.Prefix + "glossary/" + d.Slug + "/"
	default:
		return d.Prefix + d.Slug + "/"
	}
}

// SourceName is the site path of the default-language file a translation
// sits beside: content/articles/serotonin.md for serotonin.es.md. It is ""
// for a document in the default language or one whose file name carries
// no language code.
func (d *Document) SourceName() string {
	name, code, ok := splitLangSuffix(path.Base(d.Path))
	if !ok || d.Prefix == "" || !strings.EqualFold(code, d.Lang) {
		return ""
	}
	return path.Join(path.Dir(d.Path), name+".md")
}

// Names returns the title followed by the synonyms: every name a wiki link
// or the glossary may use for the document.
func (d *Document) Names() []string {
	return append([]string{d.Title}, d.Synonyms...)
}

// aliasSource is an alias as the front matter wrote it, and where.
type aliasSource struct {
	written   string
	line, col int
}

// AliasSource returns the i-th alias as the front matter wrote it (before
// it was cleaned), with its line and column; for a document made without
// front matter, the cleaned alias at the aliases: key.
func (d *Document) AliasSource(i int) (written string, line, col int) {
	if i < len(d.aliasAt) {
		a := d.aliasAt[i]
		return a.written, a.line, a.col
	}
	return d.Aliases[i], d.KeyLine("aliases"), 1
}

// ImageSource returns the image: as the front matter wrote it, with the
// line and column of its value.
func (d *Document) ImageSource() (written string, line, col int) {
	if d.imageAt.line == 0 {
		return "/" + d.Image, d.KeyLine("image"), 1
	}
	return d.imageAt.written, d.imageAt.line, d.imageAt.col
}

// KeyLine returns the line of a front-matter key, or the line of the
// opening `---` when the key is absent.
func (d *Document) KeyLine(key string) int {
	if l, ok := d.KeyLines[key]; ok {
		return l
	}
	return max(d.FrontMatterLine, 1)
}

// Site is everything under content/ and static/.
type Site struct {
	Articles []*Document
	Terms    []*Document
	Pages    []*Document
	// Drafts were found but left out because drafts are not built.
	Drafts []*Document
	// Static lists the files under static/, relative to it.
	Static []string

	languages []Language
}

// All returns every document, articles first, then terms, then pages.
func (s *Site) All() []*Document {
	return slices.Concat(s.Articles, s.Terms, s.Pages)
}

// Language is one of the site's languages, as content needs it.
type Language struct {
	// Code is the code site.yaml gives ("es", "pt-BR").
	Code string
	// Prefix is "" for the default language, else "es/".
	Prefix string
}

// Options controls Load.
type Options struct {
	// Drafts includes documents marked draft: true.
	Drafts bool
	// Languages are the site's languages, the default first. None means
	// one language and no language codes in file names.
	Languages []Language
	// ReviewInterval computes a missing next_review from last_reviewed.
	ReviewInterval func(time.Time) time.Time
	// HoldBody, when set, is given each document's Body as the file is
	// read, instead of the Document keeping it: a caller that holds the
	// bodies elsewhere (a build of a large library, in a scratch file)
	// still reads each file once.
	HoldBody func(d *Document, body []byte)
}

// reservedSlugs are top-level addresses the build writes itself, which a
// free page must not take.
var reservedSlugs = map[string]bool{
	"articles": true, "glossary": true, "tags": true, "search": true,
	"cookies": true, "assets": true, "404": true, "index": true,
	"untranslated": true,
}

// Load reads every document under content/ and lists static/. Problems are
// returned as diagnostics, all of them; documents with errors are left out.
func Load(fsys fs.FS, opts Options) (*Site, diag.List) {
	site := &Site{languages: opts.Languages}
	var list diag.List
	for _, kind := range []Kind{Article, Term, Page} {
		docs, problems := loadKind(fsys, kind, opts)
		list = append(list, problems...)
		for _, d := range docs {
			if d.Draft && !opts.Drafts {
				site.Drafts = append(site.Drafts, d)
				continue
			}
			switch kind {
			case Article:
				site.Articles = append(site.Articles, d)
			case Term:
				site.Terms = append(site.Terms, d)
			default:
				site.Pages = append(site.Pages, d)
			}
		}
	}
	static, problems := ListStatic(fsys)
	site.Static = static
	list = append(list, problems...)
	site.sort()
	return site, list
}

// Replace puts doc in place of the document stored at path (nil removes
// it), keeping the lists sorted. Drafts are the caller's concern.
func (s *Site) Replace(path string, kind Kind, doc *Document) {
	list := s.list(kind)
	i, found := slices.BinarySearchFunc(*list, path, func(d *Document, p string) int { return cmp.Compare(d.Path, p) })
	switch {
	case found && doc != nil:
		(*list)[i] = doc
	case found:
		*list = slices.Delete(*list, i, i+1)
	case doc != nil:
		*list = slices.Insert(*list, i, doc)
	}
}

func (s *Site) list(kind Kind) *[]*Document {
	switch kind {
	case Article:
		return &s.Articles
	case Term:
		return &s.Terms
	}
	return &s.Pages
}

func (s *Site) sort() {
	for _, docs := range [][]*Document{s.Articles, s.Terms, s.Pages} {
		slices.SortFunc(docs, func(a, b *Document) int { return cmp.Compare(a.Path, b.Path) })
	}
}

// loadKind reads and parses the documents of one kind: the folder is
// walked first, then the files are read and parsed on every core. Problems
// come in path order, whatever order the work finishes in.
func loadKind(fsys fs.FS, kind Kind, opts Options) ([]*Document, diag.List) {
	root := Folders[kind]
	var paths []string
	var list diag.List
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && isNotExist(err) {
				return fs.SkipDir
			}
			list = append(list, diag.Errorf(p, 1, 1, "cannot read: %v", err))
			return nil
		}
		if p != root && d.IsDir() && Ignored(p, true) {
			return fs.SkipDir
		}
		if !d.IsDir() && IsContentFile(p) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil && !isNotExist(err) {
		list = append(list, diag.Errorf(root, 1, 1, "cannot read: %v", err))
	}
	docs := make([]*Document, len(paths))
	problems := make([]diag.List, len(paths))
	parallel.For(len(paths), func(i int) {
		data, err := ReadFile(fsys, paths[i])
		if err != nil {
			problems[i] = diag.List{diag.Errorf(paths[i], 1, 1, "cannot read: %v", err)}
			return
		}
		docs[i], problems[i] = Parse(paths[i], kind, data, opts)
	})
	list = append(list, slices.Concat(problems...)...)
	return slices.DeleteFunc(docs, func(d *Document) bool { return d == nil }), list
}

// MaxFileBytes is the largest content file handout reads: about 600,000
// words, a hundred times the longest article. Converting Markdown takes
// some forty times its size in memory, so the limit bounds a build's
// memory whatever is pasted into content/.
const MaxFileBytes = 4 << 20

// ReadFile reads a content file: a regular file (never a named pipe or
// device, which would block) of at most MaxFileBytes. The error says what
// is wrong in an editor's words.
func ReadFile(fsys fs.FS, p string) ([]byte, error) {
	data, err := fsread.ReadFile(fsys, p, MaxFileBytes)
	if errors.Is(err, fsread.ErrTooLarge) {
		return nil, fmt.Errorf("%w; split the article, or move embedded images to static/", err)
	}
	return data, err
}

// IsContentFile reports whether a file of content/ (a slash path relative
// to the site) is a document: a .md file that the site does not ignore
// (see Ignored: not hidden, not an editor's backup).
func IsContentFile(rel string) bool {
	return strings.HasSuffix(rel, ".md") && !Ignored(rel, false)
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// CheckAddresses reports documents whose address another document has
// already taken (a duplicate slug), and free pages whose slug is reserved
// for the site's own pages. Load does not call it, so that a caller that
// changes the site can check it as it is.
func CheckAddresses(site *Site) diag.List {
	var list diag.List
	seen := map[string]*Document{}
	for _, d := range site.All() {
		key := d.URL()
		if d.Kind == Page && (reservedSlugs[d.Slug] || slices.ContainsFunc(site.languages, func(l Language) bool { return l.Prefix == d.Slug+"/" })) {
			list = append(list, diag.Errorf(d.Path, d.KeyLine("slug"), 1, "slug %q is reserved for the site's own pages; choose another", d.Slug))
			continue
		}
		if first, ok := seen[key]; ok {
			list = append(list, diag.Errorf(d.Path, d.KeyLine("slug"), 1, "duplicate slug %q: %s has it too (set slug: in one of them)", d.Slug, first.Path))
			continue
		}
		seen[key] = d
	}
	return list
}

// Day is the calendar day of t, as midnight UTC: the day by which a build
// and check judge reviews ("Next review due" on or before it is overdue).
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
