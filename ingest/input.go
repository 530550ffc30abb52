package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
)

// MaxReportBytes is the largest file a reader accepts by default.
const MaxReportBytes = 50 << 20

// ErrTooLarge is returned for a file over the size limit.
var ErrTooLarge = errors.New("file is over the size limit")

// readText reads all of r as text: at most limit bytes (MaxReportBytes when
// limit <= 0), UTF-16 with a byte-order mark decoded, a UTF-8 BOM dropped.
// A file holding NUL bytes (binary) or invalid UTF-8 is refused with the
// offset of the first bad byte.
func readText(name string, r io.Reader, limit int64) (string, error) {
	if limit <= 0 {
		limit = MaxReportBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return "", fmt.Errorf("%s: %w of %d bytes", name, ErrTooLarge, limit)
	}
	return decodeText(name, b)
}

// decodeText turns raw bytes into valid UTF-8 text, or says why it cannot.
func decodeText(name string, b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return decodeUTF16(b[2:], false), nil
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return decodeUTF16(b[2:], true), nil
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		b = b[3:]
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return "", fmt.Errorf("%s: offset %d: binary data (NUL byte), not a text report", name, i)
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, size := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return "", fmt.Errorf("%s: offset %d (line %d): invalid UTF-8", name, off, 1+bytes.Count(b[:off], []byte("\n")))
	}
	return string(b), nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// finish fills a report's identity from its body and checks that it has
// one; name and where say where it came from for the error.
func finish(r *Report, source, format string) error {
	r.Source, r.Format = source, format
	if schema.NormalizeBody(r.Body) == "" {
		return fmt.Errorf("%s: no text in the report", source)
	}
	r.ID = schema.ReportID(r.Body)
	return nil
}
