package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// ServerInfo says how to reach the `diplograph serve` process that holds
// an embedded store, so that other commands can work through it instead
// of failing with ErrInUse.
type ServerInfo struct {
	// Addr is the server's loopback address ("127.0.0.1:64210").
	Addr string `json:"addr"`
	// PID is the server's process id; it holds the store's lock.
	PID int `json:"pid"`
	// Secret is drawn at random by each server run; a request that carries
	// it may run commands, writes included, on the server's store. Only
	// who can read the store's directory can read it (mode 0600).
	Secret string `json:"secret"`
}

// serverFile is the name of the ServerInfo file, beside the lock.
const serverFile = "diplograph.serve"

// PublishServer writes info beside the lock of the embedded store s (mode
// 0600, so that only the store's owner reads the secret) and returns the
// function that removes it. On other stores it does nothing.
func (s *Store) PublishServer(info ServerInfo) (remove func(), err error) {
	if !IsEmbedded(s.backend) {
		return func() {}, nil
	}
	path := filepath.Join(s.where, serverFile)
	b, err := json.Marshal(info)
	if err != nil {
		return nil, fmt.Errorf("publish server address: %w", err)
	}
	tmp := path + ".tmp"
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("publish server address: %w", err)
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("publish server address: %w", err)
	}
	return func() { os.Remove(path) }, nil
}

// FindServer returns the server that holds the embedded store in dir: ok
// is false when none does (no server file, or one left by a server that
// is gone: nobody holds the lock, or not the process named).
func FindServer(dir string) (info ServerInfo, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, serverFile))
	if errors.Is(err, fs.ErrNotExist) {
		return info, false, nil
	}
	if err != nil {
		return info, false, fmt.Errorf("read the server's address: %w", err)
	}
	if err := json.Unmarshal(b, &info); err != nil || info.Addr == "" || info.PID <= 0 {
		return info, false, nil // half written or damaged: as if absent
	}
	lock := filepath.Join(dir, "diplograph.lock")
	holder, _ := os.ReadFile(lock)
	if pid, _ := strconv.Atoi(strings.TrimSpace(string(holder))); pid != info.PID || !locked(lock) {
		return info, false, nil
	}
	if err := syscall.Kill(info.PID, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return info, false, nil
	}
	return info, true, nil
}

// locked says whether some process holds the lock file path: a shared
// lock cannot be taken then (and is let go at once when it can).
func locked(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		return errors.Is(err, syscall.EWOULDBLOCK)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
