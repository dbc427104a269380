package content

import "testing"

func TestIgnored(t *testing.T) {
	for _, tc := range []struct {
		rel     string
		dir     bool
		ignored bool
	}{
		{"content/articles/sleep.md", false, false},
		{"content/articles/.sleep.md.swp", false, true},
		{"content/articles/sleep.md~", false, true},
		{"content/articles/#sleep.md#", false, true},
		{"content/articles/4913", false, true},
		{"content/articles/sleep.tmp", false, true},
		{"content/.git", true, true},
		{"content/.git/HEAD", false, true},
		{"content/_drafts", true, true},
		{"content/_drafts/a.md", false, true},
		{"content/articles/_x.md", false, false},
		{"static/_headers", false, false},
		{"static/.well-known", true, false},
		{"static/.well-known/security.txt", false, false},
		{"static/img/.well-known", true, true},
		{"static/.htaccess", false, false},
		{"static/docs/.htaccess", false, false},
		{"static/.env", false, true},
		{"static/.DS_Store", false, true},
		{"static/img/Thumbs.db", false, true},
		{"static/desktop.ini", false, true},
		{"templates/.htaccess", false, true},
		{"templates/partials/footer.html", false, false},
		{"templates/.idea", true, true},
		{"site.yaml", false, false},
	} {
		if got := Ignored(tc.rel, tc.dir); got != tc.ignored {
			t.Errorf("Ignored(%q, dir %v) = %v, want %v", tc.rel, tc.dir, got, tc.ignored)
		}
	}
}
