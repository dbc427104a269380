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
		// A silent h between vowels, which neither stops a diphthong nor
		// makes one of a hiatus (Ortografía de la lengua española, 2010), but
		// starts the syllable of a vowel pair after it.
		{"ahora", 3}, {"alcohol", 3}, {"búho", 2}, {"prohíbe", 3}, {"rehúso", 3},
		{"prohibido", 3}, {"cohibido", 3}, {"desahucio", 3}, {"ahumado", 3},
		{"rehusar", 2}, {"ahuyentar", 3}, {"cacahuete", 4}, {"vihuela", 3}, {"ahuecar", 3},
		// Case, digits.
		{"PAELLA", 3}, {"2.5", 1},
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
	// SP = 206.835 - 62.3*11/7 - 7/2  = 206.835 - 97.9 - 3.5       = 105.435
	got := MeasureSpanish([]string{"El perro come. La casa es grande."})
	if got.Sentences != 2 || got.Words != 7 || got.Syllables != 11 ||
		!near(got.FernandezHuerta, 108.984286) || !near(got.SzigrisztPazos, 105.435) {
		t.Errorf("MeasureSpanish = %+v, want 2 sentences, 7 words, 11 syllables, FH 108.984286, SP 105.435", got)
	}
	// ¿Qué(1) es(1) la(1) se-ro-to-ni-na(5)? | La(1) Sra.(1) Pé-rez(2) lo(1)
	// ex-pli-ca(3), the title not ending the sentence:
	// 2 sentences, 9 words, 16 syllables.
	// FH = 206.84 - 60*16/9 - 1.02*9/2 = 206.84 - 106.666667 - 4.59 = 95.583333
	// SP = 206.835 - 62.3*16/9 - 9/2  = 206.835 - 110.755556 - 4.5 = 91.579444
	got = MeasureSpanish([]string{"¿Qué es la serotonina? La Sra. Pérez lo explica."})
	if got.Sentences != 2 || got.Words != 9 || got.Syllables != 16 ||
		!near(got.FernandezHuerta, 95.583333) || !near(got.SzigrisztPazos, 91.579444) {
		t.Errorf("MeasureSpanish = %+v, want 2 sentences, 9 words, 16 syllables, FH 95.583333, SP 91.579444", got)
	}
	if got := MeasureSpanish([]string{"", "¡!"}); got != (SpanishStats{}) {
		t.Errorf("MeasureSpanish of no words = %+v, want zero", got)
	}
}

// TestMeasureSpanishByHand measures three patient-leaflet texts, one in
// each of three INFLESZ bands, against counts and scores worked by hand.
// FH is Fernández Huerta, SP Szigriszt-Pazos.
func TestMeasureSpanishByHand(t *testing.T) {
	tests := []struct {
		text                        string
		sentences, words, syllables int
		fh, sp                      float64
		band                        string
	}{
		// Be-be(2) a-gua(2) ca-da(2) dí-a(2) | Si(1) tie-nes(2) fie-bre(2)
		// ve(1) al(1) mé-di-co(3): gua, tie and fie are diphthongs, dí-a a
		// hiatus. 2 sentences, 4+6 = 10 words, 8+10 = 18 syllables.
		//	FH = 206.84 - 60*18/10 - 1.02*10/2 = 206.84 - 108 - 5.1     = 93.74
		//	SP = 206.835 - 62.3*18/10 - 10/2  = 206.835 - 112.14 - 5   = 89.695
		{"Bebe agua cada día. Si tienes fiebre, ve al médico.", 2, 10, 18, 93.74, 89.695, "very easy"},

		// La(1) hi-per-ten-sión(4) ar-te-rial(3) au-men-ta(3) el(1) ries-go(2)
		// de(1) su-frir(2) un(1) in-far-to(3) o(1) un(1) ac-ci-den-te(4)
		// ce-re-bro-vas-cu-lar(6) por(1) lo(1) que(1) con-vie-ne(3) me-dir(2)
		// la(1) pre-sión(2) con(1) re-gu-la-ri-dad(5): sión, rial, au, ries
		// and vie are diphthongs, the u of que silent. 1 sentence, 23 words,
		// 1+4+3+3+1+2+1+2+1+3+1+1+4+6+1+1+1+3+2+1+2+1+5 = 50 syllables.
		//	FH = 206.84 - 60*50/23 - 1.02*23/1 = 206.84 - 130.434783 - 23.46 = 52.945217
		//	SP = 206.835 - 62.3*50/23 - 23/1  = 206.835 - 135.434783 - 23  = 48.400217
		{"La hipertensión arterial aumenta el riesgo de sufrir un infarto o un accidente cerebrovascular, " +
			"por lo que conviene medir la presión con regularidad.", 1, 23, 50, 52.945217, 48.400217, "somewhat hard"},

		// Du-ran-te(3) el(1) tra-ta-mien-to(4) es-tá(2) prohi-bi-do(3) el(1)
		// con-su-mo(3) de(1) al-co-hol(3) por-que(2) la(1) com-bi-na-ción(4)
		// au-men-ta(3) con-si-de-ra-ble-men-te(7) la(1) pro-ba-bi-li-dad(5)
		// de(1) he-mo-rra-gia(4) di-ges-ti-va(4): the silent h makes a
		// diphthong of prohi but not of co-hol (two strong vowels). 1
		// sentence, 19 words, 3+1+4+2+3+1+3+1+3+2+1+4+3+7+1+5+1+4+4 = 53
		// syllables.
		//	FH = 206.84 - 60*53/19 - 1.02*19/1 = 206.84 - 167.368421 - 19.38 = 20.091579
		//	SP = 206.835 - 62.3*53/19 - 19/1  = 206.835 - 173.784211 - 19  = 14.050789
		{"Durante el tratamiento está prohibido el consumo de alcohol, porque la combinación " +
			"aumenta considerablemente la probabilidad de hemorragia digestiva.", 1, 19, 53, 20.091579, 14.050789, "very hard"},
	}
	for _, tt := range tests {
		got := MeasureSpanish([]string{tt.text})
		if got.Sentences != tt.sentences || got.Words != tt.words || got.Syllables != tt.syllables {
			t.Errorf("MeasureSpanish(%q) counts %d sentences, %d words, %d syllables; want %d, %d, %d",
				tt.text, got.Sentences, got.Words, got.Syllables, tt.sentences, tt.words, tt.syllables)
		}
		if !near(got.FernandezHuerta, tt.fh) || !near(got.SzigrisztPazos, tt.sp) {
			t.Errorf("MeasureSpanish(%q) scores FH %.6f, SP %.6f; want %.6f, %.6f",
				tt.text, got.FernandezHuerta, got.SzigrisztPazos, tt.fh, tt.sp)
		}
		if band := INFLESZBand(got.SzigrisztPazos); band != tt.band {
			t.Errorf("INFLESZBand(%.6f) of %q = %q, want %q", got.SzigrisztPazos, tt.text, band, tt.band)
		}
	}
}

func TestINFLESZBand(t *testing.T) {
	tests := []struct {
		score float64
		want  string
	}{
		{-20, "very hard"}, {0, "very hard"}, {39.9, "very hard"}, {39.99, "very hard"},
		{40, "somewhat hard"}, {47.5, "somewhat hard"}, {54.99, "somewhat hard"},
		{INFLESZNormal, "normal"}, {55, "normal"}, {60, "normal"}, {64.99, "normal"},
		{65, "quite easy"}, {72, "quite easy"}, {79.99, "quite easy"}, {80, "quite easy"},
		{80.01, "very easy"}, {80.1, "very easy"}, {100, "very easy"}, {120, "very easy"},
	}
	for _, tt := range tests {
		if got := INFLESZBand(tt.score); got != tt.want {
			t.Errorf("INFLESZBand(%v) = %q, want %q", tt.score, got, tt.want)
		}
	}
}
