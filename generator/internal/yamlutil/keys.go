package yamlutil

import (
	"reflect"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// Unknown is a key that the Go type being read has no field for.
type Unknown struct {
	// Key is the key as written; Line and Col locate it.
	Key       string
	Line, Col int
	// In names the map that holds it, as a path of keys such as
	// "theme.logo" or "languages[].menu"; "" for the top level.
	In string
	// Known are the keys that map takes, in the order the type declares
	// them.
	Known []string
}

// UnknownKeys walks the YAML of file beside the struct type of v (a
// pointer to a struct, read with `yaml:"name"` field tags) and returns
// every key, at any depth, that the type has no field for: all of them,
// so that one run reports every misspelt key, each with the keys its map
// takes. Maps with keys of their own (map[string]T) take any key; values
// whose type is not a struct, list or map are not looked into.
func UnknownKeys(file *ast.File, v any) []Unknown {
	if file == nil {
		return nil
	}
	t := reflect.TypeOf(v)
	var out []Unknown
	for _, doc := range file.Docs {
		if doc != nil && doc.Body != nil {
			out = walkKeys(doc.Body, t, "", out)
		}
	}
	return out
}

// walkKeys checks node against type t; in is the path of node.
func walkKeys(node ast.Node, t reflect.Type, in string, out []Unknown) []Unknown {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch n := node.(type) {
	case *ast.TagNode:
		return walkKeys(n.Value, t, in, out)
	case *ast.SequenceNode:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return out
		}
		for _, item := range n.Values {
			out = walkKeys(item, t.Elem(), in+"[]", out)
		}
	case *ast.MappingNode:
		for _, pair := range n.Values {
			out = walkPair(pair, t, in, out)
		}
	case *ast.MappingValueNode:
		out = walkPair(n, t, in, out)
	}
	return out
}

// walkPair checks one key and its value against type t, a map or struct.
func walkPair(pair *ast.MappingValueNode, t reflect.Type, in string, out []Unknown) []Unknown {
	switch t.Kind() {
	case reflect.Map:
		return walkKeys(pair.Value, t.Elem(), in+"."+pair.Key.String(), out)
	case reflect.Struct:
	default:
		return out
	}
	key := pair.Key.String()
	fields := yamlFields(t)
	for _, f := range fields {
		if f.name == key {
			return walkKeys(pair.Value, f.typ, strings.TrimPrefix(in+"."+key, "."), out)
		}
	}
	line, col := NodePosition(pair.Key)
	known := make([]string, len(fields))
	for i, f := range fields {
		known[i] = f.name
	}
	return append(out, Unknown{Key: key, Line: line, Col: col, In: in, Known: known})
}

// field is a struct field as YAML names it.
type field struct {
	name string
	typ  reflect.Type
}

// yamlFields returns the exported fields of a struct type with the names
// goccy/go-yaml reads them by: the tag's name, else the lower-cased
// field name.
func yamlFields(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = strings.ToLower(f.Name)
		}
		out = append(out, field{name: name, typ: f.Type})
	}
	return out
}
