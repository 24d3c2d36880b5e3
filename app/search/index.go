package search

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"companion/data/schedule"
)

// Field is where in a talk a word was found; several combine as a mask.
type Field uint8

const (
	Title Field = 1 << iota
	Speaker
	Subtitle
	Organization
	Track
	Room
	Abstract // the abstract and the long description
)

// weight is what a word found in a field is worth: a title or a speaker's
// name says what the talk is, an abstract only mentions things.
func (f Field) weight() int {
	switch {
	case f&Title != 0:
		return 100
	case f&Speaker != 0:
		return 90
	case f&Subtitle != 0:
		return 50
	case f&Organization != 0:
		return 40
	case f&Track != 0:
		return 30
	case f&Room != 0:
		return 20
	case f&Abstract != 0:
		return 10
	}
	return 0
}

// Index is a conference's words, ready for prefix queries. It is made of
// segments, each a folded vocabulary in sorted order with the talks (and
// fields) every word is found in. New makes the first from everything but
// the abstracts, which is quick; AddAbstracts adds the abstracts a few
// talks at a time, so that a browser can index FOSDEM's megabyte of
// abstracts between frames while the rest is already searchable. Build
// does both at once.
//
// An index is not safe for concurrent use while abstracts are added.
type Index struct {
	conf *schedule.Conference
	segs []segment
	next int // the talks before it have their abstracts indexed
}

type segment struct {
	words  []string  // sorted, folded, distinct
	starts []int32   // words[i]'s postings are posts[starts[i]:starts[i+1]]
	posts  []posting // by word, then by talk
}

type posting struct {
	doc    int32 // index into conf.Events
	fields Field
}

// Build indexes every field of every event of the conference.
func Build(c *schedule.Conference) *Index {
	ix := New(c)
	for !ix.AddAbstracts(len(c.Events)) {
	}
	return ix
}

// New indexes the events' titles, subtitles, speakers, organisations,
// tracks and rooms; not yet their abstracts.
func New(c *schedule.Conference) *Index {
	size := 0
	for _, e := range c.Events {
		size += len(e.Title) + len(e.Subtitle) + len(e.Track) + 32*len(e.Persons) + 16*len(e.Rooms)
	}
	b := newBuilder(size)
	for doc, e := range c.Events {
		b.doc = int32(doc)
		b.add(Title, e.Title)
		b.add(Subtitle, e.Subtitle)
		for _, p := range e.Persons {
			b.add(Speaker, p.Name)
			b.add(Organization, p.Organization)
		}
		b.add(Track, e.Track)
		for _, r := range e.Rooms {
			b.add(Room, r)
		}
	}
	return &Index{conf: c, segs: []segment{b.segment()}}
}

// AddAbstracts indexes the abstracts and descriptions of up to n more
// events and reports whether every event's are now indexed.
func (ix *Index) AddAbstracts(n int) (done bool) {
	events := ix.conf.Events
	if ix.next >= len(events) {
		return true
	}
	end := min(ix.next+max(n, 1), len(events))
	texts := make([]string, 0, 2*(end-ix.next))
	size := 0
	for _, e := range events[ix.next:end] {
		a, d := plainText(e.Abstract), plainText(e.Details)
		texts = append(texts, a, d)
		size += len(a) + len(d)
	}
	b := newBuilder(size)
	for i := range end - ix.next {
		b.doc = int32(ix.next + i)
		b.add(Abstract, texts[2*i])
		b.add(Abstract, texts[2*i+1])
	}
	ix.segs = append(ix.segs, b.segment())
	ix.next = end
	return end == len(events)
}

// Complete reports whether every field of every event is indexed.
func (ix *Index) Complete() bool { return ix.next >= len(ix.conf.Events) }

// builder collects every (word, talk, field) as it reads the talks in
// order, then sorts them by word with one counting pass: no list per word.
type builder struct {
	doc   int32
	slots []int32  // a hash table of the words: id+1, 0 when free
	n     int      // words in slots
	words []string // by id, in order of first sight
	found []found
	last  []int32 // per word id: 1 + its latest entry in found, -1 if none
	buf   []byte
}

type found struct {
	word   int32
	doc    int32
	fields Field
}

func (b *builder) add(f Field, text string) {
	for start, end := nextWord(text, 0); start >= 0; start, end = nextWord(text, end) {
		b.buf = b.buf[:0]
		for i := start; i < end; {
			if c := text[i]; c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.buf = append(b.buf, c)
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			b.buf = appendFold(b.buf, r)
			i += size
		}
		if len(b.buf) == 0 {
			continue
		}
		id := b.id(b.buf)
		// A talk is listed once per word, with every field it is in.
		if at := b.last[id]; at >= 0 && b.found[at].doc == b.doc {
			b.found[at].fields |= f
			continue
		}
		b.last[id] = int32(len(b.found))
		b.found = append(b.found, found{id, b.doc, f})
	}
}

// id returns the folded word's id, adding it when new. The table is
// open-addressed with FNV-1a: cheaper than a Go map here, where the same
// few thousand words are looked up a hundred thousand times.
func (b *builder) id(w []byte) int32 {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	mask := uint32(len(b.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := b.slots[i]
		if s == 0 {
			id := int32(len(b.words))
			b.words = append(b.words, string(w))
			b.last = append(b.last, -1)
			b.slots[i] = id + 1
			if b.n++; 2*b.n > len(b.slots) {
				b.grow()
			}
			return id
		}
		if b.words[s-1] == string(w) {
			return s - 1
		}
	}
}

func (b *builder) grow() {
	slots := make([]int32, 2*len(b.slots))
	mask := uint32(len(slots) - 1)
	for _, s := range b.slots {
		if s == 0 {
			continue
		}
		h := uint32(2166136261)
		for _, c := range []byte(b.words[s-1]) {
			h = (h ^ uint32(c)) * 16777619
		}
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	b.slots = slots
}

func newBuilder(textBytes int) *builder {
	slots := 1 << 10
	for slots < textBytes/8 { // about a new word per 16 bytes, half full
		slots *= 2
	}
	return &builder{
		slots: make([]int32, slots),
		found: make([]found, 0, textBytes/12), // a word per 6 bytes, half of them repeats
	}
}

func (b *builder) segment() segment {
	// Sort the vocabulary; rank[id] is a word's place in it.
	order := make([]int32, len(b.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.words[x], b.words[y]) })
	rank := make([]int32, len(order))
	ix := segment{
		words:  make([]string, len(order)),
		starts: make([]int32, len(order)+1),
	}
	for r, id := range order {
		rank[id] = int32(r)
		ix.words[r] = b.words[id]
	}
	// Count each word's postings, then place them: talks stay in order
	// within a word since b.found is in talk order.
	for _, f := range b.found {
		ix.starts[rank[f.word]+1]++
	}
	for r := 1; r <= len(order); r++ {
		ix.starts[r] += ix.starts[r-1]
	}
	ix.posts = make([]posting, len(b.found))
	next := rank // reused: rank is not needed past this point
	for id := range next {
		next[id] = ix.starts[rank[id]]
	}
	for _, f := range b.found {
		ix.posts[next[f.word]] = posting{f.doc, f.fields}
		next[f.word]++
	}
	return ix
}

// Conference is the schedule the index was built from.
func (ix *Index) Conference() *schedule.Conference { return ix.conf }

// Words is the size of the vocabulary, counted once per segment.
func (ix *Index) Words() int {
	n := 0
	for _, s := range ix.segs {
		n += len(s.words)
	}
	return n
}

// Hit is one talk a query found.
type Hit struct {
	Event  *schedule.Event
	Score  int   // higher is better
	Fields Field // where the query's words were found
}

// Day is the hits of one of the conference's days, best first.
type Day struct {
	Day  int // index into Conference.Days
	Hits []Hit
}

// Results are a query's hits, best first, and the same hits by day.
type Results struct {
	Query Query
	Hits  []Hit
	Days  []Day // in the conference's day order; days without hits left out
}

// Search returns the talks in which every word of the query starts a word
// (after folding), best first: a word in the title or a speaker's name
// counts most, a whole word more than a prefix, and earlier talks come
// first among equals. An empty query finds nothing.
func (ix *Index) Search(q Query) Results {
	res := Results{Query: q}
	if len(q.Terms) == 0 || len(ix.conf.Events) == 0 {
		return res
	}
	n := len(ix.conf.Events)
	total := make([]int, n)    // sum of the terms' best scores; -1: a term is missing
	fields := make([]Field, n) // every field some term was found in
	best := make([]int, n)     // this term's best score per talk
	for _, term := range q.Terms {
		clear(best)
		for _, seg := range ix.segs {
			for w := sort.SearchStrings(seg.words, term); w < len(seg.words) && strings.HasPrefix(seg.words[w], term); w++ {
				whole := len(seg.words[w]) == len(term)
				for _, p := range seg.posts[seg.starts[w]:seg.starts[w+1]] {
					if total[p.doc] < 0 {
						continue
					}
					s := p.fields.weight()
					if whole {
						s += s / 4
					}
					if s > best[p.doc] {
						best[p.doc] = s
					}
					fields[p.doc] |= p.fields
				}
			}
		}
		for d := range total {
			switch {
			case total[d] < 0:
			case best[d] == 0:
				total[d] = -1
			default:
				total[d] += best[d]
			}
		}
	}
	for d, s := range total {
		if s > 0 {
			res.Hits = append(res.Hits, Hit{Event: ix.conf.Events[d], Score: s, Fields: fields[d]})
		}
	}
	sort.SliceStable(res.Hits, func(i, j int) bool {
		a, b := res.Hits[i], res.Hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Event.Start.Before(b.Event.Start) // Events are in time order: stable keeps rooms in order
	})
	res.Days = byDay(res.Hits)
	return res
}

// byDay groups ranked hits by day, keeping their rank within a day.
func byDay(hits []Hit) []Day {
	var days []Day
	at := map[int]int{}
	for _, h := range hits {
		i, ok := at[h.Event.Day]
		if !ok {
			i = len(days)
			at[h.Event.Day] = i
			days = append(days, Day{Day: h.Event.Day})
		}
		days[i].Hits = append(days[i].Hits, h)
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Day < days[j].Day })
	return days
}
