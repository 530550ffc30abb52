// Package web serves the graph to analysts over HTTP: Cayley's own web
// console and HTTP API v2 (made to work offline and on any address), a
// JSON API (entity search and full-text search over evidence sentences,
// entity detail with provenance, saved queries, subgraph export) and an
// explorer for analysts. Every asset a page loads is embedded in the
// binary; every query is bounded in time and results; writes are refused
// unless the server is writable and the request carries the token.
package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/cayley/writer" // registers the "single" quad writer

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/queries"
)

// DefaultMaxBody is the largest request body accepted when
// Options.MaxBody is not set.
const DefaultMaxBody = 8 << 20

// DefaultRefresh is how often the search index checks whether the store
// changed under it when Options.Refresh is not set: one cheap query
// (graph.Store.ChangeMark), and the changed reports read when it moved.
const DefaultRefresh = 2 * time.Second

// Options configure a Server.
type Options struct {
	// Writable allows the write and delete endpoints; they also need Token.
	Writable bool
	// Token is the bearer token write and delete requests must carry
	// ("Authorization: Bearer TOKEN"). A writable server with no token
	// refuses every write.
	Token string
	// MaxBody is the largest request body accepted, in bytes
	// (DefaultMaxBody when <= 0); larger ones are answered 413.
	MaxBody int64
	// Limits bound every query (queries.DefaultLimit and
	// queries.DefaultTimeout when zero; no row limit when Limit is
	// negative, queries.NoLimit).
	Limits queries.Limits
	// Hosts are the host names (or addresses) requests may name in their
	// Host header besides localhost, 127.0.0.1 and ::1, which are always
	// accepted: the host the server listens on and the names users reach
	// it by. "*" accepts any. A request naming another host is refused
	// (403), so that a web page cannot reach the server through DNS
	// rebinding.
	Hosts []string
	// Refresh is how often the search index checks the store for changes
	// made by other processes (DefaultRefresh when 0, never when < 0).
	Refresh time.Duration
	// Log receives one line per failed request and index update; nil
	// discards them.
	Log *log.Logger
	// Run, when set, runs a diplograph command line on the server's store
	// for a client holding RunSecret (POST /api/internal/run; see
	// RunRequest). It returns the command's exit status.
	Run RunFunc
	// RunSecret is the secret a request to run a command must carry as a
	// bearer token. It lets writes through even on a read-only server:
	// only who can read the store's directory knows it.
	RunSecret string
}

// Server is the HTTP handler of `diplograph serve`. Close stops its
// background index refresh.
type Server struct {
	store *graph.Store
	opts  Options
	mux   *http.ServeMux
	api   *cayleyhttp.APIv2
	idx   *indexHolder

	closeOnce sync.Once
	stop      context.CancelFunc
	done      chan struct{}
	poke      chan struct{}
}

// New returns the server of store. It builds the search index in the
// background (search answers from the part built meanwhile) and keeps it
// in step with the store until Close.
func New(store *graph.Store, opts Options) *Server {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Limits.Limit == 0 {
		opts.Limits.Limit = queries.DefaultLimit
	}
	if opts.Limits.Timeout <= 0 {
		opts.Limits.Timeout = queries.DefaultTimeout
	}
	if opts.Refresh == 0 {
		opts.Refresh = DefaultRefresh
	}
	if opts.Log == nil {
		opts.Log = log.New(io.Discard, "", 0)
	}
	s := &Server{store: store, opts: opts, mux: http.NewServeMux(), done: make(chan struct{}), poke: make(chan struct{}, 1)}
	s.idx = newIndexHolder(store, opts.Log)

	qs := store.QuadStore()
	qw, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		opts.Log.Printf("web: no quad writer, writes disabled: %v", err)
	}
	s.api = cayleyhttp.NewAPIv2(&cgraph.Handle{QuadStore: qs, QuadWriter: qw})
	s.api.SetReadOnly(!opts.Writable || qw == nil)
	s.api.SetQueryLimit(opts.Limits.Limit)
	s.api.SetQueryTimeout(opts.Limits.Timeout)
	s.routes()

	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	go s.idx.start(ctx, opts.Refresh, s.poke, s.done)
	return s
}

// WaitIndexed waits until the first build of the search index is
// complete, or ctx ends.
func (s *Server) WaitIndexed(ctx context.Context) error {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for !s.idx.get().complete {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// Refresh asks the search index to look for changed reports now, without
// waiting for it.
func (s *Server) Refresh() {
	select {
	case s.poke <- struct{}{}:
	default:
	}
}

// Close stops the index refresh. It does not close the store.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.stop()
		<-s.done
	})
	return nil
}

// ServeHTTP refuses requests for other hosts, bounds the request body and
// dispatches the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		jsonError(w, http.StatusForbidden, fmt.Errorf("host %q is not a name of this server (%s); if it is one, add it to server.allowed_hosts",
			r.Host, strings.Join(s.hostNames(), ", ")))
		return
	}
	if r.URL.Path == RunPath && s.opts.Run != nil {
		// a command's stdin is streamed, of any length
		w.Header().Set("X-Content-Type-Options", "nosniff")
		s.mux.ServeHTTP(w, r)
		return
	}
	if r.Body != nil && r.Body != http.NoBody {
		if r.ContentLength > s.opts.MaxBody {
			jsonError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("request body is larger than %d bytes", s.opts.MaxBody))
			return
		}
		if r.ContentLength < 0 {
			// Unknown length (chunked): read it here, so that every
			// handler sees a body within the limit.
			b, err := io.ReadAll(io.LimitReader(r.Body, s.opts.MaxBody+1))
			r.Body.Close()
			if err != nil {
				jsonError(w, http.StatusBadRequest, err)
				return
			}
			if int64(len(b)) > s.opts.MaxBody {
				jsonError(w, http.StatusRequestEntityTooLarge, fmt.Errorf("request body is larger than %d bytes", s.opts.MaxBody))
				return
			}
			r.Body = io.NopCloser(strings.NewReader(string(b)))
			r.ContentLength = int64(len(b))
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	s.mux.ServeHTTP(w, r)
}

func (s *Server) routes() {
	m := s.mux
	// Cayley's console and the endpoints it calls.
	m.HandleFunc("GET /", s.serveConsole)
	m.HandleFunc("GET /vendor/", s.serveVendor)
	m.HandleFunc("POST /api/v1/shape/{lang}", s.serveShape)
	m.HandleFunc("GET /api/v2/query", s.serveQuery)
	m.HandleFunc("POST /api/v2/query", s.serveQuery)
	m.Handle("GET /api/v2/read", s.api)
	m.Handle("POST /api/v2/read", s.api)
	m.Handle("GET /api/v2/formats", s.api)
	for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		m.Handle("POST "+p, s.guardWrite(s.cayleyWrite))
	}

	// Our JSON API.
	m.HandleFunc("GET /api/status", s.serveStatus)
	m.HandleFunc("GET /api/news", s.serveNews)
	if s.opts.Run != nil {
		m.HandleFunc("POST "+RunPath, s.serveRun)
	}
	m.HandleFunc("GET /api/search", s.serveSearch)
	m.HandleFunc("GET /api/evidence", s.serveEvidenceSearch)
	m.HandleFunc("GET /api/entity", s.serveEntity)
	m.HandleFunc("GET /api/entities/{id...}", s.serveEntity)
	m.HandleFunc("GET /api/export", s.serveExport)
	m.HandleFunc("GET /api/paths", s.servePaths)
	m.HandleFunc("GET /api/queries", s.serveSavedList)
	m.HandleFunc("GET /api/queries/{name}", s.serveSaved)
	m.HandleFunc("POST /api/queries/{name}", s.serveSaved)
	m.Handle("PUT /api/reports/{id}", s.guardWrite(s.putReport))
	m.Handle("DELETE /api/reports/{id}", s.guardWrite(s.deleteReport))

	// The explorer.
	m.HandleFunc("GET /explore", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/explore/", http.StatusMovedPermanently)
	})
	m.HandleFunc("GET /explore/", s.serveExplorer)
}

// guardWrite refuses writes on a read-only server (403) and writes without
// the configured token (401).
func (s *Server) guardWrite(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.opts.Writable {
			jsonError(w, http.StatusForbidden, errors.New("the server is read-only (start it with --writable to allow writes)"))
			return
		}
		if s.opts.Token == "" {
			jsonError(w, http.StatusForbidden, errors.New("writes need server.token in the configuration"))
			return
		}
		if !tokenMatches(r, s.opts.Token) {
			w.Header().Set("WWW-Authenticate", `Basic realm="diplograph writes"`)
			jsonError(w, http.StatusUnauthorized, errors.New("missing or wrong token"))
			return
		}
		h(w, r)
	})
}

// cayleyWrite passes a write or delete to Cayley's API v2 and brings the
// search index up to date afterwards.
func (s *Server) cayleyWrite(w http.ResponseWriter, r *http.Request) {
	s.api.ServeHTTP(w, r)
	s.idx.rebuildAll(context.WithoutCancel(r.Context()))
}

func (s *Server) serveStatus(w http.ResponseWriter, r *http.Request) {
	ix := s.idx.get()
	writeJSON(w, http.StatusOK, map[string]interface{}{
		"backend":   s.store.Backend(),
		"writable":  s.opts.Writable,
		"entities":  len(ix.ents),
		"evidence":  ix.live,
		"reports":   len(ix.reports),
		"indexing":  !ix.complete,
		"indexed":   ix.built.Format(time.RFC3339),
		"limit":     max(s.opts.Limits.Limit, 0),
		"timeout":   s.opts.Limits.Timeout.String(),
		"languages": queries.Languages(),
	})
}

// ListenHosts are the host names a server listening on addr (host:port)
// is reached by, for Options.Hosts: the host of addr; for an address of
// every interface (0.0.0.0, ::, none), the machine's name and the
// addresses of its interfaces.
func ListenHosts(addr string) []string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if ip := net.ParseIP(host); host != "" && (ip == nil || !ip.IsUnspecified()) {
		return []string{host}
	}
	var out []string
	if name, err := os.Hostname(); err == nil {
		out = append(out, name)
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok {
				out = append(out, ipn.IP.String())
			}
		}
	}
	return out
}

// hostNames are the host names the server answers to.
func (s *Server) hostNames() []string {
	return append([]string{"localhost", "127.0.0.1", "::1"}, s.opts.Hosts...)
}

// hostAllowed says whether a request's Host header (host, or host:port)
// names this server. A request without one (HTTP/1.0) is accepted.
func (s *Server) hostAllowed(hostport string) bool {
	if hostport == "" {
		return true
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	for _, n := range s.hostNames() {
		if n == "*" || strings.EqualFold(strings.Trim(n, "[]"), host) {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, code int, v interface{}) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func jsonError(w http.ResponseWriter, code int, err error) {
	writeJSON(w, code, map[string]string{"error": err.Error()})
}
