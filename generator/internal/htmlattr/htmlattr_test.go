package htmlattr

import (
	"slices"
	"testing"
)

func TestRunsScript(t *testing.T) {
	for _, tc := range []struct {
		element, key, value string
		bad                 bool
	}{
		{"a", "href", "https://www.nhs.uk/", false},
		{"a", "href", "/library/about/", false},
		{"a", "href", "JavaScript:alert(1)", true},
		{"a", "href", " java\tscript:alert(1)", true},
		{"a", "href", "vbscript:msgbox", true},
		{"a", "href", "data:text/html,<script>x</script>", true},
		{"a", "href", "data:image/svg+xml,<svg onload=x>", true},
		{"a", "href", "data:image/png;base64,AA==", false},
		{"img", "src", "data:image/svg+xml,<svg/>", false},
		{"img", "src", "data:text/html,x", true},
		{"img", "srcset", "a.png 1x, javascript:x 2x", true},
		{"iframe", "src", "data:image/png;base64,AA==", false},
		{"iframe", "src", "data:text/html,x", true},
		{"iframe", "data-src", "javascript:alert(1)", true},
		{"form", "action", "javascript:x", true},
		{"image", "href", "data:image/svg+xml,<svg/>", false},
		{"use", "href", "data:image/svg+xml,<svg/>", true},
	} {
		_, _, bad := RunsScript(tc.element, tc.key, tc.value)
		if bad != tc.bad {
			t.Errorf("RunsScript(%s %s=%q) = %v, want %v", tc.element, tc.key, tc.value, bad, tc.bad)
		}
	}
}

func TestAttributes(t *testing.T) {
	if got := Addresses("srcset", " a.png 1x,b.png  2x , ,c.png"); !slices.Equal(got, []string{"a.png", "b.png", "c.png"}) {
		t.Errorf("Addresses(srcset) = %q", got)
	}
	if got := Addresses("src", " a b "); !slices.Equal(got, []string{" a b "}) {
		t.Errorf("Addresses(src) = %q", got)
	}
	for key, want := range map[string]bool{"onerror": true, "onload": true, "on": false, "one": true, "online": true, "class": false} {
		if IsHandler(key) != want {
			t.Errorf("IsHandler(%q) = %v", key, !want)
		}
	}
	for name, want := range map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "noscript": true, "plaintext": true, "div": false, "svg": false} {
		if HoldsText(name) != want {
			t.Errorf("HoldsText(%q) = %v", name, !want)
		}
	}
}
