package figure

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// images is a site with a photo that has variants, an SVG and a damaged
// file.
type images struct{}

func (images) Image(p string) (Image, error) {
	switch p {
	case "photo.jpg":
		return Image{Width: 1000, Height: 500, Variants: []Variant{{"v/photo.480.webp", 480}, {"v/photo.1000.webp", 1000}}}, nil
	case "chart.svg":
		return Image{Width: 640, Height: 360}, nil
	case "damaged.png":
		return Image{}, errors.New("this PNG file is damaged")
	}
	return Image{}, ErrNotFound
}

func convert(t *testing.T, md string) (string, []Problem) {
	t.Helper()
	m := goldmark.New(goldmark.WithExtensions(Extension))
	pc := parser.NewContext()
	WithEnv(pc, &Env{BasePath: "/lib/", Images: images{}})
	doc := m.Parser().Parse(text.NewReader([]byte(md)), parser.WithContext(pc))
	var b bytes.Buffer
	if err := m.Renderer().Render(&b, []byte(md), doc); err != nil {
		t.Fatal(err)
	}
	return b.String(), Problems(pc)
}

func TestImages(t *testing.T) {
	const first = "![First](/chart.svg)\n\n"
	for _, tc := range []struct {
		name, md string
		// want are in the HTML, in order; not are not in it.
		want, not []string
		// problem is the rule of the one problem, or "".
		problem string
	}{
		{"caption makes a figure", first + `![A photo](/photo.jpg "At the clinic")`,
			[]string{"<figure>\n<picture>", `alt="A photo" width="1000" height="500"`, "</picture>\n<figcaption>At the clinic</figcaption>\n</figure>"}, []string{"title="}, ""},
		{"no caption, no figure", first + "![A photo](/photo.jpg)",
			[]string{`<p><picture><source type="image/webp" srcset="/lib/v/photo.480.webp 480w, /lib/v/photo.1000.webp 1000w" sizes="` + Sizes + `">`, `<img src="/photo.jpg" alt="A photo" width="1000" height="500" loading="lazy" decoding="async"></picture></p>`}, []string{"<figure>"}, ""},
		{"in a sentence, no figure", first + `See ![a photo](/photo.jpg "At the clinic") here.`,
			[]string{`title="At the clinic"`}, []string{"<figure>", "<figcaption>"}, ""},
		{"SVG: size, no variants", first + `![A chart](/chart.svg "Sleep stages")`,
			[]string{`<figure>`, `<img src="/chart.svg" alt="A chart" width="640" height="360" loading="lazy" decoding="async">`}, []string{"<picture>"}, ""},
		{"the first loads at once", `![A photo](/photo.jpg)`, []string{`width="1000"`}, []string{"loading=", "decoding=", "fetchpriority"}, ""},
		{"decorative", first + `![""](/chart.svg)`, []string{`alt=""`}, []string{"&quot;"}, ""},
		{"decorative, typographic quotes", first + `![“”](/chart.svg)`, []string{`alt=""`}, []string{"“"}, ""},
		{"caption of a decorative image", first + `![""](/chart.svg "Sleep stages")`, []string{`alt=""`, "<figcaption>Sleep stages</figcaption>"}, nil, ""},
		{"caption is plain text", first + `![A chart](/chart.svg "*Sleep* <b>stages</b>")`, []string{"<figcaption>*Sleep* &lt;b&gt;stages&lt;/b&gt;</figcaption>"}, nil, ""},
		{"no description", first + `![](/chart.svg)`, nil, nil, "image-alt"},
		{"a description of spaces", first + `![ ](/chart.svg)`, nil, nil, "image-alt"},
		{"one quote is a description", first + `!["](/chart.svg)`, []string{`alt="&quot;"`}, nil, ""},
		{"damaged", first + `![A chart](/damaged.png)`, []string{`<img src="/damaged.png" alt="A chart" loading="lazy"`}, []string{`alt="A chart" width=`}, "image"},
		{"missing: left to the link check", first + `![A chart](/missing.png)`, nil, []string{`alt="A chart" width=`}, ""},
		{"another site's", first + `![A chart](https://cdn.example/chart.svg)`, []string{`loading="lazy"`}, []string{`alt="A chart" width=`}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html, problems := convert(t, tc.md)
			at := 0
			for _, w := range tc.want {
				i := strings.Index(html[at:], w)
				if i < 0 {
					t.Fatalf("no %q (in order) in\n%s", w, html)
				}
				at += i + len(w)
			}
			for _, n := range tc.not {
				if strings.Contains(html, n) {
					t.Errorf("%q in\n%s", n, html)
				}
			}
			switch {
			case tc.problem == "" && len(problems) > 0:
				t.Errorf("problems %+v", problems)
			case tc.problem != "" && (len(problems) != 1 || problems[0].Rule != tc.problem):
				t.Errorf("problems %+v, want one of rule %s", problems, tc.problem)
			}
		})
	}
}

// TestProblemsAreLocated places each problem at its image: at the alt
// text, or at the "![" of an image without one.
func TestProblemsAreLocated(t *testing.T) {
	md := "Text ![](/chart.svg) and\n![A chart](/damaged.png)\n"
	_, problems := convert(t, md)
	if len(problems) != 2 {
		t.Fatalf("problems %+v", problems)
	}
	for i, want := range []string{"![](/chart.svg)", "A chart]"} {
		if got := md[problems[i].Offset:]; !strings.HasPrefix(got, want) {
			t.Errorf("problem %d is at %q, want %q", i, got, want)
		}
	}
}
