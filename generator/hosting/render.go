package hosting

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// HeadersFile writes the rules as a _headers file, which Netlify and
// Cloudflare Pages read from the top of the published folder. Both hosts
// add up the headers of every rule a path matches, joining two values of
// one header with a comma, so Cache-Control appears only in the rules of
// fingerprinted files; everything else keeps both hosts' default,
// "public, max-age=0, must-revalidate", which revalidates as Revalidate
// does. The 404 pages need no line: Cloudflare Pages serves the nearest
// 404.html up the path, and Netlify serves the top one (a per-language
// one takes a _redirects line, see docs/deploy.md).
func (r *Rules) HeadersFile() string { return string(r.headersFile(nil)) }

// headersFile writes HeadersFile without the headers skip names (nil:
// none), and without a pattern left with none.
func (r *Rules) headersFile(skip func(pattern, name string) bool) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Response headers for %s%s\n", r.Origin, r.BasePath)
	b.WriteString("# on Netlify and Cloudflare Pages, written by handout from site.yaml.\n")
	b.WriteString("# Files not named below keep the host's Cache-Control, which has\n")
	b.WriteString("# browsers ask again on every visit.\n")
	lines := r.headerLines()
	if skip != nil {
		lines = slices.DeleteFunc(lines, func(l HeaderLine) bool { return skip(l.Pattern, l.Name) })
	}
	fingerprinted := false
	for i, l := range lines {
		if !fingerprinted && l.Pattern != r.BasePath+"*" {
			fingerprinted = true
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("# Fingerprinted: the name changes whenever the bytes do.\n")
		}
		if i == 0 || l.Pattern != lines[i-1].Pattern {
			fmt.Fprintf(&b, "%s\n", l.Pattern)
		}
		fmt.Fprintf(&b, "  %s: %s\n", l.Name, l.Value)
	}
	return b.Bytes()
}

// Nginx writes the rules as location blocks, to include in the server
// block whose root serves public/ at the base URL's path. nginx drops the
// add_header lines of a server block in a location with add_header lines
// of its own, so every location repeats them all. The security headers
// are sent with every status ("always"), Cache-Control only with
// successful ones: a 404 must not be kept for a year.
func (r *Rules) Nginx() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Response headers and 404 pages for %s%s,\n", r.Origin, r.BasePath)
	b.WriteString("# written by handout from site.yaml. Include this file in the server\n")
	b.WriteString("# block that serves public/; a location added there needs these\n")
	b.WriteString("# add_header lines too.\n")
	for _, nf := range r.NotFound {
		fmt.Fprintf(&b, "\nlocation %s {\n    error_page 404 %s;\n", nf.Prefix, nf.Page)
		r.nginxHeaders(&b, Revalidate)
		b.WriteString("}\n")
	}
	b.WriteString("\n# Fingerprinted: the name changes whenever the bytes do.\n")
	fmt.Fprintf(&b, "location ~ %s {\n", patternRegexp(r.BasePath, r.Fingerprinted))
	r.nginxHeaders(&b, Immutable)
	b.WriteString("}\n")
	return b.String()
}

func (r *Rules) nginxHeaders(b *strings.Builder, cache string) {
	for _, h := range r.Security {
		fmt.Fprintf(b, "    add_header %s \"%s\" always;\n", h.Name, h.Value)
	}
	fmt.Fprintf(b, "    add_header Cache-Control \"%s\";\n", cache)
}

// Apache writes the rules as lines for public/.htaccess (or the
// <Directory> block of public/), which need mod_headers (a2enmod headers).
// A <FilesMatch> sees only a file's name, not its folder, so the
// fingerprinted paths are matched in an <If> on the request's path, which
// Apache applies after the lines around it: its Cache-Control wins.
func (r *Rules) Apache() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Response headers and 404 pages for %s%s,\n", r.Origin, r.BasePath)
	b.WriteString("# written by handout from site.yaml, for public/.htaccess (mod_headers:\n")
	b.WriteString("# a2enmod headers).\n")
	for i, nf := range r.NotFound {
		if i == 0 {
			fmt.Fprintf(&b, "ErrorDocument 404 %s\n", nf.Page)
			continue
		}
		fmt.Fprintf(&b, "<If \"%%{REQUEST_URI} =~ m#^%s#\">\n    ErrorDocument 404 %s\n</If>\n", regexp.QuoteMeta(nf.Prefix), nf.Page)
	}
	for _, h := range r.Security {
		fmt.Fprintf(&b, "Header always set %s \"%s\"\n", h.Name, h.Value)
	}
	fmt.Fprintf(&b, "Header set Cache-Control \"%s\"\n", Revalidate)
	b.WriteString("# Fingerprinted: the name changes whenever the bytes do.\n")
	fmt.Fprintf(&b, "<If \"%%{REQUEST_URI} =~ m#%s#\">\n", patternRegexp(r.BasePath, r.Fingerprinted))
	fmt.Fprintf(&b, "    Header set Cache-Control \"%s\"\n</If>\n", Immutable)
	return b.String()
}
