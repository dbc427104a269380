package readability

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkMeasure measures a patient article of about 900 words
// (testdata/article.txt), split into its paragraphs, list items and
// headings as `handout check` passes them.
func BenchmarkMeasure(b *testing.B) {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	var blocks []string
	for para := range strings.SplitSeq(string(data), "\n\n") {
		for line := range strings.SplitSeq(para, "\n- ") {
			blocks = append(blocks, strings.TrimPrefix(line, "- "))
		}
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var s Stats
	for b.Loop() {
		s = Measure(blocks)
	}
	b.ReportMetric(float64(s.Words), "words")
}
