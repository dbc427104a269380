package hosting

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// HeaderLine is one header line of a _headers file, with the path
// pattern it is written under.
type HeaderLine struct {
	// Pattern is the path pattern: "/*", "/assets/*", "/search/:shard/*".
	Pattern string
	Header
	// Detach is set for "! Name", which Cloudflare Pages reads as: the
	// paths of Pattern do without the header Name that other rules give
	// them (Value is then empty).
	Detach bool
	// Line is the line number in the file, from 1.
	Line int
}

// LineProblem is a line of a _headers file that the hosts would not read
// as its writer meant.
type LineProblem struct {
	Line    int
	Message string
}

// ParseHeaders reads a _headers file as Netlify and Cloudflare Pages do:
// a line that starts with "/" (or with "https://" or "http://", a whole
// address on Cloudflare Pages) is a path pattern, and each indented line
// under it a header of the paths it matches, "Name: value", or "! Name";
// a line whose first character that is not a space is "#" is a comment,
// and blank lines separate nothing. Problems are the lines that are
// neither, and headers with no pattern above them.
func ParseHeaders(data []byte) ([]HeaderLine, []LineProblem) {
	var lines []HeaderLine
	var problems []LineProblem
	pattern := ""
	for n, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimRight(raw, " \t\r")
		text := strings.TrimLeft(line, " \t")
		number := n + 1
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case len(text) == len(line):
			if !strings.HasPrefix(text, "/") && !strings.HasPrefix(text, "https://") && !strings.HasPrefix(text, "http://") {
				problems = append(problems, LineProblem{number, fmt.Sprintf("%q is not a path: a path starts with / at the start of the line, and its headers follow on indented lines", text)})
				pattern = ""
				continue
			}
			pattern = text
			continue
		case pattern == "":
			problems = append(problems, LineProblem{number, "this header has no path above it: put a path such as /* on the line before, at the start of the line"})
			continue
		}
		if name, detach := strings.CutPrefix(text, "!"); detach {
			lines = append(lines, HeaderLine{Pattern: pattern, Header: Header{Name: strings.TrimSpace(name)}, Detach: true, Line: number})
			continue
		}
		name, value, ok := strings.Cut(text, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(name), " \t") {
			problems = append(problems, LineProblem{number, fmt.Sprintf("%q is not a header: write it as Name: value", text)})
			continue
		}
		lines = append(lines, HeaderLine{Pattern: pattern, Header: Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)}, Line: number})
	}
	return lines, problems
}

// HeadersFor returns the headers that lines give path, as Netlify and
// Cloudflare Pages add them up: the headers of every line whose pattern
// matches, in the file's order, two values of one header joined with
// ", ", less those a matching "! Name" detaches. Header names are
// compared without regard to case, and the first spelling is kept.
func HeadersFor(lines []HeaderLine, path string) []Header {
	var out []Header
	var detached []string
	for _, l := range lines {
		if !matchPattern(l.Pattern, path) {
			continue
		}
		if l.Detach {
			detached = append(detached, strings.ToLower(l.Name))
			continue
		}
		if i := slices.IndexFunc(out, func(h Header) bool { return strings.EqualFold(h.Name, l.Name) }); i >= 0 {
			out[i].Value += ", " + l.Value
			continue
		}
		out = append(out, l.Header)
	}
	return slices.DeleteFunc(out, func(h Header) bool { return slices.Contains(detached, strings.ToLower(h.Name)) })
}

// MergeHeaders returns the _headers file to publish for a site with a
// _headers of its own (own: static/_headers): own as written, then
// HeadersFile less every header that own sets, or detaches, for the same
// path pattern. Since the hosts add up every rule a path matches, two
// lines would both be sent (two Content-Security-Policy headers are both
// enforced): leaving the generated one out lets the site's line win.
// replaced are own's lines that took the place of a generated one;
// problems the lines of own that the hosts would not read as meant.
func (r *Rules) MergeHeaders(own []byte) (file []byte, replaced []HeaderLine, problems []LineProblem) {
	ownLines, problems := ParseHeaders(own)
	generated := r.headerLines()
	var left []string
	for _, o := range ownLines {
		for _, g := range generated {
			if g.Pattern == o.Pattern && strings.EqualFold(g.Name, o.Name) {
				replaced = append(replaced, o)
				left = append(left, g.Name+" for "+g.Pattern)
				break
			}
		}
	}
	out := bytes.Clone(own)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	if len(out) > 0 {
		out = append(out, "\n# The rules above are the site's own (static/_headers).\n"...)
	}
	if len(left) > 0 {
		out = append(out, "# The site's own rules replace the build's "+strings.Join(left, ", ")+".\n"...)
	}
	skip := func(pattern, name string) bool {
		return slices.ContainsFunc(replaced, func(o HeaderLine) bool { return o.Pattern == pattern && strings.EqualFold(o.Name, name) })
	}
	return append(out, r.headersFile(skip)...), replaced, problems
}

// headerLines are the lines HeadersFile writes: the security headers for
// every path under the base path, and Cache-Control for fingerprinted
// files.
func (r *Rules) headerLines() []HeaderLine {
	var lines []HeaderLine
	for _, h := range r.Security {
		lines = append(lines, HeaderLine{Pattern: r.BasePath + "*", Header: h})
	}
	for _, p := range r.Fingerprinted {
		lines = append(lines, HeaderLine{Pattern: p, Header: Header{"Cache-Control", Immutable}})
	}
	return lines
}
