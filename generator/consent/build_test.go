package consent_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/internal/corpusgen"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// siteFromTxtar reads a test site: every file of the archive but "want"
// and "warnings", and the lines of those two.
func siteFromTxtar(t *testing.T, file string) (fsys fstest.MapFS, want, warnings []string) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys = fstest.MapFS{}
	for _, f := range ar.Files {
		var lines *[]string
		switch f.Name {
		case "want":
			lines = &want
		case "warnings":
			lines = &warnings
		default:
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			continue
		}
		for _, l := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
			if l != "" {
				*lines = append(*lines, l)
			}
		}
	}
	return fsys, want, warnings
}

var buildDay = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// TestBuildRefusesUngatedThirdParties builds each site of
// testdata/build/*.txtar and expects exactly the errors of its "want"
// file, and among its warnings those of "warnings": each line is the
// start of one diagnostic, `path:line:col: message`.
func TestBuildRefusesUngatedThirdParties(t *testing.T) {
	files, _ := filepath.Glob("testdata/build/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test sites in testdata/build")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			fsys, want, warnings := siteFromTxtar(t, file)
			res, err := site.Build(fsys, site.Options{Writer: output.NewMemory(), Now: buildDay})
			for _, w := range warnings {
				if !strings.Contains(res.Diagnostics.String(), w) {
					t.Errorf("no warning %s…; the build said:\n%s", w, res.Diagnostics)
				}
			}
			got := res.Diagnostics.Errors()
			if len(want) > 0 && err == nil {
				t.Fatal("the build succeeded")
			}
			if len(got) != len(want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), got)
			}
			for i, w := range want {
				if !strings.HasPrefix(got[i].String(), w) {
					t.Errorf("error %d:\n got: %s\nwant: %s…", i+1, got[i], w)
				}
			}
		})
	}
}

// The sample site (the repository root) builds with its banner, and the
// output carries what the banner needs and nothing it must not.
func TestSampleSiteOutput(t *testing.T) {
	out := output.NewMemory()
	res, err := site.Build(os.DirFS(repoRoot), site.Options{Writer: out, Now: buildDay})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	read := func(name string) string {
		t.Helper()
		data, ok := out.File(name)
		if !ok {
			t.Fatalf("%s was not written", name)
		}
		return string(data)
	}
	gpc := read(".well-known/gpc.json")
	if !regexp.MustCompile(`^\{\n  "gpc": true,\n  "lastUpdate": "\d{4}-\d{2}-\d{2}"\n\}\n$`).MatchString(gpc) {
		t.Errorf("gpc.json = %q", gpc)
	}
	var newest string
	for _, d := range res.Site.All() {
		if day := d.LastReviewed.Format(time.DateOnly); !d.LastReviewed.IsZero() && day > newest {
			newest = day
		}
	}
	if !strings.Contains(gpc, newest) {
		t.Errorf("gpc.json lastUpdate is not the newest last_reviewed, %s: %s", newest, gpc)
	}

	for _, page := range []string{"index.html", "articles/serotonin/index.html", "cookies/index.html", "404.html"} {
		html := read(page)
		for _, want := range []string{
			`<div class="consent-banner" data-consent-banner role="region" aria-label="Cookies on Riverside Clinic Health Library" hidden`,
			`<dialog class="consent-dialog" data-consent-dialog aria-labelledby="consent-dialog-title">`,
			`<script type="application/json" id="consent-config" data-path="/">{"Version":1,"ExpiresDays":180,`,
			`<input type="checkbox" role="switch" id="consent-dialog-analytics" name="analytics"`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", page, want)
			}
		}
		if !regexp.MustCompile(`<script src="/assets/consent\.[0-9a-f]{10}\.js"></script>`).MatchString(html) {
			t.Errorf("%s does not load consent.js", page)
		}
		// No switch is on before the visitor says so, and nothing is
		// styled or scripted inline.
		if strings.Contains(html, " checked") || strings.Contains(html, " style=") || regexp.MustCompile(`(?i)<script>| on[a-z]+="`).MatchString(html) {
			t.Errorf("%s has a checked switch, a style attribute or inline script", page)
		}
	}
	cookies := read("cookies/index.html")
	for _, want := range []string{"<code>handout_consent</code>", "<code>_pk_*</code>", "Personalisation", "data-consent-gpc hidden", "<noscript>", `id="consent-page-marketing"`} {
		if !strings.Contains(cookies, want) {
			t.Errorf("cookies/index.html lacks %s", want)
		}
	}
	asset := ""
	for _, name := range out.Names() {
		if strings.HasPrefix(name, "assets/consent.") {
			asset = name
		}
	}
	js := read(asset)
	if len(js) == 0 || strings.Contains(js, "localStorage") || regexp.MustCompile(`https?://`).MatchString(js) {
		t.Errorf("consent.js is empty, uses localStorage or names an address")
	}
	// The budget: under 4 KB gzipped.
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	_, _ = zw.Write([]byte(js))
	_ = zw.Close()
	if gz.Len() >= 4096 {
		t.Errorf("consent.js is %d bytes gzipped, over the 4 KB budget", gz.Len())
	}
}

// A site without consent categories has no banner, no consent script and
// no gpc.json; gated scripts of site.yaml need a category, so there are
// none either.
func TestNoCategoriesNoBanner(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                {Data: []byte("title: Plain clinic\nbase_url: https://clinic.example/\n")},
		"content/articles/a.md":    {Data: []byte("---\ntitle: Sleep\nsummary: How sleep works.\n---\nSleep matters.\n")},
		"content/pages/privacy.md": {Data: []byte("---\ntitle: Privacy\nsummary: What we keep.\n---\nNothing.\n")},
	}
	out := output.NewMemory()
	if res, err := site.Build(fsys, site.Options{Writer: out, Now: buildDay}); err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := out.File(name)
		if s := string(data); strings.Contains(s, "consent.") || strings.Contains(s, "data-consent-banner") || strings.Contains(s, "<dialog") {
			t.Errorf("%s has consent markup or script with no categories configured", name)
		}
	}
	if _, ok := out.File(".well-known/gpc.json"); ok {
		t.Error("gpc.json written for a site with no banner")
	}
	cookies, _ := out.File("cookies/index.html")
	if !strings.Contains(string(cookies), "This site uses no optional cookies") {
		t.Error("the cookies page does not say the site uses no optional cookies")
	}
}

// Two builds of the same input write the same bytes (gpc.json included).
func TestConsentOutputIsReproducible(t *testing.T) {
	var outs [2]*output.Memory
	for i := range outs {
		outs[i] = output.NewMemory()
		if res, err := site.Build(os.DirFS(repoRoot), site.Options{Writer: outs[i], Now: buildDay}); err != nil {
			t.Fatalf("%v\n%s", err, res.Diagnostics)
		}
	}
	for _, name := range []string{".well-known/gpc.json", "cookies/index.html", "index.html"} {
		a, _ := outs[0].File(name)
		b, _ := outs[1].File(name)
		if string(a) != string(b) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// BenchmarkCheckConsent measures the checks of a whole site that build
// and check share (consent in every document and template override, the
// output's names), to set against
// BenchmarkBuild of package site. $HANDOUT_BENCH_ARTICLES sets the size
// of the generated corpus (default 1,000 articles).
func BenchmarkCheckConsent(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("HANDOUT_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	fsys := corpusgen.MapFS(corpusgen.Options{Articles: n, Terms: n / 4, Seed: 1})
	site, list := site.Load(fsys, site.LoadOptions{})
	if site == nil {
		b.Fatal(list)
	}
	var size int64
	for _, d := range site.All() {
		size += int64(len(d.Result.HTML))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		if problems := site.Check(fsys); len(problems) > 0 {
			b.Fatal(problems)
		}
	}
}
