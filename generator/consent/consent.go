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
// Rules.CheckDocument, Rules.CheckTemplate and CheckHTML refuse every
// element that would make the browser contact a third party as the page
// loads, unless a consent category gates it:
//
//	<script src>                          script
//	<iframe src>, <frame src>             frame
//	<img src|srcset>, <source src|srcset> image
//	<video src|poster>, <audio src>, <track src>, <embed src>,
//	<object data>, <input type=image src> media and embedded objects
//	<link href> with rel stylesheet, icon, preload, prefetch,
//	  preconnect, dns-prefetch, modulepreload or manifest
//
// A request is third-party when its address is absolute (http:, https: or
// protocol-relative //) and its origin is neither the site's own (the
// origin of base_url) nor one of consent.allowed_origins (a clinic's own
// CDN, trusted as essential). Relative addresses are the site's own.
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
// beside data-consent, a gated script without type="text/plain") and one
// whose category is not configured (it would never load).
//
// Rules.CheckCSS does the same for a stylesheet's url(...) and @import
// (a web font from a font service is a third-party request too).
//
// Every finding is an error at the file, line and column of the element:
// for a document, the line in its Markdown file (raw HTML is found again in
// the source; a Markdown image by its address); for a template, the line in
// the template, with {{actions}} ignored (an address a template computes is
// not judged). Rule "consent" names them. build.Site.CheckConsent runs the
// checks over a whole site: every document and every file of templates/.
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
	"net/url"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/diag"
)

// Rule is the diagnostic rule of every finding of this package.
const Rule = "consent"

// Rules is what the check enforces for one site. The zero value trusts no
// origin and does not check category names.
type Rules struct {
	// trusted holds the normalised origins that need no consent: the
	// site's own and consent.allowed_origins.
	trusted map[string]bool
	// categories are the configured category ids; nil skips the check of
	// data-consent values.
	categories []string
}

// NewRules returns the rules of a site: its own origin and
// consent.allowed_origins are trusted, and data-consent must name one of
// consent.categories.
func NewRules(cfg *config.Config) *Rules {
	r := &Rules{trusted: map[string]bool{}, categories: []string{}}
	r.trust(cfg.BaseURL)
	for _, o := range cfg.Consent.AllowedOrigins {
		r.trust(o)
	}
	for _, c := range cfg.Consent.Categories {
		r.categories = append(r.categories, c.ID)
	}
	return r
}

func (r *Rules) trust(origin string) {
	if u, err := url.Parse(strings.TrimSpace(origin)); err == nil && u.Host != "" {
		r.trusted[originOf(u)] = true
	}
}

// CheckHTML reports the ungated third-party requests of an HTML text at
// their positions in src. Origins in allowed (such as
// "https://cdn.clinic.example") are trusted; category names are not
// checked. It is the check for a single file; NewRules gives the full rules
// of a site.
func CheckHTML(path string, src []byte, allowed []string) diag.List {
	r := &Rules{trusted: map[string]bool{}}
	for _, o := range allowed {
		r.trust(o)
	}
	return r.CheckHTML(path, src)
}

// CheckHTML reports the problems of an HTML text at their positions in src.
func (r *Rules) CheckHTML(path string, src []byte) diag.List {
	lines := diag.NewLines(src)
	var list diag.List
	for _, f := range r.findings(src) {
		line, col := lines.Position(f.pos)
		list = append(list, diag.Errorf(path, line, col, "%s", f.message).WithRule(Rule))
	}
	return list
}

// CheckTemplate reports the problems of a Go html/template file. Template
// actions are ignored: an attribute a template computes is not judged.
func (r *Rules) CheckTemplate(path string, src []byte) diag.List {
	return r.CheckHTML(path, blankActions(src))
}

// finding is one problem in an HTML text.
type finding struct {
	// pos is the offset of the element's "<".
	pos int
	// tag is the start tag as written; url the address at fault, as
	// written in the attribute (character references decoded), or "".
	tag, url string
	message  string
}

// fetchingRels are the link types that make the browser fetch href.
var fetchingRels = []string{"stylesheet", "icon", "apple-touch-icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest", "prerender"}

// requestAttrs are, per element, the attributes whose address the browser
// fetches as the page loads.
var requestAttrs = map[string][]string{
	"script": {"src"},
	"iframe": {"src"},
	"frame":  {"src"},
	"img":    {"src", "srcset"},
	"source": {"src", "srcset"},
	"video":  {"src", "poster"},
	"audio":  {"src"},
	"track":  {"src"},
	"embed":  {"src"},
	"object": {"data"},
	"input":  {"src"},
	"link":   {"href"},
}

// mayRequest reports whether an element of this name can make the
// browser fetch something (a key of requestAttrs).
func mayRequest(name []byte) bool {
	_, ok := requestAttrs[string(name)]
	return ok
}

func (r *Rules) findings(src []byte) []finding {
	var out []finding
	for _, el := range scanTags(src, mayRequest) {
		names := requestAttrs[el.name]
		if el.name == "link" && !fetches(&el) {
			continue
		}
		tag := string(src[el.start:el.end])
		if cat, gated := el.get("data-consent"); gated {
			if f, bad := r.checkGated(&el, cat, names); bad {
				f.pos, f.tag = el.start, tag
				out = append(out, f)
			}
			continue
		}
		for _, name := range names {
			a, ok := el.get(name)
			if !ok || a.dynamic && !staticOrigin(a.value) {
				continue
			}
			for _, u := range addresses(name, a.value) {
				if origin, third := r.thirdParty(u); third {
					out = append(out, finding{pos: el.start, tag: tag, url: u, message: thirdPartyMessage(&el, showActions(u), origin)})
					break
				}
			}
		}
	}
	return out
}

// checkGated judges an element that has data-consent.
func (r *Rules) checkGated(el *element, cat attr, names []string) (finding, bool) {
	for _, name := range names {
		if a, ok := el.get(name); ok && strings.TrimSpace(a.value) != "" {
			return finding{url: a.value, message: fmt.Sprintf("<%s data-consent=%q> also has %s, so the browser loads it before consent: write data-%s instead", el.name, cat.value, name, name)}, true
		}
	}
	if el.name == "link" {
		return finding{message: "a <link> cannot be gated by consent: host the file with the site or list its origin in consent.allowed_origins"}, true
	}
	if el.name == "script" {
		if t, _ := el.get("type"); strings.ToLower(strings.TrimSpace(t.value)) != "text/plain" {
			return finding{message: fmt.Sprintf(`<script data-consent=%q> needs type="text/plain", or its code runs before consent`, cat.value)}, true
		}
	}
	if cat.dynamic || r.categories == nil {
		return finding{}, false
	}
	id := strings.TrimSpace(cat.value)
	if !slices.Contains(r.categories, id) {
		known := "none are configured"
		if len(r.categories) > 0 {
			known = "the categories are " + strings.Join(r.categories, ", ")
		}
		return finding{message: fmt.Sprintf("data-consent=%q names no consent category in site.yaml (%s), so this never loads", cat.value, known)}, true
	}
	return finding{}, false
}

// fetches reports whether a <link> makes the browser fetch its href.
func fetches(el *element) bool {
	rel, _ := el.get("rel")
	for _, t := range strings.Fields(strings.ToLower(rel.value)) {
		if slices.Contains(fetchingRels, t) {
			return true
		}
	}
	return false
}

// addresses returns the addresses of an attribute value: one, or each
// candidate of a srcset.
func addresses(name, value string) []string {
	if name != "srcset" {
		return []string{strings.TrimSpace(value)}
	}
	var out []string
	for _, cand := range strings.Split(value, ",") {
		if f := strings.Fields(cand); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// staticOrigin reports whether a value partly written by a template action
// starts with a literal absolute address whose origin is complete, such as
// "https://cdn.example/{{.X}}".
func staticOrigin(value string) bool {
	literal, _, _ := strings.Cut(value, string(rune(actionMark)))
	rest, ok := strings.CutPrefix(literal, "//")
	if !ok {
		_, rest, ok = strings.Cut(literal, "://")
	}
	return ok && strings.ContainsAny(rest, "/?#")
}

// thirdParty reports whether an address is absolute and outside the
// trusted origins, and returns its origin.
func (r *Rules) thirdParty(raw string) (string, bool) {
	if i := strings.IndexByte(raw, actionMark); i >= 0 {
		raw = raw[:i]
	}
	lower := strings.ToLower(raw)
	relativeScheme := strings.HasPrefix(lower, "//")
	if !relativeScheme && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		// An address the browser cannot parse either is not fetched from
		// anywhere we can name; report it all the same.
		return raw, true
	}
	if relativeScheme {
		u.Scheme = "https"
		https := originOf(u)
		u.Scheme = "http"
		if r.trusted[https] || r.trusted[originOf(u)] {
			return "", false
		}
		return https, true
	}
	o := originOf(u)
	return o, !r.trusted[o]
}

// originOf returns scheme://host[:port] in lower case, without a default
// port.
func originOf(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if p := u.Port(); p != "" && !(scheme == "http" && p == "80") && !(scheme == "https" && p == "443") {
		host += ":" + p
	}
	return scheme + "://" + host
}

// showActions writes each template action of a value as {{…}}.
func showActions(v string) string {
	var b strings.Builder
	for i, r := range v {
		if r != actionMark {
			b.WriteRune(r)
		} else if i == 0 || v[i-1] != actionMark {
			b.WriteString("{{…}}")
		}
	}
	return b.String()
}

// thirdPartyMessage says what is wrong and how to fix it.
func thirdPartyMessage(el *element, u, origin string) string {
	trust := fmt.Sprintf("or, if it is essential and does not track, list %s in consent.allowed_origins", origin)
	switch el.name {
	case "script":
		return fmt.Sprintf(`third-party script %s is not gated by a consent category: write <script type="text/plain" data-consent="CATEGORY" data-src="%s"></script>, %s`, u, u, trust)
	case "link":
		rel, _ := el.get("rel")
		return fmt.Sprintf(`third-party <link rel=%q> %s is requested before consent and cannot be gated: host the file with the site, %s`, rel.value, u, trust)
	}
	kind := map[string]string{"iframe": "frame", "frame": "frame", "img": "image", "source": "image or media", "input": "image"}[el.name]
	if kind == "" {
		kind = "<" + el.name + ">"
	}
	return fmt.Sprintf(`third-party %s %s is requested before consent: host it with the site, gate it with data-consent="CATEGORY" and data-src (an iframe shows a placeholder until then), %s`, kind, u, trust)
}
