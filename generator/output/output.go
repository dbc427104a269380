// Package output writes a built site. Dir writes into a staging folder
// beside the target and swaps it in only when the build succeeded, so a
// failed or killed build never leaves a half-written public/. Memory keeps
// the files in memory, text compressed, for the preview server.
//
// A rebuild writes only what changed. A file whose bytes are those of the
// same file in the output it replaces is hard-linked from it, not written
// again: it keeps its inode and modification time, so a deploy by rsync
// (which compares size and time) sends only the changed files. The output
// replaced is not deleted but kept beside the new one (".public.previous"
// for public/), and the next build updates it in place into its staging
// folder: its folders are already there and its files are mostly the very
// files of the live output. Deleting and creating tens of thousands of
// files and folders on every build was most of a large site's build time.
// A file in the staging folder is never written into, only replaced (it
// may be the live output's own), so the live output cannot change before
// the swap.
//
// Both are safe for concurrent WriteFile calls: pages are rendered and
// written in parallel.
package output

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"

	"github.com/handout-health/handout/generator/internal/compressor"
	"github.com/handout-health/handout/generator/internal/parallel"
)

// Writer receives the files of a build. Names are slash-separated paths
// relative to the output root, such as "articles/serotonin/index.html".
// WriteFile must not keep data after it returns: callers reuse it.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// checkName refuses names that would leave the output folder.
func checkName(name string) error {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../") {
		return fmt.Errorf("output: refusing unsafe file name %q", name)
	}
	return nil
}

// Dir writes a build into a staging folder beside its target.
type Dir struct {
	target string
	tmp    string
	// held is the lock on tmp that tells other builds this one is alive.
	held *os.File
	// reused is true when tmp is an earlier output (or a killed build's
	// folder) being brought up to date, false when it started empty.
	reused bool
	// previous is the output being replaced ("" when there is none): its
	// unchanged files are linked into tmp instead of written again.
	previous string
	// unchanged counts the files linked from previous or already there.
	unchanged atomic.Int64

	mu   sync.Mutex
	made map[string]bool // folders known to be in tmp
	// written holds a hash of the name of each file this build wrote,
	// when tmp was reused (a 64-bit hash, not the name: a tenth of the
	// memory for 200,000 files; were two names ever to share one, a file
	// no longer built would be left in the output).
	written map[uint64]struct{}
	seed    maphash.Seed
}

// NewDir starts a build whose output will replace target. The staging
// folder is named after the target (".public.tmp-*") in the same parent, so
// the final swap is a rename on one file system. It is the output kept by
// the last build (".public.previous") when there is one. The staging
// folders of builds that were killed are taken as that kept output, or
// removed; those of builds still running (which hold a lock on theirs) are
// left alone.
func NewDir(target string) (*Dir, error) {
	target = filepath.Clean(target)
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	keep := keptName(target)
	removeStale(parent, tmpPrefix(target), keep)
	tmp, err := os.MkdirTemp(parent, tmpPrefix(target))
	if err != nil {
		return nil, err
	}
	reused := isDir(keep) && os.Remove(tmp) == nil && os.Rename(keep, tmp) == nil
	if !reused {
		if err := os.Mkdir(tmp, 0o755); err != nil && !os.IsExist(err) {
			return nil, err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	held, _ := lock(tmp) // without a lock, a later build just leaves tmp
	d := &Dir{
		target: target, tmp: tmp, held: held, reused: reused,
		made: map[string]bool{".": true}, written: map[uint64]struct{}{}, seed: maphash.MakeSeed(),
	}
	if isDir(target) {
		d.previous = target
	}
	return d, nil
}

// Staging returns the folder the build is written into, for a step that
// reads the built site before it takes the output's place (handout build
// --pdf prints its pages there).
func (d *Dir) Staging() string { return d.tmp }

func tmpPrefix(target string) string { return "." + filepath.Base(target) + ".tmp-" }

// keptName is where the output a build replaced waits for the next build.
func keptName(target string) string {
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".previous")
}

// removeStale takes the staging folders in parent that no running build
// holds (what a killed build left) as the kept output, or removes them
// when there is one already.
func removeStale(parent, prefix, keep string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if f, err := lock(p); err == nil {
			f.Close()
			keepOrRemove(p, keep)
		}
	}
}

// keepOrRemove moves the folder dir to keep, or removes it when keep is
// taken or dir is not a folder (a link to one, which the swap moved from
// the target's place, is removed and never followed). The kept folder
// gets a .gitignore that ignores all of it, so that a site kept in git
// does not show it as new; the next build removes that file with the
// rest of what it does not write.
func keepOrRemove(dir, keep string) {
	if !isDir(dir) || os.Rename(dir, keep) != nil {
		_ = os.RemoveAll(dir)
		return
	}
	// Never over a file that is there already.
	if f, err := os.OpenFile(filepath.Join(keep, ".gitignore"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
		_, _ = f.WriteString(keptGitignore)
		f.Close()
	}
}

// keptGitignore is the .gitignore of the kept output.
const keptGitignore = "# handout's previous output, kept to make the next build quicker.\n*\n"

// isDir reports whether p is a folder itself, not a link to one.
func isDir(p string) bool {
	info, err := os.Lstat(p)
	return err == nil && info.IsDir()
}

// unlock drops the lock on the staging folder.
func (d *Dir) unlock() {
	if d.held != nil {
		d.held.Close()
		d.held = nil
	}
}

// WriteFile puts one file into the staging folder.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if err := d.makeDir(path.Dir(name)); err != nil {
		return err
	}
	if d.reused {
		h := maphash.String(d.seed, name)
		d.mu.Lock()
		d.written[h] = struct{}{}
		d.mu.Unlock()
	}
	file := filepath.Join(d.tmp, filepath.FromSlash(name))
	there, err := os.Lstat(file)
	if err != nil {
		there = nil
	}
	old, oldInfo, same := d.unchangedFile(name, data)
	if same && there != nil && os.SameFile(there, oldInfo) {
		d.unchanged.Add(1)
		return nil
	}
	if there != nil {
		// Replaced, never written into: it may be the live output's file.
		if err := os.RemoveAll(file); err != nil {
			return err
		}
	}
	if same && os.Link(old, file) == nil {
		d.unchanged.Add(1)
		return nil
	}
	return os.WriteFile(file, data, 0o644)
}

// Keep puts into the staging folder the file name of the output being
// replaced, as it is, and reports whether there was one (a regular file,
// not a link). It is for files named by their contents, such as the share
// cards, which are then neither made nor compared again.
func (d *Dir) Keep(name string) bool {
	if d.previous == "" || checkName(name) != nil {
		return false
	}
	old := filepath.Join(d.previous, filepath.FromSlash(name))
	oldInfo, err := os.Lstat(old)
	if err != nil || !oldInfo.Mode().IsRegular() || d.makeDir(path.Dir(name)) != nil {
		return false
	}
	file := filepath.Join(d.tmp, filepath.FromSlash(name))
	if there, err := os.Lstat(file); err == nil {
		if !os.SameFile(there, oldInfo) && os.RemoveAll(file) != nil {
			return false
		}
	}
	if err := os.Link(old, file); err != nil && !os.IsExist(err) {
		return false
	}
	if d.reused {
		h := maphash.String(d.seed, name)
		d.mu.Lock()
		d.written[h] = struct{}{}
		d.mu.Unlock()
	}
	d.unchanged.Add(1)
	return true
}

// makeDir makes sure the folder dir (slash-separated) is in the staging
// folder, replacing a file or link that is where it must be.
func (d *Dir) makeDir(dir string) error {
	d.mu.Lock()
	made := d.made[dir]
	d.mu.Unlock()
	if made {
		return nil
	}
	if err := d.makeDir(path.Dir(dir)); err != nil {
		return err
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(dir))
	if info, err := os.Lstat(p); err != nil || !info.IsDir() {
		if err == nil {
			if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
		if err := os.Mkdir(p, 0o755); err != nil && !os.IsExist(err) {
			return err
		}
	}
	d.mu.Lock()
	d.made[dir] = true
	d.mu.Unlock()
	return nil
}

// Unchanged returns how many files so far had the same bytes as in the
// output being replaced, and were kept instead of written.
func (d *Dir) Unchanged() int { return int(d.unchanged.Load()) }

// readBuffers hold the previous version of a file while it is compared.
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

// unchangedFile returns the path of name in the previous output when that
// is a regular file (not a link to one) holding exactly data.
func (d *Dir) unchangedFile(name string, data []byte) (string, os.FileInfo, bool) {
	if d.previous == "" {
		return "", nil, false
	}
	old := filepath.Join(d.previous, filepath.FromSlash(name))
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return "", nil, false
	}
	f, err := os.Open(old)
	if err != nil {
		return "", nil, false
	}
	defer f.Close()
	buf := readBuffers.Get().(*[]byte)
	defer func() {
		// The few very large files (a large library's A to Z) are not
		// worth holding on to.
		if cap(*buf) <= 1<<20 {
			readBuffers.Put(buf)
		}
	}()
	if cap(*buf) < len(data)+1 {
		*buf = make([]byte, len(data)+1)
	}
	// One byte more than expected, to notice a file that grew since Lstat.
	n, err := io.ReadFull(f, (*buf)[:len(data)+1])
	if (err != io.ErrUnexpectedEOF && err != io.EOF) || n != len(data) {
		return "", nil, false
	}
	return old, info, bytes.Equal((*buf)[:n], data)
}

// removeUnwritten removes from a reused staging folder what this build did
// not write: pages of documents since removed, files of an older theme.
// The folders are read level by level, those of a level in parallel (a
// library's folder per article makes 100,000 of them on one level).
func (d *Dir) removeUnwritten() error {
	if !d.reused {
		return nil
	}
	var (
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	level := []string{"."}
	for len(level) > 0 {
		next := make([][]string, len(level))
		parallel.For(len(level), func(i int) {
			entries, err := readDir(filepath.Join(d.tmp, filepath.FromSlash(level[i])))
			if err != nil {
				fail(err)
				return
			}
			for _, e := range entries {
				rel := path.Join(level[i], e.Name())
				p := filepath.Join(d.tmp, filepath.FromSlash(rel))
				var err error
				switch {
				case e.IsDir() && d.made[rel]:
					next[i] = append(next[i], rel)
				case e.IsDir():
					err = os.RemoveAll(p)
				default:
					if _, written := d.written[maphash.String(d.seed, rel)]; !written {
						err = os.Remove(p)
					}
				}
				if err != nil {
					fail(err)
				}
			}
		})
		level = slices.Concat(next...)
	}
	return firstErr
}

// readDir lists a folder in the order the system gives (os.ReadDir sorts).
func readDir(dir string) ([]fs.DirEntry, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.ReadDir(-1)
}

// Commit puts the new output in place of the old one, and keeps the old
// one beside it for the next build. Where the system offers it the two
// folders are exchanged in one atomic step; elsewhere the old folder is
// renamed aside first.
func (d *Dir) Commit() error {
	defer d.unlock()
	if err := d.removeUnwritten(); err != nil {
		return err
	}
	keep := keptName(d.target)
	if _, err := os.Lstat(d.target); os.IsNotExist(err) {
		return os.Rename(d.tmp, d.target)
	}
	if err := exchange(d.tmp, d.target); err == nil {
		keepOrRemove(d.tmp, keep) // d.tmp now holds the old output
		return nil
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.target, old); err != nil {
		return err
	}
	if err := os.Rename(d.tmp, d.target); err != nil {
		_ = os.Rename(old, d.target)
		return err
	}
	keepOrRemove(old, keep)
	return nil
}

// Abort leaves the target as it was. The staging folder is kept for the
// next build to bring up to date.
func (d *Dir) Abort() error {
	defer d.unlock()
	keepOrRemove(d.tmp, keptName(d.target))
	return nil
}

// Memory holds a build's files in memory. Text files (pages, styles,
// scripts, the search index) are held gzip-compressed, a fifth of their
// size: the preview server sends them so to a browser that accepts it
// (Encoded), and File gives them back as written.
type Memory struct {
	mu    sync.RWMutex
	files map[string]held
}

// held is one file as Memory holds it.
type held struct {
	data    []byte
	gzipped bool
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string]held{}} }

// compressible are the extensions of the files held compressed: text,
// which gzip shrinks, unlike pictures and fonts, which are compressed
// already.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true,
	".svg": true, ".txt": true, ".webmanifest": true, "": true,
}

// gzipWriters compress the text files kept.
var gzipWriters = compressor.NewPool(func() compressor.Writer {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
})

// WriteFile stores a copy of one file, compressed when that saves room.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	h, ok := gzipped(name, data)
	if !ok {
		h = held{data: bytes.Clone(data)}
	}
	m.mu.Lock()
	m.files[name] = h
	m.mu.Unlock()
	return nil
}

// gzipped is data gzip-compressed, when name is a text file and that
// saves room.
func gzipped(name string, data []byte) (held, bool) {
	if !compressible[path.Ext(name)] || len(data) < 256 {
		return held{}, false
	}
	zipped := gzipWriters.Compress(data)
	if len(zipped) >= len(data) {
		return held{}, false
	}
	return held{data: zipped, gzipped: true}, true
}

// Remove deletes one file.
func (m *Memory) Remove(name string) {
	m.mu.Lock()
	delete(m.files, name)
	m.mu.Unlock()
}

// Keep reports whether m holds the file name, which it keeps as it is.
func (m *Memory) Keep(name string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	_, ok := m.files[name]
	return ok
}

// File returns a stored file as it was written.
func (m *Memory) File(name string) ([]byte, bool) {
	data, gzipped, ok := m.Encoded(name)
	if !ok || !gzipped {
		return data, ok
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		panic("output: a file held compressed does not read: " + err.Error())
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		panic("output: a file held compressed does not read: " + err.Error())
	}
	return plain, true
}

// Encoded returns a stored file as held: gzip-compressed when gzipped.
// The bytes must not be changed.
func (m *Memory) Encoded(name string) (data []byte, gzipped, ok bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	h, ok := m.files[name]
	return h.data, h.gzipped, ok
}

// Names returns every stored name, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Size returns the total bytes held (compressed where held so).
func (m *Memory) Size() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	total := 0
	for _, h := range m.files {
		total += len(h.data)
	}
	return total
}
