package consent

import (
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"

	"github.com/handout-health/handout/generator/diag"
)

// CheckCSS reports the third-party addresses of a stylesheet (a web font
// from a font service, an @import, a background image): a stylesheet
// cannot wait for consent, so the file must be hosted with the site or its
// origin listed in consent.allowed_origins.
func (r *Rules) CheckCSS(path string, src []byte) diag.List {
	var found []finding
	r.checkStylesheet(src, 0, false, func(f finding) { found = append(found, f) })
	return r.report(path, src, found)
}

// checkStylesheet reports the third-party addresses of CSS text that
// starts at offset base of the file being checked.
func (r *Rules) checkStylesheet(src []byte, base int, template bool, emit func(finding)) {
	for _, u := range cssURLs(src) {
		dynamic := false
		if template {
			u.url = strings.ReplaceAll(u.url, "\x00", actionText)
			dynamic = strings.Contains(u.url, actionText)
		}
		if origin, third := r.leaves(u.url, dynamic); third {
			emit(finding{pos: base + u.pos, url: u.url, message: "stylesheet loads third-party " + u.url + " before consent (a stylesheet cannot be gated): host the file with the site or, if it is essential and does not track, list " + origin + " in consent.allowed_origins"})
		}
	}
}

// cssURL is an address a stylesheet fetches, with the offset of the token
// that holds it.
type cssURL struct {
	url string
	pos int
}

// imageFunctions take images, written as strings or url()s.
var imageFunctions = map[string]bool{"image-set": true, "-webkit-image-set": true, "image": true, "cross-fade": true, "-webkit-cross-fade": true}

// cssURLs returns the addresses a browser fetches for CSS text: every
// url(...) (also written with escapes, such as u\72l(...)), src("..."),
// the strings of image-set() and its kin, and @import "...", each with
// its escapes decoded. The text is split into tokens by the CSS Syntax
// tokenizer of github.com/tdewolff/parse.
func cssURLs(src []byte) []cssURL {
	// A slice whose capacity is its length: the lexer then copies it
	// instead of writing a NUL after its end.
	l := css.NewLexer(parse.NewInputBytes(src[:len(src):len(src)]))
	var out []cssURL
	var open []string // the functions and brackets open, innermost last
	importing := false
	var arg *cssArg // the argument of url( or src( written as a function
	for off := 0; ; {
		tt, data := l.Next()
		if tt == css.ErrorToken {
			return out
		}
		start := off
		off += len(data)
		if arg != nil {
			if done := arg.add(tt, data, len(open)); done {
				out = append(out, cssURL{arg.value(), arg.pos})
				arg = nil
			}
		}
		switch tt {
		case css.URLToken:
			out = append(out, cssURL{urlTokenValue(data), start})
		case css.FunctionToken:
			name := strings.ToLower(cssUnescape(data[:len(data)-1]))
			if (name == "url" || name == "src") && arg == nil {
				arg = &cssArg{pos: start, depth: len(open) + 1}
			}
			open = append(open, name)
		case css.LeftParenthesisToken, css.LeftBracketToken, css.LeftBraceToken:
			open = append(open, "")
		case css.RightParenthesisToken, css.RightBracketToken, css.RightBraceToken:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case css.StringToken:
			if importing || insideImage(open) {
				out = append(out, cssURL{cssUnescape(unquote(data)), start})
			}
		}
		switch tt {
		case css.WhitespaceToken, css.CommentToken:
		case css.AtKeywordToken:
			importing = strings.ToLower(cssUnescape(data)) == "@import"
		default:
			importing = false
		}
	}
}

// cssArg gathers the argument of a url( or src( that the tokenizer read
// as a function: its tokens up to the closing parenthesis.
type cssArg struct {
	pos, depth int
	raw        []byte
	quoted     string
	hasQuoted  bool
}

// add takes the next token; it reports true at the closing parenthesis.
func (a *cssArg) add(tt css.TokenType, data []byte, depth int) bool {
	if tt == css.RightParenthesisToken && depth == a.depth {
		return true
	}
	if tt == css.StringToken && !a.hasQuoted && len(strings.TrimSpace(string(a.raw))) == 0 {
		a.quoted, a.hasQuoted = cssUnescape(unquote(data)), true
	}
	a.raw = append(a.raw, data...)
	return false
}

func (a *cssArg) value() string {
	if a.hasQuoted {
		return a.quoted
	}
	return cssUnescape([]byte(strings.Trim(string(a.raw), cssSpace)))
}

func insideImage(open []string) bool {
	for _, f := range open {
		if imageFunctions[f] {
			return true
		}
	}
	return false
}

// cssSpace is white space as CSS counts it.
const cssSpace = " \t\n\r\f"

// urlTokenValue returns the address of a url(...) token.
func urlTokenValue(tok []byte) string {
	s := string(tok)
	open := strings.IndexByte(s, '(')
	inner := strings.TrimSuffix(s[open+1:], ")")
	inner = strings.Trim(inner, cssSpace)
	if inner != "" && (inner[0] == '"' || inner[0] == '\'') {
		return cssUnescape(unquote([]byte(inner)))
	}
	return cssUnescape([]byte(inner))
}

// unquote strips the quotes of a CSS string token.
func unquote(tok []byte) []byte {
	if len(tok) > 0 && (tok[0] == '"' || tok[0] == '\'') {
		tok = tok[1:]
		if n := len(tok); n > 0 && (tok[n-1] == '"' || tok[n-1] == '\'') {
			tok = tok[:n-1]
		}
	}
	return tok
}

// cssUnescape decodes the escapes of CSS text as CSS Syntax (§4.3.7) does:
// a backslash and up to six hex digits (and one white space after them)
// is that code point, a backslash before a line break is nothing, and a
// backslash before any other character is that character.
func cssUnescape(b []byte) string {
	if !strings.Contains(string(b), `\`) {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		if b[i] != '\\' {
			out.WriteByte(b[i])
			i++
			continue
		}
		i++
		switch {
		case i == len(b):
			out.WriteRune(utf8.RuneError)
		case isHex(b[i]):
			cp, n := rune(0), 0
			for ; n < 6 && i < len(b) && isHex(b[i]); n, i = n+1, i+1 {
				cp = cp<<4 | hexValue(b[i])
			}
			if i+1 < len(b) && b[i] == '\r' && b[i+1] == '\n' {
				i += 2
			} else if i < len(b) && strings.IndexByte(cssSpace, b[i]) >= 0 {
				i++
			}
			if cp == 0 || cp > utf8.MaxRune || cp >= 0xD800 && cp <= 0xDFFF {
				cp = utf8.RuneError
			}
			out.WriteRune(cp)
		case b[i] == '\n' || b[i] == '\r' || b[i] == '\f':
			i++
		default:
			_, size := utf8.DecodeRune(b[i:])
			out.Write(b[i : i+size])
			i += size
		}
	}
	return out.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f'
}

func hexValue(c byte) rune {
	if c <= '9' {
		return rune(c - '0')
	}
	return rune(c|0x20-'a') + 10
}
