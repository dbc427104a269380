package readability

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// FuzzMeasure checks, for any text split into blocks at "|": no panic, no
// NaN or infinite score, no negative count, at least one syllable a word,
// sentences that hold exactly the words of their block, Hardest in order,
// the same sentences and words for MeasureSpanish and for MeasureIn in any
// language, and MeasureIn giving the scores of Measure and MeasureSpanish.
func FuzzMeasure(f *testing.F) {
	for _, seed := range []string{
		"",
		"Side effects|Serotonin syndrome is a serious condition. Call your doctor.",
		"Dr. A. Clinician prescribed 2.5 mg. Take it at 8 a.m. e.g. with food...",
		`"Are you sure?" she asked. (See No. 5.) I was… tired!`,
		"5-HT, vitamin B6, COVID-19, café, cafe\u0301, don't, patients' rights, 1,000",
		"... — ?! |\n\n|ʼ \u0301 ΑΒΓ дом 50% 0800 99999999999999999999 1.2.3.",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		blocks := strings.Split(text, "|")
		s := Measure(blocks)
		if !finite(s.SMOG, s.FleschKincaid, s.FleschReadingEase) {
			t.Fatalf("Measure(%q) has a score that is not finite: %+v", blocks, s)
		}
		if s.Sentences < 0 || s.Words < 0 || s.Syllables < s.Words || s.Polysyllables < 0 || s.Polysyllables > s.Words {
			t.Fatalf("Measure(%q) has impossible counts: %+v", blocks, s)
		}
		if (s.Words == 0) != (s.Sentences == 0) {
			t.Fatalf("Measure(%q): words without sentences or the reverse: %+v", blocks, s)
		}
		words := 0
		for _, block := range blocks {
			want := Words(block)
			words += len(want)
			if got := Words(strings.Join(Sentences(block), " ")); !slices.Equal(got, want) {
				t.Fatalf("the sentences of %q hold the words %q, want %q", block, got, want)
			}
			for _, w := range want {
				if Syllables(w) < 1 {
					t.Fatalf("Syllables(%q) = %d, want at least 1", w, Syllables(w))
				}
			}
		}
		if words != s.Words {
			t.Fatalf("Measure(%q) counted %d words, Words finds %d", blocks, s.Words, words)
		}
		es := MeasureSpanish(blocks)
		if !finite(es.FernandezHuerta, es.SzigrisztPazos) || es.Words != s.Words ||
			es.Sentences != s.Sentences || es.Syllables < es.Words {
			t.Fatalf("MeasureSpanish(%q) = %+v, Measure = %+v", blocks, es, s)
		}
		for _, lang := range []string{"en", "es", "fr"} {
			r := MeasureIn(lang, blocks)
			if !finite(r.WordsPerSentence, r.LettersPerWord) || r.Words != s.Words ||
				r.Sentences != s.Sentences || r.Letters < r.Words ||
				lang == "en" && r.English != s || lang == "es" && r.Spanish != es {
				t.Fatalf("MeasureIn(%q, %q) = %+v, Measure = %+v, MeasureSpanish = %+v", lang, blocks, r, s, es)
			}
		}
		hardest := Hardest(blocks, 3)
		if len(hardest) > 3 || len(hardest) > s.Sentences {
			t.Fatalf("Hardest(%q, 3) returned %d sentences of %d", blocks, len(hardest), s.Sentences)
		}
		for i := 1; i < len(hardest); i++ {
			if hardest[i].Grade > hardest[i-1].Grade {
				t.Fatalf("Hardest(%q, 3) is out of order: %+v", blocks, hardest)
			}
		}
	})
}

// finite reports whether no score is NaN or infinite.
func finite(scores ...float64) bool {
	for _, v := range scores {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
