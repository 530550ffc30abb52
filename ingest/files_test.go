package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFilesFromAnotherDirectory checks that Files reads relative paths
// from its Dir and "-" from its Stdin while the files keep the names the
// arguments gave them, as they have when read from the working
// directory (a server runs the command of another process this way).
func TestFilesFromAnotherDirectory(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "in", "sub"), 0o755)
	for _, f := range []string{"in/a.txt", "in/sub/b.txt", "in/.hidden.txt", "c.txt"} {
		os.WriteFile(filepath.Join(dir, f), []byte("title: T\n\nThe ministers met in Oslo.\n"), 0o644)
	}
	fs := Files{Dir: dir, Stdin: strings.NewReader("title: S\n\nThe envoys met in Rome.\n")}
	got, err := fs.Expand([]string{"in", "c.txt", "in/*.txt", "-", filepath.Join(dir, "c.txt")})
	if err != nil {
		t.Fatal(err)
	}
	// the names are those of a run in dir
	t.Chdir(dir)
	want, err := ExpandPaths([]string{"in", "c.txt", "in/*.txt", "-", filepath.Join(dir, "c.txt")})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(os.TempDir())
	if !reflect.DeepEqual(got, want) || len(want) != 7 || want[0] != "in/a.txt" {
		t.Errorf("Expand:\n got %q\nwant %q", got, want)
	}
	if _, err := fs.Expand([]string{"missing.txt"}); err == nil || !strings.Contains(err.Error(), "missing.txt") || strings.Contains(err.Error(), dir) {
		t.Errorf("a missing file: %v", err)
	}
	var sources, bodies []string
	for _, f := range []string{"in/a.txt", "-"} {
		_, err := DefaultRegistry().ReadFileFrom(context.Background(), fs, f, "", func(d Doc) error {
			if d.Err != nil {
				return d.Err
			}
			sources = append(sources, d.Report.Source)
			bodies = append(bodies, d.Report.Body)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(sources, []string{"in/a.txt", "stdin"}) || !strings.Contains(bodies[1], "Rome") {
		t.Errorf("read %q: %q", sources, bodies)
	}
	_, err = DefaultRegistry().ReadFileFrom(context.Background(), fs, "in/none.txt", "", func(Doc) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "open in/none.txt") {
		t.Errorf("a missing file read: %v", err)
	}
}
