package readability

import (
	"os"
	"strings"
	"testing"
)

func TestDevDump(t *testing.T) {
	dict := loadCMU(t)
	list := healthWordList(t)
	lib, _ := libraryWords(os.DirFS("../../content"))
	top, _ := mostFrequentKnown(list, dict, 5000)
	hold, _ := mostFrequentKnown(list[len(top)+139:], dict, 100000)
	libw, _ := mostFrequentKnown(lib, dict, 5000)
	var all []string
	for w := range dict {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
			all = append(all, w)
		}
	}
	for _, c := range []struct {
		name  string
		words []string
	}{{"top", top}, {"hold", hold}, {"lib", libw}, {"alldict", all}} {
		a, wrong := agreement(c.words, dict)
		t.Logf("%s: %d/%d = %.2f%%", c.name, a, len(c.words), 100*float64(a)/float64(len(c.words)))
		os.WriteFile("/tmp/rd/wrong-"+c.name+".txt", []byte(strings.Join(wrong, "\n")+"\n"), 0o644)
	}
}

func TestDevAll(t *testing.T) {
	dict := loadCMU(t)
	var b strings.Builder
	for w, cs := range dict {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz'") != "" {
			continue
		}
		b.WriteString(w)
		b.WriteByte('\t')
		b.WriteString(string(rune('0' + Syllables(w))))
		for _, c := range cs {
			b.WriteByte('\t')
			b.WriteString(string(rune('0' + c)))
		}
		b.WriteByte('\n')
	}
	os.WriteFile("/tmp/rd/all.tsv", []byte(b.String()), 0o644)
}
