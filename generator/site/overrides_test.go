package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/output"
)

// TestOverrideNames checks which files of templates/ are said to replace
// nothing, and the theme file each is pointed to.
func TestOverrideNames(t *testing.T) {
	tests := []struct {
		file string
		// want is the theme file suggested; "" when the file is fine.
		want string
	}{
		{"templates/article.html", "templates/layouts/article.html"},
		{"templates/layouts/artcle.html", "templates/layouts/article.html"},
		{"templates/layout/base.html", "templates/layouts/base.html"},
		{"templates/partial/footer.html", "templates/partials/footer.html"},
		{"templates/style.css", "templates/assets/style.css"},
		{"templates/css/search.css", "templates/assets/search.css"},
		{"templates/layouts/article.html", ""},
		{"templates/partials/clinic-hours.html", ""},
		{"templates/assets/clinic.css", ""},
		{"templates/.article.html.swp", ""},
	}
	fsys := loadSite(t, "site.txtar")
	for _, tt := range tests {
		fsys[tt.file] = &fstest.MapFile{Data: []byte("{{/* a site's own */}}\n")}
	}
	fsys["templates/layouts/article.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<h1>{{.Page.Title}}</h1>{{end}}`)}
	res, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	found := map[string]diag.Diagnostic{}
	for _, d := range res.Diagnostics {
		if d.Rule == diag.RuleTemplateUnused {
			found[d.Path] = d
		}
	}
	for _, tt := range tests {
		d, ok := found[tt.file]
		switch {
		case tt.want == "" && ok:
			t.Errorf("%s is fine, but: %s", tt.file, d)
		case tt.want != "" && !ok:
			t.Errorf("%s replaces nothing, and the build says nothing", tt.file)
		case ok && (d.Severity != diag.Warning || !strings.HasSuffix(d.Message, "did you mean "+tt.want+"?")):
			t.Errorf("%s: %s, want a warning pointing at %s", tt.file, d, tt.want)
		}
	}
}
