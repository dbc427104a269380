package slug

import "testing"

func TestMake(t *testing.T) {
	for in, want := range map[string]string{
		"Sleep hygiene":       "sleep-hygiene",
		"Café au lait":        "cafe-au-lait",
		"5-HT & you":          "5-ht-you",
		"Parkinson's disease": "parkinsons-disease",
		"***":                 "",
	} {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}
