package server

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// fileSet serves the /web/ assets from memory, each with a content ETag,
// and the brotli or gzip variant the build made when the browser takes it
// (app.wasm is about five times smaller in brotli).
type fileSet struct {
	byName map[string]*file
}

type file struct {
	body        []byte
	etag        string
	contentType string
	br, gz      []byte
}

func newFileSet(layers ...fs.FS) (*fileSet, error) {
	s := &fileSet{byName: map[string]*file{}}
	for _, layer := range layers {
		err := fs.WalkDir(layer, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			if strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".sha256") {
				return nil
			}
			body, err := fs.ReadFile(layer, p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(body)
			f := &file{body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, contentType: contentType(p)}
			// Precompressed variants count only when made from these bytes.
			if made, err := fs.ReadFile(layer, p+".sha256"); err == nil && strings.TrimSpace(string(made)) == hex.EncodeToString(sum[:]) {
				f.br, _ = fs.ReadFile(layer, p+".br")
				f.gz, _ = fs.ReadFile(layer, p+".gz")
			}
			if f.br == nil && f.gz == nil && compressible(f.contentType) {
				f.br, f.gz = compress(body)
			}
			s.byName["/"+p] = f
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

// compressible reports whether a type gains from compression (images in
// PNG are compressed already).
func compressible(contentType string) bool {
	for _, t := range []string{"text/", "application/javascript", "application/json", "application/wasm", "application/manifest+json", "image/svg+xml"} {
		if strings.HasPrefix(contentType, t) {
			return true
		}
	}
	return false
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".webmanifest":
		return "application/manifest+json"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func (s *fileSet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := s.byName[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	serveBytes(w, r, f.contentType, f.etag, f.body, f.br, f.gz)
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc
// (and does not refuse it with q=0).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}
