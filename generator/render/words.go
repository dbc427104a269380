package render

import (
	"io/fs"
	"path"
	"strings"
)

// Words returns the theme's words in lang, with a site's own string files
// applied key by key as templates see them, for the stages that run
// before the theme is loaded: the Markdown converter writes callout
// headings and table labels with them. theme is the default theme
// (templates.FS) and overrides a site's templates/ folder (nil, or a
// folder that does not exist, for none).
//
// Words reports nothing: a string file that cannot be read or parsed is
// left out here, and Load reports it with its line when the theme is
// loaded. A key no file has comes back as the key itself.
func Words(theme, overrides fs.FS, lang string) func(key string, args ...any) string {
	var sources []stringSource
	read := func(fsys fs.FS, site bool) {
		entries, err := fs.ReadDir(fsys, "i18n")
		if err != nil {
			return
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || path.Ext(name) != ".yaml" {
				continue
			}
			if data, err := fs.ReadFile(fsys, "i18n/"+name); err == nil {
				sources = append(sources, stringSource{name: name, origin: "i18n/" + name, data: data, site: site})
			}
		}
	}
	read(theme, false)
	if overrides != nil {
		read(overrides, true)
	}
	texts, _ := loadTexts(lang, nil, sources)
	return func(key string, args ...any) string {
		s, err := texts.text(key, args...)
		if err != nil {
			return key
		}
		return s
	}
}
