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

// Files says where the paths of a command line are read from: relative
// ones from Dir, "-" from Stdin. The zero value reads them from the
// working directory and os.Stdin. A server that runs the command of
// another process gives that process's directory and stdin.
type Files struct {
	Dir   string
	Stdin io.Reader
}

// Path is where path is opened: path itself, or joined to Dir when it
// is relative.
func (fs Files) Path(path string) string {
	if fs.Dir == "" || path == "-" || path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(fs.Dir, path)
}

func (fs Files) stdin() io.Reader {
	if fs.Stdin == nil {
		return os.Stdin
	}
	return fs.Stdin
}

// Expand is ExpandPaths with relative arguments read from fs.Dir; the
// files keep the names the arguments gave them ("reports/a.txt").
func (fs Files) Expand(args []string) ([]string, error) {
	if fs.Dir == "" {
		return ExpandPaths(args)
	}
	var out []string
	for _, a := range args {
		base := fs.Path(a)
		if base == a {
			files, err := ExpandPaths([]string{a})
			if err != nil {
				return nil, err
			}
			out = append(out, files...)
			continue
		}
		files, err := ExpandPaths([]string{base})
		if err != nil {
			return nil, errors.New(strings.ReplaceAll(err.Error(), base, a))
		}
		for _, f := range files {
			switch rel, err := filepath.Rel(fs.Dir, f); {
			case f == base:
				out = append(out, a)
			case err == nil && !strings.HasPrefix(rel, ".."):
				out = append(out, rel)
			default:
				out = append(out, f)
			}
		}
	}
	return out, nil
}

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
	return r.ReadFileFrom(ctx, Files{}, path, format, emit)
}

// ReadFileFrom is ReadFile with path read as fs says.
func (r *Registry) ReadFileFrom(ctx context.Context, fs Files, path, format string, emit func(Doc) error) (Reader, error) {
	var in io.Reader
	name := path
	if path == "-" {
		in, name = fs.stdin(), "stdin"
	} else {
		f, err := os.Open(fs.Path(path))
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				pe.Path = path // the name the command was given
			}
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
