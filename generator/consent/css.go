package consent

import (
	"regexp"

	"github.com/handout-health/handout/generator/diag"
)

// cssAddress matches the addresses a stylesheet makes the browser fetch:
// url(...) (fonts, images) and @import "...".
var cssAddress = regexp.MustCompile(`(?i)url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)`)

// CheckCSS reports the third-party addresses of a stylesheet (a web font
// from a font service, an @import, a background image): a stylesheet
// cannot wait for consent, so the file must be hosted with the site or its
// origin listed in consent.allowed_origins.
func (r *Rules) CheckCSS(path string, src []byte) diag.List {
	lines := diag.NewLines(src)
	var list diag.List
	for _, m := range cssAddress.FindAllSubmatchIndex(src, -1) {
		start, end := m[2], m[3]
		if start < 0 {
			start, end = m[4], m[5]
		}
		u := string(src[start:end])
		if origin, third := r.thirdParty(u); third {
			line, col := lines.Position(m[0])
			list = append(list, diag.Errorf(path, line, col,
				"stylesheet loads third-party %s before consent (a stylesheet cannot be gated): host the file with the site or, if it is essential and does not track, list %s in consent.allowed_origins", u, origin).WithRule(Rule))
		}
	}
	return list
}
