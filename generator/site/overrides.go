package site

import (
	"io/fs"
	"path"
	"strings"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/editdist"
	"github.com/handout-health/handout/templates"
)

// checkOverrideNames warns of each file of templates/ that the theme
// never reads, naming the theme's file nearest to its path: a file
// outside the theme's folders (templates/article.html for
// templates/layouts/article.html), or a layout for a kind of page the
// build does not make (layouts/artcle.html). New partials and assets are
// the site's to add (a site's own layout may include them), and a string
// file the theme lacks is a new language's (i18n/fr.yaml), whose name
// render judges.
func checkOverrideNames(fsys fs.FS) diag.List {
	theme := themeFiles()
	var list diag.List
	_ = fs.WalkDir(fsys, overridesDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // no templates/ folder, or one render reports
		}
		if p != overridesDir && content.Ignored(p, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(p, overridesDir+"/")
		// The Go file that embeds the default theme, in a repository that
		// is a site itself, is no template (render skips it too).
		if d.IsDir() || theme[rel] || path.Ext(rel) == ".go" || !unused(rel) {
			return nil
		}
		list = append(list, diag.Warnf(p, 1, 1, "this file replaces nothing: the theme has no %s, and reads no file here; did you mean %s/%s?",
			rel, overridesDir, nearest(rel, theme)).WithRule(diag.RuleTemplateUnused))
		return nil
	})
	return list
}

// unused reports whether the theme never reads a file of the site's
// templates/ at rel that it does not have itself. (The names of string
// files are render's to judge: a file of i18n/ is a language's.)
func unused(rel string) bool {
	folder, _, nested := strings.Cut(rel, "/")
	if !nested {
		return true
	}
	switch folder {
	case "partials", "assets", "i18n":
		return false
	}
	return true
}

// themeFiles lists the files of the default theme, by path.
func themeFiles() map[string]bool {
	out := map[string]bool{}
	_ = fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out[p] = true
		}
		return nil
	})
	return out
}

// nearest is the theme's file whose path is fewest edits from rel,
// preferring one of the same name (article.html is layouts/article.html
// rather than layouts/tag.html); ties go to the first path in order.
func nearest(rel string, theme map[string]bool) string {
	best, bestScore := "", -1
	for p := range theme {
		score := editdist.Distance(rel, p)
		if path.Base(p) != path.Base(rel) {
			// Behind every file of the same name.
			score += len(rel) + len(p)
		}
		if bestScore < 0 || score < bestScore || score == bestScore && p < best {
			best, bestScore = p, score
		}
	}
	return best
}
