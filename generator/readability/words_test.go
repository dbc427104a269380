package readability

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"punctuation only", " -- ... !? ", nil},
		{"plain", "Take one tablet.", []string{"Take", "one", "tablet"}},
		{"apostrophes", "don't, it’s, patients' rights, 'cause", []string{"don't", "it’s", "patients", "rights", "cause"}},
		{"inner hyphens", "well-being and 5-HT and COVID-19", []string{"well-being", "and", "5-HT", "and", "COVID-19"}},
		{"dashes and loose hyphens split", "5–10 mg - or -- more—less", []string{"5", "10", "mg", "or", "more", "less"}},
		{"letters and digits", "vitamin B6 and B12", []string{"vitamin", "B6", "and", "B12"}},
		{"decimals and thousands", "2.5 mg for 1,000 people.", []string{"2.5", "mg", "for", "1,000", "people"}},
		{"number at sentence end", "It was 2026. Then", []string{"It", "was", "2026", "Then"}},
		{"abbreviations keep inner stops", "e.g. this, i.e. that, U.S. law at 8 a.m.", []string{"e.g", "this", "i.e", "that", "U.S", "law", "at", "8", "a.m"}},
		{"no space after stop", "end.Next", []string{"end", "Next"}},
		{"symbols split", "50% of people/carers & friends", []string{"50", "of", "people", "carers", "friends"}},
		{"precomposed accent", "café crème", []string{"café", "crème"}},
		{"combining accent stays in the word", "cafe\u0301 au lait", []string{"cafe\u0301", "au", "lait"}},
		{"other scripts", "naïve Ελλάδα дом", []string{"naïve", "Ελλάδα", "дом"}},
		{"lone combining mark is no word", "\u0301 a", []string{"a"}},
		{"brackets and quotes", `("Rest," she said.)`, []string{"Rest", "she", "said"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Words(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
