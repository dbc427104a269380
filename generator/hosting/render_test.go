package hosting

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/config"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenOptions are the options of the golden sites that need any.
var goldenOptions = map[string]Options{"subpath.txtar": {Videos: true}}

// TestRenderers compares the three formats, for each site in testdata,
// with the files beside its site.yaml (go test -update rewrites them), and
// checks what every format must hold whatever the site.
func TestRenderers(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no golden sites in testdata")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cfg := parseConfig(t, fileOf(t, ar, "site.yaml"))
			rules := For(cfg, goldenOptions[filepath.Base(path)])
			rendered := map[string]string{"_headers": rules.HeadersFile(), "nginx.conf": rules.Nginx(), ".htaccess": rules.Apache()}
			for name, got := range rendered {
				checkEveryFormat(t, name, got, rules)
			}
			if *update {
				ar.Files = []txtar.File{{Name: "site.yaml", Data: []byte(fileOf(t, ar, "site.yaml"))}}
				for _, name := range []string{"_headers", "nginx.conf", ".htaccess"} {
					ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(rendered[name])})
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for name, got := range rendered {
				if want := fileOf(t, ar, name); got != want {
					t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
				}
			}
		})
	}
}

// checkEveryFormat: every security header, the immutable Cache-Control
// and every 404 page appear in a format.
func checkEveryFormat(t *testing.T, name, text string, r *Rules) {
	t.Helper()
	for _, h := range r.Security {
		if !strings.Contains(text, h.Name) || !strings.Contains(text, h.Value) {
			t.Errorf("%s lacks %s: %s", name, h.Name, h.Value)
		}
	}
	if !strings.Contains(text, Immutable) {
		t.Errorf("%s never says %q", name, Immutable)
	}
	if name == "_headers" {
		return
	}
	for _, nf := range r.NotFound {
		if !strings.Contains(text, "404 "+nf.Page) {
			t.Errorf("%s does not serve %s", name, nf.Page)
		}
	}
}

func fileOf(t *testing.T, ar *txtar.Archive, name string) string {
	t.Helper()
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	if *update {
		return ""
	}
	t.Fatalf("no %s in the archive", name)
	return ""
}

func parseConfig(t *testing.T, siteYAML string) *config.Config {
	t.Helper()
	cfg, list := config.Parse([]byte(siteYAML))
	if list.HasErrors() {
		t.Fatalf("site.yaml: %v", list)
	}
	return cfg
}

func goldenSiteYAML(t *testing.T, path string) string {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileOf(t, ar, "site.yaml")
}
