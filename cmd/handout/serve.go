package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/handout-health/handout/generator/memlimit"
	"github.com/handout-health/handout/generator/serve"
	"github.com/handout-health/handout/generator/version"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [DIR] [--bind 127.0.0.1] [--port 1313] [--drafts]", stderr)
	siteDir := siteFlag(fs)
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on: 127.0.0.1 keeps the preview on this computer; 0.0.0.0 opens it to every network the computer is on")
	port := fs.Int("port", 1313, "the `port`; when busy, the next free one is used and announced")
	drafts := fs.Bool("drafts", false, "include documents marked draft: true")
	if _, code, ok := parseSite(fs, args, siteDir, 0, stderr); !ok {
		return code
	}
	if _, err := os.Stat(*siteDir); err != nil {
		fail(stderr, "serve", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The preview holds the whole site: its heap is kept near what is live
	// (README, "Live preview").
	defer memlimit.Follow(memlimit.Serve)()
	err := serve.Run(ctx, serve.Options{SiteDir: *siteDir, Bind: *bind, Port: *port, Drafts: *drafts, Version: version.Current().Short(), Log: stdout})
	if err != nil {
		fail(stderr, "serve", err)
		return exitContent
	}
	fmt.Fprintln(stdout, "Stopped.")
	return exitOK
}
