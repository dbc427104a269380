// Package watch reports which files of a site changed, in batches.
//
// It watches site.yaml and the folders content/, templates/ and static/
// with fsnotify, recursively: folders created later are added as they
// appear (and the files already in them reported), folders whose names
// start with a dot are skipped. Events are debounced: a batch is sent once
// no event has come for Quiet (EmptyQuiet while a changed file is empty,
// as it is between an editor's emptying it and writing it), or at the
// latest MaxDelay after its first event, so an editor's atomic save (write a temporary file, rename it
// into place), a backup-then-write save or a `git checkout` of hundreds of
// files each give one or two batches. A batch in which a file was removed
// or renamed away, and is still missing, waits until no event has come
// for Settle: an editor that saves by moving the old file aside writes the
// new one next, and the site should not lose the page in between. Paths
// in a batch are slash paths relative to the site, sorted, each once;
// removed and renamed-away paths are included, so the receiver can notice
// that a file is gone.
package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
)

// Watched are the parts of a site that are watched: site.yaml and the
// source folders.
var Watched = append([]string{config.FileName}, content.SourceFolders...)

// Timing of debouncing.
const (
	// Quiet is how long no event must come before a batch is sent: the
	// events of one save come within a millisecond or two of each other.
	// It is part of every preview's delay, so it is kept short.
	Quiet = 5 * time.Millisecond
	// EmptyQuiet is how long no event must come before a batch in which
	// a changed file is empty is sent: an editor that empties a file and
	// then writes the new text (os.WriteFile does) leaves it empty
	// between two events, and a build of the empty file would flash an
	// error in the preview.
	EmptyQuiet = 20 * time.Millisecond
	// Settle is how long no event must come before a batch in which a
	// file went missing is sent.
	Settle = 150 * time.Millisecond
	// MaxDelay bounds how long a busy stream of events delays a batch.
	MaxDelay = time.Second
)

// Batch is one batch of changes.
type Batch struct {
	// Paths are the changed paths, sorted, each once.
	Paths []string
	// First is when the first event of the batch came: the batch is sent
	// at least Quiet later.
	First time.Time
}

// Watcher watches one site folder.
type Watcher struct {
	root string
	fs   *fsnotify.Watcher
	// Batches receives the changed paths.
	Batches chan Batch
	// Errors receives problems the watcher met; it keeps watching.
	Errors chan error
}

// New starts watching the site in root. Call Run to receive batches.
func New(root string) (*Watcher, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, fs: fw, Batches: make(chan Batch, 1), Errors: make(chan error, 16)}
	// The root itself, non-recursively: site.yaml and the creation of
	// content/, templates/ or static/.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, dir := range Watched[1:] {
		w.addTree(filepath.Join(root, dir), nil)
	}
	return w, nil
}

// addTree watches dir and every folder below it. Files found are added to
// found, when given: they appeared with a new folder.
func (w *Watcher) addTree(dir string, found map[string]bool) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or unreadable: nothing to watch
		}
		if d.IsDir() {
			if p != dir && content.Ignored(w.rel(p), true) {
				return filepath.SkipDir
			}
			if err := w.fs.Add(p); err != nil {
				w.report(err)
			}
			return nil
		}
		if found != nil {
			found[w.rel(p)] = true
		}
		return nil
	})
}

func (w *Watcher) report(err error) {
	select {
	case w.Errors <- err:
	default:
	}
}

func (w *Watcher) rel(p string) string {
	r, err := filepath.Rel(w.root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// relevant reports whether a path belongs to the watched parts of the
// site and is no file the site ignores (content.Ignored): editors'
// temporary, swap and backup files ("x.md~", ".x.md.swp", "#x.md#",
// "x.tmp", vim's "4913") come and go around a save and change nothing the
// site shows.
func relevant(rel string) bool {
	if content.Ignored(rel, false) {
		return false
	}
	for _, w := range Watched {
		if rel == w || strings.HasPrefix(rel, w+"/") {
			return true
		}
	}
	return false
}

// Run delivers batches until ctx ends, then closes the watcher and
// Batches.
func (w *Watcher) Run(ctx context.Context) {
	defer close(w.Batches)
	defer w.fs.Close()
	pending := map[string]bool{}
	// gone are the pending paths whose last event removed or renamed
	// them away, by their absolute names.
	gone := map[string]string{}
	var first, last time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() {
		if len(pending) == 0 {
			return
		}
		batch := Batch{Paths: make([]string, 0, len(pending)), First: first}
		for p := range pending {
			batch.Paths = append(batch.Paths, p)
		}
		slices.Sort(batch.Paths)
		clear(pending)
		clear(gone)
		select {
		case w.Batches <- batch:
		case <-ctx.Done():
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.report(err)
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			rel := w.rel(ev.Name)
			if !relevant(rel) {
				continue
			}
			if ev.Op == fsnotify.Chmod {
				continue // permissions alone change no output
			}
			last = time.Now()
			if len(pending) == 0 {
				first = last
			}
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				gone[rel] = ev.Name
			} else {
				delete(gone, rel)
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name, pending)
				}
			}
			pending[rel] = true
			wait := min(Quiet, MaxDelay-time.Since(first))
			timer.Reset(max(wait, 0))
		case <-timer.C:
			if wait := max(settling(gone, first, last), w.filling(pending, first, last)); wait > 0 {
				timer.Reset(wait)
				continue
			}
			flush()
		}
	}
}

// filling returns how much longer a batch should wait for a changed file
// that is empty, which an editor may be about to write: until EmptyQuiet
// after the last event, and never past MaxDelay after the first. A file
// that stays empty is sent then.
func (w *Watcher) filling(pending map[string]bool, first, last time.Time) time.Duration {
	wait := min(EmptyQuiet-time.Since(last), MaxDelay-time.Since(first))
	if wait <= 0 {
		return 0
	}
	for rel := range pending {
		info, err := os.Stat(filepath.Join(w.root, filepath.FromSlash(rel)))
		if err == nil && info.Mode().IsRegular() && info.Size() == 0 {
			return wait
		}
	}
	return 0
}

// settling returns how much longer a batch should wait for a file that
// went missing to come back, or 0 to send it now: files in gone that are
// still missing hold it until Settle after the last event, and never
// past MaxDelay after the first.
func settling(gone map[string]string, first, last time.Time) time.Duration {
	for _, name := range gone {
		if _, err := os.Lstat(name); err == nil {
			continue
		}
		return max(0, min(Settle-time.Since(last), MaxDelay-time.Since(first)))
	}
	return 0
}
