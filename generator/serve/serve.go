// Package serve is the preview server of `handout serve`: it serves a
// build held in memory, tells open pages to reload over Server-Sent
// Events when a rebuild finishes, and shows a failed build's errors over
// the page until the next good build.
//
// Only the built output is served, and only under the site's base path;
// a request whose path tries to climb out ("..", also percent-encoded) is
// refused. HTML pages get one extra line, the preview's scripts
//
//	<script src="/__handout/idiomorph.js" defer></script><script src="/__handout/reload.js" defer></script>
//
// before </body>; it never appears in `handout build` output. The site's
// files are sent with the headers of the build's _headers, as Netlify and
// Cloudflare Pages send them (its Content-Security-Policy included: the
// reload script and its event stream come from the site's own origin,
// and the error overlay is styled through the CSSOM, which no policy
// governs), so that the preview breaks the same way production would.
// The server also answers /__handout/events (the event stream),
// /__handout/reload.js and /__handout/idiomorph.js. Events:
//
//	reload   a rebuild changed pages: update the page in place (reload.js
//	         says when), or reload it, keeping the scroll position
//	css      only a stylesheet changed; data is its new address
//	errors   a rebuild failed; data is a JSON list of "path:line:col: message"
//	ok       a rebuild succeeded after a failure
//
// Every route answers only requests that name the server as a browser
// that opened it would: Host must be localhost, a loopback address, the
// address the connection arrived on or a name given with AllowHost, with
// the server's port, and an Origin, when sent, must be the preview's own.
// Anything else gets 403 and a sentence saying where the preview answers,
// so that a web page rebinding its own name to this computer cannot read
// drafts or build errors.
package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/handout-health/handout/generator/hosting"
	"github.com/handout-health/handout/generator/output"
)

// Prefix is where the server's own files live; sites cannot use it.
const Prefix = "/__handout/"

//go:embed reload.js
var reloadJS []byte

// idiomorphJS is idiomorph 0.8.0 (github.com/bigskysoftware/idiomorph,
// 0BSD; see NOTICE), which reload.js updates a page in place with.
//
//go:embed idiomorph.js
var idiomorphJS []byte

// reloadTag loads the preview's scripts into a page, in order.
var reloadTag = []byte(`<script src="` + Prefix + `idiomorph.js" defer></script><script src="` + Prefix + `reload.js" defer></script>`)

// Server serves a build held in memory.
type Server struct {
	out      *output.Memory
	basePath string
	// hostNames are the names besides localhost that requests may use.
	hostNames []string

	mu      sync.Mutex
	clients map[chan event]bool
	// closing ends every event stream, when the server shuts down.
	closing chan struct{}
	// errors is the failed build's messages, shown to pages opened while
	// the site is broken; nil when the last build was good.
	errors []string
	// headers are the build's _headers, parsed from headersRead (the file as held).
	headers     []hosting.HeaderLine
	headersRead []byte
}

type event struct {
	name, data string
}

// New returns a server for the output in out, whose pages live under
// basePath (such as "/" or "/library/").
func New(out *output.Memory, basePath string) *Server {
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	return &Server{out: out, basePath: basePath, clients: map[chan event]bool{}, closing: make(chan struct{})}
}

// Reload tells every open page to reload.
func (s *Server) Reload() { s.finish(event{name: "reload"}) }

// ReloadCSS tells every open page that only its stylesheet changed.
func (s *Server) ReloadCSS(href string) { s.finish(event{name: "css", data: href}) }

// finish sends a good build's event, first clearing a shown failure.
func (s *Server) finish(e event) {
	s.mu.Lock()
	failed := s.errors != nil
	s.errors = nil
	s.mu.Unlock()
	if failed {
		s.broadcast(event{name: "ok"})
	}
	s.broadcast(e)
}

// Fail shows a failed build's messages in every open page (and in pages
// opened later) until the next good build.
func (s *Server) Fail(messages []string) {
	if messages == nil {
		messages = []string{}
	}
	s.mu.Lock()
	s.errors = messages
	s.mu.Unlock()
	data, _ := json.Marshal(messages)
	s.broadcast(event{name: "errors", data: string(data)})
}

// Close ends every open event stream, so that a shutdown need not wait
// for pages to go away. Later streams end at once.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.closing:
	default:
		close(s.closing)
	}
}

// Clients returns the number of open event streams.
func (s *Server) Clients() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// broadcast sends e to every client without ever blocking: a client whose
// buffer is full misses the event, but a full buffer already holds one
// that makes it reload.
func (s *Server) broadcast(e event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- e:
		default:
		}
	}
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if why := s.refusal(r); why != "" {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.Error(w, why, http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Prefix + "events":
		s.events(w, r)
		return
	case Prefix + "reload.js", Prefix + "idiomorph.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		script := reloadJS
		if r.URL.Path == Prefix+"idiomorph.js" {
			script = idiomorphJS
		}
		_, _ = w.Write(script)
		return
	}
	name, ok := s.fileName(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if name == "" {
		http.NotFound(w, r)
		return
	}
	data, gzipped, found := s.out.Encoded(name)
	s.setSiteHeaders(w.Header(), r.URL.Path, found)
	if !found && !strings.HasSuffix(name, "/index.html") {
		if isDir := s.out.Keep(name + "/index.html"); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !found {
		status = http.StatusNotFound
		if data, gzipped, found = s.out.Encoded("404.html"); !found {
			// Nothing built yet (the first build failed): a page that
			// shows the errors and reloads once the site builds.
			data = []byte("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not built yet</title></head><body><p>The site has not been built yet.</p></body></html>\n")
		}
		name = "404.html"
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	switch {
	case strings.HasPrefix(ctype, "text/html"):
		if gzipped {
			data, _ = s.out.File(name)
		}
		data = inject(data)
	case gzipped && acceptsGzip(r):
		w.Header().Set("Content-Encoding", "gzip")
	case gzipped:
		data, _ = s.out.File(name)
	}
	if gzipped {
		w.Header().Set("Vary", "Accept-Encoding")
	}
	w.Header().Set("Content-Type", ctype)
	if found && notModified(w, r, data) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		_, _ = w.Write(data)
	}
}

// fileName maps a request to a file of the build: "" when it is outside
// the base path, ok false when it tries to leave the output.
func (s *Server) fileName(r *http.Request) (name string, ok bool) {
	p := r.URL.Path
	if strings.Contains(r.URL.RawPath, "%2e") || strings.Contains(r.URL.RawPath, "%2E") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		return "", false
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return "", false
		}
	}
	rest, under := strings.CutPrefix(p, s.basePath)
	if !under {
		if p+"/" == s.basePath {
			return "index.html", true
		}
		return "", true
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	return rest, true
}

// acceptsGzip reports whether the request's Accept-Encoding names gzip
// (with a q-value other than 0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// inject adds the reload script before </body>.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(bytes.Clone(page), reloadTag...)
	}
	out := make([]byte, 0, len(page)+len(reloadTag)+1)
	out = append(out, page[:i]...)
	out = append(out, reloadTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// events streams events to one page until it goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 4)
	s.mu.Lock()
	s.clients[c] = true
	shown := s.errors
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	// A comment opens the stream at once, so the page knows it is live.
	fmt.Fprint(w, ": handout\n\n")
	if shown != nil {
		data, _ := json.Marshal(shown)
		writeEvent(w, event{name: "errors", data: string(data)})
	}
	flusher.Flush()
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case e := <-c:
			writeEvent(w, e)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range strings.Split(e.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	fmt.Fprint(w, "\n")
}
