package pentabarf_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"companion/data/export"
	"companion/data/fixtures"
	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/pentabarf"
	"companion/data/schedule"
)

const (
	fosdem = "fosdem-2025.pentabarf-schedule.xml"
	ccc    = "ccc-39c3-preliminary-2025-12-06.c3voc-schedule.xml"
)

// fosdemCounts are SOURCES.md's, but for persons: it counts 992 person
// ids, and one of them, <person id="4214">Ian Sollars, Sohel Sarder &amp;
// Ramses de Norre</person>, is three people: 994 speakers.
var fosdemCounts = importertest.Counts{Days: 2, Rooms: 40, Events: 943, Persons: 994}

// importFixture imports a fixture and checks it as `companion import`
// does, with the counts SOURCES.md gives.
func importFixture(t *testing.T, name string, want importertest.Counts) (imported, loaded *schedule.Conference) {
	t.Helper()
	src := fixtures.Read(t, name)
	if !pentabarf.Detect(src[:512]) {
		t.Errorf("%s not detected as schedule.xml", name)
	}
	c, err := pentabarf.Import(name, bytes.NewReader(src), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, importertest.Check(t, name, c, want)
}

func TestFOSDEM2025(t *testing.T) {
	_, back := importFixture(t, fosdem, fosdemCounts)
	used := map[string]bool{}
	for _, e := range back.Events {
		used[e.Track] = true
	}
	// 74 tracks declared, 69 with events (SOURCES.md counts those).
	if back.Acronym != "fosdem2025" || back.TimeZone != "Europe/Brussels" || len(back.Tracks) != 74 || len(used) != 69 {
		t.Errorf("conference %q zone %q, %d tracks declared, %d used", back.Acronym, back.TimeZone, len(back.Tracks), len(used))
	}
	// The venue and its city, kept through the export.
	if back.Venue.Name != "ULB (Université Libre de Bruxelles)" || back.Venue.Address != "Brussels" {
		t.Errorf("venue %+v", back.Venue)
	}
	e := back.Event("852280ac-61d3-588c-b74c-8d87f9d9d2c6")
	if e == nil {
		t.Fatal("the LLVM talk is missing")
	}
	if e.Title != "A New Approach to Callee-Saved Registers in LLVM" || e.Room() != "K.3.201" || e.Track != "LLVM" ||
		back.Local(e.Start).Format("2006-01-02 15:04") != "2025-02-01 10:35" || e.Duration() != 25*time.Minute ||
		len(e.Persons) != 1 || e.Persons[0].Name != "Mikhail Gudim" {
		t.Errorf("LLVM talk read as %q in %s, track %q, at %s for %s, by %+v", e.Title, e.Room(), e.Track, back.Local(e.Start), e.Duration(), e.Persons)
	}
	// The abstract's HTML is kept as text: the app shows it, never runs it.
	if !strings.HasPrefix(e.Abstract, "<p>Currently LLVM") {
		t.Errorf("abstract %.40q", e.Abstract)
	}
}

// The longest titles survive whole.
func TestLongTitles(t *testing.T) {
	c, back := importFixture(t, fosdem, fosdemCounts)
	longest := c.Events[0]
	for _, e := range c.Events {
		if len([]rune(e.Title)) > len([]rune(longest.Title)) {
			longest = e
		}
	}
	if n := len([]rune(longest.Title)); n < 100 {
		t.Fatalf("the longest FOSDEM title has %d characters: fixture changed?", n)
	}
	e := back.Event(longest.Key())
	if e == nil || e.Title != longest.Title {
		t.Fatalf("the longest title (%d characters) is not kept whole: %v", len(longest.Title), e)
	}
	// The source's slug is kept (links to it keep working); one made from
	// a title is bounded.
	if e.Slug != longest.Slug {
		t.Errorf("slug %s, want the source's %s", e.Slug, longest.Slug)
	}
	if made := export.Slug(longest.Title); len(made) > 80 {
		t.Errorf("a slug made from the longest title has %d characters", len(made))
	}
	t.Logf("longest title: %d characters, slug %s", len([]rune(e.Title)), e.Slug)
}

func TestCCC39C3(t *testing.T) {
	_, back := importFixture(t, ccc, importertest.Counts{Days: 4, Rooms: 14, Events: 215, Persons: 263})
	e := back.Event("a2dd3dc7-ecae-50b3-82d9-266ad02f7a40")
	if e == nil {
		t.Fatal("the Deutschlandticket talk is missing")
	}
	// Title and type are the event's, not a link's <title> or <type>.
	if e.Title != "All my Deutschlandtickets gone: Fraud at an industrial scale" || e.Type != "Talk" || e.Code != "JZ9A3E" {
		t.Errorf("read title %q, type %q, code %q", e.Title, e.Type, e.Code)
	}
	if len(e.Links) != 1 || e.Links[0].Title != "Zügli" || e.Links[0].Type != "related" {
		t.Errorf("links %+v", e.Links)
	}
}

// 39C3's days run to 06:00 the next morning; the days are written with
// +00:00 and the events with +01:00.
func TestCCC39C3AfterMidnightAndMixedOffsets(t *testing.T) {
	_, c := importFixture(t, ccc, importertest.Counts{Days: 4, Rooms: 14, Events: 215, Persons: 263})
	after := 0
	for _, e := range c.Events {
		local := c.Local(e.Start)
		day := c.Days[e.Day]
		if local.Format(time.DateOnly) != day.Date {
			after++
			if local.Hour() >= 6 || local.Format(time.DateOnly) <= day.Date {
				t.Errorf("%q at %s is on day %s", e.Title, local, day.Date)
			}
		}
		if _, off := local.Zone(); off != 3600 {
			t.Errorf("%q shown at %s, not in Berlin's winter time", e.Title, local)
		}
	}
	if after != 5 {
		t.Errorf("%d events after midnight, want 5 (SOURCES.md)", after)
	}
	if got := c.Local(c.Days[0].Start).Format("15:04"); got != "10:00" {
		t.Errorf("day 1 (written 09:00+00:00) starts at %s Berlin time, want 10:00", got)
	}
	langs := map[string]bool{}
	for _, e := range c.Events {
		langs[e.Language] = true
	}
	if !langs["de, en"] {
		t.Errorf("the \"de, en\" language is not kept: %v", langs)
	}
}

func TestBadXML(t *testing.T) {
	_, err := pentabarf.Import("broken.xml", strings.NewReader("<schedule>\n<conference>\n<title>x</conference>"), build.Options{})
	if err == nil || !strings.Contains(err.Error(), "broken.xml") || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("malformed XML: %v", err)
	}
}

// One bad field costs its event, never the file: a malformed start leaves
// that event out, an empty duration is estimated (until the next event in
// its room, at most an hour); each says so with its place.
func TestOneBadFieldCostsOneEvent(t *testing.T) {
	doc := `<schedule><conference><acronym>test2025</acronym><title>T</title><time_zone_name>Europe/Brussels</time_zone_name></conference>
<day index="1" date="2025-02-01"><room name="K.1.105">
<event id="7"><start>25:99</start><duration>00:30</duration><title>Broken</title></event>
<event id="8"><start>10:00</start><duration></duration><title>No length</title></event>
<event id="9"><start>10:40</start><duration>00:20</duration><title>Next</title></event>
<event id="10"><start>12:00</start><duration>half an hour</duration><title>Last</title></event>
</room></day></schedule>`
	c, err := pentabarf.Import("bad.xml", strings.NewReader(doc), build.Options{})
	if err != nil {
		t.Fatalf("one bad event refuses the file: %v", err)
	}
	back := importertest.Check(t, "bad.xml", c, importertest.Counts{Days: 1, Rooms: 1, Events: 3})
	lengths := map[string]time.Duration{}
	for _, e := range back.Events {
		lengths[e.Title] = e.Duration()
	}
	if lengths["No length"] != 40*time.Minute || lengths["Next"] != 20*time.Minute || lengths["Last"] != time.Hour {
		t.Errorf("lengths %v: want the empty one until the next event (40 min), the unreadable last one an hour", lengths)
	}
	fields := map[string]string{}
	for _, w := range c.Warnings {
		fields[w.Field] += w.Place + ";"
		t.Log(w)
	}
	if !strings.Contains(fields["start"], `day 1 (2025-02-01), room "K.1.105", event "Broken"`) ||
		!strings.Contains(fields["duration"], `event "No length"`) || !strings.Contains(fields["duration"], `event "Last"`) || len(c.Warnings) != 3 {
		t.Errorf("warnings %v", c.Warnings)
	}
}

// The same event (guid, title, start) under two rooms is one event shown
// in both, as the README's plenary convention says; not the first room only.
func TestEventInSeveralRooms(t *testing.T) {
	doc := `<schedule><conference><acronym>plen2025</acronym><title>P</title><time_zone_name>Europe/Paris</time_zone_name></conference>
<day index="1" date="2025-03-07"><room name="Bleu">
<event guid="6f1c1d4e-0000-4000-8000-0000000000a1"><date>2025-03-07T09:00:00+01:00</date><start>09:00</start><duration>00:45</duration><title>Keynote</title></event>
<event guid="6f1c1d4e-0000-4000-8000-0000000000a2"><date>2025-03-07T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><title>Talk</title></event>
</room><room name="Rouge">
<event guid="6f1c1d4e-0000-4000-8000-0000000000a1"><date>2025-03-07T09:00:00+01:00</date><start>09:00</start><duration>00:45</duration><title>Keynote</title></event>
</room><room name="Vert">
<event guid="6f1c1d4e-0000-4000-8000-0000000000a1"><date>2025-03-07T09:00:00+01:00</date><start>09:00</start><duration>00:45</duration><title>Keynote</title></event>
<event guid="6f1c1d4e-0000-4000-8000-0000000000a2"><date>2025-03-07T11:00:00+01:00</date><start>11:00</start><duration>00:30</duration><title>Another talk, same guid</title></event>
</room></day></schedule>`
	c, err := pentabarf.Import("plenary.xml", strings.NewReader(doc), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, "plenary.xml", c, importertest.Counts{Days: 1, Rooms: 3, Events: 2})
	k := back.Event("6f1c1d4e-0000-4000-8000-0000000000a1")
	if k == nil || strings.Join(k.Rooms, ",") != "Bleu,Rouge,Vert" || !k.Plenary() {
		t.Errorf("the keynote listed under three rooms is in %v", k)
	}
	dup := 0
	for _, w := range c.Warnings {
		if w.Field == "guid" && strings.Contains(w.Place, "Another talk") {
			dup++
		}
	}
	if dup != 1 {
		t.Errorf("a different event reusing a guid: want one warning, got %v", c.Warnings)
	}
}

// Speakers in every shape seen are read; one entry listing several people
// is each of them; what cannot be read is counted in a warning.
func TestSpeakerShapes(t *testing.T) {
	doc := `<schedule><conference><acronym>spk2025</acronym><title>S</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2025-12-27"><room name="One">
<event guid="6f1c1d4e-0000-4000-8000-0000000000b1"><date>2025-12-27T11:00:00+01:00</date><start>11:00</start><duration>00:30</duration><title>Panel</title>
 <persons><person id="1">Ada Lovelace, Alan Turing and Grace Hopper</person><person id="2">maya / 551724</person><person id="3">Jann Traschewski, DG8NGN</person></persons></event>
<event guid="6f1c1d4e-0000-4000-8000-0000000000b2"><date>2025-12-27T12:00:00+01:00</date><start>12:00</start><duration>00:30</duration><title>Shapes</title>
 <persons><person name="Attr Person"/><person><name>Child Person</name></person><person id="9"></person></persons></event>
<event guid="6f1c1d4e-0000-4000-8000-0000000000b3"><date>2025-12-27T13:00:00+01:00</date><start>13:00</start><duration>00:30</duration><title>Speakers list</title>
 <speakers><speaker>Sam Speaker</speaker></speakers></event>
<event guid="6f1c1d4e-0000-4000-8000-0000000000b4"><date>2025-12-27T14:00:00+01:00</date><start>14:00</start><duration>00:30</duration><title>Hosted</title>
 <presenters><presenter>Pat Presenter</presenter></presenters><hosts><host>Host A</host><host>Host B</host></hosts><moderator>Mo One, Mo Two</moderator><co_hosts/></event>
<event guid="6f1c1d4e-0000-4000-8000-0000000000b5"><date>2025-12-27T15:00:00+01:00</date><start>15:00</start><duration>00:30</duration><title>Own element</title>
 <speaker>Solo Speaker</speaker></event>
</room></day></schedule>`
	c, err := pentabarf.Import("speakers.xml", strings.NewReader(doc), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, "speakers.xml", c, importertest.Counts{Days: 1, Rooms: 1, Events: 5, Persons: 10})
	var names []string
	for _, p := range back.Persons() {
		names = append(names, p.Name)
	}
	want := "Ada Lovelace|Alan Turing|Grace Hopper|maya / 551724|Jann Traschewski, DG8NGN|Attr Person|Child Person|Sam Speaker|Pat Presenter|Solo Speaker"
	if got := strings.Join(names, "|"); got != want {
		t.Errorf("speakers\n got %s\nwant %s", got, want)
	}
	// People in elements that are not speakers are counted, never dropped
	// silently; an empty element is no loss.
	var listed, dropped, hosts, moderators int
	for _, w := range c.Warnings {
		switch {
		case strings.Contains(w.Reason, "lists 3 names"):
			listed++
		case strings.Contains(w.Reason, "no name") && strings.Contains(w.Place, "Shapes"):
			dropped++
		case strings.HasPrefix(w.Reason, `"hosts" holds 2 entries not read as speakers`) && w.Field == "persons":
			hosts++
		case strings.HasPrefix(w.Reason, `"moderator" holds 2 entries not read as speakers`):
			moderators++
		}
	}
	if listed != 1 || dropped != 1 || hosts != 1 || moderators != 1 || len(c.Warnings) != 4 {
		t.Errorf("warnings: %d for a list, %d for a nameless person, %d and %d for hosts and moderators; %v", listed, dropped, hosts, moderators, c.Warnings)
	}
}

func FuzzImport(f *testing.F) {
	// Cut-down fixtures: Go's fuzzer mutates small inputs best.
	for _, name := range []string{fosdem, ccc} {
		src := string(fixtures.Read(f, name))
		if i := strings.Index(src, "</event>"); i > 0 {
			if j := strings.Index(src[i+8:], "</event>"); j > 0 {
				f.Add(src[:i+8+j+8] + "</room></day></schedule>")
			}
		}
	}
	f.Add(`<schedule><conference><acronym>abcd</acronym><title>T</title></conference><day index="1" date="2025-02-01" start="2025-02-01T09:00:00+01:00"><room name="A"><event guid="00000000-0000-4000-8000-000000000001"><start>01:00</start><duration>00:30</duration></event></room></day></schedule>`)
	f.Fuzz(func(t *testing.T, doc string) {
		c, err := pentabarf.Import("fuzz.xml", strings.NewReader(doc), build.Options{})
		if err != nil {
			return
		}
		importertest.NoPanic(t, c)
	})
}

func BenchmarkImportFOSDEM(b *testing.B) {
	src := fixtures.Read(b, fosdem)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := pentabarf.Import(fosdem, bytes.NewReader(src), build.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
