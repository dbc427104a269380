package readability

import (
	"cmp"
	"math"
	"slices"
)

// Stats are the counts and readability scores of a text.
//
// The scores of a text without words are all zero, never NaN or infinite.
// They are not clamped: Flesch-Kincaid can fall below zero and Flesch
// Reading Ease rise above 100 for very short, simple text.
type Stats struct {
	Sentences     int // sentences with at least one word
	Words         int
	Syllables     int
	Polysyllables int // words of three or more syllables

	// SMOG grade (McLaughlin 1969), extended from 30 sentences to any number:
	// 1.0430 * sqrt(Polysyllables * 30 / Sentences) + 3.1291.
	SMOG float64
	// FleschKincaid is the Flesch-Kincaid grade level (Kincaid et al. 1975):
	// 0.39 * Words/Sentences + 11.8 * Syllables/Words - 15.59.
	FleschKincaid float64
	// FleschReadingEase (Flesch 1948), 0 hard to 100 easy:
	// 206.835 - 1.015 * Words/Sentences - 84.6 * Syllables/Words.
	FleschReadingEase float64
}

// Sentence is one sentence of a text with its counts and difficulty.
type Sentence struct {
	Text          string // as Sentences returns it
	Block         int    // index of its block in the list given
	Words         int
	Syllables     int
	Polysyllables int
	// Grade is the Flesch-Kincaid grade of the sentence alone:
	// 0.39 * Words + 11.8 * Syllables/Words - 15.59. Long sentences of long
	// words score highest.
	Grade float64
}

// Measure returns the counts and scores of a text given as blocks:
// paragraphs, list items, headings, table cells. Each block is split into
// sentences on its own, so a heading or list item without a final full stop
// is still a sentence of its own.
func Measure(blocks []string) Stats {
	var s Stats
	for _, sen := range analyse(blocks) {
		s.Sentences++
		s.Words += sen.Words
		s.Syllables += sen.Syllables
		s.Polysyllables += sen.Polysyllables
	}
	s.score()
	return s
}

// score computes the scores from the counts: all zero without words.
func (s *Stats) score() {
	if s.Sentences <= 0 || s.Words <= 0 {
		*s = Stats{}
		return
	}
	wordsPerSentence := float64(s.Words) / float64(s.Sentences)
	syllablesPerWord := float64(s.Syllables) / float64(s.Words)
	s.SMOG = 1.0430*math.Sqrt(float64(s.Polysyllables)*30/float64(s.Sentences)) + 3.1291
	s.FleschKincaid = 0.39*wordsPerSentence + 11.8*syllablesPerWord - 15.59
	s.FleschReadingEase = 206.835 - 1.015*wordsPerSentence - 84.6*syllablesPerWord
}

// Hardest returns the n hardest sentences of the blocks (all of them if
// there are fewer), hardest first: by Grade, then by more polysyllables,
// then by more words, then in text order. n < 1 returns none.
func Hardest(blocks []string, n int) []Sentence {
	if n < 1 {
		return nil
	}
	all := analyse(blocks)
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := all[a], all[b]
		return cmp.Or(
			cmp.Compare(y.Grade, x.Grade),
			cmp.Compare(y.Polysyllables, x.Polysyllables),
			cmp.Compare(y.Words, x.Words),
			cmp.Compare(a, b),
		)
	})
	out := make([]Sentence, 0, min(n, len(all)))
	for _, i := range order[:min(n, len(all))] {
		out = append(out, all[i])
	}
	return out
}

// analyse splits the blocks into sentences and counts each.
func analyse(blocks []string) []Sentence {
	var out []Sentence
	for b, block := range blocks {
		for _, text := range Sentences(block) {
			sen := Sentence{Text: text, Block: b}
			for _, w := range Words(text) {
				n := Syllables(w)
				sen.Words++
				sen.Syllables += n
				if n >= 3 {
					sen.Polysyllables++
				}
			}
			if sen.Words == 0 {
				continue
			}
			sen.Grade = 0.39*float64(sen.Words) + 11.8*float64(sen.Syllables)/float64(sen.Words) - 15.59
			out = append(out, sen)
		}
	}
	return out
}
