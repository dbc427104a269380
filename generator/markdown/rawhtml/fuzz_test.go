package rawhtml_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/handout-health/handout/generator/internal/htmlattr"
	"github.com/handout-health/handout/generator/markdown"
)

// FuzzSanitize converts any Markdown with raw HTML on and reads the HTML
// as a browser does, with the HTML standard's tree builder (scripting on,
// in the <div> of a page's body): no element, attribute or address of it
// may run script, but a script that consent gates.
func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{
		`<img src=x onerror=alert(1)>`,
		"<svg><style><img src=x onerror=alert(1)></style></svg>",
		"<svg>\n\n<style>\n<img src=x onerror=alert(1)>\n</style>",
		"<textarea>\n\n<style></textarea><img src=x onerror=alert(1)></style>",
		"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
		`<a href="java&#x09;script:alert(1)">x</a> <a href="&#0000106avascript:x">y</a>`,
		"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
		"<script type=text/plain data-consent=a>x</script><script type=text/plain>y</script>",
		"<!-- --!><img src=x onerror=alert(1)> -->",
		"<div\n\n<img src=x onerror=alert(1)>",
		"<p title='\n\n' onclick='x()'>",
		"[x](javascript:alert(1)) <javascript:x> ![y](data:text/html,z)",
		"<iframe srcdoc='<script>x</script>'></iframe><object data=x></object>",
		"<xmp><script>x</script></xmp><noembed><img src=x onerror=y></noembed>",
		"<select><style><img src=x onerror=y></style></select>",
		"<template><img src=x onerror=y></template>",
		"<form><button formaction=javascript:x>b</button></form>",
	} {
		f.Add(seed)
	}
	conv := markdown.New(markdown.Options{Unsafe: true})
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	f.Fuzz(func(t *testing.T, src string) {
		res := conv.Convert([]byte(src), markdown.Env{Path: "content/articles/x.md"})
		nodes, err := html.ParseFragment(bytes.NewReader(res.HTML), context)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range nodes {
			for e := range n.Descendants() {
				if p := scriptIn(e); p != "" {
					t.Fatalf("%s\nin the HTML of %q:\n%s", p, src, res.HTML)
				}
			}
		}
		for _, r := range res.Removed {
			if r.Line < 1 || r.Col < 1 || r.Line > strings.Count(src, "\n")+1 {
				t.Errorf("removal at %d:%d outside the source: %s", r.Line, r.Col, r.What)
			}
		}
	})
}

// scriptIn says how a node of the browser's tree runs script, or "".
func scriptIn(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	if n.Namespace != "" {
		return "foreign content: <" + n.Namespace + " " + n.Data + ">"
	}
	get := func(key string) string {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	switch n.Data {
	case "script":
		if !strings.EqualFold(strings.TrimSpace(get("type")), "text/plain") || get("data-consent") == "" {
			return "a script that consent does not gate"
		}
	case "base", "meta", "link", "object", "embed", "applet", "frame", "frameset", "plaintext":
		return "a <" + n.Data + "> element"
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		if htmlattr.IsHandler(key) || key == "srcdoc" {
			return "attribute " + key
		}
		if htmlattr.IsAddress(key) {
			if _, why, bad := htmlattr.RunsScript(n.Data, key, a.Val); bad {
				return key + "=" + a.Val + " " + why
			}
		}
	}
	return ""
}
