package render

import (
	"html/template"
	"slices"
	"strconv"
)

// Brand is what templates see of a clinic's brand (site.yaml theme:) as
// .Site.Brand: its logo, icons and extra stylesheet. Its colours are in
// the theme's stylesheet already.
type Brand struct {
	// Logo is the clinic's logo for the header, or nil.
	Logo *Logo
	// Icons are the site's icons, each a <link>; none means the theme's
	// own favicon.
	Icons []Icon
	// Manifest is the address of the web app manifest in the page's
	// language, or "".
	Manifest string
	// ThemeColor and ThemeColorDark are the header's colour in light and
	// dark mode, for browsers that tint their own bars; "" when the site
	// gives no colour.
	ThemeColor, ThemeColorDark string
	// Stylesheet is a site's stylesheet, linked after the theme's, or
	// nil.
	Stylesheet *Stylesheet
}

// Logo is an image with its text and size, which keeps the header from
// moving as it loads.
type Logo struct {
	URL           string
	Alt           string
	Width, Height int
}

// Icon is one <link> of an icon: rel, address, and type and sizes where
// they help a browser choose.
type Icon struct {
	Rel, URL, Type, Sizes string
}

// Stylesheet is a site's own stylesheet: an asset of its templates/assets/
// folder, by name (for the template function asset), or the address of a
// file of static/.
type Stylesheet struct {
	Asset, URL string
}

// Footer is the clinic's words in the footer (site.yaml theme.footer).
type Footer struct {
	// Text is a short paragraph.
	Text string
	// Address are the lines of the postal address.
	Address []string
	// Phone is the number as written; PhoneURL its tel: address, or ""
	// when it cannot be dialled (a few words).
	Phone    string
	PhoneURL template.URL
}

// Menus are the header's and the footer's links, in the page's language.
type Menus struct {
	Header, Footer []MenuItem
}

// MenuItem is one link of a menu.
type MenuItem struct {
	Label string
	// URL is the address written in the page: under the base path, or
	// another site's (http, https, mailto or tel, checked by the build).
	URL template.URL
	// Path is the address of a page of the site relative to the base URL,
	// for telling the current page; "" for the home page (see Kinds) and
	// another site's.
	Path string
	// Kinds are the kinds of page for which the item is current besides
	// the page at Path: a section's ("glossary" is current on the
	// glossary and on every term).
	Kinds []string
}

// Current reports whether the item leads to page p, which the menu marks
// with aria-current="page".
func (m MenuItem) Current(p *Page) bool {
	return slices.Contains(m.Kinds, p.Kind) || m.Path != "" && m.Path == p.Path
}

// CurrentItem returns the position of the first item of menu that leads
// to p, or "" when none does: the key under which a menu is rendered once
// and reused (partialCached), since it differs only in which item is
// current.
func (p *Page) CurrentItem(menu []MenuItem) string {
	for i, m := range menu {
		if m.Current(p) {
			return strconv.Itoa(i)
		}
	}
	return ""
}
