package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Typing loses no letter and the caret stays where it is typing, on a
// slow phone (4× CPU slowdown) with letters coming faster than the app
// draws: in a talk's notes, saved as typed, and in the search box of a
// FOSDEM-size schedule, where each letter redraws the results.
func TestBrowserTypingLosesNothing(t *testing.T) {
	srv, _ := fosdemSite(t)
	ctx := newBrowser(t)
	run(t, ctx, "slow phone", emulation.SetCPUThrottlingRate(4))

	// The star first, as in the notes test: its save and redraw come
	// while the first letters are typed.
	note := strings.Repeat("Backstage templates, coupling scores; what leaves the monolith first? ", 3)
	run(t, ctx, "talk page", chromedp.Navigate(srv.URL+"/talk/portail-developpeur-back-market"), appLoaded(),
		click(`article.talk button.star`),
		chromedp.SendKeys(`#note-text`, note, chromedp.ByQuery))
	eventually(t, ctx, "the note as typed", `document.getElementById("note-text").value === `+jsString(note))
	// Typed in the middle: the caret stays there.
	run(t, ctx, "edit in the middle", chromedp.Evaluate(`document.getElementById("note-text").setSelectionRange(10, 10)`, nil),
		chromedp.SendKeys(`#note-text`, "XYZ", chromedp.ByQuery))
	edited := note[:10] + "XYZ" + note[10:]
	eventually(t, ctx, "the note edited", `document.getElementById("note-text").value === `+jsString(edited))

	// Letters faster than frames: one every task, as a quick thumb on a
	// slow phone.
	run(t, ctx, "type fast", chromedp.Evaluate(`(async () => {
		const el = document.getElementById("note-text");
		el.focus();
		for (const ch of `+jsString(" and more, typed quickly")+`) {
			const at = el.selectionStart;
			el.value = el.value.slice(0, at) + ch + el.value.slice(el.selectionEnd);
			el.setSelectionRange(at + 1, at + 1);
			el.dispatchEvent(new InputEvent("input", {bubbles: true, data: ch, inputType: "insertText"}));
			await new Promise((r) => setTimeout(r, 0));
		}
	})()`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	fast := edited[:13] + " and more, typed quickly" + edited[13:] // where the caret was
	eventuallyStrings(t, ctx, "typed fast", `[document.getElementById("note-text").value]`, []string{fast})
	run(t, ctx, "reload", chromedp.Reload(), appLoaded())
	if got := evalString(t, ctx, "saved note", `document.getElementById("note-text").value`); got != fast {
		t.Fatalf("saved note:\n%q\nwant\n%q", got, fast)
	}

	query := "kubernetes operator rust webassembly"
	run(t, ctx, "FOSDEM", chromedp.Navigate(srv.URL+"/?c=fosdem2025"), appLoaded(),
		chromedp.SendKeys(`#q`, query, chromedp.ByQuery))
	eventually(t, ctx, "the query as typed", `document.getElementById("q").value === `+jsString(query)+
		` && document.querySelector("main .results")?.dataset.query === `+jsString(query))
}
