package brand

import (
	"bytes"
	"fmt"
	"slices"
)

// Mode is a colour scheme the theme draws: light, or dark for readers whose
// system prefers it.
type Mode int

const (
	// Light is the theme's default scheme.
	Light Mode = iota
	// Dark is prefers-color-scheme: dark.
	Dark
)

// String names the mode in messages.
func (m Mode) String() string {
	if m == Dark {
		return "dark mode"
	}
	return "light mode"
}

// The keys of site.yaml's theme that set colours.
const (
	KeyBrand      = "brand"
	KeyAccent     = "accent"
	KeyDarkBrand  = "dark.brand"
	KeyDarkAccent = "dark.accent"
	KeyDarkLink   = "dark.link"
)

// Keys are the colour keys, in the order site.yaml documents them.
var Keys = []string{KeyBrand, KeyAccent, KeyDarkBrand, KeyDarkAccent, KeyDarkLink}

// Colours are the colours a site gives, by key (Keys); a key it does not
// give is absent.
type Colours map[string]Colour

// The shades the theme makes of a site's colours where it gives no other:
// the accent is a darker shade of the brand colour (as the default
// theme's navigation bar is of its header), and dark mode's header and
// navigation are a little darker still, so that the bar does not glare.
const (
	accentShade = 0.75
	darkShade   = 0.9
	// darkLinkContrast is what a link colour made for dark mode reaches
	// against every dark background it is drawn on: well over AA's 4.5,
	// as the default theme's does, since light text on dark reads less
	// easily than dark on light.
	darkLinkContrast = 7
)

// Theme holds the default theme's own colours by CSS custom property, in
// each mode: those of templates/assets/style.css's :root and its
// prefers-color-scheme: dark block, which a test holds equal. --brand,
// --accent and --link are the ones a site changes.
var Theme = map[Mode]map[string]Colour{
	Light: colours(map[string]string{
		"--brand": "#005a8c", "--accent": "#004468", "--link": "#0b57a0",
		"--brand-text": "#ffffff", "--accent-text": "#ffffff",
		"--bg": "#ffffff", "--surface": "#f2f5f8",
		"--focus": "#ffbf47", "--focus-text": "#0b0c0c",
		"--note-bg": "#eef4fb", "--tip-bg": "#edf7ef", "--important-bg": "#f4f0fb", "--warning-bg": "#fff8db",
		"--caution-bg": "#fff4e5", "--urgent-bg": "#fdecea", "--emergency-bg": "#fdecea", "--notice-bg": "#fdecea",
	}),
	Dark: colours(map[string]string{
		"--brand": "#0d4f75", "--accent": "#093a57", "--link": "#8cc4ff",
		"--brand-text": "#ffffff", "--accent-text": "#ffffff",
		"--bg": "#121416", "--surface": "#1d2125",
		"--focus": "#ffbf47", "--focus-text": "#0b0c0c",
		"--note-bg": "#10233a", "--tip-bg": "#10291a", "--important-bg": "#241a38", "--warning-bg": "#2b2410",
		"--caution-bg": "#2e2210", "--urgent-bg": "#33171a", "--emergency-bg": "#33171a", "--notice-bg": "#33171a",
	}),
}

func colours(hex map[string]string) map[string]Colour {
	out := make(map[string]Colour, len(hex))
	for name, h := range hex {
		out[name] = mustColour(h)
	}
	return out
}

// A pairing is two colours the theme draws one on or beside the other.
type pairing struct {
	// what names it for an editor.
	what string
	// fg and bg are CSS custom properties; fg2, when set, is the other
	// half of a two-tone indicator, either of which may make the
	// contrast (the focus ring: yellow, edged in near-black).
	fg, fg2, bg string
	// min is the ratio WCAG 2.x level AA asks: 4.5 for text, 3 for the
	// parts of controls and focus indicators (1.4.11).
	min float64
}

// pairings are every pairing of the theme that a site's colour is in.
var pairings = []pairing{
	{what: "white text on the brand colour (the header, a checked switch)", fg: "--brand-text", bg: "--brand", min: 4.5},
	{what: "white text on the accent colour (the navigation bar, the header's search button)", fg: "--accent-text", bg: "--accent", min: 4.5},
	{what: "links on the page", fg: "--link", bg: "--bg", min: 4.5},
	{what: "links on shaded panels (the footer, On this page, the cookie banner)", fg: "--link", bg: "--surface", min: 4.5},
	{what: "links in note callouts", fg: "--link", bg: "--note-bg", min: 4.5},
	{what: "links in tip callouts", fg: "--link", bg: "--tip-bg", min: 4.5},
	{what: "links in important callouts", fg: "--link", bg: "--important-bg", min: 4.5},
	{what: "links in warning callouts", fg: "--link", bg: "--warning-bg", min: 4.5},
	{what: "links in caution callouts and the risk section", fg: "--link", bg: "--caution-bg", min: 4.5},
	{what: "links in urgent and emergency callouts and notices", fg: "--link", bg: "--urgent-bg", min: 4.5},
	{what: "the focus ring on the brand colour", fg: "--focus", fg2: "--focus-text", bg: "--brand", min: 3},
	{what: "the focus ring on the accent colour", fg: "--focus", fg2: "--focus-text", bg: "--accent", min: 3},
}

// shade is a colour of the palette and the key it comes from ("" for
// the theme's own).
type shade struct {
	colour Colour
	key    string
}

// palette is the theme's colours in one mode, with a site's.
type palette struct {
	mode Mode
	// own are the site's colours by custom property (--brand, --accent,
	// --link).
	own map[string]shade
}

// colour returns a custom property's colour and the key it comes from.
func (p palette) colour(name string) shade {
	if s, ok := p.own[name]; ok {
		return s
	}
	return shade{colour: Theme[p.mode][name]}
}

// palette makes the theme's colours in mode m with the site's: each of
// --brand, --accent and --link is the key's colour that sets it, a shade
// of another key's (see accentShade, darkShade, darkLinkContrast), or
// the theme's.
func (cs Colours) palette(m Mode) palette {
	p := palette{mode: m, own: map[string]shade{}}
	set := func(name string, s shade) { p.own[name] = s }
	brand, hasBrand := cs[KeyBrand]
	accent, hasAccent := cs[KeyAccent]
	if !hasAccent && hasBrand {
		accent, hasAccent = brand.Darker(accentShade), true
	}
	accentKey := KeyAccent
	if _, ok := cs[KeyAccent]; !ok {
		accentKey = KeyBrand
	}
	if m == Light {
		if hasBrand {
			set("--brand", shade{brand, KeyBrand})
			set("--link", shade{brand, KeyBrand})
		}
		if hasAccent {
			set("--accent", shade{accent, accentKey})
		}
		return p
	}
	switch c, ok := cs[KeyDarkBrand]; {
	case ok:
		set("--brand", shade{c, KeyDarkBrand})
	case hasBrand:
		set("--brand", shade{brand.Darker(darkShade), KeyBrand})
	}
	switch c, ok := cs[KeyDarkAccent]; {
	case ok:
		set("--accent", shade{c, KeyDarkAccent})
	case hasAccent:
		set("--accent", shade{accent.Darker(darkShade), accentKey})
	}
	switch c, ok := cs[KeyDarkLink]; {
	case ok:
		set("--link", shade{c, KeyDarkLink})
	case hasBrand:
		link := brand.lighterUntil(func(c Colour) bool { return linkPasses(p.mode, c, darkLinkContrast) })
		set("--link", shade{link, KeyBrand})
	}
	return p
}

// linkPasses reports whether a link colour reaches min against every
// background the theme draws links on in mode m.
func linkPasses(m Mode, link Colour, min float64) bool {
	for _, pr := range pairings {
		if pr.fg == "--link" && Contrast(link, Theme[m][pr.bg]) < min {
			return false
		}
	}
	return true
}

// A Failure is a pairing of the theme in which a site's colour falls
// short of WCAG 2.x AA.
type Failure struct {
	// Key is the theme key whose colour, or a shade of it, is in the
	// pairing.
	Key string
	// Mode is the scheme in which it fails.
	Mode Mode
	// What names the pairing; Ratio is its contrast, Min what AA asks.
	What       string
	Ratio, Min float64
}

// String says it as an editor reads it: "links on the page (light mode)
// are 3.1:1, below 4.5:1".
func (f Failure) String() string {
	return fmt.Sprintf("%s (%s): %s:1, below %s:1", f.What, f.Mode, ratio(f.Ratio), ratio(f.Min))
}

// ratio writes a contrast ratio rounded down to one decimal, so that a
// ratio shown as 4.5 always passes 4.5.
func ratio(r float64) string {
	return fmt.Sprintf("%.1f", float64(int(r*10))/10)
}

// Check judges every pairing of the theme, in light and dark mode, that
// a site's colour (or a shade of it the theme makes) is in, and returns
// those that fall short of AA, in the order of Keys.
func Check(cs Colours) []Failure {
	var out []Failure
	for _, m := range []Mode{Light, Dark} {
		p := cs.palette(m)
		for _, pr := range pairings {
			out = append(out, p.judge(pr)...)
		}
	}
	slices.SortStableFunc(out, func(a, b Failure) int { return slices.Index(Keys, a.Key) - slices.Index(Keys, b.Key) })
	return out
}

// judge returns the failure of one pairing in p, if it fails and a site's
// colour is in it.
func (p palette) judge(pr pairing) []Failure {
	fg, bg := p.colour(pr.fg), p.colour(pr.bg)
	key := fg.key
	if key == "" {
		key = bg.key
	}
	if key == "" {
		return nil
	}
	r := Contrast(fg.colour, bg.colour)
	if pr.fg2 != "" {
		r = max(r, Contrast(p.colour(pr.fg2).colour, bg.colour))
	}
	if r >= pr.min {
		return nil
	}
	return []Failure{{Key: key, Mode: p.mode, What: pr.what, Ratio: r, Min: pr.min}}
}

// Suggest returns the shade of key's colour, with the same hue and
// saturation, nearest to it in lightness with which no pairing of key
// fails, in either mode; false when the site does not give key or no
// shade passes.
func Suggest(cs Colours, key string) (Colour, bool) {
	c, ok := cs[key]
	if !ok {
		return Colour{}, false
	}
	return c.Nearest(func(candidate Colour) bool {
		try := Colours{}
		for k, v := range cs {
			try[k] = v
		}
		try[key] = candidate
		return !slices.ContainsFunc(Check(try), func(f Failure) bool { return f.Key == key })
	})
}

// BrandColour is the header's colour in mode m, for browsers that tint
// their own bars (<meta name="theme-color">, the web app manifest).
func (cs Colours) BrandColour(m Mode) Colour { return cs.palette(m).colour("--brand").colour }

// CSS returns the custom properties that give the theme a site's colours,
// to follow the theme's stylesheet; nil when the site gives none. They
// apply on screen; on paper only the brand colour does, as the printed
// header's band (the rest stays black on white).
func CSS(cs Colours) []byte {
	if len(cs) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("\n/* The site's colours (site.yaml theme:), on screen; on paper, black on white under the brand's band. */\n")
	for _, m := range []Mode{Light, Dark} {
		media := "screen"
		if m == Dark {
			media += " and (prefers-color-scheme: dark)"
		}
		p := cs.palette(m)
		fmt.Fprintf(&b, "@media %s {\n  :root {", media)
		for _, name := range []string{"--brand", "--accent", "--link"} {
			fmt.Fprintf(&b, " %s: %s;", name, p.colour(name).colour)
		}
		b.WriteString(" }\n}\n")
	}
	// The printed header is a band of the light brand colour, whatever
	// the screen's scheme (the theme's print rules keep the rest black).
	fmt.Fprintf(&b, "@media print {\n  :root { --brand: %s; }\n}\n", cs.palette(Light).colour("--brand").colour)
	return b.Bytes()
}
