package render

import (
	"testing"
	"time"
)

func TestFormatDateIn(t *testing.T) {
	first := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	mid := time.Date(2028, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang string
		d    time.Time
		want string
	}{
		{"en", first, "1 October 2026"},
		{"en-GB", mid, "14 March 2028"},
		{"en-US", first, "October 1, 2026"},
		{"en_us", mid, "March 14, 2028"},
		{"fr", first, "1er octobre 2026"},
		{"fr-CA", mid, "14 mars 2028"},
		{"de", mid, "14. März 2028"},
		{"es", first, "1 de octubre de 2026"},
		{"pt-BR", mid, "14 de março de 2028"},
		{"it", first, "1º ottobre 2026"},
		{"nl", mid, "14 maart 2028"},
		{"sw", first, "1 October 2026"},
		{"", mid, "14 March 2028"},
		{"en", time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := FormatDateIn(tt.lang, tt.d); got != tt.want {
			t.Errorf("FormatDateIn(%q, %s) = %q, want %q", tt.lang, tt.d.Format(time.DateOnly), got, tt.want)
		}
	}
}
