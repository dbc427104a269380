package site

import (
	"errors"
	"io/fs"
	"os"
	"sync"

	"github.com/handout-health/handout/generator/content"
)

// held is where a one-shot build keeps what waits between its stages:
// each document's Markdown from reading to conversion, and its HTML from
// conversion to rendering. Every document is converted before any page is
// rendered (a page shows its backlinks and related articles), so without
// it the text of the whole library would be in memory at once. It is a
// scratch file beside the output, written once, read back once per
// document, and removed when the build ends; the operating system's cache
// usually serves the reads. The first memoryFirst bytes wait in memory
// all the same, and so does everything without a scratch folder, or when
// the file cannot be made.
type held struct {
	f *os.File
	// mu guards size, err, bodies, mem and inMemory; writes and reads at
	// known offsets of f need no lock.
	mu   sync.Mutex
	size int64
	err  error
	// bodies are where each document's Markdown is.
	bodies map[*content.Document]spot
	// mem holds what waits in memory; inMemory is its size, at most
	// memoryFirst while there is a file.
	mem         [][]byte
	inMemory    int64
	memoryFirst int64
}

// memoryFirst is how much text a hold keeps in memory before it uses its
// scratch file. A library of 1,000 articles (about 6 MB of Markdown, then
// 12 MB of HTML) waits wholly in memory, which saves a write and a read
// back of each text (about 4% of its build); a larger one keeps this much
// in memory and the rest in the file.
const memoryFirst = 24 << 20

// spot is where a held text is: an offset of the file, or, in memory, an
// index of mem.
type spot struct {
	at       int64
	n        int
	inMemory bool
}

// newHeld makes the hold in a scratch file in dir, or in memory when dir
// is "" or the file cannot be made. Where the system allows it (not
// Windows), the file's name is removed at once, so that a build that is
// killed leaves nothing behind.
func newHeld(dir string) *held {
	h := &held{bodies: map[*content.Document]spot{}, memoryFirst: memoryFirst}
	if dir == "" {
		return h
	}
	if f, err := os.CreateTemp(dir, ".handout-text-*"); err == nil {
		_ = os.Remove(f.Name())
		h.f = f
	}
	return h
}

// put holds data and says where it is. When the file cannot be written
// (a full disk), data waits in memory instead.
func (h *held) put(data []byte) spot {
	h.mu.Lock()
	if h.f == nil || h.inMemory+int64(len(data)) <= h.memoryFirst {
		defer h.mu.Unlock()
		return h.keep(data)
	}
	at := h.size
	h.size += int64(len(data))
	h.mu.Unlock()
	if _, err := h.f.WriteAt(data, at); err == nil {
		return spot{at: at, n: len(data)}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.keep(data)
}

// keep holds data in memory; under mu.
func (h *held) keep(data []byte) spot {
	h.mem = append(h.mem, data)
	h.inMemory += int64(len(data))
	return spot{at: int64(len(h.mem) - 1), n: len(data), inMemory: true}
}

// get reads back what put held at s, and lets it go from memory.
func (h *held) get(s spot) []byte {
	if s.inMemory {
		h.mu.Lock()
		defer h.mu.Unlock()
		data := h.mem[s.at]
		h.mem[s.at] = nil
		h.inMemory -= int64(len(data))
		return data
	}
	data := make([]byte, s.n)
	if _, err := h.f.ReadAt(data, s.at); err != nil {
		h.fail(err)
	}
	return data
}

// holdBody is content.Options.HoldBody: it holds a document's Markdown
// until takeBody.
func (h *held) holdBody(d *content.Document, body []byte) {
	s := h.put(body)
	h.mu.Lock()
	h.bodies[d] = s
	h.mu.Unlock()
}

// takeBody returns the Markdown held for d, and forgets it.
func (h *held) takeBody(d *content.Document) []byte {
	h.mu.Lock()
	s, ok := h.bodies[d]
	delete(h.bodies, d)
	h.mu.Unlock()
	if !ok {
		return d.Body
	}
	return h.get(s)
}

// fail keeps the first read that failed: the build then fails.
func (h *held) fail(err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.err == nil {
		h.err = err
	}
}

// close removes the scratch file, and returns the first read that
// failed.
func (h *held) close() error {
	if h.f == nil {
		return h.err
	}
	err := os.Remove(h.f.Name())
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return errors.Join(h.err, h.f.Close(), err)
}
