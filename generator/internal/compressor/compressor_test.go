package compressor

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"io"
	"strings"
	"sync"
	"testing"
)

// TestCompressReadsBack compresses texts in parallel with pooled gzip
// and flate writers and reads each back: a writer reused without its
// Reset, or shared between two texts, would garble one.
func TestCompressReadsBack(t *testing.T) {
	pools := map[string]struct {
		pool *Pool
		read func(io.Reader) (io.Reader, error)
	}{
		"gzip": {NewPool(func() Writer { w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed); return w }),
			func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
		"flate": {NewPool(func() Writer { w, _ := flate.NewWriter(nil, flate.BestSpeed); return w }),
			func(r io.Reader) (io.Reader, error) { return flate.NewReader(r), nil }},
	}
	for name, p := range pools {
		var wg sync.WaitGroup
		for i := range 40 {
			wg.Go(func() {
				text := []byte(strings.Repeat(strings.Repeat("x", i)+"<p>Sleep helps the brain.</p>\n", 50+i))
				packed := p.pool.Compress(text)
				if len(packed) >= len(text) {
					t.Errorf("%s: %d bytes compressed to %d", name, len(text), len(packed))
				}
				r, err := p.read(bytes.NewReader(packed))
				if err != nil {
					t.Errorf("%s: %v", name, err)
					return
				}
				if back, err := io.ReadAll(r); err != nil || !bytes.Equal(back, text) {
					t.Errorf("%s: text %d read back wrong (%v)", name, i, err)
				}
			})
		}
		wg.Wait()
	}
}
