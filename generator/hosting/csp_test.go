package hosting

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/internal/browsertest"
)

// TestTestedPolicyIsNoLooser: the policy the theme is tested under
// (browsertest.StrictCSP, served by the consent browser tests) allows
// nothing that the policy a host is told to send forbids, for a bare site,
// the sample site and a site with consent scripts, allowed origins and
// videos. So whatever the theme does under test, it may do in production.
// The policy the tests used before issue 22 is the control: it left
// images, fonts, fetches and frames open, and is judged looser.
func TestTestedPolicyIsNoLooser(t *testing.T) {
	configs := map[string]*config.Config{
		"title only":  parseConfig(t, "title: A clinic\n"),
		"sample site": sampleConfig(t),
		"consent":     parseConfig(t, goldenSiteYAML(t, "testdata/subpath.txtar")),
	}
	for name, cfg := range configs {
		for _, opts := range []Options{{}, {Videos: true}} {
			generated := ContentSecurityPolicy(cfg, opts)
			if looser := loosenings(browsertest.StrictCSP, generated); len(looser) > 0 {
				t.Errorf("%s, %+v: the tested policy allows what production forbids: %s\ntested:    %s\ngenerated: %s", name, opts, strings.Join(looser, "; "), browsertest.StrictCSP, generated)
			}
		}
	}
	before := "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"
	got := loosenings(before, ContentSecurityPolicy(configs["title only"], Options{}))
	want := []string{"img-src: anything", "font-src: anything", "connect-src: anything", "frame-src: anything", "media-src: anything", "manifest-src: anything", "worker-src: anything", "form-action: anything", "frame-ancestors: anything"}
	if !slices.Equal(got, want) {
		t.Errorf("the policy before issue 22 is looser in %q, want %q", got, want)
	}
}

// directives are those whose sources loosenings compares. The fetch
// directives fall back to default-src when absent; the others allow
// anything when absent.
var (
	fetchDirectives = []string{"script-src", "style-src", "img-src", "font-src", "connect-src", "frame-src", "media-src", "manifest-src", "worker-src", "object-src"}
	otherDirectives = []string{"base-uri", "form-action", "frame-ancestors"}
)

// loosenings lists what policy a allows that policy b does not, a
// directive at a time: "img-src: https://cdn.example", or "img-src:
// anything" when a leaves it open and b does not. It compares source
// expressions as written, which is strict: 'self' is not taken to cover
// the site's own origin written out.
func loosenings(a, b string) []string {
	pa, pb := parsePolicy(a), parsePolicy(b)
	var out []string
	compare := func(d string, fallback bool) {
		sa, openA := pa.sources(d, fallback)
		sb, openB := pb.sources(d, fallback)
		switch {
		case openA && !openB:
			out = append(out, d+": anything")
		case openB:
		default:
			for _, s := range sa {
				if !slices.Contains(sb, s) {
					out = append(out, d+": "+s)
				}
			}
		}
	}
	for _, d := range fetchDirectives {
		compare(d, true)
	}
	for _, d := range otherDirectives {
		compare(d, false)
	}
	return out
}

type policy map[string][]string

func parsePolicy(csp string) policy {
	p := policy{}
	for _, directive := range strings.Split(csp, ";") {
		fields := strings.Fields(directive)
		if len(fields) == 0 {
			continue
		}
		name := strings.ToLower(fields[0])
		if _, dup := p[name]; !dup { // browsers obey the first
			p[name] = slices.DeleteFunc(fields[1:], func(s string) bool { return s == "'none'" })
		}
	}
	return p
}

// sources are what directive d allows; open is true when it allows
// anything (absent, with no default-src to fall back on).
func (p policy) sources(d string, fallback bool) (sources []string, open bool) {
	if s, ok := p[d]; ok {
		return s, slices.Contains(s, "*")
	}
	if s, ok := p["default-src"]; ok && fallback {
		return s, slices.Contains(s, "*")
	}
	return nil, true
}

func sampleConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, list := config.Load(os.DirFS("../.."))
	if list.HasErrors() {
		t.Fatalf("the sample site.yaml: %v", list)
	}
	return cfg
}
