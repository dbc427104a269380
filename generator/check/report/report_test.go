package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/check"
	"github.com/handout-health/handout/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkedOn is the day the golden reports were made.
var checkedOn = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// goldenReport checks testdata/site.txtar as of checkedOn.
func goldenReport(t testing.TB, strict bool) *check.Report {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return check.Site(fsys, check.Options{Now: checkedOn, Strict: strict})
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, diffLines(string(want), string(got)))
	}
}

// diffLines shows the first lines that differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, goldenReport(t, false)); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json", buf.Bytes())
}

// TestJSONSchema decodes the JSON report into a plain map and checks the
// documented field names and types, so that a renamed Go field cannot
// silently change the schema.
func TestJSONSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, goldenReport(t, true)); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return strings.Join(out, ",")
	}
	if got := keys(doc); got != "articles,date,diagnostics,drafts,languages,max_grade,min_inflesz,schema,site,strict,summary,warn_days" {
		t.Errorf("top-level keys: %s", got)
	}
	if doc["schema"] != float64(check.SchemaVersion) || doc["strict"] != true || doc["date"] != "2026-11-26" {
		t.Errorf("schema %v, strict %v, date %v", doc["schema"], doc["strict"], doc["date"])
	}
	if got := keys(doc["summary"].(map[string]any)); got != "articles,below_inflesz,due_soon,errors,over_grade,overdue,unreviewed,warnings" {
		t.Errorf("summary keys: %s", got)
	}
	art := doc["articles"].([]any)[0].(map[string]any)
	if got := keys(art); got != "below_inflesz,errors,hardest,lang,over_grade,path,print_pages,readability,review,sections,sources,title,url,warnings" {
		t.Errorf("article keys: %s", got)
	}
	if got := keys(art["readability"].(map[string]any)); got != "fernandez_huerta,flesch_kincaid,flesch_reading_ease,formulas,inflesz,inflesz_band,letters_per_word,polysyllables,reason,sentences,smog,syllables,words,words_per_sentence" {
		t.Errorf("readability keys: %s", got)
	}
	if got := keys(art["review"].(map[string]any)); got != "days_left,last_reviewed,next_review,reviewed_by,status" {
		t.Errorf("review keys: %s", got)
	}
	if got := keys(art["hardest"].([]any)[0].(map[string]any)); got != "col,grade,inflesz,line,section,text,words" {
		t.Errorf("hardest keys: %s", got)
	}
	lang := doc["languages"].([]any)[0].(map[string]any)
	if got := keys(lang); got != "articles,code,formulas,name,untranslated" {
		t.Errorf("language keys: %s", got)
	}
	if got := keys(art["sections"].([]any)[0].(map[string]any)); got != "id,line,readability,title" {
		t.Errorf("section keys: %s", got)
	}
	d := doc["diagnostics"].([]any)[0].(map[string]any)
	if got := keys(d); got != "col,line,message,path,rule,severity" {
		t.Errorf("diagnostic keys: %s", got)
	}
	if d["severity"] != "error" {
		t.Errorf("strict diagnostic severity %v", d["severity"])
	}
}

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, goldenReport(t, false), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "\x1b[") {
		t.Error("colour without TextOptions.Color")
	}
	golden(t, "report.txt", buf.Bytes())
}

func TestTextColor(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, goldenReport(t, true), TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{red + "overdue" + reset, yellow + "due" + reset, red + "failed" + reset} {
		if !strings.Contains(out, want) {
			t.Errorf("coloured report lacks %q", want)
		}
	}
	// Colour must not shift the columns: without the escapes, the table
	// is the plain one.
	var plain bytes.Buffer
	_ = Text(&plain, goldenReport(t, true), TextOptions{})
	stripped := out
	for _, esc := range []string{red, yellow, green, bold, reset} {
		stripped = strings.ReplaceAll(stripped, esc, "")
	}
	if stripped != plain.String() {
		t.Errorf("coloured report without colour differs from the plain one:\n%s", diffLines(plain.String(), stripped))
	}
}

// TestReportsCarryTheNewRules checks the held-out style site of package
// check, one fault per plain-language rule of issue 25, in the JSON and
// HTML reports: every rule is there by its id, with its place and its
// message.
func TestReportsCarryTheNewRules(t *testing.T) {
	ar, err := txtar.ParseFile("../testdata/style-faults.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	r := check.Site(fsys, check.Options{Now: checkedOn})
	rules := []string{diag.RuleSectionTitles, diag.RuleCrisisLine, diag.RuleTopicOnly, diag.RulePassiveVoice, diag.RuleJargon,
		diag.RuleToolMissing, diag.RuleNumberWords, diag.RuleAcronym, diag.RuleFigureMissing}

	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Diagnostics []struct {
			Path, Rule, Message string
			Line, Col           int
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	inJSON := map[string]bool{}
	for _, d := range doc.Diagnostics {
		if d.Line > 0 && d.Col > 0 && d.Message != "" {
			inJSON[d.Rule] = true
		}
	}

	buf.Reset()
	if err := HTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, rule := range rules {
		if !inJSON[rule] {
			t.Errorf("the JSON report has no %s finding", rule)
		}
		if !strings.Contains(page, `</td><td class="sev--warning">warning</td><td><code>`+rule+`</code></td>`) {
			t.Errorf("the HTML report has no %s finding", rule)
		}
	}
	if !strings.Contains(page, "<td><code>content/articles/low-mood.md:21:73</code></td><td class=\"sev--warning\">warning</td><td><code>jargon</code></td><td>“reuptake” is a technical word") {
		t.Error("the HTML report does not place the jargon finding at its line and column")
	}
}
