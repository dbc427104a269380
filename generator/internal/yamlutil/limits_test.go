package yamlutil

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
)

// Parse refuses anchors, aliases, merge keys, deep nesting, long key
// paths and oversized text at the line and column where they start.
func TestParseRefuses(t *testing.T) {
	tests := []struct {
		name, yaml string
		line, col  int
		want       string
	}{
		{"anchor", "title: &t Sleep\nsummary: x\n", 1, 8, "a YAML anchor (&t) is not supported"},
		{"alias", "title: Sleep\nsummary: *t\n", 2, 10, "a YAML alias (*t) is not supported"},
		{"alias in a flow list", "tags: [a, *t]\n", 1, 11, "alias (*t)"},
		{"merge key", "base:\n  x: 1\nother:\n  <<: {x: 2}\n", 4, 3, "merge key (<<)"},
		{"flow lists", "tags: " + strings.Repeat("[", 30), 1, 6 + MaxDepth, "nest more than 20 levels"},
		{"flow maps", "a: " + strings.Repeat("{b: ", 30), 1, 4 * MaxDepth, "nest more than 20 levels"},
		{"flow lists on lines", "tags:\n" + strings.Repeat("[\n", 30), 1 + MaxDepth, 1, "nest more than 20 levels"},
		{"dashes", "tags:\n" + strings.Repeat("- ", 30) + "x\n", 2, 1 + 2*(MaxDepth-1), "nest more than 20 levels"},
		{"indented maps", nestedMaps(30), MaxDepth + 1, 2*MaxDepth + 1, "nest more than 20 levels"},
		{"lists under keys", nestedSeqMaps(30), 11, 21, "nest more than 20 levels"},
		{"long key", strings.Repeat("k", 600) + ": x\n", 1, 1, "over 512 characters"},
		{"long keys nested", nestedLongKeys(3, 200), 3, 5, "over 512 characters"},
		{"too many tokens", "tags:\n" + strings.Repeat("- x\n", 20_000), 8333, 4, "too many keys, values and punctuation marks"},
		{"too many bytes", "summary: " + strings.Repeat("word ", MaxBytes/5+1), 1, MaxBytes + 1, "over 1 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file, err := Parse([]byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse accepted it: %v", file)
			}
			d := ErrorDiagnostic("site.yaml", 0, err)
			if !strings.Contains(d.Message, tt.want) {
				t.Errorf("message %q, want it to contain %q", d.Message, tt.want)
			}
			if tt.line != 0 && (d.Line != tt.line || d.Col != tt.col) {
				t.Errorf("at %d:%d, want %d:%d (%s)", d.Line, d.Col, tt.line, tt.col, d.Message)
			}
		})
	}
}

// nestedMaps is n maps, each the value of a key two columns deeper.
func nestedMaps(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	return b.String()
}

// nestedSeqMaps is n levels of "- key:", each list at its key's column.
func nestedSeqMaps(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- k:\n")
	}
	return b.String()
}

// nestedLongKeys is n maps under keys of length long.
func nestedLongKeys(n, long int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + strings.Repeat("k", long) + ":\n")
	}
	return b.String()
}

// What looks like an anchor or alias inside a text, the deepest nesting
// handout's settings use, and the files handout ships all parse.
func TestParseAccepts(t *testing.T) {
	tests := []string{
		"title: Q&A\nsummary: Tom & Jerry, 5 * 3, a *b*\n",
		"title: \"&t\"\nsummary: '*t'\ntags: [\"*a\", a&b, c*]\nx: <<\n",
		"url: https://e.org/?a=1&b=2#x\n",
		"languages:\n  - code: es\n    consent:\n      - id: analytics\n        title: Analítica\n",
		"a:\n- b\n- c\nd:\n  - e: [f, {g: h}]\n",
		"tags: " + strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1) + "\n",
		nestedMaps(MaxDepth),
		strings.Repeat("k", 500) + ": x\n",
		"# only a comment\n",
		"",
	}
	for _, yaml := range tests {
		if _, err := Parse([]byte(yaml)); err != nil {
			t.Errorf("Parse(%.60q): %v", yaml, err)
		}
	}
	for _, name := range []string{"../../../site.yaml", "../../../templates/i18n/en.yaml", "../../../templates/i18n/es.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A megabyte of YAML built to exhaust goccy/go-yaml is refused with a few
// MB of allocation. Before Parse, the nested brackets ran out of memory,
// the dashes took 23 GB, the long key 8 GB for 200 KB, and the aliases
// were read. The time is not asserted: it is some 10 ms here.
func TestParseHostileMemory(t *testing.T) {
	const size = 1 << 20
	long := strings.Repeat("k", 60_000)
	tests := map[string]string{
		"nested brackets":        "tags: " + strings.Repeat("[", size),
		"nested brackets, lines": "tags:\n" + strings.Repeat("[\n", size/2),
		"nested dashes":          "tags:\n" + strings.Repeat("- ", size/2),
		"indentation":            nestedMaps(1000),
		"aliases":                "tags: [" + strings.Repeat("*a, ", size/4) + "]\n",
		"billion laughs":         laughs(size),
		"long key, many values":  long + ":\n  [" + strings.Repeat("x,", (size-len(long))/2) + "]\n",
		"many values":            "tags:\n" + strings.Repeat("- x\n", size/4),
		"commas":                 "tags: [" + strings.Repeat(",", size),
	}
	for name, yaml := range tests {
		t.Run(name, func(t *testing.T) {
			var err error
			allocated := allocatedBy(func() { _, err = Parse([]byte(yaml)) })
			if err == nil {
				t.Fatal("Parse accepted it")
			}
			t.Logf("allocated %d KB", allocated>>10)
			if allocated > 100<<20 {
				t.Errorf("Parse allocated %d MB, want under 100 MB", allocated>>20)
			}
		})
	}
}

// laughs is the "billion laughs" of YAML, padded to about size bytes.
func laughs(size int) string {
	var b strings.Builder
	b.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for c := 'b'; c <= 'z'; c++ {
		prev := string(c - 1)
		b.WriteString(string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+prev+", ", 8) + "*" + prev + "]\n")
	}
	b.WriteString("# " + strings.Repeat("lol ", (size-b.Len())/4) + "\n")
	return b.String()
}

// allocatedBy returns how many bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// maxPath returns the longest key path of a node in file.
func maxPath(file *ast.File) int {
	longest := 0
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		ast.Walk(visitor(func(n ast.Node) bool {
			longest = max(longest, len(n.GetPath()))
			return true
		}), doc.Body)
	}
	return longest
}

// FuzzParse checks the estimates Parse makes before go-yaml reads the
// text: no panic; the text it tokenizes has no more tokens than the budget
// counted from its bytes; and what it accepts has no key path (which grows
// with every level of nesting) longer than MaxPathBytes.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"title: &t X\nsummary: *t\n",
		"a:\n- b:\n  - c: [d, {e: f}]\n",
		"? a\n: b\n",
		"<<: {x: 1}\n",
		"a: !!str &x b\n",
		"tags: [[[[[]]]]]\n",
		"- - - - x\n",
		"'a.b[c]': {\"d.e\": [x: y]}\n",
		"a: |\n  [[[[\n  - - -\nb: c # [\n",
		nestedSeqMaps(MaxDepth / 2),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		end, estimate := estimateTokens(data, MaxTokens)
		if tokens := lexer.Tokenize(string(data[:end])); len(tokens) > estimate {
			t.Fatalf("%d tokens, estimated at most %d", len(tokens), estimate)
		}
		file, err := Parse(data)
		if err != nil {
			return
		}
		if longest := maxPath(file); longest > MaxPathBytes {
			t.Fatalf("accepted a key path of %d bytes", longest)
		}
	})
}
