package serve

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// MemoryFloor is handout serve's memory limit for a site whose live heap
// is under four fifths of it, such as a library of 10,000 articles
// (docs/performance.md, "Serve's memory"); see FollowMemory.
const MemoryFloor = 540 << 20

// FollowMemory sets the process's soft memory limit to the larger of
// floor and the live heap plus a quarter, and keeps it so after each
// garbage collection until stop is called, which restores the limit as it
// was. With GOMEMLIMIT set it does nothing.
//
// The Go runtime lets the heap grow to twice what was live at the last
// collection before it collects again (GOGC=100). For serve, which holds
// a whole site and builds it again and again, that doubles its resident
// memory for no gain. A soft limit (runtime/debug.SetMemoryLimit) makes
// the collector run earlier as memory nears it; but a fixed limit close
// to the live heap makes it run back to back, and a library larger than
// the one the limit was chosen for would be built at half speed. So the
// limit is the larger of a floor and the live heap plus a quarter, worked
// out again after each collection: under the floor the collector runs as
// before until memory nears it, and a larger site is collected as with
// GOGC=25.
//
// GOMEMLIMIT, when set, is the administrator's choice and is left alone
// (GOMEMLIMIT=off: no limit at all).
func FollowMemory(floor int64) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	f := &memoryFollower{floor: floor, was: debug.SetMemoryLimit(-1)}
	f.set()
	f.arm()
	return func() {
		f.stopped.Store(true)
		debug.SetMemoryLimit(f.was)
	}
}

// memoryFollower keeps the memory limit above the live heap.
type memoryFollower struct {
	floor, was int64
	stopped    atomic.Bool
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
	debug.SetMemoryLimit(memoryLimit(f.floor, live))
}

// memoryLimit is the soft limit for a live heap of live bytes: floor, or the
// live heap plus a quarter when that is more.
func memoryLimit(floor, live int64) int64 {
	return max(floor, live+live/4)
}
