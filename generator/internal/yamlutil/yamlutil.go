// Package yamlutil reads YAML for handout: Parse bounds what goccy/go-yaml
// is given (size, nesting, no anchors or aliases) so that no input can
// exhaust memory, and ErrorDiagnostic turns its errors and nodes into the
// diagnostics handout reports, so that site.yaml, front matter and string
// files point at the same line and column an editor sees.
package yamlutil

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/handout-health/handout/generator/diag"
)

// ErrorDiagnostic converts a go-yaml error about the file at path into a
// diagnostic with the line and column of the token it names. lineOffset is
// added to the line, for YAML that starts further down a file.
func ErrorDiagnostic(path string, lineOffset int, err error) diag.Diagnostic {
	var refusal *Refusal
	if errors.As(err, &refusal) {
		return diag.Errorf(path, refusal.Line+lineOffset, refusal.Col, "%s", refusal.Message)
	}
	var terr *tagError
	if errors.As(err, &terr) {
		line, col := NodePosition(terr.tag)
		return diag.Errorf(path, line+lineOffset, col, "%s", terr.Error())
	}
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

// Unmarshal decodes data into v as yaml.UnmarshalWithOptions does, but
// first refuses a tag without a value (`headings: !x`), on which go-yaml
// v1.19 dereferences nil, and turns any other panic of the decoder into an
// error: odd input is an error, never a crash.
func Unmarshal(file *ast.File, data []byte, v any, opts ...yaml.DecodeOption) (err error) {
	if tag := emptyTag(file); tag != nil {
		return &tagError{tag: tag}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("this YAML could not be read (%v); check the indentation and quoting", r)
		}
	}()
	return yaml.UnmarshalWithOptions(data, v, opts...)
}

// tagError is a tag without a value.
type tagError struct{ tag *ast.TagNode }

// Error implements error.
func (e *tagError) Error() string {
	return fmt.Sprintf("the YAML tag %s has no value; remove it or put a value after it", e.tag.GetToken().Value)
}

// emptyTag returns the first tag in file that has no value.
func emptyTag(file *ast.File) *ast.TagNode {
	if file == nil {
		return nil
	}
	var found *ast.TagNode
	for _, doc := range file.Docs {
		if doc != nil && doc.Body != nil {
			ast.Walk(visitor(func(n ast.Node) bool {
				if t, ok := n.(*ast.TagNode); ok && found == nil {
					if _, null := t.Value.(*ast.NullNode); null || t.Value == nil {
						found = t
					}
				}
				return found == nil
			}), doc.Body)
		}
	}
	return found
}

// visitor adapts a function to ast.Visitor; it returns false to stop.
type visitor func(ast.Node) bool

// Visit implements ast.Visitor.
func (f visitor) Visit(n ast.Node) ast.Visitor {
	if n == nil || !f(n) {
		return nil
	}
	return f
}

// Newlines returns data with every line break ("\r\n", or a lone "\r" as
// old Mac editors write) made "\n". Lines and columns stay as an editor
// counts them, and go-yaml, which miscounts lines around a "\r" in some
// places (after a comment), reports them right.
func Newlines(data []byte) []byte {
	if !bytes.ContainsRune(data, '\r') {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}
