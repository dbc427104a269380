package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"sort"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/handout-health/handout/generator/diag"
)

// Asset is one fingerprinted theme file.
type Asset struct {
	// Name is the file's name in the theme, such as "style.css".
	Name string
	// Path is where it is written, relative to the base URL, such as
	// "assets/style.3f2a9c1b0d.css".
	Path string
	Data []byte
}

// Assets are the theme's assets by name.
type Assets struct {
	byName map[string]Asset
}

// All returns the assets sorted by path.
func (a *Assets) All() []Asset {
	out := make([]Asset, 0, len(a.byName))
	for _, x := range a.byName {
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Lookup returns the asset with a given theme name.
func (a *Assets) Lookup(name string) (Asset, bool) {
	x, ok := a.byName[name]
	return x, ok
}

// buildAssets fingerprints every file under assets/. The code-highlighting
// rules for the light and dark styles, and the site's colours, are
// appended to style.css, so a page loads one stylesheet.
func buildAssets(files map[string][]byte, opts Options) (*Assets, diag.List) {
	var list diag.List
	a := &Assets{byName: map[string]Asset{}}
	for name, data := range files {
		rel, ok := strings.CutPrefix(name, "assets/")
		if !ok {
			continue
		}
		if rel == "style.css" {
			css, err := codeCSS(opts.CodeStyle, opts.CodeDarkStyle)
			if err != nil {
				list = append(list, diag.Errorf("site.yaml", 1, 1, "markdown highlight style: %v", err))
			}
			data = append(append(bytes.Clone(data), css...), opts.BrandCSS...)
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(rel)
		fingerprinted := "assets/" + strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		a.byName[rel] = Asset{Name: rel, Path: fingerprinted, Data: data}
	}
	return a, list
}

// codeCSS returns chroma's class rules for the light style, and for the
// dark style under prefers-color-scheme: dark.
func codeCSS(light, dark string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\n/* Code highlighting (chroma) */\n")
	formatter := chromahtml.New(chromahtml.WithClasses(true))
	for i, name := range []string{light, dark} {
		if name == "" {
			continue
		}
		style := styles.Get(name)
		if style == nil || (style == styles.Fallback && name != "swapoff") {
			return nil, errUnknownStyle(name)
		}
		if i == 1 {
			buf.WriteString("@media (prefers-color-scheme: dark) {\n")
		}
		if err := formatter.WriteCSS(&buf, style); err != nil {
			return nil, err
		}
		if i == 1 {
			buf.WriteString("}\n")
		}
	}
	return buf.Bytes(), nil
}

type errUnknownStyle string

// Error implements error.
func (e errUnknownStyle) Error() string {
	return "unknown chroma style " + string(e) + " (see https://xyproto.github.io/splash/docs/)"
}
