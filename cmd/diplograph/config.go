package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/queries"
)

// setting is one configuration key with its default, flag and help.
type setting struct {
	key, flag, help string
	def             interface{}
	secret          bool
	local           bool // the flag belongs to the commands that use it (addFlag)
}

// settings are every configuration key diplograph reads.
func settings() []setting {
	return []setting{
		{key: "store.backend", flag: "backend", def: graph.DefaultBackend,
			help: "store backend: " + strings.Join(graph.Backends(), ", ")},
		{key: "store.path", flag: "store", def: defaultStorePath(),
			help: "directory of an embedded store"},
		{key: "store.address", flag: "address", def: "", secret: true,
			help: "address of a PostgreSQL/CockroachDB store (postgres://user:pass@host/db?sslmode=disable)"},
		{key: "store.cache_mb", def: 64,
			help: "read cache of an embedded store for queries, in MB (0: none); ingest and load use none"},
		{key: "server.listen", flag: "listen", def: "127.0.0.1:64210", local: true,
			help: "address the server listens on"},
		{key: "server.writable", flag: "writable", def: false, local: true,
			help: "allow writes and deletes through the HTTP API (they need server.token)"},
		{key: "server.allowed_hosts", def: []string{},
			help: "host names the server answers to besides localhost, 127.0.0.1, ::1 and its listen address (comma-separated in the environment; \"*\": any)"},
		{key: "server.token", def: "", secret: true,
			help: "bearer token required by write and delete endpoints"},
		{key: "server.max_body", def: int64(8 << 20),
			help: "largest request body accepted, in bytes"},
		{key: "query.timeout", flag: "timeout", def: queries.DefaultTimeout, local: true,
			help: "time limit of every query"},
		{key: "query.limit", flag: "limit", def: queries.DefaultLimit, local: true,
			help: "row limit of every query (0: none; a cut result says so)"},
		{key: "ingest.workers", def: 0,
			help: "extraction workers (0: one per core)"},
		{key: "ingest.batch", def: 64,
			help: "reports written per transaction"},
		{key: "identity.resolve", def: true,
			help: "resolve the people of each ingest run against the stored graph (false: keep each report's people as extracted; entities --apply resolves them later)"},
		{key: "identity.aliases", flag: "aliases", def: "", local: true,
			help: "the analyst's alias file: people to join (A = B) or keep apart (A != B)"},
	}
}

// config is the effective configuration of one run.
type config struct {
	v    *viper.Viper
	file string
	cmd  *cobra.Command
	// served is the open store of the server that runs this command for
	// another process (served.go); its settings then come from that
	// process, not from this one's environment and config file.
	served *graph.Store
	// dir is the working directory of the process the command runs for,
	// "" for this one's: relative paths are read from it (files).
	dir string
}

// files says where the command reads relative paths and "-" from.
func (c *config) files(cmd *cobra.Command) ingest.Files {
	return ingest.Files{Dir: c.dir, Stdin: cmd.InOrStdin()}
}

func newConfig() *config {
	v := viper.New()
	for _, s := range settings() {
		v.SetDefault(s.key, s.def)
	}
	v.SetEnvPrefix("DIPLOGRAPH")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	return &config{v: v}
}

// bindPersistent adds the flags every command shares.
func (c *config) bindPersistent(root *cobra.Command) {
	pf := root.PersistentFlags()
	pf.String("config", "", "config file (default ./diplograph.yaml, else the user's config dir)")
	for _, s := range settings() {
		if s.flag == "" || s.local {
			continue
		}
		pf.String(s.flag, "", s.help)
	}
}

// addFlag adds the flag of key to a command that uses it.
func addFlag(cmd *cobra.Command, key string) {
	for _, s := range settings() {
		if s.key != key {
			continue
		}
		switch d := s.def.(type) {
		case bool:
			cmd.Flags().Bool(s.flag, d, s.help)
		case int:
			cmd.Flags().Int(s.flag, d, s.help)
		case time.Duration:
			cmd.Flags().Duration(s.flag, d, s.help)
		default:
			cmd.Flags().String(s.flag, fmt.Sprint(d), s.help)
		}
	}
}

// load reads the config file, binds the flags of cmd and checks the
// values that have no meaning (a negative query limit).
func (c *config) load(cmd *cobra.Command) error {
	if err := c.read(cmd); err != nil {
		return err
	}
	if n := c.v.GetInt("query.limit"); n < 0 {
		for _, s := range settings() {
			if s.key == "query.limit" {
				return fmt.Errorf("query limit %d (from %s): give a number of rows, or 0 for no row limit", n, c.source(s))
			}
		}
	}
	return nil
}

// read reads the config file and binds the flags of cmd.
func (c *config) read(cmd *cobra.Command) error {
	c.cmd = cmd
	for _, s := range settings() {
		if s.flag == "" {
			continue
		}
		if f := cmd.Flags().Lookup(s.flag); f != nil {
			if err := c.v.BindPFlag(s.key, f); err != nil {
				return err
			}
		}
	}
	if c.served != nil {
		return nil
	}
	file, _ := cmd.Flags().GetString("config")
	explicit := file != ""
	if !explicit {
		file = findConfigFile()
	}
	if file == "" {
		return nil
	}
	c.v.SetConfigFile(file)
	if err := c.v.ReadInConfig(); err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("config %s: %w", file, err)
	}
	c.file = file
	return nil
}

func findConfigFile() string {
	candidates := []string{"diplograph.yaml"}
	if dir, err := os.UserConfigDir(); err == nil {
		candidates = append(candidates, filepath.Join(dir, "diplograph", "diplograph.yaml"))
	}
	for _, p := range candidates {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// defaultStorePath is the embedded store's directory in the user's data dir.
func defaultStorePath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "diplograph-store"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "diplograph", "store")
}

// source says where the effective value of key came from.
func (c *config) source(s setting) string {
	if s.flag != "" && c.cmd != nil {
		if f := c.cmd.Flags().Lookup(s.flag); f != nil && f.Changed {
			return "flag --" + s.flag
		}
	}
	env := "DIPLOGRAPH_" + strings.ToUpper(strings.ReplaceAll(s.key, ".", "_"))
	if _, ok := os.LookupEnv(env); ok {
		return "env " + env
	}
	if c.file != "" && c.v.InConfig(s.key) {
		return "file " + c.file
	}
	return "default"
}

func (c *config) storeConfig() graph.Config {
	return graph.Config{
		Backend:   c.v.GetString("store.backend"),
		Path:      c.v.GetString("store.path"),
		Address:   c.v.GetString("store.address"),
		ReadCache: c.v.GetInt("store.cache_mb") << 20,
	}
}

// limits are the query limits: query.limit 0 means no row limit (load
// has refused negative ones).
func (c *config) limits() queries.Limits {
	lim := queries.Limits{Limit: c.v.GetInt("query.limit"), Timeout: c.v.GetDuration("query.timeout")}
	if lim.Limit == 0 {
		lim.Limit = queries.NoLimit
	}
	return lim
}

// allowedHosts are server.allowed_hosts, from a list or a comma-separated
// string (the environment).
func (c *config) allowedHosts() []string {
	var out []string
	for _, h := range c.v.GetStringSlice("server.allowed_hosts") {
		for _, f := range strings.Split(h, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}

// noteTruncated tells on w (stderr) that the row limit cut res.
func noteTruncated(w io.Writer, res queries.Result) {
	if res.Truncated {
		fmt.Fprintf(w, "diplograph: showing the first %d rows; there are more (--limit N for more, --limit 0 for all)\n", res.Limit)
	}
}
