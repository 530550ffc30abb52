package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress prints a one-line counter that rewrites itself, only on a
// terminal and at most ten times a second.
type progress struct {
	w     io.Writer
	label string
	unit  string
	tty   bool
	start time.Time
	last  time.Time
	total int64
	n     int64
}

func newProgress(w io.Writer, label, unit string) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, label: label, unit: unit, tty: tty, start: time.Now()}
}

// setTotal sets the expected count, which turns the counter into a bar.
func (p *progress) setTotal(n int64) { p.total = n }

func (p *progress) set(n int64) {
	p.n = n
	if !p.tty || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(n) / time.Since(p.start).Seconds()
	if p.total > 0 {
		const width = 30
		done := int(float64(width) * float64(n) / float64(p.total))
		if done > width {
			done = width
		}
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = '.'
			if i < done {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(p.w, "\r%s [%s] %d/%d %s (%.0f/s)  ", p.label, bar, n, p.total, p.unit, rate)
		return
	}
	fmt.Fprintf(p.w, "\r%s: %d %s (%.0f/s)  ", p.label, n, p.unit, rate)
}

func (p *progress) done() {
	if p.tty && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
