package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/search"
)

// The output plan lists every file a build writes, each with its source,
// before anything is written: two sources that would write one file, or
// one that would write a file where another needs a folder (an alias
// /search/index.json/ over the search index), are an error naming both,
// instead of one silently replacing the other. Names are compared without
// regard to case, since the output may be written to a file system that
// ignores it (macOS's, Windows').
//
// Three files of a site's static/ replace or join what the build writes,
// on purpose: robots.txt replaces the generated one (a site that wants
// other rules; the build says so in a note), the lines of _redirects come
// before those the build writes for aliases (hosts use the first rule
// that matches), and the lines of _headers before those the build writes,
// which leave out each header the site's set for the same path (hosts
// send the headers of every rule that matches: see Site.headers).

// Limits on output names, which the plan checks before any folder is
// made. File systems (ext4, APFS, NTFS) take at most 255 bytes in one
// file or folder name. Object stores that static hosts are built on (Amazon
// S3, Google Cloud Storage, Azure) take names of at most 1,024 bytes, and
// macOS takes paths of at most 1,024 bytes, the output folder's included:
// 1,000 leaves a little room for it.
const (
	maxNameBytes = 255
	maxPathBytes = 1000
)

// A source is who puts a file in the output.
type source int

const (
	// generated files are the build's own: the fixed pages, feeds,
	// search index and theme assets.
	generated source = iota
	// document files are an article's, term's or page's own page.
	document
	// aliasPage files are an alias's redirect page.
	aliasPage
	// staticFile files are copied from static/.
	staticFile
)

// A claim is one file of the output and where it comes from.
type claim struct {
	name   string
	source source
	// what names a generated file in messages: "the search page the
	// build makes".
	what string
	// path is the file of a document, alias or static file; line and col
	// locate an alias or static file, to which an error about it is
	// reported; alias is the alias as written.
	path      string
	line, col int
	alias     string
}

// describe names c's source in messages: "the search page the build
// makes", "the page of content/pages/about.md", "static/a.png".
func (c *claim) describe() string {
	switch c.source {
	case document:
		return "the page of " + c.path
	case aliasPage:
		return fmt.Sprintf("the redirect page of alias %s in %s", c.alias, c.path)
	case staticFile:
		return c.path
	}
	return c.what
}

// outputPlan collects the claims on the output's names.
type outputPlan struct {
	// files are the claims by folded name (see fold); folders the first
	// claim inside each folder that holds a file, by folded name; owned
	// the folders into which only the build writes.
	files, folders, owned map[string]*claim
	problems              diag.List
	notes                 []string
}

// planOutput lists every file the site in every language writes (assets
// are the theme's). The plan's problems are the collisions, as errors at
// the alias or static file that causes each; its notes are on the files a
// site's static/ replaces on purpose.
func (s *Site) planOutput(assets []render.Asset) *outputPlan {
	s = s.root
	docs := s.allLanguages()
	// Room for the documents' pages and the static files, and the folders
	// of the pages: a map that grows as it fills was most of the time.
	size := len(docs) + len(s.Content.Static) + 64
	p := &outputPlan{files: make(map[string]*claim, size), folders: make(map[string]*claim, size), owned: map[string]*claim{}}
	s.planGenerated(p, assets)
	for _, d := range docs {
		p.add(&claim{name: fileOf(d.URL()), source: document, path: d.Path})
	}
	for _, d := range docs {
		for i, a := range d.Aliases {
			written, line, col := d.AliasSource(i)
			p.add(&claim{name: fileOf(strings.TrimPrefix(a, "/")), source: aliasPage, path: d.Path, line: line, col: col, alias: written})
		}
	}
	for _, f := range s.Content.Static {
		p.add(&claim{name: f, source: staticFile, path: content.StaticDir + "/" + f, line: 1, col: 1})
	}
	return p
}

// planGenerated claims the files the build makes itself.
func (s *Site) planGenerated(p *outputPlan, assets []render.Asset) {
	gen := func(name, what string) {
		p.add(&claim{name: name, source: generated, what: what})
	}
	for _, ls := range s.Sites() {
		prefix := ls.Language.Prefix()
		gen(prefix+"index.html", "the home page the build makes")
		gen(prefix+"glossary/index.html", "the glossary page the build makes")
		gen(prefix+"tags/index.html", "the topics page the build makes")
		for _, t := range ls.Tags {
			gen(t.URL()+"index.html", fmt.Sprintf("the page the build makes for the topic %q", t.Name))
		}
		gen(prefix+search.Dir+"index.html", "the search page the build makes")
		gen(prefix+search.Dir+"index.json", "the search index the build makes")
		p.own(prefix+search.Dir, "the search page and its index")
		gen(prefix+"cookies/index.html", "the cookie policy page the build makes")
		gen(prefix+"404.html", "the not-found page the build makes")
		if len(s.Translations) > 0 {
			gen(prefix+untranslatedPath+"index.html", "the page the build makes for pages not translated")
		}
		gen(prefix+"feed.xml", "the Atom feed the build makes")
	}
	gen("sitemap.xml", "the sitemap the build makes")
	gen("robots.txt", "the robots.txt the build makes")
	if slices.ContainsFunc(s.allLanguages(), func(d *Doc) bool { return len(d.Aliases) > 0 }) {
		gen(redirectsFile, "the redirects file the build makes for aliases")
	}
	gen(headersFile, "the response headers file the build makes for Netlify and Cloudflare Pages")
	if len(s.Config.Consent.Categories) > 0 {
		gen(consent.GPCPath, "the Global Privacy Control file the build makes for the cookie banner")
	}
	for _, a := range assets {
		gen(a.Path, "the build's copy of the theme's "+a.Name)
	}
	for _, v := range s.images.variantsOf(s.imagesShown()) {
		gen(v.name, fmt.Sprintf("the build's %d-pixel WebP copy of %s", v.width, v.source))
	}
	s.planBrand(p)
	s.planLeaflets(p)
	// The share cards are named by a hash of what they show, known only
	// as pages are rendered: the build claims their folder.
	p.own(cardFolder, "the share cards the build draws")
}

// own claims the whole folder dir (ending in "/") for the build.
func (p *outputPlan) own(dir, what string) {
	p.owned[fold(strings.TrimSuffix(dir, "/"))] = &claim{name: dir, source: generated, what: what}
}

// A meeting is how a claim meets another.
type meeting int

const (
	// sameFile: both are one file.
	sameFile meeting = iota
	// holdsOther: the claim's file is a folder that holds the other's.
	holdsOther
	// insideOther: the claim's file needs a folder that is the other's
	// file.
	insideOther
	// insideOwned: the claim's file is in a folder only the build writes
	// into.
	insideOwned
)

// add claims c's name, unless it is too long or taken.
func (p *outputPlan) add(c *claim) {
	if p.tooLong(c) {
		return
	}
	key := fold(c.name)
	if other := p.files[key]; other != nil {
		if c.source == staticFile && other.source == generated && c.name == other.name && p.replaces(c) {
			p.files[key] = c
			return
		}
		p.collide(c, other, sameFile, c.name, other.name)
		return
	}
	if other := p.folders[key]; other != nil {
		p.collide(c, other, holdsOther, c.name, other.name[:len(key)])
		return
	}
	for dir := path.Dir(key); dir != "."; dir = path.Dir(dir) {
		if other := p.files[dir]; other != nil {
			p.collide(c, other, insideOther, c.name[:len(dir)], other.name)
			return
		}
		if other := p.owned[dir]; other != nil && c.source != generated {
			p.collide(c, other, insideOwned, c.name[:len(dir)], strings.TrimSuffix(other.name, "/"))
			return
		}
	}
	p.files[key] = c
	// A folder already claimed has its parents claimed too.
	for dir := path.Dir(key); dir != "." && p.folders[dir] == nil; dir = path.Dir(dir) {
		p.folders[dir] = c
	}
}

// replaces reports whether the static file c takes the place of the
// generated file of its name on purpose, and notes it: a site's own
// robots.txt replaces the generated one, and its _redirects and _headers
// are written with the build's lines after its own (see writeExtras).
func (p *outputPlan) replaces(c *claim) bool {
	switch c.name {
	case "robots.txt":
		p.notes = append(p.notes, "static/robots.txt replaces the robots.txt the build makes, which names the sitemap: keep a Sitemap: line in yours")
		return true
	case redirectsFile, headersFile:
		return true
	}
	return false
}

// tooLong reports, with an error, a name that no file system or host
// would take.
func (p *outputPlan) tooLong(c *claim) bool {
	var problem string
	for part := range strings.SplitSeq(c.name, "/") {
		if len(part) > maxNameBytes {
			problem = fmt.Sprintf("has a part of %d characters, and file systems take at most %d in one file or folder name", len(part), maxNameBytes)
			break
		}
	}
	if problem == "" && len(c.name) > maxPathBytes {
		problem = fmt.Sprintf("makes a file name of %d characters, and web hosts take at most %d", len(c.name), maxPathBytes)
	}
	if problem == "" {
		return false
	}
	switch c.source {
	case aliasPage:
		p.report(c, "alias %s %s: shorten it, or remove it", shorten(c.alias), problem)
	case staticFile:
		p.report(c, "this file's name %s: shorten it", problem)
	default:
		p.report(c, "%s %s", c.describe(), problem)
	}
	return true
}

// collide reports that c meets other: mine and theirs are the name they
// share, as each spells it.
func (p *outputPlan) collide(c, other *claim, how meeting, mine, theirs string) {
	if c.source == document {
		// Two documents, or a document and a fixed page, with one address:
		// content.CheckAddresses reports it at the document's slug.
		return
	}
	subject, fix := "this file", "rename or move it"
	if c.source == aliasPage {
		subject, fix = "alias "+c.alias, "choose another address, or remove the alias"
		if other.source == aliasPage {
			if other.path == c.path {
				p.report(c, "alias %s is listed twice: remove one", c.alias)
			} else {
				p.report(c, "alias %s is also an alias of %s: keep it in one of them", c.alias, other.path)
			}
			return
		}
		// An alias /feed.xml/ is written as feed.xml/index.html, but it is
		// the address of feed.xml all the same.
		if how == insideOther && strings.EqualFold(mine+"/index.html", c.name) {
			how = sameFile
		}
	}
	var relation string
	switch how {
	case sameFile:
		relation = fmt.Sprintf("has the address of %s (%s)", other.describe(), other.name)
	case holdsOther:
		relation = fmt.Sprintf("has the name of the folder %s/, which holds %s (%s)", theirs, other.describe(), other.name)
	case insideOther:
		relation = fmt.Sprintf("needs a folder %s/, but %s is %s", mine, theirs, other.describe())
	case insideOwned:
		relation = fmt.Sprintf("is in %s/, the folder of %s, where only the build writes", theirs, other.describe())
	}
	if mine != theirs {
		relation += ", to a file system that ignores case"
	}
	p.report(c, "%s %s: %s", subject, relation, fix)
}

// report adds an error at c's source; a generated file (which no site can
// cause) is reported at its place in the output.
func (p *outputPlan) report(c *claim, format string, args ...any) {
	at, line, col := c.path, c.line, c.col
	if at == "" {
		at, line, col = "public/"+c.name, 1, 1
	}
	p.problems = append(p.problems, diag.Errorf(at, line, col, format, args...))
}

// fold is a name as a file system that ignores case sees it. Only ASCII
// letters are folded, so that the name keeps its length in bytes (the
// plan cuts names at a folder's length).
func fold(name string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
}

// shorten cuts a long name for a message.
func shorten(s string) string {
	if len(s) <= 60 {
		return s
	}
	return s[:40] + "..." + s[len(s)-10:]
}
