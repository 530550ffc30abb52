package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/queries/web"
)

func newServeCmd(cfg *config) *cobra.Command {
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

The server is read-only unless --writable is given; writes and deletes
then need the bearer token server.token. Every query is bounded by
query.timeout and query.limit, request bodies by server.max_body. It
answers only requests that name it in their Host header (localhost,
127.0.0.1, [::1], the listen address, server.allowed_hosts); others get
403, so that a web page cannot read the graph through DNS rebinding. Every
page asset is embedded: nothing is loaded from the network. SIGINT or
SIGTERM shuts the server down cleanly.`,
		Example: `  diplograph serve
  diplograph serve --listen 127.0.0.1:8080 --timeout 10s
  DIPLOGRAPH_SERVER_TOKEN=secret diplograph serve --writable`,
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
			s, err := open(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			logger := log.New(cmd.ErrOrStderr(), "diplograph: ", log.LstdFlags)
			h := web.New(s, web.Options{
				Writable: v.GetBool("server.writable"),
				Token:    v.GetString("server.token"),
				MaxBody:  v.GetInt64("server.max_body"),
				Limits:   cfg.limits(),
				Hosts:    append(web.ListenHosts(v.GetString("server.listen")), cfg.allowedHosts()...),
				Log:      logger,
			})
			defer h.Close()
			ln, err := net.Listen("tcp", v.GetString("server.listen"))
			if err != nil {
				return err
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
	addFlag(cmd, "server.listen")
	addFlag(cmd, "server.writable")
	addFlag(cmd, "query.timeout")
	addFlag(cmd, "query.limit")
	return cmd
}
