package consent

import (
	"fmt"
	"testing"

	"github.com/handout-health/handout/generator/internal/weburl"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/markdown/figure"
)

// FuzzCheckHTML compares the check's verdict with a browser-grade parse:
// on any text without SVG or MathML (which the check reads with the tree
// builder itself) but drawings of shapes only, every problem that the HTML standard's tree builder
// (html.Parse, with and without script) shows must be found by the
// tokenizer alone, which the check uses. It also holds every finding to a
// real position, and runs the template and stylesheet checks, which must
// not fail on any input.
func FuzzCheckHTML(f *testing.F) {
	for _, s := range []string{
		`<img src="https://a.example/x">`, `<img src=http:tracker.example/p.gif>`,
		`<script type=text/plain data-consent=x data-src=//t.example/a>`, `<a href="{{.X}}"{{if .Y}} x{{end}}>`,
		`<!-- <`, `<script>`, `<x a='`, "<\x00", `<image src=//t.example/a>`,
		`<noscript><p title="</noscript><img src=//t.example/p>"></noscript>`,
		`<title><img src=//t.example/a></title><textarea><img src=//t.example/b></textarea>`,
		`<table><img src=//t.example/a><tr><td background=//t.example/b></table>`,
		`<select><img src=//t.example/a><style>a{background:url(//t.example/c)}</style></select>`,
		`<html><body><body background=//t.example/a>`, `<frameset><frame src=//t.example/a><noframes><img src=//t.example/b>`,
		`<template><img src=//t.example/a></template>`, `<head><noscript><link rel=stylesheet href=//t.example/a></noscript>`,
		`<style>@import "//t.example/a.css"; b{background:image-set("//t.example/b.png" 1x)}</style>`,
		`<div style="background:u\72l(//t.example/p.gif)">`, `<iframe srcdoc="<img src=//t.example/a>">`,
		`<meta http-equiv=refresh content="0;url=//t.example/">`, `<base href=//t.example/>`,
		`<svg><style><img src=//t.example/a></style></svg>`, `<math><mtext><img src=//t.example/a>`,
		`<plaintext><img src=//t.example/a>`, `<xmp><img src=//t.example/a></xmp><img src=//t.example/b>`,
		`<svg class="qr" viewBox="0 0 9 9"><rect width="9" fill="#fff"/><path d="M0 0h1v1h-1z"/></svg><style><img src=//t.example/a></style>`,
		`<svg class="qr"><path d="M0 0"></path></svg><svg><style><img src=//t.example/a></style></svg>`,
	} {
		f.Add(s)
	}
	r := &Rules{urls: weburl.NewJudge("https://clinic.example/", []string{"https://cdn.clinic.example"})}
	f.Fuzz(func(t *testing.T, src string) {
		b := []byte(src)
		if foreign, _ := tagsThatMatter(b); !foreign {
			var tok, tree []finding
			for _, scripting := range []bool{true, false} {
				r.tokens(b, scripting, false, 0, func(f finding) { tok = append(tok, f) })
				r.tree(b, scripting, false, 0, func(f finding) { tree = append(tree, f) })
			}
			if missed := missing(tree, tok); len(missed) > 0 {
				t.Fatalf("%q: the tree builder finds what the tokenizer does not:\n%s\ntokenizer:\n%s", src, missed, messages(tok))
			}
		}
		for _, d := range r.CheckHTML("f", b) {
			if d.Line < 1 || d.Col < 1 {
				t.Fatalf("bad position %d:%d for %q", d.Line, d.Col, src)
			}
		}
		r.CheckTemplate("f", b)
		r.CheckCSS("f", b)
	})
}

// missing returns the messages of want that got lacks, counting repeats.
func missing(want, got []finding) []string {
	have := map[string]int{}
	for _, f := range got {
		have[f.message]++
	}
	var out []string
	for _, f := range want {
		if have[f.message] == 0 {
			out = append(out, f.message)
			continue
		}
		have[f.message]--
	}
	return out
}

func messages(found []finding) string {
	s := ""
	for _, f := range found {
		s += fmt.Sprintf("  %d %s\n", f.pos, f.message)
	}
	return s
}

// FuzzSafeMarkdownFetchesOnlyImages holds CheckImages to its promise:
// with raw HTML off, whatever the Markdown, every problem that reading the
// converted HTML finds is one that judging the document's images finds.
func FuzzSafeMarkdownFetchesOnlyImages(f *testing.F) {
	for _, s := range []string{
		"![](http:tracker.example/p.gif) ![a](//t.example/a.png \"t\")",
		"<img src=//t.example/a> <script src=//t.example/s.js></script>",
		"[x](javascript:alert(1)) ![y](data:text/html,x) ![z](data:image/png;base64,AA==)",
		"<https://t.example/a> www.t.example [[Sleep]] [^1]\n\n[^1]: ![n](//t.example/n.png)",
		"| a | ![b](https:\\\\t.example/b.png) |\n|---|---|\n",
		"```html\n<img src=//t.example/x>\n```\n\n    <img src=//t.example/y>",
		"![](<//t.example/a b.png>) ![](%2F%2Ft.example/c.png) ![](ｈttps://t.example/d.png)",
		"- [ ] task ![i](//t.example/i.png)\n> quote ![q](//t.example/q.png)",
		"![A photo](/images/a.png \"A caption\")\n\nText ![b](/%2F/t.example/b.png) and ![\"\"](/c.gif)",
	} {
		f.Add(s)
	}
	r := &Rules{urls: weburl.NewJudge("https://clinic.example/", nil)}
	conv := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, src string) {
		res := conv.Convert([]byte(src), markdown.Env{Path: "content/articles/x.md", BasePath: "/", Images: everyImage{}})
		var images []string
		for _, d := range r.CheckImages("x.md", res.Images) {
			images = append(images, d.Message)
		}
		read := r.findings(res.HTML, false)
		var want []finding
		for _, m := range images {
			want = append(want, finding{message: m})
		}
		if missed := missing(read, want); len(missed) > 0 {
			t.Fatalf("%q: reading the HTML finds what the images do not:\n%s\nHTML:\n%s", src, missed, res.HTML)
		}
	})
}

// everyImage says that every site path is an image with two variants,
// named after it, so that the fuzzer's images have pictures.
type everyImage struct{}

func (everyImage) Image(p string) (figure.Image, error) {
	return figure.Image{Width: 1000, Height: 500, Variants: []figure.Variant{{Path: "assets/images/" + p + ".480.webp", Width: 480}, {Path: "assets/images/" + p + ".1000.webp", Width: 1000}}}, nil
}

// FuzzPageChecker holds the page check's skipping to reading the whole
// page: around a piece that passes Clean, plain or not, whatever stands
// before and after it, Check finds what CheckHTML finds, at the same
// places.
func FuzzPageChecker(f *testing.F) {
	piece := `<header class="site-header"><a class="site-name" href="/">Clinic</a><nav aria-label="Main"><ul><li><a href="/tags/">Topics</a></li><li><a href="/glossary/">Glossary</a></li></ul></nav><form action="/search/"><input name="q"></form></header>` + "\n"
	for _, s := range [][2]string{
		{"<!DOCTYPE html><title>x</title><body>", "<img src=//t.example/a></body>"},
		{"<!-- open", "-->"}, {"<", "img src=//t.example/a>"}, {"</", "x>"}, {"<textarea>", "</textarea><img src=//t.example/b>"},
		{"<img src=\"", "\">"}, {"<style>", "</style>"}, {"<script>", "</script><iframe src=//t.example/c></iframe>"},
		{"<svg>", "<style><img src=//t.example/d></style>"}, {"<noscript>", "</noscript>"}, {"<!", ">"},
		{`<svg class="qr" viewBox="0 0 9 9"><path d="M0 0h1v1h-1z"/></svg>`, "<style><img src=//t.example/e></style>"},
		{"<p>", `<svg class="qr"><rect width="9"/></svg><math><style><img src=//t.example/f></style></math>`},
	} {
		f.Add(s[0], s[1])
	}
	r := &Rules{urls: weburl.NewJudge("https://clinic.example/", nil)}
	if !r.Clean([]byte(piece)) {
		f.Fatal("the test's piece does not pass Clean")
	}
	pages := r.Pages()
	f.Fuzz(func(t *testing.T, before, after string) {
		page := []byte(before + piece + after)
		want := r.CheckHTML("p", page).String()
		// The piece as a document's HTML (searched for foreign content),
		// and as a partial that passed Clean (not searched).
		for _, plain := range []bool{false, true} {
			pieces := []Piece{{Start: len(before), End: len(before) + len(piece), Plain: plain}}
			if got := pages.Check("p", page, pieces).String(); got != want {
				t.Fatalf("before %q, after %q, plain %v:\nCheck:\n%s\nCheckHTML:\n%s", before, after, plain, got, want)
			}
		}
	})
}
