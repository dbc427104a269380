package site

import (
	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/linkgraph"
	"github.com/handout-health/handout/generator/markdown/video"
)

// link computes the link graph, made anew or updated for the converted
// documents (see graphWork), and reports broken links, missing sections
// and definitions, and unused terms.
func (s *Site) link(converted []*Doc, work graphWork) diag.List {
	var list diag.List
	all := s.All()
	for _, d := range all {
		if !d.problemsFound {
			d.problems, d.problemsFound = s.docProblems(d), true
		}
		list = append(list, d.problems...)
	}
	nodes := make([]linkgraph.Node, len(all))
	for i, d := range all {
		nodes[i] = linkgraph.Node{Doc: d.Document, Result: &d.Result, Terms: d.Result.Terms}
	}
	var problems diag.List
	s.listings.docs, s.listings.graph = nil, nil
	if work == updateGraph && s.Graph != nil {
		s.listings.docs = map[string]bool{}
		paths := make([]string, len(converted))
		for i, d := range converted {
			s.listings.docs[d.Path] = true
			paths[i] = d.Path
		}
		s.listings.graph, problems = s.Graph.Update(nodes, paths, s.Names)
	} else {
		s.Graph, problems = linkgraph.Build(nodes, s.Names)
		s.mode.linked(s)
	}
	list = append(list, problems...)
	g := s.Graph
	for _, t := range s.Terms {
		if len(g.UsedBy[t.Path]) == 0 {
			list = append(list, diag.Warnf(t.Path, t.KeyLine("term"), 1, "glossary term %q is not used by any article", t.Title).WithRule(diag.RuleTermUnused))
		}
	}
	return list
}

// docProblems reports what is wrong in one converted document: Markdown
// refused, broken links, a term without a definition, missing sections.
func (s *Site) docProblems(d *Doc) diag.List {
	var list diag.List
	if r := d.Result.Refused; r != nil {
		list = append(list, diag.Errorf(d.Path, r.Line, r.Col, "%s", r.Message))
	}
	for _, r := range d.Result.Removed {
		list = append(list, diag.Warnf(d.Path, r.Line, r.Col, "%s", r.What).WithRule(diag.RuleRawHTML))
	}
	for _, w := range d.Result.Warnings {
		list = append(list, diag.Warnf(d.Path, w.Line, w.Col, "%s", w.Message).WithRule(w.Rule))
	}
	for _, e := range d.Result.Errors {
		list = append(list, diag.Errorf(d.Path, e.Line, e.Col, "%s", e.Message).WithRule(e.Rule))
	}
	for _, v := range d.Result.Videos {
		if !s.Config.Consent.HasCategory(v.Category) {
			list = append(list, diag.Errorf(d.Path, v.Line, v.Col, "this %s video waits for the cookie category %q, which site.yaml's consent.categories does not have, so it would never play: add the category, or name one you have in consent.videos.%s",
				video.Names[v.Provider], v.Category, v.Provider).WithRule(diag.RuleConsent))
		}
	}
	for _, l := range d.Result.Links {
		if !l.Resolved {
			list = append(list, diag.Errorf(d.Path, l.Line, l.Col, "broken link: %s", l.Problem).WithRule(diag.RuleLink))
		}
	}
	if d.Kind == content.Term && d.Definition == "" {
		list = append(list, diag.Errorf(d.Path, 1, 1, "a glossary term needs a definition: write it as the first paragraph after the front matter"))
	}
	if d.Kind == content.Article {
		list = append(list, missingSections(d, s.Config)...)
	}
	return list
}

// missingSections warns about each required section an article lacks.
func missingSections(d *Doc, cfg *config.Config) diag.List {
	var list diag.List
	have := map[string]bool{}
	for _, s := range d.Result.Sections {
		have[s.ID] = true
	}
	for _, s := range cfg.Sections {
		if s.Required && !have[s.ID] {
			line := 1
			if n := len(d.Result.Sections); n > 0 {
				line = d.Result.Sections[n-1].Line
			}
			list = append(list, diag.Warnf(d.Path, line, 1, "missing required section %q (a ## %s heading)", s.ID, s.Headings[0]).WithRule(diag.RuleSectionMissing))
		}
	}
	return list
}
