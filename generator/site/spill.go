package site

import (
	"errors"
	"io/fs"
	"os"
	"sync"
)

// spill holds converted HTML in a temporary file between conversion and
// rendering, for a build that is not kept: every document is converted
// before any page can be rendered (a page shows its backlinks and related
// articles), and without it the HTML of the whole site would stay in
// memory until then. The file is written once, read back one page at a
// time, and removed when the build ends; the operating system's cache
// usually serves the reads.
type spill struct {
	f *os.File
	// mu guards size and err; writes and reads at known offsets need no
	// lock.
	mu   sync.Mutex
	size int64
	err  error
}

// spilled is where a document's HTML is in the spill file.
type spilled struct {
	at int64
	n  int
}

// newSpill creates the spill file in dir. Where the system allows it
// (not Windows), its name is removed at once, so that a build that is
// killed leaves nothing behind.
func newSpill(dir string) (*spill, error) {
	f, err := os.CreateTemp(dir, ".handout-html-*")
	if err != nil {
		return nil, err
	}
	_ = os.Remove(f.Name())
	return &spill{f: f}, nil
}

// put writes data and says where it is. When the write fails (a full
// disk) it reports false and the caller keeps data in memory instead.
func (s *spill) put(data []byte) (spilled, bool) {
	s.mu.Lock()
	at := s.size
	s.size += int64(len(data))
	s.mu.Unlock()
	if _, err := s.f.WriteAt(data, at); err != nil {
		return spilled{}, false
	}
	return spilled{at: at, n: len(data)}, true
}

// get reads back what put wrote at w. The first read that fails is kept
// for failure: the build then fails.
func (s *spill) get(w spilled) []byte {
	data := make([]byte, w.n)
	if _, err := s.f.ReadAt(data, w.at); err != nil {
		s.mu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
	}
	return data
}

// failure is the first read that failed, if any.
func (s *spill) failure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// remove closes the spill file and deletes it if its name is still
// there.
func (s *spill) remove() error {
	err := os.Remove(s.f.Name())
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return errors.Join(s.f.Close(), err)
}
