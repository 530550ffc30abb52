package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/diplograph/diplograph/graph"
)

// RunPath is the endpoint through which commands of other processes run
// on the server's store (Options.Run).
const RunPath = "/api/internal/run"

// RunRequest is a command line sent to a server to run on its store.
type RunRequest struct {
	// Args is the command line without the program's name; paths in it
	// are absolute (the client resolves them against its directory).
	Args []string `json:"args"`
	// Dir is the client's working directory.
	Dir string `json:"dir"`
	// StdinTerminal says the client's stdin is a terminal: none is sent,
	// and a command that would read a query from it says so instead.
	StdinTerminal bool `json:"stdin_terminal,omitempty"`
	// Settings are the client's effective configuration values (query
	// limits, ingest workers, ...), by key, for the command to run with.
	Settings map[string]string `json:"settings,omitempty"`
}

// RunFunc runs req's command line on the server's store with the given
// streams and returns its exit status.
type RunFunc func(ctx context.Context, req RunRequest, stdin io.Reader, stdout, stderr io.Writer) int

// The response to a run is a stream of frames: a kind byte, a 4-byte
// big-endian length and the data. The exit frame ends it.
const (
	frameStdout = 'o'
	frameStderr = 'e'
	frameExit   = 'x'
	maxFrame    = 1 << 20
)

// frameWriter writes one kind of frame, flushing each at once (progress
// lines and errors show as they happen).
type frameWriter struct {
	mu   *sync.Mutex
	w    io.Writer
	rc   *http.ResponseController
	kind byte
}

func (f frameWriter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for len(p) > 0 {
		chunk := p
		if len(chunk) > maxFrame {
			chunk = chunk[:maxFrame]
		}
		var hdr [5]byte
		hdr[0] = f.kind
		binary.BigEndian.PutUint32(hdr[1:], uint32(len(chunk)))
		if _, err := f.w.Write(hdr[:]); err != nil {
			return n, err
		}
		if _, err := f.w.Write(chunk); err != nil {
			return n, err
		}
		n += len(chunk)
		p = p[len(chunk):]
	}
	if f.rc != nil {
		f.rc.Flush()
	}
	return n, nil
}

// terminal is the stdin of a command whose client's stdin is a terminal:
// it reads nothing and says it is a terminal (IsTerminal).
type terminal struct{}

func (terminal) Read([]byte) (int, error) { return 0, io.EOF }

// IsTerminal says the client's stdin is a terminal.
func (terminal) IsTerminal() bool { return true }

// serveRun runs a command of another process on the server's store: the
// body is a RunRequest on one line, then the command's stdin; the answer
// streams its stdout, stderr and exit status as frames.
func (s *Server) serveRun(w http.ResponseWriter, r *http.Request) {
	if s.opts.RunSecret == "" || !tokenMatches(r, s.opts.RunSecret) {
		jsonError(w, http.StatusUnauthorized, errors.New("missing or wrong secret"))
		return
	}
	rc := http.NewResponseController(w)
	rc.EnableFullDuplex() // stdin is read while output is written
	br := bufio.NewReader(r.Body)
	line, err := br.ReadBytes('\n')
	var req RunRequest
	if err == nil {
		err = json.Unmarshal(line, &req)
	}
	if err != nil || len(req.Args) == 0 {
		jsonError(w, http.StatusBadRequest, fmt.Errorf("bad run request: %v", err))
		return
	}
	var stdin io.Reader = br
	if req.StdinTerminal {
		stdin = terminal{}
	}
	w.Header().Set("Content-Type", "application/x-diplograph-run")
	w.WriteHeader(http.StatusOK)
	rc.Flush()
	mu := &sync.Mutex{}
	start := time.Now()
	code := s.opts.Run(r.Context(), req, stdin, frameWriter{mu, w, rc, frameStdout}, frameWriter{mu, w, rc, frameStderr})
	frameWriter{mu, w, rc, frameExit}.Write([]byte(strconv.Itoa(code)))
	cmdline := strings.Join(req.Args, " ")
	if len(cmdline) > 200 {
		cmdline = cmdline[:200] + "..."
	}
	s.opts.Log.Printf("web: ran %q for another process in %s: exit %d", cmdline, time.Since(start).Round(time.Millisecond), code)
	s.Refresh() // the search index reads what the command wrote
}

// ErrServerGone is returned by RunRemote when the server cannot be
// reached.
var ErrServerGone = errors.New("the server does not answer")

// RunRemote runs req on the server info names, streaming stdin to it
// (unless req.StdinTerminal) and its output to stdout and stderr, and
// returns the command's exit status.
func RunRemote(ctx context.Context, info graph.ServerInfo, req RunRequest, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	head, err := json.Marshal(req)
	if err != nil {
		return 0, fmt.Errorf("encode the run request: %w", err)
	}
	body := io.Reader(bytes.NewReader(append(head, '\n')))
	if !req.StdinTerminal && stdin != nil {
		body = io.MultiReader(body, stdin)
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+info.Addr+RunPath, body)
	if err != nil {
		return 0, fmt.Errorf("run request: %w", err)
	}
	hr.Header.Set("Authorization", "Bearer "+info.Secret)
	hr.Header.Set("Content-Type", "application/x-diplograph-run")
	client := &http.Client{Transport: &http.Transport{Proxy: nil, DisableCompression: true}}
	resp, err := client.Do(hr)
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, fmt.Errorf("%w: %v", ErrServerGone, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		var e struct{ Error string }
		if json.Unmarshal(b, &e) == nil && e.Error != "" {
			b = []byte(e.Error)
		}
		return 0, fmt.Errorf("the server refused the command: %s (%s)", strings.TrimSpace(string(b)), resp.Status)
	}
	br := bufio.NewReader(resp.Body)
	for {
		var hdr [5]byte
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			if ctx.Err() != nil {
				return 0, ctx.Err()
			}
			return 0, fmt.Errorf("%w: the command's output ended early: %v", ErrServerGone, err)
		}
		n := binary.BigEndian.Uint32(hdr[1:])
		if n > maxFrame {
			return 0, fmt.Errorf("bad frame of %d bytes from the server", n)
		}
		data := make([]byte, n)
		if _, err := io.ReadFull(br, data); err != nil {
			return 0, fmt.Errorf("%w: the command's output ended early: %v", ErrServerGone, err)
		}
		switch hdr[0] {
		case frameStdout:
			stdout.Write(data)
		case frameStderr:
			stderr.Write(data)
		case frameExit:
			code, err := strconv.Atoi(string(data))
			if err != nil {
				return 0, fmt.Errorf("bad exit status %q from the server", data)
			}
			return code, nil
		default:
			return 0, fmt.Errorf("bad frame kind %q from the server", hdr[0])
		}
	}
}
