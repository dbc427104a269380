// Package callout is the goldmark extension for callouts: a quote whose
// first line starts with a marker, in the syntax GitHub calls alerts
// (Obsidian, Hugo and MkDocs plugins read it too):
//
//	> [!WARNING] When to call your doctor
//	> Call your doctor the same day if the rash spreads.
//
// The markers are [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] and
// [!CAUTION], and the two kinds of the NHS website's care cards:
// [!URGENT] (get advice soon) and [!EMERGENCY] (call the emergency number
// now). They are read in any case ([!warning], [!Warning]); Obsidian's
// fold sign ([!NOTE]- or [!NOTE]+) is accepted and ignored. What follows
// the marker on its line is the title (inline Markdown); the rest of the
// quote is the body, any Markdown, lists and other callouts included, and
// a callout may sit in a list item. A marker anywhere but at the start of
// a quote's first line is text.
//
// A marker of no known kind ([!WARNIG]) leaves a plain quote and is a
// Problem, with the nearest kind suggested (see Problems).
//
// # HTML
//
//	<div class="callout callout--warning" role="note" aria-labelledby="callout">
//	<h3 class="callout__title" id="callout"><svg class="callout__icon" ...
//	  aria-hidden="true">...</svg><span class="callout__kind">Warning</span>: When to call your doctor</h3>
//	<p>Call your doctor the same day if the rash spreads.</p>
//	</div>
//
// A <div role="note"> rather than an <aside>: an aside is a complementary
// landmark, for content that stands apart from the page, while a callout
// is part of what the reader is reading, as the risk section (package
// sections) is. The heading is what assistive technology announces and
// lists: the kind's name, then the title ("Warning: When to call your
// doctor", or "Warning" alone). Its level is one below the heading before
// the callout (h2 before any heading, since the page's title is the h1;
// at most h6), so that the page's headings never skip a level. The icon
// is hidden from assistive technology and never the only sign of the
// kind; the theme gives each kind its colours and a print style.
//
// An emergency callout gives the site's emergency number under its
// heading, as a phone link: <p class="callout__call"><a
// href="tel:999">Call 999</a></p>; with no number it says "Call your
// local emergency number" instead. An urgent callout gives the site's
// urgent number (such as NHS 111) the same way, when there is one. A
// number is dialled as written, without its spaces, dashes, dots and
// brackets; a contact that is not a number ("your GP surgery") is shown
// as text.
//
// # Words
//
// The kinds' names and the call line come from Env.Text, in the
// document's language: the keys callout.note ... callout.emergency,
// callout.separator, callout.call ({0} the number) and
// callout.call_local. The numbers are Env.Emergency and Env.Urgent.
package callout

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Env is the per-document input of the extension.
type Env struct {
	// Text returns the theme's words in the document's language; nil
	// leaves each key as it is.
	Text func(key string, args ...any) string
	// Emergency and Urgent are the site's numbers in the document's
	// language, or "".
	Emergency, Urgent string
}

var (
	envKey      = parser.NewContextKey()
	problemsKey = parser.NewContextKey()
)

// WithEnv stores a document's Env in a parser context.
func WithEnv(pc parser.Context, env *Env) { pc.Set(envKey, env) }

// Problem is a marker of no known kind.
type Problem struct {
	// Offset is where the marker's "[" is in the source.
	Offset int
	// Message says what is wrong and how to fix it.
	Message string
}

// Problems returns the problems found in the document parsed with pc,
// in document order.
func Problems(pc parser.Context) []Problem {
	p, _ := pc.Get(problemsKey).([]Problem)
	return p
}

// Extension reads callouts.
var Extension goldmark.Extender = extension{}

type extension struct{}

// Extend implements goldmark.Extender.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// Before the quote parser (800), which would take the line first.
		parser.WithBlockParsers(util.Prioritized(blockParser{}, 799)),
		// In any order against the other transformers: it reads heading
		// levels, which none changes, and takes ids after every heading
		// has its own (they are made while parsing).
		parser.WithASTTransformers(util.Prioritized(transformer{}, 900)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 500)))
}

// quote continues a callout as it continues a quote: line by line, while
// they start with ">".
var quote = parser.NewBlockquoteParser()

type blockParser struct{}

var _ parser.BlockParser = blockParser{}

// Trigger implements parser.BlockParser.
func (blockParser) Trigger() []byte { return []byte{'>'} }

// Open implements parser.BlockParser: a quote whose line starts with a
// known marker opens a Callout, and the rest of the line is its Title.
func (blockParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w > 3 || pos >= len(line) || line[pos] != '>' {
		return nil, parser.NoChildren
	}
	at := pos + 1 + util.TrimLeftSpaceLength(line[pos+1:])
	name, n, ok := readMarker(line[at:])
	if !ok {
		return nil, parser.NoChildren
	}
	offset := segment.Start + at - segment.Padding
	kind, known := kindOf(name)
	if !known {
		addProblem(pc, Problem{Offset: offset, Message: unknownMessage(name)})
		return nil, parser.NoChildren
	}
	node := &Callout{Alert: kind, Offset: offset}
	title := &Title{}
	seg := text.NewSegment(offset+n, segment.Stop)
	seg = seg.TrimLeftSpace(reader.Source())
	seg = seg.TrimRightSpace(reader.Source())
	if seg.Len() > 0 {
		title.Lines().Append(seg)
	}
	node.AppendChild(node, title)
	reader.AdvanceToEOL()
	return node, parser.HasChildren
}

// addProblem records p once: the parser may look at a line again.
func addProblem(pc parser.Context, p Problem) {
	list := Problems(pc)
	for _, q := range list {
		if q.Offset == p.Offset {
			return
		}
	}
	pc.Set(problemsKey, append(list, p))
}

// Continue implements parser.BlockParser.
func (blockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return quote.Continue(node, reader, pc)
}

// Close implements parser.BlockParser.
func (blockParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: as a quote can.
func (blockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (blockParser) CanAcceptIndentedLine() bool { return false }

type transformer struct{}

var _ parser.ASTTransformer = transformer{}

// Transform implements parser.ASTTransformer: it gives each callout its
// heading's level and id, and its words in the document's language.
func (transformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	env, _ := pc.Get(envKey).(*Env)
	if env == nil {
		env = &Env{}
	}
	words := env.Text
	if words == nil {
		words = func(key string, _ ...any) string { return key }
	}
	// level is the level of the last heading, the page's h1 before any;
	// a callout's own heading is the last one for what it holds.
	level, outer := 1, []int(nil)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Heading:
			if entering {
				level = n.Level
			}
		case *Callout:
			if !entering {
				level, outer = outer[len(outer)-1], outer[:len(outer)-1]
				return ast.WalkContinue, nil
			}
			outer = append(outer, level)
			n.Level = min(level+1, 6)
			level = n.Level
			n.ID = string(pc.IDs().Generate([]byte("callout"), KindCallout))
			n.Name, n.Separator = words("callout."+n.Alert.String()), words("callout.separator")
			n.Call, n.CallHref = callLine(n.Alert, env, words)
		}
		return ast.WalkContinue, nil
	})
}

// callLine returns the line that gives a callout's number, and the
// number's tel: address when it can be dialled: "" for a kind that gives
// none, or an urgent callout on a site with no urgent number.
func callLine(kind Kind, env *Env, words func(string, ...any) string) (line, href string) {
	number := ""
	switch kind {
	case Emergency:
		if env.Emergency == "" {
			return words("callout.call_local"), ""
		}
		number = env.Emergency
	case Urgent:
		number = env.Urgent
	}
	if number == "" {
		return "", ""
	}
	return words("callout.call", number), TelHref(number)
}

// TelHref returns the tel: address of a phone number as people write it
// ("116 123", "+1 (800) 222-1222"), or "" when it is not one: anything
// but digits, one leading "+", spaces, dashes, dots and brackets, or
// fewer than two digits. The footer's phone number is linked by it too.
func TelHref(number string) string {
	dial := make([]byte, 0, len(number))
	digits := 0
	for i := 0; i < len(number); i++ {
		switch c := number[i]; {
		case c >= '0' && c <= '9':
			dial = append(dial, c)
			digits++
		case c == '+' && len(dial) == 0:
			dial = append(dial, c)
		case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
		default:
			return ""
		}
	}
	if digits < 2 {
		return ""
	}
	return "tel:" + string(dial)
}

type nodeRenderer struct{}

var _ renderer.NodeRenderer = nodeRenderer{}

// RegisterFuncs implements renderer.NodeRenderer.
func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, renderCallout)
	reg.Register(KindTitle, renderTitle)
}

func renderCallout(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*Callout)
	_, _ = w.WriteString(`<div class="callout callout--` + n.Alert.String() + `" role="note" aria-labelledby="`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.ID)))
	_, _ = w.WriteString("\">\n")
	return ast.WalkContinue, nil
}

// renderTitle writes the callout's heading, and after it the line with
// the site's number: the first thing a reader in trouble needs.
func renderTitle(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.Parent().(*Callout)
	level := string(rune('0' + n.Level))
	if !entering {
		_, _ = w.WriteString("</h" + level + ">\n")
		writeCall(w, n)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<h` + level + ` class="callout__title" id="`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.ID)))
	_, _ = w.WriteString(`"><svg class="callout__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path d="` + icons[n.Alert] + `"/></svg><span class="callout__kind">`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Name)))
	_, _ = w.WriteString("</span>")
	if node.HasChildren() {
		_, _ = w.Write(util.EscapeHTML([]byte(n.Separator)))
	}
	return ast.WalkContinue, nil
}

func writeCall(w util.BufWriter, n *Callout) {
	if n.Call == "" {
		return
	}
	_, _ = w.WriteString(`<p class="callout__call">`)
	if n.CallHref != "" {
		_, _ = w.WriteString(`<a href="` + n.CallHref + `">`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Call)))
		_, _ = w.WriteString("</a>")
	} else {
		_, _ = w.WriteString("<strong>")
		_, _ = w.Write(util.EscapeHTML([]byte(n.Call)))
		_, _ = w.WriteString("</strong>")
	}
	_, _ = w.WriteString("</p>\n")
}
