package linkgraph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/markdown"
)

// testSite makes n articles and a few terms with random links, tags and
// glossary mentions, and the index of their names.
func testSite(r *rand.Rand, n int) ([]Node, *Index) {
	site := &content.Site{}
	for i := range n {
		site.Articles = append(site.Articles, &content.Document{
			Kind: content.Article, Path: fmt.Sprintf("content/articles/a%03d.md", i), Slug: fmt.Sprintf("a%03d", i),
			Title: fmt.Sprintf("Article %03d", i), Tags: []string{fmt.Sprintf("tag %d", r.IntN(6)), fmt.Sprintf("tag %d", r.IntN(6))},
		})
	}
	for i := range 8 {
		site.Terms = append(site.Terms, &content.Document{Kind: content.Term, Path: fmt.Sprintf("content/glossary/t%d.md", i), Slug: fmt.Sprintf("t%d", i), Title: fmt.Sprintf("Term %d", i)})
	}
	ix, _ := NewIndex(site)
	var nodes []Node
	for _, d := range site.All() {
		nodes = append(nodes, randomNode(r, d, site))
	}
	return nodes, ix
}

// randomNode gives d random sections and links (some to sections, which
// may not exist) and glossary mentions.
func randomNode(r *rand.Rand, d *content.Document, site *content.Site) Node {
	all := site.All()
	res := &markdown.Result{Anchors: [][]string{{"context", "risk"}, {"context"}, {"risk"}}[r.IntN(3)]}
	for range r.IntN(5) {
		t := all[r.IntN(len(all))]
		anchor := []string{"", "", "risk", "nowhere"}[r.IntN(4)]
		res.Links = append(res.Links, markdown.Link{Resolved: true, Target: markdown.Target{ID: t.Path, URL: t.URL()}, Anchor: anchor, Line: 1, Col: 1})
	}
	var terms []string
	if d.Kind == content.Article {
		for range r.IntN(4) {
			terms = append(terms, site.Terms[r.IntN(len(site.Terms))].Path)
		}
		slices.Sort(terms)
		terms = slices.Compact(terms)
	}
	return Node{Doc: d, Result: res, Terms: terms}
}

func paths(m map[string][]*content.Document) map[string][]string {
	out := map[string][]string{}
	for k, docs := range m {
		for _, d := range docs {
			out[k] = append(out[k], d.Path)
		}
	}
	return out
}

// TestUpdateEqualsBuild changes a few documents' links, mentions and tags
// at random, again and again, and checks that Update leaves the graph a
// fresh Build would make, with the same problems, and that it names every
// document whose lists changed.
func TestUpdateEqualsBuild(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	nodes, ix := testSite(r, 60)
	g, _ := Build(nodes, ix)
	site := &content.Site{}
	for _, n := range nodes {
		if n.Doc.Kind == content.Term {
			site.Terms = append(site.Terms, n.Doc)
		}
	}
	for round := range 200 {
		before := map[string][]string{}
		for _, m := range []map[string][]*content.Document{g.Backlinks, g.UsedBy, g.Related} {
			for k, v := range paths(m) {
				before[k] = append(before[k], v...)
				before[k] = append(before[k], "|")
			}
		}
		var changed []string
		for range 1 + r.IntN(3) {
			i := r.IntN(len(nodes))
			doc := *nodes[i].Doc // a document read again: a new pointer
			if doc.Kind == content.Article && r.IntN(3) == 0 {
				doc.Tags = []string{fmt.Sprintf("tag %d", r.IntN(6))}
			}
			nodes[i] = randomNode(r, &doc, site)
			changed = append(changed, doc.Path)
		}
		ix, _ = NewIndex(siteOf(nodes))
		affected, problems := g.Update(nodes, changed, ix)
		fresh, want := Build(nodes, ix)
		for name, pair := range map[string][2]map[string][]*content.Document{
			"Backlinks": {g.Backlinks, fresh.Backlinks}, "UsedBy": {g.UsedBy, fresh.UsedBy}, "Related": {g.Related, fresh.Related},
		} {
			got, wantPaths := paths(pair[0]), paths(pair[1])
			for k := range wantPaths {
				if !slices.Equal(got[k], wantPaths[k]) {
					t.Fatalf("round %d: %s[%s] = %v, want %v", round, name, k, got[k], wantPaths[k])
				}
			}
			for k := range got {
				if _, ok := wantPaths[k]; !ok && len(got[k]) > 0 {
					t.Fatalf("round %d: %s[%s] = %v, want nothing", round, name, k, got[k])
				}
			}
			// Lists hold the documents as they are now.
			for k, docs := range pair[0] {
				for _, d := range docs {
					if byPath(nodes, d.Path).Doc != d {
						t.Fatalf("round %d: %s[%s] holds an old Document of %s", round, name, k, d.Path)
					}
				}
			}
		}
		if problems.String() != want.String() {
			t.Fatalf("round %d: problems\n%s\nwant\n%s", round, problems, want)
		}
		after := map[string][]string{}
		for _, m := range []map[string][]*content.Document{g.Backlinks, g.UsedBy, g.Related} {
			for k, v := range paths(m) {
				after[k] = append(after[k], v...)
				after[k] = append(after[k], "|")
			}
		}
		for k := range after {
			if !slices.Equal(before[k], after[k]) && !affected[k] {
				t.Fatalf("round %d: the lists of %s changed but Update did not say so", round, k)
			}
		}
	}
}

func siteOf(nodes []Node) *content.Site {
	site := &content.Site{}
	for _, n := range nodes {
		if n.Doc.Kind == content.Term {
			site.Terms = append(site.Terms, n.Doc)
		} else {
			site.Articles = append(site.Articles, n.Doc)
		}
	}
	return site
}

func byPath(nodes []Node, p string) Node {
	for _, n := range nodes {
		if n.Doc.Path == p {
			return n
		}
	}
	return Node{}
}

// TestSealedGraphKeepsListsAndRebuilds checks that a sealed graph keeps
// its lists and that updating it builds it again, with the same result
// as a fresh build.
func TestSealedGraphKeepsListsAndRebuilds(t *testing.T) {
	nodes, ix := testSite(rand.New(rand.NewPCG(3, 4)), 40)
	g, _ := Build(nodes, ix)
	want, _ := Build(nodes, ix)
	g.Seal()
	if !reflect.DeepEqual(g.Backlinks, want.Backlinks) || !reflect.DeepEqual(g.Related, want.Related) || !reflect.DeepEqual(g.UsedBy, want.UsedBy) {
		t.Fatal("sealing changed the lists")
	}
	if g.nodes != nil || g.tagged != nil || g.out != nil {
		t.Fatal("sealing kept what only Update needs")
	}
	changed, _ := g.Update(nodes, []string{nodes[0].Doc.Path}, ix)
	if changed != nil {
		t.Errorf("Update of a sealed graph returned %v, want nil (everything)", changed)
	}
	if !reflect.DeepEqual(g, want) {
		t.Error("Update of a sealed graph is not a fresh build")
	}
}
