package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// cspBinding is the function through which pages report violations to
// the test: a binding outlives navigations, so no report is lost to the
// next page.
const cspBinding = "handoutReportCSPViolation"

// Violations are the Content-Security-Policy violations that a tab's
// pages reported, each as the browser's securitypolicyviolation event
// describes it.
type Violations struct {
	mu   sync.Mutex
	list []string
}

// RecordViolations records every Content-Security-Policy violation of
// the pages the tab opens from now on: a script evaluated before each
// page's own listens for securitypolicyviolation, which the browser
// fires for everything a policy blocks (or would block, report-only).
func RecordViolations(t testing.TB, ctx context.Context) *Violations {
	t.Helper()
	v := &Violations{}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventBindingCalled); ok && e.Name == cspBinding {
			v.mu.Lock()
			v.list = append(v.list, e.Payload)
			v.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: cspBinding}); err != nil {
		t.Fatal(err)
	}
	listen := fmt.Sprintf(`document.addEventListener("securitypolicyviolation", e => %s(JSON.stringify({
		page: location.pathname, directive: e.effectiveDirective, blocked: e.blockedURI,
		source: e.sourceFile + ":" + e.lineNumber, sample: e.sample, disposition: e.disposition,
	})));`, cspBinding)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: listen}); err != nil {
		t.Fatal(err)
	}
	return v
}

// Take returns the violations recorded since the last Take, and forgets
// them.
func (v *Violations) Take() []Violation {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := make([]Violation, 0, len(v.list))
	for _, payload := range v.list {
		var one Violation
		if err := json.Unmarshal([]byte(payload), &one); err != nil {
			one = Violation{Sample: payload}
		}
		out = append(out, one)
	}
	v.list = nil
	return out
}

// Violation is one violation: the page's path, the directive it broke,
// what was blocked ("inline" for inline code or style, or an address),
// where in which file, a sample of the code, and "enforce" or "report".
type Violation struct {
	Page        string `json:"page"`
	Directive   string `json:"directive"`
	Blocked     string `json:"blocked"`
	Source      string `json:"source"`
	Sample      string `json:"sample"`
	Disposition string `json:"disposition"`
}

// String describes a violation for a test's message.
func (v Violation) String() string {
	return fmt.Sprintf("%s: %s blocked %q at %s %q", v.Page, v.Directive, v.Blocked, v.Source, v.Sample)
}
