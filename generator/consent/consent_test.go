package consent_test

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/templates"
)

// testConfig is a site at https://clinic.example/library/ with a CDN it
// trusts and two consent categories.
func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, list := config.Parse([]byte(`title: Test
base_url: https://clinic.example/library/
consent:
  allowed_origins: [https://cdn.clinic.example]
  categories:
    - id: analytics
      title: Analytics
      description: Which pages people read.
    - id: marketing
      title: Marketing
      description: News about the clinic on other sites.
`))
	if list.HasErrors() {
		t.Fatal(list)
	}
	return cfg
}

func summary(list interface{ String() string }) string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(list.String()), "\n") {
		if l == "" {
			continue
		}
		// "f.html:3:5: third-party script https://... is ..." -> "3:5 third-party script https://..."
		_, rest, _ := strings.Cut(l, ":")
		pos, msg, _ := strings.Cut(rest, ": ")
		words := strings.Fields(msg)
		out = append(out, pos+" "+strings.Join(words[:min(3, len(words))], " "))
	}
	return strings.Join(out, "\n")
}

func TestCheckHTML(t *testing.T) {
	rules := consent.NewRules(testConfig(t))
	for _, tc := range []struct {
		name, html, want string
	}{
		{"relative script", `<script src="/library/assets/site.js"></script>`, ""},
		{"own origin", `<img src="https://clinic.example/library/img/a.png" alt="">`, ""},
		{"own host, other port", `<img src="https://clinic.example:8443/a.png" alt="">`, `1:1 third-party image https://clinic.example:8443/a.png`},
		{"trusted CDN", `<link rel="stylesheet" href="https://cdn.clinic.example/theme.css">`, ""},
		{"trusted CDN, protocol-relative", `<script src="//cdn.clinic.example/a.js"></script>`, ""},
		{"third-party script", "<p>Hi</p>\n  <script async src=\"https://tracker.example/t.js\"></script>", "2:3 third-party script https://tracker.example/t.js"},
		{"protocol-relative", `<script src="//tracker.example/t.js"></script>`, "1:1 third-party script //tracker.example/t.js"},
		{"upper case, unquoted", `<SCRIPT SRC=HTTPS://Tracker.Example/t.js></SCRIPT>`, "1:1 third-party script HTTPS://Tracker.Example/t.js"},
		{"character references", `<img alt="" src="https://px.example/p?a=1&amp;b=2">`, "1:1 third-party image https://px.example/p?a=1&b=2"},
		{"iframe", `<iframe title="Video" src="https://video.example/embed/1"></iframe>`, "1:1 third-party frame https://video.example/embed/1"},
		{"srcset", `<img src="a.png" srcset="a2.png 2x, https://img.example/a3.png 3x" alt="">`, "1:1 third-party image https://img.example/a3.png"},
		{"video poster", `<video controls poster="https://img.example/p.jpg"></video>`, "1:1 third-party <video> https://img.example/p.jpg"},
		{"object", `<object data="https://x.example/a.swf"></object>`, "1:1 third-party <object> https://x.example/a.swf"},
		{"stylesheet", `<link href="https://fonts.example/css" rel="stylesheet">`, `1:1 third-party <link rel="stylesheet">`},
		{"preconnect", `<link rel="preconnect" href="https://fonts.example">`, `1:1 third-party <link rel="preconnect">`},
		{"canonical is no request", `<link rel="canonical" href="https://elsewhere.example/a/">`, ""},
		{"a link is no request", `<a href="https://www.nhs.uk/">NHS</a>`, ""},
		{"data URL", `<img src="data:image/gif;base64,R0lGOD" alt="">`, ""},
		{"in a comment", `<!-- <script src="https://tracker.example/t.js"></script> -->`, ""},
		{"in script text", `<script>var s = '<img src="https://tracker.example/p.gif">';</script>`, ""},
		{"gated script", `<script type="text/plain" data-consent="analytics" data-src="https://tracker.example/t.js"></script>`, ""},
		{"gated inline script", `<script type="text/plain" data-consent="analytics">track()</script>`, ""},
		{"gated iframe", `<iframe data-consent="marketing" data-src="https://video.example/e" title="Video"></iframe>`, ""},
		{"gated pixel", `<img data-consent="marketing" data-src="https://px.example/p.gif" alt="">`, ""},
		{"gated but with src", `<script type="text/plain" data-consent="analytics" src="https://tracker.example/t.js"></script>`, `1:1 <script data-consent="analytics"> also`},
		{"gated first-party with src", `<img data-consent="marketing" src="/p.gif" alt="">`, `1:1 <img data-consent="marketing"> also`},
		{"gated script that runs", `<script data-consent="analytics">track()</script>`, `1:1 <script data-consent="analytics"> needs`},
		{"unknown category", `<iframe data-consent="ads" data-src="https://v.example/"></iframe>`, `1:1 data-consent="ads" names no`},
		{"gated link", `<link rel="stylesheet" data-consent="marketing" data-href="https://x.example/a.css">`, `1:1 a <link> cannot`},
		{"two findings", "<img src=\"https://a.example/1.png\" alt=\"\">\n<img src=\"https://a.example/2.png\" alt=\"\">", "1:1 third-party image https://a.example/1.png\n2:1 third-party image https://a.example/2.png"},
		{"multi-byte column", `<p>Café – <img src="https://a.example/1.png" alt=""></p>`, "1:11 third-party image https://a.example/1.png"},
		{"unterminated tag", `<img src="https://a.example/1.png`, "1:1 third-party image https://a.example/1.png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(rules.CheckHTML("f.html", []byte(tc.html)))
			if got != tc.want {
				t.Errorf("CheckHTML(%s)\n got: %s\nwant: %s", tc.html, got, tc.want)
			}
		})
	}
}

// TestCheckHTMLLikeABrowser holds the ways of writing a request to a
// third party that a string comparison let through (issue 18), and more:
// each is read as a browser reads it. The site is
// https://clinic.example/library/, trusting https://cdn.clinic.example.
func TestCheckHTMLLikeABrowser(t *testing.T) {
	rules := consent.NewRules(testConfig(t))
	for _, tc := range []struct {
		name, html, want string
	}{
		// Addresses as the WHATWG URL standard resolves them.
		{"scheme without slashes", `<img src="http:tracker.example/p.gif" alt="">`, "1:1 third-party image http:tracker.example/p.gif"},
		{"scheme with one slash", `<img src="http:/tracker.example/p.gif" alt="">`, "1:1 third-party image http:/tracker.example/p.gif"},
		{"scheme in capitals", `<img src="HTTP:tracker.example/p.gif" alt="">`, "1:1 third-party image HTTP:tracker.example/p.gif"},
		{"https without slashes, read over http", `<img src="https:tracker.example/p.gif" alt="">`, "1:1 third-party image https:tracker.example/p.gif"},
		{"backslashes after the scheme", `<img src="https:\\tracker.example/p.gif" alt="">`, `1:1 third-party image https:\\tracker.example/p.gif`},
		{"two backslashes", `<img src="\\tracker.example/p.gif" alt="">`, `1:1 third-party image \\tracker.example/p.gif`},
		{"slash and backslash", `<img src="/\tracker.example/p.gif" alt="">`, `1:1 third-party image /\tracker.example/p.gif`},
		{"character reference in the scheme", `<img src="h&#116;tps://tracker.example/p.gif" alt="">`, "1:1 third-party image https://tracker.example/p.gif"},
		{"named reference in the scheme", `<img src="https&colon;//tracker.example/p.gif" alt="">`, "1:1 third-party image https://tracker.example/p.gif"},
		{"tab in the scheme", "<img src=\"ht\ttps://tracker.example/p.gif\" alt=\"\">", "1:1 third-party image ht\\ttps://tracker.example/p.gif"},
		{"line break after the slashes", "<img src=\"//\ntracker.example/p.gif\" alt=\"\">", "1:1 third-party image //\\ntracker.example/p.gif"},
		{"leading space and control", "<img src=\" \x01//tracker.example/p.gif\" alt=\"\">", "1:1 third-party image \\x01//tracker.example/p.gif"},
		{"user name that looks like the site", `<img src="https://clinic.example@tracker.example/p.gif" alt="">`, "1:1 third-party image https://clinic.example@tracker.example/p.gif"},
		{"host that starts like the site", `<img src="https://clinic.example.tracker.example/p.gif" alt="">`, "1:1 third-party image https://clinic.example.tracker.example/p.gif"},
		{"percent-encoded host", `<img src="https://tr%61cker.example/p.gif" alt="">`, "1:1 third-party image https://tr%61cker.example/p.gif"},
		{"address as hex", `<img src="http://0x7f.1/p.gif" alt="">`, "1:1 third-party image http://0x7f.1/p.gif"},
		{"own host over http", `<img src="http://clinic.example/library/a.png" alt="">`, ""},
		{"own host with its default port", `<img src="https://clinic.example:443/library/a.png" alt="">`, ""},
		{"relative path with a colon later", `<img src="img/a:b.png" alt="">`, ""},
		{"relative with dot segments", `<img src="../../../../a.png" alt="">`, ""},
		// Everything that fetches.
		{"srcset candidate with a scheme trick", `<img src="a.png" srcset="a.png 1x, http:tracker.example/p.gif 2x" alt="">`, "1:1 third-party image http:tracker.example/p.gif"},
		{"imagesrcset of a preload", `<link rel="preload" as="image" href="/a.png" imagesrcset="https://tracker.example/a.png 2x">`, `1:1 third-party <link rel="preload">`},
		{"source in a picture", `<picture><source srcset="https://img.example/a.webp"><img src="a.png" alt=""></picture>`, "1:10 third-party image or"},
		{"SVG image href", `<svg><image href="https://tracker.example/p.gif"/></svg>`, "1:19 third-party image (href)"},
		{"SVG image xlink:href", `<svg><image xlink:href="https://tracker.example/p.gif"/></svg>`, "1:25 third-party image (xlink:href)"},
		{"SVG feImage", `<svg><filter id="f"><feImage href="https://tracker.example/p.gif"/></filter></svg>`, "1:36 third-party image (href)"},
		{"SVG use", `<svg><use href="https://tracker.example/s.svg#i"/></svg>`, "1:17 third-party <use> (href)"},
		{"SVG fill", `<svg><rect fill="url(https://tracker.example/s.svg#g)"/></svg>`, "1:22 third-party address https://tracker.example/s.svg#g"},
		{"HTML image element", `<image src="https://tracker.example/p.gif">`, "1:1 third-party image https://tracker.example/p.gif"},
		{"background attribute", `<table background="https://tracker.example/p.gif"><tr><td>x</td></tr></table>`, "1:1 third-party <table> (background)"},
		{"body background", `<body background="//tracker.example/p.gif">`, "1:1 third-party <body> (background)"},
		{"style attribute", `<div style="background:url(https://tracker.example/p.gif)">x</div>`, "1:1 third-party address https://tracker.example/p.gif"},
		{"style attribute with an escape", `<div style="background:u\72l(https://tracker.example/p.gif)">x</div>`, "1:1 third-party address https://tracker.example/p.gif"},
		{"style attribute with a reference", `<div style="background:url(&quot;https://tracker.example/p.gif&quot;)">x</div>`, "1:1 third-party address https://tracker.example/p.gif"},
		{"style element import", "<style>\n@import 'https://fonts.example/a.css';\n</style>", "2:9 stylesheet loads third-party"},
		{"style element url", "<style>body{background:url(//tracker.example/p.gif)}</style>", "1:24 stylesheet loads third-party"},
		{"style element image-set", `<style>b{background:image-set("https://tracker.example/a.png" 1x)}</style>`, "1:31 stylesheet loads third-party"},
		{"object data", `<object data="//tracker.example/a"></object>`, "1:1 third-party <object> //tracker.example/a"},
		{"embed src", `<embed src="https://tracker.example/a">`, "1:1 third-party <embed> https://tracker.example/a"},
		{"audio and track", `<audio src="https://media.example/a.mp3"><track src="https://media.example/a.vtt"></audio>`, "1:1 third-party <audio> https://media.example/a.mp3\n1:42 third-party <track> https://media.example/a.vtt"},
		{"image input", `<input type="image" src="https://tracker.example/b.png" alt="Go">`, "1:1 third-party image https://tracker.example/b.png"},
		{"frame", `<frameset><frame src="https://tracker.example/"></frameset>`, "1:11 third-party frame https://tracker.example/"},
		{"form action", `<form action="https://forms.example/submit"><input name="q"></form>`, "1:1 third-party form address"},
		{"button formaction", `<form><button formaction="https://forms.example/x">Send</button></form>`, "1:7 third-party form address"},
		{"link ping", `<a href="/library/about/" ping="https://tracker.example/ping">About</a>`, "1:1 third-party ping address"},
		{"attributionsrc", `<a href="/a/" attributionsrc="https://tracker.example/a">A</a>`, "1:1 third-party <a> (attributionsrc)"},
		{"icon", `<link rel="icon" href="https://tracker.example/favicon.ico">`, `1:1 third-party <link rel="icon">`},
		{"a rel not known to fetch nothing", `<link rel="modulepreload" href="https://tracker.example/m.js">`, `1:1 third-party <link rel="modulepreload">`},
		{"alternate stylesheet", `<link rel="alternate stylesheet" href="https://fonts.example/b.css">`, `1:1 third-party <link rel="alternate`},
		{"alternate feed is no request", `<link rel="alternate" type="application/atom+xml" href="https://feeds.example/a.xml">`, ""},
		{"meta refresh", `<meta http-equiv="refresh" content="0; URL='https://tracker.example/'">`, "1:1 this meta refresh"},
		{"base", `<base href="https://evil.example/">`, "1:1 a <base> element"},
		{"srcdoc", `<iframe srcdoc="&lt;img src=https://tracker.example/p.gif&gt;" title="x"></iframe>`, "1:1 in the srcdoc"},
		// What only the tree builder knows.
		{"noscript pixel", `<noscript><img src="https://tracker.example/p.gif" alt=""></noscript>`, "1:11 third-party image https://tracker.example/p.gif"},
		{"noscript that ends in an attribute", `<noscript><p title="</noscript><img src=https://tracker.example/p.gif>"></noscript>`, "1:32 third-party image https://tracker.example/p.gif"},
		{"style in SVG holds markup", `<svg><style><img src="https://tracker.example/p.gif"></style></svg>`, "1:23 third-party image https://tracker.example/p.gif"},
		{"CDATA in SVG is text", `<svg><![CDATA[<img src="https://tracker.example/p.gif">]]></svg>`, ""},
		{"math text holds HTML", `<math><mtext><img src="https://tracker.example/p.gif"></mtext></math>`, "1:24 third-party image https://tracker.example/p.gif"},
		// What runs script.
		{"event handler", `<img src="a.png" alt="" onerror="this.src='https://tracker.example/p.gif'">`, "1:1 the onerror attribute"},
		{"javascript link", `<a href=" JavaScript:alert(1)">x</a>`, `1:1 href=" JavaScript:alert(1)" runs`},
		{"vbscript link", `<a href="vbscript:msgbox(1)">x</a>`, `1:1 href="vbscript:msgbox(1)" runs script:`},
		{"data page in a frame", `<iframe src="data:text/html,<script>x</script>" title="x"></iframe>`, `1:1 src="data:text/html,<script>x</script>" is a`},
		{"gated address that would run script", `<iframe data-consent="marketing" data-src="javascript:alert(1)" title="x"></iframe>`, `1:1 data-src="javascript:alert(1)" runs script:`},
		{"data image is fine", `<img src="data:image/svg+xml,%3Csvg%3E" alt="">`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(rules.CheckHTML("f.html", []byte(tc.html)))
			if got != tc.want {
				t.Errorf("CheckHTML(%s)\n got: %s\nwant: %s", tc.html, got, tc.want)
			}
		})
	}
}

func TestCheckTemplate(t *testing.T) {
	rules := consent.NewRules(testConfig(t))
	for _, tc := range []struct {
		name, tmpl, want string
	}{
		{"computed address", `<script src="{{.Site.Analytics}}"></script>`, ""},
		{"computed path on a third party", `<script src="https://tracker.example/{{.ID}}.js"></script>`, "1:1 third-party script https://tracker.example/{{…}}.js"},
		{"computed host", `<img src="https://{{.Host}}/p.gif" alt="">`, ""},
		{"actions between attributes", "<a href=\"{{url .Path}}\"{{if .Current}} aria-current=\"page\"{{end}}>x</a>\n{{/* a comment with <script src=\"https://t.example/a.js\"> */}}\n  <img src=\"https://px.example/p.gif\" alt=\"{{.Alt}}\">", "3:3 third-party image https://px.example/p.gif"},
		{"gated with computed category", `<script type="text/plain" data-consent="{{.Category}}" data-src="{{.Src}}"></script>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := summary(rules.CheckTemplate("t.html", []byte(tc.tmpl))); got != tc.want {
				t.Errorf("CheckTemplate(%s)\n got: %s\nwant: %s", tc.tmpl, got, tc.want)
			}
		})
	}
}

// The default theme must pass its own check, for a site with consent
// categories and one without.
func TestDefaultThemePasses(t *testing.T) {
	for _, cfg := range []*config.Config{testConfig(t), config.Default()} {
		rules := consent.NewRules(cfg)
		err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(templates.FS, p)
			if err != nil {
				return err
			}
			switch path.Ext(p) {
			case ".html":
				if list := rules.CheckTemplate(p, data); len(list) > 0 {
					t.Errorf("the default theme fails the consent check:\n%s", list)
				}
			case ".css":
				if list := rules.CheckCSS(p, data); len(list) > 0 {
					t.Errorf("the default theme fails the consent check:\n%s", list)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestCheckCSS(t *testing.T) {
	rules := consent.NewRules(testConfig(t))
	css := `/* theme */
@import "https://fonts.example/css?family=Serif";
@import url(/library/assets/print.css);
body { background: url("data:image/svg+xml,%3Csvg%3E") }
@font-face { font-family: X; src: url(https://fonts.example/x.woff2) format("woff2"), url('/fonts/x.woff'); }
.logo { background: url(https://cdn.clinic.example/logo.svg); }
`
	want := "2:9 stylesheet loads third-party\n5:35 stylesheet loads third-party"
	if got := summary(rules.CheckCSS("style.css", []byte(css))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Findings in a document are reported at their line in the Markdown
// file: raw HTML as written, re-indented HTML and Markdown images by their
// address, never at a copy shown in code.
func TestCheckDocumentPositions(t *testing.T) {
	body := "\n\n\n\n" + // front matter, blanked as content.Load does
		"Intro with an inline <img src=\"https://px.example/a.gif\" alt=\"\"> pixel.\n" + // 5
		"\n" +
		"```html\n" + // 7
		"<video src=\"https://t.example/t.mp4\"></video>\n" +
		"```\n" +
		"\n" +
		"Write `<video src=\"https://t.example/t.mp4\"></video>` to see it fail.\n" + // 11
		"\n" +
		"<video src=\"https://t.example/t.mp4\"></video>\n" + // 13
		"\n" +
		"- A list item\n" + // 15
		"\n" +
		"  <iframe\n" + // 17
		"    src=\"https://v.example/e\" title=\"Video\"></iframe>\n" +
		"\n" +
		"![A chart](https://img.example/chart.png)\n" + // 20
		"\n" +
		"<video src=\"https://t.example/t.mp4\"></video>\n" + // 22
		"<iframe data-consent=\"marketing\" data-src=\"https://v.example/ok\" title=\"Gated\"></iframe>\n"
	conv := markdown.New(markdown.Options{Unsafe: true})
	res := conv.Convert([]byte(body), markdown.Env{Path: "content/articles/a.md", BasePath: "/library/"})
	list := consent.NewRules(testConfig(t)).CheckDocument("content/articles/a.md", []byte(body), res.HTML)
	want := strings.Join([]string{
		"5:22 third-party image https://px.example/a.gif",
		"13:1 third-party <video> https://t.example/t.mp4",
		"18:10 third-party frame https://v.example/e",
		"20:12 third-party image https://img.example/chart.png",
		"22:1 third-party <video> https://t.example/t.mp4",
	}, "\n")
	if got := summary(list); got != want {
		t.Errorf("got\n%s\nwant\n%s\nHTML:\n%s", got, want, res.HTML)
	}
	for _, d := range list {
		if d.Path != "content/articles/a.md" {
			t.Errorf("finding in %s", d.Path)
		}
	}

	// With raw HTML off the pasted video never reaches a page: no finding,
	// but the Markdown image still does.
	safe := markdown.New(markdown.Options{}).Convert([]byte(body), markdown.Env{Path: "content/articles/a.md", BasePath: "/library/"})
	if got := summary(consent.NewRules(testConfig(t)).CheckDocument("content/articles/a.md", []byte(body), safe.HTML)); got != "20:12 third-party image https://img.example/chart.png" {
		t.Errorf("with raw HTML off: got\n%s", got)
	}
}

func TestGPCJSON(t *testing.T) {
	got := string(consent.GPCJSON(time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC)))
	if want := "{\n  \"gpc\": true,\n  \"lastUpdate\": \"2026-09-14\"\n}\n"; got != want {
		t.Errorf("GPCJSON = %q, want %q", got, want)
	}
	if got := string(consent.GPCJSON(time.Time{})); got != "{\n  \"gpc\": true\n}\n" {
		t.Errorf("GPCJSON without a date = %q", got)
	}
}
