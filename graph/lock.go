package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// dirLock is an exclusive advisory lock on an embedded store's directory,
// held while the store is open.
type dirLock struct{ f *os.File }

// lockDir takes the lock of dir at once or fails with ErrInUse naming the
// holder's process id; it never waits.
func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, "diplograph.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		pid, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			if p := strings.TrimSpace(string(pid)); p != "" {
				return nil, fmt.Errorf("%w (pid %s)", ErrInUse, p)
			}
			return nil, ErrInUse
		}
		return nil, err
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return &dirLock{f: f}, nil
}

// Close releases the lock.
func (l *dirLock) Close() error {
	l.f.Truncate(0)
	return l.f.Close()
}
