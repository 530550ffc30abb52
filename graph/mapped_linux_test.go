package graph

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// mappedRSS is the resident memory of the process's mappings of path, in
// bytes (from /proc/self/smaps).
func mappedRSS(t *testing.T, path string) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	defer f.Close()
	var total int64
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = len(fields) >= 6 && fields[len(fields)-1] == path
			continue
		}
		if rest, ok := strings.CutPrefix(line, "Rss:"); in && ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			total += kb << 10
		}
	}
	return total
}

// TestBulkBoltReleasesMappedPages writes to a bolt store opened for bulk
// writes, reads every quad back (mapping the file's pages in), and checks
// that the next write hands those pages back: resident file memory falls
// by at least half the store's size, and every quad is still there.
func TestBulkBoltReleasesMappedPages(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Config{Backend: "bolt", Path: t.TempDir(), Bulk: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.mapped == nil {
		t.Fatal("a bulk bolt store keeps no handle on its mapping")
	}
	var qq []quad.Quad
	for i := 0; i < 30000; i++ {
		qq = append(qq, quad.MakeIRI(fmt.Sprintf("s:%d", i), "p:q", fmt.Sprintf("o:%d", i%977), fmt.Sprintf("r:%d", i%31)))
	}
	if err := s.WriteBatch(ctx, qq); err != nil {
		t.Fatal(err)
	}
	path := s.mapped.Path()
	readAll := func() {
		t.Helper()
		all, err := s.collect(ctx, s.qs.QuadsAllIterator())
		if err != nil || len(all) < len(qq) {
			t.Fatalf("read back %d quads, %v; want %d", len(all), err, len(qq))
		}
	}
	readAll()
	before := mappedRSS(t, path)
	if before < 1<<20 {
		t.Fatalf("only %d bytes of the store resident after reading it all; the test measures nothing", before)
	}
	if err := releaseMapped(s.mapped); err != nil {
		t.Fatal(err)
	}
	if after := mappedRSS(t, path); after > before/10 {
		t.Fatalf("store mapping resident %d -> %d bytes after release; want at most a tenth", before, after)
	}
	readAll()
	if again := mappedRSS(t, path); again < before/2 {
		t.Fatalf("reading again mapped only %d bytes (%d before): the pages should come back", again, before)
	}
	// a bulk write releases them on its own
	if err := s.WriteBatch(ctx, []quad.Quad{quad.MakeIRI("s:x", "p:q", "o:x", "r:x")}); err != nil {
		t.Fatal(err)
	}
	if after := mappedRSS(t, path); after > before/10 {
		t.Fatalf("a bulk write left %d bytes of the store resident (%d before); want at most a tenth", after, before)
	}
	// and so do the lookups of a re-ingest
	readAll()
	if has, err := s.HasQuads(ctx, qq[:10]); err != nil || !has[0] || !has[9] {
		t.Fatalf("HasQuads = %v, %v", has, err)
	}
	if after := mappedRSS(t, path); after > before/10 {
		t.Fatalf("HasQuads left %d bytes of the store resident (%d before); want at most a tenth", after, before)
	}
}
