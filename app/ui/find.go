package ui

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"companion/app/find"
	"companion/app/search"
	"companion/data/schedule"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// now is the time the app shows the schedule at: the phone's clock. (The
// browser tests set the page's clock, which Go reads in the browser.)
func now() time.Time { return time.Now() }

// The search index of the schedule shown. A live update is a new
// *Conference, hence a new index; older ones are dropped.
var (
	searchIndexes  = map[*schedule.Conference]*search.Index{}
	indexListeners []func(app.Context)
)

// abstractStep is how many talks' abstracts are indexed between two
// frames: the titles, speakers, tracks and rooms are searchable at once,
// the abstracts follow without holding up typing.
const (
	abstractStep  = 10
	abstractPause = 15 * time.Millisecond
	// typingPause is how long indexing waits after a key: a step that
	// runs while someone types holds up their results.
	typingPause = 300 * time.Millisecond
)

// lastKey is when a key was last typed in the search box.
var lastKey time.Time

// searchIndex returns the conference's index, making it when needed. In
// the browser the abstracts are then indexed a step at a time on the UI
// goroutine, and done is called once they all are.
func searchIndex(ctx app.Context, c *schedule.Conference, done func(app.Context)) *search.Index {
	ix, ok := searchIndexes[c]
	if ok {
		if !ix.Complete() && done != nil {
			indexListeners = append(indexListeners, done)
		}
		return ix
	}
	ix = search.New(c)
	clear(searchIndexes)
	searchIndexes[c] = ix
	if app.IsServer {
		ix.AddAbstracts(len(c.Events))
		return ix
	}
	indexListeners = nil
	if done != nil {
		indexListeners = append(indexListeners, done)
	}
	ctx.Async(func() {
		for {
			time.Sleep(abstractPause) // lets the page paint and take keys
			step := make(chan bool, 1)
			ctx.Dispatch(func(ctx app.Context) {
				ctx.PreventUpdate()
				if searchIndexes[c] != ix {
					step <- true // another schedule replaced this one
					return
				}
				if time.Since(lastKey) < typingPause {
					step <- false
					return
				}
				complete := ix.AddAbstracts(abstractStep)
				if complete {
					for _, f := range indexListeners {
						f(ctx)
					}
					indexListeners = nil
				}
				step <- complete
			})
			if <-step {
				return
			}
		}
	})
	return ix
}

// marked is text with the parts the query matched in <mark> elements.
// Both are text nodes: schedule data and the query are never markup.
func marked(q search.Query, text string) []app.UI {
	if q.Empty() {
		return []app.UI{app.Text(text)}
	}
	segs := q.Segments(text)
	out := make([]app.UI, len(segs))
	for i, s := range segs {
		if s.Mark {
			out[i] = app.Mark().Text(s.Text)
		} else {
			out[i] = app.Text(s.Text)
		}
	}
	return out
}

// view is what the schedule page shows, as its URL says it: a day, or
// search results; the query and the filters.
type view struct {
	day    int // Day.Index, 0 for none
	query  string
	filter find.Filter
	grid   bool // the timetable
}

// scheduleViewURL is the schedule page's URL for a view. In a search the
// filter's days restrict the results; otherwise the day is the tab shown.
func scheduleViewURL(c *schedule.Conference, v view) string {
	return withConf(PathSchedule, c.Acronym, viewQuery(c, v))
}

// viewQuery is the query of a view's URL, the conference aside.
func viewQuery(c *schedule.Conference, v view) url.Values {
	q := url.Values{}
	f := v.filter
	if v.query == "" {
		f.Days = nil
		if v.day > 0 && len(c.Days) > 1 {
			f.Days = []int{v.day}
		}
	}
	f.Set(c, q)
	if v.query != "" {
		q.Set(paramQuery, v.query)
	}
	if v.grid {
		q.Set(paramView, viewGrid)
	}
	return q
}

// toggleURLs makes the URLs of the views one filter choice away from v,
// scheduleViewURL's for each. The filter panel has some 150 choices at
// FOSDEM, each a link, and each changes one parameter: the rest of the
// query is encoded once per parameter, in the two pieces url.Values.Encode
// would put before and after it (it sorts by key), so a link costs the
// encoding of its own parameter alone.
type toggleURLs struct {
	c      *schedule.Conference
	v      view
	base   url.Values           // v's query, the conference included
	around map[string][2]string // by parameter: the encoded query before it, after it
}

func newToggleURLs(c *schedule.Conference, v view) toggleURLs {
	return toggleURLs{c: c, v: v, base: confQuery(c.Acronym, viewQuery(c, v)), around: map[string][2]string{}}
}

// url is the URL of v with value added to param's filter, or taken out.
func (t toggleURLs) url(param, value string) string {
	parts, ok := t.around[param]
	if !ok {
		before, after := url.Values{}, url.Values{}
		for k, vs := range t.base {
			switch {
			case k < param:
				before[k] = vs
			case k > param:
				after[k] = vs
			}
		}
		parts = [2]string{before.Encode(), after.Encode()}
		t.around[param] = parts
	}
	own := url.Values{}
	t.v.filter.Toggle(param, value).SetParam(t.c, own, param)
	return PathSchedule + joinQuery(parts[0], own.Encode(), parts[1])
}

// joinQuery is "?" and the non-empty encoded pieces joined by "&", or
// nothing when all are empty.
func joinQuery(pieces ...string) string {
	var b strings.Builder
	for _, p := range pieces {
		if p == "" {
			continue
		}
		if b.Len() == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(p)
	}
	return b.String()
}

// withView sets the view parameter of an app URL.
func withView(u, view string) string {
	parsed, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := parsed.Query()
	q.Set(paramView, view)
	parsed.RawQuery = q.Encode()
	return parsed.String()
}

// replaceURL changes the address bar without a new history entry (a query
// typed letter by letter is one step back, not one per letter).
func replaceURL(u string) {
	if app.IsClient {
		app.Window().Get("history").Call("replaceState", app.Window().Get("history").Get("state"), "", u)
	}
}

func countLabel(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
