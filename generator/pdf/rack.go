package pdf

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rackPath is where, under the site's base path, the server of the
// built site serves a rack set's document while it is printed.
const rackPath = "_handout-rack/"

// A Rack is a set of leaflets printed as one file, for a waiting room's
// rack: a cover with the clinic's name and logo, the set's title, how
// many leaflets it holds and the day it was printed; a contents page
// that gives the page each leaflet starts on; then each leaflet as it
// prints alone, from a new page, with the pages numbered through.
type Rack struct {
	// Title is the set's (a topic's name, or the site's title for every
	// article); Language the code of the cover's language.
	Title, Language string
	// Words are the cover's and contents' words in that language.
	Words RackWords
	// Leaflets are the set's, in order.
	Leaflets []RackLeaflet
}

// RackWords are the theme's words a rack set's cover and contents show.
type RackWords struct {
	// Contents heads the contents page ("Contents"); Count says how
	// many leaflets the set holds ("19 leaflets"); Page is the page a
	// leaflet starts on, with {0} for the number ("page {0}");
	// PrintedOn is the theme's print.printed_on, with {0} for the day.
	Contents, Count, Page, PrintedOn string
}

// A RackLeaflet is one leaflet of a rack set: the article's title, its
// page in the site ("articles/sleep/") and the pages its leaflet prints
// on (Leaflet.Pages, from Print), which give the contents' page numbers;
// 0 has PrintRack print the page to count them.
type RackLeaflet struct {
	Title, Page string
	Pages       int
}

// PrintRack prints a rack set into one PDF, on opts.Paper. Each leaflet
// is the article's printed page (its header, body and footer) laid into
// one document; the contents' page numbers are counted from the cover
// and contents printed alone first, and the leaflets' own page counts.
func PrintRack(ctx context.Context, rack Rack, opts Options) ([]byte, error) {
	if len(rack.Leaflets) == 0 {
		return nil, fmt.Errorf("a rack set needs at least one leaflet")
	}
	if _, ok := papers[opts.Paper]; !ok {
		return nil, fmt.Errorf("pdf: unknown paper %q", opts.Paper)
	}
	parts := make([]leafletParts, len(rack.Leaflets))
	for i, l := range rack.Leaflets {
		var err error
		if parts[i], err = readParts(opts.Dir, l.Page); err != nil {
			return nil, err
		}
	}
	doc := &rackDoc{Rack: rack, Parts: parts, StartPages: make([]int, len(parts))}
	var front bool
	serve := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := rackTemplate.Execute(w, struct {
			*rackDoc
			FrontOnly bool
		}{doc, front}); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	b, err := startBrowser(ctx, opts, serve)
	if err != nil {
		return nil, err
	}
	defer b.close()
	// The cover and contents alone, with the leaflets' own page counts
	// (a leaflet prints here as it does alone), give each start page.
	front = true
	data, err := b.printPage(rackPath, opts.Paper)
	if err != nil {
		return nil, err
	}
	next := countPages(data) + 1
	for i, l := range rack.Leaflets {
		doc.StartPages[i] = next
		if l.Pages == 0 {
			alone, err := b.printPage(l.Page, opts.Paper)
			if err != nil {
				return nil, err
			}
			l.Pages = countPages(alone)
		}
		next += l.Pages
	}
	front = false
	return b.printPage(rackPath, opts.Paper)
}

// printPage opens and prints one page.
func (b *browser) printPage(pagePath, paper string) ([]byte, error) {
	if err := b.open(pagePath); err != nil {
		return nil, err
	}
	return b.print(paper, false)
}

// rackDoc is what the rack set's template shows.
type rackDoc struct {
	Rack
	Parts      []leafletParts
	StartPages []int
}

// leafletParts are the pieces of an article's built page that print:
// its stylesheets and scripts (the first leaflet's serve the set), its
// header, main and footer.
type leafletParts struct {
	Page, Lang                 string
	Head, Header, Main, Footer template.HTML
}

// readParts reads the pieces of the built page of an article.
func readParts(dir, pagePath string) (leafletParts, error) {
	file := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(pagePath, "/")+"/index.html"))
	data, err := os.ReadFile(file)
	if err != nil {
		return leafletParts{}, fmt.Errorf("reading the page of a leaflet: %w", err)
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return leafletParts{}, fmt.Errorf("%s: %w", file, err)
	}
	p := leafletParts{Page: pagePath}
	var head bytes.Buffer
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch {
		case n.DataAtom == atom.Html:
			p.Lang = attr(n, "lang")
		case n.DataAtom == atom.Link && strings.Contains(attr(n, "rel"), "stylesheet"),
			n.DataAtom == atom.Script && attr(n, "src") != "":
			_ = html.Render(&head, n)
		case n.DataAtom == atom.Header && strings.Contains(attr(n, "class"), "site-header"):
			p.Header = renderNode(n)
		case n.DataAtom == atom.Main:
			p.Main = renderNode(n)
		case n.DataAtom == atom.Footer && strings.Contains(attr(n, "class"), "site-footer"):
			p.Footer = renderNode(n)
		}
	}
	p.Head = template.HTML(head.String()) // the built page's own markup
	return p, nil
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// renderNode writes an element of a built page back as HTML.
func renderNode(n *html.Node) template.HTML {
	var b bytes.Buffer
	_ = html.Render(&b, n)
	return template.HTML(b.String()) // the built page's own markup
}

var rackTemplate = template.Must(template.New("rack").Funcs(template.FuncMap{
	"fill": func(s string, n int) string { return strings.ReplaceAll(s, "{0}", fmt.Sprint(n)) },
}).Parse(`<!DOCTYPE html>
<html lang="{{.Language}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
{{(index .Parts 0).Head}}
<style>
.rack-cover { break-after: page; padding-top: 20mm; }
.rack-cover h1 { font-size: 30pt; margin: 12mm 0 4mm; }
.rack-cover p { font-size: 14pt; }
.rack-contents ol { padding-left: 1.5em; }
.rack-contents li { display: flex; justify-content: space-between; gap: 1em; border-bottom: 1px dotted #000; padding: 1mm 0; }
.rack-leaflet { break-before: page; }
</style>
</head>
<body class="kind-article rack">
<section class="rack-cover">
{{(index .Parts 0).Header}}
<h1>{{.Title}}</h1>
<p>{{.Words.Count}}</p>
<p class="printed-on" data-printed-on="{{.Words.PrintedOn}}" hidden></p>
</section>
<nav class="rack-contents" aria-labelledby="rack-contents">
<h2 id="rack-contents">{{.Words.Contents}}</h2>
<ol>
{{- range $i, $l := .Leaflets}}
<li><span>{{$l.Title}}</span> <span>{{fill $.Words.Page (index $.StartPages $i)}}</span></li>
{{- end}}
</ol>
</nav>
{{- if not .FrontOnly}}
{{- range .Parts}}
<div class="rack-leaflet" lang="{{.Lang}}">
{{.Header}}
{{.Main}}
{{.Footer}}
</div>
{{- end}}
{{- end}}
</body>
</html>
`))
