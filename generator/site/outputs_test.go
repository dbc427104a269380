package site

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/render"
)

// movedArticle is an article whose aliases are items of a block list,
// the first on line 5, column 5.
func movedArticle(aliases ...string) string {
	return "---\ntitle: Moved\nsummary: An article with former addresses.\naliases:\n  - " + strings.Join(aliases, "\n  - ") + "\n---\nText.\n"
}

// assetName is the name a build of site.txtar gives one of the theme's
// files, such as "assets/style.3f2a9c1b0d.css".
func assetName(t *testing.T, prefix string) string {
	t.Helper()
	mem, _ := buildSite(t, loadSite(t, "site.txtar"))
	for _, name := range mem.Names() {
		if strings.HasPrefix(name, prefix) {
			return name
		}
	}
	t.Fatalf("no file %s* in %v", prefix, mem.Names())
	return ""
}

// TestOutputCollisions adds to a site an alias or a static file that
// would take the place of another file of the output: each is one error
// at the alias or the static file, naming what it collides with, and
// nothing is written.
func TestOutputCollisions(t *testing.T) {
	style := assetName(t, "assets/style.")
	tests := []struct {
		name  string
		site  string // testdata file
		files map[string]string
		want  []string
	}{
		{"alias over the search index", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/search/index.json")},
			[]string{"content/articles/moved.md:5:5: alias /search/index.json has the address of the search index the build makes (search/index.json): choose another address, or remove the alias"}},
		{"alias inside the search folder", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/search/old/")},
			[]string{"content/articles/moved.md:5:5: alias /search/old/ is in search/, the folder of the search page and its index, where only the build writes: choose another address, or remove the alias"}},
		{"aliases over robots.txt, the feed and the sitemap", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/robots.txt", "/feed.xml", "/sitemap.xml")},
			[]string{
				"content/articles/moved.md:5:5: alias /robots.txt has the address of the robots.txt the build makes (robots.txt): choose another address, or remove the alias",
				"content/articles/moved.md:6:5: alias /feed.xml has the address of the Atom feed the build makes (feed.xml): choose another address, or remove the alias",
				"content/articles/moved.md:7:5: alias /sitemap.xml has the address of the sitemap the build makes (sitemap.xml): choose another address, or remove the alias",
			}},
		{"aliases over _redirects and 404.html", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/_redirects", "/404.html")},
			[]string{
				"content/articles/moved.md:5:5: alias /_redirects has the address of the redirects file the build makes for aliases (_redirects): choose another address, or remove the alias",
				"content/articles/moved.md:6:5: alias /404.html has the address of the not-found page the build makes (404.html): choose another address, or remove the alias",
			}},
		{"alias and static file over _headers", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/_headers"), "static/_HEADERS": "/*\n  X-A: b\n"},
			[]string{
				"content/articles/moved.md:5:5: alias /_headers has the address of the response headers file the build makes for Netlify and Cloudflare Pages (_headers): choose another address, or remove the alias",
				"static/_HEADERS:1:1: this file has the address of the response headers file the build makes for Netlify and Cloudflare Pages (_headers), to a file system that ignores case: rename or move it",
			}},
		{"alias over an asset", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/" + style)},
			[]string{"content/articles/moved.md:5:5: alias /" + style + " has the address of the build's copy of the theme's style.css (" + style + "): choose another address, or remove the alias"}},
		{"alias over a page", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/about/", "/tags/mood/")},
			[]string{
				"content/articles/moved.md:5:5: alias /about/ has the address of the page of content/pages/about.md (about/index.html): choose another address, or remove the alias",
				`content/articles/moved.md:6:5: alias /tags/mood/ has the address of the page the build makes for the topic "mood" (tags/mood/index.html): choose another address, or remove the alias`,
			}},
		{"alias over a page, in another case", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/Glossary/")},
			[]string{"content/articles/moved.md:5:5: alias /Glossary/ has the address of the glossary page the build makes (glossary/index.html), to a file system that ignores case: choose another address, or remove the alias"}},
		{"alias of another document", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/old/serotonin", "/new/", "/new")},
			[]string{
				"content/articles/moved.md:7:5: alias /new is listed twice: remove one",
				"content/articles/serotonin.md:11:11: alias /old/serotonin/ is also an alias of content/articles/moved.md: keep it in one of them",
			}},
		{"static file over a page", "site.txtar", map[string]string{"static/articles/sleep/index.html": "<p>mine</p>", "static/index.html": "<p>home</p>"},
			[]string{
				"static/articles/sleep/index.html:1:1: this file has the address of the page of content/articles/sleep.md (articles/sleep/index.html): rename or move it",
				"static/index.html:1:1: this file has the address of the home page the build makes (index.html): rename or move it",
			}},
		{"static files in the search folder", "site.txtar", map[string]string{"static/search/index.html": "x", "static/search/index.json": "{}", "static/search/p/x.json": "{}"},
			[]string{
				"static/search/index.html:1:1: this file has the address of the search page the build makes (search/index.html): rename or move it",
				"static/search/index.json:1:1: this file has the address of the search index the build makes (search/index.json): rename or move it",
				"static/search/p/x.json:1:1: this file is in search/, the folder of the search page and its index, where only the build writes: rename or move it",
			}},
		{"static file over an asset and the feed", "site.txtar", map[string]string{"static/" + style: "body{}", "static/feed.xml": "<feed/>", "static/sitemap.xml": "<urlset/>"},
			[]string{
				"static/" + style + ":1:1: this file has the address of the build's copy of the theme's style.css (" + style + "): rename or move it",
				"static/feed.xml:1:1: this file has the address of the Atom feed the build makes (feed.xml): rename or move it",
				"static/sitemap.xml:1:1: this file has the address of the sitemap the build makes (sitemap.xml): rename or move it",
			}},
		{"static file and folder against files and folders", "site.txtar", map[string]string{"static/feed.xml/a.png": "png", "static/articles": "a file", "static/old/serotonin/index.html": "x"},
			[]string{
				"static/articles:1:1: this file has the name of the folder articles/, which holds the page of content/articles/serotonin.md (articles/serotonin/index.html): rename or move it",
				"static/feed.xml/a.png:1:1: this file needs a folder feed.xml/, but feed.xml is the Atom feed the build makes: rename or move it",
				"static/old/serotonin/index.html:1:1: this file has the address of the redirect page of alias /old/serotonin/ in content/articles/serotonin.md (old/serotonin/index.html): rename or move it",
			}},
		{"a translation's generated files", "bilingual.txtar", map[string]string{"static/es/feed.xml": "<feed/>", "static/.well-known/gpc.json": "{}", "content/articles/moved.md": movedArticle("/es/search/index.json")},
			[]string{
				"content/articles/moved.md:5:5: alias /es/search/index.json has the address of the search index the build makes (es/search/index.json): choose another address, or remove the alias",
				"static/.well-known/gpc.json:1:1: this file has the address of the Global Privacy Control file the build makes for the cookie banner (.well-known/gpc.json): rename or move it",
				"static/es/feed.xml:1:1: this file has the address of the Atom feed the build makes (es/feed.xml): rename or move it",
			}},
		{"too long for a file system", "site.txtar", map[string]string{"content/articles/moved.md": movedArticle("/"+strings.Repeat("a", 300)+"/", "/"+strings.Repeat(strings.Repeat("b", 200)+"/", 5))},
			[]string{
				"content/articles/moved.md:5:5: alias /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...aaaaaaaaa/ has a part of 300 characters, and file systems take at most 255 in one file or folder name: shorten it, or remove it",
				"content/articles/moved.md:6:5: alias /bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb...bbbbbbbbb/ makes a file name of 1015 characters, and web hosts take at most 1000: shorten it, or remove it",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := loadSite(t, tt.site)
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			mem := output.NewMemory()
			res, err := Build(fsys, Options{Writer: mem, Now: now})
			if !errors.Is(err, ErrFailed) {
				t.Fatalf("built with collisions (err %v); files: %v", err, mem.Names())
			}
			if names := mem.Names(); len(names) > 0 {
				t.Errorf("a failed build wrote %v", names)
			}
			errs := res.Diagnostics.Errors()
			var got []string
			for _, d := range errs {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestOutputPlanIsComplete builds sites in one and two languages, with
// aliases, consent categories and static files, and finds every file
// written in the plan, and every file of the plan written: the plan is
// what the build writes.
func TestOutputPlanIsComplete(t *testing.T) {
	for _, name := range []string{"site.txtar", "bilingual.txtar"} {
		t.Run(name, func(t *testing.T) {
			fsys := loadSite(t, name)
			fsys["content/articles/moved.md"] = &fstest.MapFile{Data: []byte(movedArticle("/former/", "/older.html"))}
			fsys["static/images/a.png"] = &fstest.MapFile{Data: []byte("png")}
			mem, res := buildSite(t, fsys)
			plan := res.Site.planOutput(assetsOf(t, fsys, res.Site))
			if len(plan.problems) > 0 {
				t.Fatalf("problems in a site that built:\n%s", plan.problems)
			}
			written := map[string]bool{}
			for _, file := range mem.Names() {
				written[file] = true
				if plan.files[fold(file)] == nil && !plan.inOwned(file) {
					t.Errorf("%s was written but is not in the plan", file)
				}
			}
			for key, c := range plan.files {
				if !written[c.name] {
					t.Errorf("%s (%s) is in the plan but was not written", c.name, key)
				}
			}
		})
	}
}

// inOwned reports whether name is in a folder that only the build writes
// into.
func (p *outputPlan) inOwned(name string) bool {
	for dir := range p.owned {
		if strings.HasPrefix(fold(name), dir+"/") {
			return true
		}
	}
	return false
}

// assetsOf returns the names of the theme's assets in a build of fsys.
func assetsOf(t *testing.T, fsys fstest.MapFS, s *Site) []render.Asset {
	t.Helper()
	theme, list := s.loadTheme(fsys, nil)
	if theme == nil {
		t.Fatal(list)
	}
	return theme.Assets().All()
}

// TestStaticFilesTheBuildTakes: a site's own robots.txt replaces the
// generated one with a note, its _redirects comes before the aliases'
// redirects, and host files and .well-known/ are copied.
func TestStaticFilesTheBuildTakes(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	for name, data := range map[string]string{
		"static/robots.txt":                "User-agent: *\nDisallow: /\n",
		"static/_redirects":                "/news/* https://news.clinic.example/:splat 302",
		"static/.htaccess":                 "ErrorDocument 404 /library/404.html\n",
		"static/.nojekyll":                 "",
		"static/.domains":                  "library.clinic.example\n",
		"static/.well-known/security.txt":  "Contact: mailto:security@clinic.example\n",
		"static/images/.htaccess":          "Options -Indexes\n",
		"static/.well-known/.DS_Store":     "litter",
		"static/.well-known/acme/.keep":    "",
		"static/.well-known/acme/token-1a": "token",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	mem, res := buildSite(t, fsys)
	for name, want := range map[string]string{
		"robots.txt":                "User-agent: *\nDisallow: /\n",
		"_redirects":                "/news/* https://news.clinic.example/:splat 302\n/library/old/serotonin/ /library/articles/serotonin/ 301\n",
		".htaccess":                 "ErrorDocument 404 /library/404.html\n",
		".nojekyll":                 "",
		".domains":                  "library.clinic.example\n",
		".well-known/security.txt":  "Contact: mailto:security@clinic.example\n",
		"images/.htaccess":          "Options -Indexes\n",
		".well-known/acme/token-1a": "token",
	} {
		if got := file(t, mem, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{".well-known/.DS_Store", ".well-known/acme/.keep"} {
		if _, ok := mem.File(name); ok {
			t.Errorf("%s was published", name)
		}
	}
	if want := []string{"static/robots.txt replaces the robots.txt the build makes, which names the sitemap: keep a Sitemap: line in yours"}; !slices.Equal(res.Notes, want) {
		t.Errorf("notes = %q, want %q", res.Notes, want)
	}
	if got := res.Diagnostics.String(); !strings.Contains(got, "static/.well-known/.DS_Store:1:1: warning: not published") {
		t.Errorf("no warning for the litter in static/:\n%s", got)
	}
}

// TestStaticHeadersAreMerged: a site's own _headers comes first in the
// one the build writes, and a header it sets for a path pattern of the
// build's takes that one's place, with a warning at the site's line;
// lines the hosts would skip are warnings too.
func TestStaticHeadersAreMerged(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	own := "/library/*\n  Content-Security-Policy: default-src 'self'\n  X-Frame-Options: DENY\nlibrary/pdf/*\n"
	fsys["static/_headers"] = &fstest.MapFile{Data: []byte(own)}
	mem, res := buildSite(t, fsys)
	got := file(t, mem, "_headers")
	if !strings.HasPrefix(got, own+"\n") {
		t.Errorf("_headers does not start with the site's lines:\n%s", got)
	}
	if strings.Count(got, "Content-Security-Policy:") != 1 || !strings.Contains(got, "  Referrer-Policy: strict-origin-when-cross-origin\n") {
		t.Errorf("_headers should hold the site's policy only, and the build's other headers:\n%s", got)
	}
	var warnings []string
	for _, d := range res.Diagnostics.Warnings() {
		if strings.HasPrefix(d.Path, "static/_headers") {
			warnings = append(warnings, d.String())
		}
	}
	want := []string{
		"static/_headers:2:1: warning: this line replaces the Content-Security-Policy that the build writes for /library/* from site.yaml, which is left out of public/_headers: remove the line to send the build's",
		`static/_headers:4:1: warning: "library/pdf/*" is not a path: a path starts with / at the start of the line, and its headers follow on indented lines; hosts skip this line`,
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
}

// TestStaticRedirectsComeFirst: a line of static/_redirects from an
// alias's address is the one hosts follow (it comes first), with a
// warning at that line.
func TestStaticRedirectsComeFirst(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	own := "# moved for good\n/library/old/serotonin/ https://elsewhere.example/serotonin 302\n"
	fsys["static/_redirects"] = &fstest.MapFile{Data: []byte(own)}
	mem, res := buildSite(t, fsys)
	if got, want := file(t, mem, "_redirects"), own+"/library/old/serotonin/ /library/articles/serotonin/ 301\n"; got != want {
		t.Errorf("_redirects = %q, want %q", got, want)
	}
	want := "static/_redirects:2:1: warning: this line redirects /library/old/serotonin/, an alias of content/articles/serotonin.md, and hosts follow it instead of the redirect the build writes to /library/articles/serotonin/: remove the line, or the alias"
	if !strings.Contains(res.Diagnostics.String(), want) {
		t.Errorf("no warning %q in\n%s", want, res.Diagnostics)
	}
}

// TestBuilderRefusesCollisions: serve's Builder refuses what build
// refuses, keeps the last good build in memory and builds again once the
// collision is gone.
func TestBuilderRefusesCollisions(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	mem := output.NewMemory()
	b := NewBuilder(fsys, Options{Now: now}, mem)
	if res, err := b.Rebuild(nil); err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	index, _ := mem.File("search/index.json")
	fsys["content/articles/moved.md"] = &fstest.MapFile{Data: []byte(movedArticle("/search/index.json"))}
	res, err := b.Rebuild([]string{"content/articles/moved.md"})
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("the Builder accepted alias /search/index.json (err %v)", err)
	}
	if want := "content/articles/moved.md:5:5: alias /search/index.json has the address of the search index"; !strings.Contains(res.Diagnostics.String(), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, res.Diagnostics)
	}
	if got, _ := mem.File("search/index.json"); string(got) != string(index) {
		t.Error("the search index in memory changed after a failed build")
	}
	if _, ok := mem.File("search/index.json/index.html"); ok {
		t.Error("the alias's redirect page was written")
	}
	fsys["static/search/x.png"] = &fstest.MapFile{Data: []byte("png")}
	res, err = b.Rebuild([]string{"static/search/x.png"})
	if err == nil || !strings.Contains(res.Diagnostics.String(), "static/search/x.png:1:1: this file is in search/") {
		t.Errorf("the Builder accepted static/search/x.png:\n%s", res.Diagnostics)
	}
	delete(fsys, "content/articles/moved.md")
	delete(fsys, "static/search/x.png")
	if res, err := b.Rebuild([]string{"content/articles/moved.md", "static/search/x.png"}); err != nil {
		t.Fatalf("the Builder did not recover: %v\n%s", err, res.Diagnostics)
	}
}
