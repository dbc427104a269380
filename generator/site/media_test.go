package site

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/images"
	"github.com/handout-health/handout/generator/output"
)

// testPNG is a w×h PNG with some detail.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetNRGBA(x, y, color.NRGBA{R: uint8(x), G: uint8(y), B: uint8(x ^ y), A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngSaying is the start of a PNG whose header says it is w×h, and no
// more.
func pngSaying(w, h uint32) []byte {
	ihdr := append(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h), 8, 6, 0, 0, 0)
	chunk := append([]byte("IHDR"), ihdr...)
	out := append([]byte("\x89PNG\r\n\x1a\n"), binary.BigEndian.AppendUint32(nil, uint32(len(ihdr)))...)
	return binary.BigEndian.AppendUint32(append(out, chunk...), crc32.ChecksumIEEE(chunk))
}

const mediaYAML = `title: Test library
base_url: https://clinic.example/library/
consent:
  categories:
    - id: marketing
      title: Marketing
      description: Videos and news of the clinic on other websites.
`

// mediaSite is a site whose article shows a photo (with variants), a
// drawing (an SVG) and a video.
func mediaSite(t testing.TB) fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":               {Data: []byte(mediaYAML)},
		"static/images/photo.png": {Data: testPNG(t, 900, 600)},
		"static/images/cycle.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><text x="10" y="20">Sleep</text></svg>`)},
		"content/pages/about.md":  {Data: []byte("---\ntitle: About\n---\nWe are a clinic.\n")},
		"content/articles/sleep.md": {Data: []byte("---\ntitle: Sleep\nsummary: Why sleep matters.\n---\nSleep helps.\n\n" +
			"![A drawing of the stages of sleep](/images/cycle.svg \"The stages of a night's sleep\")\n\n" +
			"![A bedroom with the lights off](/images/photo.png \"A dark room helps\")\n\n" +
			"https://www.youtube.com/watch?v=dQw4w9WgXcQ\nTranscript: [Read it](/about/)\n")},
	}
}

// variantsIn returns the variant addresses an HTML page's pictures list.
func variantsIn(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`srcset="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		for _, c := range strings.Split(m[1], ", ") {
			out = append(out, strings.Fields(c)[0])
		}
	}
	return out
}

func TestImagesAndVideosAreBuilt(t *testing.T) {
	mem, res := buildSite(t, mediaSite(t))
	page := file(t, mem, "articles/sleep/index.html")
	for _, want := range []string{
		`<img src="/library/images/cycle.svg" alt="A drawing of the stages of sleep" width="640" height="360">`,
		"<figcaption>The stages of a night's sleep</figcaption>",
		`alt="A bedroom with the lights off" width="900" height="600" loading="lazy" decoding="async"></picture>`,
		`<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Video on YouTube"`,
		`<p class="video__transcript">Transcript: <a href="/library/about/">Read it</a></p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	variants := variantsIn(page)
	if len(variants) != 3 {
		t.Fatalf("the photo has variants %v, want 480, 800 and its own 900", variants)
	}
	for i, w := range []int{480, 800, 900} {
		name := strings.TrimPrefix(variants[i], "/library/")
		if !regexp.MustCompile(fmt.Sprintf(`^assets/images/photo\.[0-9a-f]{10}\.%d\.webp$`, w)).MatchString(name) {
			t.Errorf("variant %d is %s", i, name)
		}
		if data := file(t, mem, name); !strings.HasPrefix(data, "RIFF") {
			t.Errorf("%s is not a WebP file", name)
		}
	}
	if res.VariantsMade != 3 || res.VariantsCached != 0 {
		t.Errorf("made %d variants and found %d, want 3 made", res.VariantsMade, res.VariantsCached)
	}
	if !res.Site.UsesVideos() {
		t.Error("UsesVideos is false for a site that plays a video")
	}
	if headers := file(t, mem, "_headers"); !strings.Contains(headers, "frame-src https://www.youtube-nocookie.com https://player.vimeo.com;") {
		t.Errorf("the host's policy does not let the players in:\n%s", headers)
	}
	plain, res := buildSite(t, loadSite(t, "site.txtar"))
	if res.Site.UsesVideos() {
		t.Error("UsesVideos is true for a site without videos")
	}
	if headers := file(t, plain, "_headers"); !strings.Contains(headers, "frame-src 'none';") {
		t.Errorf("a site without videos lets frames in:\n%s", headers)
	}
}

// TestRebuildAfterAnEditEncodesNoImage holds a Builder (handout serve) to
// encoding each image once: an article edited makes no variant again; the
// image's file changed does, and the page shows the new one.
func TestRebuildAfterAnEditEncodesNoImage(t *testing.T) {
	fsys := mediaSite(t)
	b, mem, first := newTestBuilder(t, fsys)
	if first.VariantsMade != 3 {
		t.Fatalf("the first build made %d variants, want 3", first.VariantsMade)
	}
	old := variantsIn(memFile(t, mem, "articles/sleep/index.html"))
	const p = "content/articles/sleep.md"
	fsys[p] = &fstest.MapFile{Data: bytes.Replace(fsys[p].Data, []byte("Sleep helps."), []byte("Sleep helps you."), 1)}
	if res := rebuild(t, b, p); res.VariantsMade != 0 {
		t.Errorf("an article edit made %d variants, want none", res.VariantsMade)
	}
	fsys["content/pages/new.md"] = &fstest.MapFile{Data: []byte("---\ntitle: New\n---\n![A bedroom with the lights off](/images/photo.png)\n")}
	if res := rebuild(t, b, "content/pages/new.md"); res.VariantsMade != 0 {
		t.Errorf("a new page showing the same image made %d variants, want none", res.VariantsMade)
	}
	fsys["static/images/photo.png"] = &fstest.MapFile{Data: testPNG(t, 700, 500)}
	res := rebuild(t, b, "static/images/photo.png")
	if res.VariantsMade != 2 {
		t.Errorf("a changed image made %d variants, want 2 (480 and its own 700)", res.VariantsMade)
	}
	page := memFile(t, mem, "articles/sleep/index.html")
	if !strings.Contains(page, `width="700" height="500"`) {
		t.Error("the page does not show the changed image's size")
	}
	now := variantsIn(page)
	for _, v := range now {
		memFile(t, mem, strings.TrimPrefix(v, "/library/"))
	}
	for _, v := range old {
		if _, ok := mem.File(strings.TrimPrefix(v, "/library/")); ok {
			t.Errorf("the old variant %s is still served", v)
		}
	}
}

// TestBuildKeepsVariantsInItsCache builds twice into a folder, as handout
// build does: the second build encodes nothing and writes the same bytes;
// the cache keeps only the variants the site uses.
func TestBuildKeepsVariantsInItsCache(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, CacheDir)
	build := func(fsys fstest.MapFS) Result {
		t.Helper()
		out, err := output.NewDir(filepath.Join(dir, "public"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Build(fsys, Options{Writer: out, Now: now, Cache: cache, Scratch: dir})
		if err != nil {
			_ = out.Abort()
			t.Fatalf("%v\n%s", err, res.Diagnostics)
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		return res
	}
	fsys := mediaSite(t)
	if res := build(fsys); res.VariantsMade != 3 {
		t.Fatalf("the first build made %d variants, want 3", res.VariantsMade)
	}
	first := readDir(t, filepath.Join(dir, "public"))
	if err := os.WriteFile(filepath.Join(cache, "images", "stale-480.webp"), []byte("RIFF"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := build(fsys); res.VariantsMade != 0 || res.VariantsCached != 3 {
		t.Errorf("the second build made %d variants and found %d, want 0 and 3", res.VariantsMade, res.VariantsCached)
	}
	second := readDir(t, filepath.Join(dir, "public"))
	if len(first) != len(second) {
		t.Fatalf("the builds wrote %d and %d files", len(first), len(second))
	}
	for name, data := range first {
		if second[name] != data {
			t.Errorf("%s differs between the two builds", name)
		}
	}
	kept, _ := os.ReadDir(filepath.Join(cache, "images"))
	if len(kept) != 3 {
		t.Errorf("the cache keeps %d files, want the 3 variants the site uses", len(kept))
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBadImagesAndVideos lists every problem of a page's images and
// videos in one build, each at its place in the Markdown.
func TestBadImagesAndVideos(t *testing.T) {
	photo := testPNG(t, 600, 400)
	fsys := fstest.MapFS{
		"site.yaml":                 {Data: []byte("title: Test library\n")},
		"static/images/damaged.png": {Data: photo[:len(photo)/2]},
		"static/images/huge.png":    {Data: pngSaying(8660, 5774)},
		"static/images/notes.png":   {Data: []byte("These are my notes.")},
		"static/images/fine.png":    {Data: testPNG(t, 100, 80)},
		"content/articles/sleep.md": {Data: []byte("---\ntitle: Sleep\nsummary: Why sleep matters.\n---\n" +
			"![A missing picture](/images/missing.png)\n\n" +
			"![A damaged picture](/images/damaged.png)\n\n" +
			"![A huge picture](/images/huge.png)\n\n" +
			"![Notes](/images/notes.png)\n\n" +
			"Here: ![](/images/fine.png)\n\n" +
			"https://vimeo.com/76979871\n")},
	}
	res, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	for _, want := range []string{
		"content/articles/sleep.md:5:3: broken link: no page or file in static/ at /images/missing.png",
		"content/articles/sleep.md:7:3: image /images/damaged.png: this PNG file is damaged",
		"content/articles/sleep.md:9:3: image /images/huge.png: this image is 8660×5774 pixels (50 megapixels)",
		"content/articles/sleep.md:11:3: image /images/notes.png: not an image",
		"content/articles/sleep.md:13:7: image /images/fine.png has no description",
		`content/articles/sleep.md:15:1: this Vimeo video waits for the cookie category "marketing"`,
	} {
		found := false
		for _, d := range res.Diagnostics {
			found = found || d.Severity == diag.Error && strings.HasPrefix(d.String(), want)
		}
		if !found {
			t.Errorf("no error %q in\n%s", want, res.Diagnostics)
		}
	}
}

// TestVariantCollidesWithStaticFile holds variants to the output plan: a
// file of static/ with a variant's name is an error at the file.
func TestVariantCollidesWithStaticFile(t *testing.T) {
	fsys := mediaSite(t)
	name := fmt.Sprintf("assets/images/photo.%s.480.webp", images.Hash(fsys["static/images/photo.png"].Data)[:10])
	fsys["static/"+name] = &fstest.MapFile{Data: []byte("RIFF")}
	res, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	want := "static/" + name + ":1:1: this file has the address of the build's 480-pixel WebP copy of static/images/photo.png"
	if !strings.Contains(res.Diagnostics.String(), want) {
		t.Errorf("no %q in\n%s", want, res.Diagnostics)
	}
}
