// Package compressor compresses many small texts with writers kept for
// reuse: each gzip or flate writer (github.com/klauspost/compress's, twice
// as fast as the standard library's at its fastest level) holds a few
// hundred kilobytes of state, too much to make once per file of a site.
package compressor

import (
	"bytes"
	"io"
	"sync"
)

// Writer is a compressing writer that can start over on a new output,
// as *gzip.Writer and *flate.Writer can.
type Writer interface {
	io.WriteCloser
	Reset(w io.Writer)
}

// Pool keeps writers of one kind for reuse; it is safe for concurrent
// use.
type Pool struct{ writers sync.Pool }

// NewPool returns a Pool whose writers newWriter makes.
func NewPool(newWriter func() Writer) *Pool {
	return &Pool{writers: sync.Pool{New: func() any { return newWriter() }}}
}

// Compress returns data compressed, in a slice of its own.
func (p *Pool) Compress(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data) / 3) // about what a page of HTML compresses to
	w := p.writers.Get().(Writer)
	w.Reset(&buf)
	// Writes into a bytes.Buffer cannot fail.
	_, _ = w.Write(data)
	_ = w.Close()
	p.writers.Put(w)
	return bytes.Clone(buf.Bytes())
}
