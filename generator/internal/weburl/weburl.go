// Package weburl reads addresses the way a browser does, so that the
// consent check and the raw-HTML sanitizer judge what a page really
// fetches or runs, not what its text looks like.
//
// Browsers resolve an address by the WHATWG URL standard, which forgives
// much: "http:tracker.example/p.gif" on an https page is
// http://tracker.example/p.gif; backslashes
// count as slashes in http(s) addresses ("/\tracker.example/p.gif" leaves
// the site); tabs and line breaks anywhere are dropped ("java\tscript:");
// leading spaces and control characters are ignored; scheme case does not
// matter. A string comparison misses every one of these, so this package
// parses with github.com/nlnwa/whatwg-url, an implementation of the
// standard that passes the web-platform-tests URL suite.
//
// A Judge answers the consent question for one site: does this address,
// written on one of the site's pages, make the browser contact an origin
// the site does not trust? It resolves against the site's base URL over
// https and over http, since the same page is read over both (a preview on
// http://127.0.0.1, the site on https), and an address such as
// "https:tracker.example/x" stays on the site over https but leaves it
// over http.
package weburl

import (
	"strings"

	whatwg "github.com/nlnwa/whatwg-url/url"
)

// Judge tells whether addresses written on a site's pages leave the site.
// It is safe for concurrent use.
type Judge struct {
	// bases are the site's base URL over https and over http.
	bases []*whatwg.Url
	// trusted are the origins that need no consent, as Origin writes them.
	trusted map[string]bool
}

// NewJudge returns the judge of a site served from baseURL (an absolute
// http or https address) that trusts the origins in allowed too (such as
// "https://cdn.clinic.example"). Each trusted host and port is trusted
// over both schemes: https://clinic.example/ trusts http://clinic.example
// too, and http://localhost:1313/ trusts https://localhost:1313, since a
// page read over http resolves "//cdn.clinic.example/a.css" to http.
func NewJudge(baseURL string, allowed []string) *Judge {
	j := &Judge{trusted: map[string]bool{}}
	if base, err := whatwg.Parse(strings.TrimSpace(baseURL)); err == nil && base.Hostname() != "" {
		for _, scheme := range []string{"https", "http"} {
			if twin, err := whatwg.Parse(scheme + "://" + base.Host() + base.Pathname()); err == nil {
				j.bases = append(j.bases, twin)
			}
		}
		j.trust(base.Host())
	}
	for _, o := range allowed {
		if u, err := whatwg.Parse(strings.TrimSpace(o)); err == nil && u.Hostname() != "" {
			j.trust(u.Host())
		}
	}
	return j
}

// trust trusts host (with its port, if any) over https and over http.
func (j *Judge) trust(host string) {
	for _, scheme := range []string{"https", "http"} {
		if u, err := whatwg.Parse(scheme + "://" + host + "/"); err == nil {
			j.trusted[Origin(u)] = true
		}
	}
}

// fetchingSchemes are the schemes whose addresses make the browser contact
// a host. data:, blob: and about: addresses contact nobody.
var fetchingSchemes = map[string]bool{"http": true, "https": true, "ws": true, "wss": true, "ftp": true}

// ThirdParty reports whether ref, written in an attribute of one of the
// site's pages (character references already decoded), makes the browser
// contact an untrusted origin, and names that origin. An address the
// browser cannot parse contacts nobody.
func (j *Judge) ThirdParty(ref string) (origin string, third bool) {
	if sameDocumentOrSite(ref) {
		return "", false
	}
	for _, base := range j.bases {
		u, err := base.Parse(ref)
		if err != nil || !fetchingSchemes[u.Scheme()] {
			continue
		}
		if o := Origin(u); !j.trusted[o] {
			return o, true
		}
	}
	if len(j.bases) == 0 {
		// A judge without a base trusts nothing absolute.
		if u, err := whatwg.Parse(ref); err == nil && fetchingSchemes[u.Scheme()] {
			if o := Origin(u); !j.trusted[o] {
				return o, true
			}
		}
	}
	return "", false
}

// sameDocumentOrSite reports, without parsing, the addresses that stay on
// the page's own origin whatever the base: "", "#x", "?q", a path from the
// root ("/a/b", not "//" or "/\"), or a relative path whose first segment
// holds no colon ("img/a.png", "../a"). Anything holding a backslash,
// white space, a control character or a byte outside ASCII goes to the
// parser, which knows what browsers drop and fold.
func sameDocumentOrSite(ref string) bool {
	for i := 0; i < len(ref); i++ {
		if c := ref[i]; c <= ' ' || c == '\\' || c >= 0x7f {
			return false
		}
	}
	if ref == "" || ref[0] == '#' || ref[0] == '?' {
		return true
	}
	if ref[0] == '/' {
		return len(ref) == 1 || ref[1] != '/'
	}
	end := strings.IndexAny(ref, "/?#")
	if end < 0 {
		end = len(ref)
	}
	return !strings.Contains(ref[:end], ":")
}

// Scheme returns the scheme a browser reads in ref, in lower case, or ""
// for a relative address: "JaVa\tScript:x" is "javascript".
func Scheme(ref string) string {
	if sameDocumentOrSite(ref) {
		return ""
	}
	u, err := whatwg.Parse(ref)
	if err != nil {
		return ""
	}
	return u.Scheme()
}

// plainScheme returns the scheme written at the start of ref, in lower
// case ("" for none), when ref holds only printable ASCII without a
// backslash: there the parser, which drops nothing from such a string,
// finds that scheme or fails. It reports false for any other string.
func plainScheme(ref string) (string, bool) {
	end := -1
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		if c <= ' ' || c == '\\' || c >= 0x7f {
			return "", false
		}
		if c == ':' && end < 0 {
			end = i
		}
	}
	if end <= 0 || !isAlpha(ref[0]) {
		return "", true
	}
	for i := 1; i < end; i++ {
		if c := ref[i]; !isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' {
			return "", true
		}
	}
	return strings.ToLower(ref[:end]), true
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// RunsScript reports whether following or loading ref runs script:
// javascript: and vbscript: addresses (however they are written).
func RunsScript(ref string) bool {
	if s, plain := plainScheme(ref); plain && s != "javascript" && s != "vbscript" {
		return false
	}
	s := Scheme(ref)
	return s == "javascript" || s == "vbscript"
}

// IsData reports whether ref is a data: address, and whether that is an
// image (data:image/...), the one kind a page may hold inline.
func IsData(ref string) (data, image bool) {
	if s, plain := plainScheme(ref); plain && s != "data" {
		return false, false
	}
	if Scheme(ref) != "data" {
		return false, false
	}
	u, err := whatwg.Parse(ref)
	if err != nil {
		return true, false
	}
	return true, strings.HasPrefix(strings.ToLower(strings.TrimLeft(u.Pathname(), " \t")), "image/")
}

// rasterImages are the image types that run no script however they are
// opened.
var rasterImages = map[string]bool{"image/png": true, "image/gif": true, "image/jpeg": true, "image/webp": true, "image/avif": true}

// IsRasterData reports whether ref is a data: address of a raster image
// (PNG, GIF, JPEG, WebP, AVIF), which runs no script even opened as a
// page, as an SVG image would.
func IsRasterData(ref string) bool {
	if data, image := IsData(ref); !data || !image {
		return false
	}
	u, err := whatwg.Parse(ref)
	if err != nil {
		return false
	}
	media, _, _ := strings.Cut(strings.ToLower(u.Pathname()), ",")
	media, _, _ = strings.Cut(media, ";")
	return rasterImages[strings.TrimSpace(media)]
}

// Origin returns scheme://host[:port] of an absolute address, with the
// default port left out, as browsers compare origins.
func Origin(u *whatwg.Url) string {
	if u.Port() == "" {
		return u.Scheme() + "://" + u.Hostname()
	}
	return u.Scheme() + "://" + u.Hostname() + ":" + u.Port()
}
