// Package consent holds the cookie banner's rules: the check that no
// optional request can leave a page before the visitor says yes, and the
// /.well-known/gpc.json file. The banner itself is the default theme's
// partials/consent.html, layouts/cookies.html and assets/consent.js, which
// render site.yaml's consent section (see package config).
//
// # The check
//
// On a health site an ungated tracker is a defect, not a choice: a pixel on
// a page about depression tells an advertiser something about the reader.
// The check reads HTML as a browser does, with golang.org/x/net/html's
// tokenizer (the HTML standard's tokenizer), and addresses as a browser
// resolves them (package weburl: the WHATWG URL standard, against the
// site's base URL over https and http). It refuses, with the file, line
// and column:
//
//   - every address the browser would fetch from an origin the site does
//     not trust, unless a consent category gates it: src on any element
//     (script, img, iframe, frame, video, audio, source, track, embed,
//     input, an SVG or HTML image...), srcset and imagesrcset, poster,
//     background, data on object, href and xlink:href on anything but a
//     link a reader follows (an SVG image or feImage or use, a link whose
//     rel fetches: stylesheet, icon, preload, prefetch, preconnect,
//     manifest and any rel not known to fetch nothing), action and
//     formaction, ping, attributionsrc, manifest, codebase and archive, a
//     meta refresh, and in CSS (a style attribute, an SVG presentation
//     attribute, a <style> element or a stylesheet) url(), image-set(),
//     src() and @import, CSS escapes included;
//   - a <base> element, which moves every address of the page (the
//     theme's own included) to wherever it points;
//   - an event handler attribute (onload, onerror...) and a javascript: or
//     vbscript: address, which run script, and a data: address anywhere
//     but an image, which can hold a page that does;
//   - the same inside an iframe's srcdoc, which is a page of its own.
//
// A request is third-party when its resolved origin is neither the site's
// own host (the host and port of base_url, over https or http) nor one of
// consent.allowed_origins (a clinic's own CDN, trusted as essential).
//
// What a browser reads depends on where a tag stands: text in a <script>
// or <style> is no markup, yet in an SVG drawing <style> holds markup; a
// <noscript> holds text for a browser that runs script and markup for one
// that does not. Pages without inline SVG or MathML are read by the
// tokenizer alone, which then sees exactly what the browser's tree builder
// does, twice when they hold a <noscript> (with and without script). A
// page with <svg> or <math> is read with the full tree builder
// (html.Parse), whose findings are placed by searching the text for their
// address, so their line and column may be approximate.
//
// A gated element names its category and keeps its address in data-src,
// so the browser does not load it:
//
//	<script type="text/plain" data-consent="analytics" data-src="https://..."></script>
//	<script type="text/plain" data-consent="analytics">inline code</script>
//	<iframe data-consent="marketing" data-src="https://..." title="..."></iframe>
//	<img data-consent="marketing" data-src="https://..." alt="">
//
// The check also refuses a gated element that would load anyway (a src
// beside data-consent, a gated script without type="text/plain"), one
// whose category is not configured (it would never load), and a data-src
// that would run script once allowed.
//
// Rules.CheckHTML judges a page or a piece of one; Rules.CheckDocument a
// converted Markdown document, with its findings placed in the Markdown
// source; Rules.CheckTemplate a template, whose {{actions}} it does not
// judge (an address a template computes is judged on the pages it
// writes); Rules.CheckCSS a stylesheet. Rule "consent" names every finding.
//
// # Global Privacy Control
//
// GPCJSON is the /.well-known/gpc.json a site with a banner publishes: the
// banner's script refuses every category when the browser sends the
// signal (navigator.globalPrivacyControl), shows no banner and stores
// nothing.
package consent

import (
	"fmt"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/htmlattr"
	"github.com/handout-health/handout/generator/internal/weburl"
)

// Rules is what the check enforces for one site.
type Rules struct {
	urls *weburl.Judge
	// categories are the configured category ids; nil skips the check of
	// data-consent values.
	categories []string
}

// NewRules returns the rules of a site: its own origin and
// consent.allowed_origins are trusted, and data-consent must name one of
// consent.categories.
func NewRules(cfg *config.Config) *Rules {
	r := &Rules{urls: weburl.NewJudge(cfg.BaseURL, cfg.Consent.AllowedOrigins), categories: []string{}}
	for _, c := range cfg.Consent.Categories {
		r.categories = append(r.categories, c.ID)
	}
	return r
}

// CheckHTML reports the problems of an HTML page, or a piece of one, at
// their positions in src.
func (r *Rules) CheckHTML(path string, src []byte) diag.List {
	return r.report(path, src, r.findings(src, false))
}

// CheckTemplate reports the problems of a Go html/template file. Template
// actions are ignored: an attribute a template computes is not judged here
// but on the pages the template writes.
func (r *Rules) CheckTemplate(path string, src []byte) diag.List {
	blank := blankActions(src)
	return r.report(path, blank, r.findings(blank, true))
}

func (r *Rules) report(path string, src []byte, found []finding) diag.List {
	if len(found) == 0 {
		return nil
	}
	lines := diag.NewLines(src)
	var list diag.List
	for _, f := range found {
		line, col := lines.Position(f.pos)
		list = append(list, diag.Errorf(path, line, col, "%s", f.message).WithRule(diag.RuleConsent))
	}
	return list
}

// finding is one problem in an HTML text.
type finding struct {
	// pos is the offset of the element's "<", or of a stylesheet's address.
	pos int
	// tag is the start tag as written, when known; url the address at
	// fault, as the browser reads it, or "". CheckDocument finds the
	// finding's place in Markdown by them.
	tag, url string
	message  string
}

// element is one start tag: its name in lower case, where it stands, and
// the attributes the check looks at (see wanted), in order.
type element struct {
	name       string
	start, end int
	attrs      []attr
}

// attr is one attribute; key is in lower case (an SVG xlink:href keeps its
// prefix), val has its character references decoded.
type attr struct {
	key, val string
	// dynamic is true when a template action wrote part of the value, so
	// that it cannot be judged from the template text.
	dynamic bool
}

// get returns the first attribute named key, which is the one the browser
// keeps.
func (e *element) get(key string) (attr, bool) {
	for _, a := range e.attrs {
		if a.key == key {
			return a, true
		}
	}
	return attr{}, false
}

// fetchAttrs are the attributes whose address the browser fetches (or
// sends something to) by itself, on whatever element they stand: an
// unknown element with src is judged as if it fetched, since a browser
// may give it meaning. href is judged by hrefFetches; data only on
// object.
var fetchAttrs = map[string]bool{
	"src": true, "srcset": true, "imagesrcset": true, "poster": true, "background": true,
	"action": true, "formaction": true, "ping": true, "manifest": true, "codebase": true,
	"archive": true, "lowsrc": true, "dynsrc": true, "attributionsrc": true,
}

// cssAttrs are SVG presentation attributes that take a CSS value, in which
// url() fetches.
var cssAttrs = map[string]bool{
	"fill": true, "stroke": true, "filter": true, "mask": true, "clip-path": true,
	"marker-start": true, "marker-mid": true, "marker-end": true, "cursor": true,
}

// gatedAttrs are the addresses a gated element keeps for consent.js to
// load; gatedLoads are the attributes they stand for, which a gated
// element must not have.
var (
	gatedAttrs = []string{"data-src", "data-srcset"}
	gatedLoads = []string{"src", "srcset", "href", "data"}
)

// wantedKeys are the attributes the check looks at, besides event
// handlers; the others are read past without being copied.
var wantedKeys = map[string]bool{
	"href": true, "xlink:href": true, "data": true, "srcdoc": true, "style": true, "type": true,
	"rel": true, "http-equiv": true, "content": true, "data-consent": true, "data-src": true,
	"data-srcset": true,
}

func init() {
	for k := range fetchAttrs {
		wantedKeys[k] = true
	}
	for k := range cssAttrs {
		wantedKeys[k] = true
	}
}

// wanted reports whether the check looks at an attribute.
func wanted(key []byte) bool {
	return wantedKeys[string(key)] || htmlattr.IsHandler(string(key))
}

// navigates are the elements whose href is a link the reader follows,
// not something the browser fetches (and <base>, refused whole).
var navigates = map[string]bool{"a": true, "area": true, "base": true}

// hrefFetches reports whether el's href (or xlink:href) is fetched as the
// page loads: on a link whose rel fetches, and on anything that is not a
// link the reader follows (an SVG image, feImage or use...).
func hrefFetches(el *element) bool {
	if navigates[el.name] {
		return false
	}
	if el.name != "link" {
		return true
	}
	rel, _ := el.get("rel")
	for t := range strings.FieldsSeq(strings.ToLower(rel.val)) {
		if !quietRels[t] {
			return true
		}
	}
	return false
}

// quietRels are the link types that make the browser fetch nothing; any
// other (stylesheet, icon, preload, preconnect, manifest, a new one) is
// taken to fetch.
var quietRels = map[string]bool{
	"alternate": true, "author": true, "bookmark": true, "canonical": true, "external": true,
	"help": true, "license": true, "me": true, "next": true, "nofollow": true, "noopener": true,
	"noreferrer": true, "opener": true, "prev": true, "tag": true, "privacy-policy": true,
	"terms-of-service": true,
}

// judge reports the problems of one element. srcdoc holds the depth of
// nested srcdoc pages, which are judged too.
func (r *Rules) judge(el *element, template bool, depth int, emit func(finding)) {
	bad := func(url, format string, args ...any) {
		emit(finding{pos: el.start, url: url, message: fmt.Sprintf(format, args...)})
	}
	if el.name == "base" {
		bad("", "a <base> element moves every address of the page, the theme's own included, to wherever it points: remove it")
	}
	cat, gated := el.get("data-consent")
	if gated {
		r.checkGated(el, cat, bad)
	}
	if el.name == "meta" {
		r.checkRefresh(el, bad)
	}
	for _, a := range el.attrs {
		switch {
		case htmlattr.IsHandler(a.key):
			bad("", "the %s attribute runs script when the page loads or is used: remove it (the theme's scripts live in files of their own, and content cannot run script)", a.key)
		case a.key == "style" || cssAttrs[a.key]:
			for _, u := range cssURLs([]byte(a.val)) {
				if origin, third := r.leaves(u.url, a.dynamic); third {
					bad(u.url, "third-party address %s in the %s attribute is requested before consent (a style cannot be gated): host the file with the site or, if it is essential and does not track, list %s in consent.allowed_origins", u.url, a.key, origin)
				}
			}
		case a.key == "srcdoc":
			r.checkSrcdoc(el, a, template, depth, emit)
		case slices.Contains(gatedAttrs, a.key):
			if gated {
				// Loaded once allowed: it must not run script then.
				r.checkAddresses(el, a, false, bad)
			}
		case gated && slices.Contains(gatedLoads, a.key):
			// checkGated judged it.
		case fetchAttrs[a.key] || a.key == "data" && el.name == "object" || a.key == "href" || a.key == "xlink:href":
			r.checkAddresses(el, a, true, bad)
		}
	}
}

// checkAddresses judges the address (or each candidate of a list) of one
// attribute: script and non-image data: addresses always, and, when
// fetched, a third-party origin.
func (r *Rules) checkAddresses(el *element, a attr, fetched bool, bad func(url, format string, args ...any)) {
	if u, why, runs := htmlattr.RunsScript(el.name, a.key, a.val); runs {
		bad(u, "%s=%q %s: remove it (links and files are web addresses)", a.key, u, why)
		return
	}
	if !fetched || (a.key == "href" || a.key == "xlink:href") && !hrefFetches(el) {
		return
	}
	for _, u := range htmlattr.Addresses(a.key, a.val) {
		if origin, third := r.leaves(u, a.dynamic); third {
			if a.dynamic {
				u = showActions(u)
			}
			bad(u, "%s", thirdPartyMessage(el, a.key, u, origin))
			return
		}
	}
}

// leaves reports whether an address leaves the site, and where to; a
// value that a template action partly wrote is judged only when its
// origin is written out in full before the first action.
func (r *Rules) leaves(u string, dynamic bool) (string, bool) {
	if dynamic {
		literal, _, _ := strings.Cut(u, actionText)
		if !staticOrigin(literal) {
			return "", false
		}
		u = literal
	}
	return r.urls.ThirdParty(u)
}

// staticOrigin reports whether the literal start of a value that a
// template action completes holds an absolute address's whole origin, such
// as "https://cdn.example/" in "https://cdn.example/{{.X}}".
func staticOrigin(literal string) bool {
	rest, ok := strings.CutPrefix(literal, "//")
	if !ok {
		_, rest, ok = strings.Cut(literal, "://")
	}
	return ok && strings.ContainsAny(rest, "/?#")
}

// checkGated judges an element that has data-consent.
func (r *Rules) checkGated(el *element, cat attr, bad func(url, format string, args ...any)) {
	for _, name := range gatedLoads {
		if a, ok := el.get(name); ok && strings.TrimSpace(a.val) != "" && (name != "data" || el.name == "object") {
			bad(a.val, "<%s data-consent=%q> also has %s, so the browser loads it before consent: write data-%s instead", el.name, cat.val, name, name)
			return
		}
	}
	if el.name == "link" {
		bad("", "a <link> cannot be gated by consent: host the file with the site or list its origin in consent.allowed_origins")
		return
	}
	if el.name == "script" {
		if t, _ := el.get("type"); strings.ToLower(strings.TrimSpace(t.val)) != "text/plain" {
			bad("", `<script data-consent=%q> needs type="text/plain", or its code runs before consent`, cat.val)
			return
		}
	}
	if cat.dynamic || r.categories == nil {
		return
	}
	if id := strings.TrimSpace(cat.val); !slices.Contains(r.categories, id) {
		known := "none are configured"
		if len(r.categories) > 0 {
			known = "the categories are " + strings.Join(r.categories, ", ")
		}
		bad("", "data-consent=%q names no consent category in site.yaml (%s), so this never loads", cat.val, known)
	}
}

// checkRefresh judges <meta http-equiv="refresh" content="5; url=...">,
// which sends the reader elsewhere by itself.
func (r *Rules) checkRefresh(el *element, bad func(url, format string, args ...any)) {
	equiv, _ := el.get("http-equiv")
	content, _ := el.get("content")
	if !strings.EqualFold(strings.TrimSpace(equiv.val), "refresh") {
		return
	}
	u := refreshURL(content.val)
	if weburl.RunsScript(u) {
		bad(u, "this meta refresh runs script: remove it")
	} else if origin, third := r.leaves(u, content.dynamic); third {
		bad(u, "this meta refresh sends the reader to %s, another site (%s), before any choice: link to it instead", u, origin)
	}
}

// refreshURL returns the address of a refresh's content, as the HTML
// standard's "shared declarative refresh steps" read it: a delay, then ';'
// or ',', then an optional "url=" and an optionally quoted address.
func refreshURL(content string) string {
	s := strings.TrimLeft(content, " \t\n\f\r")
	s = strings.TrimLeft(s, "0123456789.")
	s = strings.TrimLeft(s, " \t\n\f\r")
	if s == "" || s[0] != ';' && s[0] != ',' {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\n\f\r")
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		if rest := strings.TrimLeft(s[3:], " \t\n\f\r"); strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], " \t\n\f\r")
		}
	}
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		if end := strings.IndexByte(s[1:], s[0]); end >= 0 {
			return s[1 : 1+end]
		}
		return s[1:]
	}
	return s
}

// maxSrcdocDepth bounds the srcdoc pages judged inside one another.
const maxSrcdocDepth = 4

// checkSrcdoc judges the page an iframe's srcdoc holds; its findings are
// reported at the iframe.
func (r *Rules) checkSrcdoc(el *element, a attr, template bool, depth int, emit func(finding)) {
	if depth >= maxSrcdocDepth {
		emit(finding{pos: el.start, message: "srcdoc pages nest too deep to be checked: remove the srcdoc"})
		return
	}
	for _, f := range r.findingsAt(depth+1, []byte(a.val), template) {
		emit(finding{pos: el.start, url: f.url, message: "in the srcdoc page of this <" + el.name + ">: " + f.message})
	}
}

// thirdPartyMessage says what is wrong and how to fix it.
func thirdPartyMessage(el *element, key, u, origin string) string {
	trust := fmt.Sprintf("or, if it is essential and does not track, list %s in consent.allowed_origins", origin)
	switch {
	case el.name == "script" && key == "src":
		return fmt.Sprintf(`third-party script %s is not gated by a consent category: write <script type="text/plain" data-consent="CATEGORY" data-src="%s"></script>, %s`, u, u, trust)
	case el.name == "link":
		rel, _ := el.get("rel")
		return fmt.Sprintf(`third-party <link rel=%q> %s is requested before consent and cannot be gated: host the file with the site, %s`, rel.val, u, trust)
	case key == "ping":
		return fmt.Sprintf("third-party ping address %s is told of every click on this link: remove the ping attribute, %s", u, trust)
	case key == "action" || key == "formaction":
		return fmt.Sprintf("third-party form address %s would receive what a reader types: send forms to the site itself, %s", u, trust)
	}
	kind := map[string]string{"iframe": "frame", "frame": "frame", "img": "image", "image": "image", "feimage": "image", "source": "image or media", "input": "image"}[el.name]
	if kind == "" {
		kind = "<" + el.name + ">"
	}
	if key != "src" && key != "srcset" && key != "data" && key != "poster" {
		kind += " (" + key + ")"
	}
	return fmt.Sprintf(`third-party %s %s is requested before consent: host it with the site, gate it with data-consent="CATEGORY" and data-src (an iframe shows a placeholder until then), %s`, kind, u, trust)
}
