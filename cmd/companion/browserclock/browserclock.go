// Package browserclock sets the clock a page reads, for the browser tests
// of now and next and for the screenshots: the app takes the time from
// the browser's Date, and this script, run before the page's own, makes
// Date start at a chosen moment and run on from it. It is a test hook,
// never part of the app.
package browserclock

import "strconv"

// Script is the JavaScript that makes the page's clock read at (RFC 3339)
// from the moment the page starts.
func Script(at string) string {
	return `(() => {
	const fixed = Date.parse(` + strconv.Quote(at) + `), Real = Date, began = Real.now();
	class Clock extends Real {
		constructor(...a) { if (a.length === 0) super(fixed + Real.now() - began); else super(...a); }
		static now() { return fixed + Real.now() - began; }
	}
	globalThis.Date = Clock;
})()`
}
