// Package readability measures how hard prose is to read, by the formulas
// validated for its language: it splits text into sentences and words,
// counts syllables, and computes the scores that `handout check` grades
// patient articles by. English gets the SMOG grade, the Flesch-Kincaid
// grade and the Flesch Reading Ease score; Spanish the Fernández Huerta and
// Szigriszt-Pazos scores, the latter graded on the INFLESZ scale; any other
// language only its sentence and word lengths, since no formula for it is
// built in. It is pure: it reads no files, prints nothing and keeps no
// state, and every function is safe for concurrent use.
//
// # Input
//
// The caller passes plain prose, with code, tables and front matter already
// removed, as a list of blocks: paragraphs, list items, headings. Each block
// is split into sentences on its own, so a heading or a list item without a
// final full stop still counts as one sentence; a blank line inside a block
// also ends a sentence.
//
// # Functions
//
//   - [Sentences] splits text into sentences, coping with abbreviations
//     (Dr., e.g., a.m., mg.), initials, decimals, ellipses and quotes.
//   - [Words] returns the words: letters, digits, apostrophes and inner
//     hyphens, so "don't", "5-HT", "B6", "2.5" and "café" are one word each.
//   - [Syllables] counts the syllables of one word as it is read aloud,
//     numbers and abbreviations included.
//   - [MeasureIn] is the entry point for a text in any language: given a
//     BCP 47 code ("en-US", "es", "fr"), it returns a [Report] of sentence
//     length (words a sentence) and word length (letters a word), the
//     scores of the formulas validated for the language, which [Formulas]
//     names, or, for other languages, the Reason there are none.
//   - [Measure] returns the counts and the three English scores as [Stats].
//   - [Hardest] returns the hardest sentences, to show an editor what to
//     rewrite first.
//   - [MeasureSpanish] and [SpanishSyllables] do the same for Spanish text,
//     with the Fernández Huerta and Szigriszt-Pazos scores and the Real
//     Academia's diphthong and hiatus rules; [INFLESZBand] names the band
//     of a Szigriszt-Pazos score, and [INFLESZNormal] is the score under
//     which a text is harder than normal.
//
// # Formulas
//
// English, in [Stats]:
//
//	SMOG                = 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291
//	Flesch-Kincaid      = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
//	Flesch Reading Ease = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
//
// A polysyllable is a word of three or more syllables. SMOG is McLaughlin's
// (1969) formula, whose 30-sentence sample is scaled to the sentences there
// are, as is usual in software; it is meant for 30 or more sentences and
// reads high on very short texts. Following the SMOG instructions, numbers
// count as words and are read aloud ("100" is one hundred: a polysyllable),
// and so are common abbreviations ("mg" is milligrams; "NHS" is three
// letters).
//
// Spanish, in [SpanishStats]:
//
//	Fernández Huerta = 206.84 - 60 * syllables/words - 1.02 * words/sentences
//	Szigriszt-Pazos  = 206.835 - 62.3 * syllables/words - words/sentences
//
// Fernández Huerta (1959) is taken in G. Law's corrected form (2011).
// Szigriszt-Pazos (1993) is read on the INFLESZ scale of Barrio-Cantalejo
// et al. (2008): under 40 very hard (muy difícil), 40 to 55 somewhat hard
// (algo difícil), 55 to 65 normal, 65 to 80 quite easy (bastante fácil),
// over 80 very easy (muy fácil).
//
// Every language, in [Report]: words/sentences, and letters/words, where
// the letters of a word are its letters and digits. Word length means
// little for scripts written without spaces between words (Chinese,
// Japanese, Thai), where a whole run of text is one word.
//
// Text without words scores zero on every formula and average.
//
// # Syllables
//
// The syllable counter is rule-based: vowel groups, split where two vowels
// are said apart (di-et, re-act), less a silent e (make, named), plus the
// syllables the spelling hides (table, rhythm, autism), with a short list of
// exceptions (business, vegetable). It does not embed a pronouncing
// dictionary. Its test measures it against the CMU Pronouncing Dictionary on
// the 5,000 most frequent words of the sample library and of an English
// health word list in testdata, and fails below 95% agreement. It agrees on
// about 99% of those words, on 98% of the rest of the list and on 96% of
// the 48,800 plain words of the dictionary subset kept in testdata. Most
// words it still miscounts are compounds whose first part ends in a silent
// e (firefighter), names and loanwords.
//
// The Spanish counter follows the spelling, which in Spanish tells the
// syllables: a, e, o and an accented í or ú are strong vowels, two of which
// are said apart (le-er, dí-a); i, u and a final y are weak and share the
// syllable of the vowel beside them (ai-re, ciu-dad, buey); the u of que,
// qui, gue and gui is silent; and the h between vowels is silent, so it
// neither stops a diphthong (prohi-bi-do) nor joins vowels said apart
// (a-ho-ra).
package readability
