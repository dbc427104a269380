// Package templates embeds handout's default theme:
//
//	layouts/   one template per page kind (article.html, term.html, ...)
//	           plus base.html, the frame every page shares
//	partials/  pieces included by the layouts (header, footer, ...)
//	assets/    CSS and JavaScript, written fingerprinted under assets/
//	i18n/      every word the theme shows, one file per language (en.yaml,
//	           es.yaml); en.yaml lists the keys and their conventions
//
// A site overrides any of these files by putting a file of the same path
// in its own templates/ folder; a string file of i18n/ is merged with the
// theme's key by key instead. See package render for the data and
// functions the templates use.
package templates

import "embed"

// FS holds the default theme.
//
//go:embed layouts partials assets i18n
var FS embed.FS
