package site

import (
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/sharecard"
)

// cardBook is which share card each page shows, by the page's file: the
// render stage notes it as each page is rendered, and the write stage
// draws the cards. A Builder keeps its book between builds, since a
// rebuild renders only the pages whose view changed, and the cards of the
// others stay in its output.
type cardBook struct {
	mu     sync.Mutex
	byPage map[string]sharecard.Card
}

func newCardBook() *cardBook { return &cardBook{byPage: map[string]sharecard.Card{}} }

// note records the card of the page written to file (none: forgets it).
func (c *cardBook) note(file string, v *render.Page) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v.Share != nil && v.Share.Image.Card != nil {
		c.byPage[file] = *v.Share.Image.Card
	} else {
		delete(c.byPage, file)
	}
}

// keepOnly forgets the cards of the pages the site no longer has.
func (c *cardBook) keepOnly(pages []pageFor) {
	listed := make(map[string]bool, len(pages))
	for _, p := range pages {
		listed[p.file] = true
	}
	maps.DeleteFunc(c.byPage, func(file string, _ sharecard.Card) bool { return !listed[file] })
}

// cards are the cards the pages show, each once, by file name. Each
// card is named once however many pages show it (by default every page
// of a language shows the same card): naming is a hash, and a rebuild
// in serve asks for the cards of every page of the site.
func (c *cardBook) cards() map[string]sharecard.Card {
	distinct := map[sharecard.Card]bool{}
	for _, card := range c.byPage {
		distinct[card] = true
	}
	out := make(map[string]sharecard.Card, len(distinct))
	for card := range distinct {
		out[cardFolder+card.Name()] = card
	}
	return out
}

// keeper is an output that can keep a file it holds from an earlier
// build instead of having it written again (output.Dir, output.Memory).
type keeper interface {
	Keep(name string) bool
}

// writeCards writes the share cards the pages show, drawing only those
// the output does not hold already: a card's name is a hash of what it
// shows, so a card of that name is that card. It returns how many it
// drew.
func writeCards(w *countingWriter, book *cardBook) (int, diag.List) {
	cards := book.cards()
	names := slices.Sorted(maps.Keys(cards))
	var (
		drawn atomic.Int64
		mu    sync.Mutex
		list  diag.List
	)
	parallel.For(len(names), func(i int) {
		name := names[i]
		if w.keep(name) {
			return
		}
		data, err := sharecard.Draw(cards[name])
		if err == nil {
			drawn.Add(1)
			err = w.WriteFile(name, data)
		}
		if err != nil {
			mu.Lock()
			list = append(list, diag.Errorf("public/"+name, 1, 1, "cannot write the share card of %q: %v", cards[name].Title, err))
			mu.Unlock()
		}
	})
	return int(drawn.Load()), list
}
