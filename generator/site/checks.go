package site

import (
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/render"
)

// overridesDir is the folder of a site's own templates.
const overridesDir = content.TemplatesDir

// Check judges a loaded site as every build does (handout check calls
// it; a build's check stage calls the same checkConsent,
// checkOverrideNames and, unless it renders only the affected pages,
// checkOutput): the consent rules in every document, template override
// and static page, the names of the template overrides, and the output's
// names, which no two sources may share (see planOutput; a theme that
// cannot load is reported too, since its assets are among the output's
// files). Broken links and missing sections are found when documents are
// linked (Site.link), by Load and by every build alike.
func (s *Site) Check(fsys fs.FS) diag.List {
	theme, list := s.loadTheme(fsys, nil)
	list = append(list, s.checkConsent(fsys)...)
	list = append(list, checkOverrideNames(fsys)...)
	return append(list, s.checkOutput(theme)...)
}

// checkOutput reports every file that two sources of the site would write
// (see planOutput), and keeps its notes; theme, whose assets are among the
// files, is nil when it could not load.
func (s *Site) checkOutput(theme *render.Theme) diag.List {
	var assets []render.Asset
	if theme != nil {
		assets = theme.Assets().All()
	}
	plan := s.planOutput(assets)
	s.outputNotes = plan.notes
	return plan.problems
}

// checkConsent reports, as errors, every third-party request that no
// consent category gates, and every script content would add (see package
// consent for the rules): in the HTML of each document (at its line in the
// Markdown file), in the site's template overrides and stylesheets
// (templates/, at the template's line) and in the HTML pages and
// stylesheets of static/. A build then judges every page it renders too
// (pageCheck), which catches what only the assembled page shows, such as
// an address a template computes.
func (s *Site) checkConsent(fsys fs.FS) diag.List {
	rules := consent.NewRules(s.Config)
	all := s.allLanguages()
	// A document is checked again only when it was converted again:
	// serve's rebuilds check the few documents that changed.
	var todo []*Doc
	for _, d := range all {
		if !d.consentChecked {
			todo = append(todo, d)
		}
	}
	parallel.For(len(todo), func(i int) { todo[i].checkConsent(rules, s.Config.Markdown.Unsafe) })
	var list diag.List
	for _, d := range all {
		list = append(list, d.consentProblems...)
	}
	list = append(list, checkOverrides(fsys, rules)...)
	return append(list, s.checkStatic(fsys, rules)...)
}

// pageCheck judges one rendered page, named by its file under the output
// folder, before it is written; pieces are where it holds HTML judged
// already or shared by many pages (see consent.PageChecker).
type pageCheck func(file string, page []byte, pieces []consent.Piece) diag.List

// pageCheck returns the check of the site's rendered pages. Its findings
// are reported in the page as built, since no one source file holds the
// whole page.
func (s *Site) pageCheck() pageCheck {
	pages := consent.NewRules(s.Config).Pages()
	return func(file string, page []byte, pieces []consent.Piece) diag.List {
		list := pages.Check("public/"+file, page, pieces)
		for i := range list {
			list[i].Message += " (in the page as built: the address comes from a template of the theme or templates/, or from site.yaml)"
		}
		return list
	}
}

// checkStatic checks the HTML pages and stylesheets of static/, which are
// published as they are.
func (s *Site) checkStatic(fsys fs.FS, rules *consent.Rules) diag.List {
	var list diag.List
	for _, f := range s.Content.Static {
		ext := strings.ToLower(path.Ext(f))
		if ext != ".html" && ext != ".htm" && ext != ".css" {
			continue
		}
		name := content.StaticDir + "/" + f
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // writing the site reports it
		}
		if ext == ".css" {
			list = append(list, rules.CheckCSS(name, data)...)
		} else {
			list = append(list, rules.CheckHTML(name, data)...)
		}
	}
	return list
}

// checkConsent checks d's converted HTML and keeps what it found until d
// is converted again. With raw HTML off only its images can fetch
// anything (see consent.Rules.CheckImages).
func (d *Doc) checkConsent(rules *consent.Rules, rawHTML bool) {
	if rawHTML {
		d.consentProblems = rules.CheckDocument(d.Path, d.Body, d.Result.HTML)
	} else {
		d.consentProblems = rules.CheckImages(d.Path, d.Result.Images)
	}
	d.consentChecked = true
	for _, r := range d.Result.Removed {
		if r.ScriptSrc != "" {
			d.consentProblems = append(d.consentProblems, rules.CheckRemovedScript(d.Path, r.Line, r.Col, r.ScriptSrc)...)
		}
	}
}

// checkOverrides checks the HTML templates and stylesheets of templates/.
func checkOverrides(fsys fs.FS, rules *consent.Rules) diag.List {
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
		ext := path.Ext(p)
		if d.IsDir() || ext != ".html" && ext != ".css" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil // render reports unreadable templates
		}
		if ext == ".css" {
			list = append(list, rules.CheckCSS(p, data)...)
		} else {
			list = append(list, rules.CheckTemplate(p, data)...)
		}
		return nil
	})
	return list
}

// UsesVideos reports whether a page of the site, in any language, plays a
// video (a YouTube or Vimeo address alone on its line: package video),
// whose player the host's Content-Security-Policy must then allow
// (hosting.Options.Videos).
func (s *Site) UsesVideos() bool {
	for _, d := range s.root.allLanguages() {
		if len(d.Result.Videos) > 0 {
			return true
		}
	}
	return false
}

// gpcFile returns /.well-known/gpc.json for a site with a cookie banner
// (whose script honours Global Privacy Control), or nil. Its lastUpdate is
// the newest last_reviewed of the site, so that the file changes only with
// the site's input.
func (s *Site) gpcFile() []byte {
	if len(s.Config.Consent.Categories) == 0 {
		return nil
	}
	var newest time.Time
	for _, d := range s.allLanguages() {
		if d.LastReviewed.After(newest) {
			newest = d.LastReviewed
		}
	}
	return consent.GPCJSON(newest)
}

// consentScriptSrc returns the address a gated script of site.yaml is
// loaded from: an absolute address as it is, a site address ("js/a.js" or
// "/js/a.js") under the base path, as every other site address.
func (s *Site) consentScriptSrc(src string) string {
	lower := strings.ToLower(src)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(src, "//") {
		return src
	}
	return s.Config.BasePath() + strings.TrimPrefix(src, "/")
}

// writeGPC writes /.well-known/gpc.json when the site has a cookie banner.
func (s *Site) writeGPC(write func(name string, data []byte)) {
	if data := s.gpcFile(); data != nil {
		write(consent.GPCPath, data)
	}
}
