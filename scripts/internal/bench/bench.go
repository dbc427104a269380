// Package bench holds what the benchmark programs under scripts/ share:
// writing the project's generated corpus, building the handout binary,
// running a command quietly and taking a median.
package bench

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

// DefaultTerms is the glossary size the speed issue measured with: 200
// terms for 1,000 articles, 1,500 for 10,000.
func DefaultTerms(articles int) int {
	if articles <= 1000 {
		return articles / 5
	}
	return articles * 3 / 20
}

// WriteCorpus writes a corpus of articles and terms into out with the
// project's shared generator in the folder generator (../shared/bench/
// corpus), in the given layouts ("ours", "ours,hugo"); out/ours is the
// handout site.
func WriteCorpus(generator, out string, articles, terms int, layouts string) error {
	generator, err := filepath.Abs(generator)
	if err != nil {
		return err
	}
	gen := exec.Command("go", "run", ".", "-n", fmt.Sprint(articles), "-terms", fmt.Sprint(terms), "-seed", "1", "-layouts", layouts, "-out", out)
	gen.Dir = generator
	if err := Quiet(gen); err != nil {
		return fmt.Errorf("writing the corpus with %s: %w", generator, err)
	}
	return nil
}

// BuildHandout builds the handout binary of this checkout into out.
func BuildHandout(out string) error {
	if err := Quiet(exec.Command("go", "build", "-o", out, "./cmd/handout")); err != nil {
		return fmt.Errorf("building handout: %w", err)
	}
	return nil
}

// Quiet runs cmd and, when it fails, returns its output with the error.
func Quiet(cmd *exec.Cmd) error {
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", cmd, err, out)
	}
	return nil
}

// Middle is the median of values: the mean of the two middle ones when
// there is an even number.
func Middle[T time.Duration | int64](values []T) T {
	if len(values) == 0 {
		return 0
	}
	s := slices.Clone(values)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
