package schedule

import (
	"net/url"
	"strings"
	"unicode"
)

// LinkURL makes a link the source wrote usable, changing as little as it
// can: a URL with a scheme is kept byte for byte (never decoded or
// re-encoded: "%2F" in a fragment means something else than "/"); a bare
// host ("example.org/page", "www.example.org") gets "https://"; a
// protocol-relative one ("//example.org/x") gets base's scheme, or https;
// only a true relative reference ("/talk/1", "../x", "slides.pdf", "#t=30")
// is resolved against base, the document's base URL. It returns "" for
// what cannot be made an absolute URL: a relative reference with no base,
// or text that is no URL at all.
//
// A lone "%" (not followed by two hex digits) is written "%25": it is the
// one repair without which the link would not parse; nothing else is.
func LinkURL(raw, base string) string {
	s := strings.TrimSpace(raw)
	if s == "" || strings.ContainsAny(s, "\x00\r\n\t") {
		return ""
	}
	s = repairPercent(s)
	switch {
	case hasScheme(s):
		return parsed(s)
	case strings.HasPrefix(s, "//"):
		scheme := "https"
		if b := baseURL(base); b != nil {
			scheme = b.Scheme
		}
		return parsed(scheme + ":" + s)
	case bareHost(s):
		return parsed("https://" + s)
	}
	b := baseURL(base)
	if b == nil {
		return ""
	}
	return resolve(b, strings.TrimSpace(base), s)
}

// parsed returns s when it parses as an absolute URL, else "".
func parsed(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "" && strings.HasPrefix(u.Scheme, "http")) {
		return ""
	}
	return s
}

func baseURL(base string) *url.URL {
	base = strings.TrimSpace(base)
	if base == "" {
		return nil
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() || b.Host == "" {
		return nil
	}
	return b
}

// hasScheme reports whether s starts with a URI scheme ("https:",
// "mailto:"); "example.org:8080/x" is a host with a port, not a scheme.
func hasScheme(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 {
		return false
	}
	for j, r := range s[:i] {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		case j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-'):
		default:
			return false // a "." or a "/" before the colon: a host, or a path
		}
	}
	rest := s[i+1:]
	port := rest
	if k := strings.IndexAny(rest, "/?#"); k >= 0 {
		port = rest[:k]
	}
	if port != "" && strings.Trim(port, "0123456789") == "" && !strings.HasPrefix(rest, "//") {
		return false // "localhost:8080/x"
	}
	return true
}

// fileExtensions end a relative file name that would otherwise look like a
// host name ("slides.pdf", "index.html").
var fileExtensions = map[string]bool{
	"html": true, "htm": true, "php": true, "asp": true, "aspx": true, "jsp": true,
	"pdf": true, "png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true, "webp": true,
	"txt": true, "md": true, "json": true, "xml": true, "css": true, "js": true, "zip": true,
	"mp4": true, "webm": true, "mp3": true, "ogg": true, "ics": true, "odp": true, "pptx": true,
}

// bareHost reports whether s starts with a host name and no scheme:
// "example.org", "www.example.org/page", "zügli.app?x": dotted labels, the
// last one letters only and not a file extension.
func bareHost(s string) bool {
	host := s
	if k := strings.IndexAny(s, "/?#"); k >= 0 {
		host = s[:k]
	}
	if h, port, ok := strings.Cut(host, ":"); ok {
		if port == "" || strings.Trim(port, "0123456789") != "" {
			return false
		}
		host = h
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
		for _, r := range l {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
				return false
			}
		}
	}
	tld := strings.ToLower(labels[len(labels)-1])
	if len([]rune(tld)) < 2 || fileExtensions[tld] {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// resolve joins a relative reference to the base as text, keeping the
// reference's own bytes; only dot segments ("../") need URL resolution.
func resolve(b *url.URL, base, ref string) string {
	if strings.Contains(ref, "./") || ref == "." || ref == ".." {
		frag := ""
		if i := strings.IndexByte(ref, '#'); i >= 0 {
			ref, frag = ref[:i], ref[i:]
		}
		r, err := url.Parse(ref)
		if err != nil {
			return ""
		}
		out := b.ResolveReference(r)
		out.Fragment, out.RawFragment = "", ""
		return parsed(out.String() + frag)
	}
	noFrag := base
	if i := strings.IndexByte(noFrag, '#'); i >= 0 {
		noFrag = noFrag[:i]
	}
	noQuery := noFrag
	if i := strings.IndexByte(noQuery, '?'); i >= 0 {
		noQuery = noQuery[:i]
	}
	var out string
	switch {
	case strings.HasPrefix(ref, "#"):
		out = noFrag + ref
	case strings.HasPrefix(ref, "?"):
		out = noQuery + ref
	case strings.HasPrefix(ref, "/"):
		out = b.Scheme + "://" + b.Host + ref
	default:
		dir := noQuery
		if i := strings.LastIndexByte(dir, '/'); i > len(b.Scheme)+2 {
			dir = dir[:i+1]
		} else {
			dir += "/"
		}
		out = dir + ref
	}
	return parsed(out)
}

// repairPercent writes a "%" that starts no escape as "%25".
func repairPercent(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
