// Command corpus writes a generated site for benchmarks and load tests:
//
//	go run ./generator/internal/corpus -n 10000 -terms 2000 -o /tmp/site
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/handout-health/handout/generator/internal/corpusgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	terms := flag.Int("terms", 200, "number of glossary terms")
	seed := flag.Uint64("seed", 1, "seed; the same seed gives the same site")
	out := flag.String("o", "corpus-site", "output `folder`")
	flag.Parse()
	for _, f := range corpusgen.Generate(corpusgen.Options{Articles: *n, Terms: *terms, Seed: *seed}) {
		p := filepath.Join(*out, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("Wrote %d articles and %d terms into %s\n", *n, *terms, *out)
}
