// Package fsread reads a site's own files (site.yaml, content) with the
// limits that keep a build bounded: only regular files are read (a named
// pipe or device would block the build for ever), and a file larger than
// the caller's limit is refused without being read whole, so a 50 MB paste
// costs a clear error, not the memory it would take to convert it.
package fsread

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// ErrTooLarge is wrapped by the error for a file above the limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is wrapped by the error for a file that is not a regular
// file (a folder, named pipe, socket or device).
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads name from fsys if it is a regular file (a symbolic link
// is followed as fsys allows) of at most limit bytes.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	// Stat, not Open, decides first: opening a named pipe blocks.
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w (%s): only ordinary files are read", ErrNotRegular, info.Mode().Type())
	}
	if info.Size() > limit {
		return nil, tooLarge(info.Size(), limit)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The size may have changed since Stat: never read past the limit.
	// Room for the size Stat gave is made at once (io.ReadAll would
	// grow its buffer from 512 bytes).
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, tooLarge(int64(len(data)), limit)
	}
	return data, nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w: it is %s and handout reads at most %s", ErrTooLarge, megabytes(size), megabytes(limit))
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
