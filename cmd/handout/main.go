// Command handout builds patient-education libraries from Markdown.
//
//	handout build  [DIR] [-d DIR] [--drafts] [--base-url URL] [--pdf]
//	handout pdf    [DIR] [-d DIR] [--set TOPIC|all] [-o FILE]
//	handout serve  [DIR] [--bind 127.0.0.1] [--port 1313] [--drafts]
//	handout check  [DIR] [--format text|json|html] [--strict] [-o FILE]
//	handout new    article|term|page TITLE [DIR]
//	handout init   DIR
//	handout version
//
// The site folder (DIR, default the current folder) may also be given as
// -s DIR, as before.
//
// Exit status: 0 success; 1 content errors, every one listed as
// path:line:col: message; 2 usage errors.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/memlimit"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/pdf"
	"github.com/handout-health/handout/generator/scaffold"
	"github.com/handout-health/handout/generator/site"
	"github.com/handout-health/handout/generator/version"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

const usage = `handout builds patient-education libraries from Markdown.

Usage:
  handout build   [DIR] [-d DIR] [--drafts] [--base-url URL] [--pdf]
  handout pdf     [DIR] [-d DIR] [--set TOPIC|all] [-o FILE]
  handout serve   [DIR] [--bind 127.0.0.1] [--port 1313] [--drafts]
  handout check   [DIR] [--format text|json|html] [--strict] [-o FILE]
  handout new     article|term|page TITLE [DIR]
  handout init    DIR
  handout version

DIR is the site folder (with site.yaml), the current folder when left
out; -s DIR says the same. Run "handout COMMAND -h" for a command's options.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without os.Exit, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "pdf":
		return runPDF(rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "init":
		return runInit(rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "handout", version.Current())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "handout: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

// newFlags returns a flag set that prints its usage to stderr and never
// exits the program itself.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: handout %s\n\nOptions:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments, and
// returns the positional ones. ok is false on a usage error (or -h).
func parseFlags(fs *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, exitOK, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// siteFlag adds -s, the site folder, to a command's flags.
func siteFlag(fs *flag.FlagSet) *string {
	dir := new(string)
	siteFlagVar(fs, dir)
	return dir
}

// siteFlagVar adds -s, the site folder, into dir.
func siteFlagVar(fs *flag.FlagSet, dir *string) {
	fs.StringVar(dir, "s", ".", "the site `folder` (with site.yaml); it may also be given as the last argument")
}

// parseSite parses a command that takes options and, after want other
// arguments, the site folder, which may also be given as -s (into dir).
// It returns the other arguments.
func parseSite(fs *flag.FlagSet, args []string, dir *string, want int, stderr io.Writer) (rest []string, code int, ok bool) {
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return nil, code, false
	}
	if len(pos) <= want {
		return pos, exitOK, true
	}
	if len(pos) > want+1 {
		fmt.Fprintf(stderr, "handout %s: unexpected argument %q\n", fs.Name(), diag.Printable(pos[want+1]))
		return nil, exitUsage, false
	}
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "s" })
	if given && filepath.Clean(*dir) != filepath.Clean(pos[want]) {
		fmt.Fprintf(stderr, "handout %s: two site folders, %s (-s) and %s: give one\n", fs.Name(), diag.Printable(*dir), diag.Printable(pos[want]))
		return nil, exitUsage, false
	}
	*dir = pos[want]
	return pos[:want], exitOK, true
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [DIR] [-d DIR] [--drafts] [--base-url URL] [--pdf]", stderr)
	req := buildRequest{command: "build"}
	req.flags(fs)
	fs.BoolVar(&req.pdf, "pdf", false, "print each article's PDF leaflets too, with Chromium (see handout pdf)")
	if _, code, ok := parseSite(fs, args, &req.siteDir, 0, stderr); !ok {
		return code
	}
	return build(req, stdout, stderr)
}

// A buildRequest is what handout build and handout pdf are asked to do.
type buildRequest struct {
	command       string
	siteDir, dest string
	drafts        bool
	baseURL       string
	pdf           bool
	set, rackFile string
}

// flags adds the options build and pdf share.
func (r *buildRequest) flags(fs *flag.FlagSet) {
	siteFlagVar(fs, &r.siteDir)
	fs.StringVar(&r.dest, "d", "", "the output `folder` (default: public/ in the site folder)")
	fs.BoolVar(&r.drafts, "drafts", false, "include documents marked draft: true")
	fs.StringVar(&r.baseURL, "base-url", "", "the site's absolute `URL`, replacing site.yaml's base_url")
}

// build builds the site, and prints its leaflets when asked to, before
// the output takes the place of the previous one.
func build(req buildRequest, stdout, stderr io.Writer) int {
	if req.dest == "" {
		req.dest = filepath.Join(req.siteDir, "public")
	}
	// A large library's heap is kept near what is live (README, "Build").
	defer memlimit.Follow(memlimit.Build)()
	var browser string
	if req.pdf {
		var err error
		if browser, err = pdf.FindBrowser(); err != nil {
			fail(stderr, req.command, err)
			return exitUsage
		}
	}
	root, err := os.OpenRoot(req.siteDir)
	if err != nil {
		fail(stderr, req.command, err)
		return exitUsage
	}
	defer root.Close()
	if err := output.CheckTarget(req.dest, req.siteDir, content.SourceFolders...); err != nil {
		fail(stderr, req.command, err)
		return exitUsage
	}
	start := time.Now()
	out, err := output.NewDir(req.dest)
	if err != nil {
		fail(stderr, req.command, err)
		return exitContent
	}
	cacheDir := filepath.Join(filepath.Dir(req.dest), site.CacheDir)
	progress := newProgress(stderr)
	res, err := site.Build(root.FS(), site.Options{
		LoadOptions: site.LoadOptions{Drafts: req.drafts, BaseURL: req.baseURL, Leaflets: req.pdf},
		Writer:      out,
		Version:     version.Current().Short(),
		Progress:    progress.pages,
		Scratch:     filepath.Dir(req.dest),
		Cache:       cacheDir,
	})
	progress.done()
	printDiagnostics(stderr, res.Diagnostics)
	if err != nil {
		_ = out.Abort()
		fmt.Fprintf(stderr, "handout %s: %d %s; %s left as it was\n", req.command, len(res.Diagnostics.Errors()), plural(len(res.Diagnostics.Errors()), "error", "errors"), diag.Printable(req.dest))
		return exitContent
	}
	var printed *printReport
	if req.pdf {
		var set *site.RackSet
		if req.set != "" {
			found, err := res.Site.RackSet(req.set)
			if err != nil {
				_ = out.Abort()
				fail(stderr, req.command, fmt.Errorf("--set: %w", err))
				return exitUsage
			}
			set = &found
		}
		if printed, err = printAll(req, res.Site, set, out, browser, cacheDir); err != nil {
			_ = out.Abort()
			fail(stderr, req.command, err)
			fmt.Fprintf(stderr, "handout %s: %s left as it was\n", req.command, diag.Printable(req.dest))
			return exitContent
		}
		printDiagnostics(stderr, printed.warnings)
	}
	if err := out.Commit(); err != nil {
		fail(stderr, req.command, err)
		return exitContent
	}
	files := fmt.Sprintf("%d files", res.Files)
	if n := out.Unchanged(); n > 0 {
		files += fmt.Sprintf(", %d unchanged", n)
	}
	if res.VariantsMade > 0 {
		files += fmt.Sprintf(", %d image %s made", res.VariantsMade, plural(res.VariantsMade, "copy", "copies"))
	}
	fmt.Fprintf(stdout, "Built %d pages (%s) into %s in %d ms", res.Pages, files, diag.Printable(req.dest), time.Since(start).Milliseconds())
	if w := len(res.Diagnostics.Warnings()); w > 0 {
		fmt.Fprintf(stdout, ", with %d %s", w, plural(w, "warning", "warnings"))
	}
	fmt.Fprintln(stdout)
	if printed != nil {
		printed.summary(stdout)
	}
	if n := len(res.Drafts); n > 0 {
		serve := "handout serve --drafts"
		if filepath.Clean(req.siteDir) != "." {
			serve = "handout serve " + diag.Printable(req.siteDir) + " --drafts"
		}
		fmt.Fprintf(stdout, "Left out %d %s marked draft: true (%s): build with --drafts to include %s, or preview with %s.\n",
			n, plural(n, "document", "documents"), listPaths(res.Drafts), plural(n, "it", "them"), serve)
	}
	for _, note := range res.Notes {
		fmt.Fprintf(stdout, "Note: %s\n", note)
	}
	return exitOK
}

// listPaths names up to three files, and how many more there are.
func listPaths(paths []string) string {
	const shown = 3
	out := diag.Printable(strings.Join(paths[:min(shown, len(paths))], ", "))
	if more := len(paths) - shown; more > 0 {
		out += fmt.Sprintf(" and %d more", more)
	}
	return out
}

// fail prints a command's error, escaped for the terminal: it may quote a
// file name.
func fail(stderr io.Writer, command string, err error) {
	fmt.Fprintf(stderr, "handout %s: %s\n", command, diag.Printable(err.Error()))
}

func printDiagnostics(w io.Writer, list diag.List) {
	for _, d := range list {
		fmt.Fprintln(w, d)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "new article|term|page TITLE [DIR]", stderr)
	siteDir := siteFlag(fs)
	pos, code, ok := parseSite(fs, args, siteDir, 2, stderr)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		fs.Usage()
		return exitUsage
	}
	if _, known := scaffold.Kinds[pos[0]]; !known {
		fmt.Fprintf(stderr, "handout new: cannot make a %q: choose article, term or page\n", pos[0])
		return exitUsage
	}
	file, err := scaffold.New(*siteDir, pos[0], pos[1], time.Now())
	if err != nil {
		fail(stderr, "new", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Wrote %s\n", diag.Printable(file))
	if pos[0] == "article" {
		dir := diag.Printable(*siteDir)
		fmt.Fprintf(stdout, "It is a draft (draft: true): build, check and serve leave it out until you remove that line. Preview it with:\n  handout serve %s --drafts\nand check it with:\n  handout check %s --drafts\n", dir, dir)
	}
	return exitOK
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "init DIR", stderr)
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	if err := scaffold.Init(pos[0], time.Now()); err != nil {
		fail(stderr, "init", err)
		return exitContent
	}
	dir := diag.Printable(pos[0])
	fmt.Fprintf(stdout, "Made a new site in %s. Preview it with:\n  handout serve %s\nand build it with:\n  handout build %s\n", dir, dir, dir)
	return exitOK
}

// progress shows "Writing pages 120/350" on a terminal and nothing
// elsewhere, so logs and CI output stay clean.
type progress struct {
	w        io.Writer
	terminal bool
	last     time.Time
	shown    bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) pages(done, total int) {
	if !p.terminal || (time.Since(p.last) < 100*time.Millisecond && done != total) {
		return
	}
	p.last = time.Now()
	p.shown = true
	fmt.Fprintf(p.w, "\rWriting pages %d/%d", done, total)
}

func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", 40)+"\r")
	}
}
