package linkgraph

import (
	"cmp"
	"slices"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
)

// Node is one converted document, as the graph sees it.
type Node struct {
	Doc    *content.Document
	Result *markdown.Result
	// Terms are the paths of the glossary entries the document links
	// automatically (articles count too: every article is an entry).
	Terms []string
}

// Graph holds what was learned from the links of every document.
type Graph struct {
	// Backlinks maps a document's path to the documents linking to it,
	// sorted by title.
	Backlinks map[string][]*content.Document
	// Related maps an article's path to its related articles, best first.
	Related map[string][]*content.Document
	// UsedBy maps a glossary entry's path to the articles that use it
	// (by a wiki link or automatically), sorted by title.
	UsedBy map[string][]*content.Document
}

// MaxRelated is how many related articles an article shows.
const MaxRelated = 5

// commonFeature is the number of articles above which a tag or term is
// too common to say two articles are related; skipping such features also
// keeps ranking linear in the number of articles.
const commonFeature = 200

// Build computes the graph. It reports every link that resolved to a
// document without the section it names, and every related: entry that
// names no article.
func Build(nodes []Node, ix *Index) (*Graph, diag.List) {
	var list diag.List
	g := &Graph{
		Backlinks: map[string][]*content.Document{},
		Related:   map[string][]*content.Document{},
		UsedBy:    map[string][]*content.Document{},
	}
	byPath := map[string]*Node{}
	for i := range nodes {
		byPath[nodes[i].Doc.Path] = &nodes[i]
	}
	for _, n := range nodes {
		seen := map[string]bool{}
		for _, l := range n.Result.Links {
			if !l.Resolved || l.Target.ID == "" {
				continue
			}
			if l.Anchor != "" {
				if t, ok := byPath[l.Target.ID]; ok && !slices.Contains(t.Result.Anchors, l.Anchor) {
					list = append(list, diag.Errorf(n.Doc.Path, l.Line, l.Col, "%s has no section %q (its sections: %s)", l.Target.ID, l.Anchor, anchorList(t.Result)))
				}
			}
			if l.Target.ID == n.Doc.Path || seen[l.Target.ID] {
				continue
			}
			seen[l.Target.ID] = true
			g.Backlinks[l.Target.ID] = append(g.Backlinks[l.Target.ID], n.Doc)
			if n.Doc.Kind == content.Article {
				g.UsedBy[l.Target.ID] = append(g.UsedBy[l.Target.ID], n.Doc)
			}
		}
		if n.Doc.Kind == content.Article {
			for _, t := range n.Terms {
				if t != n.Doc.Path && !seen[t] {
					seen[t] = true
					g.UsedBy[t] = append(g.UsedBy[t], n.Doc)
				}
			}
		}
	}
	for _, m := range []map[string][]*content.Document{g.Backlinks, g.UsedBy} {
		for k := range m {
			sortByTitle(m[k])
		}
	}
	list = append(list, g.rank(nodes, ix)...)
	return g, list
}

func anchorList(r *markdown.Result) string {
	if len(r.Anchors) == 0 {
		return "none"
	}
	out := ""
	for i, a := range r.Anchors {
		if i > 0 {
			out += ", "
		}
		out += "#" + a
	}
	return out
}

func sortByTitle(docs []*content.Document) {
	slices.SortFunc(docs, func(a, b *content.Document) int {
		return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.Path, b.Path))
	})
}

// rank fills Related: pinned related: entries first, in their order, then
// other articles by score: 3 for each shared tag, 1 for each shared
// glossary entry, ties by title. Tags and terms used by more than
// commonFeature articles are left out of the score.
func (g *Graph) rank(nodes []Node, ix *Index) diag.List {
	var list diag.List
	var articles []*Node
	for i := range nodes {
		if nodes[i].Doc.Kind == content.Article {
			articles = append(articles, &nodes[i])
		}
	}
	tagged := map[string][]int{}
	termed := map[string][]int{}
	for i, n := range articles {
		for _, t := range n.Doc.Tags {
			tagged[NormalizeName(t)] = append(tagged[NormalizeName(t)], i)
		}
		for _, t := range n.Terms {
			termed[t] = append(termed[t], i)
		}
	}
	score := make([]int, len(articles))
	var touched []int
	add := func(group []int, self, points int) {
		if len(group) > commonFeature {
			return
		}
		for _, j := range group {
			if j == self {
				continue
			}
			if score[j] == 0 {
				touched = append(touched, j)
			}
			score[j] += points
		}
	}
	for i, n := range articles {
		var related []*content.Document
		// pinned holds the article itself and its related: entries: a few
		// documents, so a slice beats a map here.
		pinned := []*content.Document{n.Doc}
		for _, name := range n.Doc.Related {
			d, ok := ix.Lookup(name)
			switch {
			case !ok:
				list = append(list, diag.Errorf(n.Doc.Path, n.Doc.KeyLine("related"), 1, "related: no article is called %q", name))
			case d.Kind != content.Article:
				list = append(list, diag.Errorf(n.Doc.Path, n.Doc.KeyLine("related"), 1, "related: %q is a %s, not an article", name, d.Kind))
			case !slices.Contains(pinned, d):
				pinned = append(pinned, d)
				related = append(related, d)
			}
		}
		touched = touched[:0]
		for _, t := range n.Doc.Tags {
			add(tagged[NormalizeName(t)], i, 3)
		}
		for _, t := range n.Terms {
			add(termed[t], i, 1)
		}
		// Keep the best few in a small sorted slice: linear in the number
		// of candidates, where sorting them all was not.
		better := func(a, b int) bool {
			return score[a] > score[b] || score[a] == score[b] && articles[a].Doc.Title < articles[b].Doc.Title
		}
		var best []int
		for _, j := range touched {
			if slices.Contains(pinned, articles[j].Doc) {
				continue
			}
			if len(best) == MaxRelated && !better(j, best[len(best)-1]) {
				continue
			}
			at := len(best)
			for at > 0 && better(j, best[at-1]) {
				at--
			}
			best = slices.Insert(best, at, j)
			if len(best) > MaxRelated {
				best = best[:MaxRelated]
			}
		}
		for _, j := range best {
			if len(related) >= MaxRelated {
				break
			}
			related = append(related, articles[j].Doc)
		}
		for _, j := range touched {
			score[j] = 0
		}
		g.Related[n.Doc.Path] = related
	}
	return list
}
