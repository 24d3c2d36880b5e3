package ui

import (
	"errors"
	"net/url"
	"time"

	"companion/app/catalog"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The prerendered page is on screen before the app has started. When the
// app starts, go-app replaces it with the page's first render: that render
// must already show the schedule, never an empty or "loading" state.
// Hence Preload (the data before the first render) and the OnInit methods
// below (the page's state before its first render; OnNav, which follows
// the mount, completes it).

// Preload fetches, before the app's first render, the schedule of a
// conference served beside the app when the page's URL names one: the
// service worker answers from its copy when offline. Pages then start with
// their data in hand. It blocks until the fetch is over; call it before
// app.RunWhenOnBrowser. Then it saves the stars tapped before the app
// started (see taps.go), so that the first render shows them.
func Preload() {
	if !app.IsClient {
		return
	}
	defer savePendingStars()
	acronym := acronymOf(app.Window().URL())
	if _, err := catalog.Get(acronym); !errors.Is(err, catalog.ErrNotLoaded) {
		return
	}
	type result struct {
		body string
		ok   bool
	}
	done := make(chan result, 1)
	fetchText(scheduleAPI+url.PathEscape(acronym), func(body string, ok bool) { done <- result{body, ok} })
	r := <-done
	if !r.ok {
		return // the page says so once it runs (see checkForUpdate)
	}
	if _, err := catalog.Replace(acronym, r.body); err != nil {
		app.Log("schedule ignored:", err)
		return
	}
	lastChecks[acronym] = time.Now()
	settled[acronym] = true
	markSeen(acronym, r.body)
}

// OnInit gives the schedule page its conference and day before its first
// render in the browser (the search and filters follow in OnNav).
func (p *schedulePage) OnInit() {
	if !app.IsClient {
		return
	}
	u := app.Window().URL()
	if p.conf, p.err = conferenceOf(u); p.err != nil {
		return
	}
	p.agenda, p.notice = agendaFor(p.conf)
	p.day = pickDay(p.conf, u.Query().Get(paramDay))
	p.now = now()
	p.limit = firstResults
	p.grid = p.pickView(u.Query().Get(paramView))
	p.shown = firstCards // a long day's list is drawn in steps (see drawMore)
}

// OnInit gives the talk page its event before its first render in the
// browser.
func (p *talkPage) OnInit() {
	if !app.IsClient {
		return
	}
	p.read(app.Window().URL())
}
