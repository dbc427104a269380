// Package deploy_test checks the workflow files handout ships: those a
// library's repository copies from this folder, and handout's own under
// .github/workflows.
package deploy_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/rhysd/actionlint"
)

// githubWorkflows are the GitHub Actions workflows, each with what it must
// say to do its job.
var githubWorkflows = map[string][]string{
	"github-pages.yml":                    {"actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@", "handout check --strict", "handout build", keepsCache},
	"netlify.yml":                         {"netlify-cli@", "deploy --dir public --prod", "handout check --strict", "handout build", keepsCache},
	"cloudflare-pages.yml":                {"wrangler@", "pages deploy public", "handout check --strict", "handout build", keepsCache},
	"pull-request-check.yml":              {"pull_request", "handout check --strict --format html -o report.html", "actions/upload-artifact@", "path: report.html"},
	"../../.github/workflows/release.yml": {"tags: [\"v*\"]", "go run ./scripts/release", "sha256sum -c", "gh release create"},
}

// keepsCache is what a workflow that builds says to keep handout's cache
// folder (image copies, QR codes) from one run to the next.
const keepsCache = "uses: actions/cache@v4\n        with:\n          path: .handout-cache\n"

// TestWorkflowsPassActionlint lints every GitHub workflow with actionlint
// (and shellcheck on their scripts, which CI installs) and fails on any
// finding. A broken workflow is the control: it must be reported.
func TestWorkflowsPassActionlint(t *testing.T) {
	var files []string
	for name := range githubWorkflows {
		files = append(files, name)
	}
	for _, pattern := range []string{"*.yml", "../../.github/workflows/*.yml"} {
		found, _ := filepath.Glob(pattern)
		for _, f := range found {
			if !strings.HasSuffix(f, ".gitlab-ci.yml") && !slices.Contains(files, f) {
				t.Errorf("%s is a workflow this test does not know: add it to githubWorkflows", f)
			}
		}
	}
	slices.Sort(files)

	var out bytes.Buffer
	linter := newLinter(t, &out)
	errs, err := linter.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", e.Filepath, e.Line, e.Column, e.Message, e.Kind)
	}

	broken := []byte("on: push\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          no-such-input: true\n      - run: echo ${{ github.nothing }}\n")
	if errs, err := linter.Lint("broken.yml", broken, nil); err != nil || len(errs) < 3 {
		t.Errorf("actionlint found %d problems in a workflow with three (%v)", len(errs), err)
	}
}

// newLinter is actionlint as its command runs it, with shellcheck when it
// is installed (required under CI=true: .ci/run installs it).
func newLinter(t *testing.T, out *bytes.Buffer) *actionlint.Linter {
	t.Helper()
	opts := &actionlint.LinterOptions{}
	if path, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = path
	} else if os.Getenv("CI") == "true" {
		t.Fatal("shellcheck is required under CI=true (apt-get install -y shellcheck)")
	} else {
		t.Log("shellcheck not found: the workflows' scripts are not checked (apt-get install -y shellcheck)")
	}
	linter, err := actionlint.NewLinter(out, opts)
	if err != nil {
		t.Fatal(err)
	}
	return linter
}

// TestWorkflowsDoTheirJob: each workflow says what its job needs, and
// installs handout either with go install or from a release whose
// checksum it verifies.
func TestWorkflowsDoTheirJob(t *testing.T) {
	for name, musts := range githubWorkflows {
		text := readFile(t, name)
		for _, must := range musts {
			if !strings.Contains(text, must) {
				t.Errorf("%s does not say %q", name, must)
			}
		}
		if name != "../../.github/workflows/release.yml" {
			checkInstall(t, name, text)
		}
	}
}

func checkInstall(t *testing.T, name, text string) {
	t.Helper()
	goInstall := strings.Contains(text, "go install github.com/handout-health/handout/cmd/handout@")
	release := strings.Contains(text, "gh release download") && strings.Contains(text, "sha256sum --check") && strings.Contains(text, "--repo handout-health/handout")
	if !goInstall && !release {
		t.Errorf("%s installs handout neither with go install nor from a release with its checksum checked", name)
	}
}

// TestGitLabPages: the GitLab CI file (not a GitHub workflow: actionlint
// does not read it) is YAML whose pages job publishes public/ on the
// default branch, and whose check job keeps the HTML report for merge
// requests.
func TestGitLabPages(t *testing.T) {
	type job struct {
		Stage     string
		Script    []string
		Artifacts struct {
			When  string
			Paths []string
		}
		Rules []struct{ If string }
		Cache struct {
			Key   string
			Paths []string
		}
	}
	var ci struct {
		Default struct{ Image string }
		Stages  []string
		Check   job
		Pages   job
	}
	if err := yaml.Unmarshal([]byte(readFile(t, "gitlab-pages.gitlab-ci.yml")), &ci); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ci.Default.Image, "golang:") {
		t.Errorf("default image %q, want golang", ci.Default.Image)
	}
	for name, j := range map[string]job{"check": ci.Check, "pages": ci.Pages} {
		if !slices.Contains(ci.Stages, j.Stage) {
			t.Errorf("%s job's stage %q is not among the stages %q", name, j.Stage, ci.Stages)
		}
		if len(j.Script) == 0 || !strings.HasPrefix(j.Script[0], `go install "github.com/handout-health/handout/cmd/handout@`) {
			t.Errorf("%s job does not install handout first: %q", name, j.Script)
		}
	}
	if !slices.Contains(ci.Pages.Script, `handout build --base-url "$CI_PAGES_URL"`) || !slices.Equal(ci.Pages.Artifacts.Paths, []string{"public"}) {
		t.Errorf("pages job does not build into public/ and publish it: %+v", ci.Pages)
	}
	if ci.Pages.Cache.Key == "" || !slices.Equal(ci.Pages.Cache.Paths, []string{".handout-cache/"}) {
		t.Errorf("pages job does not keep handout's cache between pipelines: %+v", ci.Pages.Cache)
	}
	if len(ci.Pages.Rules) != 1 || ci.Pages.Rules[0].If != "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" {
		t.Errorf("pages job runs on %+v, want the default branch only", ci.Pages.Rules)
	}
	if !slices.Contains(ci.Check.Script, "handout check --strict --format html -o report.html") || ci.Check.Artifacts.When != "always" || !slices.Equal(ci.Check.Artifacts.Paths, []string{"report.html"}) {
		t.Errorf("check job does not keep the strict check's HTML report: %+v", ci.Check)
	}
	if !slices.ContainsFunc(ci.Check.Rules, func(r struct{ If string }) bool { return strings.Contains(r.If, "merge_request_event") }) {
		t.Errorf("check job does not run on merge requests: %+v", ci.Check.Rules)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
