// Package feeds writes the machine-readable files of a site: sitemap.xml
// (the sitemaps.org protocol), feed.xml (Atom, RFC 4287, one entry per
// article, newest review first) and robots.txt. Output depends only on the
// input, so two builds of the same site are byte-identical.
package feeds

import (
	"bytes"
	"encoding/xml"
	"time"
)

// URL is one sitemap entry.
type URL struct {
	// Loc is the absolute address.
	Loc string
	// LastMod is the page's last review, or zero.
	LastMod time.Time
	// Alternates are the page in every language, itself included, and
	// x-default; empty for a page in one language.
	Alternates []Alternate
}

// Alternate is a page's version in one language: an xhtml:link of
// Google's sitemap extension for localized pages.
type Alternate struct {
	// Lang is a BCP 47 code or "x-default".
	Lang string
	// Href is the absolute address.
	Href string
}

type sitemapURL struct {
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod,omitempty"`
	Alternates []xhtmlLink `xml:"xhtml:link"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

// Sitemap returns sitemap.xml for the given pages, in the given order.
func Sitemap(urls []URL) []byte {
	set := urlset{}
	for _, u := range urls {
		su := sitemapURL{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			su.LastMod = u.LastMod.Format("2006-01-02")
		}
		for _, a := range u.Alternates {
			su.Alternates = append(su.Alternates, xhtmlLink{Rel: "alternate", HrefLang: a.Lang, Href: a.Href})
			set.XHTML = "http://www.w3.org/1999/xhtml"
		}
		set.URLs = append(set.URLs, su)
	}
	return marshal(set)
}

// Feed is the Atom feed of a site.
type Feed struct {
	Title string
	// SiteURL is the site's absolute base URL; FeedURL the feed's own.
	SiteURL, FeedURL string
	Entries          []Entry
}

// Entry is one article in the feed.
type Entry struct {
	Title, URL, Summary string
	Updated             time.Time
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Links   []atomLink  `xml:"link"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

// epoch stands in for an unknown date: a feed needs one, and the build's
// own clock would make two builds differ.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = epoch
	}
	return t.UTC().Format(time.RFC3339)
}

// Atom returns feed.xml. The feed's updated time is the newest entry's.
func Atom(f Feed) []byte {
	out := atomFeed{
		Title:  f.Title,
		ID:     f.SiteURL,
		Links:  []atomLink{{Href: f.SiteURL}, {Rel: "self", Href: f.FeedURL}},
		Author: f.Title,
	}
	var newest time.Time
	for _, e := range f.Entries {
		if e.Updated.After(newest) {
			newest = e.Updated
		}
		out.Entries = append(out.Entries, atomEntry{
			Title: e.Title, ID: e.URL, Link: atomLink{Href: e.URL},
			Updated: atomTime(e.Updated), Summary: e.Summary,
		})
	}
	out.Updated = atomTime(newest)
	return marshal(out)
}

// Robots returns robots.txt: everything may be crawled, and the sitemap
// is named.
func Robots(sitemapURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + sitemapURL + "\n")
}

func marshal(v any) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	// Encoding plain structs of strings into a buffer cannot fail.
	_ = enc.Encode(v)
	buf.WriteByte('\n')
	return buf.Bytes()
}
