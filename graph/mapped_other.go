//go:build !linux

package graph

import boltdb "github.com/boltdb/bolt"

// releaseMapped does nothing where madvise is not used.
func releaseMapped(db *boltdb.DB) error { return nil }
