package hosting_test

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/hosting"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// TestCacheRulesFitTheOutput builds the sample site, edits an article and
// builds it again: every file the rules cache as Immutable either kept
// its bytes or has a name of its own (an immutable address never changes
// what it serves), some did change name (the search files), and the files
// with fixed addresses that change with content are revalidated. It keeps
// the rules in step with the output when the search files move. The
// build's _headers is the rules' own file.
func TestCacheRulesFitTheOutput(t *testing.T) {
	sample := sampleSite(t)
	rules := hosting.For(sampleConfig(t), sampleOptions)
	before := buildFiles(t, sample)
	edited := sample["content/articles/serotonin.md"]
	sample["content/articles/serotonin.md"] = &fstest.MapFile{Data: append(bytes.Clone(edited.Data), "\nZebrafish help researchers study serotonin.\n"...)}
	after := buildFiles(t, sample)

	var immutable, renamed int
	for name, data := range after {
		path := rules.BasePath + name
		if rules.CacheControl(path) != hosting.Immutable {
			continue
		}
		immutable++
		old, existed := before[name]
		switch {
		case !existed:
			renamed++
		case !bytes.Equal(old, data):
			t.Errorf("%s is cached as immutable, but its bytes changed with the article", path)
		}
	}
	if immutable == 0 || renamed == 0 {
		t.Errorf("%d files are cached as immutable and %d of them are new after the edit; want some of each", immutable, renamed)
	}
	for _, name := range []string{"index.html", "articles/serotonin/index.html", "search/index.html", "search/index.json", "es/search/index.json", "sitemap.xml", "feed.xml", "404.html", "es/404.html", ".well-known/gpc.json", "_headers"} {
		if _, ok := after[name]; !ok {
			t.Errorf("the build wrote no %s", name)
		}
		if got := rules.CacheControl(rules.BasePath + name); got != hosting.Revalidate {
			t.Errorf("%s is cached as %q, want %q", name, got, hosting.Revalidate)
		}
	}
	if got := string(after["_headers"]); got != rules.HeadersFile() {
		t.Errorf("the build's _headers is not the rules' file:\n%s", got)
	}
	for name := range after {
		if strings.HasPrefix(name, "assets/") && rules.CacheControl(rules.BasePath+name) != hosting.Immutable {
			t.Errorf("%s is not cached as immutable", name)
		}
	}
}

// sampleConfig is the sample site's configuration.
func sampleConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, list := config.Load(os.DirFS("../.."))
	if list.HasErrors() {
		t.Fatalf("the sample site.yaml: %v", list)
	}
	return cfg
}

// sampleOptions are the sample site's: it plays a video (the
// antidepressants article).
var sampleOptions = hosting.Options{Videos: true}

// sampleSite reads the repository's sample site into memory.
func sampleSite(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../..")
	sample := fstest.MapFS{}
	for _, top := range []string{"site.yaml", "content", "static", "templates"} {
		err := fs.WalkDir(root, top, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, name)
			sample[name] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return sample
}

// buildFiles builds a site into memory and returns its files.
func buildFiles(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	mem := output.NewMemory()
	res, err := site.Build(fsys, site.Options{Writer: mem, Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Version: "test"})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	files := map[string][]byte{}
	for _, name := range mem.Names() {
		files[name], _ = mem.File(name)
	}
	return files
}
