package hosting

import (
	"regexp"
	"strings"
)

// matchPattern reports whether a URL path matches a pattern of
// Rules.Fingerprinted: literal segments, ":name" for one non-empty
// segment, and a last "*" for whatever follows, as Netlify and Cloudflare
// Pages read _headers.
func matchPattern(pattern, path string) bool {
	pat, rest := strings.Split(pattern, "/"), strings.Split(path, "/")
	for i, seg := range pat {
		switch {
		case i >= len(rest):
			return false
		case seg == "*" && i == len(pat)-1:
			return true
		case strings.HasPrefix(seg, ":"):
			if rest[i] == "" {
				return false
			}
		case seg != rest[i]:
			return false
		}
	}
	return len(pat) == len(rest)
}

// patternRegexp writes patterns, which all start with base, as one
// regular expression over the URL path, for nginx and Apache, which match
// by PCRE: base, then the patterns' rests as alternatives, their literal
// segments quoted, ":name" as [^/]+ and a final "*" as nothing (the
// expression is anchored only at the start).
func patternRegexp(base string, patterns []string) string {
	alternatives := make([]string, len(patterns))
	for i, p := range patterns {
		segs := strings.Split(strings.TrimSuffix(strings.TrimPrefix(p, base), "*"), "/")
		for j, seg := range segs {
			if strings.HasPrefix(seg, ":") {
				segs[j] = "[^/]+"
			} else {
				segs[j] = regexp.QuoteMeta(seg)
			}
		}
		alternatives[i] = strings.Join(segs, "/")
	}
	return "^" + regexp.QuoteMeta(base) + "(?:" + strings.Join(alternatives, "|") + ")"
}
