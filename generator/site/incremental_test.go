package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/render"
)

func newTestBuilder(t testing.TB, fsys fstest.MapFS) (*Builder, *output.Memory, Result) {
	t.Helper()
	mem := output.NewMemory()
	b := NewBuilder(fsys, Options{Now: now}, mem)
	res, err := b.Rebuild(nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics.Errors())
	}
	return b, mem, res
}

func rebuild(t testing.TB, b *Builder, paths ...string) Result {
	t.Helper()
	res, err := b.Rebuild(paths)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics.Errors())
	}
	return res
}

func memFile(t testing.TB, mem *output.Memory, name string) string {
	t.Helper()
	data, ok := mem.File(name)
	if !ok {
		t.Fatalf("%s missing", name)
	}
	return string(data)
}

// TestIncrementalBodyEdit edits one article's body in a 500-article site:
// fewer than 5% of the pages are rendered again, and they are right.
func TestIncrementalBodyEdit(t *testing.T) {
	fsys := corpusFS(500, 100)
	b, mem, full := newTestBuilder(t, fsys)
	const p = "content/articles/sleep/article-24.md"
	fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[p].Data), "## Context\n\n", "## Context\n\nA sentence written just now.\n\n", 1))}
	res := rebuild(t, b, p)
	t.Logf("full build rendered %d pages; the edit rendered %d", full.Pages, res.Pages)
	if res.Pages == 0 || res.Pages*20 >= full.Pages {
		t.Errorf("the edit rendered %d of %d pages, want fewer than 5%%", res.Pages, full.Pages)
	}
	if page := memFile(t, mem, "articles/article-24/index.html"); !strings.Contains(page, "A sentence written just now.") {
		t.Error("the edited article does not show the new text")
	}
	// Building from scratch gives the same files.
	fresh := fullBuild(t, fsys)
	if got, want := mem.Names(), fresh.Names(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("incremental output has %d files, a full build %d", len(got), len(want))
	}
	for _, name := range differing(fresh, mem) {
		t.Errorf("%s differs from a full build", name)
	}
}

func TestIncrementalChanges(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	b, mem, _ := newTestBuilder(t, fsys)

	// A new folder with a new article.
	fsys["content/articles/new/dopamine.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Dopamine\nsummary: A messenger for reward.\ntags: [mood]\n---\nDopamine and serotonin.\n\n## Context\n## Mechanism\n## Risk\n")}
	rebuild(t, b, "content/articles/new/dopamine.md")
	if !strings.Contains(memFile(t, mem, "articles/dopamine/index.html"), "<h1 id=\"page-title\">Dopamine</h1>") {
		t.Error("the new article was not built")
	}
	if !strings.Contains(memFile(t, mem, "tags/mood/index.html"), "Dopamine") {
		t.Error("the new article is not on its tag page")
	}

	// Broken front matter fails; fixing it builds again.
	good := fsys["content/articles/new/dopamine.md"].Data
	fsys["content/articles/new/dopamine.md"] = &fstest.MapFile{Data: []byte("---\ntitle: [Dopamine\n---\n")}
	res, err := b.Rebuild([]string{"content/articles/new/dopamine.md"})
	if err == nil || !strings.Contains(res.Diagnostics.String(), "content/articles/new/dopamine.md:2:") {
		t.Fatalf("broken front matter: err %v\n%s", err, res.Diagnostics)
	}
	fsys["content/articles/new/dopamine.md"] = &fstest.MapFile{Data: append(good, []byte("\nFixed now.\n")...)}
	rebuild(t, b, "content/articles/new/dopamine.md")
	if !strings.Contains(memFile(t, mem, "articles/dopamine/index.html"), "Fixed now.") {
		t.Error("the fix did not show")
	}

	// A deleted article: its page and the links to it go.
	delete(fsys, "content/articles/new/dopamine.md")
	rebuild(t, b, "content/articles/new/dopamine.md")
	if _, ok := mem.File("articles/dopamine/index.html"); ok {
		t.Error("the deleted article's page is still served")
	}
	if strings.Contains(memFile(t, mem, "tags/mood/index.html"), "Dopamine") {
		t.Error("the deleted article is still on its tag page")
	}

	// A summary change reaches the glossary links of other articles.
	fsys["content/articles/sleep.md"].Data = []byte(strings.Replace(string(fsys["content/articles/sleep.md"].Data), "summary: Sleep lets the body and brain rest and repair.", "summary: Sleep is when the body rests.", 1))
	rebuild(t, b, "content/articles/sleep.md")
	if !strings.Contains(memFile(t, mem, "articles/serotonin/index.html"), `data-definition="Sleep is when the body rests."`) {
		t.Error("the changed summary did not reach the glossary link in another article")
	}
}

// TestIncrementalBurst changes 200 files at once, as a git checkout does,
// and checks the output against a full build.
func TestIncrementalBurst(t *testing.T) {
	fsys := corpusFS(300, 50)
	b, mem, _ := newTestBuilder(t, fsys)
	var changed []string
	for i := range 200 {
		p := fmt.Sprintf("content/articles/%s/article-%d.md", []string{"sleep", "mood", "stress", "nutrition", "medicines", "tests", "supplements", "brain chemistry", "exercise", "pain", "heart health", "digestion"}[i%12], i)
		f, ok := fsys[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		f.Data = []byte(strings.Replace(string(f.Data), "## Risk\n\n", fmt.Sprintf("## Risk\n\nChange number %d.\n\n", i), 1))
		changed = append(changed, p)
	}
	rebuild(t, b, changed...)
	for _, name := range differing(fullBuild(t, fsys), mem) {
		t.Errorf("%s differs from a full build", name)
	}
	if !strings.Contains(memFile(t, mem, "articles/article-199/index.html"), "Change number 199.") {
		t.Error("the last change is missing")
	}
}

// BenchmarkIncrementalEdit times the rebuild after one article's body
// changes in a site of benchArticles articles.
func BenchmarkIncrementalEdit(b *testing.B) {
	fsys := corpusFS(benchArticles(), benchArticles()/5)
	builder, _, _ := newTestBuilder(b, fsys)
	p := "content/articles/sleep/article-24.md"
	if _, ok := fsys[p]; !ok {
		p = "content/articles/sleep/article-0.md"
	}
	original := string(fsys[p].Data)
	i := 0
	for b.Loop() {
		i++
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(original, "## Context\n\n", fmt.Sprintf("## Context\n\nEdit %d.\n\n", i), 1))}
		rebuild(b, builder, p)
	}
}

// TestFingerprintCoversEveryField fails when render's page view gains a
// field that pageHash does not hash, which would leave pages stale in
// serve.
func TestFingerprintCoversEveryField(t *testing.T) {
	for typ, want := range map[reflect.Type]int{
		reflect.TypeFor[render.Page]():            13,
		reflect.TypeFor[render.Share]():           10,
		reflect.TypeFor[render.ShareImage]():      6,
		reflect.TypeFor[render.Article]():         15,
		reflect.TypeFor[render.Alternate]():       4,
		reflect.TypeFor[render.Language]():        3,
		reflect.TypeFor[render.Translation]():     3,
		reflect.TypeFor[render.Term]():            3,
		reflect.TypeFor[render.Entry]():           6,
		reflect.TypeFor[render.Group]():           4,
		reflect.TypeFor[render.Link]():            2,
		reflect.TypeFor[render.Section]():         2,
		reflect.TypeFor[render.Source]():          2,
		reflect.TypeFor[render.Site]():            15,
		reflect.TypeFor[render.Brand]():           6,
		reflect.TypeFor[render.Logo]():            4,
		reflect.TypeFor[render.Icon]():            4,
		reflect.TypeFor[render.Stylesheet]():      2,
		reflect.TypeFor[render.Footer]():          4,
		reflect.TypeFor[render.Menus]():           2,
		reflect.TypeFor[render.MenuItem]():        4,
		reflect.TypeFor[render.Consent]():         4,
		reflect.TypeFor[render.ConsentCategory](): 4,
		reflect.TypeFor[render.ConsentScript]():   2,
	} {
		if got := typ.NumField(); got != want {
			t.Errorf("%s has %d fields, pageHash knows %d: hash the new field in fingerprint.go, then update this count", typ, got, want)
		}
	}
}

// TestQuickRebuildEqualsFullBuild makes edits that other pages show only
// through links, glossary mentions and related articles (the quick path of
// a rebuild) and, after each, compares everything served with a full
// build of the same files.
func TestQuickRebuildEqualsFullBuild(t *testing.T) {
	fsys := corpusFS(150, 30)
	b, mem, first := newTestBuilder(t, fsys)
	var articles []string
	for p := range fsys {
		if strings.HasPrefix(p, "content/articles/") {
			articles = append(articles, p)
		}
	}
	slices.Sort(articles)
	title := func(p string) string {
		_, rest, _ := strings.Cut(string(fsys[p].Data), "title: ")
		line, _, _ := strings.Cut(rest, "\n")
		return line
	}
	term := func(i int) string {
		_, rest, _ := strings.Cut(string(fsys[fmt.Sprintf("content/glossary/term-%d.md", i)].Data), "term: ")
		line, _, _ := strings.Cut(rest, "\n")
		return line
	}
	edit := func(p, old, new string) {
		data := string(fsys[p].Data)
		if !strings.Contains(data, old) {
			t.Fatalf("%s has no %q", p, old)
		}
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"a new wiki link", func() {
			edit(articles[3], "## Context\n\n", "## Context\n\nSee [["+title(articles[40])+"]] too.\n\n")
		}},
		{"links removed", func() {
			edit(articles[7], "## Significance\n\n", "## Significance\n\nNo more links here.\n\n")
			data := string(fsys[articles[7]].Data)
			for strings.Contains(data, "[[") {
				i := strings.Index(data, "[[")
				j := strings.Index(data[i:], "]]")
				data = data[:i] + "a page" + data[i+j+2:]
			}
			fsys[articles[7]] = &fstest.MapFile{Data: []byte(data)}
		}},
		{"a link to a section", func() {
			edit(articles[11], "## Risk\n\n", "## Risk\n\nRead [["+title(articles[12])+"#Mechanism]].\n\n")
		}},
		{"glossary mentions", func() {
			edit(articles[20], "## Mechanism\n\n", "## Mechanism\n\nThis is about "+term(3)+" and "+term(17)+" and "+title(articles[99])+".\n\n")
		}},
		{"pinned related", func() {
			edit(articles[30], "reviewed_by:", "related: ["+title(articles[31])+"]\nreviewed_by:")
		}},
		{"reviewer", func() {
			edit(articles[33], "reviewed_by: \"", "reviewed_by: \"Prof. ")
		}},
		{"two files", func() {
			edit(articles[50], "## Application\n\n", "## Application\n\n"+term(5)+" matters.\n\n")
			edit(articles[51], "## Application\n\n", "## Application\n\nSee [["+title(articles[50])+"]].\n\n")
		}},
	}
	for _, step := range steps {
		before := map[string]string{}
		for _, p := range articles {
			before[p] = string(fsys[p].Data)
		}
		step.do()
		var changed []string
		for _, p := range articles {
			if string(fsys[p].Data) != before[p] {
				changed = append(changed, p)
			}
		}
		res := rebuild(t, b, changed...)
		if !res.AffectedOnly || res.Pages == 0 || res.Pages >= first.Pages/10 {
			t.Errorf("%s: quick %v, %d pages of %d rendered again", step.name, res.AffectedOnly, res.Pages, first.Pages)
		}
		full := fullBuild(t, fsys)
		for _, name := range differing(full, mem) {
			t.Errorf("%s: %s differs from a full build", step.name, name)
		}
		if len(mem.Names()) != len(full.Names()) {
			t.Errorf("%s: %d files served, a full build has %d", step.name, len(mem.Names()), len(full.Names()))
		}
	}
	// Wider edits: a summary that glossary links carry (the articles that
	// link it are converted again from the Markdown the Builder kept, and
	// every page's view is compared), and a title, the old one kept as a
	// synonym for the links to it (every document is converted again, and
	// the search index numbers them anew).
	renamed := articles[60]
	for _, step := range []struct {
		name, file string
		do         func()
	}{
		{"a summary", articles[99], func() { edit(articles[99], "summary: ", "summary: Now ") }},
		{"a title", renamed, func() {
			old := title(renamed)
			edit(renamed, "title: ", "title: Renamed ")
			edit(renamed, "synonyms: [", "synonyms: ["+old+", ")
		}},
	} {
		step.do()
		if res := rebuild(t, b, step.file); res.AffectedOnly || res.Pages == 0 {
			t.Errorf("%s: quick %v, %d pages rendered again", step.name, res.AffectedOnly, res.Pages)
		}
		for _, name := range differing(fullBuild(t, fsys), mem) {
			t.Errorf("%s: %s differs from a full build", step.name, name)
		}
	}
	// A template change renders every page from what the quick rebuilds
	// left (patched tags and index): still the same as a full build.
	if res := rebuild(t, b, "templates/partials/unused.html"); res.AffectedOnly || res.Pages == 0 {
		t.Fatalf("a template change: quick %v, %d pages", res.AffectedOnly, res.Pages)
	}
	for _, name := range differing(fullBuild(t, fsys), mem) {
		t.Errorf("after a template change: %s differs from a full build", name)
	}
}

// fullBuild builds fsys whole into memory.
func fullBuild(t testing.TB, fsys fstest.MapFS) *output.Memory {
	t.Helper()
	full := output.NewMemory()
	if res, err := Build(fsys, Options{Writer: full, Now: now}); err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	return full
}

// differing lists the files of full that got lacks or holds otherwise,
// and the files got has that full lacks (such as search files of an
// older index left behind).
func differing(full, got *output.Memory) []string {
	var out []string
	for _, name := range full.Names() {
		want, _ := full.File(name)
		if data, _ := got.File(name); string(data) != string(want) {
			out = append(out, name)
		}
	}
	for _, name := range got.Names() {
		if _, ok := full.File(name); !ok {
			out = append(out, name+" (not in a full build)")
		}
	}
	return out
}

// TestOneShotBuildLetsDocumentsGo checks what keeps `handout build`'s
// memory low: once built, no document holds its Markdown, its HTML or
// its text blocks (each went as soon as its last reader was done: the
// consent check, the page, the search index), while a Builder, which
// converts again after edits and renders again, keeps the Markdown and
// the HTML (compressed), but not the text blocks, whose words its search
// documents hold; both write the same files.
func TestOneShotBuildLetsDocumentsGo(t *testing.T) {
	fsys := corpusFS(40, 10)
	full := output.NewMemory()
	res, err := Build(fsys, Options{Writer: full, Now: now})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	all := res.Site.allLanguages()
	if len(all) < 50 {
		t.Fatalf("%d documents built, want 50", len(all))
	}
	for _, d := range all {
		if d.Body != nil || d.Result.HTML != nil || d.Result.Blocks != nil {
			t.Errorf("%s still holds %d bytes of Markdown, %d of HTML and %d text blocks after the build", d.Path, len(d.Body), len(d.Result.HTML), len(d.Result.Blocks))
		}
		if r := d.Result; r.Links != nil || r.Anchors != nil || r.Lists != nil || r.Images != nil {
			t.Errorf("%s still holds its links, anchors and lists after the build", d.Path)
		}
	}
	if res.Site.Glossary != nil {
		t.Error("the glossary matcher is still held after the build")
	}
	b, mem, kept := newTestBuilder(t, fsys)
	loaded, problems := Load(fsys, LoadOptions{})
	if loaded == nil {
		t.Fatal(problems)
	}
	for _, d := range kept.Site.allLanguages() {
		want := loaded.Doc(d.Path)
		if got := b.mode.body(d); !bytes.Equal(got, want.Body) {
			t.Errorf("the Builder keeps %d bytes of Markdown of %s, want %d: an edit elsewhere could not convert it again", len(got), d.Path, len(want.Body))
		}
		if got := b.mode.html(d); !bytes.Equal(got, want.Result.HTML) {
			t.Errorf("the Builder keeps %d bytes of HTML of %s, want %d: a rebuild could not render its page again", len(got), d.Path, len(want.Result.HTML))
		}
		if d.Result.Blocks != nil || d.searchDoc.Blocks != nil {
			t.Errorf("the Builder still holds the text blocks of %s, whose tokens its search document holds", d.Path)
		}
	}
	for _, name := range differing(full, mem) {
		t.Errorf("%s differs between a one-shot build and a Builder", name)
	}
}

// TestScratchKeepsHTMLOutOfMemory builds with a scratch folder, where the
// converted HTML waits for its page on disk (here from the first byte,
// not after memoryFirst): the files written are the same as without, and
// the folder is left empty.
func TestScratchKeepsHTMLOutOfMemory(t *testing.T) {
	fsys := corpusFS(40, 10)
	scratch := t.TempDir()
	hold := newHeld(scratch)
	hold.memoryFirst = 0
	spilled := output.NewMemory()
	res, err := buildHolding(fsys, Options{Writer: spilled, Now: now, Scratch: scratch}, hold)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	inFile := 0
	for _, d := range res.Site.allLanguages() {
		if d.html.n > 0 && !d.html.inMemory {
			inFile++
		}
	}
	if want := len(res.Site.allLanguages()); inFile != want {
		t.Errorf("%d of %d documents' HTML went to the scratch file", inFile, want)
	}
	if left, _ := os.ReadDir(scratch); len(left) > 0 {
		t.Errorf("the build left %s in the scratch folder", left[0].Name())
	}
	for _, name := range differing(fullBuild(t, fsys), spilled) {
		t.Errorf("%s differs with a scratch folder", name)
	}
}

// TestHeldReadFailureIsKept checks that text which cannot be read back
// from the hold fails the build instead of leaving a page empty, and that
// text held in memory (no scratch folder) is read back and let go.
func TestHeldReadFailureIsKept(t *testing.T) {
	h := newHeld(t.TempDir())
	h.memoryFirst = 0
	at := h.put([]byte("<p>Sleep helps.</p>"))
	if at.inMemory {
		t.Fatal("the text went to memory although there is a scratch file")
	}
	if got := string(h.get(at)); got != "<p>Sleep helps.</p>" || h.err != nil {
		t.Fatalf("read back %q, %v", got, h.err)
	}
	if err := h.f.Close(); err != nil {
		t.Fatal(err)
	}
	h.get(at)
	if err := h.close(); err == nil {
		t.Error("a read from a closed scratch file was not kept as a failure")
	}
	mem := newHeld("")
	at = mem.put([]byte("<p>Rest.</p>"))
	if got := string(mem.get(at)); got != "<p>Rest.</p>" || mem.mem[at.at] != nil {
		t.Errorf("in memory: read back %q, still held: %v", got, mem.mem[at.at] != nil)
	}
}

// TestHeldMemoryFirst: a hold with a scratch file keeps texts in memory
// up to memoryFirst bytes at a time, then writes them to the file; a text
// read back makes room again.
func TestHeldMemoryFirst(t *testing.T) {
	h := newHeld(t.TempDir())
	defer h.close()
	h.memoryFirst = 10
	first, second := h.put([]byte("Sleep.")), h.put([]byte("Rest."))
	if !first.inMemory || second.inMemory {
		t.Fatalf("6 then 5 bytes of 10 in memory: in memory %v, %v; want true, false", first.inMemory, second.inMemory)
	}
	if got := string(h.get(first)); got != "Sleep." {
		t.Errorf("read back %q from memory", got)
	}
	if third := h.put([]byte("Walk.")); !third.inMemory {
		t.Error("once the first text was read back, the next did not go to memory")
	}
	if got := string(h.get(second)); got != "Rest." || h.err != nil {
		t.Errorf("read back %q from the file, %v", got, h.err)
	}
}

// savedDuringBuild serves a file system in which one file is saved again
// after its first read: what a one-shot build sees when an editor saves
// while it runs.
type savedDuringBuild struct {
	fsys  fstest.MapFS
	path  string
	later []byte
	reads atomic.Int32
}

func (s *savedDuringBuild) Open(name string) (fs.File, error) {
	if name == s.path && s.reads.Add(1) > 1 {
		return fstest.MapFS{name: {Data: s.later}}.Open(name)
	}
	return s.fsys.Open(name)
}

// Stat does not count as a read.
func (s *savedDuringBuild) Stat(name string) (fs.FileInfo, error) { return s.fsys.Stat(name) }

// TestOneShotBuildReadsEachFileOnce checks that a one-shot build reads
// each content file once, front matter and Markdown together (the
// Markdown waits in the hold until it is converted), so that a file saved
// while the build runs cannot mix two versions: the page holds what was
// read.
func TestOneShotBuildReadsEachFileOnce(t *testing.T) {
	fsys := corpusFS(40, 10)
	var articles []string
	for name := range fsys {
		if strings.HasPrefix(name, "content/articles/") {
			articles = append(articles, name)
		}
	}
	slices.Sort(articles)
	article := articles[0]
	changed := &savedDuringBuild{fsys: fsys, path: article, later: append(slices.Clone(fsys[article].Data), "\nA sentence saved during the build.\n"...)}
	out := output.NewMemory()
	res, err := Build(changed, Options{Writer: out, Now: now, Scratch: t.TempDir()})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	if n := changed.reads.Load(); n != 1 {
		t.Errorf("%s was read %d times, want once", article, n)
	}
	page, _ := out.File(fileOf(res.Site.Doc(article).URL()))
	if len(page) == 0 || strings.Contains(string(page), "saved during the build") {
		t.Errorf("the page of %s does not hold what was read first:\n%.300s", article, page)
	}
}

// TestBuilderForgetsStaticProblems: a problem with a static file is
// reported once however many times static/ changes, and goes when the
// file does.
func TestBuilderForgetsStaticProblems(t *testing.T) {
	const bad = "static/My Photo.png"
	fsys := loadSite(t, "site.txtar")
	fsys[bad] = &fstest.MapFile{Data: []byte("png")}
	b := NewBuilder(fsys, Options{Now: now}, output.NewMemory())
	count := func(res Result) int {
		n := 0
		for _, d := range res.Diagnostics {
			if d.Path == bad {
				n++
			}
		}
		return n
	}
	if res, _ := b.Rebuild(nil); count(res) != 1 {
		t.Fatalf("first build: %d problems with %s:\n%s", count(res), bad, res.Diagnostics)
	}
	fsys["static/a.png"] = &fstest.MapFile{Data: []byte("png")}
	if res, _ := b.Rebuild([]string{"static/a.png"}); count(res) != 1 {
		t.Errorf("after another static file came: %d problems with %s:\n%s", count(res), bad, res.Diagnostics)
	}
	delete(fsys, bad)
	if res, err := b.Rebuild([]string{bad}); err != nil || count(res) != 0 {
		t.Errorf("after %s went: %v, %d problems with it:\n%s", bad, err, count(res), res.Diagnostics)
	}
}
