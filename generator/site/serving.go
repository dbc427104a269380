package site

import (
	"bytes"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/internal/compressor"
)

// serving is a Builder's mode (handout serve): it keeps what a rebuild
// may read again, but no more, and that in the smallest form that is
// quick to read back (docs/performance.md, "Serve's memory"):
//
//   - a document's Markdown and converted HTML are kept compressed
//     (packed): the Markdown is read again only when the document is
//     converted again, the HTML when its page is rendered;
//   - it is judged for consent as soon as it is converted, while both are
//     at hand, as the one-shot build does;
//   - its prose blocks go as soon as it is converted: its search document
//     holds their tokens instead (search.Doc.Tokenized), which the index's
//     cache reads again only after it is converted again
//     (search.Doc.Version).
//
// Everything else is kept as in keeping.
type serving struct {
	keeping
	rules *consent.Rules
	// rawHTML is markdown.unsafe: the consent check then reads the HTML.
	rawHTML bool
}

func (m *serving) configured(cfg *config.Config) {
	m.rules, m.rawHTML = consent.NewRules(cfg), cfg.Markdown.Unsafe
}

// body is the Markdown of a document read again (d.Body), or the one
// packed at its last conversion.
func (m *serving) body(d *Doc) []byte {
	if d.Body == nil {
		return d.packedBody.unpack()
	}
	return d.Body
}

func (m *serving) converted(s *Site, d *Doc) {
	d.checkConsent(m.rules, m.rawHTML)
	d.packedBody, d.packedHTML = pack(d.Body), pack(d.Result.HTML)
	d.Body, d.Result.HTML = nil, nil
}

// indexed makes d's search document, with its tokens taken from its
// prose blocks, which go.
func (m *serving) indexed(s *Site, d *Doc) {
	sd := s.searchDoc(d).Tokenized()
	d.searchDoc = &sd
	d.Result.Blocks = nil
}

func (m *serving) html(d *Doc) []byte { return d.packedHTML.unpack() }

// packed is text compressed with DEFLATE at its fastest level, with its
// length.
type packed struct {
	data []byte
	size int
}

// flateWriters pack the texts kept.
var flateWriters = compressor.NewPool(func() compressor.Writer {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
})

// pack compresses text; nil stays nil.
func pack(text []byte) packed {
	if text == nil {
		return packed{}
	}
	return packed{data: flateWriters.Compress(text), size: len(text)}
}

// unpack returns the text that was packed, in a new slice.
func (p packed) unpack() []byte {
	if p.data == nil {
		return nil
	}
	text := make([]byte, p.size)
	r := flateReaders.Get().(io.ReadCloser)
	_ = r.(flate.Resetter).Reset(bytes.NewReader(p.data), nil)
	// What pack wrote, read back from memory, cannot fail.
	_, _ = io.ReadFull(r, text)
	flateReaders.Put(r)
	return text
}

// flateReaders are reused: each holds tens of kilobytes of state.
var flateReaders = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
