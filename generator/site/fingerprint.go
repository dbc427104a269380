package site

import (
	"hash/maphash"
	"time"

	"github.com/handout-health/handout/generator/render"
)

// pageHash hashes everything a page view shows, field by field: serve
// fingerprints every page after each save, so this must be fast. A new
// field of render.Page (or of the types it holds) must be added here;
// TestFingerprintCoversEveryField fails until it is.
type pageHash struct{ h maphash.Hash }

func (p *pageHash) str(s string) {
	p.h.WriteString(s)
	p.h.WriteByte(0)
}

func (p *pageHash) strs(list []string) {
	p.int(len(list))
	for _, s := range list {
		p.str(s)
	}
}

func (p *pageHash) int(n int) {
	var b [8]byte
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
	p.h.Write(b[:])
}

func (p *pageHash) bool(b bool) {
	if b {
		p.h.WriteByte(1)
	} else {
		p.h.WriteByte(0)
	}
}

func (p *pageHash) time(t time.Time) { p.int(int(t.Unix())) }

func (p *pageHash) entries(list []render.Entry) {
	p.int(len(list))
	for _, e := range list {
		p.str(e.Title)
		p.str(e.Path)
		p.str(e.Summary)
		p.str(e.Kind)
		p.strs(e.Also)
		p.time(e.Date)
	}
}

func (p *pageHash) links(list []render.Link) {
	p.int(len(list))
	for _, l := range list {
		p.str(l.Title)
		p.str(l.Path)
	}
}

func (p *pageHash) language(l render.Language) {
	p.str(l.Code)
	p.str(l.Name)
	p.str(l.Prefix)
}

func (p *pageHash) page(v *render.Page) {
	p.str(v.Kind)
	p.str(v.Title)
	p.str(v.Description)
	p.str(v.Path)
	p.bool(v.NoIndex)
	p.str(string(v.Body))
	p.str(v.Target)
	p.int(len(v.Alternates))
	for _, a := range v.Alternates {
		p.language(a.Language)
		p.str(a.Path)
		p.bool(a.Missing)
		p.bool(a.Current)
	}
	p.entries(v.Entries)
	p.int(len(v.Groups))
	for _, g := range v.Groups {
		p.str(g.ID)
		p.str(g.Title)
		p.str(g.Path)
		p.entries(g.Entries)
	}
	if a := v.Article; a != nil {
		p.str("article")
		p.str(a.Summary)
		p.strs(a.Synonyms)
		p.links(a.Tags)
		p.int(len(a.Sections))
		for _, s := range a.Sections {
			p.str(s.ID)
			p.str(s.Title)
		}
		p.str(a.ReviewedBy)
		p.time(a.LastReviewed)
		p.time(a.NextReview)
		p.bool(a.Overdue)
		p.int(len(a.Sources))
		for _, s := range a.Sources {
			p.str(s.Title)
			p.str(s.URL)
		}
		p.entries(a.Related)
		p.entries(a.Backlinks)
		p.entries(a.Terms)
		p.bool(a.Translation != nil)
		if tr := a.Translation; tr != nil {
			p.entries([]render.Entry{tr.Source})
			p.language(tr.SourceLanguage)
			p.bool(tr.Stale)
		}
		p.bool(a.Leaflet != nil)
		if l := a.Leaflet; l != nil {
			p.str(l.PDF)
			p.str(l.LargePrint)
		}
		// StructData is made from the fields above and the site's
		// configuration, whose change makes a new theme and clears every
		// fingerprint.
	}
	p.bool(v.Share != nil)
	if sh := v.Share; sh != nil {
		p.share(sh)
	}
	if t := v.Term; t != nil {
		p.str("term")
		p.str(t.Definition)
		p.strs(t.Synonyms)
		p.entries(t.UsedBy)
	}
}

// share hashes what a page shows when shared. Its card is made of the
// title and the site's title, hashed already.
func (p *pageHash) share(sh *render.Share) {
	p.str(sh.Type)
	p.str(sh.URL)
	p.str(sh.Title)
	p.str(sh.Description)
	p.str(sh.SiteName)
	p.str(sh.Locale)
	p.strs(sh.LocaleAlternates)
	im := sh.Image
	p.str(im.URL)
	p.str(im.Alt)
	p.str(im.Type)
	p.int(im.Width)
	p.int(im.Height)
	p.time(sh.Modified)
	p.strs(sh.Tags)
}

// site hashes a language's view of the site (render.Site): a change to it
// renders every page again.
func (p *pageHash) site(v *render.Site) {
	p.str(v.Title)
	p.str(v.Description)
	p.str(v.Language)
	p.str(v.Prefix)
	p.int(len(v.Languages))
	for _, l := range v.Languages {
		p.language(l)
	}
	p.str(v.BaseURL)
	p.str(v.BasePath)
	p.str(v.FeedbackURL)
	p.bool(v.Consent != nil)
	if c := v.Consent; c != nil {
		p.int(c.Version)
		p.int(c.ExpiresDays)
		p.int(len(c.Categories))
		for _, cat := range c.Categories {
			p.str(cat.ID)
			p.str(cat.Title)
			p.str(cat.Description)
			p.strs(cat.Cookies)
		}
		p.int(len(c.Scripts))
		for _, s := range c.Scripts {
			p.str(s.Category)
			p.str(s.Src)
		}
	}
	p.str(v.Generator)
	p.links(v.Pages)
	p.links(v.Topics)
	p.brand(v.Brand)
	p.str(v.Footer.Text)
	p.strs(v.Footer.Address)
	p.str(v.Footer.Phone)
	p.str(string(v.Footer.PhoneURL))
	p.menu(v.Menus.Header)
	p.menu(v.Menus.Footer)
}

// brand hashes the view of a site's brand.
func (p *pageHash) brand(b render.Brand) {
	p.bool(b.Logo != nil)
	if l := b.Logo; l != nil {
		p.str(l.URL)
		p.str(l.Alt)
		p.int(l.Width)
		p.int(l.Height)
	}
	p.int(len(b.Icons))
	for _, i := range b.Icons {
		p.str(i.Rel)
		p.str(i.URL)
		p.str(i.Type)
		p.str(i.Sizes)
	}
	p.str(b.Manifest)
	p.str(b.ThemeColor)
	p.str(b.ThemeColorDark)
	p.bool(b.Stylesheet != nil)
	if s := b.Stylesheet; s != nil {
		p.str(s.Asset)
		p.str(s.URL)
	}
}

// menu hashes the items of a menu.
func (p *pageHash) menu(items []render.MenuItem) {
	p.int(len(items))
	for _, m := range items {
		p.str(m.Label)
		p.str(string(m.URL))
		p.str(m.Path)
		p.strs(m.Kinds)
	}
}
