package site

import (
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/hosting"
)

// headersFile is the file of response headers that Netlify and
// Cloudflare Pages read; handout serve sends what it says.
const headersFile = "_headers"

// hostingRules are what the site's host is told to send (package
// hosting): the one place where the site's configuration becomes them.
func (s *Site) hostingRules() *hosting.Rules {
	// The video players' frames are let in (frame-src) only when a page
	// plays a video: a site without videos keeps frame-src 'none'.
	return hosting.For(s.Config, hosting.Options{Videos: s.UsesVideos()})
}

// headers returns the _headers file: the site's own lines (from
// static/_headers) first, then the rules the build makes, less each
// header the site sets for the same path pattern, with a warning at the
// site's line (see hosting.Rules.MergeHeaders).
func (s *Site) headers(own []byte) ([]byte, diag.List) {
	file, replaced, problems := s.hostingRules().MergeHeaders(own)
	const at = content.StaticDir + "/" + headersFile
	var list diag.List
	for _, p := range problems {
		list = append(list, diag.Warnf(at, p.Line, 1, "%s; hosts skip this line", p.Message))
	}
	for _, l := range replaced {
		what := "replaces"
		if l.Detach {
			what = "removes"
		}
		list = append(list, diag.Warnf(at, l.Line, 1, "this line %s the %s that the build writes for %s from site.yaml, which is left out of public/_headers: remove the line to send the build's", what, l.Name, l.Pattern))
	}
	return file, list
}
