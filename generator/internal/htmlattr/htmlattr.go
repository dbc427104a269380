// Package htmlattr knows which HTML attributes run script, the one rule
// the consent check (package consent) and the raw-HTML sanitizer (package
// markdown/rawhtml) must agree on: what one removes, the other refuses.
//
// An attribute runs script when it is an event handler (onload, onerror,
// any name starting with "on"), or when it holds an address a browser
// would follow, load or submit to, and that address is a javascript: or
// vbscript: one (however it is written: "Java\tScript:" is one), or a
// data: address that is not an image, which can hold a page that runs
// script (an SVG image counts as a page outside an image element). Addresses are read with package weburl, as browsers read them.
package htmlattr

import (
	"strings"

	"github.com/handout-health/handout/generator/internal/weburl"
)

// addressAttrs are the attributes that hold an address a browser may
// follow, load or submit to, on some element.
var addressAttrs = map[string]bool{
	"href": true, "xlink:href": true, "src": true, "srcset": true, "imagesrcset": true,
	"action": true, "formaction": true, "data": true, "background": true, "poster": true,
	"ping": true, "cite": true, "longdesc": true, "codebase": true, "archive": true,
	"lowsrc": true, "dynsrc": true, "manifest": true, "attributionsrc": true,
	"data-src": true, "data-srcset": true,
}

// listAttrs hold a comma-separated list of candidates ("a.png 2x, b.png").
var listAttrs = map[string]bool{"srcset": true, "imagesrcset": true, "data-srcset": true}

// holdsText are the elements whose content the tokenizer (and the
// browser) reads as text up to their end tag: the HTML standard's
// RAWTEXT, RCDATA, script data and PLAINTEXT states.
var holdsText = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true, "iframe": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// HoldsText reports whether an HTML element (its name in lower case) holds
// text, not markup, up to its end tag: what follows its start tag cannot
// start a tag of its own.
func HoldsText(element string) bool { return holdsText[element] }

// IsHandler reports whether an attribute (its name in lower case) is an
// event handler, whose value the browser runs as script.
func IsHandler(key string) bool { return len(key) > 2 && strings.HasPrefix(key, "on") }

// IsAddress reports whether an attribute holds an address on some element.
// data-src and data-srcset are addresses: consent.js loads them once the
// visitor allows their category.
func IsAddress(key string) bool { return addressAttrs[key] }

// Addresses returns the addresses an attribute's value holds: one, or each
// candidate of a srcset.
func Addresses(key, value string) []string {
	if !listAttrs[key] {
		return []string{value}
	}
	var out []string
	for cand := range strings.SplitSeq(value, ",") {
		if f := strings.Fields(cand); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// TakesImage reports whether an attribute of an element (both in lower
// case) takes an image, where a data:image/... address is only an image.
func TakesImage(element, key string) bool {
	switch key {
	case "src", "srcset", "data-src", "data-srcset", "lowsrc":
		return element == "img" || element == "image" || element == "source" || element == "input"
	case "href", "xlink:href":
		return element == "image" || element == "feimage"
	case "poster", "background":
		return true
	}
	return false
}

// RunsScript reports whether an address attribute of an element runs
// script, and why: the first candidate that is a javascript: or vbscript:
// address, or a data: address that is not an image (an image element
// shows any image; elsewhere, opened as a page, an SVG image runs its
// script, a PNG does not).
func RunsScript(element, key, value string) (address, why string, bad bool) {
	for _, u := range Addresses(key, value) {
		if weburl.RunsScript(u) {
			return u, "runs script", true
		}
		data, image := weburl.IsData(u)
		if data && !(image && TakesImage(element, key) || weburl.IsRasterData(u)) {
			return u, "is a data: address that is not an image shown by an image element, and can hold a page that runs script", true
		}
	}
	return "", "", false
}
