package serve

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncLog is a log that a test reads while Run writes it.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogEscapesFileNames saves, while serve runs, a file whose name holds
// an escape sequence and a newline, and whose title sets the terminal's
// title: the rebuild's log lines quote the name, escape the title and
// keep one line per message.
func TestLogEscapesFileNames(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "site.yaml", "title: Preview test\n")
	writeFile(t, root, "content/articles/sleep.md", article("Text."))
	var log syncLog
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{SiteDir: root, Bind: "127.0.0.1", Port: 0, Log: &log, Ready: func(addr string) { ready <- addr }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve stopped with %v", err)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	writeFile(t, root, "content/articles/a\x1b[2J\nb.md", "---\ntitle: \"X\\e]0;pwned\\a\"\n---\nNo summary.\n")
	const changed = `"content/articles/a\x1b[2J\nb.md" changed`
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(log.String(), "build failed") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	out := log.String()
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("the log holds a raw control character:\n%q", out)
	}
	if !strings.Contains(out, changed) {
		t.Errorf("the log does not name the file quoted, as %s:\n%s", changed, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "content/") {
			t.Errorf("a line starts inside a file name: %q", line)
		}
	}
}
