package render

import (
	"html/template"
	"time"

	"github.com/handout-health/handout/generator/sharecard"
)

// Site is what every template sees as .Site.
type Site struct {
	Title       string
	Description string
	// Language is the code of the language of the pages rendered with
	// this view ("en", "es"), for <html lang>, dates and the theme's words.
	Language string
	// Prefix is that language's part of every address: "" for the site's
	// default language, "es/" for the others. The template function
	// langURL adds it.
	Prefix string
	// Languages are every language of the site, the default first; a
	// site with one language has one (and shows no switcher).
	Languages []Language
	// BaseURL is absolute and ends in "/"; BasePath is its path.
	BaseURL  string
	BasePath string
	// FeedbackURL is the site's mailto: or form address, or "".
	FeedbackURL string
	// Consent is the cookie banner's configuration; nil means no banner.
	Consent *Consent
	// Generator names handout and its version, for the meta tag.
	Generator string
	// Pages are the free pages (about, disclaimer, ...), for the footer.
	Pages []Link
	// Topics are the site's tags, in the order of the topics page, for
	// the home page.
	Topics []Link
	// Brand is the clinic's logo, icons and stylesheet; Footer its words
	// in the footer; Menus the header's and footer's links (the theme's
	// sections and the free pages when site.yaml has no menu). See
	// menus.go.
	Brand  Brand
	Footer Footer
	Menus  Menus
}

// Language is one language of the site.
type Language struct {
	// Code is the BCP 47 code, such as "es" or "pt-BR".
	Code string
	// Name is the language's name in that language: "Español".
	Name string
	// Prefix is "" for the default language, else the lower-case code
	// and a slash ("es/").
	Prefix string
}

// Alternate is a page in one of the site's languages, for the language
// switcher and hreflang links.
type Alternate struct {
	Language
	// Path is the page's address in that language, relative to the base
	// URL. When Missing is true there is no such page and Path is that
	// language's "untranslated/" page, which says so.
	Path    string
	Missing bool
	// Current is true for the language of the page itself.
	Current bool
}

// Translation tells a translated article's source.
type Translation struct {
	// Source is the article the translation was made from.
	Source Entry
	// SourceLanguage is the source's language.
	SourceLanguage Language
	// Stale is true when the source was reviewed after the translation:
	// the translation may be out of date.
	Stale bool
}

// Consent is the banner's view of site.yaml's consent section.
type Consent struct {
	Version     int
	ExpiresDays int
	Categories  []ConsentCategory
	Scripts     []ConsentScript
}

// ConsentCategory is one optional cookie category.
type ConsentCategory struct {
	ID, Title, Description string
	Cookies                []string
}

// ConsentScript is a script loaded once its category is accepted.
type ConsentScript struct {
	Category, Src string
}

// Page is what a template sees as .Page. Which fields are set depends on
// Kind: "home", "article", "term", "page", "glossary", "tags", "tag",
// "search", "cookies", "404", "redirect" or "untranslated" (the page a
// language switcher leads to when a page has no translation).
type Page struct {
	Kind  string
	Title string
	// Description is the meta description: the summary or definition.
	Description string
	// Path is the address relative to the base URL ("articles/x/"); ""
	// for the home page.
	Path string
	// NoIndex keeps the page out of search engines (404, redirects).
	NoIndex bool

	// Body is the converted Markdown of an article, term or page.
	Body template.HTML
	// Article holds the article-only parts.
	Article *Article
	// Term holds the glossary-term-only parts.
	Term *Term
	// Entries lists what a listing page lists: the articles of a tag, the
	// glossary, the recently reviewed articles of the home page.
	Entries []Entry
	// Groups are lettered or topical groups of entries (A to Z, topics).
	Groups []Group
	// Target is where a redirect page leads.
	Target string
	// Alternates are this page in each of the site's languages, in the
	// site's order, when the site has more than one language.
	Alternates []Alternate
	// Share is what the page shows when shared (Open Graph and X's
	// cards); nil for a page kept out of search engines.
	Share *Share
}

// Share is what a page shows when it is shared on a social network or in
// a messaging app (partials/share.html).
type Share struct {
	// Type is Open Graph's og:type: "article" for an article, "website"
	// for the other pages.
	Type string
	// URL is the page's canonical, absolute address.
	URL                          string
	Title, Description, SiteName string
	// Locale is the page's language as Open Graph writes it ("en_US");
	// LocaleAlternates are its translations'.
	Locale           string
	LocaleAlternates []string
	Image            ShareImage
	// Modified is an article's last review (article:modified_time), and
	// Tags its topics; zero and nil on other pages.
	Modified time.Time
	Tags     []string
}

// ShareImage is the picture of a shared page.
type ShareImage struct {
	// URL is absolute; Type its MIME type ("image/png").
	URL, Alt, Type string
	Width, Height  int
	// Card is the card the build draws for a page that names no picture
	// (nil for a picture of static/).
	Card *sharecard.Card
}

// Article is the article-only part of a Page.
type Article struct {
	Summary    string
	Synonyms   []string
	Tags       []Link
	Sections   []Section
	ReviewedBy string
	// LastReviewed and NextReview are zero when unknown.
	LastReviewed time.Time
	NextReview   time.Time
	// Overdue is true when NextReview has passed at build time.
	Overdue    bool
	Sources    []Source
	Related    []Entry
	Backlinks  []Entry
	Terms      []Entry
	StructData any
	// Translation is set on an article translated from another.
	Translation *Translation
	// Leaflet, when set, names the article's PDF leaflets, which the
	// page links to: set in a build that prints them.
	Leaflet *Leaflet
}

// Leaflet names an article's PDF leaflets, as paths under the base URL.
type Leaflet struct {
	// PDF is the leaflet on the site's paper; LargePrint the same in
	// large print (18 pt or more).
	PDF, LargePrint string
}

// Term is the glossary-term-only part of a Page.
type Term struct {
	Definition string
	Synonyms   []string
	// UsedBy lists the articles that use the term.
	UsedBy []Entry
}

// Section is an entry of "On this page".
type Section struct {
	ID, Title string
}

// Source is one item of an article's evidence.
type Source struct {
	Title, URL string
}

// Link is a labelled address relative to the base URL.
type Link struct {
	Title, Path string
}

// Entry is one item of a list of pages.
type Entry struct {
	Title string
	Path  string
	// Summary is the summary or definition shown under the title.
	Summary string
	// Kind is "article", "term" or "page".
	Kind string
	// Also lists other names (synonyms) the entry is known by.
	Also []string
	// Date is the entry's last review, where it has one.
	Date time.Time
}

// Group is a titled list of entries, such as the letter "S" of the A to Z.
type Group struct {
	// ID is the group's anchor, such as "letter-s".
	ID      string
	Title   string
	Path    string
	Entries []Entry
}

// Translated returns the alternates that exist (Missing is false) when
// there are two or more of them, else nil: a page that exists in one
// language has no alternates to announce with hreflang.
func (p *Page) Translated() []Alternate {
	var out []Alternate
	for _, a := range p.Alternates {
		if !a.Missing {
			out = append(out, a)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
