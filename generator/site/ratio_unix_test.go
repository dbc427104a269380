//go:build unix

package site

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRatioToFloor runs the goldmark floor, the dialect (see
// BenchmarkDialect) and the whole build in turn, once each per iteration,
// and reports the build's and the dialect's time as multiples of the
// floor's, by wall time and by CPU time. Taking turns keeps the ratio
// true on a machine whose speed drifts (this project's machine kind runs
// up to twice as fast at some times as at others), where benchmarks run
// one after the other each meet a different machine.
func BenchmarkRatioToFloor(b *testing.B) {
	fsys, bodies := corpusArticles(b)
	floor, dialect := floorConvert(), dialectConvert(b, fsys)
	var floorCost, dialectCost, buildCost cost
	for b.Loop() {
		floorCost.add(measure(func() { convertAll(bodies, floor) }))
		dialectCost.add(measure(func() { convertAll(bodies, dialect) }))
		buildCost.add(measure(func() { buildDiscarding(b, fsys) }))
	}
	perArticle := float64(b.N) * float64(len(bodies)) * 1e3
	b.ReportMetric(float64(floorCost.wall)/perArticle, "floor-µs/article")
	b.ReportMetric(float64(buildCost.wall)/perArticle, "build-µs/article")
	b.ReportMetric(float64(buildCost.wall)/float64(floorCost.wall), "build/floor")
	b.ReportMetric(float64(buildCost.cpu)/float64(floorCost.cpu), "build/floor-cpu")
	b.ReportMetric(float64(dialectCost.wall)/float64(floorCost.wall), "dialect/floor")
	b.ReportMetric(float64(dialectCost.cpu)/float64(floorCost.cpu), "dialect/floor-cpu")
}

// cost is the wall time and the CPU time (user and system, all threads)
// of some work.
type cost struct{ wall, cpu time.Duration }

func (c *cost) add(d cost) { c.wall, c.cpu = c.wall+d.wall, c.cpu+d.cpu }

// measure runs work after a collection, so that garbage left by the work
// before is not collected during it, and returns its cost.
func measure(work func()) cost {
	runtime.GC()
	startCPU, start := cpuTime(), time.Now()
	work()
	return cost{wall: time.Since(start), cpu: cpuTime() - startCPU}
}

// cpuTime is the process's CPU time so far.
func cpuTime() time.Duration {
	var u syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
