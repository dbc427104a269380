package check

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/readability"
)

// everydayCapitals are written in capitals but read as ordinary words, so
// they need no glossary entry.
var everydayCapitals = map[string]bool{"OK": true, "TV": true}

// acronym returns the acronym a word is, without a plural "s" (SSRIs is
// SSRI), or "" when the word is not one: an acronym has at least two
// capital letters and no small ones (NHS, 5-HT, COVID-19).
func acronym(w string) string {
	w = strings.TrimSuffix(w, "’s")
	w = strings.TrimSuffix(w, "'s")
	if len(w) > 2 && w[len(w)-1] == 's' {
		w = w[:len(w)-1]
	}
	upper := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return ""
		case unicode.IsUpper(r):
			upper++
		}
	}
	if upper < 2 || everydayCapitals[w] {
		return ""
	}
	return w
}

// acronyms reports the first use of each acronym that the text does not
// spell out or explain where it is first used. A glossary entry does not
// count: its tooltip reaches no printed page.
func (a *articleCheck) acronyms() diag.List {
	var list diag.List
	seen := map[string]bool{}
	for _, b := range a.doc.Result.Blocks {
		for _, w := range readability.Words(b.Text) {
			acr := acronym(w)
			if acr == "" || seen[acr] {
				continue
			}
			seen[acr] = true
			if definedInText(w, b, a.lang) {
				continue
			}
			line, col := max(b.Line, 1), 1
			if at, ok := a.loc.word(w, a.loc.offset(b.Line)); ok {
				line, col = a.loc.position(at)
			}
			list = append(list, diag.Warnf(a.doc.Path, line, col, "acronym %s is not explained: say what it stands for where it is first used, as “%s (…)”; a glossary tooltip does not reach a printed page", acr, acr).WithRule(diag.RuleAcronym))
		}
	}
	return list
}

// definedInText reports whether the block in which an acronym is first
// used says what it means: "ADHD (attention deficit hyperactivity
// disorder)", "selective serotonin reuptake inhibitors (SSRIs)", "SSRIs,
// or selective serotonin reuptake inhibitors", a note in brackets later
// in the sentence ("EPA and DHA (the fish oils)"), one of the language's
// explaining patterns (explain.go: "GABA is a brain chemical", "This
// chemical ..." in the next sentence) or of its phrases (defines, such as
// "REM stands for rapid eye movement").
func definedInText(w string, b markdown.Block, lang language) bool {
	if b.Kind != markdown.Heading {
		sentences := readability.Sentences(b.Text)
		for n, s := range sentences {
			i := wordIndex(s, w)
			if i < 0 {
				continue
			}
			next := ""
			if n+1 < len(sentences) {
				next = sentences[n+1]
			}
			if strings.Contains(s[i+len(w):], "(") || lang.explaining.explains(s, i, len(w), next, false) {
				return true
			}
			break
		}
	}
	if strings.Contains(b.Text, "("+w) {
		return true
	}
	return slices.ContainsFunc(lang.defines, func(form string) bool { return strings.Contains(b.Text, fmt.Sprintf(form, w)) })
}

// wordIndex finds w in s as a whole word; -1 when it is not there.
func wordIndex(s, w string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		at := from + i
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at+len(w):])
		if !isWordChar(before) && !isWordChar(after) {
			return at
		}
		from = at + 1
	}
	return -1
}

// numberSections are the sections whose figures must be given in words
// as well: the ones about measurements and about risk.
var numberSections = map[string]bool{"metric": true, "risk": true}

// figureWords is how a language writes figures: the percentages,
// fractions and natural frequencies number-words looks for, and the counts
// of people it suggests instead.
type figureWords struct {
	// percentage matches a percentage, with its number as the first group.
	percentage *regexp.Regexp
	// percentWords are the words that may spell out a percentage, for
	// the quick test before the regular expressions.
	percentWords []string
	// frequency matches a natural frequency.
	frequency *regexp.Regexp
	// inN ("%d in %d people"), aboutInHundred and aboutInThousand (with
	// %s for a number that may have decimals) write the suggestions;
	// decimal is the decimal separator.
	inN, aboutInHundred, aboutInThousand, decimal string
}

var (
	// englishFigures: 25%, 2.5 %, 25 percent or 25 per cent; 1 in 4, 25
	// out of 100, one in every ten.
	englishFigures = figureWords{
		percentage:   regexp.MustCompile(`(\d+(?:[.,]\d+)?)[\s\x{A0}\x{202F}]?(?:%|percent\b|per cent\b)`),
		percentWords: []string{"percent", "per cent"},
		frequency:    regexp.MustCompile(`(?i)\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a few|some|most)\s+(?:in|out of)\s+(?:every\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|one hundred|a thousand|one thousand|hundred|thousand)\b`),
		inN:          "%d in %d people", aboutInHundred: "about %d in 100 people", aboutInThousand: "about %s in 1,000 people", decimal: ".",
	}
	// spanishFigures: 25 %, 2,5 % or 25 por ciento; 1 de cada 4, 25 de
	// 100, una de cada diez.
	spanishFigures = figureWords{
		percentage:   regexp.MustCompile(`(\d+(?:[.,]\d+)?)[\s\x{A0}\x{202F}]?(?:%|por\s+ciento\b)`),
		percentWords: []string{"por ciento"},
		frequency:    regexp.MustCompile(`(?i)\b(?:\d[\d.,]*|una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+de\s+(?:cada\s+)?(?:\d[\d.,]*|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|cien|mil)\b`),
		inN:          "%d de cada %d personas", aboutInHundred: "unas %d de cada 100 personas", aboutInThousand: "unas %s de cada 1000 personas", decimal: ",",
	}
	// fraction is 1/3 or a vulgar fraction such as ½, in any language.
	fraction = regexp.MustCompile(`\b(\d+)/(\d+)\b|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]`)
)

// numbersWithoutWords reports a percentage or fraction in the metric or
// risk section whose sentence does not also give it as a natural
// frequency ("1 in 4 people", "1 de cada 4 personas"), which readers
// understand far better. It looks only at languages whose ways of
// writing figures it knows (figureWords).
func (a *articleCheck) numbersWithoutWords() diag.List {
	fw := a.lang.figures
	if fw == nil {
		return nil
	}
	var list diag.List
	for i, s := range a.prose.sentences {
		if !numberSections[s.section] || !mayHaveFigure(s.text, fw) {
			continue
		}
		figure, suggestion := firstFigure(s.text, fw)
		if figure == "" || fw.frequency.MatchString(s.text) {
			continue
		}
		line, col, at := a.span(i)
		if at >= 0 {
			if j := bytes.Index(a.loc.src[at:], []byte(figure)); j >= 0 {
				line, col = a.loc.position(at + j)
			}
		}
		list = append(list, diag.Warnf(a.doc.Path, line, col, "%s in the %s section: say it in words too, as a count of people (such as %q)", figure, s.section, suggestion).WithRule(diag.RuleNumberWords))
	}
	return list
}

// mayHaveFigure is a quick test that spares most sentences the regular
// expressions.
func mayHaveFigure(s string, fw *figureWords) bool {
	return strings.ContainsAny(s, "%/½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞") || slices.ContainsFunc(fw.percentWords, func(w string) bool { return strings.Contains(s, w) })
}

// firstFigure returns the first percentage or fraction of s and the
// natural frequency it suggests; "" when s has none. A/B is a fraction
// only when A is smaller than B, so that 120/80 (a blood pressure) is not.
func firstFigure(s string, fw *figureWords) (figure, suggestion string) {
	best := -1
	if m := fw.percentage.FindStringSubmatchIndex(s); m != nil {
		best = m[0]
		figure = s[m[0]:m[1]]
		suggestion = percentWords(s[m[2]:m[3]], fw)
	}
	for _, m := range fraction.FindAllStringSubmatchIndex(s, -1) {
		if best >= 0 && m[0] > best {
			break
		}
		if m[2] >= 0 {
			n, _ := strconv.Atoi(s[m[2]:m[3]])
			d, _ := strconv.Atoi(s[m[4]:m[5]])
			if n <= 0 || n >= d {
				continue
			}
			return s[m[0]:m[1]], fmt.Sprintf(fw.inN, n, d)
		}
		f := s[m[0]:m[1]]
		v := vulgarFractions[f]
		return f, fmt.Sprintf(fw.inN, v[0], v[1])
	}
	return figure, suggestion
}

// vulgarFractions are the numerator and denominator of each fraction
// character.
var vulgarFractions = map[string][2]int{
	"½": {1, 2}, "⅓": {1, 3}, "⅔": {2, 3}, "¼": {1, 4}, "¾": {3, 4}, "⅕": {1, 5}, "⅖": {2, 5}, "⅗": {3, 5},
	"⅘": {4, 5}, "⅙": {1, 6}, "⅚": {5, 6}, "⅛": {1, 8}, "⅜": {3, 8}, "⅝": {5, 8}, "⅞": {7, 8},
}

// percentWords turns "25" into "1 in 4 people" and "12" into "about 12 in
// 100 people", in the language of fw.
func percentWords(p string, fw *figureWords) string {
	v, err := strconv.ParseFloat(strings.ReplaceAll(p, ",", "."), 64)
	if err != nil || v <= 0 {
		return fmt.Sprintf(fw.aboutInHundred, 1)
	}
	if v < 1 {
		return fmt.Sprintf(fw.aboutInThousand, strings.ReplaceAll(strconv.FormatFloat(v*10, 'f', -1, 64), ".", fw.decimal))
	}
	if n := 100 / v; n == float64(int(n)) {
		return fmt.Sprintf(fw.inN, 1, int(n))
	}
	return fmt.Sprintf(fw.aboutInHundred, int(v+0.5))
}
