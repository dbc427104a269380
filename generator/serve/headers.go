package serve

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"net/http"

	"github.com/handout-health/handout/generator/hosting"
)

// headersFile is the build's file of response headers (for Netlify and
// Cloudflare Pages), which the preview applies as those hosts do.
const headersFile = "_headers"

// setSiteHeaders sets the headers the site's host sends with a response
// to path: those the build's _headers gives path, read as Netlify and
// Cloudflare Pages read it (hosting.HeadersFor), so that a page the
// Content-Security-Policy would break in production breaks in the
// preview too. Cache-Control comes from the file for a file that was
// found; otherwise, and where the file names none, it is "no-cache", as
// the hosts' default: the browser keeps a page but asks again each time,
// and the ETag (see notModified) makes an unchanged page a 304.
func (s *Server) setSiteHeaders(h http.Header, path string, found bool) {
	cache := hosting.Revalidate
	for _, header := range hosting.HeadersFor(s.headerLines(), path) {
		if http.CanonicalHeaderKey(header.Name) == "Cache-Control" {
			if found {
				cache = header.Value
			}
			continue
		}
		h.Set(header.Name, header.Value)
	}
	h.Set("Cache-Control", cache)
}

// headerLines are the build's _headers, read again when a build changed
// it. The file's bytes as held (compressed) tell a change, so that an
// unchanged file is not decompressed on every request.
func (s *Server) headerLines() []hosting.HeaderLine {
	held, _, _ := s.out.Encoded(headersFile)
	s.mu.Lock()
	defer s.mu.Unlock()
	if !bytes.Equal(held, s.headersRead) {
		data, _ := s.out.File(headersFile)
		// A line the hosts skip is the build's warning to give, not the
		// preview's.
		s.headers, _ = hosting.ParseHeaders(data)
		s.headersRead = held
	}
	return s.headers
}

// notModified sets the ETag of a response with body data, and reports
// whether the request holds it already (If-None-Match).
func notModified(w http.ResponseWriter, r *http.Request, data []byte) bool {
	h := fnv.New64a()
	h.Write(data)
	etag := fmt.Sprintf(`"%x"`, h.Sum64())
	w.Header().Set("ETag", etag)
	return r.Header.Get("If-None-Match") == etag
}
