package render

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/htmlattr"
	"github.com/handout-health/handout/generator/internal/yamlutil"
)

// referenceLanguage is the language of the theme's reference string file:
// every key of every other string file must be in it, and it is the last
// language every lookup falls back to.
const referenceLanguage = "en"

// openKeyPrefix starts the keys that a string file may hold without the
// reference file having them: a site may name any language.
const openKeyPrefix = "language."

// message is one string of a string file.
type message struct {
	// other is the string, or its form for every count but one.
	other string
	// one is the form for a count of one; it is set only when plural is.
	one    string
	plural bool
}

// stringSource is one string file as read from the theme or a site.
type stringSource struct {
	// name is the file's path under i18n/, such as "es.yaml".
	name string
	// origin is its path in diagnostics.
	origin string
	data   []byte
	// site is true for a site's file, false for the theme's.
	site bool
}

// stringFile is a parsed string file.
type stringFile struct {
	stringSource
	// lang is the lower-case language code of the file's name.
	lang     string
	messages map[string]message
	// where holds each key's line and column.
	where map[string][2]int
}

// texts are the theme's words in the language of one Theme, with the
// site's overrides applied, key by key.
type texts struct {
	// lang is the lower-case language code, which picks the plural form.
	lang     string
	messages map[string]message
	// names are the site's languages, for languageName's last resort.
	names []Language
}

// normalizeLanguage writes a language code as the lookups compare it:
// lower case, with hyphens ("pt_BR" is "pt-br").
func normalizeLanguage(code string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(code), "_", "-"))
}

// languageChain is where the words of a language are looked for, most
// specific first: "pt-br", then "pt", then "en".
func languageChain(code string) []string {
	code = normalizeLanguage(code)
	base, _, _ := strings.Cut(code, "-")
	var chain []string
	for _, c := range []string{code, base, referenceLanguage} {
		if c != "" && !slices.Contains(chain, c) {
			chain = append(chain, c)
		}
	}
	return chain
}

// loadTexts parses every string file and merges, for lang, the files of
// its language chain: a site's file overrides the theme's of the same
// language key by key, and a more specific language overrides a less
// specific one. Every file is checked, whatever the language, so that an
// error shows before a page of that language is built.
func loadTexts(lang string, languages []Language, sources []stringSource) (*texts, diag.List) {
	var list diag.List
	var files []*stringFile
	for _, src := range sources {
		f, problems := parseStringFile(src)
		list = append(list, problems...)
		if f != nil {
			files = append(files, f)
		}
	}
	var reference *stringFile
	for _, f := range files {
		if !f.site && f.lang == referenceLanguage {
			reference = f
		}
	}
	for _, f := range files {
		if f == reference {
			continue
		}
		list = append(list, checkKeys(f, reference)...)
	}
	out := &texts{lang: normalizeLanguage(lang), messages: map[string]message{}, names: languages}
	chain := languageChain(lang)
	for i := len(chain) - 1; i >= 0; i-- {
		for _, site := range []bool{false, true} {
			for _, f := range files {
				if f.lang == chain[i] && f.site == site {
					for key, m := range f.messages {
						out.messages[key] = m
					}
				}
			}
		}
	}
	return out, list
}

// checkKeys reports every key of f that the reference file does not
// have, and every plural string whose reference is not plural.
func checkKeys(f, reference *stringFile) diag.List {
	var list diag.List
	for _, key := range slices.Sorted(maps.Keys(f.messages)) {
		if strings.HasPrefix(key, openKeyPrefix) {
			continue
		}
		at := f.where[key]
		var ref message
		ok := reference != nil
		if ok {
			ref, ok = reference.messages[key]
		}
		switch {
		case !ok:
			list = append(list, diag.Errorf(f.origin, at[0], at[1], "unknown key %q: the theme's i18n/%s.yaml has no such string", key, referenceLanguage))
		case f.messages[key].plural && !ref.plural:
			list = append(list, diag.Errorf(f.origin, at[0], at[1], "%q is not a plural string: give it one text, not one: and other: forms", key))
		}
	}
	return list
}

// parseStringFile parses one string file: a YAML mapping of keys to
// strings, or to a mapping of the plural forms one and other.
func parseStringFile(src stringSource) (*stringFile, diag.List) {
	if path.Ext(src.name) != ".yaml" || strings.Contains(src.name, "/") {
		return nil, diag.List{diag.Errorf(src.origin, 1, 1, "a string file is named after its language, such as i18n/en.yaml or i18n/pt-BR.yaml")}
	}
	f := &stringFile{
		stringSource: src,
		lang:         normalizeLanguage(strings.TrimSuffix(src.name, ".yaml")),
		messages:     map[string]message{},
		where:        map[string][2]int{},
	}
	file, err := yamlutil.Parse(yamlutil.Newlines(src.data))
	if err != nil {
		return nil, diag.List{yamlutil.ErrorDiagnostic(src.origin, 0, err)}
	}
	var list diag.List
	for _, doc := range file.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		values, ok := mappingValues(doc.Body)
		if !ok {
			line, col := yamlutil.NodePosition(doc.Body)
			list = append(list, diag.Errorf(src.origin, line, col, "a string file is a list of `key: text` lines"))
			continue
		}
		for _, kv := range values {
			line, col := yamlutil.NodePosition(kv.Key)
			key, ok := scalarText(kv.Key)
			if !ok || key == "" {
				list = append(list, diag.Errorf(src.origin, line, col, "a key must be plain text, such as nav.glossary"))
				continue
			}
			m, problem := parseMessage(src.origin, key, line, col, kv.Value)
			if problem == nil {
				problem = checkLinks(src.origin, key, line, col, m)
			}
			if problem != nil {
				list = append(list, *problem)
				continue
			}
			f.messages[key] = m
			f.where[key] = [2]int{line, col}
		}
	}
	return f, list
}

// parseMessage reads the value of one key, which is at line and col: a
// text, or the plural forms.
func parseMessage(origin, key string, line, col int, value ast.Node) (message, *diag.Diagnostic) {
	if text, ok := scalarText(value); ok {
		return message{other: text}, nil
	}
	forms, ok := mappingValues(value)
	if !ok {
		vline, vcol := yamlutil.NodePosition(value)
		d := diag.Errorf(origin, vline, vcol, "%q must be a text, or the plural forms one: and other:", key)
		return message{}, &d
	}
	m := message{plural: true}
	var hasOther bool
	for _, kv := range forms {
		name, _ := scalarText(kv.Key)
		text, ok := scalarText(kv.Value)
		fline, fcol := yamlutil.NodePosition(kv.Key)
		if !ok {
			d := diag.Errorf(origin, fline, fcol, "%q: the form %s must be a text", key, name)
			return message{}, &d
		}
		switch name {
		case "one":
			m.one = text
		case "other":
			m.other, hasOther = text, true
		default:
			d := diag.Errorf(origin, fline, fcol, "%q: unknown plural form %q; the forms are one and other", key, name)
			return message{}, &d
		}
	}
	if !hasOther {
		d := diag.Errorf(origin, line, col, "%q has no other: form, for every count but one", key)
		return message{}, &d
	}
	if m.one == "" {
		m.one = m.other
	}
	return m, nil
}

// mappingValues returns the entries of a YAML mapping node.
func mappingValues(node ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := node.(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

// scalarText returns the text of a scalar node as written: a number or a
// yes stays the text it looks like.
func scalarText(node ast.Node) (string, bool) {
	switch n := node.(type) {
	case *ast.StringNode:
		return n.Value, true
	case *ast.LiteralNode:
		return n.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	}
	return "", false
}

// lookup returns the message of key.
func (x *texts) lookup(key string) (message, error) {
	m, ok := x.messages[key]
	if !ok {
		return message{}, fmt.Errorf("no theme string %q: add it to the theme's i18n/%s.yaml", key, referenceLanguage)
	}
	return m, nil
}

// text returns the string of key with its placeholders filled.
func (x *texts) text(key string, args ...any) (string, error) {
	m, err := x.lookup(key)
	if err != nil {
		return "", err
	}
	return fill(m.other, args), nil
}

// plural returns the form of key for the count n, with {0} filled with n
// and {1}, {2}, ... with args.
func (x *texts) plural(key string, n int, args ...any) (string, error) {
	m, err := x.lookup(key)
	if err != nil {
		return "", err
	}
	return fill(x.form(m, n), append([]any{n}, args...)), nil
}

// form picks the plural form of m for n. "one" is for 1; French and
// Portuguese (but that of Portugal) also use it for 0, as CLDR says.
func (x *texts) form(m message, n int) string {
	if !m.plural {
		return m.other
	}
	base, _, _ := strings.Cut(x.lang, "-")
	if n == 1 || (n == 0 && (base == "fr" || base == "pt") && x.lang != "pt-pt") {
		return m.one
	}
	return m.other
}

// checkLinks refuses a string whose [text](address) links would run
// script: the search page's script makes links of them as the page's own
// (so html/template's escaping never sees them), and a theme string is
// content like any other (see package consent).
func checkLinks(origin, key string, line, col int, m message) *diag.Diagnostic {
	for _, form := range []string{m.one, m.other} {
		for _, at := range inlineMarkup.FindAllStringSubmatch(form, -1) {
			if at[2] == "" && at[1] == "" {
				continue // `code`
			}
			if u, why, bad := htmlattr.RunsScript("a", "href", at[2]); bad {
				d := diag.Errorf(origin, line, col, "%q links to %q, which %s: a theme string may link to web pages, mail and phone addresses and {0}-style placeholders only", key, u, why)
				return &d
			}
		}
	}
	return nil
}

// textPart is a piece of a string cut up by tparts: plain text, a link
// (URL is set) or code (Code is true).
type textPart struct {
	Text string
	URL  string
	Code bool
}

// inlineMarkup matches the markup tparts understands: [text](url) and
// `code`, as Markdown writes them.
var inlineMarkup = regexp.MustCompile("\\[([^\\]]*)\\]\\(([^)]*)\\)|`([^`]*)`")

// parts cuts the string of key at its links and code, then fills the
// placeholders of each part: an argument cannot add markup.
func (x *texts) parts(key string, args ...any) ([]textPart, error) {
	m, err := x.lookup(key)
	if err != nil {
		return nil, err
	}
	s := m.other
	var out []textPart
	last := 0
	for _, at := range inlineMarkup.FindAllStringSubmatchIndex(s, -1) {
		if at[0] > last {
			out = append(out, textPart{Text: fill(s[last:at[0]], args)})
		}
		if at[2] >= 0 {
			out = append(out, textPart{Text: fill(s[at[2]:at[3]], args), URL: fill(s[at[4]:at[5]], args)})
		} else {
			out = append(out, textPart{Text: fill(s[at[6]:at[7]], args), Code: true})
		}
		last = at[1]
	}
	if last < len(s) {
		out = append(out, textPart{Text: fill(s[last:], args)})
	}
	return out, nil
}

// script returns the strings whose keys start with prefix, keyed by the
// rest of the key, unfilled, for a script to use: a plural string is
// {"one": ..., "other": ...}.
func (x *texts) script(prefix string) (map[string]any, error) {
	out := map[string]any{}
	for key, m := range x.messages {
		name, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		if m.plural {
			out[name] = map[string]string{"one": m.one, "other": m.other}
		} else {
			out[name] = m.other
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no theme string starts with %q", prefix)
	}
	return out, nil
}

// languageName names a language in this language: the string
// language.<code> (language.pt-br, then language.pt), else the name the
// site gives the language in that language, else the code.
func (x *texts) languageName(code string) string {
	c := normalizeLanguage(code)
	base, _, _ := strings.Cut(c, "-")
	for _, k := range []string{c, base} {
		if m, ok := x.messages[openKeyPrefix+k]; ok {
			return m.other
		}
	}
	for _, l := range x.names {
		if normalizeLanguage(l.Code) == c {
			return l.Name
		}
	}
	return code
}

// placeholder matches {0}, {1}, ...
var placeholder = regexp.MustCompile(`\{([0-9]+)\}`)

// fill replaces each placeholder {N} of s with the Nth argument (from 0).
// A placeholder with no argument is left as written, for a script to
// fill.
func fill(s string, args []any) string {
	if len(args) == 0 {
		return s
	}
	return placeholder.ReplaceAllStringFunc(s, func(p string) string {
		n, err := strconv.Atoi(p[1 : len(p)-1])
		if err != nil || n >= len(args) {
			return p
		}
		return fmt.Sprint(args[n])
	})
}
