// Package slug makes and checks the address parts handout writes: slugs for
// documents and heading anchors, and file paths safe on every static host.
package slug

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// MaxLen is the longest slug written by hand (`slug:`) or made from a tag:
// far below the 255 bytes a file system allows a folder name.
const MaxLen = 100

// Valid reports whether s is a slug handout accepts: lower-case ASCII
// letters and digits in words joined by single hyphens, at most MaxLen
// long. Such slugs are safe in a URL and a file name on every host, and
// cannot climb out of public/.
func Valid(s string) bool { return len(s) <= MaxLen && slugPattern.MatchString(s) }

// Make makes a slug from a title or file name: accents are dropped
// ("Café" gives "cafe"), anything that is not a letter or digit becomes a
// hyphen, and the result is lower case. It may return "" for a name with no
// letters or digits at all.
func Make(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '\u2019':
			// "Parkinson's" gives "parkinsons", not "parkinson-s".
		default:
			hyphen = true
		}
	}
	return b.String()
}

// Fold returns s in lower case without accents ("Café" gives "cafe"): the
// form in which names are compared and sorted.
func Fold(s string) string {
	if IsASCII(s) {
		return strings.ToLower(s)
	}
	if folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s); err == nil {
		s = folded
	}
	return strings.ToLower(s)
}

// SafePath reports whether a static file's path is safe to publish
// as is: relative, no "..", and only characters that need no quoting in a
// URL on any common host.
func SafePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
		for _, r := range part {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r)) {
				return false
			}
		}
	}
	return true
}

// IsASCII reports whether s holds only ASCII characters, for which
// folding is lowering.
func IsASCII[T ~string | ~[]byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
