package consent

import (
	"fmt"
	"testing"

	"github.com/handout-health/handout/generator/internal/weburl"
)

// FuzzCheckHTML compares the check's verdict with a browser-grade parse:
// on any text without SVG or MathML (which the check reads with the tree
// builder itself), every problem that the HTML standard's tree builder
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
