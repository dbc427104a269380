package consent

import (
	"reflect"
	"testing"
)

// FuzzScanTagsFiltered checks that reading past the tags a caller does
// not want, without taking them apart, finds the same wanted tags with
// the same attributes as taking every tag apart.
func FuzzScanTagsFiltered(f *testing.F) {
	for _, s := range []string{
		`<p class="x">a <a class="gloss" href="/g/" data-definition="a &amp; b">b</a><img src="https://a.example/x" alt='y'>`,
		`<DIV title="<img src=x>"><IMG SRC=//t.example/a.png></DIV>`,
		`<title><img src=a></title><img src=b>`,
		`<a href=x =y 'z'><script src=s>`, `<x a='`, "<\x00", `<averyveryverylongtagname a=b><link rel=stylesheet href=h>`,
	} {
		f.Add(s)
	}
	all := func([]byte) bool { return true }
	f.Fuzz(func(t *testing.T, src string) {
		var want []element
		for _, el := range scanTags([]byte(src), all) {
			if mayRequest([]byte(el.name)) {
				want = append(want, el)
			}
		}
		got := scanTags([]byte(src), mayRequest)
		if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: filtered scan found\n%+v\nwant\n%+v", src, got, want)
		}
	})
}
