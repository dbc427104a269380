package robustness

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// safeSegment is a file or folder name that needs no quoting in a URL
// (RFC 3986 unreserved characters) and is not hidden.
var safeSegment = regexp.MustCompile(`^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$`)

// unsafeNames returns the output names that some common static host
// (GitHub Pages, Netlify, S3, a plain nginx or Apache, a case-insensitive
// file system) would mangle, hide or refuse.
func unsafeNames(names []string) []string {
	var problems []string
	folded := map[string]string{}
	for _, name := range names {
		for i, seg := range strings.Split(name, "/") {
			// RFC 8615's folder, where the consent banner's GPC file lives.
			if i == 0 && seg == ".well-known" {
				continue
			}
			if !safeSegment.MatchString(seg) || len(seg) > 255 {
				problems = append(problems, fmt.Sprintf("%q: part %q", name, seg))
			}
		}
		if len(name) > 1024 {
			problems = append(problems, fmt.Sprintf("%q is longer than 1,024 bytes", name))
		}
		if other, ok := folded[strings.ToLower(name)]; ok {
			problems = append(problems, fmt.Sprintf("%q and %q differ only in case", name, other))
		}
		folded[strings.ToLower(name)] = name
	}
	return problems
}

// TestSampleSiteFileNames builds the repository's own library.
func TestSampleSiteFileNames(t *testing.T) {
	root, err := os.OpenRoot(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	mem := output.NewMemory()
	res, err := site.Build(root.FS(), site.Options{Writer: mem, Now: buildDate})
	if err != nil {
		t.Fatalf("the sample library does not build:\n%s", res.Diagnostics.Errors())
	}
	if len(mem.Names()) < 50 {
		t.Fatalf("only %d files built", len(mem.Names()))
	}
	for _, p := range unsafeNames(mem.Names()) {
		t.Error(p)
	}
}

// TestHostileSiteFileNames builds a site whose titles, tags, terms, file
// names, aliases and static files carry spaces, accents, emoji, capitals,
// punctuation and length: every name written is safe.
func TestHostileSiteFileNames(t *testing.T) {
	page := func(title string, extra string) string {
		return "---\ntitle: " + yamlQuote(title) + "\nsummary: x\n" + extra + "---\nText.\n"
	}
	files := with(baseSite(),
		"content/articles/Ärger & Stress (2026) — «final».md", page("Ärger & Stress 🙂", `tags: ["Mental health", "mental-health", "ÜBER/Tag", "a?b#c", "😀 emoji"]`+"\naliases: [/Old_Path/Page.html, /old~path/x-y/]\n"),
		"content/articles/UPPER.md", page("UPPER", "aliases: [/UPPER/]\n"),
		"content/articles/"+strings.Repeat("x", 200)+".md", page("Long name", ""),
		"content/glossary/Café au lait!.md", "---\nterm: \"Café <au> lait\"\nsynonyms: [\"café\"]\n---\nA drink.\n",
		"content/pages/Über uns.md", page("Über uns", ""),
		"static/img/Brain_Scan-1.PNG", "png",
		"static/docs/leaflet.v2~final.pdf", "pdf",
	)
	mem, res, err := buildMemory(t, files)
	if err != nil {
		t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
	}
	for _, p := range unsafeNames(mem.Names()) {
		t.Error(p)
	}
	for _, want := range []string{"articles/arger-stress-2026-final/index.html", "glossary/cafe-au-lait/index.html", "uber-uns/index.html", "tags/mental-health/index.html", "img/Brain_Scan-1.PNG", "Old_Path/Page.html"} {
		if _, ok := mem.File(want); !ok {
			t.Errorf("no %s", want)
		}
	}
}

// TestTagsWithoutAddress refuses tags from which no safe address can be
// made (no ASCII letter or digit, or longer than a folder name should
// be), naming the file and the line of tags:.
func TestTagsWithoutAddress(t *testing.T) {
	for _, tag := range []string{"..", "/", "😀", "日本語", "???", strings.Repeat("very long words ", 30)} {
		files := edit("content/articles/sleep.md", "tags: [wellbeing]", "tags: ["+yamlQuote(tag)+"]")
		_, res, err := buildMemory(t, files)
		if err == nil || !hasErrorAt(res.Diagnostics, "content/articles/sleep.md", 5) {
			t.Errorf("tag %q: want an error at line 5, got %v:\n%s", tag, err, res.Diagnostics.Errors())
		}
	}
}
