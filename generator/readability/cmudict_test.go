package readability

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
)

// minAgreement is the quality bar of Syllables: the share of the most
// frequent words of each corpus on which it agrees with the CMU Pronouncing
// Dictionary.
const (
	minAgreement = 0.95
	topWords     = 5000
)

// TestSyllablesAgreeWithCMU measures Syllables against the CMU Pronouncing
// Dictionary on the 5,000 most frequent words (that the dictionary has) of
// two corpora: the sample library in ../../content, as it is at test time,
// and the English health word list in testdata. A word agrees when our count
// equals that of any of its pronunciations.
func TestSyllablesAgreeWithCMU(t *testing.T) {
	dict := loadCMU(t)

	var corpora []corpus
	library, spelling, err := libraryWords(os.DirFS("../../content"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		t.Log("no ../../content folder: measuring the word list alone")
	case err != nil:
		t.Fatal(err)
	case len(library) == 0:
		t.Log("../../content has no Markdown yet: measuring the word list alone")
	default:
		corpora = append(corpora, corpus{"sample library ../../content", library, spelling})
	}
	list := healthWordList(t)
	corpora = append(corpora, corpus{"testdata/english-health-words.txt", list, nil})

	var all []string
	for _, c := range corpora {
		words, missing := mostFrequentKnown(c.ranked, dict, topWords)
		agree, wrong := agreement(words, dict, c.spelling)
		t.Logf("%s: %d distinct words; top %d found in CMU (%d more not in it): Syllables agrees on %d = %.2f%%",
			c.name, len(c.ranked), len(words), missing, agree, 100*float64(agree)/float64(len(words)))
		checkAgreement(t, c.name, agree, len(words), wrong)
		all = append(all, words...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	agree, wrong := agreement(all, dict, spelling)
	t.Logf("together: %d distinct words, agreement %.2f%%", len(all), 100*float64(agree)/float64(len(all)))
	checkAgreement(t, "together", agree, len(all), wrong)

	// For information, beyond the quality bar: the rest of the word list,
	// which the rules were not tuned on, and every word of the subset.
	top, missing := mostFrequentKnown(list, dict, topWords)
	rest, _ := mostFrequentKnown(list[len(top)+missing:], dict, len(list))
	agree, _ = agreement(rest, dict, nil)
	t.Logf("the rest of the word list: %d words, agreement %.2f%%", len(rest), 100*float64(agree)/float64(len(rest)))
	var every []string
	for w := range dict {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
			every = append(every, w)
		}
	}
	agree, _ = agreement(every, dict, nil)
	t.Logf("every plain word of the dictionary subset: %d words, agreement %.2f%%", len(every), 100*float64(agree)/float64(len(every)))
}

type corpus struct {
	name     string
	ranked   []string          // distinct lower-case words, most frequent first
	spelling map[string]string // how a word is written, if not in lower case
}

func checkAgreement(t *testing.T, name string, agree, total int, wrong []string) {
	t.Helper()
	if total == 0 {
		t.Fatalf("%s: no words to measure", name)
	}
	if float64(agree)/float64(total) < minAgreement {
		t.Errorf("%s: agreement %d/%d is below %.0f%%; first disagreements: %s",
			name, agree, total, 100*minAgreement, strings.Join(wrong[:min(len(wrong), 60)], " "))
	}
}

// agreement counts the words whose Syllables count matches one of their
// CMU pronunciations, and lists the others as word:ours/theirs. Syllables
// is given each word as spelling has it, if it has it (DNA for dna).
func agreement(words []string, dict map[string][]int, spelling map[string]string) (int, []string) {
	agree := 0
	var wrong []string
	for _, w := range words {
		n := Syllables(cmp.Or(spelling[w], w))
		if slices.Contains(dict[w], n) {
			agree++
			continue
		}
		theirs := make([]string, len(dict[w]))
		for i, c := range dict[w] {
			theirs[i] = string(rune('0' + c))
		}
		wrong = append(wrong, w+":"+string(rune('0'+n))+"/"+strings.Join(theirs, ","))
	}
	return agree, wrong
}

// mostFrequentKnown returns the first n words of ranked that the dictionary
// has, and how many it skipped for not being in it.
func mostFrequentKnown(ranked []string, dict map[string][]int, n int) (words []string, missing int) {
	for _, w := range ranked {
		if len(words) == n {
			break
		}
		if _, ok := dict[w]; ok {
			words = append(words, w)
		} else {
			missing++
		}
	}
	return words, missing
}

// loadCMU reads testdata/cmudict-subset.txt.gz, lines of "word  PHONES"
// (variants as "word(2)"), into each word's syllable counts: the number of
// phonemes with a stress digit.
func loadCMU(t testing.TB) map[string][]int {
	t.Helper()
	f, err := os.Open("testdata/cmudict-subset.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	dict := make(map[string][]int)
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		word, phones, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("cmudict subset: bad line %q", sc.Text())
		}
		if i := strings.IndexByte(word, '('); i > 0 {
			word = word[:i]
		}
		n := 0
		for _, p := range strings.Fields(phones) {
			if last := p[len(p)-1]; last >= '0' && last <= '2' {
				n++
			}
		}
		if !slices.Contains(dict[word], n) {
			dict[word] = append(dict[word], n)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return dict
}

// healthWordList reads testdata/english-health-words.txt: one word a line,
// most frequent first.
func healthWordList(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/english-health-words.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(data))
}

// libraryWords reads every .md file under fsys, strips its YAML front matter
// and fenced code, and returns its distinct lower-case words made only of
// letters and apostrophes, most frequent first (ties alphabetical), with
// the spelling each is most often written in.
func libraryWords(fsys fs.FS) ([]string, map[string]string, error) {
	counts := make(map[string]int)
	spellings := make(map[string]map[string]int)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		for _, written := range Words(markdownProse(string(data))) {
			written = strings.ReplaceAll(written, "’", "'")
			w := strings.ToLower(written)
			if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz'") == "" {
				counts[w]++
				if spellings[w] == nil {
					spellings[w] = make(map[string]int)
				}
				spellings[w][written]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	ranked := make([]string, 0, len(counts))
	spelling := make(map[string]string)
	for w := range counts {
		ranked = append(ranked, w)
		best := ""
		for s, n := range spellings[w] {
			if best == "" || n > spellings[w][best] || n == spellings[w][best] && s < best {
				best = s
			}
		}
		spelling[w] = best
	}
	slices.SortFunc(ranked, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	return ranked, spelling, nil
}

// markdownProse drops a file's front matter (between the first two ---
// lines), fenced code blocks and link targets, keeping the prose.
func markdownProse(src string) string {
	lines := strings.Split(src, "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	var b strings.Builder
	fenced := false
	for _, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		for {
			i := strings.Index(line, "](")
			j := strings.IndexByte(line[max(i, 0):], ')')
			if i < 0 || j < 0 {
				break
			}
			line = line[:i+1] + line[i+j+1:]
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
