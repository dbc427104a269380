package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimitFor(t *testing.T) {
	for _, c := range []struct {
		policy     Policy
		live, want int64
	}{
		{Serve, 0, Serve.Floor},
		{Serve, 300 << 20, Serve.Floor},
		{Serve, Serve.Floor * 4 / 5, Serve.Floor},
		{Serve, 800 << 20, 1000 << 20},
		{Build, 0, Build.Floor},
		{Build, Build.Floor / 2, Build.Floor},
		{Build, 800 << 20, 1200 << 20},
	} {
		if got := c.policy.limitFor(c.live); got != c.want {
			t.Errorf("%+v.limitFor(%d) = %d, want %d", c.policy, c.live, got, c.want)
		}
	}
}

// limitReaches collects until the limit satisfies ok, for a few seconds
// at most (the limit is set on the cleanup goroutine, after a collection).
func limitReaches(ok func(int64) bool) (int64, bool) {
	for range 200 {
		runtime.GC()
		if limit := debug.SetMemoryLimit(-1); ok(limit) {
			return limit, true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return debug.SetMemoryLimit(-1), false
}

// TestFollowTracksTheLiveHeap holds 64 MiB over a floor of 4: the limit
// rises above the live heap, comes back down when it goes, and is as it
// was once stopped.
func TestFollowTracksTheLiveHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	was := debug.SetMemoryLimit(-1)
	stop := Follow(Policy{Floor: 4 << 20, Growth: 25})
	held := make([][]byte, 64)
	for i := range held {
		held[i] = make([]byte, 1<<20)
	}
	const live = 64 << 20
	if limit, ok := limitReaches(func(l int64) bool { return l >= live*5/4 }); !ok {
		t.Errorf("with %d MiB live the limit is %d MiB, want at least %d", live>>20, limit>>20, live*5/4>>20)
	}
	runtime.KeepAlive(held)
	held = nil
	if limit, ok := limitReaches(func(l int64) bool { return l < live }); !ok {
		t.Errorf("once the %d MiB went the limit is still %d MiB", live>>20, limit>>20)
	}
	stop()
	if limit := debug.SetMemoryLimit(-1); limit != was {
		t.Errorf("after stop the limit is %d, want %d as before", limit, was)
	}
}

// TestFollowLeavesGOMEMLIMIT: the administrator's limit stands.
func TestFollowLeavesGOMEMLIMIT(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	was := debug.SetMemoryLimit(-1)
	stop := Follow(Policy{Floor: 4 << 20, Growth: 25})
	defer stop()
	runtime.GC()
	if limit := debug.SetMemoryLimit(-1); limit != was {
		t.Errorf("with GOMEMLIMIT set the limit changed from %d to %d", was, limit)
	}
}
