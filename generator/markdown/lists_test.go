package markdown

import (
	"reflect"
	"testing"
)

func TestLists(t *testing.T) {
	src := `Lede.

- one
- two

## Context

1. first
2. second
   - nested a
   - nested b
   - nested c
3. third

## Risk

- only
`
	got := New(Options{Sections: schema()}).Convert([]byte(src), Env{Path: "a.md", BasePath: "/"}).Lists
	want := []List{
		{Ordered: false, Items: 2, Section: "", Line: 3},
		{Ordered: true, Items: 3, Section: "context", Line: 8},
		{Ordered: false, Items: 3, Section: "context", Line: 10},
		{Ordered: false, Items: 1, Section: "risk", Line: 17},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Lists:\n got %+v\nwant %+v", got, want)
	}
}
