package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/internal/yamlutil"
)

// allowedKeys lists the front-matter keys of each kind (SPEC "Article
// front matter"); any other key is an error.
var allowedKeys = map[Kind][]string{
	Article: {"title", "summary", "synonyms", "tags", "reviewed_by", "last_reviewed", "next_review", "sources", "slug", "draft", "related", "aliases", "lang", "translation_of", "image", "image_alt"},
	Term:    {"term", "synonyms", "slug", "draft", "lang", "translation_of", "image", "image_alt"},
	Page:    {"title", "summary", "slug", "draft", "aliases", "lang", "translation_of", "image", "image_alt"},
}

// dateLayout is the one date format front matter accepts.
const dateLayout = "2006-01-02"

// Parse reads one content file. path is used in diagnostics and to derive
// the default slug. The document is nil when any problem is an error.
func Parse(path string, kind Kind, data []byte, opts Options) (*Document, diag.List) {
	p := &fileParser{path: path, kind: kind, doc: &Document{Kind: kind, Path: path, KeyLines: map[string]int{}}}
	p.parse(data, opts)
	if p.list.HasErrors() {
		return nil, p.list
	}
	return p.doc, p.list
}

type fileParser struct {
	path string
	kind Kind
	doc  *Document
	list diag.List
}

func (p *fileParser) errorf(line, col int, format string, args ...any) {
	p.list = append(p.list, diag.Errorf(p.path, line, col, format, args...))
}

func (p *fileParser) errorAt(node ast.Node, format string, args ...any) {
	line, col := yamlutil.NodePosition(node)
	p.errorf(line, col, format, args...)
}

func (p *fileParser) parse(data []byte, opts Options) {
	if len(bytes.TrimSpace(data)) == 0 {
		p.errorf(1, 1, "empty file: a %s needs front matter (%s)", p.kind, strings.Join(requiredKeys(p.kind), ", "))
		return
	}
	if !utf8.Valid(data) {
		line, col := diag.NewLines(data).Position(firstInvalidUTF8(data))
		p.errorf(line, col, "the file is not UTF-8 text; save it as UTF-8 (in Word: Save As, Plain Text, Unicode UTF-8)")
		return
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	frontMatter, body, ok := p.split(data)
	if !ok {
		return
	}
	p.doc.FrontMatterLine = 1
	if p.decode(frontMatter) {
		p.finish(opts)
	}
	switch {
	case p.list.HasErrors():
	case opts.HoldBody != nil:
		opts.HoldBody(p.doc, body.bytes())
	default:
		p.doc.Body = body.bytes()
	}
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// blankedBody is a body that follows front matter: made with bytes, it
// has one empty line for each line of the front matter, so that it keeps
// the file's line numbers.
type blankedBody struct {
	lines int
	text  []byte
}

func (b blankedBody) bytes() []byte {
	return append(bytes.Repeat([]byte("\n"), b.lines), b.text...)
}

// split separates the front matter from the body. The YAML it returns has
// the opening line blanked, so that it keeps the file's line numbers too.
func (p *fileParser) split(data []byte) (frontMatter []byte, body blankedBody, ok bool) {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if strings.TrimRight(string(first), " \t\r") != "---" {
		p.errorf(1, 1, "no front matter: start the file with a line of three hyphens (---), then %s", strings.Join(requiredKeys(p.kind), ", "))
		return nil, blankedBody{}, false
	}
	lines := 1
	for offset := 0; offset < len(rest); lines++ {
		end := bytes.IndexByte(rest[offset:], '\n')
		next := len(rest)
		if end >= 0 {
			next = offset + end + 1
		}
		line := strings.TrimRight(string(rest[offset:next]), " \t\r\n")
		if line == "---" || line == "..." {
			frontMatter = append([]byte("\n"), rest[:offset]...)
			// One blank line per line break up to the body, so that a file
			// ending at its closing "---" keeps its line count too.
			breaks := lines
			if end >= 0 {
				breaks++
			}
			return frontMatter, blankedBody{lines: breaks, text: rest[next:]}, true
		}
		offset = next
	}
	p.errorf(1, 1, "the front matter opened on line 1 is never closed: add a line of three hyphens (---) after the last key")
	return nil, blankedBody{}, false
}

func requiredKeys(kind Kind) []string {
	if kind == Term {
		return []string{"term:"}
	}
	if kind == Page {
		return []string{"title:"}
	}
	return []string{"title:", "summary:"}
}

// decode reads the YAML into the document; it reports false when the
// YAML could not be read at all, so that no "missing key" noise follows.
func (p *fileParser) decode(frontMatter []byte) bool {
	file, err := yamlutil.Parse(yamlutil.Newlines(frontMatter))
	if err != nil {
		p.list = append(p.list, yamlutil.ErrorDiagnostic(p.path, 0, err))
		return false
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return true
	}
	var pairs []*ast.MappingValueNode
	switch root := file.Docs[0].Body.(type) {
	case *ast.MappingNode:
		pairs = root.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{root}
	default:
		p.errorAt(root, "front matter must be lines of key: value")
		return false
	}
	allowed := allowedKeys[p.kind]
	for _, pair := range pairs {
		key := pair.Key.String()
		line, _ := yamlutil.NodePosition(pair.Key)
		p.doc.KeyLines[key] = line
		if !slices.Contains(allowed, key) {
			p.errorAt(pair.Key, "unknown key %q for a %s (known keys: %s)", key, p.kind, strings.Join(allowed, ", "))
			continue
		}
		p.decodeKey(key, pair.Value)
	}
	return true
}

func (p *fileParser) decodeKey(key string, value ast.Node) {
	d := p.doc
	switch key {
	case "title", "term":
		d.Title = p.text(key, value)
	case "summary":
		d.Summary = p.text(key, value)
	case "lang":
		d.Lang = p.text(key, value)
	case "translation_of":
		d.TranslationOf = p.text(key, value)
	case "reviewed_by":
		d.ReviewedBy = p.text(key, value)
	case "slug":
		d.Slug = p.text(key, value)
		if len(d.Slug) > slug.MaxLen {
			p.errorAt(value, "slug is %d characters long; keep it to %d", len(d.Slug), slug.MaxLen)
		} else if !slug.Valid(d.Slug) {
			p.errorAt(value, "slug %q must be lower-case letters and digits joined by single hyphens, such as sleep-hygiene", d.Slug)
		}
	case "synonyms":
		d.Synonyms = p.textList(key, value)
	case "tags":
		d.Tags = p.textList(key, value)
	case "related":
		d.Related = p.textList(key, value)
	case "aliases":
		for _, item := range listItems(value) {
			a := p.text(key, item)
			if a == "" {
				continue
			}
			if alias, ok := cleanAlias(a); ok {
				line, col := yamlutil.NodePosition(item)
				d.Aliases = append(d.Aliases, alias)
				d.aliasAt = append(d.aliasAt, aliasSource{written: a, line: line, col: col})
			} else {
				p.errorAt(item, "alias %q must be a site path such as /old/path/, without .. or special characters", a)
			}
		}
	case "image":
		p.image(value)
	case "image_alt":
		d.ImageAlt = p.text(key, value)
	case "draft":
		b, ok := value.(*ast.BoolNode)
		if !ok {
			p.errorAt(value, "draft must be true or false")
			return
		}
		d.Draft = b.Value
	case "last_reviewed":
		d.LastReviewed = p.date(key, value)
	case "next_review":
		d.NextReview = p.date(key, value)
	case "sources":
		d.Sources = p.sources(value)
	}
}

// text decodes a scalar as text. Numbers and booleans are taken as written,
// so `title: 1984` is the title "1984".
func (p *fileParser) text(key string, value ast.Node) string {
	switch v := value.(type) {
	case *ast.NullNode:
		return ""
	case *ast.StringNode:
		return strings.TrimSpace(v.Value)
	case *ast.LiteralNode:
		return strings.TrimSpace(v.Value.Value)
	case ast.ScalarNode:
		return strings.TrimSpace(v.GetToken().Value)
	}
	p.errorAt(value, "%s must be text, not a list or a map", key)
	return ""
}

// textList decodes a sequence of scalars; a single scalar is a list of one.
func (p *fileParser) textList(key string, value ast.Node) []string {
	var out []string
	for _, item := range listItems(value) {
		if s := p.text(key, item); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// listItems returns the items of a sequence; a single value is a list of
// one.
func listItems(value ast.Node) []ast.Node {
	if seq, ok := value.(*ast.SequenceNode); ok {
		return seq.Values
	}
	return []ast.Node{value}
}

func (p *fileParser) date(key string, value ast.Node) time.Time {
	s := p.text(key, value)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		p.errorAt(value, "%s %q is not a date: write it as YYYY-MM-DD, such as 2026-10-01", key, s)
	}
	return t
}

func (p *fileParser) sources(value ast.Node) []Source {
	seq, ok := value.(*ast.SequenceNode)
	if !ok {
		p.errorAt(value, "sources must be a list of items with title: and url:")
		return nil
	}
	var out []Source
	for _, item := range seq.Values {
		var pairs []*ast.MappingValueNode
		switch m := item.(type) {
		case *ast.MappingNode:
			pairs = m.Values
		case *ast.MappingValueNode:
			pairs = []*ast.MappingValueNode{m}
		default:
			p.errorAt(item, "each source needs title: and url:")
			continue
		}
		var src Source
		src.Line, _ = yamlutil.NodePosition(item)
		for _, pair := range pairs {
			switch k := pair.Key.String(); k {
			case "title":
				src.Title = p.text(k, pair.Value)
			case "url":
				src.URL = p.text(k, pair.Value)
				if u, err := url.Parse(src.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
					p.errorAt(pair.Value, "source url %q must be a full http(s) address", src.URL)
				}
			default:
				p.errorAt(pair.Key, "unknown key %q in a source (known keys: title, url)", k)
			}
		}
		if src.Title == "" || src.URL == "" {
			p.errorAt(item, "each source needs both title: and url:")
			continue
		}
		out = append(out, src)
	}
	return out
}

// image reads image:, a file of static/ written as a site path
// (/images/sleep.jpg; the leading slash may be left out). Whether the
// file is there and is a picture is the build's to judge, which lists
// static/.
func (p *fileParser) image(value ast.Node) {
	written := p.text("image", value)
	if written == "" {
		return
	}
	clean := strings.TrimPrefix(written, "/")
	if strings.Contains(written, "://") || strings.HasPrefix(written, "//") || strings.Contains(clean, "\\") || !fs.ValidPath(clean) {
		p.errorAt(value, "image %q must be a file of static/, written as its path there, such as /images/sleep.jpg", written)
		return
	}
	line, col := yamlutil.NodePosition(value)
	p.doc.Image, p.doc.imageAt = clean, aliasSource{written: written, line: line, col: col}
}

// cleanAlias normalises an alias to a clean site path ending in "/"
// (unless it names a file such as /old.html) and refuses anything unsafe.
func cleanAlias(a string) (string, bool) {
	if !strings.HasPrefix(a, "/") || strings.Contains(a, "\\") || strings.Contains(a, "//") {
		return "", false
	}
	for _, part := range strings.Split(strings.Trim(a, "/"), "/") {
		// A folder starting with "." is hidden or not served by many hosts.
		if part == "" || strings.HasPrefix(part, ".") {
			return "", false
		}
	}
	clean := path.Clean(a)
	if clean == "/" || !slug.SafePath(strings.TrimPrefix(clean, "/")) {
		return "", false
	}
	if path.Ext(clean) != ".html" {
		clean += "/"
	}
	return clean, true
}

// finish checks required keys and fills defaults.
func (p *fileParser) finish(opts Options) {
	d := p.doc
	for _, k := range requiredKeys(p.kind) {
		key := strings.TrimSuffix(k, ":")
		if _, present := d.KeyLines[key]; !present {
			p.errorf(1, 1, "%s is required in the front matter", key)
		} else if (key == "title" || key == "term") && d.Title == "" || key == "summary" && d.Summary == "" {
			p.errorf(d.KeyLine(key), 1, "%s must not be empty", key)
		}
	}
	name := p.language(opts.Languages)
	if d.Slug == "" {
		d.Slug = slug.Make(name)
		if d.Slug == "" {
			p.errorf(1, 1, "cannot make an address from the file name %q: rename the file or set slug:", path.Base(p.path))
		}
	}
	if d.NextReview.IsZero() && !d.LastReviewed.IsZero() && opts.ReviewInterval != nil {
		d.NextReview = opts.ReviewInterval(d.LastReviewed)
	}
	if _, written := d.KeyLines["image"]; written && d.Image != "" && d.ImageAlt == "" {
		_, line, col := d.ImageSource()
		p.errorf(line, col, "image_alt is required with image: say in a few words what the picture shows, for readers who cannot see it, as image_alt: A nurse washing her hands")
	}
	if !d.NextReview.IsZero() && !d.LastReviewed.IsZero() && d.NextReview.Before(d.LastReviewed) {
		p.errorf(d.KeyLine("next_review"), 1, "next_review %s is before last_reviewed %s", d.NextReview.Format(dateLayout), d.LastReviewed.Format(dateLayout))
	}
}

// language sets the document's language from its file name and lang:
// key, and returns the file name without ".md" and the language code.
func (p *fileParser) language(languages []Language) string {
	d := p.doc
	name := strings.TrimSuffix(path.Base(p.path), ".md")
	if len(languages) == 0 {
		if d.Lang != "" {
			p.errorf(d.KeyLine("lang"), 1, "lang: is for sites in several languages; list them under languages: in site.yaml")
		}
		return name
	}
	find := func(code string) (Language, bool) {
		i := slices.IndexFunc(languages, func(l Language) bool { return strings.EqualFold(l.Code, code) })
		if i < 0 {
			return Language{}, false
		}
		return languages[i], true
	}
	lang := languages[0]
	if base, code, ok := splitLangSuffix(path.Base(p.path)); ok {
		if l, ok := find(code); ok {
			lang, name = l, base
		}
	}
	if d.Lang != "" {
		l, ok := find(d.Lang)
		switch {
		case !ok:
			codes := make([]string, len(languages))
			for i, l := range languages {
				codes[i] = l.Code
			}
			p.errorf(d.KeyLine("lang"), 1, "lang %q is not one of the site's languages (%s)", d.Lang, strings.Join(codes, ", "))
		case name != strings.TrimSuffix(path.Base(p.path), ".md") && l != lang:
			p.errorf(d.KeyLine("lang"), 1, "lang %q does not match the file name's language code %q", d.Lang, lang.Code)
		default:
			lang = l
		}
	}
	d.Lang, d.Prefix = lang.Code, lang.Prefix
	if d.TranslationOf != "" && lang == languages[0] {
		p.errorf(d.KeyLine("translation_of"), 1, "translation_of: is for a translation, and this document is in the default language (%s); add lang: or name the file NAME.<code>.md", lang.Code)
	}
	return name
}

// splitLangSuffix splits "serotonin.es.md" into "serotonin" and "es".
func splitLangSuffix(file string) (name, code string, ok bool) {
	stem := strings.TrimSuffix(file, ".md")
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 || i == len(stem)-1 {
		return stem, "", false
	}
	return stem[:i], stem[i+1:], true
}

// String describes the document for debugging and test failures.
func (d *Document) String() string { return fmt.Sprintf("%s %s (%s)", d.Kind, d.Slug, d.Path) }
