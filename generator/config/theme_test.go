package config

import (
	"strings"
	"testing"
)

// Every unknown key is reported, at its line and column, with the keys its
// map takes: at the top, in theme, theme.logo, theme.dark, menu items,
// languages and a language's menu and footer.
func TestUnknownKeysListKnownKeys(t *testing.T) {
	yaml := `title: A
titel: B
theme:
  brand: "#0b6e4f"
  colour: "#fff"
  logo:
    src: static/logo.svg
    alt: Clinic
    width: 40
  dark:
    links: "#fff"
menu:
  header:
    - target: a-z
      url: /x/
  sidebar: []
languages:
  - code: en
    name: English
    menus: {}
    footer:
      fax: "1"
`
	_, list := Parse([]byte(yaml))
	got := list.String()
	for _, want := range []string{
		`site.yaml:2:1: unknown key "titel" (known keys: title, description, base_url, language, languages, feedback_url, markdown, review, readability, sections, consent, contacts, theme, menu, share_image, share_image_alt, share_cards, print)`,
		`site.yaml:5:3: unknown key "colour" in theme (known keys: brand, accent, dark, logo, icon, icon_svg, stylesheet, footer)`,
		`site.yaml:9:5: unknown key "width" in theme.logo (known keys: src, alt)`,
		`site.yaml:11:5: unknown key "links" in theme.dark (known keys: brand, accent, link)`,
		`site.yaml:15:7: unknown key "url" in menu.header[] (known keys: label, target, order)`,
		`site.yaml:16:3: unknown key "sidebar" in menu (known keys: header, footer)`,
		`site.yaml:20:5: unknown key "menus" in languages[] (known keys: code, name, title, description, consent, contacts, menu, footer)`,
		`site.yaml:22:7: unknown key "fax" in languages[].footer (known keys: text, address, phone)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack\n  %s\ngot:\n%s", want, got)
		}
	}
	if n := len(list); n != 8 {
		t.Errorf("%d diagnostics, want one for each of the 8 unknown keys:\n%s", n, got)
	}
}

func TestThemeKeys(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"colour name", "theme:\n  brand: teal\n", `site.yaml:3:10: theme.brand "teal": write a colour as #RRGGBB`},
		{"colour unquoted", "theme:\n  dark:\n    link: 12ab\n", `site.yaml:4:11: theme.dark.link "12ab": write a colour`},
		{"logo without alt", "theme:\n  logo:\n    src: static/logo.svg\n", "site.yaml:4:8: theme.logo needs alt"},
		{"logo without src", "theme:\n  logo:\n    alt: Clinic\n", "theme.logo needs src"},
		{"logo outside static", "theme:\n  logo:\n    src: logo.svg\n    alt: Clinic\n", `site.yaml:4:10: theme.logo.src "logo.svg" must be a file in static/`},
		{"logo climbs out", "theme:\n  logo:\n    src: static/../site.yaml\n    alt: Clinic\n", "must be a file in static/"},
		{"logo kind", "theme:\n  logo:\n    src: static/logo.pdf\n    alt: Clinic\n", "must be a SVG, PNG, JPEG, GIF or WEBP file"},
		{"icon svg", "theme:\n  icon: static/icon.svg\n", `theme.icon "static/icon.svg" must be a PNG or JPEG file`},
		{"icon_svg png", "theme:\n  icon_svg: static/icon.png\n", "must be a SVG file"},
		{"stylesheet folder", "theme:\n  stylesheet: templates/layouts/x.css\n", "must be a file in templates/assets/"},
		{"stylesheet kind", "theme:\n  stylesheet: static/x.scss\n", "must be a CSS file"},
		{"footer phone", "theme:\n  footer:\n    phone: \"<b>1</b>\"\n", "theme.footer.phone \"<b>1</b>\" holds markup"},
		{"footer text long", "theme:\n  footer:\n    text: " + strings.Repeat("a", 601) + "\n", "theme.footer.text is too long"},
		{"menu without target", "menu:\n  header:\n    - label: About\n", "site.yaml:4:12: a menu item needs a target"},
		{"address without label", "menu:\n  footer:\n    - target: https://clinic.example/\n", `menu item "https://clinic.example/" needs a label`},
		{"language footer", "languages:\n  - code: en\n    name: English\n    footer:\n      phone: \"" + strings.Repeat("1", 41) + "\"\n", "languages[0].footer.phone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, list := Parse([]byte("title: A\n" + tt.yaml))
			if cfg != nil || !list.HasErrors() {
				t.Fatalf("Parse accepted %q", tt.yaml)
			}
			if got := list.String(); !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics %q do not contain %q", got, tt.want)
			}
		})
	}
}

func TestThemeAndMenusByLanguage(t *testing.T) {
	cfg, list := Parse([]byte(`title: A
theme:
  brand: "#0B6E4F"
  logo: {src: static/brand/logo.svg, alt: " Riverside Clinic "}
  stylesheet: templates/assets/clinic.css
  footer:
    text: Run by Riverside Clinic.
    address: |
      1 River Road
      Springfield
    phone: " 555 0100 "
menu:
  header:
    - target: a-z
    - {label: Call us, target: "tel:5550100", order: -1}
  footer:
    - target: About
languages:
  - code: en
    name: English
  - code: es
    name: Español
    menu:
      header: []
    footer:
      text: Un servicio de Riverside Clinic.
`))
	if list.HasErrors() {
		t.Fatal(list)
	}
	if cfg.Theme.Logo.Alt != "Riverside Clinic" || cfg.Theme.Footer.Phone != "555 0100" || cfg.Theme.Footer.Address != "1 River Road\nSpringfield" {
		t.Errorf("theme not trimmed: %+v", cfg.Theme)
	}
	es := cfg.Languages[1]
	menus := cfg.MenusIn(es)
	if menus.Header == nil || len(menus.Header) != 0 || len(menus.Footer) != 1 {
		t.Errorf("Spanish menus %+v: want its own empty header and the site's footer", menus)
	}
	if f := cfg.FooterIn(es); f.Text != "Un servicio de Riverside Clinic." || f.Phone != "555 0100" {
		t.Errorf("Spanish footer %+v: want its own text and the site's phone", f)
	}
	if line, col := cfg.Locate("$.menu.header[1].target"); line != 15 || col != 32 {
		t.Errorf("Locate = %d:%d, want 15:32", line, col)
	}
	if !IsMenuAddress("TEL:5550100") || IsMenuAddress("About: us") || IsMenuAddress("a-z") {
		t.Error("IsMenuAddress tells addresses from names wrongly")
	}
}
