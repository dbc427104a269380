// Package corpusgen generates a deterministic, realistic site for tests
// and benchmarks: articles of about 900 words with all six sections, tags,
// synonyms, bullet lists, some tables and code blocks, mentions of
// glossary terms and wiki links to other articles, plus glossary terms.
// The same Options always give the same files.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

// Options size a corpus.
type Options struct {
	// Articles and Terms are how many of each to make.
	Articles, Terms int
	// Seed varies the text; the same seed gives the same corpus.
	Seed uint64
}

// File is one generated file, with a slash path relative to the site root.
type File struct {
	Path string
	Data []byte
}

var (
	topics = []string{"sleep", "mood", "stress", "nutrition", "medicines", "tests", "supplements", "brain chemistry", "exercise", "pain", "heart health", "digestion"}
	nouns  = []string{"body", "brain", "habit", "meal", "night", "doctor", "nurse", "plan", "test", "result", "dose", "week", "change", "signal", "cell", "muscle", "mood", "energy", "water", "walk", "friend", "family", "question", "symptom", "record"}
	verbs  = []string{"helps", "changes", "supports", "slows", "raises", "lowers", "affects", "shapes", "protects", "guides", "eases", "starts"}
	adjs   = []string{"small", "steady", "daily", "short", "simple", "common", "useful", "gentle", "regular", "careful", "healthy", "clear"}
	glue   = []string{"Most of the time,", "For many people,", "In short,", "Over time,", "Each day,", "Sometimes,", "Often,", "For example,"}
	// termRoots combine into distinct, realistic glossary terms.
	termRoots = []string{"amine", "cortex", "lipid", "peptide", "kinase", "sterol", "globulin", "axon", "ganglion", "plasma", "bile", "insulin", "enzyme", "antigen", "platelet", "cytokine", "vitamin", "mineral", "fiber", "nerve"}
	termMods  = []string{"alpha", "beta", "gamma", "delta", "serum", "free", "bound", "total", "active", "resting", "early", "late", "low", "high", "oral", "nasal", "acute", "chronic", "renal", "hepatic"}
)

// TermName returns the name of glossary term i: distinct for every i.
func TermName(i int) string {
	root := termRoots[i%len(termRoots)]
	mod := termMods[(i/len(termRoots))%len(termMods)]
	if n := i / (len(termRoots) * len(termMods)); n > 0 {
		return fmt.Sprintf("%s %s %d", mod, root, n+1)
	}
	return mod + " " + root
}

// ArticleTitle returns the title of article i: distinct for every i.
func ArticleTitle(i int) string {
	return fmt.Sprintf("%s and %s %d", strings.ToUpper(topics[i%len(topics)][:1])+topics[i%len(topics)][1:], nouns[(i/len(topics))%len(nouns)], i)
}

// Generate returns the site.yaml, articles and glossary terms.
func Generate(o Options) []File {
	var files []File
	files = append(files, File{Path: "site.yaml", Data: []byte("title: Generated library\nbase_url: https://example.org/\n")})
	for i := range o.Terms {
		r := rand.New(rand.NewPCG(o.Seed, uint64(i)+1<<32))
		var b strings.Builder
		fmt.Fprintf(&b, "---\nterm: %s\nsynonyms: [%s form]\n---\n", TermName(i), TermName(i))
		fmt.Fprintf(&b, "%s %s.\n", capitalize(TermName(i)), phrase(r))
		files = append(files, File{Path: fmt.Sprintf("content/glossary/term-%d.md", i), Data: []byte(b.String())})
	}
	for i := range o.Articles {
		files = append(files, File{Path: fmt.Sprintf("content/articles/%s/article-%d.md", topics[i%len(topics)], i), Data: article(o, i)})
	}
	return files
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// phrase is a short verb phrase: "helps the steady body".
func phrase(r *rand.Rand) string {
	return pick(r, verbs) + " the " + pick(r, adjs) + " " + pick(r, nouns)
}

// sentence is a plain sentence of 8 to 16 words, sometimes mentioning a
// glossary term.
func sentence(r *rand.Rand, o Options) string {
	var b strings.Builder
	if r.IntN(3) == 0 {
		b.WriteString(pick(r, glue) + " ")
	}
	b.WriteString("the " + pick(r, adjs) + " " + pick(r, nouns) + " " + phrase(r))
	if o.Terms > 0 && r.IntN(3) == 0 {
		b.WriteString(" with " + TermName(r.IntN(o.Terms)))
		if r.IntN(2) == 0 {
			b.WriteString("s")
		}
	}
	b.WriteString(" and " + phrase(r) + ".")
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func paragraph(r *rand.Rand, o Options, sentences int) string {
	parts := make([]string, sentences)
	for i := range parts {
		parts[i] = sentence(r, o)
	}
	return strings.Join(parts, " ") + "\n\n"
}

var headings = []string{"Context", "Significance", "Mechanism", "Application", "Metric", "Risk"}

func article(o Options, i int) []byte {
	r := rand.New(rand.NewPCG(o.Seed, uint64(i)))
	var b strings.Builder
	title := ArticleTitle(i)
	fmt.Fprintf(&b, "---\ntitle: %s\n", title)
	fmt.Fprintf(&b, "summary: How the %s %s, in plain words.\n", pick(r, nouns), phrase(r))
	fmt.Fprintf(&b, "synonyms: [%s guide]\n", strings.ToLower(title))
	fmt.Fprintf(&b, "tags: [%s, %s]\n", topics[i%len(topics)], pick(r, topics))
	fmt.Fprintf(&b, "reviewed_by: \"Dr. Test Reviewer %d, MD\"\n", i%7)
	fmt.Fprintf(&b, "last_reviewed: 2026-%02d-%02d\n", 1+i%10, 1+i%28)
	b.WriteString("sources:\n  - title: \"MedlinePlus\"\n    url: https://medlineplus.gov/\n---\n")
	b.WriteString(paragraph(r, o, 3))
	for s, h := range headings {
		fmt.Fprintf(&b, "## %s\n\n", h)
		b.WriteString(paragraph(r, o, 5))
		switch {
		case s == 1 && i > 0:
			fmt.Fprintf(&b, "Read more in [[%s]] and [[%s#Risk]].\n\n", ArticleTitle(r.IntN(i)), ArticleTitle(r.IntN(i)))
		case s == 3:
			for range 5 {
				b.WriteString("- " + sentence(r, o) + "\n")
			}
			b.WriteString("\n")
		case s == 4 && i%5 == 0:
			b.WriteString("| Measure | Typical range |\n|---|---|\n| Hours of sleep | 7 to 9 |\n| Steps a day | 5,000 to 10,000 |\n\n")
		case s == 4 && i%7 == 0:
			b.WriteString("```json\n{\"measure\": \"sleep\", \"hours\": 8}\n```\n\n")
		}
		b.WriteString(paragraph(r, o, 4))
	}
	return []byte(b.String())
}

// MapFS returns the generated site as an in-memory file system, for tests
// and benchmarks that build it without touching the disk.
func MapFS(o Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range Generate(o) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}
