package weburl

import (
	"testing"

	whatwg "github.com/nlnwa/whatwg-url/url"
)

func TestThirdParty(t *testing.T) {
	j := NewJudge("https://clinic.example/library/", []string{"https://cdn.clinic.example"})
	for _, tc := range []struct {
		ref, origin string
	}{
		{"/library/a.png", ""},
		{"a.png", ""},
		{"../../../../a.png", ""},
		{"#top", ""},
		{"?q=1", ""},
		{"", ""},
		{"img/a:b.png", ""},
		{"https://clinic.example/a", ""},
		{"http://clinic.example/a", ""},
		{"HTTPS://CLINIC.EXAMPLE/a", ""},
		{"https://clinic.example:443/a", ""},
		{"//clinic.example/a", ""},
		{"https://cdn.clinic.example/a.css", ""},
		{"//cdn.clinic.example/a.css", ""},
		{"http://cdn.clinic.example/a.css", ""},
		{"data:image/png;base64,AA==", ""},
		{"about:blank", ""},
		{"javascript:alert(1)", ""},
		{"mailto:a@clinic.example", ""},
		{"https://clinic.example:8443/a", "https://clinic.example:8443"},
		{"https://tracker.example/p.gif", "https://tracker.example"},
		{"//tracker.example/p.gif", "https://tracker.example"},
		{"http:tracker.example/p.gif", "http://tracker.example"},
		{"http:/tracker.example/p.gif", "http://tracker.example"},
		{"HTTP:tracker.example/p.gif", "http://tracker.example"},
		{"https:tracker.example/p.gif", "https://tracker.example"},
		{`https:\\tracker.example/p.gif`, "https://tracker.example"},
		{`\\tracker.example/p.gif`, "https://tracker.example"},
		{`/\tracker.example/p.gif`, "https://tracker.example"},
		{"/\t/tracker.example/p.gif", "https://tracker.example"},
		{" //tracker.example/p.gif", "https://tracker.example"},
		{"\x01\x02https://tracker.example/", "https://tracker.example"},
		{"ht\ntps://tracker.example/", "https://tracker.example"},
		{"https://clinic.example@tracker.example/", "https://tracker.example"},
		{"https://clinic.example.tracker.example/", "https://clinic.example.tracker.example"},
		{"https://tr%61cker.example/", "https://tracker.example"},
		{"https://TRACKER.example./", "https://tracker.example."},
		{"http://0x7f.1/", "http://127.0.0.1"},
		{"http://[::1]:8080/", "http://[::1]:8080"},
		{"wss://tracker.example/socket", "wss://tracker.example"},
		{"https://ｔｒａｃｋｅｒ.example/", "https://tracker.example"},
		{"https://", ""},
	} {
		origin, third := j.ThirdParty(tc.ref)
		if origin != tc.origin || third != (tc.origin != "") {
			t.Errorf("ThirdParty(%q) = %q, %v; want %q", tc.ref, origin, third, tc.origin)
		}
	}
}

func TestTrustedOverBothSchemes(t *testing.T) {
	j := NewJudge("http://localhost:1313/", nil)
	for ref, want := range map[string]bool{
		"http://localhost:1313/a": false, "https://localhost:1313/a": false, "//localhost:1313/a": false,
		"http://localhost/a": true, "http://localhost:1314/a": true,
	} {
		if _, third := j.ThirdParty(ref); third != want {
			t.Errorf("ThirdParty(%q) third = %v, want %v", ref, third, want)
		}
	}
}

func TestRunsScriptAndData(t *testing.T) {
	for _, tc := range []struct {
		ref               string
		script, data, img bool
	}{
		{"javascript:alert(1)", true, false, false},
		{"JaVaScRiPt:alert(1)", true, false, false},
		{" javascript:x", true, false, false},
		{"java\tscript:x", true, false, false},
		{"java\nscript:x", true, false, false},
		{"\x00javascript:x", true, false, false}, // C0 controls before an address are dropped
		{"\x01javascript:x", true, false, false},
		{"vbscript:msgbox(1)", true, false, false},
		{"javascript", false, false, false},
		{"/javascript:x", false, false, false},
		{"data:text/html,<script>x</script>", false, true, false},
		{"DATA:image/png;base64,AA==", false, true, true},
		{"data: image/svg+xml,<svg/>", false, true, true},
		{"data:,x", false, true, false},
		{"https://a.example/javascript:x", false, false, false},
	} {
		if got := RunsScript(tc.ref); got != tc.script {
			t.Errorf("RunsScript(%q) = %v", tc.ref, got)
		}
		if data, img := IsData(tc.ref); data != tc.data || img != tc.img {
			t.Errorf("IsData(%q) = %v, %v", tc.ref, data, img)
		}
	}
}

func TestIsRasterData(t *testing.T) {
	for ref, want := range map[string]bool{
		"data:image/png;base64,AA==": true, "DATA:IMAGE/JPEG,x": true, "data:image/webp,x": true,
		"data:image/svg+xml,<svg onload=alert(1)>": false, "data:image/svg+xml;base64,PHN2Zz4=": false,
		"data:text/html,x": false, "data:,x": false, "https://a.example/a.png": false, "data:image/png ;x": true,
	} {
		if got := IsRasterData(ref); got != want {
			t.Errorf("IsRasterData(%q) = %v, want %v", ref, got, want)
		}
	}
}

// FuzzJudge holds the quick answers to what the WHATWG parser says: an
// address that sameDocumentOrSite keeps on the page's origin resolves
// there over both schemes, Scheme names the scheme the parser reads, and
// no address makes the judge fail.
func FuzzJudge(f *testing.F) {
	for _, s := range []string{
		"/a", "//a", `/\a`, `\\a`, "a:b", "a/b:c", "#x", "?y", "", " /a", "/\t/a", "http:a", "HTTPS:/a",
		"javascript:x", "java\tscript:x", "data:image/png,x", "https://clinic.example@x/", "%2f%2fa", "/%5ca",
		"https://[::1]/", "http://0x7f.1/", "ｈｔｔｐ://a", "https://a\u3002example/", ".:/a", "a.b+c-d:x",
	} {
		f.Add(s)
	}
	j := NewJudge("https://clinic.example/library/", []string{"https://cdn.clinic.example"})
	f.Fuzz(func(t *testing.T, ref string) {
		origin, third := j.ThirdParty(ref)
		if third && origin == "" {
			t.Fatalf("ThirdParty(%q) is third-party with no origin", ref)
		}
		if sameDocumentOrSite(ref) {
			for _, base := range j.bases {
				u, err := base.Parse(ref)
				if err != nil {
					t.Fatalf("%q is taken as the site's own, but does not parse: %v", ref, err)
				}
				if o := Origin(u); !j.trusted[o] {
					t.Fatalf("%q is taken as the site's own, but resolves to %s", ref, u.Href(false))
				}
			}
		}
		want := ""
		if u, err := whatwg.Parse(ref); err == nil {
			want = u.Scheme()
		}
		if got := Scheme(ref); got != want {
			t.Fatalf("Scheme(%q) = %q, the parser says %q", ref, got, want)
		}
		if s, plain := plainScheme(ref); plain && want != "" && s != want {
			t.Fatalf("plainScheme(%q) = %q, the parser says %q", ref, s, want)
		}
	})
}
