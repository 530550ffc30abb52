package extract_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/ingest/gen"
)

// BenchmarkExtract extracts generated reports of about 3 KB on one core;
// its MB/s is the extraction rate per core (BENCHMARKS.md).
//
//	go test ./ingest/extract -run '^$' -bench Extract -cpu 1
func BenchmarkExtract(b *testing.B) {
	x, err := extract.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	g, err := gen.New(1)
	if err != nil {
		b.Fatal(err)
	}
	const n = 500
	ins := make([]extract.Input, n)
	var size int64
	for i := range ins {
		r := g.Report(i)
		h, body := r.Header()
		in := extract.Input{Title: h["title"], Published: h["published"], Body: body}
		text := r.Text
		ins[i] = in
		size += int64(len(text))
	}
	b.SetBytes(size / n)
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(ins[i%n])
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	// the machine may be shared: MB per second of this process's CPU time
	// (garbage collection included) is the rate per core without waiting
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(size/n)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
