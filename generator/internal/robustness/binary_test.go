package robustness

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
	binaryDir  string
)

// handoutBinary builds the handout command once for the tests that run it
// as a child process (to kill it, or to send it signals).
func handoutBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "handout-robustness-")
		if binaryErr != nil {
			return
		}
		binaryPath = filepath.Join(binaryDir, "handout")
		out, err := exec.Command("go", "build", "-o", binaryPath, "github.com/handout-health/handout/cmd/handout").CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}
