package glossary

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/markdown/glossterm"
)

func entry(id string, names ...string) *Entry {
	return &Entry{Entry: glossterm.Entry{ID: id, URL: "/glossary/" + id + "/"}, Names: names}
}

var testEntries = []*Entry{
	entry("neurotransmitter", "neurotransmitter"),
	entry("serotonin", "Serotonin", "5-HT"),
	entry("gaba", "GABA"),
	entry("vitamin-b6", "vitamin B6"),
	entry("vitamin", "vitamin"),
	entry("reuptake", "reuptake", "re-uptake"),
	entry("cafe", "café"),
	entry("therapy", "therapy"),
	entry("synapse", "synapse"),
	entry("synaptic-cleft", "synaptic cleft"),
	entry("box", "box"),
	entry("stress", "stress"),
}

// mentions returns the matches in text as "text=id" pairs.
func mentions(m *Matcher, text string) string {
	var out []string
	m.Match([]byte(text), func(start, end int, e *glossterm.Entry) {
		out = append(out, fmt.Sprintf("%s=%s", text[start:end], e.ID))
	})
	return strings.Join(out, " ")
}

func TestMatch(t *testing.T) {
	m := NewMatcher(testEntries)
	tests := []struct{ name, text, want string }{
		{"plain", "The neurotransmitter works.", "neurotransmitter=neurotransmitter"},
		{"plural", "Neurotransmitters carry signals.", "Neurotransmitters=neurotransmitter"},
		{"plural -ies", "Talking therapies help.", "therapies=therapy"},
		{"plural -es", "Two boxes.", "boxes=box"},
		{"not a plural", "Stress is common; it stresses us.", "Stress=stress stresses=stress"},
		{"case", "SEROTONIN and serotonin", "SEROTONIN=serotonin serotonin=serotonin"},
		{"synonym with hyphen and digit", "Also called 5-HT.", "5-HT=serotonin"},
		{"hyphen joins like a space", "the 5 HT receptor", "5 HT=serotonin"},
		{"longest match", "Take vitamin B6 daily, not just any vitamin.", "vitamin B6=vitamin-b6 vitamin=vitamin"},
		{"overlapping terms", "the synaptic cleft near a synapse", "synaptic cleft=synaptic-cleft synapse=synapse"},
		{"prefix of a longer word", "GABAergic cells", ""},
		{"hyphenated compound", "GABA-based drugs", "GABA=gaba"},
		{"possessive", "GABA's role", "GABA=gaba"},
		{"punctuation around", "(serotonin), \"GABA\".", "serotonin=serotonin GABA=gaba"},
		{"across a line break", "the synaptic\ncleft", "synaptic\ncleft=synaptic-cleft"},
		{"no match across punctuation", "vitamin. B6", "vitamin=vitamin"},
		{"unicode word", "A café nearby, or a CAFE.", "café=cafe CAFE=cafe"},
		{"re-uptake spelled both ways", "reuptake or re-uptake", "reuptake=reuptake re-uptake=reuptake"},
		{"digits inside words", "vitamin B66", "vitamin=vitamin"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mentions(m, tt.text); got != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// BenchmarkMatch runs the matcher over a 900-word text with 200 and 2,000
// names: the cost depends on the text, barely on the glossary.
func BenchmarkMatch(b *testing.B) {
	text := []byte(strings.Repeat("Most serotonin is made in the gut, and neurotransmitters such as GABA calm nerve cells after reuptake of vitamin B6. ", 45))
	for _, n := range []int{200, 2000} {
		entries := slices.Clone(testEntries)
		for i := range n {
			entries = append(entries, entry(fmt.Sprint("t", i), fmt.Sprintf("filler term %d", i), fmt.Sprintf("word%d", i)))
		}
		m := NewMatcher(entries)
		b.Run(fmt.Sprintf("names=%d", n), func(b *testing.B) {
			for b.Loop() {
				m.Match(text, func(int, int, *glossterm.Entry) {})
			}
		})
	}
}
