package callout

import (
	"fmt"
	"strings"

	"github.com/handout-health/handout/generator/internal/editdist"
)

// Kind is what a callout says about its text.
type Kind int

// The kinds, in the order the README lists them: GitHub's five, then the
// two of the NHS website's care cards.
const (
	Note Kind = iota
	Tip
	Important
	Warning
	Caution
	// Urgent: get advice soon ("Ask for an urgent GP appointment if...").
	Urgent
	// Emergency: call the emergency number now.
	Emergency
)

// names are the kinds' names: lower case here, as in CSS classes and
// string keys; upper case in markers.
var names = [...]string{"note", "tip", "important", "warning", "caution", "urgent", "emergency"}

// Kinds are every kind, in order.
var Kinds = []Kind{Note, Tip, Important, Warning, Caution, Urgent, Emergency}

// String returns the kind's name in lower case, such as "warning".
func (k Kind) String() string { return names[k] }

// Marker returns the marker that writes the kind, such as "[!WARNING]".
func (k Kind) Marker() string { return "[!" + strings.ToUpper(names[k]) + "]" }

// kindOf finds the kind a marker's name writes, in any case.
func kindOf(name string) (Kind, bool) {
	for _, k := range Kinds {
		if strings.EqualFold(name, names[k]) {
			return k, true
		}
	}
	return 0, false
}

// maxMarkerName is the longest name read as a marker: longer words in
// brackets are text.
const maxMarkerName = 20

// readMarker reads a marker, "[!" and a name of ASCII letters and "]", at
// the start of b, and returns the name and the marker's length (with
// Obsidian's fold sign, "+" or "-", right after it, which is accepted and
// ignored: a callout is always open). ok is false when b does not start
// with one.
func readMarker(b []byte) (name string, n int, ok bool) {
	if len(b) < 4 || b[0] != '[' || b[1] != '!' {
		return "", 0, false
	}
	i := 2
	for i < len(b) && i-2 <= maxMarkerName && (b[i]|0x20 >= 'a' && b[i]|0x20 <= 'z') {
		i++
	}
	if i == 2 || i-2 > maxMarkerName || i >= len(b) || b[i] != ']' {
		return "", 0, false
	}
	name, n = string(b[2:i]), i+1
	if n < len(b) && (b[n] == '+' || b[n] == '-') {
		n++
	}
	return name, n, true
}

// synonyms are the other tools' names that an editor may try (Obsidian,
// MkDocs, Docusaurus), with the kind that says the same here.
var synonyms = map[string]Kind{
	"info": Note, "hint": Tip, "attention": Warning, "danger": Caution, "error": Caution,
}

// unknownMessage says what is wrong with a marker of no known kind, with
// the nearest one when there is one.
func unknownMessage(name string) string {
	msg := fmt.Sprintf("unknown callout marker [!%s], shown as a plain quote: ", name)
	if k, ok := nearest(name); ok {
		return msg + "did you mean " + k.Marker() + "?"
	}
	var markers []string
	for _, k := range Kinds {
		markers = append(markers, k.Marker())
	}
	return msg + "use one of " + strings.Join(markers[:len(markers)-1], ", ") + " or " + markers[len(markers)-1]
}

// nearest returns the kind whose name is closest to name: a synonym, or a
// name at most a third of its letters away (one for a short name).
func nearest(name string) (Kind, bool) {
	name = strings.ToLower(name)
	if k, ok := synonyms[name]; ok {
		return k, true
	}
	best, bestDistance := Kind(0), -1
	for _, k := range Kinds {
		d := editdist.Distance(name, names[k])
		if bestDistance < 0 || d < bestDistance {
			best, bestDistance = k, d
		}
	}
	return best, bestDistance <= max(1, len(name)/3)
}
