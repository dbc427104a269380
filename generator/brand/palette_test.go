package brand

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/handout-health/handout/templates"
)

// colourSet reads "key=#hex ..." into Colours.
func colourSet(t *testing.T, s string) Colours {
	t.Helper()
	cs := Colours{}
	for f := range strings.FieldsSeq(s) {
		key, hex, _ := strings.Cut(f, "=")
		c, err := ParseColour(hex)
		if err != nil {
			t.Fatal(err)
		}
		cs[key] = c
	}
	return cs
}

// TestCheck is the table of contrast rules: colours that pass in both
// modes, and colours that fail, each with the key, mode and pairing that
// fail; every failing key's suggestion passes every pairing of that key
// and keeps its hue.
func TestCheck(t *testing.T) {
	tests := []struct {
		name, colours string
		// fails are "key mode: pairing" of each failure, in order.
		fails []string
	}{
		{"the default theme", "", nil},
		{"a dark green brand", "brand=#0b6e4f", nil},
		{"brand and accent", "brand=#0b6e4f accent=#3d2b56", nil},
		{"navy and white", "brand=#123", nil},
		{"every key", "brand=#7a1f3d accent=#4a1225 dark.brand=#5c162e dark.accent=#3b0d1d dark.link=#ffb3c8", nil},
		{"a light blue brand", "brand=#3fa9f5", []string{
			"brand light mode: white text on the brand colour (the header, a checked switch)",
			"brand light mode: white text on the accent colour (the navigation bar, the header's search button)",
			"brand light mode: links on the page",
			"brand light mode: links on shaded panels (the footer, On this page, the cookie banner)",
			"brand light mode: links in note callouts",
			"brand light mode: links in tip callouts",
			"brand light mode: links in important callouts",
			"brand light mode: links in warning callouts",
			"brand light mode: links in caution callouts and the risk section",
			"brand light mode: links in urgent and emergency callouts and notices",
			"brand dark mode: white text on the brand colour (the header, a checked switch)",
		}},
		{"a yellow brand", "brand=#ffcc00", []string{
			"brand light mode: white text on the brand colour (the header, a checked switch)",
			"brand light mode: white text on the accent colour (the navigation bar, the header's search button)",
			"brand light mode: links on the page",
			"brand light mode: links on shaded panels (the footer, On this page, the cookie banner)",
			"brand light mode: links in note callouts",
			"brand light mode: links in tip callouts",
			"brand light mode: links in important callouts",
			"brand light mode: links in warning callouts",
			"brand light mode: links in caution callouts and the risk section",
			"brand light mode: links in urgent and emergency callouts and notices",
			"brand dark mode: white text on the brand colour (the header, a checked switch)",
			"brand dark mode: white text on the accent colour (the navigation bar, the header's search button)",
		}},
		{"a light accent", "brand=#0b6e4f accent=#f57c00", []string{
			"accent light mode: white text on the accent colour (the navigation bar, the header's search button)",
			"accent dark mode: white text on the accent colour (the navigation bar, the header's search button)",
		}},
		// 4.7:1 on white, but below 4.5:1 on every tinted panel.
		{"a grey that passes on the page only", "brand=#737373", []string{
			"brand light mode: links on shaded panels (the footer, On this page, the cookie banner)",
			"brand light mode: links in note callouts",
			"brand light mode: links in tip callouts",
			"brand light mode: links in important callouts",
			"brand light mode: links in warning callouts",
			"brand light mode: links in caution callouts and the risk section",
			"brand light mode: links in urgent and emergency callouts and notices",
		}},
		{"dark mode's link too dark", "brand=#0b6e4f dark.link=#2a6f97", []string{
			"dark.link dark mode: links on the page",
			"dark.link dark mode: links on shaded panels (the footer, On this page, the cookie banner)",
			"dark.link dark mode: links in note callouts",
			"dark.link dark mode: links in tip callouts",
			"dark.link dark mode: links in important callouts",
			"dark.link dark mode: links in warning callouts",
			"dark.link dark mode: links in caution callouts and the risk section",
			"dark.link dark mode: links in urgent and emergency callouts and notices",
		}},
		{"dark mode's header too light", "dark.brand=#8ecae6", []string{
			"dark.brand dark mode: white text on the brand colour (the header, a checked switch)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := colourSet(t, tt.colours)
			var got []string
			keys := map[string]bool{}
			for _, f := range Check(cs) {
				got = append(got, f.Key+" "+f.Mode.String()+": "+f.What)
				keys[f.Key] = true
				if f.Ratio >= f.Min {
					t.Errorf("%s fails at %.2f, which is not below %.1f", f.What, f.Ratio, f.Min)
				}
			}
			if !slices.Equal(got, tt.fails) {
				t.Errorf("failures:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.fails, "\n  "))
			}
			for key := range keys {
				suggestion, ok := Suggest(cs, key)
				if !ok {
					t.Errorf("no suggestion for %s", key)
					continue
				}
				fixed := Colours{}
				for k, v := range cs {
					fixed[k] = v
				}
				fixed[key] = suggestion
				if left := Check(fixed); slices.ContainsFunc(left, func(f Failure) bool { return f.Key == key }) {
					t.Errorf("suggestion %s for %s still fails: %v", suggestion, key, left)
				}
				h, _, _ := cs[key].hsl()
				if h2, _, _ := suggestion.hsl(); min(abs(h2-h), 360-abs(h2-h)) > 3 {
					t.Errorf("suggestion %s for %s %s changes the hue from %.0f to %.0f", suggestion, key, cs[key], h, h2)
				}
			}
		})
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestFailureString(t *testing.T) {
	f := Check(colourSet(t, "brand=#3fa9f5"))[0]
	if got, want := f.String(), "white text on the brand colour (the header, a checked switch) (light mode): 2.5:1, below 4.5:1"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if s, _ := Suggest(colourSet(t, "brand=#3fa9f5"), KeyBrand); s.String() != "#0a70ba" {
		t.Errorf("suggestion for #3fa9f5 = %s, want #0a70ba", s)
	}
}

// The shades the theme makes: the accent darker than the brand, dark
// mode's bars darker still, dark mode's link light enough for 7:1.
func TestShades(t *testing.T) {
	cs := colourSet(t, "brand=#0b6e4f")
	light, dark := cs.palette(Light), cs.palette(Dark)
	if light.colour("--link").colour != cs[KeyBrand] || light.colour("--brand").colour != cs[KeyBrand] {
		t.Error("light mode's links and header are not the brand colour")
	}
	if a := light.colour("--accent").colour; a.Luminance() >= cs[KeyBrand].Luminance() {
		t.Errorf("accent %s is not darker than brand", a)
	}
	if b := dark.colour("--brand").colour; b.Luminance() >= cs[KeyBrand].Luminance() {
		t.Errorf("dark mode's header %s is not darker than brand", b)
	}
	link := dark.colour("--link").colour
	if !linkPasses(Dark, link, darkLinkContrast) {
		t.Errorf("dark mode's link %s is below %v:1 somewhere", link, darkLinkContrast)
	}
	if h, _, _ := link.hsl(); abs(h-161) > 3 {
		t.Errorf("dark mode's link %s has hue %.0f, want the brand's (161)", link, h)
	}
	if got := cs.BrandColour(Dark); got != dark.colour("--brand").colour {
		t.Errorf("BrandColour(Dark) = %s", got)
	}
	css := string(CSS(cs))
	for _, want := range []string{"@media screen {\n  :root { --brand: #0b6e4f; --accent: #08533b; --link: #0b6e4f; }", "@media screen and (prefers-color-scheme: dark) {\n  :root { --brand: #0a6347;"} {
		if !strings.Contains(css, want) {
			t.Errorf("CSS lacks %q:\n%s", want, css)
		}
	}
	if CSS(Colours{}) != nil {
		t.Error("CSS of no colours is not empty")
	}
}

// Theme holds the colours style.css gives its custom properties, in light
// mode (:root) and dark mode (the prefers-color-scheme block over it).
func TestThemeMatchesStylesheet(t *testing.T) {
	data, err := templates.FS.ReadFile("assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(data)
	start := strings.Index(css, ":root {")
	darkStart := strings.Index(css, "@media (prefers-color-scheme: dark)")
	end := strings.Index(css[darkStart:], "\n}\n")
	if start < 0 || darkStart < 0 || end < 0 {
		t.Fatal("style.css has no :root block and dark-mode block where expected")
	}
	property := regexp.MustCompile(`(--[a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;`)
	read := func(block string) map[string]string {
		out := map[string]string{}
		for _, m := range property.FindAllStringSubmatch(block, -1) {
			out[m[1]] = m[2]
		}
		return out
	}
	light, dark := read(css[start:darkStart]), read(css[darkStart:darkStart+end])
	for name, c := range Theme[Light] {
		if got := light[name]; !strings.EqualFold(got, c.String()) {
			t.Errorf("light %s: style.css has %q, brand.Theme %s", name, got, c)
		}
	}
	for name, c := range Theme[Dark] {
		got, ok := dark[name]
		if !ok {
			got = light[name]
		}
		if !strings.EqualFold(got, c.String()) {
			t.Errorf("dark %s: style.css has %q, brand.Theme %s", name, got, c)
		}
	}
}
