package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
	"github.com/handout-health/handout/generator/watch"
)

// Options configure a preview.
type Options struct {
	// SiteDir is the site folder.
	SiteDir string
	// Bind is the address to listen on; 127.0.0.1 keeps the preview to
	// this machine. Any other address is announced with a warning, and a
	// host name is one requests may then use.
	Bind string
	// Port is the first port tried; when it is busy the next nine are
	// tried and the one used is announced.
	Port   int
	Drafts bool
	// Version is written into the generator meta tag.
	Version string
	// Log receives one line per rebuild and the server's messages.
	Log io.Writer
	// Ready, when set, is called with the announced address (host:port
	// and base path) once the site is served.
	Ready func(addr string)
}

// Run builds the site, serves it and rebuilds on every change until ctx
// ends. A content error never stops it: the errors are shown in the open
// pages and the last good build stays served.
func Run(ctx context.Context, opts Options) error {
	ln, err := listen(opts.Bind, opts.Port, opts.Log)
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(opts.SiteDir)
	if err != nil {
		ln.Close()
		return err
	}
	defer root.Close()
	w, err := watch.New(opts.SiteDir)
	if err != nil {
		ln.Close()
		return err
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go w.Run(watchCtx)

	mem := output.NewMemory()
	builder := site.NewBuilder(root.FS(), site.Options{LoadOptions: site.LoadOptions{Drafts: opts.Drafts}, Version: opts.Version,
		Cache: filepath.Join(opts.SiteDir, site.CacheDir)}, mem)
	start := time.Now()
	res, err := builder.Rebuild(nil)
	basePath := "/"
	if res.Site != nil {
		basePath = res.Site.Config.BasePath()
	}
	srv := New(mem, basePath)
	if isHostName(opts.Bind) {
		srv.AllowHost(opts.Bind)
	}
	report(opts.Log, "site built", res, err, time.Since(start), srv)
	where := exposureOf(opts.Bind, ln.Addr())
	if where.warning != "" {
		fmt.Fprintln(opts.Log, where.warning)
	}
	fmt.Fprintf(opts.Log, "Serving %d files (%.1f MB, held in memory) at http://%s%s\n",
		len(mem.Names()), float64(mem.Size())/1e6, where.here, basePath)
	if len(where.others) > 0 {
		fmt.Fprintf(opts.Log, "On other devices: http://%s%s\n", strings.Join(where.others, basePath+" http://"), basePath)
	}
	fmt.Fprintln(opts.Log, "Press Ctrl-C to stop.")

	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	// Event streams never end by themselves: end them when shutting down.
	httpSrv.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()
	if opts.Ready != nil {
		opts.Ready(where.here + basePath)
	}

	for {
		select {
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			err := httpSrv.Shutdown(shutdown)
			if errors.Is(err, context.DeadlineExceeded) {
				err = httpSrv.Close()
			}
			return err
		case err := <-served:
			return err
		case err := <-w.Errors:
			fmt.Fprintf(opts.Log, "watch: %s\n", diag.Printable(err.Error()))
		case batch, ok := <-w.Batches:
			if !ok {
				return nil
			}
			start := time.Now()
			res, err := builder.Rebuild(batch.Paths)
			what := describe(batch.Paths)
			took := time.Since(start)
			what = fmt.Sprintf("%s (the save was %d ms ago)", what, time.Since(batch.First).Milliseconds())
			if err == nil && cssOnly(batch.Paths) {
				if href := stylesheet(mem, basePath); href != "" {
					srv.ReloadCSS(href)
					report(opts.Log, what, res, err, took, nil)
					continue
				}
			}
			report(opts.Log, what, res, err, took, srv)
		}
	}
}

// listen opens the first free port from port on.
func listen(bind string, port int, log io.Writer) (net.Listener, error) {
	var firstErr error
	for p := port; p < port+10; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, fmt.Sprint(p)))
		if err == nil {
			if p != port {
				fmt.Fprintf(log, "Port %d is busy; using %d instead.\n", port, p)
			}
			return ln, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			break
		}
	}
	return nil, fmt.Errorf("cannot listen on %s port %d (or the next nine): %w", bind, port, firstErr)
}

// report prints one line for a build and tells the pages; srv nil means
// the pages were told already.
func report(log io.Writer, what string, res site.Result, err error, took time.Duration, srv *Server) {
	stamp := time.Now().Format("15:04:05")
	if err != nil {
		var lines []string
		for _, d := range res.Diagnostics.Errors() {
			lines = append(lines, d.String())
		}
		fmt.Fprintf(log, "%s %s: build failed with %d errors in %d ms\n", stamp, what, len(lines), took.Milliseconds())
		for _, l := range lines {
			fmt.Fprintln(log, "  "+l)
		}
		if srv != nil {
			srv.Fail(lines)
		}
		return
	}
	warnings := ""
	if n := len(res.Diagnostics.Warnings()); n > 0 {
		warnings = fmt.Sprintf(", %d warnings", n)
	}
	fmt.Fprintf(log, "%s %s: %d pages written in %d ms%s\n", stamp, what, res.Pages, took.Milliseconds(), warnings)
	if srv != nil {
		srv.Reload()
	}
}

// describe names what changed, quoting a file name that holds control
// characters.
func describe(batch []string) string {
	if len(batch) == 1 {
		return diag.QuotePath(batch[0]) + " changed"
	}
	return fmt.Sprintf("%s and %d more changed", diag.QuotePath(batch[0]), len(batch)-1)
}

// cssOnly reports whether only theme stylesheets changed.
func cssOnly(batch []string) bool {
	for _, p := range batch {
		if !strings.HasPrefix(p, "templates/") || path.Ext(p) != ".css" {
			return false
		}
	}
	return len(batch) > 0
}

// stylesheet finds the address of the site's fingerprinted stylesheet.
func stylesheet(mem *output.Memory, basePath string) string {
	for _, name := range mem.Names() {
		if strings.HasPrefix(name, "assets/style.") && strings.HasSuffix(name, ".css") {
			return basePath + name
		}
	}
	return ""
}
