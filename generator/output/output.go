// Package output writes a built site. Dir writes into a temporary folder
// beside the target and swaps it in only when the build succeeded, so a
// failed or killed build never leaves a half-written public/. A file whose
// bytes are those of the same file in the output it replaces is not
// written again but hard-linked from it: it keeps its inode and its
// modification time, so a rebuild writes only what changed and a deploy by
// rsync (which compares size and time) sends only that. Memory keeps the
// files in memory, for the preview server.
//
// Both are safe for concurrent WriteFile calls: pages are rendered and
// written in parallel.
package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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

// Dir writes a build into a temporary folder beside its target.
type Dir struct {
	target string
	tmp    string
	// held is the lock on tmp that tells other builds this one is alive.
	held *os.File
	mu   sync.Mutex
	made map[string]bool // folders already created
	// previous is the output being replaced ("" when there is none): its
	// unchanged files are linked into tmp instead of written again.
	previous string
	// unchanged counts the files linked from previous.
	unchanged atomic.Int64
}

// NewDir starts a build whose output will replace target. The temporary
// folder is named after the target (".public.tmp-*") in the same parent, so
// the final swap is a rename on one file system. Temporary folders left by
// builds that were killed are removed first; those of builds still running
// (which hold a lock on theirs) are left alone.
func NewDir(target string) (*Dir, error) {
	target = filepath.Clean(target)
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, tmpPrefix(target))
	tmp, err := os.MkdirTemp(parent, tmpPrefix(target))
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	held, _ := lock(tmp) // without a lock, a later build just leaves tmp
	d := &Dir{target: target, tmp: tmp, held: held, made: map[string]bool{".": true}}
	if info, err := os.Lstat(target); err == nil && info.IsDir() {
		d.previous = target
	}
	return d, nil
}

func tmpPrefix(target string) string { return "." + filepath.Base(target) + ".tmp-" }

// removeStale removes the temporary folders in parent that no running
// build holds: what a killed build left.
func removeStale(parent, prefix string) {
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
			_ = os.RemoveAll(p)
			f.Close()
		}
	}
}

// unlock drops the lock on the temporary folder.
func (d *Dir) unlock() {
	if d.held != nil {
		d.held.Close()
		d.held = nil
	}
}

// WriteFile writes one file into the temporary folder.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	dir := path.Dir(name)
	d.mu.Lock()
	made := d.made[dir]
	d.mu.Unlock()
	if !made {
		if err := os.MkdirAll(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
			return err
		}
		d.mu.Lock()
		d.made[dir] = true
		d.mu.Unlock()
	}
	file := filepath.Join(d.tmp, filepath.FromSlash(name))
	if old, ok := d.unchangedFile(name, data); ok && os.Link(old, file) == nil {
		d.unchanged.Add(1)
		return nil
	}
	return os.WriteFile(file, data, 0o644)
}

// Unchanged returns how many files so far had the same bytes as in the
// output being replaced, and were linked from it instead of written.
func (d *Dir) Unchanged() int { return int(d.unchanged.Load()) }

// readBuffers hold the previous version of a file while it is compared.
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

// unchangedFile returns the path of name in the previous output when that
// is a regular file (not a link to one) holding exactly data.
func (d *Dir) unchangedFile(name string, data []byte) (string, bool) {
	if d.previous == "" {
		return "", false
	}
	old := filepath.Join(d.previous, filepath.FromSlash(name))
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return "", false
	}
	f, err := os.Open(old)
	if err != nil {
		return "", false
	}
	defer f.Close()
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	if cap(*buf) < len(data)+1 {
		*buf = make([]byte, len(data)+1)
	}
	// One byte more than expected, to notice a file that grew since Lstat.
	n, err := io.ReadFull(f, (*buf)[:len(data)+1])
	if (err != io.ErrUnexpectedEOF && err != io.EOF) || n != len(data) {
		return "", false
	}
	return old, bytes.Equal((*buf)[:n], data)
}

// Commit puts the new output in place of the old one. Where the system
// offers it the two folders are exchanged in one atomic step; elsewhere
// the old folder is renamed aside first.
func (d *Dir) Commit() error {
	defer d.unlock()
	if _, err := os.Lstat(d.target); os.IsNotExist(err) {
		return os.Rename(d.tmp, d.target)
	}
	if err := exchange(d.tmp, d.target); err == nil {
		return os.RemoveAll(d.tmp) // d.tmp now holds the old output
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.target, old); err != nil {
		return err
	}
	if err := os.Rename(d.tmp, d.target); err != nil {
		_ = os.Rename(old, d.target)
		return err
	}
	return os.RemoveAll(old)
}

// Abort removes the temporary folder and leaves the target as it was.
func (d *Dir) Abort() error {
	defer d.unlock()
	return os.RemoveAll(d.tmp)
}

// Memory holds a build's files in memory.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores a copy of one file.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	data = bytes.Clone(data)
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}

// Remove deletes one file.
func (m *Memory) Remove(name string) {
	m.mu.Lock()
	delete(m.files, name)
	m.mu.Unlock()
}

// File returns a stored file.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[name]
	return data, ok
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

// Size returns the total bytes held.
func (m *Memory) Size() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	total := 0
	for _, data := range m.files {
		total += len(data)
	}
	return total
}
