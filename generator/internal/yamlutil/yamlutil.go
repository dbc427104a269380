// Package yamlutil turns goccy/go-yaml errors and nodes into the
// diagnostics handout reports, so that site.yaml and front matter point at
// the same line and column an editor sees.
package yamlutil

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/handout-health/handout/generator/diag"
)

// ErrorDiagnostic converts a go-yaml error about the file at path into a
// diagnostic with the line and column of the token it names. lineOffset is
// added to the line, for YAML that starts further down a file.
func ErrorDiagnostic(path string, lineOffset int, err error) diag.Diagnostic {
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		line, col := 1, 1
		if tok := yerr.GetToken(); tok != nil {
			line, col = tok.Position.Line, tok.Position.Column
		}
		return diag.Errorf(path, line+lineOffset, col, "%s", cleanMessage(yerr.GetMessage()))
	}
	return diag.Errorf(path, 1+lineOffset, 1, "%s", cleanMessage(err.Error()))
}

// cleanMessage turns go-yaml's Go-centred wording into an editor's.
func cleanMessage(msg string) string {
	msg = strings.TrimSpace(msg)
	if name, ok := strings.CutPrefix(msg, "unknown field "); ok {
		return "unknown key " + name
	}
	return msg
}

// NodePosition returns the 1-based line and column where node starts.
func NodePosition(node ast.Node) (line, col int) {
	if node == nil || node.GetToken() == nil {
		return 1, 1
	}
	pos := node.GetToken().Position
	return pos.Line, pos.Column
}

// Locate returns the position of the value at a YAML path such as
// "$.consent.categories[0].id" in file, or 1, 1 when it is absent.
func Locate(file *ast.File, path string) (line, col int) {
	p, err := yaml.PathString(path)
	if err != nil || file == nil {
		return 1, 1
	}
	node, err := p.FilterFile(file)
	if err != nil {
		return 1, 1
	}
	return NodePosition(node)
}
