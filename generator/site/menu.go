package site

import (
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/render"
)

// menuSection is a section of the library a menu may lead to: the theme
// string that names it, and the kinds of page on which it is current.
type menuSection struct {
	label string
	kinds []string
}

// menuSections are the sections of config.MenuSections, as the theme
// shows them.
var menuSections = map[string]menuSection{
	"home":     {"nav.home", []string{"home"}},
	"a-z":      {"a_to_z", []string{"home"}},
	"topics":   {"tags.title", []string{"tags", "tag"}},
	"glossary": {"glossary.title", []string{"glossary", "term"}},
	"search":   {"search.title", []string{"search"}},
	"cookies":  {"cookies.title", []string{"cookies"}},
}

// defaultHeader is the theme's navigation bar, where site.yaml gives no
// header menu.
var defaultHeader = []config.MenuItem{{Target: "a-z"}, {Target: "topics"}, {Target: "glossary"}}

// resolveMenus makes the header's and footer's menus in s's language, from
// its menus in site.yaml (config.MenusIn), or the theme's navigation and
// the free pages where it gives none. A target that leads nowhere is an
// error at its place in site.yaml, reported by the language whose menu
// it is: the site's menus by the default language, a language's own by
// that language (the others find the default language's documents too).
func (s *Site) resolveMenus() diag.List {
	cfg := s.Config
	menus := cfg.MenusIn(s.Language)
	at, own := s.menuPaths()
	var list diag.List
	resolve := func(key string, items []config.MenuItem) []render.MenuItem {
		out := make([]render.MenuItem, 0, len(items))
		for _, i := range byOrder(items) {
			m, problem := s.menuItem(items[i])
			if problem != "" {
				if own[key] {
					line, col := cfg.Locate(fmt.Sprintf("%s.%s[%d].target", at[key], key, i))
					list = append(list, diag.Errorf(config.FileName, line, col, "menu.%s: %s", key, problem).WithRule(diag.RuleLink))
				}
				continue
			}
			out = append(out, m)
		}
		return out
	}
	header := menus.Header
	if header == nil {
		header = defaultHeader
	}
	s.menus.Header = resolve("header", header)
	if menus.Footer == nil {
		s.menus.Footer = s.pageItems()
	} else {
		s.menus.Footer = resolve("footer", menus.Footer)
	}
	return list
}

// byOrder returns the positions of items sorted by their order, those of
// the same order as listed.
func byOrder(items []config.MenuItem) []int {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return items[a].Order - items[b].Order })
	return idx
}

// menuPaths returns the YAML path of each menu s uses in site.yaml, and
// whether s reports its problems.
func (s *Site) menuPaths() (at map[string]string, own map[string]bool) {
	at, own = map[string]string{"header": "$.menu", "footer": "$.menu"}, map[string]bool{}
	own["header"], own["footer"] = s.root == s, s.root == s
	for i, l := range s.Config.Languages {
		if l.Code != s.Language.Code {
			continue
		}
		if l.Menu.Header != nil {
			at["header"], own["header"] = fmt.Sprintf("$.languages[%d].menu", i), true
		}
		if l.Menu.Footer != nil {
			at["footer"], own["footer"] = fmt.Sprintf("$.languages[%d].menu", i), true
		}
	}
	return at, own
}

// pageItems are the free pages, the footer's menu where site.yaml gives
// none.
func (s *Site) pageItems() []render.MenuItem {
	base := s.Config.BasePath()
	out := make([]render.MenuItem, 0, len(s.Pages))
	for _, p := range s.Pages {
		out = append(out, render.MenuItem{Label: p.Title, URL: template.URL(base + p.URL()), Path: p.URL()})
	}
	return out
}

// menuItem resolves one menu item in s's language, or says why it leads
// nowhere.
func (s *Site) menuItem(item config.MenuItem) (render.MenuItem, string) {
	base, prefix := s.Config.BasePath(), s.Language.Prefix()
	target := item.Target
	switch {
	case config.IsMenuAddress(target):
		if problem := addressProblem(target); problem != "" {
			return render.MenuItem{}, problem
		}
		return render.MenuItem{Label: item.Label, URL: template.URL(target)}, ""
	case strings.HasPrefix(target, "/"):
		p, fragment, _ := strings.Cut(strings.TrimPrefix(target, "/"), "#")
		if p != "" && !s.Names.HasPath(p) {
			return render.MenuItem{}, fmt.Sprintf("no page or file of the site has the address %s (a path names a page's address, such as /about/, or a file of static/)", target)
		}
		if item.Label == "" {
			return render.MenuItem{}, fmt.Sprintf("the item for %s needs a label: the words of the link", target)
		}
		return render.MenuItem{Label: item.Label, URL: template.URL(base + p + withHash(fragment)), Path: p}, ""
	}
	if section, ok := menuSections[strings.ToLower(target)]; ok {
		label := item.Label
		if label == "" {
			label = s.words(section.label)
		}
		return render.MenuItem{Label: label, URL: template.URL(base + prefix + config.MenuSections[strings.ToLower(target)]), Kinds: section.kinds}, ""
	}
	return s.documentItem(item)
}

// documentItem resolves a menu item whose target names a document (its
// title, a synonym or its slug), with an optional #section.
func (s *Site) documentItem(item config.MenuItem) (render.MenuItem, string) {
	name, fragment, _ := strings.Cut(item.Target, "#")
	d, ok := s.Names.Lookup(name)
	if !ok {
		return render.MenuItem{}, fmt.Sprintf("no article, glossary term or page is called %q: a target is a section (home, a-z, topics, glossary, search, cookies), a document's title, synonym or slug, a path such as /about/, or an address such as https://clinic.example/", name)
	}
	doc := s.inLanguage(d)
	anchor := ""
	if fragment != "" {
		anchor = s.conv.Anchor(fragment)
		if !slices.Contains(doc.Result.Anchors, anchor) {
			return render.MenuItem{}, fmt.Sprintf("%s has no section %q (its sections: %s)", doc.Path, fragment, strings.Join(doc.Result.Anchors, ", "))
		}
	}
	label := item.Label
	if label == "" {
		label = doc.Title
	}
	return render.MenuItem{Label: label, URL: template.URL(s.Config.BasePath() + doc.URL() + withHash(anchor)), Path: doc.URL()}, ""
}

// inLanguage returns the document a menu names, in s's language: itself,
// or, for one of the default language found by its name there, its
// translation into s's language where it has one.
func (s *Site) inLanguage(d *content.Document) *Doc {
	if doc := s.byPath[d.Path]; doc != nil {
		return doc
	}
	doc := s.root.byPath[d.Path]
	for _, t := range doc.Translations {
		if t.Lang == s.Language.Code {
			return t
		}
	}
	return doc
}

func withHash(fragment string) string {
	if fragment == "" {
		return ""
	}
	return "#" + fragment
}

// addressProblem says what is wrong with another site's address in a
// menu, or "": an http(s) address needs a host, mailto: an address and
// tel: a number.
func addressProblem(target string) string {
	u, err := url.Parse(target)
	switch {
	case err != nil:
		return fmt.Sprintf("%q is not an address a browser can open: %v", target, err)
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host == "":
		return fmt.Sprintf("%q has no host: write it like https://clinic.example/contact/", target)
	case (u.Scheme == "mailto" || u.Scheme == "tel") && u.Opaque == "":
		return fmt.Sprintf("%q says nothing after %s:", target, u.Scheme)
	case strings.ContainsAny(target, " \t<>\"'`"):
		return fmt.Sprintf("%q holds spaces or quotes: encode them (%%20)", target)
	}
	return ""
}
