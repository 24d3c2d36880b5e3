// Package picture names a speaker's picture on the site's own origin: the
// server fetches the picture the data gives and serves it there, so that
// the pages load no image from another origin (the Content-Security-Policy
// allows none). The app and the server both name it here; it is tiny, as
// it runs in the browser.
package picture

import "net/url"

// Prefix is where the server serves speakers' pictures:
// Prefix + acronym + "/" + Key(avatar).
const Prefix = "/api/pictures/"

// Path is where the site serves the picture at avatar (a URL the
// conference's data gives) for that conference, or "" without one.
func Path(acronym, avatar string) string {
	if avatar == "" {
		return ""
	}
	return Prefix + url.PathEscape(acronym) + "/" + Key(avatar)
}

// Key names an avatar URL: its FNV-1a 64 hash in 16 hex digits. The
// server looks it up among the URLs of the conference's data, so it only
// ever names a picture the data gives, never one a request makes up.
func Key(avatar string) string {
	h := uint64(14695981039346656037)
	for i := 0; i < len(avatar); i++ {
		h ^= uint64(avatar[i])
		h *= 1099511628211
	}
	const digits = "0123456789abcdef"
	var b [16]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = digits[h&15]
		h >>= 4
	}
	return string(b[:])
}
