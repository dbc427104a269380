package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckTarget(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "clinic")
	for _, dir := range []string{"content/articles", "static", "home/.ssh", "repo/.git", "other/content", "built/articles", "documents", "empty"} {
		if err := os.MkdirAll(filepath.Join(site, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, file := range []string{"built/index.html", "documents/letter.txt", "repo/index.html"} {
		if err := os.WriteFile(filepath.Join(site, file), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(site, "site.yaml"), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(site, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(site, "built"), filepath.Join(root, "outlink")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target string
		want   string // "" when the target is fine
	}{
		{"clinic/public", ""},
		{"public", ""},
		{"clinic/built", ""},
		{"clinic/new/deeper/public", ""},
		{"clinic", "holds the site itself"},
		{".", "holds the site itself"},
		{"link", "holds the site itself"},
		{"clinic/content", "inside the site's content/"},
		{"clinic/content/articles/out", "inside the site's content/"},
		{"link/static/out", "inside the site's static/"},
		{"clinic/home", "holds .ssh"},
		{"clinic/repo", "holds .git"},
		{"clinic/other", "holds content"},
		{"clinic/documents", "has no index.html"},
		{"clinic/empty", ""},
		{"clinic/site.yaml", "is a file"},
		{"outlink", "is a symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			err := CheckTarget(filepath.Join(root, tt.target), site, "content", "static")
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}
