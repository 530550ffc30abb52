package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ExpandPaths turns command-line arguments into files to read: files as
// they are, directories recursively (hidden entries and gold files
// skipped), globs expanded, "-" for stdin. A path that matches nothing is
// an error naming it.
func ExpandPaths(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		matches := []string{a}
		if strings.ContainsAny(a, "*?[") {
			m, err := filepath.Glob(a)
			if err != nil {
				return nil, fmt.Errorf("pattern %s: %w", a, err)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("%s: no files match", a)
			}
			matches = m
		}
		for _, p := range matches {
			st, err := os.Stat(p)
			if err != nil {
				return nil, err
			}
			if !st.IsDir() {
				out = append(out, p)
				continue
			}
			var files []string
			err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				name := d.Name()
				if path != p && strings.HasPrefix(name, ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if !d.IsDir() && !strings.HasSuffix(name, ".gold.json") {
					files = append(files, path)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			sort.Strings(files)
			out = append(out, files...)
		}
	}
	return out, nil
}

// ReadFile reads one file ("-" for stdin) with the reader chosen by
// format, extension or content, passing each item to emit. Gzip files are
// decompressed on the fly. The returned reader is the one used (for its
// counts); the error is one that spoils the whole file.
func (r *Registry) ReadFile(ctx context.Context, path, format string, emit func(Doc) error) (Reader, error) {
	var in io.Reader
	name := path
	if path == "-" {
		in, name = os.Stdin, "stdin"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in = f
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(1024)
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
		head, _ = br.Peek(1024)
	}
	if len(head) == 0 {
		return nil, fmt.Errorf("%s: empty file", name)
	}
	rd, err := r.Choose(format, strings.TrimSuffix(path, ".gz"), head)
	if err != nil {
		return nil, err
	}
	if err := rd.Read(ctx, name, br, emit); err != nil {
		if errors.Is(err, context.Canceled) {
			return rd, err
		}
		return rd, err
	}
	return rd, nil
}
