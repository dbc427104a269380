package linkgraph

import (
	"cmp"
	"maps"
	"slices"
	"sync"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
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

// Graph holds what was learned from the links of every document. Build
// makes it; Update changes it after a few documents were converted again,
// doing work in proportion to what they changed.
type Graph struct {
	// Backlinks maps a document's path to the documents linking to it,
	// sorted by title.
	Backlinks map[string][]*content.Document
	// Related maps an article's path to its related articles, best first.
	Related map[string][]*content.Document
	// UsedBy maps a glossary entry's path to the articles that use it
	// (by a wiki link or automatically), sorted by title.
	UsedBy map[string][]*content.Document

	// What Update needs of the last build: the nodes by path, in order;
	// each node's link targets (out) and, for articles, the entries it
	// uses (link targets, then automatic terms).
	nodes map[string]Node
	order []string
	out   map[string][]string
	uses  map[string][]string
	// articles numbers the articles for ranking, with their nodes and
	// features (normalised tags and terms); tagged and termed list the
	// articles (ascending numbers) with each tag and term.
	articles       []string
	number         map[string]int
	arts           []Node
	tags, terms    [][]string
	tagged, termed map[string][]int
	// linkProblems and relatedProblems are the diagnostics of the nodes
	// that have any; position is each node's place in order, to list
	// them in node order.
	linkProblems, relatedProblems map[string]diag.List
	position                      map[string]int
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
	g := &Graph{
		Backlinks: map[string][]*content.Document{},
		Related:   map[string][]*content.Document{},
		UsedBy:    map[string][]*content.Document{},
		nodes:     make(map[string]Node, len(nodes)),
		out:       map[string][]string{},
		uses:      map[string][]string{},
		number:    map[string]int{},
		tagged:    map[string][]int{},
		termed:    map[string][]int{},

		linkProblems:    map[string]diag.List{},
		relatedProblems: map[string]diag.List{},
		position:        make(map[string]int, len(nodes)),
	}
	for _, n := range nodes {
		p := n.Doc.Path
		g.nodes[p] = n
		g.position[p] = len(g.order)
		g.order = append(g.order, p)
		g.out[p], g.uses[p] = linksOf(n)
		for _, t := range g.out[p] {
			g.Backlinks[t] = append(g.Backlinks[t], n.Doc)
		}
		for _, t := range g.uses[p] {
			g.UsedBy[t] = append(g.UsedBy[t], n.Doc)
		}
		if n.Doc.Kind == content.Article {
			i := len(g.articles)
			g.articles = append(g.articles, p)
			g.number[p] = i
			g.arts = append(g.arts, n)
			g.tags = append(g.tags, features(n.Doc.Tags))
			g.terms = append(g.terms, features(n.Terms))
			for _, t := range g.tags[i] {
				g.tagged[t] = append(g.tagged[t], i)
			}
			for _, t := range g.terms[i] {
				g.termed[t] = append(g.termed[t], i)
			}
		}
	}
	lists := make([][]*content.Document, 0, len(g.Backlinks)+len(g.UsedBy))
	for _, m := range []map[string][]*content.Document{g.Backlinks, g.UsedBy} {
		for _, docs := range m {
			lists = append(lists, docs)
		}
	}
	parallel.For(len(lists), func(i int) { sortByTitle(lists[i]) })
	for _, p := range g.order {
		setProblems(g.linkProblems, p, g.anchorProblems(g.nodes[p]))
	}
	// Each article is ranked on its own: on every core, each worker with
	// its own scores.
	related := make([][]*content.Document, len(g.articles))
	problems := make([]diag.List, len(g.articles))
	scratch := sync.Pool{New: func() any { return newRanking(len(g.articles)) }}
	parallel.For(len(g.articles), func(i int) {
		r := scratch.Get().(*ranking)
		related[i], problems[i] = g.ranked(i, ix, r)
		scratch.Put(r)
	})
	for i, p := range g.articles {
		g.Related[p] = related[i]
		setProblems(g.relatedProblems, p, problems[i])
	}
	return g, g.problems()
}

// Update brings the graph up to date after the documents at the paths in
// changed were converted again (or read again: their Node may hold a new
// Document). It returns the paths whose Backlinks, UsedBy or Related
// changed. It is meant for changes that keep every document's path,
// title and names; when nodes are not the same documents as before, it
// builds the graph again and returns nil, meaning everything.
func (g *Graph) Update(nodes []Node, changed []string, ix *Index) (map[string]bool, diag.List) {
	if !g.sameDocuments(nodes) {
		fresh, list := Build(nodes, ix)
		*g = *fresh
		return nil, list
	}
	old := make(map[string]Node, len(changed))
	for _, c := range changed {
		old[c] = g.nodes[c]
	}
	// Only the changed documents' nodes are new: the others hold the
	// same Document and Result as before.
	for _, n := range nodes {
		if _, ok := old[n.Doc.Path]; ok {
			g.nodes[n.Doc.Path] = n
		}
	}
	affected := map[string]bool{}
	recheck := map[string]bool{}
	rerank := map[int]bool{}
	for _, c := range changed {
		n, was := g.nodes[c], old[c]
		out, uses := linksOf(n)
		patch(g.Backlinks, n.Doc, g.out[c], out, affected)
		patch(g.UsedBy, n.Doc, g.uses[c], uses, affected)
		g.out[c], g.uses[c] = out, uses
		recheck[c] = true
		if !slices.Equal(was.Result.Anchors, n.Result.Anchors) {
			for _, d := range g.Backlinks[c] {
				recheck[d.Path] = true
			}
		}
		if i, ok := g.number[c]; ok {
			rerank[i] = true
			g.arts[i] = n
			tags, terms := features(n.Doc.Tags), features(n.Terms)
			g.refeature(g.tagged, i, g.tags[i], tags, rerank)
			g.refeature(g.termed, i, g.terms[i], terms, rerank)
			g.tags[i], g.terms[i] = tags, terms
		}
	}
	for p := range recheck {
		setProblems(g.linkProblems, p, g.anchorProblems(g.nodes[p]))
	}
	r := newRanking(len(g.articles))
	for i := range rerank {
		p := g.articles[i]
		before := g.Related[p]
		g.rank(i, ix, r)
		if !samePaths(before, g.Related[p]) {
			affected[p] = true
		}
	}
	// Lists that kept a changed document hold its new Document.
	replaced := make([]*content.Document, 0, len(old))
	for _, n := range old {
		replaced = append(replaced, n.Doc)
	}
	for _, list := range g.Related {
		for k, d := range list {
			if slices.Contains(replaced, d) {
				list[k] = g.nodes[d.Path].Doc
			}
		}
	}
	return affected, g.problems()
}

// Seal lets go of what only Update needs (every node, link and ranking
// feature of the last build) and keeps Backlinks, Related and UsedBy: for
// a build that is never updated, where that state is a fifth of the
// memory of a large library. Update on a sealed graph builds it again.
func (g *Graph) Seal() {
	*g = Graph{Backlinks: g.Backlinks, Related: g.Related, UsedBy: g.UsedBy}
}

// sameDocuments reports whether nodes are the documents of the last
// build, by path.
func (g *Graph) sameDocuments(nodes []Node) bool {
	if len(nodes) != len(g.nodes) {
		return false
	}
	for i, n := range nodes {
		// Mostly the very same strings as last time, in the same order.
		if n.Doc.Path == g.order[i] {
			continue
		}
		if _, ok := g.nodes[n.Doc.Path]; !ok {
			return false
		}
	}
	return true
}

// linksOf returns the documents a node links to, each once and never
// itself, and, for an article, the entries it uses: those, then the terms
// it links automatically.
func linksOf(n Node) (out, uses []string) {
	seen := map[string]bool{n.Doc.Path: true}
	for _, l := range n.Result.Links {
		if l.Resolved && l.Target.ID != "" && !seen[l.Target.ID] {
			seen[l.Target.ID] = true
			out = append(out, l.Target.ID)
		}
	}
	if n.Doc.Kind != content.Article {
		return out, nil
	}
	uses = slices.Clone(out)
	for _, t := range n.Terms {
		if !seen[t] {
			seen[t] = true
			uses = append(uses, t)
		}
	}
	return out, uses
}

// patch moves doc from the lists of m at the old targets to those at the
// new ones, in title order, and puts doc in place of its former Document
// in the lists of targets it keeps. Targets whose list changed are added
// to affected.
func patch(m map[string][]*content.Document, doc *content.Document, old, targets []string, affected map[string]bool) {
	for _, t := range old {
		if !slices.Contains(targets, t) {
			m[t] = slices.DeleteFunc(m[t], func(d *content.Document) bool { return d.Path == doc.Path })
			if len(m[t]) == 0 {
				delete(m, t)
			}
			affected[t] = true
		}
	}
	for _, t := range targets {
		list := m[t]
		if i := slices.IndexFunc(list, func(d *content.Document) bool { return d.Path == doc.Path }); i >= 0 {
			list[i] = doc
			continue
		}
		at, _ := slices.BinarySearchFunc(list, doc, byTitle)
		m[t] = slices.Insert(list, at, doc)
		affected[t] = true
	}
}

// refeature moves article i from the groups of the features it lost to
// those it gained, and marks for ranking again every article whose scores
// that can change: the members of a changed group small enough to count.
func (g *Graph) refeature(groups map[string][]int, i int, old, now []string, rerank map[int]bool) {
	mark := func(group []int) {
		if len(group) <= commonFeature+1 {
			for _, j := range group {
				rerank[j] = true
			}
		}
	}
	for _, f := range old {
		if !slices.Contains(now, f) {
			mark(groups[f])
			groups[f] = slices.DeleteFunc(groups[f], func(j int) bool { return j == i })
		}
	}
	for _, f := range now {
		if !slices.Contains(old, f) {
			at, _ := slices.BinarySearch(groups[f], i)
			groups[f] = slices.Insert(groups[f], at, i)
			mark(groups[f])
		}
	}
}

// features returns names normalised, each once.
func features(names []string) []string {
	var out []string
	for _, n := range names {
		if f := NormalizeName(n); !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// problems returns every node's diagnostics, in node order: link
// problems first, then related problems.
func (g *Graph) problems() diag.List {
	var list diag.List
	for _, m := range []map[string]diag.List{g.linkProblems, g.relatedProblems} {
		paths := slices.Collect(maps.Keys(m))
		slices.SortFunc(paths, func(a, b string) int { return cmp.Compare(g.position[a], g.position[b]) })
		for _, p := range paths {
			list = append(list, m[p]...)
		}
	}
	return list
}

// setProblems records the diagnostics of the node at path p; m holds
// only nodes that have some.
func setProblems(m map[string]diag.List, p string, list diag.List) {
	if len(list) == 0 {
		delete(m, p)
	} else {
		m[p] = list
	}
}

// anchorProblems reports the links of n to a section its target lacks.
func (g *Graph) anchorProblems(n Node) diag.List {
	var list diag.List
	for _, l := range n.Result.Links {
		if !l.Resolved || l.Target.ID == "" || l.Anchor == "" {
			continue
		}
		if t, ok := g.nodes[l.Target.ID]; ok && !slices.Contains(t.Result.Anchors, l.Anchor) {
			list = append(list, diag.Errorf(n.Doc.Path, l.Line, l.Col, "%s has no section %q (its sections: %s)", l.Target.ID, l.Anchor, anchorList(t.Result)))
		}
	}
	return list
}

func samePaths(a, b []*content.Document) bool {
	return slices.EqualFunc(a, b, func(x, y *content.Document) bool { return x.Path == y.Path })
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

func byTitle(a, b *content.Document) int {
	return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.Path, b.Path))
}

func sortByTitle(docs []*content.Document) { slices.SortFunc(docs, byTitle) }

// ranking is the scratch space of ranking articles one at a time: a
// score for every article, zero between articles, and the articles that
// the one being ranked scored.
type ranking struct {
	score   []int
	touched []int
}

func newRanking(articles int) *ranking { return &ranking{score: make([]int, articles)} }

// rank fills Related for article number i (see ranked).
func (g *Graph) rank(i int, ix *Index, r *ranking) {
	related, problems := g.ranked(i, ix, r)
	p := g.articles[i]
	g.Related[p] = related
	setProblems(g.relatedProblems, p, problems)
}

// ranked returns the related articles of article number i, and the
// problems of its related: entries: pinned related: entries first, in
// their order, then other articles by score: 3 for each shared tag, 1 for
// each shared glossary entry, ties by title. Tags and terms used by more
// than commonFeature articles are left out of the score. It changes
// nothing in g.
func (g *Graph) ranked(i int, ix *Index, r *ranking) ([]*content.Document, diag.List) {
	score, touched := r.score, r.touched[:0]
	n := g.arts[i]
	var list diag.List
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
	add := func(group []int, points int) {
		if len(group) > commonFeature {
			return
		}
		for _, j := range group {
			if j == i {
				continue
			}
			if score[j] == 0 {
				touched = append(touched, j)
			}
			score[j] += points
		}
	}
	for _, t := range g.tags[i] {
		add(g.tagged[t], 3)
	}
	for _, t := range g.terms[i] {
		add(g.termed[t], 1)
	}
	title := func(j int) string { return g.arts[j].Doc.Title }
	// Keep the best few in a small sorted slice: linear in the number of
	// candidates, where sorting them all was not.
	better := func(a, b int) bool {
		return score[a] > score[b] || score[a] == score[b] && title(a) < title(b)
	}
	var best []int
	for _, j := range touched {
		if slices.Contains(pinned, g.arts[j].Doc) {
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
		related = append(related, g.arts[j].Doc)
	}
	for _, j := range touched {
		score[j] = 0
	}
	r.touched = touched
	return related, list
}
