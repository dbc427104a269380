package hosting

import (
	"regexp"
	"strings"
)

// matchPattern reports whether a URL path matches a _headers path
// pattern, as Netlify and Cloudflare Pages read one: characters match
// themselves, "*" matches any run of characters, "/" included, and a
// segment ":name" matches any one segment that is not empty. The
// patterns of Rules.Fingerprinted are of this kind, with "*" last.
func matchPattern(pattern, path string) bool { return matchFrom(pattern, 0, path) }

// matchFrom matches pattern[i:] against path.
func matchFrom(pattern string, i int, path string) bool {
	for i < len(pattern) {
		switch c := pattern[i]; {
		case c == '*':
			for j := len(path); j >= 0; j-- {
				if matchFrom(pattern, i+1, path[j:]) {
					return true
				}
			}
			return false
		case c == ':' && i > 0 && pattern[i-1] == '/' && placeholderAt(pattern[i:]):
			i += segmentEnd(pattern[i:])
			end := segmentEnd(path)
			if end == 0 {
				return false
			}
			path = path[end:]
		case path == "" || path[0] != c:
			return false
		default:
			i, path = i+1, path[1:]
		}
	}
	return path == ""
}

// placeholderAt reports whether rest, a pattern's rest that starts with
// ":", is a placeholder: a name of letters, digits or "_" running to the
// segment's end.
func placeholderAt(rest string) bool {
	name := rest[1:segmentEnd(rest)]
	return name != "" && !strings.ContainsFunc(name, func(r rune) bool {
		return !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	})
}

// segmentEnd is where the first segment of s ends: its first "/", or its
// end.
func segmentEnd(s string) int {
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return i
	}
	return len(s)
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
