// Package config reads and validates a site's site.yaml.
//
// Every key is optional except title. Unknown keys are errors with their
// line and column, so a typo never passes silently. The keys and their
// defaults:
//
//	title: Riverside Clinic patient library   # required
//	description: Plain-language health information.
//	base_url: https://clinic.example/library/ # default http://localhost:1313/
//	language: en                              # default en
//	languages:                 # a site in several languages; the first is the default
//	  - code: en               # BCP 47 code; others are published under /<code>/
//	    name: English          # the language's name in that language
//	  - code: es
//	    name: Español
//	    title: Biblioteca de salud      # the site's title and description in
//	    description: ...               #   this language (default: the site's)
//	    consent:                       # the consent categories' words in it
//	      - id: analytics
//	        title: Analítica
//	        description: ...
//	feedback_url: mailto:library@clinic.example
//	markdown:
//	  unsafe: false            # raw HTML in Markdown; off by default
//	  highlight_style: github  # chroma style for code (dark: github-dark)
//	  highlight_dark_style: github-dark
//	review:
//	  interval: 3y             # next_review default: last_reviewed + interval
//	  warn_days: 60            # check warns this many days before a review is due
//	readability:
//	  max_grade: 8             # target reading grade for check (English)
//	  min_inflesz: 55          # lowest INFLESZ score for check (Spanish)
//	sections:                  # the article section schema, in order
//	  - id: mechanism
//	    title: How it works    # shown on the page and in "On this page"
//	    headings: [Mechanism, How it works]
//	    required: true
//	consent: ...               # see Consent; consent.videos: {youtube: marketing,
//	                           #   vimeo: marketing} is the category each
//	                           #   provider's videos wait for (consent.go)
//	share_image: /images/clinic.png  # the picture of a shared page that names
//	share_image_alt: ...             #   none (default: a card the build draws)
//	share_cards: site          # that card: site (the site's title) or page
//	                           #   (each page's title: a file per page)
//	contacts:                  # numbers the callouts give (contacts.go)
//	  emergency: "999"         # the emergency callout's "Call 999"
//	  urgent: "111"            # the urgent callout's number (optional)
//	  crisis: "116 123"        # a crisis line (optional)
//	theme:                     # the clinic's brand (theme.go)
//	  brand: "#0b6e4f"         # header, links, rules; AA contrast is checked
//	  accent: "#08513a"        # navigation bar and header buttons (optional)
//	  dark: {brand: ..., accent: ..., link: ...}   # dark mode (optional)
//	  logo: {src: static/logo.svg, alt: Riverside Clinic}
//	  icon: static/icon.png    # square, 512px or more: favicon, phone icons, manifest
//	  icon_svg: static/icon.svg
//	  stylesheet: templates/assets/clinic.css   # linked after the theme's
//	  footer: {text: ..., address: ..., phone: ...}
//	print:                     # printed articles and PDF leaflets (print.go)
//	  paper: A4                # or Letter
//	  max_pages: 4             # check's limit on a leaflet's pages
//	menu:                      # the header's and footer's links (theme.go)
//	  header:
//	    - target: a-z          # a section, a document, /a/path or an address
//	    - label: About us
//	      target: About
//	      order: 1
//	  footer: [...]
//
// A language may set its own contacts and footer words, key by key
// (languages[].contacts, languages[].footer), and its own menus
// (languages[].menu, each of header and footer whole).
// When sections is given it replaces the default schema (context,
// significance, mechanism, application, metric, risk) whole.
//
// Addresses are held to what a browser reads the same way (addresses.go):
// base_url (and --base-url) is an absolute http(s) address whose path is
// folders of letters, digits, "-", "_", "." and "~" between single
// slashes, with no user name, query or fragment; a missing final slash is
// added. An allowed origin is a scheme and host only. A cookie pattern is
// a cookie name, or a prefix and one "*", that cannot match the consent
// record, ConsentCookie (consent.go). The YAML itself is read within the
// bounds of yamlutil.Parse: no anchors or aliases.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/fsread"
	"github.com/handout-health/handout/generator/internal/yamlutil"
)

// FileName is the configuration file at the root of a site.
const FileName = "site.yaml"

// maxFileBytes is the largest site.yaml read: a thousand times a real one.
const maxFileBytes = 1 << 20

// Config is a site's validated configuration.
type Config struct {
	Title       string      `yaml:"title"`
	Description string      `yaml:"description"`
	BaseURL     string      `yaml:"base_url"`
	Language    string      `yaml:"language"`
	Languages   []Language  `yaml:"languages"`
	FeedbackURL string      `yaml:"feedback_url"`
	Markdown    Markdown    `yaml:"markdown"`
	Review      Review      `yaml:"review"`
	Readability Readability `yaml:"readability"`
	Sections    []Section   `yaml:"sections"`
	Consent     Consent     `yaml:"consent"`
	Contacts    Contacts    `yaml:"contacts"`
	Theme       Theme       `yaml:"theme"`
	Menu        Menus       `yaml:"menu"`
	// ShareImage is the picture shown when a page is shared that names
	// none of its own (share_image:): a file of static/, as its path
	// there ("images/clinic.png"); ShareImageAlt says what it shows.
	// Without it, the build draws a card for each such page (see
	// package sharecard).
	ShareImage    string `yaml:"share_image"`
	ShareImageAlt string `yaml:"share_image_alt"`
	// ShareCards says what the card the build draws for such a page
	// shows (share_cards:): ShareCardsSite (the default), one card per
	// language with the site's title, or ShareCardsPage, a card per page
	// with the page's title, which is one more file per page (a host's
	// file limit, such as Cloudflare Pages' 20,000 on its free plan,
	// comes sooner).
	ShareCards string `yaml:"share_cards"`
	// Print sets the paper of the PDF leaflets and the page limit
	// check holds them to (print.go).
	Print Print `yaml:"print"`

	// base is BaseURL parsed; set by Load.
	base *url.URL
	// file is the parsed site.yaml, for Locate.
	file *ast.File
	// shareImageLine and shareImageCol locate share_image's value.
	shareImageLine, shareImageCol int
}

// Markdown holds the Markdown options.
type Markdown struct {
	// Unsafe lets raw HTML in Markdown through. Off by default: a pasted
	// <script> must not reach a patient's browser unless the site says so.
	Unsafe bool `yaml:"unsafe"`
	// HighlightStyle and HighlightDarkStyle name chroma styles for code.
	HighlightStyle     string `yaml:"highlight_style"`
	HighlightDarkStyle string `yaml:"highlight_dark_style"`
}

// Review holds the review-cycle settings.
type Review struct {
	// Interval is written like 3y, 18m or 90d.
	Interval string `yaml:"interval"`
	// WarnDays is how long before next_review check starts warning.
	WarnDays int `yaml:"warn_days"`

	years, months, days int
}

// Readability holds the reading-level targets.
type Readability struct {
	// MaxGrade is the highest reading grade (SMOG, Flesch-Kincaid) of
	// English articles.
	MaxGrade float64 `yaml:"max_grade"`
	// MinINFLESZ is the lowest INFLESZ (Szigriszt-Pazos) score of Spanish
	// articles; 55 is where "normal" text starts.
	MinINFLESZ float64 `yaml:"min_inflesz"`
}

// Language is one language a site is published in.
type Language struct {
	// Code is the BCP 47 code, such as "es" or "pt-BR".
	Code string `yaml:"code"`
	// Name is the language's name in that language, for the switcher.
	Name string `yaml:"name"`
	// Title and Description replace the site's in this language.
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// Consent gives the consent categories' words in this language.
	Consent []ConsentText `yaml:"consent"`
	// Contacts replace the site's contacts, key by key, in this language
	// (see Config.ContactsIn).
	Contacts Contacts `yaml:"contacts"`
	// Menu replaces the site's menus, each of the two as a whole, in
	// this language (see Config.MenusIn).
	Menu Menus `yaml:"menu"`
	// Footer replaces the footer's words, key by key, in this language
	// (see Config.FooterIn).
	Footer Footer `yaml:"footer"`

	prefix string
}

// Prefix is the language's part of every address: "" for the default
// language, the lower-case code and a slash ("es/") for the others.
func (l Language) Prefix() string { return l.prefix }

// ConsentText is a consent category's title and description in one
// language.
type ConsentText struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
}

// Section is one entry of the article section schema.
type Section struct {
	// ID is the stable anchor (#mechanism) and the key templates use.
	ID string `yaml:"id"`
	// Title, when set, replaces the heading as written on the page and in
	// "On this page" (for example "How it works" for mechanism).
	Title string `yaml:"title"`
	// Headings are the `##` headings that open this section, matched
	// case-insensitively.
	Headings []string `yaml:"headings"`
	// Required sections missing from an article are reported.
	Required bool `yaml:"required"`
}

// Consent configures the cookie banner and the scripts it gates.
type Consent struct {
	// Version is raised to ask every visitor again.
	Version int `yaml:"version"`
	// ExpiresDays is how long a choice is kept; default 180.
	ExpiresDays int `yaml:"expires_days"`
	// Categories are the optional cookie categories, in display order.
	Categories []ConsentCategory `yaml:"categories"`
	// Scripts are loaded only after their category is accepted.
	Scripts []ConsentScript `yaml:"scripts"`
	// AllowedOrigins are third-party origins trusted as essential (a
	// clinic's own CDN), which need no gating.
	AllowedOrigins []string `yaml:"allowed_origins"`
	// Videos names the category each video provider's players wait for
	// (see VideoCategory).
	Videos ConsentVideos `yaml:"videos"`
}

// ConsentVideos names the consent category that the videos of each
// provider wait for, in Markdown (a YouTube or Vimeo address alone on its
// line); empty means DefaultVideoCategory.
type ConsentVideos struct {
	YouTube string `yaml:"youtube"`
	Vimeo   string `yaml:"vimeo"`
}

// ConsentCategory is one optional category of cookies.
type ConsentCategory struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// Cookies are names or prefixes ending in * that this category sets,
	// deleted when consent is withdrawn.
	Cookies []string `yaml:"cookies"`
}

// ConsentScript is a third-party script loaded after consent.
type ConsentScript struct {
	Category string `yaml:"category"`
	Src      string `yaml:"src"`
}

// DefaultSections is the schema of SPEC "Article body", with the Spanish
// headings (Contexto, Importancia, Mecanismo, Aplicación, Medición,
// Riesgos) accepted too.
func DefaultSections() []Section {
	return []Section{
		{ID: "context", Headings: []string{"Context", "Contexto"}, Required: true},
		{ID: "significance", Headings: []string{"Significance", "Importancia"}},
		{ID: "mechanism", Headings: []string{"Mechanism", "Mecanismo"}, Required: true},
		{ID: "application", Headings: []string{"Application", "Aplicación"}, Required: true},
		{ID: "metric", Headings: []string{"Metric", "Metrics", "Medición"}, Required: true},
		{ID: "risk", Headings: []string{"Risk", "Risks", "Riesgo", "Riesgos"}, Required: true},
	}
}

// Default returns the configuration used for absent keys.
func Default() *Config {
	c := &Config{
		BaseURL:     "http://localhost:1313/",
		Language:    "en",
		Markdown:    Markdown{HighlightStyle: "github", HighlightDarkStyle: "github-dark"},
		Review:      Review{Interval: "3y", WarnDays: 60},
		Readability: Readability{MaxGrade: 8, MinINFLESZ: 55},
		Sections:    DefaultSections(),
		Consent:     Consent{Version: 1, ExpiresDays: 180},
		Print:       Print{Paper: PaperA4, MaxPages: DefaultMaxPages},
	}
	c.base, _ = url.Parse(c.BaseURL)
	c.Review.years = 3
	return c
}

// Load reads FileName from the site folder fsys. Problems are returned as
// diagnostics; the Config is nil when any of them is an error.
func Load(fsys fs.FS) (*Config, diag.List) {
	data, err := fsread.ReadFile(fsys, FileName, maxFileBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, diag.List{diag.Errorf(FileName, 1, 1, "no %s: a site needs one with at least a title (handout init makes one)", FileName)}
	}
	if err != nil {
		return nil, diag.List{diag.Errorf(FileName, 1, 1, "cannot read: %v", err)}
	}
	return Parse(data)
}

// Parse validates the contents of a site.yaml.
func Parse(data []byte) (*Config, diag.List) {
	cfg := Default()
	if strings.TrimSpace(string(data)) == "" {
		return nil, diag.List{diag.Errorf(FileName, 1, 1, "empty file: title is required")}
	}
	data = yamlutil.Newlines(data)
	file, err := yamlutil.Parse(data)
	if err != nil {
		return nil, diag.List{yamlutil.ErrorDiagnostic(FileName, 0, err)}
	}
	list := unknownKeys(file)
	if err := yamlutil.Unmarshal(file, data, cfg); err != nil {
		list = append(list, yamlutil.ErrorDiagnostic(FileName, 0, err))
	}
	if list.HasErrors() {
		return nil, list
	}
	if list := cfg.validate(file); list.HasErrors() {
		return nil, list
	}
	cfg.file = file
	return cfg, nil
}

// unknownKeys reports every key of site.yaml that is not one of the keys
// its place takes, naming those keys, as front matter does.
func unknownKeys(file *ast.File) diag.List {
	var list diag.List
	for _, u := range yamlutil.UnknownKeys(file, &Config{}) {
		where := ""
		if u.In != "" {
			where = " in " + u.In
		}
		list = append(list, diag.Errorf(FileName, u.Line, u.Col, "unknown key %q%s (known keys: %s)", u.Key, where, strings.Join(u.Known, ", ")))
	}
	return list
}

// Locate returns the line and column of the value at a YAML path of
// site.yaml, such as "$.theme.brand", for a diagnostic about it that
// only a later stage can make (a colour's contrast, a logo's file, a
// menu's target); 1, 1 when the path is not in the file.
func (c *Config) Locate(path string) (line, col int) {
	return yamlutil.Locate(c.file, path)
}

var (
	idPattern       = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	intervalPattern = regexp.MustCompile(`^\s*(\d+)\s*(y|years?|m|months?|d|days?)\s*$`)
)

func (c *Config) validate(file *ast.File) diag.List {
	var list diag.List
	errAt := func(path, format string, args ...any) {
		line, col := yamlutil.Locate(file, path)
		list = append(list, diag.Errorf(FileName, line, col, format, args...))
	}
	if strings.TrimSpace(c.Title) == "" {
		errAt("$", "title is required")
	}
	if err := c.SetBaseURL(c.BaseURL); err != nil {
		errAt("$.base_url", "base_url %v", err)
	}
	if c.FeedbackURL != "" {
		if f, err := url.Parse(c.FeedbackURL); err != nil || (f.Scheme != "mailto" && f.Scheme != "https" && f.Scheme != "http") {
			errAt("$.feedback_url", "feedback_url must be a mailto: or http(s) address")
		}
	}
	if m := intervalPattern.FindStringSubmatch(c.Review.Interval); m == nil {
		errAt("$.review.interval", "review interval %q: write it like 3y, 18m or 90d", c.Review.Interval)
	} else {
		n, _ := strconv.Atoi(m[1])
		c.Review.years, c.Review.months, c.Review.days = 0, 0, 0
		switch m[2][0] {
		case 'y':
			c.Review.years = n
		case 'm':
			c.Review.months = n
		default:
			c.Review.days = n
		}
	}
	if c.Review.WarnDays < 0 {
		errAt("$.review.warn_days", "warn_days must not be negative")
	}
	if c.Readability.MaxGrade <= 0 {
		errAt("$.readability.max_grade", "max_grade must be above 0")
	}
	if c.Readability.MinINFLESZ < 0 || c.Readability.MinINFLESZ > 100 {
		errAt("$.readability.min_inflesz", "min_inflesz must be between 0 and 100")
	}
	list = append(list, c.validateLanguages(file)...)
	if len(c.Sections) == 0 {
		errAt("$.sections", "sections must list at least one section")
	}
	seenID, seenHeading := map[string]bool{}, map[string]string{}
	for i := range c.Sections {
		s := &c.Sections[i]
		at := fmt.Sprintf("$.sections[%d]", i)
		if !idPattern.MatchString(s.ID) {
			errAt(at, "section id %q must be lower-case letters, digits and hyphens", s.ID)
		} else if seenID[s.ID] {
			errAt(at, "section id %q is used twice", s.ID)
		}
		seenID[s.ID] = true
		if len(s.Headings) == 0 {
			errAt(at, "section %q needs at least one heading", s.ID)
			continue
		}
		for _, h := range s.Headings {
			key := strings.ToLower(strings.TrimSpace(h))
			if other, ok := seenHeading[key]; ok {
				errAt(at, "heading %q belongs to both %q and %q", h, other, s.ID)
			}
			seenHeading[key] = s.ID
		}
	}
	list = append(list, c.validateConsent(file)...)
	c.Contacts.validate("$.contacts", errAt)
	c.Theme.validate(errAt)
	c.Menu.validate("$.menu", errAt)
	c.validateShareImage(errAt)
	c.Print.validate(errAt)
	c.shareImageLine, c.shareImageCol = yamlutil.Locate(file, "$.share_image")
	return list
}

// validateShareImage checks that share_image is a path in static/ and
// has its alt text; whether the file is there and is a picture is the
// build's to judge, which lists static/.
func (c *Config) validateShareImage(errAt func(path, format string, args ...any)) {
	switch c.ShareCards {
	case "":
		c.ShareCards = ShareCardsSite
	case ShareCardsSite, ShareCardsPage:
	default:
		errAt("$.share_cards", "share_cards %q is not one of %s (one card with the site's title, the default) or %s (a card per page with its title)", c.ShareCards, ShareCardsSite, ShareCardsPage)
	}
	c.ShareImageAlt = strings.TrimSpace(c.ShareImageAlt)
	written := strings.TrimSpace(c.ShareImage)
	if written == "" {
		return
	}
	c.ShareImage = strings.TrimPrefix(written, "/")
	if strings.Contains(written, "://") || strings.HasPrefix(written, "//") || strings.Contains(written, "\\") || !fs.ValidPath(c.ShareImage) {
		errAt("$.share_image", "share_image %q must be a file of static/, written as its path there, such as /images/clinic.png", written)
	}
	if c.ShareImageAlt == "" {
		errAt("$.share_image", "share_image_alt is required with share_image: say in a few words what the picture shows, for readers who cannot see it")
	}
}

// The values of share_cards: (Config.ShareCards).
const (
	ShareCardsSite = "site"
	ShareCardsPage = "page"
)

// ShareImageSource returns the line and column of share_image's value.
func (c *Config) ShareImageSource() (line, col int) {
	return max(c.shareImageLine, 1), max(c.shareImageCol, 1)
}

// languageCode matches BCP 47 codes as sites write them: en, es, pt-BR,
// zh-Hant.
var languageCode = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// validateLanguages checks languages: and fills Languages with the one
// language of `language:` when it is absent.
func (c *Config) validateLanguages(file *ast.File) diag.List {
	var list diag.List
	errAt := func(path, format string, args ...any) {
		line, col := yamlutil.Locate(file, path)
		list = append(list, diag.Errorf(FileName, line, col, format, args...))
	}
	if len(c.Languages) == 0 {
		if !languageCode.MatchString(c.Language) {
			errAt("$.language", "language %q must be a language code such as en, es or pt-BR", c.Language)
		}
		c.Languages = []Language{{Code: c.Language, Name: c.Language}}
		return list
	}
	if c.Language != Default().Language && !strings.EqualFold(c.Language, c.Languages[0].Code) {
		errAt("$.language", "language %q is not the first of languages (%s): the first language is the default; remove language:", c.Language, c.Languages[0].Code)
	}
	c.Language = c.Languages[0].Code
	seen := map[string]bool{}
	for i := range c.Languages {
		l := &c.Languages[i]
		at := fmt.Sprintf("$.languages[%d]", i)
		key := strings.ToLower(l.Code)
		switch {
		case !languageCode.MatchString(l.Code):
			errAt(at+".code", "language code %q must be a code such as en, es or pt-BR", l.Code)
		case seen[key]:
			errAt(at+".code", "language %q is listed twice", l.Code)
		case strings.TrimSpace(l.Name) == "":
			errAt(at, "language %q needs a name, written in that language (Español)", l.Code)
		}
		seen[key] = true
		if i > 0 {
			l.prefix = key + "/"
		}
		l.Contacts.validate(at+".contacts", errAt)
		l.Menu.validate(at+".menu", errAt)
		l.Footer.validate(at+".footer", errAt)
		cats := map[string]bool{}
		for _, cat := range c.Consent.Categories {
			cats[cat.ID] = true
		}
		for j, t := range l.Consent {
			at := fmt.Sprintf("%s.consent[%d]", at, j)
			switch {
			case !cats[t.ID]:
				errAt(at+".id", "consent category %q is not one of consent.categories", t.ID)
			case strings.TrimSpace(t.Title) == "" || strings.TrimSpace(t.Description) == "":
				errAt(at, "consent category %q needs a title and a description in %s", t.ID, l.Name)
			}
		}
	}
	return list
}

// Lang returns the language with a code (any case), or false.
func (c *Config) Lang(code string) (Language, bool) {
	for _, l := range c.Languages {
		if strings.EqualFold(l.Code, code) {
			return l, true
		}
	}
	return Language{}, false
}

// Base returns the parsed base URL; its path always ends in a slash.
func (c *Config) Base() *url.URL {
	u := *c.base
	return &u
}

// SetBaseURL overrides base_url, as `build --base-url` and `serve` do. The
// same rules apply: an absolute http(s) address whose path is folders of
// letters, digits, "-", "_", "." and "~" between single slashes, without
// user name, query or fragment (see parseBaseURL). The error starts with
// the address quoted.
func (c *Config) SetBaseURL(raw string) error {
	u, err := parseBaseURL(raw)
	if err != nil {
		return err
	}
	c.base = u
	c.BaseURL = u.String()
	return nil
}

// BasePath is the path part of the base URL, such as "/library/".
func (c *Config) BasePath() string { return c.base.Path }

// NextReview adds the review interval to a date.
func (r Review) NextReview(lastReviewed time.Time) time.Time {
	return lastReviewed.AddDate(r.years, r.months, r.days)
}

// SectionFor returns the schema section a `##` heading opens, if any.
func (c *Config) SectionFor(heading string) (Section, bool) {
	key := strings.ToLower(strings.TrimSpace(heading))
	for _, s := range c.Sections {
		for _, h := range s.Headings {
			if strings.ToLower(h) == key {
				return s, true
			}
		}
	}
	return Section{}, false
}
