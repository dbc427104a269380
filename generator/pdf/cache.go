package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/handout-health/handout/generator/internal/cachedir"
)

// cacheVersion changes when the way leaflets are printed changes (the
// page numbers, the large print's class), so that every one is printed
// again.
const cacheVersion = "handout leaflet 1"

// cacheFolder is the folder of leaflets in the cache folder, beside the
// image variants' (images/).
const cacheFolder = "pdf"

// cache keeps printed leaflets by key in a folder, and remembers the keys
// used, for prune.
type cache struct {
	// root is the cache folder, dir its folder of leaflets ("" for none).
	root, dir string
	mu        sync.Mutex
	used      map[string]bool
}

func newCache(root string) *cache {
	c := &cache{root: root, used: map[string]bool{}}
	if root != "" {
		c.dir = filepath.Join(root, cacheFolder)
	}
	return c
}

// get returns the leaflet of key, when the cache has it whole.
func (c *cache) get(key string) ([]byte, bool) {
	if c.dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(c.dir, key+".pdf"))
	if err != nil || !wholePDF(data) {
		return nil, false
	}
	return data, true
}

// wholePDF reports whether data is a PDF that was not cut short.
func wholePDF(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-")) && bytes.Contains(data[max(0, len(data)-64):], []byte("%%EOF"))
}

// put keeps a leaflet, whole or not at all; a cache that cannot be
// written is only slower.
func (c *cache) put(key string, data []byte) {
	if c.dir != "" {
		_ = cachedir.Write(c.root, cacheFolder+"/"+key+".pdf", data)
	}
}

// keep notes keys as used.
func (c *cache) keep(keys ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys {
		c.used[k] = true
	}
}

// prune removes every leaflet not used, and what a run cut short left.
func (c *cache) prune() {
	entries, err := os.ReadDir(c.dir)
	if c.dir == "" || err != nil {
		return
	}
	for _, e := range entries {
		key, isLeaflet := strings.CutSuffix(e.Name(), ".pdf")
		if strings.HasPrefix(e.Name(), ".tmp-") || isLeaflet && !c.used[key] && !e.IsDir() {
			_ = os.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}

// keysOf returns the keys of a job's leaflet and large print: hashes of
// the page's HTML, of every file of the site it loads (stylesheets,
// scripts, pictures: their addresses are not all named by their bytes),
// of the paper and of the kind of leaflet.
func keysOf(opts Options, browserVersion string, j Job) ([2]string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", cacheVersion, opts.Paper, browserVersion)
	pageFile := strings.TrimSuffix(j.Page, "/") + "/index.html"
	page, err := os.ReadFile(filepath.Join(opts.Dir, filepath.FromSlash(pageFile)))
	if err != nil {
		return [2]string{}, fmt.Errorf("reading the page to print: %w", err)
	}
	h.Write(page)
	for _, name := range loads(page, opts.BasePath, j.Page) {
		fmt.Fprintf(h, "\x00%s\x00", name)
		if f, err := os.Open(filepath.Join(opts.Dir, filepath.FromSlash(name))); err == nil {
			_, _ = io.Copy(h, f)
			f.Close()
		}
	}
	sum := h.Sum(nil)
	key := hex.EncodeToString(sum[:16])
	return [2]string{key, key + "-large"}, nil
}

// loads returns the files of the site a page loads, as names in the
// output: the src of scripts, pictures and sources, each address of a
// srcset, and the href of stylesheets and icons. Addresses of other
// hosts, and data: addresses, are left out.
func loads(page []byte, basePath, pagePath string) []string {
	var out []string
	add := func(ref string) {
		if ref == "" || strings.Contains(ref, ":") || strings.HasPrefix(ref, "//") {
			return
		}
		ref, _, _ = strings.Cut(ref, "#")
		ref, _, _ = strings.Cut(ref, "?")
		var name string
		if strings.HasPrefix(ref, "/") {
			rest, ok := strings.CutPrefix(ref, basePath)
			if !ok {
				return
			}
			name = path.Clean(rest)
		} else {
			name = path.Join(pagePath, ref)
		}
		if name != "." && !strings.HasPrefix(name, "../") {
			out = append(out, name)
		}
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch string(tag) {
			case "script", "img", "source", "video", "audio":
				add(attrs["src"])
				for candidate := range strings.SplitSeq(attrs["srcset"], ",") {
					if f := strings.Fields(candidate); len(f) > 0 {
						add(f[0])
					}
				}
			case "link":
				if rel := strings.Fields(strings.ToLower(attrs["rel"])); slices.Contains(rel, "stylesheet") || slices.Contains(rel, "icon") {
					add(attrs["href"])
				}
			}
		}
	}
}
