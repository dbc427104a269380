package content

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/slug"
)

// WellKnown is the one hidden folder of static/ that is published, whole:
// the folder where standards put files for machines (security.txt,
// Global Privacy Control's gpc.json, a certificate authority's
// challenges, app links).
const WellKnown = ".well-known"

// HostFiles are the hidden files a web host reads from the published
// folder, copied from static/ wherever they are: Apache's .htaccess,
// GitHub Pages' .nojekyll and Codeberg Pages' .domains.
var HostFiles = []string{".htaccess", ".nojekyll", ".domains"}

// systemLitter are names that operating systems leave in folders (Finder's
// .DS_Store and ._ copies, Windows' thumbnail caches): never published,
// and reported together in one warning.
var systemLitter = []string{".DS_Store", ".Spotlight-V100", ".Trashes", ".fseventsd", ".TemporaryItems", ".directory", "Thumbs.db", "ehthumbs.db", "desktop.ini"}

// placeholders are the empty files that keep a folder in git (handout
// init puts one in static/): never published, and not worth a word.
var placeholders = []string{".keep", ".gitkeep"}

// isSystemLitter reports whether a file or folder name is one an
// operating system made.
func isSystemLitter(name string) bool {
	if strings.HasPrefix(name, "._") {
		return true
	}
	for _, l := range systemLitter {
		if strings.EqualFold(name, l) {
			return true
		}
	}
	return false
}

// ListStatic lists the files under static/, relative to it, and reports
// names that are not safe on every web host. Hidden files and folders
// (names starting with a dot) are published only when a host or a
// standard reads them (WellKnown at the top of static/, HostFiles); any
// other is left out with a warning naming it, since a site's editor may
// have meant it to be published. What operating systems leave in
// folders is left out with one warning for all of it, and the empty
// files that keep a folder in git (.keep, .gitkeep) without a word.
func ListStatic(fsys fs.FS) ([]string, diag.List) {
	var files, litter []string
	var list diag.List
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && isNotExist(err) {
				return fs.SkipDir
			}
			list = append(list, diag.Errorf(p, 1, 1, "cannot read: %v", err))
			return nil
		}
		if p == "static" {
			return nil
		}
		if skip, problem := hiddenStatic(p, d.IsDir()); skip {
			switch {
			case problem != nil:
				list = append(list, *problem)
			case isSystemLitter(d.Name()):
				litter = append(litter, p)
			}
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// A link is followed as fsys allows; a named pipe, socket or
			// device is never opened (opening a pipe blocks).
			info, err := fs.Stat(fsys, p)
			if err != nil {
				list = append(list, diag.Errorf(p, 1, 1, "cannot read: %v", err))
				return nil
			}
			if !info.Mode().IsRegular() {
				list = append(list, diag.Errorf(p, 1, 1, "not an ordinary file (%s): only files are copied from static/", info.Mode().Type()))
				return nil
			}
		}
		rel := strings.TrimPrefix(p, "static/")
		if !slug.SafePath(rel) {
			list = append(list, diag.Errorf(p, 1, 1, "file name %q is not safe on every web host: use lower-case letters, digits, hyphens, dots and underscores", rel))
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil && !isNotExist(err) {
		list = append(list, diag.Errorf("static", 1, 1, "cannot read: %v", err))
	}
	if len(litter) > 0 {
		list = append(list, litterWarning(litter))
	}
	return files, list
}

// hiddenStatic decides whether the file or folder p of static/ is left
// out (see Ignored): system litter (with no problem of its own), a
// placeholder that keeps a folder in git (not worth a word), or a hidden
// name or an editor's backup that no host reads (with a warning, since
// the site's editor may have meant it to be published).
func hiddenStatic(p string, dir bool) (skip bool, problem *diag.Diagnostic) {
	if !Ignored(p, dir) {
		return false, nil
	}
	name := path.Base(p)
	if isSystemLitter(name) || !dir && slices.Contains(placeholders, name) {
		return true, nil
	}
	var d diag.Diagnostic
	switch {
	case dir:
		d = diag.Warnf(p, 1, 1, "hidden folder not published: of the folders whose names start with a dot, only static/%s/ is; move what the site needs out of it", WellKnown)
	case strings.HasPrefix(name, "."):
		d = diag.Warnf(p, 1, 1, "hidden file not published: of the files whose names start with a dot, only %s are; to publish it, rename it without the dot", strings.Join(HostFiles, ", "))
	default:
		d = diag.Warnf(p, 1, 1, "not published: an editor's backup or temporary file; to publish it, rename it")
	}
	return true, &d
}

// litterWarning is the one warning for the files operating systems left
// in static/, at the first of them.
func litterWarning(litter []string) diag.Diagnostic {
	which := "this file"
	if n := len(litter) - 1; n > 0 {
		which = fmt.Sprintf("this file and %d more in static/", n)
	}
	return diag.Warnf(litter[0], 1, 1, "not published: %s, left by an operating system in folders (.DS_Store, ._ copies, Thumbs.db); delete them, or ignore this", which)
}
