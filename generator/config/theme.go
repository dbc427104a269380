package config

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/content"
)

// Theme is what a clinic changes in the default theme without copying
// templates: its colours, logo, icons, footer and an extra stylesheet.
// The files it names are read, and the colours' contrast judged, by the
// build (package brand, and generator/site's brand.go), which reports
// problems at these keys' places in site.yaml (Config.Locate).
type Theme struct {
	// Brand is the clinic's colour, written #RRGGBB or #RGB: the header,
	// links, and the rules of panels and the cookie banner, in light
	// mode; dark mode uses a shade of it.
	Brand string `yaml:"brand"`
	// Accent is the navigation bar and the header's buttons; by default
	// a darker shade of Brand.
	Accent string `yaml:"accent"`
	// Dark sets dark mode's colours instead of shades of the above.
	Dark DarkColours `yaml:"dark"`
	// Logo is shown in the header, before the site's title.
	Logo Logo `yaml:"logo"`
	// Icon is the one square PNG or JPEG from which the favicon, the
	// phones' home-screen icons and the web app manifest's are made.
	Icon string `yaml:"icon"`
	// IconSVG is an SVG icon, linked for the browsers that take one.
	IconSVG string `yaml:"icon_svg"`
	// Stylesheet is a CSS file linked after the theme's, from
	// templates/assets/ (fingerprinted, as the theme's) or static/.
	Stylesheet string `yaml:"stylesheet"`
	// Footer is the clinic's words in every page's footer.
	Footer Footer `yaml:"footer"`
}

// DarkColours are the colours of dark mode, where a site gives them.
type DarkColours struct {
	// Brand is the header's colour in dark mode.
	Brand string `yaml:"brand"`
	// Accent is the navigation bar's and the header buttons' colour.
	Accent string `yaml:"accent"`
	// Link is the colour of links on dark backgrounds.
	Link string `yaml:"link"`
}

// Logo is the clinic's logo.
type Logo struct {
	// Src is the image, a file in static/: SVG, PNG, JPEG, GIF or WebP.
	Src string `yaml:"src"`
	// Alt is what the logo says, for readers who do not see it.
	Alt string `yaml:"alt"`
}

// Footer is the clinic's own words in the footer. Its links are
// menu.footer.
type Footer struct {
	// Text is a short paragraph, such as who runs the library.
	Text string `yaml:"text"`
	// Address is the clinic's postal address; its lines are kept.
	Address string `yaml:"address"`
	// Phone is the clinic's number, written as people dial it; the
	// footer links it with tel:.
	Phone string `yaml:"phone"`
}

// Menus are the header's and the footer's links.
type Menus struct {
	// Header replaces the theme's navigation bar (the A to Z, topics and
	// glossary); Footer the footer's list of free pages. nil keeps the
	// theme's (or, in a language, the site's).
	Header []MenuItem `yaml:"header"`
	Footer []MenuItem `yaml:"footer"`
}

// MenuItem is one link of a menu.
type MenuItem struct {
	// Label is the link's text; by default the title of the document it
	// leads to, or the theme's name of the section.
	Label string `yaml:"label"`
	// Target is where it leads: a section of the library (MenuSections),
	// a document's title, synonym or slug (with an optional #section), a
	// path from the site root (/files/leaflet.pdf), or an http(s),
	// mailto: or tel: address.
	Target string `yaml:"target"`
	// Order places the item: items are shown by increasing order, those
	// with the same order (0 by default) as listed.
	Order int `yaml:"order"`
}

// MenuSections are the sections of the library a menu item may name as
// its target, each with its address relative to the language's prefix.
var MenuSections = map[string]string{
	"home":     "",
	"a-z":      "#a-to-z",
	"topics":   "tags/",
	"glossary": "glossary/",
	"search":   "search/",
	"cookies":  "cookies/",
}

// colourPattern is a colour as site.yaml writes it: #RRGGBB or #RGB.
var colourPattern = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// maxFooterRunes bounds the footer's text and address: a footer says a
// few lines, not a page.
const maxFooterRunes = 600

// maxLabelRunes bounds a menu label: a few words.
const maxLabelRunes = 60

// validate checks the theme's keys as written: colours, the folders of
// its files and their kinds by name, the footer's words. Whether the
// files exist and are images is the build's to say.
func (t *Theme) validate(errAt func(path, format string, args ...any)) {
	for _, c := range []struct{ key, value string }{
		{"brand", t.Brand}, {"accent", t.Accent},
		{"dark.brand", t.Dark.Brand}, {"dark.accent", t.Dark.Accent}, {"dark.link", t.Dark.Link},
	} {
		if c.value != "" && !colourPattern.MatchString(c.value) {
			errAt("$.theme."+c.key, "theme.%s %q: write a colour as #RRGGBB, such as #0b6e4f (quote it: \"#0b6e4f\")", c.key, c.value)
		}
	}
	t.Logo.Src = strings.TrimSpace(t.Logo.Src)
	t.Logo.Alt = strings.TrimSpace(t.Logo.Alt)
	switch {
	case t.Logo.Src == "" && t.Logo.Alt != "":
		errAt("$.theme.logo", "theme.logo needs src: the logo's file in static/, such as static/logo.svg")
	case t.Logo.Src != "" && t.Logo.Alt == "":
		errAt("$.theme.logo", "theme.logo needs alt: what the logo says, such as the clinic's name, for readers who do not see it")
	case utf8.RuneCountInString(t.Logo.Alt) > maxLabelRunes*2:
		errAt("$.theme.logo.alt", "theme.logo.alt is too long: say what the logo says in at most %d characters", maxLabelRunes*2)
	}
	staticFile := func(key, value string, exts ...string) {
		if value == "" {
			return
		}
		if problem := filePathProblem(value, content.StaticDir, exts); problem != "" {
			errAt("$.theme."+key, "theme.%s %q %s", key, value, problem)
		}
	}
	staticFile("logo.src", t.Logo.Src, ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")
	staticFile("icon", t.Icon, ".png", ".jpg", ".jpeg")
	staticFile("icon_svg", t.IconSVG, ".svg")
	if t.Stylesheet != "" {
		problem := filePathProblem(t.Stylesheet, content.StaticDir, []string{".css"})
		if strings.HasPrefix(t.Stylesheet, content.TemplatesDir+"/") {
			problem = filePathProblem(t.Stylesheet, content.TemplatesDir+"/assets", []string{".css"})
		}
		if problem != "" {
			errAt("$.theme.stylesheet", "theme.stylesheet %q %s", t.Stylesheet, problem)
		}
	}
	t.Footer.validate("$.theme.footer", errAt)
}

// filePathProblem says what is wrong with the path of a site's file that
// must be in folder and end in one of exts, or "".
func filePathProblem(p, folder string, exts []string) string {
	clean := path.Clean(p)
	switch {
	case clean != p || strings.Contains(p, "\\") || !strings.HasPrefix(p, folder+"/"):
		return fmt.Sprintf("must be a file in %s/, written from the site's folder, such as %s/%s", folder, folder, "name"+exts[0])
	case !matchesExt(p, exts):
		return fmt.Sprintf("must be a %s file", kindNames(exts))
	}
	return ""
}

func matchesExt(p string, exts []string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// kindNames names the kinds of file exts are: "SVG, PNG or JPEG".
func kindNames(exts []string) string {
	var names []string
	for _, e := range exts {
		n := strings.ToUpper(strings.TrimPrefix(e, "."))
		if n == "JPG" {
			continue // JPEG follows
		}
		names = append(names, n)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// validate checks the footer's words; at is its YAML path.
func (f *Footer) validate(at string, errAt func(path, format string, args ...any)) {
	name := strings.TrimPrefix(at, "$.")
	for _, w := range []struct {
		key   string
		value *string
	}{{"text", &f.Text}, {"address", &f.Address}} {
		*w.value = strings.TrimSpace(*w.value)
		switch {
		case utf8.RuneCountInString(*w.value) > maxFooterRunes:
			errAt(at+"."+w.key, "%s.%s is too long: at most %d characters; put more on a page and link it from menu.footer", name, w.key, maxFooterRunes)
		case strings.ContainsFunc(*w.value, func(r rune) bool { return r != '\n' && !unicode.IsPrint(r) }):
			errAt(at+"."+w.key, "%s.%s holds a character that cannot be shown (a control character, or a space other than the ordinary one)", name, w.key)
		}
	}
	f.Phone = strings.TrimSpace(f.Phone)
	if problem := contactProblem(f.Phone); problem != "" {
		errAt(at+".phone", "%s.phone %q %s", name, f.Phone, problem)
	}
}

// validate checks each menu item as written; at is the menus' YAML path.
// Whether a target exists is the build's to say, once the documents are
// read.
func (m *Menus) validate(at string, errAt func(path, format string, args ...any)) {
	for _, menu := range []struct {
		key   string
		items []MenuItem
	}{{"header", m.Header}, {"footer", m.Footer}} {
		for i := range menu.items {
			item := &menu.items[i]
			where := fmt.Sprintf("%s.%s[%d]", at, menu.key, i)
			item.Label = strings.TrimSpace(item.Label)
			item.Target = strings.TrimSpace(item.Target)
			switch {
			case item.Target == "":
				errAt(where, "a menu item needs a target: a section (%s), a document's title, a path such as /files/leaflet.pdf, or an address", strings.Join(menuSectionNames(), ", "))
			case utf8.RuneCountInString(item.Label) > maxLabelRunes:
				errAt(where+".label", "menu label %q is too long: a few words, at most %d characters", item.Label, maxLabelRunes)
			case strings.ContainsFunc(item.Label, func(r rune) bool { return !unicode.IsPrint(r) }):
				errAt(where+".label", "menu label %q holds a character that cannot be shown", item.Label)
			}
			if IsMenuAddress(item.Target) && item.Label == "" {
				errAt(where, "menu item %q needs a label: the words of the link", item.Target)
			}
		}
	}
}

// IsMenuAddress reports whether a menu target is an address of another
// site (http, https, mailto or tel) rather than a part of this one.
func IsMenuAddress(target string) bool {
	scheme, _, ok := strings.Cut(target, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// menuSectionNames are the names of MenuSections, in the order of the
// theme's navigation.
func menuSectionNames() []string {
	return []string{"home", "a-z", "topics", "glossary", "search", "cookies"}
}

// MenusIn returns the menus of a language: each of the site's, unless the
// language gives its own.
func (c *Config) MenusIn(lang Language) Menus {
	out := c.Menu
	if lang.Menu.Header != nil {
		out.Header = lang.Menu.Header
	}
	if lang.Menu.Footer != nil {
		out.Footer = lang.Menu.Footer
	}
	return out
}

// FooterIn returns the footer's words in a language: the site's, with each
// key the language sets replacing the site's.
func (c *Config) FooterIn(lang Language) Footer {
	out := c.Theme.Footer
	if lang.Footer.Text != "" {
		out.Text = lang.Footer.Text
	}
	if lang.Footer.Address != "" {
		out.Address = lang.Footer.Address
	}
	if lang.Footer.Phone != "" {
		out.Phone = lang.Footer.Phone
	}
	return out
}
