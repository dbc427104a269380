package readability

import "testing"

func TestMeasureInDispatch(t *testing.T) {
	// Bebe(4) agua(4) cada(4) día(3) | Si(2) tienes(6) fiebre(6) ve(2) al(2)
	// médico(6): 2 sentences, 10 words, 39 letters, whatever the language.
	blocks := []string{"Bebe agua cada día. Si tienes fiebre, ve al médico."}
	const other = "; sentence and word length are shown instead"
	tests := []struct {
		lang     string
		formulas Formulas
		reason   string
	}{
		{"en", EnglishFormulas, ""},
		{"en-US", EnglishFormulas, ""},
		{"EN_gb", EnglishFormulas, ""},
		{"es", SpanishFormulas, ""},
		{"es-MX", SpanishFormulas, ""},
		{"es-419", SpanishFormulas, ""},
		{"fr", NoFormula, "no readability formula is validated for French (fr)" + other},
		{"pt-BR", NoFormula, "no readability formula is validated for Portuguese (pt-BR)" + other},
		{"xx-YY", NoFormula, "no readability formula is validated for xx-YY" + other},
		{"eng", NoFormula, "no readability formula is validated for eng" + other},
		{"", NoFormula, "no language is given, so no readability formula applies" + other},
	}
	for _, tt := range tests {
		got := MeasureIn(tt.lang, blocks)
		if got.Lang != tt.lang || got.Formulas != tt.formulas || got.Reason != tt.reason {
			t.Errorf("MeasureIn(%q) = lang %q, formulas %d, reason %q; want %q, %d, %q",
				tt.lang, got.Lang, got.Formulas, got.Reason, tt.lang, tt.formulas, tt.reason)
		}
		if got.Sentences != 2 || got.Words != 10 || got.Letters != 39 ||
			!near(got.WordsPerSentence, 5) || !near(got.LettersPerWord, 3.9) {
			t.Errorf("MeasureIn(%q) = %+v, want 2 sentences, 10 words, 39 letters, averages 5 and 3.9", tt.lang, got)
		}
		var english Stats
		if tt.formulas == EnglishFormulas {
			english = Measure(blocks)
		}
		var spanish SpanishStats
		if tt.formulas == SpanishFormulas {
			spanish = MeasureSpanish(blocks)
		}
		if got.English != english || got.Spanish != spanish {
			t.Errorf("MeasureIn(%q) scores English %+v, Spanish %+v; want %+v, %+v",
				tt.lang, got.English, got.Spanish, english, spanish)
		}
	}
}

// TestMeasureInAverages checks the sentence and word lengths against
// counts made by hand. Letters leave out apostrophes and hyphens, count a
// letter and its combining accent once and count digits.
func TestMeasureInAverages(t *testing.T) {
	tests := []struct {
		lang                      string
		blocks                    []string
		sentences, words, letters int
		perSentence, perWord      float64
	}{
		// Drink(5) water(5) | Walk(4) every(5) day(3): 5 words, 22 letters.
		//	2 sentences: 5/2 = 2.5 words a sentence; 22/5 = 4.4 letters a word.
		{"en", []string{"Drink water.", "Walk every day."}, 2, 5, 22, 2.5, 4.4},
		// Buvez(5) de(2) l'eau(4) | Marchez(7) un(2) peu(3) chaque(6)
		// jour(4): 8 words, 5+2+4+7+2+3+6+4 = 33 letters.
		//	2 sentences: 8/2 = 4 words a sentence; 33/8 = 4.125 letters a word.
		{"fr", []string{"Buvez de l'eau. Marchez un peu chaque jour."}, 2, 8, 33, 4, 4.125},
		// Beba(4) água(4, its á written as a and a combining acute) |
		// Tome(4) 2(1) comprimidos(11) por(3) dia(3): 7 words,
		// 4+4+4+1+11+3+3 = 30 letters.
		//	2 sentences: 7/2 = 3.5 words a sentence; 30/7 = 4.285714 letters a word.
		{"pt-BR", []string{"Beba a\u0301gua. Tome 2 comprimidos por dia."}, 2, 7, 30, 3.5, 4.285714},
		// Anti-inflamatorio(16) | Tómelo(6) con(3) comida(6), a heading and
		// a list item: 2 sentences, 4 words, 31 letters.
		//	2 sentences: 4/2 = 2 words a sentence; 31/4 = 7.75 letters a word.
		{"es", []string{"Anti-inflamatorio", "Tómelo con comida"}, 2, 4, 31, 2, 7.75},
		{"de", nil, 0, 0, 0, 0, 0},
		{"de", []string{"", "…", "—"}, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		got := MeasureIn(tt.lang, tt.blocks)
		if got.Sentences != tt.sentences || got.Words != tt.words || got.Letters != tt.letters ||
			!near(got.WordsPerSentence, tt.perSentence) || !near(got.LettersPerWord, tt.perWord) {
			t.Errorf("MeasureIn(%q, %q) = %d sentences, %d words, %d letters, %.6f and %.6f; want %d, %d, %d, %.6f and %.6f",
				tt.lang, tt.blocks, got.Sentences, got.Words, got.Letters, got.WordsPerSentence, got.LettersPerWord,
				tt.sentences, tt.words, tt.letters, tt.perSentence, tt.perWord)
		}
	}
}
