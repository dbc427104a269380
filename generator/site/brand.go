package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"image/color"
	"io/fs"
	"strings"

	"github.com/handout-health/handout/generator/brand"
	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/fsread"
	"github.com/handout-health/handout/generator/markdown/callout"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/sharecard"
)

// siteBrand is a site's brand: site.yaml's theme with the files it names
// read and judged, in the read stage, and the files the build makes of
// them (a copy of the logo, the icons), which the view of the site names,
// the output plan claims (planGenerated) and the write stage writes.
// Problems are reported at their keys in site.yaml, with the link
// stage's.
type siteBrand struct {
	colours brand.Colours
	// logo is the logo's view, its address relative to the base URL.
	logo *render.Logo
	// icons are the <link>s of the icons, addresses relative to the base
	// URL; manifestIcons the manifest's (with a manifest only when set).
	icons         []render.Icon
	manifestIcons []brand.ManifestIcon
	stylesheet    *render.Stylesheet
	// files are what the build writes besides the manifests.
	files []brandFile
	// iconSource and made are the icon's source and what was made of it,
	// kept so that a rebuild with the same source makes nothing again.
	iconSource []byte
	made       brand.Icons
	problems   diag.List
}

// brandFile is a file the build makes of the brand.
type brandFile struct {
	// name is its path in the output; what names it in the output plan's
	// messages.
	name, what string
	data       []byte
}

// manifestFile is each language's web app manifest, under its prefix.
const manifestFile = "manifest.webmanifest"

// Largest files read for the brand: a logo is small; an icon's source
// may be a designer's large PNG.
const (
	maxLogoBytes = 4 << 20
	maxIconBytes = 16 << 20
)

// readBrand reads site.yaml's theme and the files it names. was is the
// brand of the build before (nil for none), whose icons are kept when
// their source did not change.
func readBrand(fsys fs.FS, cfg *config.Config, was *siteBrand) *siteBrand {
	b := &siteBrand{colours: brand.Colours{}}
	t := cfg.Theme
	b.checkColours(cfg)
	if t.Logo.Src != "" {
		b.readLogo(fsys, cfg)
	}
	if t.Icon != "" {
		b.readIcon(fsys, cfg, was)
	}
	if t.IconSVG != "" {
		if data, img, ok := b.readImage(fsys, cfg, "icon_svg", t.IconSVG, maxLogoBytes); ok {
			if img.Format != "svg" {
				b.errorf(cfg, "icon_svg", "theme.icon_svg %s is a %s image, not an SVG: name it in theme.icon", t.IconSVG, strings.ToUpper(img.Format))
			} else {
				name := fingerprinted("assets/icon", ".svg", data)
				b.files = append(b.files, brandFile{name: name, what: "SVG icon the build copies from theme.icon_svg", data: data})
				b.icons = append(b.icons, render.Icon{Rel: "icon", URL: name, Type: "image/svg+xml"})
			}
		}
	}
	if b.manifestIcons != nil {
		// The touch icon after the SVG: browsers take the last icon
		// they can use.
		b.icons = append(b.icons, render.Icon{Rel: "apple-touch-icon", URL: b.iconName(brand.TouchIcon)})
	}
	if t.Stylesheet != "" {
		b.findStylesheet(fsys, cfg)
	}
	return b
}

// errorf reports a problem at the theme key's place in site.yaml.
func (b *siteBrand) errorf(cfg *config.Config, key, format string, args ...any) {
	line, col := cfg.Locate("$.theme." + key)
	b.problems = append(b.problems, diag.Errorf(config.FileName, line, col, format, args...))
}

// checkColours judges the site's colours in every pairing of the theme
// and reports each colour that falls short, once, with the pairings it
// fails and the nearest shade that passes them all.
func (b *siteBrand) checkColours(cfg *config.Config) {
	t := cfg.Theme
	for key, value := range map[string]string{
		brand.KeyBrand: t.Brand, brand.KeyAccent: t.Accent,
		brand.KeyDarkBrand: t.Dark.Brand, brand.KeyDarkAccent: t.Dark.Accent, brand.KeyDarkLink: t.Dark.Link,
	} {
		if c, err := brand.ParseColour(value); err == nil {
			b.colours[key] = c
		}
	}
	byKey := map[string][]string{}
	for _, f := range brand.Check(b.colours) {
		byKey[f.Key] = append(byKey[f.Key], f.String())
	}
	for _, key := range brand.Keys {
		fails := byKey[key]
		if len(fails) == 0 {
			continue
		}
		const shown = 3
		said := strings.Join(fails[:min(shown, len(fails))], "; ")
		if len(fails) > shown {
			said += fmt.Sprintf("; and %d more", len(fails)-shown)
		}
		fix := "choose a darker or lighter shade"
		if s, ok := brand.Suggest(b.colours, key); ok {
			fix = fmt.Sprintf("the nearest shade of the same hue that passes everywhere is %s", s)
		}
		b.errorf(cfg, key, "theme.%s %s is below WCAG AA contrast: %s; %s", key, b.colours[key], said, fix)
	}
}

// readImage reads the image file of a theme key and tells what it is,
// reporting a file that is missing or is not an image.
func (b *siteBrand) readImage(fsys fs.FS, cfg *config.Config, key, file string, limit int64) ([]byte, brand.Image, bool) {
	data, err := fsread.ReadFile(fsys, file, limit)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		b.errorf(cfg, key, "theme.%s: there is no file %s; put the image there, or correct the name", key, file)
		return nil, brand.Image{}, false
	case err != nil:
		b.errorf(cfg, key, "theme.%s: cannot read %s: %v", key, file, err)
		return nil, brand.Image{}, false
	}
	img, err := brand.Inspect(data)
	if err != nil {
		b.errorf(cfg, key, "theme.%s: %s %v", key, file, err)
		return nil, brand.Image{}, false
	}
	return data, img, true
}

// readLogo reads the logo and copies it, fingerprinted, into assets/.
func (b *siteBrand) readLogo(fsys fs.FS, cfg *config.Config) {
	logo := cfg.Theme.Logo
	data, img, ok := b.readImage(fsys, cfg, "logo.src", logo.Src, maxLogoBytes)
	if !ok {
		return
	}
	name := fingerprinted("assets/logo", img.Ext, data)
	b.files = append(b.files, brandFile{name: name, what: "logo the build copies from theme.logo.src", data: data})
	b.logo = &render.Logo{URL: name, Alt: logo.Alt, Width: img.Width, Height: img.Height}
}

// readIcon reads the icon's source and makes favicon.ico, the touch icon
// and the manifest's icons of it (or keeps those of the build before,
// when the source is the same).
func (b *siteBrand) readIcon(fsys fs.FS, cfg *config.Config, was *siteBrand) {
	file := cfg.Theme.Icon
	data, img, ok := b.readImage(fsys, cfg, "icon", file, maxIconBytes)
	if !ok {
		return
	}
	switch {
	case img.Format != "png" && img.Format != "jpeg":
		b.errorf(cfg, "icon", "theme.icon %s is a %s image: the icons are made from a PNG or JPEG (an SVG icon goes in theme.icon_svg)", file, strings.ToUpper(img.Format))
		return
	case img.Width != img.Height:
		b.errorf(cfg, "icon", "theme.icon %s is %d×%d pixels: an icon must be square; crop it, or add space around it", file, img.Width, img.Height)
		return
	case img.Width < brand.AppIconLarge:
		line, col := cfg.Locate("$.theme.icon")
		b.problems = append(b.problems, diag.Warnf(config.FileName, line, col, "theme.icon %s is %d×%d pixels: the %d-pixel icon phones ask for is made larger than it, and may look soft; give one of %d×%d or more", file, img.Width, img.Height, brand.AppIconLarge, brand.AppIconLarge, brand.AppIconLarge))
	}
	if was != nil && was.iconSource != nil && bytes.Equal(was.iconSource, data) {
		b.made = was.made
	} else {
		made, err := brand.MakeIcons(data)
		if err != nil {
			b.errorf(cfg, "icon", "theme.icon %s %v", file, err)
			return
		}
		b.made = made
	}
	b.iconSource = data
	b.files = append(b.files, brandFile{name: "favicon.ico", what: "favicon the build makes from theme.icon", data: b.made.Favicon})
	b.icons = append(b.icons, render.Icon{Rel: "icon", URL: "favicon.ico", Sizes: "32x32"})
	b.manifestIcons = []brand.ManifestIcon{}
	for _, size := range brand.IconSizes {
		name := fingerprinted(fmt.Sprintf("assets/icon-%d", size), ".png", b.made.PNG[size])
		b.files = append(b.files, brandFile{name: name, what: fmt.Sprintf("%d-pixel icon the build makes from theme.icon", size), data: b.made.PNG[size]})
		if size != brand.TouchIcon {
			b.manifestIcons = append(b.manifestIcons, brand.ManifestIcon{Src: name, Sizes: fmt.Sprintf("%dx%d", size, size), Type: "image/png"})
		}
	}
}

// iconName returns the output name of the PNG icon of a size.
func (b *siteBrand) iconName(size int) string {
	suffix := fmt.Sprintf("assets/icon-%d.", size)
	for _, f := range b.files {
		if strings.HasPrefix(f.name, suffix) {
			return f.name
		}
	}
	return ""
}

// findStylesheet checks that the site's stylesheet exists: one of
// templates/assets/, which the theme builds as its own assets, or of
// static/, published as it is.
func (b *siteBrand) findStylesheet(fsys fs.FS, cfg *config.Config) {
	file := cfg.Theme.Stylesheet
	if info, err := fs.Stat(fsys, file); err != nil || info.IsDir() {
		b.errorf(cfg, "stylesheet", "theme.stylesheet: there is no file %s; put the stylesheet there, or correct the name", file)
		return
	}
	if asset, ok := strings.CutPrefix(file, overridesDir+"/assets/"); ok {
		b.stylesheet = &render.Stylesheet{Asset: asset}
	} else {
		b.stylesheet = &render.Stylesheet{URL: strings.TrimPrefix(file, content.StaticDir+"/")}
	}
}

// fingerprinted names a file by its bytes, as the theme's assets are:
// "assets/logo" and ".svg" give "assets/logo.3f2a9c1b0d.svg".
func fingerprinted(stem, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return stem + "." + hex.EncodeToString(sum[:])[:10] + ext
}

// view is the brand as the templates of s's language see it, with
// addresses under the base path.
func (b *siteBrand) view(s *Site) render.Brand {
	base := s.Config.BasePath()
	var v render.Brand
	if b.logo != nil {
		logo := *b.logo
		logo.URL = base + logo.URL
		v.Logo = &logo
	}
	for _, icon := range b.icons {
		icon.URL = base + icon.URL
		v.Icons = append(v.Icons, icon)
	}
	if b.manifestIcons != nil {
		v.Manifest = base + s.Language.Prefix() + manifestFile
	}
	if len(b.colours) > 0 {
		v.ThemeColor, v.ThemeColorDark = b.colours.BrandColour(brand.Light).String(), b.colours.BrandColour(brand.Dark).String()
	}
	if b.stylesheet != nil {
		sheet := *b.stylesheet
		if sheet.URL != "" {
			sheet.URL = base + sheet.URL
		}
		v.Stylesheet = &sheet
	}
	return v
}

// cardColour is the background of the share cards the build draws: the
// brand colour, the default theme's without one.
func (b *siteBrand) cardColour() color.RGBA {
	if len(b.colours) == 0 {
		return sharecard.DefaultColour
	}
	c := b.colours.BrandColour(brand.Light)
	return color.RGBA{c.R, c.G, c.B, 0xff}
}

// manifest is the web app manifest of s's language.
func (b *siteBrand) manifest(s *Site) []byte {
	base := s.Config.BasePath()
	title, description := s.titles()
	m := brand.Manifest{
		Name: title, Description: description, Lang: s.Language.Code,
		StartURL: base + s.Language.Prefix(), Scope: base, Display: "standalone",
		ThemeColor: b.colours.BrandColour(brand.Light).String(), BackgroundColor: "#ffffff",
	}
	for _, icon := range b.manifestIcons {
		icon.Src = base + icon.Src
		m.Icons = append(m.Icons, icon)
	}
	return m.JSON()
}

// outputs are every file the brand puts in the output, the manifests of
// every language included.
func (b *siteBrand) outputs(s *Site) []brandFile {
	out := append([]brandFile(nil), b.files...)
	if b.manifestIcons != nil {
		for _, ls := range s.Sites() {
			out = append(out, brandFile{name: ls.Language.Prefix() + manifestFile, what: "web app manifest the build makes for theme.icon", data: b.manifest(ls)})
		}
	}
	return out
}

// planBrand claims the brand's files in the output plan.
func (s *Site) planBrand(p *outputPlan) {
	for _, f := range s.brand.outputs(s) {
		p.add(&claim{name: f.name, source: generated, what: "the " + f.what})
	}
}

// footerView is the footer's words in s's language.
func (s *Site) footerView() render.Footer {
	f := s.Config.FooterIn(s.Language)
	v := render.Footer{Text: f.Text, Phone: f.Phone}
	for line := range strings.SplitSeq(f.Address, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			v.Address = append(v.Address, line)
		}
	}
	// A number checked by config and made of digits alone: safe as an
	// address, which html/template would refuse for its scheme.
	v.PhoneURL = template.URL(callout.TelHref(f.Phone))
	return v
}
