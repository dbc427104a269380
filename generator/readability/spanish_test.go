package readability

import "testing"

func TestSpanishSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"", 0}, {"¿", 0},
		{"casa", 2}, {"perro", 2}, {"médico", 3}, {"corazón", 3}, {"enfermedad", 4},
		{"medicamento", 5}, {"serotonina", 5}, {"depresión", 3}, {"ansiedad", 3},
		// Diphthongs and triphthongs.
		{"aire", 2}, {"ciudad", 2}, {"ruido", 2}, {"huevo", 2}, {"cuidado", 3},
		{"historia", 3}, {"buey", 1}, {"Uruguay", 3}, {"muy", 1}, {"hay", 1}, {"rey", 1},
		// Hiatus.
		{"leer", 2}, {"poeta", 3}, {"teatro", 3}, {"aéreo", 4}, {"país", 2}, {"día", 2},
		{"río", 2}, {"oír", 2}, {"baúl", 2}, {"náuseas", 3}, {"chiita", 3},
		// y, silent u, ü.
		{"y", 1}, {"reyes", 2}, {"yo", 1}, {"que", 1}, {"quien", 1}, {"queso", 2},
		{"guerra", 2}, {"guitarra", 3}, {"agua", 2}, {"pingüino", 3}, {"cigüeña", 3},
		// h between vowels, case, digits.
		{"ahora", 3}, {"PAELLA", 3}, {"2.5", 1},
	}
	for _, tt := range tests {
		if got := SpanishSyllables(tt.word); got != tt.want {
			t.Errorf("SpanishSyllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestMeasureSpanish(t *testing.T) {
	// El(1) pe-rro(2) co-me(2) | La(1) ca-sa(2) es(1) gran-de(2):
	// 2 sentences, 7 words, 11 syllables.
	// FH = 206.84 - 60*11/7 - 1.02*7/2 = 206.84 - 94.285714 - 3.57 = 108.984286
	got := MeasureSpanish([]string{"El perro come. La casa es grande."})
	if got.Sentences != 2 || got.Words != 7 || got.Syllables != 11 || !near(got.FernandezHuerta, 108.984286) {
		t.Errorf("MeasureSpanish = %+v, want 2 sentences, 7 words, 11 syllables, FH 108.984286", got)
	}
	// ¿Qué(1) es(1) la(1) se-ro-to-ni-na(5)? | La(1) Sra.(1) Pé-rez(2) lo(1)
	// ex-pli-ca(3), the title not ending the sentence:
	// 2 sentences, 9 words, 16 syllables.
	// FH = 206.84 - 60*16/9 - 1.02*9/2 = 206.84 - 106.666667 - 4.59 = 95.583333
	got = MeasureSpanish([]string{"¿Qué es la serotonina? La Sra. Pérez lo explica."})
	if got.Sentences != 2 || got.Words != 9 || got.Syllables != 16 || !near(got.FernandezHuerta, 95.583333) {
		t.Errorf("MeasureSpanish = %+v, want 2 sentences, 9 words, 16 syllables, FH 95.583333", got)
	}
	if got := MeasureSpanish([]string{"", "¡!"}); got != (SpanishStats{}) {
		t.Errorf("MeasureSpanish of no words = %+v, want zero", got)
	}
}
