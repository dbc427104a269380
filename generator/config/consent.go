package config

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/yamlutil"
)

// ConsentCookie is the name of the first-party cookie that holds a
// visitor's consent choice; consent.js and the cookie policy page
// (layouts/cookies.html) write the same name.
const ConsentCookie = "handout_consent"

// DefaultVideoCategory is the consent category videos wait for when
// consent.videos names none: what a video player sets serves its
// provider's advertising.
const DefaultVideoCategory = "marketing"

// VideoCategories gives the consent category each video provider's
// players wait for, by provider ("youtube", "vimeo").
func (c Consent) VideoCategories() map[string]string {
	out := map[string]string{"youtube": c.Videos.YouTube, "vimeo": c.Videos.Vimeo}
	for p, cat := range out {
		if cat == "" {
			out[p] = DefaultVideoCategory
		}
	}
	return out
}

// HasCategory reports whether id is one of the consent categories.
func (c Consent) HasCategory(id string) bool {
	for _, cat := range c.Categories {
		if cat.ID == id {
			return true
		}
	}
	return false
}

// validateConsent checks consent: its categories, their cookie patterns,
// the scripts they gate and the allowed origins, which it writes as bare
// lower-case origins.
func (c *Config) validateConsent(file *ast.File) diag.List {
	var list diag.List
	errAt := func(path, format string, args ...any) {
		line, col := yamlutil.Locate(file, path)
		list = append(list, diag.Errorf(FileName, line, col, format, args...))
	}
	if c.Consent.ExpiresDays <= 0 {
		errAt("$.consent.expires_days", "expires_days must be above 0")
	}
	if c.Consent.Version < 1 {
		errAt("$.consent.version", "consent version must be 1 or more")
	}
	cats := map[string]bool{}
	for i, cat := range c.Consent.Categories {
		at := fmt.Sprintf("$.consent.categories[%d]", i)
		switch {
		case !idPattern.MatchString(cat.ID):
			errAt(at, "consent category id %q must be lower-case letters, digits and hyphens", cat.ID)
		case cat.ID == "essential":
			errAt(at, "essential cookies need no consent and no category")
		case cats[cat.ID]:
			errAt(at, "consent category %q is listed twice", cat.ID)
		case strings.TrimSpace(cat.Title) == "" || strings.TrimSpace(cat.Description) == "":
			errAt(at, "consent category %q needs a title and a description in plain words", cat.ID)
		}
		cats[cat.ID] = true
		for j, pattern := range cat.Cookies {
			if err := checkCookiePattern(pattern); err != nil {
				errAt(fmt.Sprintf("%s.cookies[%d]", at, j), "cookie pattern %q %v", pattern, err)
			}
		}
	}
	for i, s := range c.Consent.Scripts {
		at := fmt.Sprintf("$.consent.scripts[%d]", i)
		if !cats[s.Category] {
			errAt(at, "script category %q is not one of consent.categories", s.Category)
		}
		if err := checkScriptSrc(s.Src); err != nil {
			errAt(at+".src", "script src %v", err)
		}
	}
	for _, v := range []struct{ provider, category string }{{"youtube", c.Consent.Videos.YouTube}, {"vimeo", c.Consent.Videos.Vimeo}} {
		if v.category != "" && !cats[v.category] {
			errAt("$.consent.videos."+v.provider, "consent.videos.%s names %q, which is not one of consent.categories: name the category visitors allow videos with, such as marketing", v.provider, v.category)
		}
	}
	for i, o := range c.Consent.AllowedOrigins {
		origin, err := parseOrigin(o)
		if err != nil {
			errAt(fmt.Sprintf("$.consent.allowed_origins[%d]", i), "allowed origin %v", err)
		}
		c.Consent.AllowedOrigins[i] = origin
	}
	return list
}

// checkCookiePattern says what is wrong with a pattern of a category's
// cookies: a cookie name, or a prefix followed by one "*", that cannot
// match the consent record. consent.js deletes the cookies that match on
// every page until their category is accepted.
func checkCookiePattern(pattern string) error {
	prefix, wildcard := strings.CutSuffix(pattern, "*")
	switch {
	case pattern == "":
		return errors.New("is empty: write a cookie name such as _ga, or a prefix and * such as _pk_*")
	case prefix == "":
		return fmt.Errorf("would delete every cookie, the consent record %s with them, so that \"Reject all\" is forgotten on the next page: list the category's own cookies, such as _ga or _pk_*", ConsentCookie)
	case strings.Contains(prefix, "*"):
		return errors.New("may have one * only, at the end, for every cookie whose name starts with what comes before it (such as _pk_*)")
	}
	for _, r := range prefix {
		if !cookieNameRune(r) {
			return fmt.Errorf("cannot hold %q: a cookie name is letters, digits and !#$%%&'+-.^_`|~", r)
		}
	}
	if pattern == ConsentCookie || wildcard && strings.HasPrefix(ConsentCookie, prefix) {
		return fmt.Errorf("would delete the consent record %s, so that every visitor's choice is forgotten on the next page: list the category's own cookies", ConsentCookie)
	}
	return nil
}

// cookieNameRune reports whether r may be part of a cookie name: a token
// character of RFC 6265 (printable ASCII but separators); "*" is left out,
// since a pattern uses it as the wildcard.
func cookieNameRune(r rune) bool {
	return r > ' ' && r < 0x7f && !strings.ContainsRune(`()<>@,;:\"/[]?={}*`, r)
}
