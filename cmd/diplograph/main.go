// Command diplograph turns reports of bilateral diplomacy into a Cayley
// knowledge graph and serves it to analysts. This package holds flags,
// configuration and wiring only; the domain lives in schema, ingest, graph
// and queries.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRoot().ExecuteContext(ctx)
	stop()
	if err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			if ex.msg != "" {
				fmt.Fprintln(os.Stderr, "diplograph:", ex.msg)
			}
			os.Exit(ex.code)
		}
		fmt.Fprintln(os.Stderr, "diplograph:", err)
		os.Exit(1)
	}
}

// exitError ends the program with a status other than 1 or after the
// command already said what went wrong.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }
