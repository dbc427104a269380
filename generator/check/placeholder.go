package check

import (
	"net/url"
	"strings"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/scaffold"
	"github.com/handout-health/handout/generator/site"
)

// placeholders reports, as errors, a reviewer or source that is still a
// placeholder: what handout new and init write (package scaffold's
// placeholders), the example check's own messages give, a marker such
// as TODO, or a name in brackets ("<name>", "[reviewer]"); a source
// address on a domain reserved for examples (example.org, *.example) or
// on this computer. A page that says it was reviewed by "Your reviewer's
// name", or cites "Name of a public health source", must not reach a
// patient.
func placeholders(d *site.Doc) diag.List {
	var list diag.List
	if isPlaceholder(d.ReviewedBy, reviewerPlaceholders) {
		list = append(list, diag.Errorf(d.Path, d.KeyLine("reviewed_by"), 1,
			"reviewed_by %q is a placeholder: name the clinician who reviewed this article, as reviewed_by: \"A. Clinician, PharmD\"", d.ReviewedBy).WithRule(diag.RulePlaceholder))
	}
	for _, src := range d.Sources {
		line := src.Line
		if line == 0 {
			line = d.KeyLine("sources")
		}
		switch {
		case isPlaceholder(src.Title, sourcePlaceholders):
			list = append(list, diag.Errorf(d.Path, line, 1, "source title %q is a placeholder: give the title of the evidence this article rests on", src.Title).WithRule(diag.RulePlaceholder))
		case exampleAddress(src.URL):
			list = append(list, diag.Errorf(d.Path, line, 1, "source url %s is a placeholder (an address for examples): give the address of the evidence this article rests on", src.URL).WithRule(diag.RulePlaceholder))
		}
	}
	return list
}

// reviewerPlaceholders and sourcePlaceholders are placeholders as
// written by handout, folded (see fold).
var (
	reviewerPlaceholders = []string{fold(scaffold.ReviewerPlaceholder), "a. clinician, pharmd", "a. clinician", "reviewer", "reviewer's name", "name"}
	sourcePlaceholders   = []string{fold(scaffold.SourceTitlePlaceholder), "source", "title"}
)

// placeholderMarkers are words an editor writes to mean "to be filled in".
var placeholderMarkers = []string{"todo", "tbd", "tbc", "fixme", "xxx"}

// isPlaceholder reports whether s is one of known, holds a marker such as
// TODO, or is wholly in brackets.
func isPlaceholder(s string, known []string) bool {
	f := fold(s)
	if f == "" {
		return false
	}
	for _, k := range known {
		if f == k {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		for _, m := range placeholderMarkers {
			if w == m {
				return true
			}
		}
	}
	if strings.Contains(f, "lorem ipsum") {
		return true
	}
	for _, pair := range []string{"<>", "[]", "{}"} {
		if strings.HasPrefix(f, pair[:1]) && strings.HasSuffix(f, pair[1:]) {
			return true
		}
	}
	return false
}

// fold lower-cases s, trims it and writes its apostrophes as one.
func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "’", "'")
}

// exampleAddress reports whether raw is on a domain reserved for examples
// (RFC 2606 and 6761: example.com, .net, .org and the .example, .test,
// .invalid and .localhost domains) or on this computer.
func exampleAddress(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	for _, d := range []string{"example.com", "example.net", "example.org"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	for _, tld := range []string{".example", ".test", ".invalid", ".localhost"} {
		if strings.HasSuffix("."+host, tld) {
			return true
		}
	}
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}
