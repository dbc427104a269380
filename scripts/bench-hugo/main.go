//go:build linux

// Command bench-hugo times handout against Hugo on the same generated
// corpus, side by side, as whole processes: the comparison the speed
// targets are written in (docs/performance.md).
//
//	go run ./scripts/bench-hugo -n 1000
//	go run ./scripts/bench-hugo -n 10000 -rounds 3
//
// It writes the corpus with the project's shared generator
// (../shared/bench/corpus, or -corpus DIR) in both layouts, builds the
// handout binary from this checkout, and then, for -rounds rounds,
// alternates the two tools (A B A B, so that a drifting machine meets
// both alike) on two builds:
//
//   - rebuild: into the tool's existing output folder, as an editor's
//     second build or a CI cache does;
//   - first build: into a new, empty folder (the folder's removal is not
//     timed).
//
// It prints the median wall time and peak memory (resident set, from the
// kernel's rusage) of each, their ratio, and the commands it ran. Without
// a hugo binary on the PATH it times handout alone.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/handout-health/handout/scripts/internal/bench"
)

// run is one timed process: its wall time and peak resident memory.
type run struct {
	wall time.Duration
	peak int64 // bytes
}

// tool is one generator under test and how to run it.
type tool struct {
	name string
	// command returns the arguments that build the corpus into out.
	command func(out string) []string
}

func main() {
	articles := flag.Int("n", 1000, "articles in the corpus")
	terms := flag.Int("terms", 0, "glossary terms (default: n/5 up to 1,000 articles, 3n/20 above, as in the speed issue's 200 and 1,500)")
	rounds := flag.Int("rounds", 5, "alternating rounds; medians are over these")
	corpus := flag.String("corpus", "../shared/bench/corpus", "the shared corpus generator's folder")
	work := flag.String("work", "", "folder for the corpus, binary and outputs (default: a new temporary folder, removed at the end)")
	flag.Parse()
	if *terms == 0 {
		*terms = bench.DefaultTerms(*articles)
	}
	if err := compare(*articles, *terms, *rounds, *corpus, *work, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench-hugo:", err)
		os.Exit(1)
	}
}

func compare(articles, terms, rounds int, corpus, work string, w io.Writer) error {
	if work == "" {
		dir, err := os.MkdirTemp("", "bench-hugo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	site := filepath.Join(work, "corpus")
	if err := bench.WriteCorpus(corpus, site, articles, terms, "ours,hugo"); err != nil {
		return err
	}
	handout := filepath.Join(work, "handout")
	if err := bench.BuildHandout(handout); err != nil {
		return err
	}
	tools := []tool{{"handout", func(out string) []string {
		return []string{handout, "build", "-s", filepath.Join(site, "ours"), "-d", out}
	}}}
	if hugo, err := exec.LookPath("hugo"); err == nil {
		tools = append(tools, tool{"hugo", func(out string) []string {
			return []string{hugo, "--quiet", "-s", filepath.Join(site, "hugo"), "-d", out}
		}})
	} else {
		fmt.Fprintln(w, "no hugo on the PATH: timing handout alone")
	}
	rebuild := make(map[string][]run)
	first := make(map[string][]run)
	for _, t := range tools {
		// One untimed build, so that every timed rebuild replaces an output.
		if _, err := timed(t.command(filepath.Join(work, "out-"+t.name))); err != nil {
			return err
		}
	}
	for range rounds {
		for _, t := range tools {
			r, err := timed(t.command(filepath.Join(work, "out-"+t.name)))
			if err != nil {
				return err
			}
			rebuild[t.name] = append(rebuild[t.name], r)
			fresh := filepath.Join(work, "fresh-"+t.name)
			if err := os.RemoveAll(fresh); err != nil {
				return err
			}
			r, err = timed(t.command(fresh))
			if err != nil {
				return err
			}
			first[t.name] = append(first[t.name], r)
		}
	}
	fmt.Fprintf(w, "%d articles, %d terms, %d alternating rounds, medians\n\n", articles, terms, rounds)
	report(w, tools, rebuild, first)
	fmt.Fprintln(w, "\ncommands (rebuild into out-*, first build into an emptied fresh-*):")
	for _, t := range tools {
		fmt.Fprintf(w, "  %q\n", t.command(filepath.Join(work, "out-"+t.name)))
	}
	return nil
}

// report prints one row per build kind: each tool's median wall time and
// peak memory, and handout's ratio to Hugo when Hugo ran.
func report(w io.Writer, tools []tool, rebuild, first map[string][]run) {
	fmt.Fprintf(w, "%-12s", "build")
	for _, t := range tools {
		fmt.Fprintf(w, " %14s %12s", t.name+" wall", t.name+" peak")
	}
	if len(tools) > 1 {
		fmt.Fprintf(w, " %12s %12s", "wall ratio", "peak ratio")
	}
	fmt.Fprintln(w)
	for _, row := range []struct {
		name string
		runs map[string][]run
	}{{"rebuild", rebuild}, {"first build", first}} {
		fmt.Fprintf(w, "%-12s", row.name)
		for _, t := range tools {
			m := median(row.runs[t.name])
			fmt.Fprintf(w, " %14s %9.0f MiB", m.wall.Round(time.Millisecond), float64(m.peak)/(1<<20))
		}
		if len(tools) > 1 {
			ours, theirs := median(row.runs["handout"]), median(row.runs["hugo"])
			fmt.Fprintf(w, " %12.2f %12.2f", ours.wall.Seconds()/theirs.wall.Seconds(), float64(ours.peak)/float64(theirs.peak))
		}
		fmt.Fprintln(w)
	}
}

// median returns the median wall time and the median peak of runs, each
// taken on its own.
func median(runs []run) run {
	walls := make([]time.Duration, len(runs))
	peaks := make([]int64, len(runs))
	for i, r := range runs {
		walls[i], peaks[i] = r.wall, r.peak
	}
	return run{bench.Middle(walls), bench.Middle(peaks)}
}

// timed runs a command with its output discarded and returns its wall
// time and peak resident memory.
func timed(args []string) (run, error) {
	cmd := exec.Command(args[0], args[1:]...)
	start := time.Now()
	if err := bench.Quiet(cmd); err != nil {
		return run{}, err
	}
	wall := time.Since(start)
	usage, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var peak int64
	if usage != nil {
		peak = usage.Maxrss * 1024 // Linux reports kilobytes
	}
	return run{wall, peak}, nil
}
