package feeds

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestSitemap(t *testing.T) {
	got := string(Sitemap([]URL{
		{Loc: "https://clinic.example/library/"},
		{Loc: "https://clinic.example/library/articles/sleep/", LastMod: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)},
	}))
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://clinic.example/library/</loc>
  </url>
  <url>
    <loc>https://clinic.example/library/articles/sleep/</loc>
    <lastmod>2026-10-01</lastmod>
  </url>
</urlset>
`
	if got != want {
		t.Errorf("sitemap:\n%s\nwant:\n%s", got, want)
	}
}

func TestAtom(t *testing.T) {
	data := Atom(Feed{
		Title: "Library & more", SiteURL: "https://clinic.example/", FeedURL: "https://clinic.example/feed.xml",
		Entries: []Entry{
			{Title: "Sleep <basics>", URL: "https://clinic.example/articles/sleep/", Summary: "Rest.", Updated: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)},
			{Title: "Undated", URL: "https://clinic.example/articles/x/"},
		},
	})
	var feed struct {
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Fatalf("feed.xml is not XML: %v\n%s", err, data)
	}
	if feed.Title != "Library & more" || feed.Updated != "2026-10-01T00:00:00Z" || len(feed.Entries) != 2 {
		t.Errorf("feed = %+v", feed)
	}
	if feed.Entries[0].Title != "Sleep <basics>" || feed.Entries[1].Updated != "2000-01-01T00:00:00Z" {
		t.Errorf("entries = %+v", feed.Entries)
	}
	if !strings.Contains(string(data), `xmlns="http://www.w3.org/2005/Atom"`) {
		t.Error("no Atom namespace")
	}
}

func TestRobots(t *testing.T) {
	if got, want := string(Robots("https://x.example/sitemap.xml")), "User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap.xml\n"; got != want {
		t.Errorf("robots = %q", got)
	}
}
