// Package memlimit keeps a process's soft memory limit a little above its
// live heap, so that handout's builds and its preview server do not hold
// twice the memory they use (docs/performance.md, "Serve's memory" and
// "A one-shot build's memory").
package memlimit

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Policy is how Follow sets the limit: Floor, or the live heap plus
// Growth percent of it when that is more.
type Policy struct {
	Floor  int64
	Growth int64
}

// Serve is handout serve's policy: 540 MiB, so that a library of 10,000
// articles (about 400 MB live) is served in under 600 MB, and beyond that
// the live heap plus a quarter, since serve holds what it keeps for as
// long as it runs.
var Serve = Policy{Floor: 540 << 20, Growth: 25}

// Build is a one-shot handout build's policy. A library of 10,000
// articles keeps up to 125 MB live, and the runtime 30 to 40 MB besides,
// which the limit counts too; without a limit its heap grows to 250 MB
// between collections. At a floor of 160 MiB the collector ran back to
// back through the middle of such a build (a third of its CPU time, 11 s
// instead of 8); at 190 MiB it runs a little more often than without a
// limit, and the build peaks at 216 to 234 MB. A library of 1,000 articles
// never reaches it. Above the floor the heap may grow by half the live
// heap: a library of 100,000 articles built in 220 s and 1.06 GB with a
// growth of a quarter (the collector's share of the CPU time reached
// 45%), in 136 s and 1.35 GB with a half, and in 88 s and 1.77 GB with
// all of it; but with all of it, 10,000 articles (125 MB live) would
// grow past their 250 MB budget.
var Build = Policy{Floor: 190 << 20, Growth: 50}

// Follow sets the process's soft memory limit as p says, from the live
// heap, and keeps it so after each garbage collection until stop is
// called, which restores the limit as it was. With GOMEMLIMIT set it does
// nothing.
//
// The Go runtime lets the heap grow to twice what was live at the last
// collection before it collects again (GOGC=100). For serve, which holds
// a whole site and builds it again and again, and for a build, which
// holds the converted documents of a large library until it has rendered
// them, that doubles the resident memory of a site of a common size for
// no gain. A soft limit (runtime/debug.SetMemoryLimit) makes the collector
// run earlier as memory nears it; but a fixed limit close to the live
// heap makes it run back to back, and a library larger than the one the
// limit was chosen for would be built at a fraction of its speed. So the
// limit is the larger of a floor and the live heap plus a share of it,
// worked out again after each collection: under the floor the collector
// runs as before until memory nears it. The runtime's own memory counts
// against the limit too (a tenth to a fifth of the heap), so a growth of
// a quarter collects about as GOGC=10 would.
//
// GOMEMLIMIT, when set, is the administrator's choice and is left alone
// (GOMEMLIMIT=off: no limit at all).
func Follow(p Policy) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	f := &memoryFollower{policy: p, was: debug.SetMemoryLimit(-1)}
	f.set()
	f.arm()
	return func() {
		f.stopped.Store(true)
		debug.SetMemoryLimit(f.was)
	}
}

// memoryFollower keeps the memory limit above the live heap.
type memoryFollower struct {
	policy  Policy
	was     int64
	stopped atomic.Bool
}

// arm asks to be told of the next collection: it frees a sentinel, whose
// cleanup sets the limit again and arms anew.
func (f *memoryFollower) arm() {
	s := new(gcSentinel)
	runtime.AddCleanup(s, func(f *memoryFollower) {
		if !f.stopped.Load() {
			f.set()
			f.arm()
		}
	}, f)
}

// gcSentinel is large enough not to share a block of the allocator with
// other small objects, so that it is freed by the first collection after
// it is made.
type gcSentinel [64]byte

// set sets the limit from the live heap of the last collection.
func (f *memoryFollower) set() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	live := int64(sample[0].Value.Uint64())
	debug.SetMemoryLimit(f.policy.limitFor(live))
}

// limitFor is the soft limit for a live heap of live bytes.
func (p Policy) limitFor(live int64) int64 {
	return max(p.Floor, live+live*p.Growth/100)
}
