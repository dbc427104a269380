// Package hosting holds what a site needs from the host that serves it:
// the HTTP response headers, as data derived from site.yaml, and the
// per-language 404 pages; and writes them in the formats hosts read.
//
// The rules (For):
//
//   - Every response carries the security headers: a Content-Security-Policy
//     that allows only what the theme and the site's configuration load
//     (ContentSecurityPolicy), Referrer-Policy strict-origin-when-cross-origin
//     (other sites learn the origin, never the page a patient read),
//     a Permissions-Policy that turns off the camera, microphone, location,
//     payment and ad-interest features no page uses, and
//     X-Content-Type-Options nosniff.
//   - Fingerprinted files, whose names change whenever their bytes do, are
//     cached for a year and never asked again ("public, max-age=31536000,
//     immutable"): everything under assets/, and the files in the folders
//     of search/ (and of each language's search/), named after a hash of
//     their bytes. Everything else, pages, search/index.json, the sitemap,
//     feeds, static files, is revalidated on every visit ("no-cache": a
//     browser keeps it but asks whether it changed, and an unchanged file
//     costs a 304).
//   - Each language's pages answer a missing address with its own 404
//     page: 404.html, es/404.html.
//
// All paths are under the base URL's path (/library/... for
// https://clinic.example/library/).
//
// The formats (each a pure function of the rules):
//
//   - HeadersFile: Netlify's and Cloudflare Pages' _headers file.
//   - Nginx: location blocks for the server block that serves public/.
//   - Apache: lines for public/.htaccess (mod_headers).
//
// docs/deploy.md shows the nginx and Apache output for the sample site;
// a test keeps them equal.
package hosting

import (
	"strings"

	"github.com/handout-health/handout/generator/config"
)

// Cache-Control values.
const (
	// Immutable is for fingerprinted files: a year, never revalidated.
	Immutable = "public, max-age=31536000, immutable"
	// Revalidate is for everything else: kept, but asked again each time.
	Revalidate = "no-cache"
)

// Header is one response header.
type Header struct{ Name, Value string }

// Options say what the site's pages need beyond what site.yaml says.
type Options struct {
	// Videos adds VideoOrigins to the Content-Security-Policy's frame-src:
	// the build sets it when a page plays a gated video.
	Videos bool
}

// VideoOrigins are the players a gated video embeds, in their
// privacy-enhanced forms.
var VideoOrigins = []string{"https://www.youtube-nocookie.com", "https://player.vimeo.com"}

// Rules are a site's response headers and error pages.
type Rules struct {
	// Origin and BasePath are the base URL's: "https://clinic.example" and
	// "/library/".
	Origin, BasePath string
	// Security headers go with every response, error pages included.
	Security []Header
	// Fingerprinted are the path patterns of the files cached as
	// Immutable; every other file is Revalidate. A pattern is a path whose
	// segments are literal, or ":name" for any one segment, and whose last
	// segment may be "*" for any rest of the path (the _headers syntax).
	Fingerprinted []string
	// NotFound are the 404 pages, the default language's first: the path
	// prefix each answers under and the page.
	NotFound []NotFound
}

// NotFound is the 404 page for the addresses under Prefix.
type NotFound struct{ Prefix, Page string }

// For returns the rules of a site.
func For(cfg *config.Config, opts Options) *Rules {
	base := cfg.Base()
	r := &Rules{
		Origin:   base.Scheme + "://" + base.Host,
		BasePath: base.Path,
		Security: []Header{
			{"Content-Security-Policy", ContentSecurityPolicy(cfg, opts)},
			{"Referrer-Policy", "strict-origin-when-cross-origin"},
			{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"},
			{"X-Content-Type-Options", "nosniff"},
		},
		Fingerprinted: []string{base.Path + "assets/*"},
	}
	for _, l := range cfg.Languages {
		r.Fingerprinted = append(r.Fingerprinted, base.Path+l.Prefix()+"search/:shard/*")
		r.NotFound = append(r.NotFound, NotFound{Prefix: base.Path + l.Prefix(), Page: base.Path + l.Prefix() + "404.html"})
	}
	return r
}

// Headers returns the headers of the response to a request for path (a
// URL path, such as "/library/articles/sleep/"): the security headers and
// Cache-Control.
func (r *Rules) Headers(path string) []Header {
	headers := append([]Header(nil), r.Security...)
	return append(headers, Header{"Cache-Control", r.CacheControl(path)})
}

// CacheControl is the Cache-Control value for path.
func (r *Rules) CacheControl(path string) string {
	for _, p := range r.Fingerprinted {
		if matchPattern(p, path) {
			return Immutable
		}
	}
	return Revalidate
}

// NotFoundPage is the 404 page for a missing path: that of the language
// whose prefix is the longest to start the path.
func (r *Rules) NotFoundPage(path string) string {
	page, longest := "", -1
	for _, nf := range r.NotFound {
		if strings.HasPrefix(path, nf.Prefix) && len(nf.Prefix) > longest {
			page, longest = nf.Page, len(nf.Prefix)
		}
	}
	return page
}
