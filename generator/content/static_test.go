package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestStaticHiddenFiles: of the names starting with a dot, .well-known/ and
// the files hosts read are published; any other is left out with a
// warning naming it, what operating systems leave in folders with one
// warning for all of it, and git's placeholders without a word.
func TestStaticHiddenFiles(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{
		"static/a.png", "static/.htaccess", "static/.nojekyll", "static/.domains",
		"static/docs/.htaccess", "static/.well-known/security.txt", "static/.well-known/acme/token",
		"static/.htpasswd", "static/.env", "static/.git/config", "static/.git/objects/ab",
		"static/docs/.well-known/x.txt", "static/.a.html.swp", "static/.keep", "static/docs/.gitkeep",
		"static/.DS_Store", "static/docs/._a.png", "static/docs/Thumbs.db", "static/.Trashes/x",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte("x")}
	}
	files, list := ListStatic(fsys)
	want := []string{".domains", ".htaccess", ".nojekyll", ".well-known/acme/token", ".well-known/security.txt", "a.png", "docs/.htaccess"}
	if !slices.Equal(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
	var got []string
	for _, d := range list {
		got = append(got, d.String())
	}
	const hiddenFile = ":1:1: warning: hidden file not published: of the files whose names start with a dot, only .htaccess, .nojekyll, .domains are; to publish it, rename it without the dot"
	const hiddenFolder = ":1:1: warning: hidden folder not published: of the folders whose names start with a dot, only static/.well-known/ is; move what the site needs out of it"
	wantList := []string{
		"static/.a.html.swp" + hiddenFile,
		"static/.env" + hiddenFile,
		"static/.git" + hiddenFolder,
		"static/.htpasswd" + hiddenFile,
		"static/docs/.well-known" + hiddenFolder,
		"static/.DS_Store:1:1: warning: not published: this file and 3 more in static/, left by an operating system in folders (.DS_Store, ._ copies, Thumbs.db); delete them, or ignore this",
	}
	if !slices.Equal(got, wantList) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantList, "\n"))
	}
}

// TestAliasSource: each alias is located at its own item, as written.
func TestAliasSource(t *testing.T) {
	src := "---\ntitle: A\nsummary: B\naliases:\n  - /old/a\n  - \"/older.html\"\n---\n"
	doc, list := Parse("x.md", Article, []byte(src), Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	inline, list := Parse("y.md", Page, []byte("---\ntitle: A\nsummary: B\naliases: [/x/, /y]\n---\n"), Options{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	type source struct {
		written   string
		line, col int
	}
	for _, tt := range []struct {
		doc  *Document
		want []source
	}{
		{doc, []source{{"/old/a", 5, 5}, {"/older.html", 6, 5}}},
		{inline, []source{{"/x/", 4, 11}, {"/y", 4, 16}}},
	} {
		var got []source
		for i := range tt.doc.Aliases {
			w, line, col := tt.doc.AliasSource(i)
			got = append(got, source{w, line, col})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: aliases %q at %v, want %v", tt.doc.Path, tt.doc.Aliases, got, tt.want)
		}
	}
}
