package render

import (
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/templates"
)

// TestWords: the words of the Markdown converter are the theme's, in the
// page's language with its fallbacks, with a site's overrides key by key;
// a broken site file is left out (Load reports it), and an unknown key
// comes back as itself.
func TestWords(t *testing.T) {
	site := fstest.MapFS{
		"i18n/es.yaml":    {Data: []byte("callout.warning: Cuidado\n")},
		"i18n/en.yaml":    {Data: []byte("callout.note: [broken\n")},
		"i18n/.swap.yaml": {Data: []byte("callout.tip: Never\n")},
	}
	for _, tc := range []struct {
		overrides fstest.MapFS
		lang, key string
		args      []any
		want      string
	}{
		{nil, "en", "callout.warning", nil, "Warning"},
		{nil, "en-GB", "callout.call", []any{"999"}, "Call 999"},
		{nil, "es", "callout.call", []any{"911"}, "Llame al 911"},
		{nil, "es-MX", "callout.emergency", nil, "Emergencia"},
		{nil, "fr", "callout.note", nil, "Note"},
		{site, "es", "callout.warning", nil, "Cuidado"},
		{site, "es", "callout.note", nil, "Nota"},
		{site, "en", "callout.note", nil, "Note"},
		{site, "en", "callout.tip", nil, "Tip"},
		{nil, "en", "callout.nothing", nil, "callout.nothing"},
	} {
		var words func(string, ...any) string
		if tc.overrides == nil {
			words = Words(templates.FS, nil, tc.lang)
		} else {
			words = Words(templates.FS, tc.overrides, tc.lang)
		}
		if got := words(tc.key, tc.args...); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}
