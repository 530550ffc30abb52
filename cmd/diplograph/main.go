// Command diplograph turns reports of bilateral diplomacy into a Cayley
// knowledge graph and serves it to analysts. This package holds flags,
// configuration and wiring only; the domain lives in schema, ingest, graph
// and queries.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile := startProfile(os.Getenv("DIPLOGRAPH_CPUPROFILE"))
	code := execute(ctx, newConfig(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// execute runs one command line with cfg and the given streams, prints
// its error on stderr and returns its exit status. main runs it on the
// process's own; a server runs it for the commands of other processes
// (served.go).
func execute(ctx context.Context, cfg *config, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootWith(cfg)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ex exitError
	if errors.As(err, &ex) {
		if ex.msg != "" {
			fmt.Fprintln(stderr, "diplograph:", ex.msg)
		}
		return ex.code
	}
	fmt.Fprintln(stderr, "diplograph:", err)
	return 1
}

// startProfile writes a CPU profile of the whole run to path (the
// DIPLOGRAPH_CPUPROFILE variable, for benchmarks; see BENCHMARKS.md) and
// returns the function that finishes it. An empty path profiles nothing.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "diplograph: cpu profile:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// exitError ends the program with a status other than 1 or after the
// command already said what went wrong.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }
