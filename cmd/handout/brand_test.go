package main

import (
	"strings"
	"testing"
)

// TestBrandBadInput runs build and check on a site whose brand colour
// fails contrast, whose logo is missing, whose icon is not an image and
// whose menu leads to a page that does not exist: each is one located
// message, all in one run, and both commands exit 1.
func TestBrandBadInput(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.yaml": `title: Clinic
theme:
  brand: "#ffcc00"
  logo:
    src: static/logo.svg
    alt: Riverside Clinic
  icon: static/icon.png
menu:
  footer:
    - target: Privacy policy
`,
		"content/pages/about.md": "---\ntitle: About us\nsummary: Who we are.\n---\nWe are a clinic.\n",
		"static/icon.png":        "<html>not a picture</html>\n",
	})
	want := []string{
		"site.yaml:3:10: theme.brand #ffcc00 is below WCAG AA contrast: white text on the brand colour (the header, a checked switch) (light mode): 1.5:1, below 4.5:1;",
		"the nearest shade of the same hue that passes everywhere is #856a00",
		"site.yaml:5:10: theme.logo.src: there is no file static/logo.svg",
		"site.yaml:7:9: theme.icon: static/icon.png is not an image: it is XML whose root is <html>, not <svg>",
		`site.yaml:10:15: menu.footer: no article, glossary term or page is called "Privacy policy"`,
	}
	for _, args := range [][]string{{"build", "-s", dir, "-d", t.TempDir() + "/public"}, {"check", "-s", dir}} {
		code, stdout, stderr := runHandout(t, args...)
		if code != 1 {
			t.Errorf("handout %s exited %d, want 1\n%s%s", args[0], code, stdout, stderr)
		}
		out := stdout + stderr
		for _, w := range want {
			if n := strings.Count(out, w); n != 1 {
				t.Errorf("handout %s says %d times\n  %s\nwant once; output:\n%s", args[0], n, w, out)
			}
		}
	}
}
