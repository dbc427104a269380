// Package diag models what a stage of the pipeline finds wrong with a site:
// a Diagnostic names the file, line and column, how serious it is and what
// is wrong. Stages return a List; only the orchestrator (and the check
// command) decides whether a warning fails a run.
//
// Every diagnostic prints as `path:line:col: message`, the form editors and
// CI systems turn into clickable locations. Warnings add "warning: " before
// the message. Text printed to a terminal passes through Printable (and
// file names through QuotePath), so that no title or file name can send
// the terminal escape sequences or forge a line.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity says whether a diagnostic stops a build.
type Severity int

const (
	// Error fails `handout build` and `handout check`.
	Error Severity = iota
	// Warning is reported; `check --strict` treats it as an error.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity's name, for JSON reports.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding about one place in one file.
type Diagnostic struct {
	// Path is the file, relative to the site folder, with forward slashes.
	Path string `json:"path"`
	// Line and Col are 1-based; 0 means the whole file (or line).
	Line int `json:"line"`
	Col  int `json:"col"`
	// Severity says whether the finding fails a build.
	Severity Severity `json:"severity"`
	// Rule names the check that found it, such as "link" or "review-overdue".
	Rule string `json:"rule,omitempty"`
	// Message says what is wrong, in words an editor understands.
	Message string `json:"message"`
}

// Errorf returns an error diagnostic at path:line:col.
func Errorf(path string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{Path: path, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning diagnostic at path:line:col.
func Warnf(path string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{Path: path, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...)}
}

// WithRule returns d with its rule set.
func (d Diagnostic) WithRule(rule string) Diagnostic {
	d.Rule = rule
	return d
}

// String formats d as `path:line:col: message`, for a terminal or a log;
// line and column are always printed (as 1 when unknown) so every tool can
// parse the location. It is always one line: an odd file name is quoted
// (QuotePath), and control characters in the message are escaped
// (Printable).
func (d Diagnostic) String() string {
	line, col := max(d.Line, 1), max(d.Col, 1)
	prefix := ""
	if d.Severity == Warning {
		prefix = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", QuotePath(d.Path), line, col, prefix, Printable(d.Message))
}

// List is an ordered collection of diagnostics.
type List []Diagnostic

// HasErrors reports whether any diagnostic in l is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns the error diagnostics of l.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns the warning diagnostics of l.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders l by path, line, column and message, so reports are stable.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Strict returns a copy of l with every warning raised to an error.
func (l List) Strict() List {
	out := slices.Clone(l)
	for i := range out {
		out[i].Severity = Error
	}
	return out
}

// String formats l one diagnostic per line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// ListError is the error a failed stage returns: every error it found.
type ListError struct {
	List List
}

// Error formats every diagnostic on its own line.
func (e *ListError) Error() string { return strings.TrimSuffix(e.List.String(), "\n") }

// Lines maps byte offsets of one source text to lines and columns.
type Lines struct {
	src    []byte
	starts []int // byte offset at which each line begins
}

// NewLines indexes the line starts of src.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts}
}

// Offset is the byte offset at which a 1-based line starts (the last
// line's for a line past the end, 0 for one before the start).
func (l *Lines) Offset(line int) int {
	if line < 1 {
		return 0
	}
	return l.starts[min(line, len(l.starts))-1]
}

// Position converts a byte offset into a 1-based line and column. The
// column counts characters (runes), as editors do.
func (l *Lines) Position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(l.src))
	i, found := slices.BinarySearch(l.starts, offset)
	if !found {
		i--
	}
	return i + 1, 1 + utf8.RuneCount(l.src[l.starts[i]:offset])
}
