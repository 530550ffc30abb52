package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/queries/web"
)

func newServeCmd(cfg *config) *cobra.Command {
	var watch string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve Cayley's console, the JSON API and the explorer over HTTP",
		Long: `Serve the graph over HTTP on server.listen (127.0.0.1:64210 by default):

  /                 Cayley's web console (Gizmo, GraphQL, MQL; Visualize
                    draws rows tagged "source" and "target")
  /explore/         the explorer: search, entity pages with timeline,
                    neighbour graph, evidence and export
  /api/v2/...       Cayley's HTTP API v2 (query, read, write, delete)
  /api/search?q=    entities by name, alias or prefix
  /api/evidence?q=  full-text search over evidence sentences
  /api/entities/ID  an entity's detail with the reports behind each edge
  /api/export?id=ID&format=graphml|nquads|jsonld
  /api/queries      saved queries; /api/queries/NAME?param=value runs one
  /api/news         how many reports are new since the server started
                    (?since=N: since the first N, and the newest)

The server is read-only unless --writable is given; writes and deletes
then need the bearer token server.token. Every query is bounded by
query.timeout and query.limit, request bodies by server.max_body. It
answers only requests that name it in their Host header (localhost,
127.0.0.1, [::1], the listen address, server.allowed_hosts); others get
403, so that a web page cannot read the graph through DNS rebinding. Every
page asset is embedded: nothing is loaded from the network. SIGINT or
SIGTERM shuts the server down cleanly.

Other commands keep working while the server holds an embedded store
(which one process opens at a time): query, stats, paths, export,
entities, ingest and load find the server through the store's lock and
run on its open store, with the same output and exit status. The server
writes its address, pid and a secret drawn for this run beside the lock
(diplograph.serve, mode 0600); commands that read it may write through
the server even when its HTTP API is read-only, since only who can read
the store's directory can. A second serve on the same store is refused.

The search index is built in the background (search answers from the
part built meanwhile) and follows the reports that are added, changed or
removed, by this server or, on PostgreSQL, by other processes.

--watch DIR ingests the report files that appear or change in DIR
(recursively; every 2 s; a file is read once it has stopped growing),
each report in its own transaction; progress and bad files go to the
log, and the explorer tells an open page how many reports are new.`,
		Example: `  diplograph serve
  diplograph serve --listen 127.0.0.1:8080 --timeout 10s
  DIPLOGRAPH_SERVER_TOKEN=secret diplograph serve --writable
  # new reports dropped into ~/inbox show up in the open explorer
  diplograph serve --watch ~/inbox
  # meanwhile, from another terminal, on the same store:
  diplograph ingest reports/ && diplograph stats`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			v := cfg.v
			if v.GetBool("server.writable") && v.GetString("server.token") == "" {
				return errors.New("--writable needs server.token (DIPLOGRAPH_SERVER_TOKEN or the config file)")
			}
			open := cfg.openStoreForReading
			if v.GetBool("server.writable") {
				open = cfg.openStore
			}
			if watch != "" {
				if st, err := os.Stat(watch); err != nil || !st.IsDir() {
					return fmt.Errorf("--watch %s: not a directory", watch)
				}
			}
			s, err := open(ctx)
			if errors.Is(err, graph.ErrInUse) {
				if info, ok, _ := graph.FindServer(v.GetString("store.path")); ok {
					return fmt.Errorf("store %s is already served by diplograph serve (pid %d) on http://%s/: open that, or stop it first (kill %d); the other commands work through it",
						v.GetString("store.path"), info.PID, info.Addr, info.PID)
				}
			}
			if err != nil {
				return err
			}
			defer s.Close()
			ln, err := net.Listen("tcp", v.GetString("server.listen"))
			if err != nil {
				return err
			}
			secret, err := newSecret()
			if err != nil {
				return err
			}
			unpublish, err := s.PublishServer(graph.ServerInfo{Addr: loopback(ln.Addr()), PID: os.Getpid(), Secret: secret})
			if err != nil {
				return err
			}
			defer unpublish()
			logger := log.New(cmd.ErrOrStderr(), "diplograph: ", log.LstdFlags)
			h := web.New(s, web.Options{
				Writable:  v.GetBool("server.writable"),
				Token:     v.GetString("server.token"),
				MaxBody:   v.GetInt64("server.max_body"),
				Limits:    cfg.limits(),
				Hosts:     append(web.ListenHosts(v.GetString("server.listen")), cfg.allowedHosts()...),
				Log:       logger,
				Run:       runServed(s),
				RunSecret: secret,
			})
			defer h.Close()
			if watch != "" {
				stopWatch, err := watchDir(ctx, cfg, s, watch, logger, h.Refresh)
				if err != nil {
					return err
				}
				defer stopWatch()
			}
			srv := &http.Server{
				Handler:           h,
				ReadHeaderTimeout: 10 * time.Second,
				IdleTimeout:       2 * time.Minute,
				ErrorLog:          logger,
				// Requests in flight see the signal too: their queries
				// stop, answer, and Shutdown returns promptly.
				BaseContext: func(net.Listener) context.Context { return ctx },
			}
			mode := "read-only"
			if v.GetBool("server.writable") {
				mode = "writable"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "diplograph: serving %s store %s (%s) on http://%s/ (explorer: http://%s/explore/)\n",
				s.Backend(), s.Where(), mode, ln.Addr(), ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			fmt.Fprintln(cmd.ErrOrStderr(), "diplograph: shutting down")
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil {
				srv.Close()
				return err
			}
			if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&watch, "watch", "", "ingest the report files that appear or change in this directory while serving")
	addFlag(cmd, "server.listen")
	addFlag(cmd, "server.writable")
	addFlag(cmd, "query.timeout")
	addFlag(cmd, "query.limit")
	return cmd
}
