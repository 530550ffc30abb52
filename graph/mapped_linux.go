package graph

import (
	"syscall"

	boltdb "github.com/boltdb/bolt"
)

// releaseMapped hands the pages of bolt's mapped file back to the kernel's
// page cache: bolt reads its B-tree through a shared mapping of the whole
// file, and every page a write looks at stays in the process's resident
// set, so an ingest of 100,000 reports grew to the size of its 1.7 GB
// store (issue 6). MADV_DONTNEED on a shared file mapping only unmaps the
// pages: nothing is lost, the next access finds them in the page cache
// (a minor fault). It runs inside a read transaction, which keeps bolt
// from remapping the file meanwhile.
func releaseMapped(db *boltdb.DB) error {
	return db.View(func(tx *boltdb.Tx) error {
		info := db.Info()
		if info == nil || info.Data == 0 || tx.Size() <= 0 {
			return nil
		}
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
		if errno != 0 {
			return errno
		}
		return nil
	})
}
