package web

import (
	"bytes"
	"crypto/subtle"
	"embed"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

//go:embed all:assets
var assets embed.FS

// Addresses inside Cayley's compiled console that point off the server.
const (
	consoleServerURL = `"http://localhost:64210"`
	monacoCDN        = "https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs"
	monacoLocal      = "/vendor/monaco-editor/min/vs"
	iconsImport      = "@import url(https://fonts.googleapis.com/icon?family=Material+Icons);"
	iconsLocal       = "@import url(/vendor/material-icons/material-icons.css);"
)

// serviceWorker replaces the console's Workbox service worker, which loads
// its runtime from Google's CDN: this one only removes itself.
const serviceWorker = `self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function () { self.registration.unregister(); });
`

// console is Cayley's compiled web console, patched to call its own server
// and to load its editor and icons from our embedded copies.
type console struct {
	once  sync.Once
	files fs.FS
	fixed map[string][]byte // patched files by path
	err   error
}

var theConsole console

func (c *console) load() {
	c.once.Do(func() {
		c.files, c.err = fs.Sub(ui.FS, "web")
		if c.err != nil {
			return
		}
		c.fixed = map[string][]byte{"service-worker.js": []byte(serviceWorker)}
		c.err = fs.WalkDir(c.files, "static", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".map") {
				return err
			}
			if !strings.HasSuffix(p, ".js") && !strings.HasSuffix(p, ".css") {
				return nil
			}
			b, err := fs.ReadFile(c.files, p)
			if err != nil {
				return err
			}
			nb := bytes.ReplaceAll(b, []byte(consoleServerURL), []byte(`""`))
			nb = bytes.ReplaceAll(nb, []byte(monacoCDN), []byte(monacoLocal))
			nb = bytes.ReplaceAll(nb, []byte(iconsImport), []byte(iconsLocal))
			if !bytes.Equal(nb, b) {
				c.fixed[p] = nb
			}
			return nil
		})
	})
}

var startTime = time.Now()

// serveConsole serves Cayley's console at "/" (and its index for any path
// it does not have, as a single-page application).
func (s *Server) serveConsole(w http.ResponseWriter, r *http.Request) {
	c := &theConsole
	c.load()
	if c.err != nil {
		jsonError(w, http.StatusInternalServerError, c.err)
		return
	}
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if p == "" {
		p = "index.html"
	}
	if strings.HasSuffix(p, ".map") {
		http.NotFound(w, r)
		return
	}
	if b, ok := c.fixed[p]; ok {
		serveBytes(w, r, p, b)
		return
	}
	b, err := fs.ReadFile(c.files, p)
	if err != nil {
		if strings.HasPrefix(p, "api/") || strings.Contains(path.Base(p), ".") {
			http.NotFound(w, r)
			return
		}
		p = "index.html"
		if b, err = fs.ReadFile(c.files, p); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	serveBytes(w, r, p, b)
}

// serveVendor serves the embedded Monaco editor and Material Icons.
func (s *Server) serveVendor(w http.ResponseWriter, r *http.Request) {
	p := path.Join("assets", path.Clean(r.URL.Path))
	b, err := fs.ReadFile(assets, p)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	serveBytes(w, r, p, b)
}

func serveBytes(w http.ResponseWriter, r *http.Request, name string, b []byte) {
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	http.ServeContent(w, r, name, startTime, bytes.NewReader(b))
}

// tokenMatches says whether r carries token, as "Authorization: Bearer
// TOKEN" or as the password of HTTP basic authentication (which lets a
// browser ask for it in the console's Write view).
func tokenMatches(r *http.Request, token string) bool {
	got := ""
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		got = strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
	} else if _, pw, ok := r.BasicAuth(); ok {
		got = pw
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1
}
