package site

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/feeds"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/render"
)

// writeExtras writes everything that is not an HTML page or a search
// index: assets, the brand's icons, logo and manifests, sitemap, each
// language's feed, gpc.json, static files, robots.txt, _redirects and
// _headers. theme is the default language's.
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
	for _, f := range s.brand.outputs(s) {
		write(f.name, f.data)
	}
	base := s.Config.BaseURL
	write("sitemap.xml", feeds.Sitemap(s.sitemap()))
	for _, ls := range s.Sites() {
		write(ls.Language.Prefix()+"feed.xml", ls.feed())
	}
	s.writeGPC(write)
	// A site's own robots.txt replaces the generated one; its _redirects
	// and _headers are merged with the generated ones (see planOutput).
	own := map[string][]byte{}
	for _, f := range s.Content.Static {
		data, err := fs.ReadFile(fsys, content.StaticDir+"/"+f)
		if err != nil {
			list = append(list, diag.Errorf(content.StaticDir+"/"+f, 1, 1, "cannot read: %v", err))
			continue
		}
		if f == redirectsFile || f == headersFile {
			own[f] = data
			continue
		}
		write(f, data)
	}
	if !slices.Contains(s.Content.Static, "robots.txt") {
		write("robots.txt", feeds.Robots(base+"sitemap.xml"))
	}
	redirects, problems := s.redirects(own[redirectsFile])
	list = append(list, problems...)
	if len(redirects) > 0 {
		write(redirectsFile, redirects)
	}
	headers, problems := s.headers(own[headersFile])
	list = append(list, problems...)
	write(headersFile, headers)
	return list
}

// redirectsFile is the file of redirects that Netlify, Cloudflare Pages
// and other hosts read.
const redirectsFile = "_redirects"

// redirects returns the site's own lines of _redirects (from static/),
// then a redirect for each alias. Hosts follow the first rule that
// matches, so a line of the site's from an alias's address is the one
// followed: a warning at that line says so.
func (s *Site) redirects(own []byte) ([]byte, diag.List) {
	// The line of the site's first rule from each address.
	from := map[string]int{}
	for i, line := range strings.Split(string(own), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && !strings.HasPrefix(f[0], "#") && from[f[0]] == 0 {
			from[f[0]] = i + 1
		}
	}
	out := own
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	var list diag.List
	for _, d := range s.allLanguages() {
		for _, alias := range d.Aliases {
			src, dst := path.Join(s.Config.BasePath(), alias)+suffixSlash(alias), s.Config.BasePath()+d.URL()
			if line := from[src]; line > 0 {
				list = append(list, diag.Warnf(content.StaticDir+"/"+redirectsFile, line, 1, "this line redirects %s, an alias of %s, and hosts follow it instead of the redirect the build writes to %s: remove the line, or the alias", src, d.Path, dst))
			}
			out = fmt.Appendf(out, "%s %s 301\n", src, dst)
		}
	}
	return out, list
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

// keep has the output keep the file name from an earlier build (see
// keeper), which counts as written.
func (c *countingWriter) keep(name string) bool {
	k, ok := c.w.(keeper)
	if !ok || !k.Keep(name) {
		return false
	}
	c.mu.Lock()
	c.files++
	if c.names != nil {
		c.names[name] = true
	}
	c.mu.Unlock()
	return true
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
