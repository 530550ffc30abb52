package graph

import (
	"sync"
)

// journalMax is how many changes the journal keeps; a reader further
// behind is told to read everything again.
const journalMax = 1 << 20

// journal records the reports this process changed, in order, so that a
// reader (the server's search index) reads again only those: on an
// embedded store or memstore, which no other process writes, it is
// complete. An entry is added after its write is applied, so that a
// reader that sees it also sees the write.
type journal struct {
	mu     sync.Mutex
	first  int64    // position of entries[0]
	labels []string // "" for quads written outside reports
}

func (j *journal) add(labels ...string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.labels = append(j.labels, labels...)
	if n := len(j.labels); n > journalMax {
		drop := n - journalMax/2
		j.labels = append([]string(nil), j.labels[drop:]...)
		j.first += int64(drop)
	}
}

// position is the position after the last entry.
func (j *journal) position() int64 {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.first + int64(len(j.labels))
}

// since returns the labels after position from and the position to
// read from next; all says quads were written outside reports, or the
// journal no longer reaches back to from.
func (j *journal) since(from int64) (labels []string, all bool, next int64) {
	j.mu.Lock()
	defer j.mu.Unlock()
	next = j.first + int64(len(j.labels))
	if from < j.first {
		return nil, true, next
	}
	if from > next {
		from = next
	}
	seen := map[string]bool{}
	for _, l := range j.labels[from-j.first:] {
		if l == "" {
			return nil, true, next
		}
		if !seen[l] {
			seen[l] = true
			labels = append(labels, l)
		}
	}
	return labels, false, next
}

// ReportChanges returns the labels (IRIs without brackets) of the reports
// this process replaced or deleted after journal position from, and the
// position to pass next time (ReportChanges(0) gives the current one
// with every change so far). all says that quads were also written
// outside reports (read everything again). ok is false on an SQL store,
// which other processes write too: compare ReportDigests there.
func (s *Store) ReportChanges(from int64) (labels []string, all bool, next int64, ok bool) {
	if s.db != nil {
		return nil, false, 0, false
	}
	labels, all, next = s.journal.since(from)
	return labels, all, next, true
}

// JournalPosition is the current position of ReportChanges: a reader that
// has just read the whole store passes it next time. ok is as for
// ReportChanges.
func (s *Store) JournalPosition() (pos int64, ok bool) {
	if s.db != nil {
		return 0, false
	}
	return s.journal.position(), true
}
