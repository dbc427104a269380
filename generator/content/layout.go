package content

import (
	"path"
	"slices"
	"strings"
)

// The folders of a site, besides its site.yaml (config.FileName).
const (
	ContentDir   = "content"
	StaticDir    = "static"
	TemplatesDir = "templates"
)

// SourceFolders are the folders a build reads besides site.yaml: the ones
// serve watches, and that no output folder may be inside.
var SourceFolders = []string{ContentDir, StaticDir, TemplatesDir}

// Ignored reports whether a file or folder of a site, at a slash path
// relative to the site's folder ("content/articles/.x.md.swp"), is no
// part of the site. It is the one rule that loading content, copying
// static files, reading template overrides, watching for changes and
// planning a rebuild all follow. Ignored are:
//
//   - hidden names, starting with a dot (version control, editors' swap
//     files, what operating systems leave in folders), but for those a
//     web host reads from static/: the folder static/.well-known/ and the
//     HostFiles (.htaccess, ...);
//   - editors' temporary and backup files: "x.md~", "#x.md#", "x.swp",
//     "x.swx", "x.tmp", and vim's test file "4913";
//   - what operating systems leave in folders without a dot: Thumbs.db,
//     ehthumbs.db, desktop.ini;
//   - under content/, folders whose names start with "_" (kept aside).
func Ignored(rel string, dir bool) bool {
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		isDir := dir || i < len(parts)-1
		if strings.HasPrefix(part, ".") && !publishedHidden(parts, i, isDir) {
			return true
		}
		if isDir && strings.HasPrefix(part, "_") && parts[0] == ContentDir && i > 0 {
			return true
		}
	}
	base := path.Base(rel)
	return !dir && (strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") || base == "4913" ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, ".tmp") ||
		isSystemLitter(base))
}

// publishedHidden reports whether the hidden name parts[i] of a path is
// one that static/ publishes.
func publishedHidden(parts []string, i int, dir bool) bool {
	if parts[0] != StaticDir {
		return false
	}
	if dir {
		return i == 1 && parts[1] == WellKnown
	}
	return slices.Contains(HostFiles, parts[i])
}
