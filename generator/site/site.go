// Package site is the one package that knows the whole pipeline. It
// turns a site folder (site.yaml, content/, static/, templates/) into the
// files of the published site, stage by stage (pipeline.go):
//
//	read     site.yaml and content/         config, content
//	convert  names, Markdown to HTML        linkgraph.Index, markdown, glossary
//	link     link graph, translations       linkgraph
//	theme    templates, the site's view     render
//	check    consent, output names          consent (and outputs.go)
//	render   pages, judged and written      render, consent, output
//	write    search, feeds, sitemap, files  search, feeds, output
//
// Build runs every stage once and writes the output; Load runs the first
// three and returns the Site model that check reads (Site.Check is the
// judging both share). A Builder (handout serve) keeps the site between
// builds and, told which files changed, redoes the smallest correct part
// of each stage (plan.go). What a build keeps between its stages is its
// mode (mode.go): everything, for a Builder and check; or, for a one-shot
// build, only what a later stage still reads, each document's text
// waiting in a scratch file beside the output (held.go), so that a large
// library's text is never all in memory.
//
// Stages return diagnostics; the pipeline decides: errors fail the build
// (nothing is written, the previous output stays), warnings are reported.
//
// docs/architecture.md draws the stages with what each reads and writes,
// the rebuild planner's rules, and one article's way through the code.
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/images"
	"github.com/handout-health/handout/generator/output"
)

// Options control a build.
type Options struct {
	LoadOptions
	// Writer receives the output files.
	Writer output.Writer
	// Now is the date reviews are judged by; zero means today. Two builds
	// on the same day of the same input are byte-identical.
	Now time.Time
	// Version is written into the generator meta tag.
	Version string
	// Progress, when set, is told how many pages are written of how many.
	Progress func(done, total int)
	// Scratch, when set, is a folder where Build holds the text of every
	// document (its Markdown until it is converted, its HTML until its
	// page is rendered) in a temporary file, instead of in memory
	// (handout build passes the output's parent folder; see held).
	// Without it, or when the file cannot be made or written, the text
	// waits in memory. Builders ignore it: they keep everything.
	Scratch string
	// Cache, when set, is the folder where what is slow to make is kept
	// between builds (handout build and serve pass .handout-cache beside
	// the output): the WebP variants of the site's images (images/), so
	// that an image is encoded once, and the QR codes of the pages'
	// addresses (qr-codes, see qrcode.Cache), so that an address is.
	// Without it, a Builder keeps them in memory and Build makes them
	// every time. Build leaves in it only the variants and codes it used.
	Cache string
}

// CacheDir is the name of the folder that handout build keeps
// beside its output, and handout serve in the site folder (where the
// default output is), for Options.Cache.
const CacheDir = ".handout-cache"

// Result says what a build did.
type Result struct {
	// Diagnostics are every error and warning found.
	Diagnostics diag.List
	// Pages is the number of HTML pages rendered; Files all files written.
	Pages, Files int
	// Cards is the number of share cards drawn: those of pages whose
	// card the output did not hold already (see sharecard).
	Cards int
	// Site is the loaded site, nil when loading failed.
	Site *Site
	// Drafts are the files of the documents marked draft: true that the
	// build left out (see LoadOptions.Drafts).
	Drafts []string
	// AffectedOnly is true when a rebuild looked only at the pages of
	// the documents that changed and of those their links reach (see
	// plan).
	AffectedOnly bool
	// Notes say what the site chose that a reader of the build's output
	// should know, such as a static/robots.txt that replaces the
	// generated one. They are not problems: --strict ignores them.
	Notes []string
	// VariantsMade counts the WebP variants of images encoded by this
	// build, and VariantsCached those it found made already.
	VariantsMade, VariantsCached int
	// QRCodesMade counts the QR codes this build encoded, and
	// QRCodesCached those it took from the cache folder.
	QRCodesMade, QRCodesCached int
}

// ErrFailed is returned (wrapped) when a build found errors in the site.
var ErrFailed = errors.New("build failed")

// Build loads the site in fsys and writes it to opts.Writer. When any
// diagnostic is an error nothing is written and the error wraps ErrFailed;
// the diagnostics are in the Result either way.
func Build(fsys fs.FS, opts Options) (Result, error) {
	return buildHolding(fsys, opts, newHeld(opts.Scratch))
}

// buildHolding is Build with the hold where texts wait between stages.
func buildHolding(fsys fs.FS, opts Options, hold *held) (Result, error) {
	b := &Builder{fsys: fsys, opts: opts, mode: &streaming{hold: hold},
		images: newImageLibrary(fsys, images.NewCache(opts.Cache, opts.Cache == "")), pruneCache: opts.Cache != "",
		qrCodes: loadQRCodes(opts.Cache)}
	return b.run(nil)
}

// failed returns res with its diagnostics sorted, and the error of a
// failed build.
func failed(res Result) (Result, error) {
	res.Diagnostics.Sort()
	return res, fmt.Errorf("%w: %d errors", ErrFailed, len(res.Diagnostics.Errors()))
}
