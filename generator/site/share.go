package site

import (
	"errors"
	"fmt"
	"image"
	"io/fs"
	"path"
	"strings"

	// The formats social platforms show: PNG, JPEG, GIF and WebP.
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
	"golang.org/x/text/language"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/sharecard"
)

// What a page shows when it is shared (Open Graph and X's cards): every
// page that search engines index carries its title, description,
// canonical address, language and a picture: the page's own image:, else
// the site's share_image:, else a card the build draws from the page's
// title and the site's (package sharecard), written under
// assets/share/ and named by a hash of what it shows.
//
// The platforms' card validators ask for what the build checks here:
// a picture in PNG, JPEG, GIF or WebP; at most 5 MB (X; Facebook takes
// 8 MB); at least 200 by 200 pixels (Facebook) and 300 by 157 (X's large
// card), 1200 by 630 shown best; its size and type announced; alt text;
// and absolute addresses, which come from base_url.

// Limits of the pictures platforms show.
const (
	maxShareBytes                 = 5 << 20
	minShareWidth, minShareHeight = 300, 200
)

// cardFolder is the output folder of the share cards the build draws.
const cardFolder = "assets/share/"

// sharePicture is a picture of static/ that pages show when shared, as
// the build judged it.
type sharePicture struct {
	// path is the file's path in static/, and its address under the base
	// URL.
	path          string
	width, height int
	mime          string
}

// checkShareImages judges every document's image: and site.yaml's
// share_image: (they must be pictures of static/ that platforms show),
// keeping what it learned for the pages' views.
func (s *Site) checkShareImages(fsys fs.FS) diag.List {
	static := make(map[string]bool, len(s.Content.Static))
	for _, f := range s.Content.Static {
		static[f] = true
	}
	var list diag.List
	root := s.root
	root.sharePicture = nil
	if cfg := root.Config; cfg.ShareImage != "" {
		line, col := cfg.ShareImageSource()
		pic, problems := judgePicture(fsys, static, cfg.ShareImage, "/"+cfg.ShareImage, config.FileName, line, col)
		root.sharePicture, list = pic, append(list, problems...)
	}
	for _, d := range root.allLanguages() {
		d.sharePicture = nil
		if d.Image == "" {
			continue
		}
		written, line, col := d.ImageSource()
		pic, problems := judgePicture(fsys, static, d.Image, written, d.Path, line, col)
		d.sharePicture, list = pic, append(list, problems...)
	}
	return list
}

// judgePicture reads the head of the picture name of static/ (written as
// the site wrote it, at at:line:col) and says what is wrong with it for
// sharing.
func judgePicture(fsys fs.FS, static map[string]bool, name, written, at string, line, col int) (*sharePicture, diag.List) {
	errorf := func(format string, args ...any) (*sharePicture, diag.List) {
		return nil, diag.List{diag.Errorf(at, line, col, format, args...)}
	}
	if !static[name] {
		return errorf("image %s: there is no file static/%s; put the picture there, or correct the path", written, name)
	}
	file := content.StaticDir + "/" + name
	info, err := fs.Stat(fsys, file)
	if err != nil {
		return errorf("image %s: cannot read static/%s: %v", written, name, err)
	}
	if info.Size() > maxShareBytes {
		return errorf("image %s is %.1f MB; X shows pictures of at most 5 MB (Facebook 8 MB): save it smaller, 1200 by 630 pixels is best", written, float64(info.Size())/(1<<20))
	}
	f, err := fsys.Open(file)
	if err != nil {
		return errorf("image %s: cannot read static/%s: %v", written, name, err)
	}
	defer f.Close()
	head, format, err := image.DecodeConfig(f)
	if errors.Is(err, image.ErrFormat) {
		return errorf("image %s is not a picture that platforms show when a page is shared: use a PNG, JPEG, GIF or WebP file", written)
	}
	if err != nil {
		return errorf("image %s cannot be read as a %s picture: %v; save it again from an image editor", written, strings.ToUpper(strings.TrimPrefix(path.Ext(name), ".")), err)
	}
	pic := &sharePicture{path: name, width: head.Width, height: head.Height, mime: "image/" + format}
	if head.Width < minShareWidth || head.Height < minShareHeight {
		return pic, diag.List{diag.Warnf(at, line, col, "image %s is %d by %d pixels; Facebook shows pictures of at least 200 by 200 and X of at least 300 by 157 in a large card: 1200 by 630 is best", written, head.Width, head.Height)}
	}
	return pic, nil
}

// withShare sets what page p shows when shared: nothing for a page kept
// out of search engines. d is the document whose page it is, or nil.
func (s *Site) withShare(p *render.Page, d *Doc) *render.Page {
	if p.NoIndex {
		return p
	}
	base := s.Config.BaseURL
	siteTitle, _ := s.titles()
	sh := &render.Share{
		Type: "website", URL: base + p.Path, Title: p.Title, Description: p.Description,
		SiteName: siteTitle, Locale: ogLocale(s.Language.Code),
	}
	for _, a := range p.Translated() {
		if !a.Current {
			sh.LocaleAlternates = append(sh.LocaleAlternates, ogLocale(a.Code))
		}
	}
	if a := p.Article; a != nil {
		sh.Type, sh.Modified = "article", a.LastReviewed
		for _, t := range a.Tags {
			sh.Tags = append(sh.Tags, t.Title)
		}
	}
	switch pic := s.root.sharePicture; {
	case d != nil && d.sharePicture != nil:
		sh.Image = pictureImage(base, d.sharePicture, d.ImageAlt)
	case pic != nil:
		sh.Image = pictureImage(base, pic, s.Config.ShareImageAlt)
	default:
		card := sharecard.Card{Title: siteTitle, Colour: s.root.brand.cardColour()}
		if s.Config.ShareCards == config.ShareCardsPage {
			card.Title, card.Site = p.Title, siteTitle
		}
		sh.Image = render.ShareImage{
			URL: base + cardFolder + card.Name(), Alt: card.Alt(), Type: "image/png",
			Width: sharecard.Width, Height: sharecard.Height, Card: &card,
		}
	}
	p.Share = sh
	return p
}

func pictureImage(base string, pic *sharePicture, alt string) render.ShareImage {
	return render.ShareImage{URL: base + pic.path, Alt: alt, Type: pic.mime, Width: pic.width, Height: pic.height}
}

// ogLocale is a language code as Open Graph writes locales, language and
// territory: "en" is "en_US", "es" "es_ES" and "pt-BR" "pt_BR". A code
// without a territory gets its likeliest one (Unicode CLDR's likely
// subtags, through golang.org/x/text/language).
func ogLocale(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return strings.ReplaceAll(code, "-", "_")
	}
	base, _ := tag.Base()
	region, _ := tag.Region()
	return fmt.Sprintf("%s_%s", base, region)
}
