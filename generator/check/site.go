package check

import (
	"strconv"
	"strings"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown/callout"
	"github.com/handout-health/handout/generator/site"
)

// siteWide reports what belongs to no one article: videos without a
// transcript on glossary terms and pages in every language, a missing
// feedback address, an emergency callout with no number to call. (Unused glossary
// terms and images without a description are the build's findings,
// term-unused and image-alt.)
func siteWide(s *site.Site) diag.List {
	var list diag.List
	for _, ls := range s.Sites() {
		for _, d := range ls.Terms {
			list = append(list, transcripts(d)...)
		}
		for _, d := range ls.Pages {
			list = append(list, transcripts(d)...)
		}
	}
	if s.Config.FeedbackURL == "" {
		list = append(list, diag.Warnf(config.FileName, 1, 1, "no feedback_url: give readers a way to report a mistake on a page, as feedback_url: mailto:library@clinic.example").WithRule(diag.RuleFeedback))
	}
	list = append(list, bareSections(s)...)
	return append(list, emergencyNumber(s)...)
}

// bareSections warns, once for the site, when articles show schema
// sections under the schema's own names (Context, Mechanism, Metric and
// the rest of SPEC's schema, in English or Spanish), which name what a
// section is for the writer rather than what it tells the reader. A
// section's title in site.yaml fixes it, and so does a schema of the
// site's own whose headings readers understand.
func bareSections(s *site.Site) diag.List {
	schemaNames := map[string]bool{}
	for _, sec := range config.DefaultSections() {
		for _, h := range sec.Headings {
			schemaNames[strings.ToLower(h)] = true
		}
	}
	shown := map[string]int{}
	var order []string
	articles := 0
	for _, ls := range s.Sites() {
		for _, d := range ls.Articles {
			bare := false
			for _, sec := range d.Result.Sections {
				if !sec.Schema || !schemaNames[strings.ToLower(sec.Title)] {
					continue
				}
				bare = true
				if _, ok := shown[sec.Title]; !ok {
					order = append(order, sec.Title)
				}
				shown[sec.Title]++
			}
			if bare {
				articles++
			}
		}
	}
	if len(order) == 0 {
		return nil
	}
	return diag.List{diag.Warnf(config.FileName, 1, 1, "%s sections under the schema's names (%s), which tell readers little: give each section a reader-facing title in site.yaml, as sections: [{id: mechanism, headings: [Mechanism], title: \"How it works\", required: true}, …]",
		plural(articles, "article shows", "articles show"), strings.Join(order, ", ")).WithRule(diag.RuleSectionTitles)}
}

// plural writes a count of things: "1 article", "3 articles".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// emergencyNumber warns, once for the site, when a page has an emergency
// callout in a language that has no emergency number: the callout then
// tells an anxious reader to find the number themselves.
func emergencyNumber(s *site.Site) diag.List {
	for _, ls := range s.Sites() {
		if s.Config.ContactsIn(ls.Language).Emergency != "" {
			continue
		}
		for _, d := range ls.All() {
			for _, c := range d.Result.Callouts {
				if c.Kind != callout.Emergency.String() {
					continue
				}
				fix := `set the number readers should call, as contacts: {emergency: "911"}`
				if len(s.Config.Languages) > 1 {
					fix += ", or a language's own under languages[].contacts (" + ls.Language.Code + ")"
				}
				return diag.List{diag.Warnf(config.FileName, 1, 1, "%s:%d:%d has an emergency callout, but site.yaml gives no emergency number, so it says “Call your local emergency number”: %s",
					d.Path, c.Line, c.Col, fix).WithRule(diag.RuleEmergencyNumber)}
			}
		}
	}
	return nil
}

// untranslated returns the articles of the default language, root, that
// have no translation in the language of ls, by path; none when ls is the
// default language. It is information, not a finding: a clinic may
// translate only some articles, and readers of the others are led to the
// default language's.
func untranslated(root, ls *site.Site) []ArticleRef {
	out := []ArticleRef{}
	if ls == root {
		return out
	}
	for _, a := range root.Articles {
		translated := false
		for _, t := range a.Translations {
			if ls.Doc(t.Path) == t {
				translated = true
			}
		}
		if !translated {
			out = append(out, ArticleRef{Path: a.Path, Title: a.Title})
		}
	}
	return out
}
