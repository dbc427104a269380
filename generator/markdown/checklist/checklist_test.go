package checklist

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func TestBoxes(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, Extension))
	for _, tt := range []struct{ in, want string }{
		{"- [ ] Take your pills\n", `<ul>
<li><input type="checkbox" class="task" disabled aria-hidden="true"> Take your pills</li>
</ul>
`},
		{"- [x] Ask about side effects\n- not a task\n", `<ul>
<li><input type="checkbox" class="task" checked disabled aria-hidden="true"> Ask about side effects</li>
<li>not a task</li>
</ul>
`},
	} {
		var out bytes.Buffer
		if err := md.Convert([]byte(tt.in), &out); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want {
			t.Errorf("%q gives\n%s\nwant\n%s", tt.in, out.String(), tt.want)
		}
	}
}
