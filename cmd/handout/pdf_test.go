package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"github.com/handout-health/handout/generator/pdf"
)

// requireChromium skips the test without Chromium, or fails it under
// CI=true, which installs it.
func requireChromium(t *testing.T) {
	t.Helper()
	if _, err := pdf.FindBrowser(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

// poppler runs a tool of poppler-utils, skipping the test where they are
// not installed (failing under CI=true, which installs them).
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (poppler-utils) is required under CI=true", tool)
		}
		t.Skipf("%s not found: apt-get install poppler-utils", tool)
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return string(out)
}

// TestPDFLeafletsOfTheSample runs build --pdf on the sample library and
// reads back every leaflet: Letter paper (the sample's print.paper), its
// page count within print.max_pages, the page's title as the PDF's
// title, the page's language, tagged structure, its text extractable
// (title, short address, the day printed), a QR code on its first page
// that decodes to the page's canonical address; every large-print
// leaflet's text is 18 pt or more. A second run prints nothing again.
func TestPDFLeafletsOfTheSample(t *testing.T) {
	requireChromium(t)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runHandout(t, "build", repoRoot(t), "--pdf", "-d", out)
	if code != 0 {
		t.Fatalf("build --pdf: exit %d\n%s%s", code, stdout, stderr)
	}
	if !regexp.MustCompile(`Printed 38 PDF leaflets in \d+ ms\n`).MatchString(stdout) || strings.Contains(stderr, "max_pages") {
		t.Errorf("build --pdf says:\n%s%s\nwant 38 leaflets printed, none over print.max_pages", stdout, stderr)
	}
	pages, err := filepath.Glob(filepath.Join(out, "*", "articles", "*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	english, _ := filepath.Glob(filepath.Join(out, "articles", "*", "index.html"))
	pages = append(pages, english...)
	if len(pages) != 19 {
		t.Fatalf("found %d article pages, want the sample's 19", len(pages))
	}
	for _, page := range pages {
		html := readFile(t, page)
		dir := filepath.Dir(page)
		slug := filepath.Base(dir)
		normal := checkLeaflet(t, html, filepath.Join(dir, slug+".pdf"), false)
		large := checkLeaflet(t, html, filepath.Join(dir, slug+"-large-print.pdf"), true)
		if large <= normal {
			t.Errorf("%s: the large print has %d pages, the leaflet %d", slug, large, normal)
		}
		if !strings.Contains(html, `href="/`+strings.TrimPrefix(filepath.ToSlash(strings.TrimPrefix(dir, out)), "/")+"/"+slug+`.pdf" type="application/pdf"`) {
			t.Errorf("%s: the page does not link its leaflet", slug)
		}
	}

	before := readTree(t, out)
	code, stdout, stderr = runHandout(t, "build", repoRoot(t), "--pdf", "-d", out)
	if code != 0 || !strings.Contains(stdout, "Printed 0 PDF leaflets (38 unchanged, from the cache)") {
		t.Errorf("the second build --pdf: exit %d\n%s%s\nwant nothing printed again", code, stdout, stderr)
	}
	after := readTree(t, out)
	for name, data := range before {
		if strings.HasSuffix(name, ".pdf") && after[name] != data {
			t.Errorf("%s changed on the second run", name)
		}
	}
}

var (
	pdfTitle  = regexp.MustCompile(`(?m)^Title:\s+(.*)$`)
	pdfPages  = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
	htmlTitle = regexp.MustCompile(`<title>([^<]*)</title>`)
	htmlLang  = regexp.MustCompile(`<html lang="([^"]+)">`)
	canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	fontSpec  = regexp.MustCompile(`<fontspec id="(\d+)" size="(\d+)"`)
	textRun   = regexp.MustCompile(`<text [^>]*font="(\d+)">(.*?)</text>`)
)

// checkLeaflet checks one leaflet of the page html, and returns its
// number of pages.
func checkLeaflet(t *testing.T, html, file string, large bool) int {
	t.Helper()
	name := filepath.Base(file)
	info := poppler(t, "pdfinfo", file)
	if !strings.Contains(info, "Page size:       612 x 792 pts (letter)") || !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("%s: not a tagged PDF on Letter paper:\n%s", name, info)
	}
	want := strings.ReplaceAll(htmlTitle.FindStringSubmatch(html)[1], "&amp;", "&")
	if m := pdfTitle.FindStringSubmatch(info); m == nil || m[1] != want {
		t.Errorf("%s: title %q, want the page's %q", name, m, want)
	}
	m := pdfPages.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("%s: no page count:\n%s", name, info)
	}
	pages, _ := strconv.Atoi(m[1])
	if !large && (pages < 1 || pages > 8) {
		t.Errorf("%s prints on %d pages, want 1 to 8 (the sample's print.max_pages)", name, pages)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if lang := htmlLang.FindStringSubmatch(html)[1]; !bytes.Contains(data, []byte("/Lang ("+lang+")")) {
		t.Errorf("%s: no /Lang (%s)", name, lang)
	}
	address := canonical.FindStringSubmatch(html)[1]
	text := strings.Join(strings.Fields(poppler(t, "pdftotext", file, "-")), " ")
	short := strings.TrimPrefix(address, "https://")
	// Words as pdftotext joins lines: without spaces, and without the
	// hyphens where an address broke at the end of a line.
	squeeze := strings.NewReplacer(" ", "", "-", "").Replace
	lang := htmlLang.FindStringSubmatch(html)[1]
	printedOn := map[string]string{"en": "Printed on ", "es": "Impreso el "}[lang]
	for _, want := range []string{strings.SplitN(want, " – ", 2)[0], short, printedOn} {
		if !strings.Contains(squeeze(text), squeeze(want)) {
			t.Errorf("%s: the text lacks %q", name, want)
		}
	}
	if got := qrOnFirstPage(t, file); got != address {
		t.Errorf("%s: the QR code reads %q, want %q", name, got, address)
	}
	if large {
		// Text drawn in a picture (an SVG diagram's labels) keeps its size:
		// nine characters in ten at 18 pt or more is the text of the page.
		if body, share := fontSizes(t, file); body < 18 || share < 0.9 {
			t.Errorf("%s: body text at %d pt, and %.0f%% of the text at 18 pt or more, want 18 pt and 90%%", name, body, 100*share)
		}
	}
	return pages
}

// qrOnFirstPage paints a leaflet's first page at 150 dpi and decodes the
// QR code there.
func qrOnFirstPage(t *testing.T, file string) string {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	poppler(t, "pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", file, prefix)
	shots, _ := filepath.Glob(prefix + "*.png")
	if len(shots) != 1 {
		t.Fatalf("pdftoppm made %v", shots)
	}
	f, err := os.Open(shots[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Errorf("%s: no QR code on the first page: %v", filepath.Base(file), err)
		return ""
	}
	return res.GetText()
}

// fontSizes reads a PDF's text runs (pdftohtml -xml, in points) and
// returns the size of most of the text, by characters, and the share of
// the characters at 18 pt or more.
func fontSizes(t *testing.T, file string) (body int, large float64) {
	t.Helper()
	xml := poppler(t, "pdftohtml", "-xml", "-i", "-stdout", "-zoom", "1", file)
	sizes := map[string]int{}
	for _, m := range fontSpec.FindAllStringSubmatch(xml, -1) {
		sizes[m[1]], _ = strconv.Atoi(m[2])
	}
	chars := map[int]int{}
	total, big := 0, 0
	for _, m := range textRun.FindAllStringSubmatch(xml, -1) {
		n := len([]rune(strings.TrimSpace(m[2])))
		size := sizes[m[1]]
		chars[size] += n
		total += n
		if size >= 18 {
			big += n
		}
	}
	if total == 0 {
		t.Fatalf("%s: no text runs", filepath.Base(file))
	}
	for size, n := range chars {
		if n > chars[body] {
			body = size
		}
	}
	return body, float64(big) / float64(total)
}

// TestRackSet prints the rack set of one topic of the sample: a cover
// with the topic, a contents page whose page numbers are where each
// leaflet starts, and each leaflet whole (the set's pages are the cover
// and contents and every leaflet's own).
func TestRackSet(t *testing.T) {
	requireChromium(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	code, stdout, stderr := runHandout(t, "pdf", repoRoot(t), "-d", out, "--set", "Sleep")
	if code != 0 {
		t.Fatalf("pdf --set: exit %d\n%s%s", code, stdout, stderr)
	}
	rack := filepath.Join(dir, "leaflets-sleep.pdf")
	if !strings.Contains(stdout, "Wrote the rack set of 3 leaflets to "+rack) {
		t.Errorf("pdf --set says:\n%s", stdout)
	}
	info := poppler(t, "pdfinfo", rack)
	total, _ := strconv.Atoi(pdfPages.FindStringSubmatch(info)[1])
	cover := poppler(t, "pdftotext", "-f", "1", "-l", "1", rack, "-")
	if !strings.Contains(cover, "Sleep") || !strings.Contains(cover, "Leaflets in this set: 3") || !strings.Contains(cover, "Riverside Clinic Health Library") {
		t.Errorf("the cover says:\n%s", cover)
	}
	contents := poppler(t, "pdftotext", "-f", "2", "-l", "2", "-layout", rack, "-")
	entries := regexp.MustCompile(`(?m)^\s*(\S.*?)\s+page (\d+)\s*$`).FindAllStringSubmatch(contents, -1)
	if len(entries) != 3 {
		t.Fatalf("the contents page lists %d leaflets, want the 3 on sleep:\n%s", len(entries), contents)
	}
	slugs := map[string]string{} // the English articles' slugs by title
	english, _ := filepath.Glob(filepath.Join(out, "articles", "*", "index.html"))
	for _, page := range english {
		if m := regexp.MustCompile(`<h1 id="page-title">([^<]*)</h1>`).FindStringSubmatch(readFile(t, page)); m != nil {
			slugs[m[1]] = filepath.Base(filepath.Dir(page))
		}
	}
	sum := 2
	for _, e := range entries {
		start, _ := strconv.Atoi(e[2])
		first := poppler(t, "pdftotext", "-f", fmt.Sprint(start), "-l", fmt.Sprint(start), rack, "-")
		if !strings.Contains(first, e[1]) {
			t.Errorf("the contents says %q starts on page %d, which reads:\n%.300s", e[1], start, first)
		}
		slug := slugs[e[1]]
		if slug == "" || !strings.Contains(readFile(t, filepath.Join(out, "articles", slug, "index.html")), `href="/tags/sleep/"`) {
			t.Errorf("the set holds %q, not an English article on sleep", e[1])
			continue
		}
		alone, _ := strconv.Atoi(pdfPages.FindStringSubmatch(poppler(t, "pdfinfo", filepath.Join(out, "articles", slug, slug+".pdf")))[1])
		sum += alone
	}
	if total != sum {
		t.Errorf("the rack set has %d pages, want %d (cover, contents and each leaflet's own)", total, sum)
	}
}

// TestPDFWithoutChromium: with no Chromium, build --pdf, check --pdf and
// handout pdf exit 2
// with how to install it, and a plain build is unaffected.
func TestPDFWithoutChromium(t *testing.T) {
	site := writeSite(t, map[string]string{
		"site.yaml":                 "title: Clinic\nbase_url: https://clinic.example/\n",
		"content/articles/sleep.md": "---\ntitle: Sleep\nsummary: Rest.\n---\nSleep well.\n",
	})
	env := append(slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "CHROMIUM=")
	}), "PATH="+t.TempDir())
	noBrowser := func(args ...string) (int, string, string) { return runHandoutIn(t, env, args...) }
	for _, args := range [][]string{{"build", site, "--pdf"}, {"pdf", site}, {"pdf", site, "--set", "all"}, {"check", site, "--pdf"}} {
		code, stdout, stderr := noBrowser(args...)
		if code != 2 || !strings.Contains(stderr, "needs Chromium, which was not found: install it (Debian and Ubuntu: apt-get install chromium") {
			t.Errorf("%v: exit %d\n%s%s\nwant exit 2 with the install hint", args, code, stdout, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Error("a --pdf run without Chromium wrote the output")
	}
	code, stdout, stderr := noBrowser("build", site)
	if code != 0 || !strings.Contains(stdout, "Built ") {
		t.Errorf("build without Chromium: exit %d\n%s%s", code, stdout, stderr)
	}
	if html := readFile(t, filepath.Join(site, "public", "articles", "sleep", "index.html")); strings.Contains(html, ".pdf") {
		t.Error("a plain build links PDF leaflets it did not print")
	}
}
