package markdown

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/glossary"
	"github.com/handout-health/handout/generator/markdown/figure"
	"github.com/handout-health/handout/generator/markdown/glossterm"
	"github.com/handout-health/handout/generator/markdown/sections"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/templates"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// fakeSite resolves a few names, files and paths, as the build would.
type fakeSite struct{}

func (fakeSite) ResolveName(name string) (Target, bool) {
	switch strings.ToLower(name) {
	case "serotonin", "5-ht":
		return Target{ID: "content/articles/serotonin.md", URL: "articles/serotonin/"}, true
	case "reuptake":
		return Target{ID: "content/glossary/reuptake.md", URL: "glossary/reuptake/"}, true
	}
	return Target{}, false
}

func (fakeSite) ResolveFile(p string) (Target, bool) {
	if p == "content/glossary/reuptake.md" {
		return Target{ID: p, URL: "glossary/reuptake/"}, true
	}
	return Target{}, false
}

func (fakeSite) HasPath(p string) bool {
	_, err := fakeSite{}.Image(p)
	return p == "about/" || !errors.Is(err, figure.ErrNotFound)
}

// Image tells the sizes and variants of a few images, and fails on two,
// as the site's images would.
func (fakeSite) Image(p string) (figure.Image, error) {
	switch p {
	case "img/brain.png":
		return figure.Image{Width: 1600, Height: 900, Variants: []figure.Variant{
			{Path: "assets/images/brain.3f2a9c1e80.480.webp", Width: 480},
			{Path: "assets/images/brain.3f2a9c1e80.800.webp", Width: 800},
			{Path: "assets/images/brain.3f2a9c1e80.1200.webp", Width: 1200},
		}}, nil
	case "img/small.png":
		return figure.Image{Width: 300, Height: 200, Variants: []figure.Variant{{Path: "assets/images/small.0a1b2c3d4e.300.webp", Width: 300}}}, nil
	case "img/diagram.svg":
		return figure.Image{Width: 640, Height: 360}, nil
	case "img/broken.png":
		return figure.Image{}, errors.New("this PNG file is damaged (unexpected EOF): export it again from the program that made it")
	case "img/huge.png":
		return figure.Image{}, errors.New("this image is 8660×5774 pixels (50 megapixels), and handout takes at most 40 megapixels")
	}
	return figure.Image{}, figure.ErrNotFound
}

func schema() []sections.Spec {
	var out []sections.Spec
	for _, s := range config.DefaultSections() {
		out = append(out, sections.Spec{ID: s.ID, Title: s.Title, Headings: s.Headings})
	}
	out[2].Title = "How it works"
	return out
}

// TestGolden converts testdata/*.txtar: each has input.md and the expected
// output.html and report (sections, links, images, blocks, callouts,
// warnings). The comment may ask for raw HTML ("unsafe"), the test
// glossary ("glossary"), the theme's Spanish words ("Spanish"), the
// site numbers 999, 111 and 116 123 ("contacts"), the images of
// fakeSite ("images") and Vimeo's videos waiting for personalization
// ("videos").
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sectionsByName := map[string]*txtar.File{}
			for i := range ar.Files {
				sectionsByName[ar.Files[i].Name] = &ar.Files[i]
			}
			input := sectionsByName["input.md"]
			if input == nil {
				t.Fatal("no input.md")
			}
			c := New(Options{Sections: schema(), Unsafe: strings.Contains(string(ar.Comment), "unsafe")})
			env := Env{Path: "content/articles/x.md", Self: "content/articles/x.md", BasePath: "/library/", Resolver: fakeSite{}}
			env.Text = render.Words(templates.FS, nil, "en")
			if strings.Contains(string(ar.Comment), "glossary") {
				env.Glossary = testGlossary
			}
			if strings.Contains(string(ar.Comment), "Spanish") {
				env.Text = render.Words(templates.FS, nil, "es")
			}
			if strings.Contains(string(ar.Comment), "videos") {
				env.VideoCategories = map[string]string{"vimeo": "personalization"}
			}
			if strings.Contains(string(ar.Comment), "images") {
				env.Images = fakeSite{}
			}
			if strings.Contains(string(ar.Comment), "contacts") {
				env.Contacts = Contacts{Emergency: "999", Urgent: "111", Crisis: "116 123"}
			}
			res := c.Convert(input.Data, env)
			got := map[string]string{"output.html": string(res.HTML), "report": report(res)}
			for _, name := range []string{"output.html", "report"} {
				f := sectionsByName[name]
				if *update {
					if f == nil {
						ar.Files = append(ar.Files, txtar.File{Name: name})
						f = &ar.Files[len(ar.Files)-1]
					}
					f.Data = []byte(got[name])
					continue
				}
				if f == nil {
					t.Fatalf("no %s (run go test -update)", name)
				}
				if string(f.Data) != got[name] {
					t.Errorf("%s differs.\ngot:\n%s\nwant:\n%s", name, got[name], f.Data)
				}
			}
			if *update {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// testGlossary links a few entries, including the document itself.
var testGlossary = glossary.NewMatcher([]*glossary.Entry{
	{Entry: glossterm.Entry{ID: "content/glossary/reuptake.md", URL: "/library/glossary/reuptake/", Definition: "Taking a messenger back."}, Names: []string{"reuptake", "re-uptake"}},
	{Entry: glossterm.Entry{ID: "content/articles/serotonin.md", URL: "/library/articles/serotonin/", Definition: "A messenger <with> \"quotes\"."}, Names: []string{"serotonin", "5-HT"}},
	{Entry: glossterm.Entry{ID: "content/glossary/vitamin-b6.md", URL: "/library/glossary/vitamin-b6/", Definition: "A B vitamin."}, Names: []string{"vitamin B6"}},
	{Entry: glossterm.Entry{ID: "content/articles/x.md", URL: "/library/articles/x/", Definition: "This page."}, Names: []string{"GABA"}},
})

func report(res Result) string {
	var b strings.Builder
	for _, s := range res.Sections {
		fmt.Fprintf(&b, "section %d %s %q schema=%v\n", s.Line, s.ID, s.Title, s.Schema)
	}
	for _, l := range res.Links {
		fmt.Fprintf(&b, "link %d:%d %q resolved=%v target=%s anchor=%q %s\n", l.Line, l.Col, l.Raw, l.Resolved, l.Target.URL, l.Anchor, l.Problem)
	}
	for _, i := range res.Images {
		fmt.Fprintf(&b, "image %d:%d %q alt=%q", i.Line, i.Col, i.Src, i.Alt)
		if i.Path != "" {
			fmt.Fprintf(&b, " path=%s", i.Path)
		}
		for _, v := range i.Variants {
			fmt.Fprintf(&b, " %s", v)
		}
		b.WriteString("\n")
	}
	for _, term := range res.Terms {
		fmt.Fprintf(&b, "term %s\n", term)
	}
	for _, bl := range res.Blocks {
		fmt.Fprintf(&b, "block %d kind=%d section=%q %q\n", bl.Line, bl.Kind, bl.Section, bl.Text)
	}
	for _, r := range res.Removed {
		fmt.Fprintf(&b, "removed %d:%d %s\n", r.Line, r.Col, r.What)
	}
	for _, c := range res.Callouts {
		fmt.Fprintf(&b, "callout %d:%d %s\n", c.Line, c.Col, c.Kind)
	}
	for _, v := range res.Videos {
		fmt.Fprintf(&b, "video %d:%d %s category=%s transcript=%v\n", v.Line, v.Col, v.Provider, v.Category, v.Transcript)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(&b, "warning %d:%d [%s] %s\n", w.Line, w.Col, w.Rule, w.Message)
	}
	for _, e := range res.Errors {
		fmt.Fprintf(&b, "error %d:%d [%s] %s\n", e.Line, e.Col, e.Rule, e.Message)
	}
	return b.String()
}

func TestSpaceCollapser(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		want  string
	}{
		{[]string{"  Sleep   helps ", " the brain.  "}, "Sleep helps the brain."},
		{[]string{"a\u00a0\u00a0b\n\tc\r\nd"}, "a b c d"},
		{[]string{"© 2026", "\u00a0", "café"}, "© 2026 café"},
		{[]string{"5-HT", "", "levels"}, "5-HTlevels"},
		{[]string{" ", "\n"}, ""},
		{nil, ""},
	} {
		var w spaceCollapser
		for _, p := range tc.parts {
			w.write([]byte(p))
		}
		if got := w.String(); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.parts, got, tc.want)
		}
	}
}
