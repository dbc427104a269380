package hosting

import (
	"net/url"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/config"
)

// ContentSecurityPolicy is the policy every response is served with. It
// starts from nothing (default-src 'none') and allows what the theme
// loads, from the site itself: its scripts and stylesheets (never inline
// ones: the theme has none, and gated inline code is the one thing it
// blocks), images (and data: images), fonts, the search index it fetches and
// the web app manifest. Beyond the site it allows
//
//   - script-src: the origins of consent.scripts, which consent.js adds
//     once their category is accepted;
//   - img-src: consent.allowed_origins, the origins trusted as essential
//     (a clinic's image CDN);
//   - frame-src: consent.allowed_origins (a booking widget) and, with
//     Options.Videos, the video players (VideoOrigins); 'none' otherwise.
//
// It also refuses a <base> element, forms that post elsewhere, framing by
// other sites (clickjacking) and plug-ins. A gated element of the site's
// content that loads from another origin (a tracking pixel, a map frame)
// is blocked by the policy even once allowed: serve it from an allowed
// origin or the site itself.
func ContentSecurityPolicy(cfg *config.Config, opts Options) string {
	site := cfg.Base().Host
	scripts := []string{"'self'"}
	for _, s := range cfg.Consent.Scripts {
		if o := originOf(s.Src); o != "" && !sameHost(o, site) {
			scripts = append(scripts, o)
		}
	}
	images := append([]string{"'self'", "data:"}, cfg.Consent.AllowedOrigins...)
	frames := slices.Clone(cfg.Consent.AllowedOrigins)
	if opts.Videos {
		frames = append(frames, VideoOrigins...)
	}
	if len(frames) == 0 {
		frames = []string{"'none'"}
	}
	directives := []struct {
		name    string
		sources []string
	}{
		{"default-src", []string{"'none'"}},
		{"script-src", scripts},
		{"style-src", []string{"'self'"}},
		{"img-src", images},
		{"font-src", []string{"'self'"}},
		{"connect-src", []string{"'self'"}},
		{"manifest-src", []string{"'self'"}},
		{"frame-src", frames},
		{"base-uri", []string{"'none'"}},
		{"form-action", []string{"'self'"}},
		{"frame-ancestors", []string{"'self'"}},
		{"object-src", []string{"'none'"}},
	}
	parts := make([]string, len(directives))
	for i, d := range directives {
		parts[i] = d.name + " " + strings.Join(unique(d.sources), " ")
	}
	return strings.Join(parts, "; ")
}

// originOf is the origin of an absolute http(s) address ("" for a site
// address such as js/stats.js), in lower case.
func originOf(address string) string {
	u, err := url.Parse(address)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Scheme + "://" + u.Host)
}

// sameHost reports whether an origin is the site's host (and port) over
// either scheme, which 'self' covers.
func sameHost(origin, host string) bool {
	_, h, _ := strings.Cut(origin, "://")
	return strings.EqualFold(h, host)
}

// unique keeps the first of each source, in order.
func unique(sources []string) []string {
	var out []string
	for _, s := range sources {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
