package readability

import (
	"math"
	"strings"
	"testing"
)

// near reports whether got is within 0.0005 of want: the hand arithmetic
// below is carried to 4 decimals or more.
func near(got, want float64) bool { return math.Abs(got-want) < 0.0005 }

func checkStats(t *testing.T, got, want Stats) {
	t.Helper()
	if got.Sentences != want.Sentences || got.Words != want.Words ||
		got.Syllables != want.Syllables || got.Polysyllables != want.Polysyllables {
		t.Fatalf("counts = %d sentences, %d words, %d syllables, %d polysyllables; want %d, %d, %d, %d",
			got.Sentences, got.Words, got.Syllables, got.Polysyllables,
			want.Sentences, want.Words, want.Syllables, want.Polysyllables)
	}
	if !near(got.SMOG, want.SMOG) || !near(got.FleschKincaid, want.FleschKincaid) ||
		!near(got.FleschReadingEase, want.FleschReadingEase) {
		t.Errorf("scores = SMOG %.4f, FK %.4f, FRE %.4f; want %.4f, %.4f, %.4f",
			got.SMOG, got.FleschKincaid, got.FleschReadingEase, want.SMOG, want.FleschKincaid, want.FleschReadingEase)
	}
}

// TestFleschWorkedExample reproduces the example of Wikipedia's article on
// the Flesch-Kincaid tests, grade 13.1 for "The Australian platypus is
// seemingly a hybrid of a mammal and reptilian creature.": 13 words and,
// syllabified Aus-tra-li-an and rep-til-i-an, 26 syllables.
//
//	FK  = 0.39*13/1 + 11.8*26/13 - 15.59 = 5.07 + 23.6 - 15.59        = 13.08 (13.1)
//	FRE = 206.835 - 1.015*13/1 - 84.6*26/13 = 206.835 - 13.195 - 169.2 = 24.44
//
// An FRE of 37.5 does not go with these counts: it is what 24 syllables
// give, as in TestMeasurePlatypus.
func TestFleschWorkedExample(t *testing.T) {
	s := Stats{Sentences: 1, Words: 13, Syllables: 26}
	s.score()
	if !near(s.FleschKincaid, 13.08) || !near(s.FleschReadingEase, 24.44) {
		t.Errorf("FK %.4f, FRE %.4f; want 13.08, 24.44", s.FleschKincaid, s.FleschReadingEase)
	}
}

// TestMeasurePlatypus measures the same sentence with our syllable counts,
// which follow the CMU Pronouncing Dictionary in saying Aus-tral-ian and
// rep-til-ian (3 syllables each): 1+3+3+1+3+1+2+1+1+2+1+3+2 = 24 syllables;
// platypus, seemingly, Australian and reptilian are polysyllables.
//
//	FK   = 0.39*13 + 11.8*24/13 - 15.59 = 5.07 + 21.784615 - 15.59       = 11.264615
//	FRE  = 206.835 - 13.195 - 84.6*24/13 = 206.835 - 13.195 - 156.184615 = 37.455385
//	SMOG = 1.0430*sqrt(4*30/1) + 3.1291 = 1.0430*10.954451 + 3.1291      = 14.554493
func TestMeasurePlatypus(t *testing.T) {
	got := Measure([]string{"The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."})
	checkStats(t, got, Stats{
		Sentences: 1, Words: 13, Syllables: 24, Polysyllables: 4,
		SMOG: 14.554493, FleschKincaid: 11.264615, FleschReadingEase: 37.455385,
	})
}

// TestSMOGConversion checks the formula against McLaughlin's SMOG
// conversion table for a 30-sentence sample, whose grade is 3 plus the
// square root of the polysyllable count. At the perfect squares in the
// middle of each of the table's ranges, the formula's whole grade is the
// table's: 1.0430*sqrt(k*k*30/30) + 3.1291 = 1.0430*k + 3.1291, whose whole
// part is 3+k for k below 20.
func TestSMOGConversion(t *testing.T) {
	tests := []struct {
		polysyllables int
		smog          float64 // 1.0430*k + 3.1291
		table         int     // McLaughlin's grade for the range holding k*k
	}{
		{9, 6.2581, 6},     // 7-12
		{16, 7.3011, 7},    // 13-20
		{25, 8.3441, 8},    // 21-30
		{36, 9.3871, 9},    // 31-42
		{49, 10.4301, 10},  // 43-56
		{64, 11.4731, 11},  // 57-72
		{81, 12.5161, 12},  // 73-90
		{100, 13.5591, 13}, // 91-110
		{144, 15.6451, 15}, // 133-156
	}
	for _, tt := range tests {
		s := Stats{Sentences: 30, Words: 600, Syllables: 900, Polysyllables: tt.polysyllables}
		s.score()
		if !near(s.SMOG, tt.smog) || int(s.SMOG) != tt.table {
			t.Errorf("%d polysyllables in 30 sentences: SMOG %.4f, want %.4f (grade %d)", tt.polysyllables, s.SMOG, tt.smog, tt.table)
		}
	}
}

// TestMeasureSMOGSample measures a 30-sentence sample with 9 polysyllables:
// 21 times "The nurse is kind." (4 words, 4 syllables) and 9 times "The
// hospital is big." (4 words, 1+3+1+1 = 6 syllables).
//
//	words = 30*4 = 120; syllables = 21*4 + 9*6 = 138
//	SMOG = 1.0430*sqrt(9*30/30) + 3.1291 = 6.2581 (table: 7-12 -> grade 6)
//	FK   = 0.39*120/30 + 11.8*138/120 - 15.59 = 1.56 + 13.57 - 15.59 = -0.46
//	FRE  = 206.835 - 1.015*4 - 84.6*1.15 = 206.835 - 4.06 - 97.29 = 105.485
func TestMeasureSMOGSample(t *testing.T) {
	text := strings.Repeat("The nurse is kind. ", 21) + strings.Repeat("The hospital is big. ", 9)
	checkStats(t, Measure([]string{text}), Stats{
		Sentences: 30, Words: 120, Syllables: 138, Polysyllables: 9,
		SMOG: 6.2581, FleschKincaid: -0.46, FleschReadingEase: 105.485,
	})
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   Stats
	}{
		{
			// The cat(1) sat(1) on(1) the(1) mat(1) | It(1) was(1) hap-py(2):
			// 2 sentences, 9 words, 10 syllables, no polysyllable.
			// SMOG = 1.0430*0 + 3.1291
			// FK   = 0.39*4.5 + 11.8*10/9 - 15.59 = 1.755 + 13.111111 - 15.59 = -0.723889
			// FRE  = 206.835 - 1.015*4.5 - 84.6*10/9 = 206.835 - 4.5675 - 94 = 108.2675
			name:   "easy paragraph",
			blocks: []string{"The cat sat on the mat. It was happy."},
			want:   Stats{2, 9, 10, 0, 3.1291, -0.723889, 108.2675},
		},
		{
			// A heading without a full stop is a sentence:
			// Side(1) ef-fects(2) | Se-ro-to-nin(4) syn-drome(2) is(1) a(1)
			// se-ri-ous(3) con-di-tion(3) | Call(1) your(1) doc-tor(2):
			// 3 sentences, 11 words, 21 syllables, 3 polysyllables.
			// SMOG = 1.0430*sqrt(3*30/3) + 3.1291 = 1.0430*5.477226 + 3.1291 = 8.841846
			// FK   = 0.39*11/3 + 11.8*21/11 - 15.59 = 1.43 + 22.527273 - 15.59 = 8.367273
			// FRE  = 206.835 - 1.015*11/3 - 84.6*21/11 = 206.835 - 3.721667 - 161.509091 = 41.604242
			name:   "heading and paragraph",
			blocks: []string{"Side effects", "Serotonin syndrome is a serious condition. Call your doctor."},
			want:   Stats{3, 11, 21, 3, 8.841846, 8.367273, 41.604242},
		},
		{
			// Numbers and units are read aloud: Take(1) two-point-five(3)
			// milligrams(3) twice(1) a(1) day(1): 1 sentence, 6 words,
			// 10 syllables, 2 polysyllables.
			// SMOG = 1.0430*sqrt(2*30/1) + 3.1291 = 1.0430*7.745967 + 3.1291 = 11.208143
			// FK   = 0.39*6 + 11.8*10/6 - 15.59 = 2.34 + 19.666667 - 15.59 = 6.416667
			// FRE  = 206.835 - 1.015*6 - 84.6*10/6 = 206.835 - 6.09 - 141 = 59.745
			name:   "dose",
			blocks: []string{"Take 2.5 mg twice a day."},
			want:   Stats{1, 6, 10, 2, 11.208143, 6.416667, 59.745},
		},
		{
			// Two list items, each its own sentence: Eat(1) well(1) |
			// Sleep(1) well(1): 2 sentences, 4 words, 4 syllables.
			// FK  = 0.39*2 + 11.8*1 - 15.59 = -3.01
			// FRE = 206.835 - 2.03 - 84.6 = 120.205
			name:   "list items without full stops",
			blocks: []string{"Eat well", "Sleep well"},
			want:   Stats{2, 4, 4, 0, 3.1291, -3.01, 120.205},
		},
		{name: "no blocks", blocks: nil, want: Stats{}},
		{name: "blocks without words", blocks: []string{"", "  \n ", "... — !"}, want: Stats{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkStats(t, Measure(tt.blocks), tt.want)
		})
	}
}

func TestHardest(t *testing.T) {
	blocks := []string{
		"Rest.", // 1 word, 1 syllable: 0.39 + 11.8 - 15.59 = -3.4
		"Serotonin syndrome is a serious condition. Eat well.",
		// 6 words, 4+2+1+1+3+3 = 14 syllables: 2.34 + 27.533333 - 15.59 = 14.283333
		// 2 words, 2 syllables: 0.78 + 11.8 - 15.59 = -3.01
		"Call your doctor.", // 3 words, 4 syllables: 1.17 + 15.733333 - 15.59 = 1.313333
		"Eat well",          // ties with "Eat well." and comes after it
	}
	got := Hardest(blocks, 4)
	want := []struct {
		text  string
		block int
		grade float64
	}{
		{"Serotonin syndrome is a serious condition.", 1, 14.283333},
		{"Call your doctor.", 2, 1.313333},
		{"Eat well.", 1, -3.01},
		{"Eat well", 3, -3.01},
	}
	if len(got) != len(want) {
		t.Fatalf("Hardest returned %d sentences, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Block != w.block || !near(got[i].Grade, w.grade) {
			t.Errorf("hardest[%d] = %q (block %d, grade %.4f), want %q (block %d, grade %.4f)",
				i, got[i].Text, got[i].Block, got[i].Grade, w.text, w.block, w.grade)
		}
	}
	if s := got[0]; s.Words != 6 || s.Syllables != 14 || s.Polysyllables != 3 {
		t.Errorf("hardest counts = %d words, %d syllables, %d polysyllables; want 6, 14, 3", s.Words, s.Syllables, s.Polysyllables)
	}
	if n := len(Hardest(blocks, 100)); n != 5 {
		t.Errorf("Hardest(blocks, 100) gave %d sentences, want all 5", n)
	}
	if got := Hardest(blocks, 0); got != nil {
		t.Errorf("Hardest(blocks, 0) = %v, want nil", got)
	}
	if got := Hardest(nil, 3); len(got) != 0 {
		t.Errorf("Hardest(nil, 3) = %v, want none", got)
	}
}
