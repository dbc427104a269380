package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/images"
	"github.com/handout-health/handout/generator/internal/fsread"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown/figure"
	"github.com/handout-health/handout/generator/output"
)

// imagesDir is the folder of the output where the variants of the site's
// images are written: under assets/, whose files are named by their
// bytes and cached for a year (see package hosting), since a variant's
// name holds the hash of the image it was made from.
const imagesDir = "assets/images/"

// imageLibrary is the site's images as its pages show them: it answers
// the Markdown converter's questions (figure.Source) with each image's
// size and the names of its WebP variants, and makes the variants the
// cache lacks while it answers, so that an image that cannot be decoded is
// an error at the image in the Markdown. Each image is read once, the
// first time a page shows it; a Builder keeps what it learnt between
// rebuilds and forgets an image when its file changes (forget), so that
// an edit of an article makes no variant again. It is safe for concurrent
// use: documents are converted in parallel.
type imageLibrary struct {
	fsys fs.FS
	// cache keeps the variants; nil for a Load, which makes none (handout
	// check reads each image's header only).
	cache *images.Cache

	mu sync.Mutex
	// static is the set of the files of static/.
	static map[string]bool
	byPath map[string]*libraryImage
	// made and reused count the variants made and found in the cache since
	// the last count.
	made, reused atomic.Int64
}

// libraryImage is one image of static/.
type libraryImage struct {
	once  sync.Once
	facts figure.Image
	// variants are its variants' files, as facts.Variants names them.
	variants []variantFile
	err      error
}

// variantFile is a variant's name in the output and its key in the cache.
type variantFile struct {
	name, key, source string
	width             int
}

func newImageLibrary(fsys fs.FS, cache *images.Cache) *imageLibrary {
	return &imageLibrary{fsys: fsys, cache: cache, byPath: map[string]*libraryImage{}}
}

var _ figure.Source = (*imageLibrary)(nil)

// setStatic tells the library the files of static/.
func (l *imageLibrary) setStatic(files []string) {
	set := make(map[string]bool, len(files))
	for _, f := range files {
		set[f] = true
	}
	l.mu.Lock()
	l.static = set
	l.mu.Unlock()
}

// forget drops what the library knows of the images at the given site
// paths (files of static/ that changed, or folders of them), which are
// read again when a page next shows them.
func (l *imageLibrary) forget(staticPaths []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range staticPaths {
		p = strings.TrimPrefix(p, content.StaticDir+"/")
		for known := range l.byPath {
			if known == p || strings.HasPrefix(known, p+"/") {
				delete(l.byPath, known)
			}
		}
	}
}

// Image implements figure.Source.
func (l *imageLibrary) Image(sitePath string) (figure.Image, error) {
	l.mu.Lock()
	im := l.byPath[sitePath]
	if im == nil && l.static[sitePath] {
		im = &libraryImage{}
		l.byPath[sitePath] = im
	}
	l.mu.Unlock()
	if im == nil {
		return figure.Image{}, figure.ErrNotFound
	}
	im.once.Do(func() { l.load(im, sitePath) })
	return im.facts, im.err
}

// load reads an image of static/: its size, its variants' names, and the
// variants the cache lacks, which it makes (with no cache, it only checks
// that the picture decodes).
func (l *imageLibrary) load(im *libraryImage, sitePath string) {
	file := content.StaticDir + "/" + sitePath
	data, err := fsread.ReadFile(l.fsys, file, images.MaxFileBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		im.err = figure.ErrNotFound
		return
	case errors.Is(err, fsread.ErrTooLarge):
		im.err = fmt.Errorf("%v: save a smaller copy (an image on a page is rarely more than 1 MB)", err)
		return
	case err != nil:
		im.err = fmt.Errorf("cannot read %s: %v", file, err)
		return
	}
	info, err := images.Probe(sitePath, data)
	if err != nil {
		im.err = err
		return
	}
	im.facts = figure.Image{Width: info.Width, Height: info.Height}
	widths := images.Widths(info)
	if len(widths) == 0 {
		return
	}
	hash := images.Hash(data)
	stem := slug.Make(strings.TrimSuffix(path.Base(sitePath), path.Ext(sitePath)))
	if stem == "" {
		stem = "image"
	}
	for _, w := range widths {
		v := variantFile{name: fmt.Sprintf("%s%s.%s.%d.webp", imagesDir, stem, hash[:10], w), key: images.Key(hash, w), source: file, width: w}
		im.variants = append(im.variants, v)
		im.facts.Variants = append(im.facts.Variants, figure.Variant{Path: v.name, Width: w})
	}
	if l.cache == nil {
		// A load for handout check makes no variants, but decodes the
		// picture as build would, so that a damaged one fails both.
		im.err = images.Verify(data, info)
		return
	}
	im.err = l.fill(im.variants, data, info)
}

// fill makes the variants the cache lacks, and puts them in it.
func (l *imageLibrary) fill(variants []variantFile, data []byte, info images.Info) error {
	var missing []variantFile
	for _, v := range variants {
		if !l.cache.Has(v.key) {
			missing = append(missing, v)
		}
	}
	l.reused.Add(int64(len(variants) - len(missing)))
	if len(missing) == 0 {
		return nil
	}
	widths := make([]int, len(missing))
	for i, v := range missing {
		widths[i] = v.width
	}
	made, err := images.Make(data, info, widths)
	if err != nil {
		return err
	}
	for i, v := range missing {
		l.cache.Put(v.key, made[i])
	}
	l.made.Add(int64(len(missing)))
	return nil
}

// variantsOf returns the variants of the images at the given site paths,
// each once, sorted by name.
func (l *imageLibrary) variantsOf(paths map[string]bool) []variantFile {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []variantFile
	for p := range paths {
		if im := l.byPath[p]; im != nil {
			out = append(out, im.variants...)
		}
	}
	slices.SortFunc(out, func(a, b variantFile) int { return strings.Compare(a.name, b.name) })
	return slices.CompactFunc(out, func(a, b variantFile) bool { return a.name == b.name })
}

// write writes the variants into the output, from the cache, or made
// again when the cache lost one (a cache folder emptied while the build
// ran).
func (l *imageLibrary) write(w output.Writer, variants []variantFile) diag.List {
	var list diag.List
	for _, v := range variants {
		data, ok := l.cache.Get(v.key)
		if !ok {
			var err error
			if data, err = l.remake(v); err != nil {
				list = append(list, diag.Errorf(v.source, 1, 1, "cannot make its %d-pixel WebP copy again: %v", v.width, err))
				continue
			}
		}
		if err := w.WriteFile(v.name, data); err != nil {
			list = append(list, diag.Errorf("public/"+v.name, 1, 1, "cannot write: %v", err))
		}
	}
	return list
}

// remake makes one variant again from its image.
func (l *imageLibrary) remake(v variantFile) ([]byte, error) {
	data, err := fsread.ReadFile(l.fsys, v.source, images.MaxFileBytes)
	if err != nil {
		return nil, err
	}
	if images.Key(images.Hash(data), v.width) != v.key {
		return nil, errors.New("the file changed while the site was built: build it again")
	}
	info, err := images.Probe(v.source, data)
	if err != nil {
		return nil, err
	}
	made, err := images.Make(data, info, []int{v.width})
	if err != nil {
		return nil, err
	}
	l.made.Add(1)
	l.cache.Put(v.key, made[0])
	return made[0], nil
}

// counts returns the variants made and found in the cache since the last
// call, and starts counting again.
func (l *imageLibrary) counts() (made, reused int) {
	return int(l.made.Swap(0)), int(l.reused.Swap(0))
}

// prune leaves in the cache folder only the given variants.
func (l *imageLibrary) prune(keep []variantFile) {
	keys := make(map[string]bool, len(keep))
	for _, v := range keep {
		keys[v.key] = true
	}
	l.cache.Prune(keys)
}

// imagesShown returns the site paths of the images with variants that the
// site's pages show, in every language.
func (s *Site) imagesShown() map[string]bool {
	shown := map[string]bool{}
	for _, d := range s.root.allLanguages() {
		for _, p := range d.shows {
			shown[p] = true
		}
	}
	return shown
}

// showsAny reports whether d shows an image at one of the given files (or
// folders) of static/.
func showsAny(d *Doc, staticFiles []string) bool {
	for _, im := range d.Result.Images {
		for _, f := range staticFiles {
			f = strings.TrimPrefix(f, content.StaticDir+"/")
			if im.Path != "" && (im.Path == f || strings.HasPrefix(im.Path, f+"/")) {
				return true
			}
		}
	}
	return false
}
