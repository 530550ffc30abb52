package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/ingest/extract"
	"github.com/diplograph/diplograph/queries/web"
)

// While `diplograph serve` holds an embedded store (which one process
// opens at a time), the commands below run through it: the command finds
// the server through the store's lock (graph.FindServer), sends it its
// command line, and the server runs the same command on its open store
// (runServed) and streams the output and exit status back.

// viaServer says whether the command of this name runs through the
// server that holds the store. A command joins with its name here.
func viaServer(name string) bool {
	switch name {
	case "query", "stats", "paths", "export", "entities", "ingest", "load":
		return true
	}
	return false
}

// forwardWhenServed makes c run through the server that holds the
// configured embedded store, when one does.
func (c *config) forwardWhenServed(cmd *cobra.Command) {
	run := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if c.served != nil || !graph.IsEmbedded(c.v.GetString("store.backend")) {
			return run(cmd, args)
		}
		dir := c.v.GetString("store.path")
		info, ok, err := graph.FindServer(dir)
		if err != nil {
			return err
		}
		if !ok {
			return run(cmd, args)
		}
		req, err := c.runRequest(cmd, args)
		if err != nil {
			return err
		}
		code, err := web.RunRemote(cmd.Context(), info, req, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return exitError{code: 130}
			}
			return fmt.Errorf("store %s is held by diplograph serve (pid %d, http://%s/), which could not run the command: %w",
				dir, info.PID, info.Addr, err)
		}
		if code != 0 {
			return exitError{code: code} // the server printed the error
		}
		return nil
	}
}

// runRequest is the command line of cmd for the server: the command's
// name, the flags set and the arguments as given (the server reads
// relative paths from this process's directory), with this process's
// effective settings.
func (c *config) runRequest(cmd *cobra.Command, args []string) (web.RunRequest, error) {
	wd, err := os.Getwd()
	if err != nil {
		return web.RunRequest{}, fmt.Errorf("working directory: %w", err)
	}
	line := strings.Fields(cmd.CommandPath())[1:]
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if f.Name == "config" {
			return // its values are in Settings
		}
		vals := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			vals = sv.GetSlice()
		}
		for _, v := range vals {
			line = append(line, "--"+f.Name+"="+v)
		}
	})
	line = append(append(line, "--"), args...)
	values := map[string]string{}
	for _, s := range settings() {
		if !s.secret {
			values[s.key] = c.v.GetString(s.key)
		}
	}
	return web.RunRequest{Args: line, Dir: wd, StdinTerminal: isTerminal(cmd.InOrStdin()), Settings: values}, nil
}

// isTerminal says whether r is a terminal: this process's own, or the
// stdin of a client that runs a command through the server from one.
func isTerminal(r io.Reader) bool {
	switch f := r.(type) {
	case *os.File:
		st, err := f.Stat()
		return err == nil && st.Mode()&os.ModeCharDevice != 0
	case interface{ IsTerminal() bool }:
		return f.IsTerminal()
	}
	return false
}

// runServed runs the command lines of other processes on the server's
// open store s (web.Options.Run).
func runServed(s *graph.Store) web.RunFunc {
	return func(ctx context.Context, req web.RunRequest, stdin io.Reader, stdout, stderr io.Writer) int {
		if !viaServer(req.Args[0]) {
			fmt.Fprintf(stderr, "diplograph: %q does not run through the server\n", req.Args[0])
			return 2
		}
		cfg := servedConfig(s, req.Settings)
		cfg.dir = req.Dir
		return execute(ctx, cfg, req.Args, stdin, stdout, stderr)
	}
}

// servedConfig is the configuration of a command run for another
// process: that process's settings, the server's store.
func servedConfig(s *graph.Store, values map[string]string) *config {
	v := viper.New()
	for _, st := range settings() {
		v.SetDefault(st.key, st.def)
		if val, ok := values[st.key]; ok && !st.secret {
			v.SetDefault(st.key, val)
		}
	}
	return &config{v: v, served: s}
}

// newSecret draws the secret of one server run.
func newSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("draw the server's secret: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// loopback is the address a command on this machine reaches a listener
// on: a listener on every interface is reached on the loopback one.
func loopback(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	if tcp.IP.To4() == nil {
		return net.JoinHostPort("::1", strconv.Itoa(tcp.Port))
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
}

// watchDir starts ingesting the files that appear in dir into s (serve
// --watch), calling ingested after each round; the returned function
// stops it.
func watchDir(ctx context.Context, cfg *config, s *graph.Store, dir string, lg *log.Logger, ingested func()) (func(), error) {
	x, err := extract.New(nil)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		err := ingest.Watch(ctx, dir, ingest.DefaultRegistry(), x, s, ingest.WatchOptions{
			Ingest: ingest.Options{
				Workers: cfg.v.GetInt("ingest.workers"),
				Writers: s.ParallelWrites(),
				OnWarn:  func(w string) { lg.Printf("watch: warning: %s", w) },
			},
			Log:      lg.Printf,
			Ingested: func(ingest.Summary) { ingested() },
		})
		if err != nil {
			lg.Printf("%v", err)
		}
	}()
	lg.Printf("watching %s for new reports", dir)
	return func() { cancel(); <-done }, nil
}
