package site

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/output"
)

// TestBuildKeepsQRCodesInItsCache builds again and again with a cache
// folder, as handout build does: the second build encodes no QR code and
// writes the same bytes as the first; an article removed takes its code
// out of the cache, so that putting it back encodes it again; and a cache
// file that is not whole is encoded over, with the same output.
func TestBuildKeepsQRCodesInItsCache(t *testing.T) {
	cache := filepath.Join(t.TempDir(), CacheDir)
	build := func(fsys fstest.MapFS) (Result, *output.Memory) {
		t.Helper()
		out := output.NewMemory()
		res, err := Build(fsys, Options{Writer: out, Now: now, Cache: cache})
		if err != nil {
			t.Fatalf("%v\n%s", err, res.Diagnostics)
		}
		return res, out
	}
	fsys := corpusFS(12, 4)
	// An article no other links to, so that the library builds without it.
	var extra string
	for name, f := range fsys {
		if strings.HasPrefix(name, "content/articles/") {
			extra = name[:len(name)-len(".md")] + "-extra.md"
			data := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(f.Data, []byte("title: Read by no one"))
			fsys[extra] = &fstest.MapFile{Data: regexp.MustCompile(`(?m)^synonyms: .*\n`).ReplaceAll(data, nil)}
			break
		}
	}
	first, want := build(fsys)
	if first.QRCodesMade == 0 || first.QRCodesCached != 0 {
		t.Fatalf("the first build made %d QR codes and found %d, want some and 0", first.QRCodesMade, first.QRCodesCached)
	}
	codes := first.QRCodesMade
	second, got := build(fsys)
	if second.QRCodesMade != 0 || second.QRCodesCached != codes {
		t.Errorf("the second build made %d QR codes and found %d, want 0 and %d", second.QRCodesMade, second.QRCodesCached, codes)
	}
	for _, name := range differing(want, got) {
		t.Errorf("%s differs when the QR codes come from the cache", name)
	}

	without := maps.Clone(fsys)
	delete(without, extra)
	if res, _ := build(without); res.QRCodesMade != 0 || res.QRCodesCached != codes-1 {
		t.Errorf("without %s: made %d QR codes and found %d, want 0 and %d", extra, res.QRCodesMade, res.QRCodesCached, codes-1)
	}
	if res, _ := build(fsys); res.QRCodesMade != 1 || res.QRCodesCached != codes-1 {
		t.Errorf("with %s back: made %d QR codes and found %d, want 1 and %d", extra, res.QRCodesMade, res.QRCodesCached, codes-1)
	}

	file := filepath.Join(cache, qrCodesFile)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	res, got := build(fsys)
	if res.QRCodesMade != codes {
		t.Errorf("from a cache cut short: made %d QR codes, want %d", res.QRCodesMade, codes)
	}
	for _, name := range differing(want, got) {
		t.Errorf("%s differs after a cache cut short", name)
	}
}
