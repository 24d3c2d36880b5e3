package find_test

import (
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"companion/app/find"
	"companion/data/fixtures/conferences"
	"companion/data/schedule"
)

func kcd(t testing.TB) *schedule.Conference { return conferences.KCD(t) }

func fosdem(t testing.TB) *schedule.Conference { return conferences.FOSDEM(t) }

// paris is a wall-clock time on KCD France's day (7 March 2023, UTC+1).
func paris(t *testing.T, hhmm string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, "2023-03-07T"+hhmm+":00+01:00")
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func titles(events []*schedule.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.Title)
	}
	return out
}

func kept(c *schedule.Conference, f find.Filter, now time.Time) []*schedule.Event {
	match := f.Matcher(c, now)
	var out []*schedule.Event
	for _, e := range c.Events {
		if match(e) {
			out = append(out, e)
		}
	}
	return out
}

func TestKinds(t *testing.T) {
	c := kcd(t)
	got := map[find.Kind]int{}
	for _, e := range c.Events {
		got[find.KindOf(e)]++
	}
	// One keynote (a plenary, counted once), 15 talks, registration,
	// lunch and a break.
	want := map[find.Kind]int{find.Keynote: 1, find.Talk: 15, find.Break: 3}
	for _, k := range find.Kinds {
		if got[k] != want[k] {
			t.Errorf("%s: %d events, want %d", k, got[k], want[k])
		}
	}
	for _, c := range []struct {
		typ, track string
		want       find.Kind
	}{
		{"lecture", "Lightning Talks", find.Lightning},
		{"Lightning talk", "", find.Lightning},
		{"Workshop", "", find.Workshop},
		{"Atelier", "", find.Workshop},
		{"devroom", "Keynotes", find.Keynote},
		{"devroom", "Go", find.Talk},
		{"coffee", "", find.Break},
		{"Pause", "", find.Break},
		{"", "", find.Talk},
	} {
		if got := find.KindOf(&schedule.Event{Type: c.typ, Track: c.track}); got != c.want {
			t.Errorf("type %q track %q: %s, want %s", c.typ, c.track, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Réseau & eBPF":                "reseau-ebpf",
		"Retour d'expérience":          "retour-d-experience",
		"H.1301 (Cornil)":              "h-1301-cornil",
		"HPC, Big Data & Data Science": "hpc-big-data-data-science",
		"  ":                           "",
		"Ελληνικά":                     "ελληνικα",
	} {
		if got := find.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlaces(t *testing.T) {
	c := kcd(t)
	rooms := find.Rooms(c)
	var got []string
	for _, r := range rooms {
		got = append(got, r.Slug+":"+strconv.Itoa(r.Talks)+"/"+strconv.Itoa(r.All))
	}
	// The keynote counts in each of its three rooms; the hall has only
	// registration, lunch and a break.
	if want := []string{"bleu:6/6", "blanc:6/6", "rouge:6/6", "hall-partenaires:0/3"}; !slices.Equal(got, want) {
		t.Errorf("rooms %q, want %q", got, want)
	}
	tracks := find.Tracks(c)
	ebpf, ok := find.PlaceBySlug(tracks, "reseau-ebpf")
	if !ok || ebpf.Name != "Réseau & eBPF" || ebpf.Talks != 3 || ebpf.Color != "#0891b2" {
		t.Errorf("reseau-ebpf: %+v, %v", ebpf, ok)
	}
	days := find.ByDay(c, find.InTrack("Réseau & eBPF"))
	if len(days) != 1 || len(days[0].Events) != 3 {
		t.Fatalf("eBPF by day: %+v", days)
	}
	for i := 1; i < len(days[0].Events); i++ {
		if days[0].Events[i].Start.Before(days[0].Events[i-1].Start) {
			t.Error("a track's talks out of time order")
		}
	}
	bleu := find.ByDay(c, find.InRoom("Bleu"))
	if len(bleu) != 1 || len(bleu[0].Events) != 6 || bleu[0].Events[0].Title != "Keynote d'ouverture" {
		t.Errorf("Bleu: %q", titles(bleu[0].Events))
	}

	// FOSDEM: 40 rooms in the data, 29 of them used in this export; 69
	// tracks, every slug distinct; counts add up.
	f := fosdem(t)
	fr, ft := find.Rooms(f), find.Tracks(f)
	talks, seen := 0, map[string]bool{}
	for _, p := range ft {
		talks += p.Talks
		if seen[p.Slug] || p.Slug == "" {
			t.Errorf("track slug %q twice or empty", p.Slug)
		}
		seen[p.Slug] = true
	}
	if len(ft) != 69 || talks != 943 {
		t.Errorf("%d tracks with %d talks, want 69 and 943", len(ft), talks)
	}
	inRooms := 0
	for _, p := range fr {
		inRooms += p.All
	}
	if inRooms != 943 || len(fr) != 29 {
		t.Errorf("%d rooms with %d events", len(fr), inRooms)
	}
}

func TestFilterCombines(t *testing.T) {
	c := kcd(t)
	now := paris(t, "08:00")
	f := find.Filter{Tracks: []string{"Réseau & eBPF", "Sécurité"}}
	if got := len(kept(c, f, now)); got != 4 {
		t.Errorf("two tracks: %d talks, want 4", got)
	}
	f.Rooms = []string{"Blanc"}
	if got := titles(kept(c, f, now)); !slices.Equal(got, []string{
		"Rendre hautement disponibles des milliers d'ingress sur des clusters kubernetes indépendants",
		"Révolution eBPF : Un noyau Linux dynamique",
	}) {
		t.Errorf("two tracks in Blanc: %q", got)
	}
	// Types: the keynote alone; breaks alone.
	if got := titles(kept(c, find.Filter{Kinds: []find.Kind{find.Keynote}}, now)); !slices.Equal(got, []string{"Keynote d'ouverture"}) {
		t.Errorf("keynotes: %q", got)
	}
	if got := len(kept(c, find.Filter{Kinds: []find.Kind{find.Break}}, now)); got != 3 {
		t.Errorf("breaks: %d", got)
	}
	// Language: every session is in French; English, nothing.
	if got := len(kept(c, find.Filter{Langs: []string{"fr"}}, now)); got != 16 {
		t.Errorf("French: %d", got)
	}
	if got := len(kept(c, find.Filter{Langs: []string{"en"}}, now)); got != 0 {
		t.Errorf("English: %d", got)
	}
	// Hiding a room hides its talks, not the keynote still shown in two
	// others; hiding all three hides it too.
	hide := find.Filter{HideRooms: []string{"Blanc"}}
	got := kept(c, hide, now)
	if len(got) != len(c.Events)-5 || !slices.Contains(titles(got), "Keynote d'ouverture") {
		t.Errorf("Blanc hidden: %d events, %q", len(got), titles(got))
	}
	hide.HideRooms = []string{"Blanc", "Bleu", "Rouge"}
	if slices.Contains(titles(kept(c, hide, now)), "Keynote d'ouverture") {
		t.Error("the keynote shows with its three rooms hidden")
	}
	if got := len(kept(c, find.Filter{HideTracks: []string{"Retour d'expérience"}}, now)); got != len(c.Events)-4 {
		t.Errorf("hiding a track of 4: %d of %d left", got, len(c.Events))
	}
}

// "Hide what is over" with a set clock: at 14:40 the morning is gone and
// the 14:35 talks, still on, stay; before and after the conference it
// hides nothing.
func TestHideOver(t *testing.T) {
	c := kcd(t)
	f := find.Filter{HideOver: true}
	got := kept(c, f, paris(t, "14:40"))
	for _, e := range got {
		if !e.End.After(paris(t, "14:40")) {
			t.Errorf("%q, over at %s, still shown", e.Title, e.End)
		}
	}
	if !slices.Contains(titles(got), "Faut-il confier ses bases de données à un opérateur Kubernetes ?") {
		t.Errorf("a talk on at 14:40 is hidden: %q", titles(got))
	}
	if n := len(got); n != 7 {
		t.Errorf("%d events left at 14:40, want 7", n)
	}
	for _, at := range []string{"07:00", "19:30"} {
		if n := len(kept(c, f, paris(t, at))); n != len(c.Events) {
			t.Errorf("at %s %d of %d events shown", at, n, len(c.Events))
		}
	}
}

func TestFilterURL(t *testing.T) {
	c := kcd(t)
	q, _ := url.ParseQuery("c=kcd&q=pole&track=reseau-ebpf&track=securite&track=nope&room=blanc&lang=fr&type=talk&type=bogus&over=hide&hide-room=hall-partenaires&day=1&day=9")
	f := find.FromURL(c, q)
	want := find.Filter{
		Days:      []int{1},
		Tracks:    []string{"Réseau & eBPF", "Sécurité"},
		Rooms:     []string{"Blanc"},
		Langs:     []string{"fr"},
		Kinds:     []find.Kind{find.Talk},
		HideOver:  true,
		HideRooms: []string{"Hall partenaires"},
	}
	if !equal(f, want) {
		t.Fatalf("FromURL = %+v\nwant %+v", f, want)
	}
	out := url.Values{"c": {"kcd"}, "q": {"pole"}, "track": {"stale"}}
	f.Set(c, out)
	if got := find.FromURL(c, out); !equal(got, want) {
		t.Errorf("round trip %+v", got)
	}
	if out.Get("c") != "kcd" || out.Get("q") != "pole" || slices.Contains(out["track"], "stale") {
		t.Errorf("Set touched other parameters: %v", out)
	}
	// The URL is the same whatever the order of the taps.
	a := find.Filter{}.Toggle(find.ParamTrack, "Sécurité").Toggle(find.ParamTrack, "Réseau & eBPF")
	b := find.Filter{}.Toggle(find.ParamTrack, "Réseau & eBPF").Toggle(find.ParamTrack, "Sécurité")
	ua, ub := url.Values{}, url.Values{}
	a.Set(c, ua)
	b.Set(c, ub)
	if ua.Encode() != ub.Encode() || ua.Encode() != "track=reseau-ebpf&track=securite" {
		t.Errorf("order of taps shows in the URL: %s vs %s", ua.Encode(), ub.Encode())
	}
	// Toggle twice is no change, and never changes the original.
	orig := find.Filter{Rooms: []string{"Bleu"}}
	back := orig.Toggle(find.ParamRoom, "Blanc").Toggle(find.ParamRoom, "Blanc")
	if !equal(back, orig) || !orig.Has(find.ParamRoom, "Bleu") || orig.Has(find.ParamRoom, "Blanc") {
		t.Errorf("toggle: %+v from %+v", back, orig)
	}
	if !(find.Filter{}).Empty() || want.Count() != 7 {
		t.Errorf("Empty or Count wrong: %d", want.Count())
	}
}

func equal(a, b find.Filter) bool {
	return slices.Equal(a.Days, b.Days) && slices.Equal(a.Tracks, b.Tracks) && slices.Equal(a.Rooms, b.Rooms) &&
		slices.Equal(a.Langs, b.Langs) && slices.Equal(a.Kinds, b.Kinds) && a.HideOver == b.HideOver &&
		slices.Equal(a.HideTracks, b.HideTracks) && slices.Equal(a.HideRooms, b.HideRooms)
}

func TestNowNextKCD(t *testing.T) {
	c := kcd(t)
	type row struct{ room, now, next string }
	board := func(at string) []row {
		var out []row
		b := find.NowNext(c, paris(t, at))
		for _, r := range b.Rooms {
			x := row{room: r.Room}
			if r.Now != nil {
				x.now = r.Now.Title
			}
			if r.Next != nil {
				x.next = r.Next.Title
			}
			out = append(out, x)
		}
		return out
	}
	// During the keynote: it is on in the three rooms it is shown in.
	got := board("10:00")
	want := []row{
		{"Bleu", "Keynote d'ouverture", "Pourquoi l'observabilité coûte-t-elle si cher ?"},
		{"Blanc", "Keynote d'ouverture", "Rendre hautement disponibles des milliers d'ingress sur des clusters kubernetes indépendants"},
		{"Rouge", "Keynote d'ouverture", "Sécurisez votre software supply chain avec SLSA, Sigstore et Kyverno"},
		{"Hall partenaires", "", "Déjeuner et stands des partenaires"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("at 10:00:\n%q\nwant\n%q", got, want)
	}
	// At the end of the day: only Bleu's last talk, nothing after it.
	if got := board("17:30"); !slices.Equal(got, []row{{"Bleu", poleEmploi, ""}}) {
		t.Errorf("at 17:30: %q", got)
	}
	// A talk ends when the next starts: at 11:25 exactly the 10:45 talks
	// are over and the 11:35 ones are next.
	for _, r := range board("11:25") {
		if r.now != "" && r.room != "Hall partenaires" {
			t.Errorf("at 11:25 %s still shows %q", r.room, r.now)
		}
	}
	// Before the day starts: nothing on, the first events next; after
	// the conference: nothing.
	early := find.NowNext(c, paris(t, "06:00"))
	if early.Day != 0 || len(early.Rooms) != 4 || early.Rooms[0].Now != nil || early.Rooms[0].Next.Title != "Keynote d'ouverture" {
		t.Errorf("at 06:00: %+v", early)
	}
	if late := find.NowNext(c, paris(t, "20:00")); late.Day != -1 || len(late.Rooms) != 0 {
		t.Errorf("after the conference: %+v", late)
	}
	if !find.Running(c, paris(t, "09:00")) || find.Running(c, paris(t, "19:30")) || find.Running(c, paris(t, "07:59")) {
		t.Error("Running wrong around the day's bounds")
	}
}

const poleEmploi = "5 ans avec Kubernetes : retour sur le déploiement des conteneurs chez Pôle Emploi"

// FOSDEM on Sunday at 11:00 Brussels time: dozens of rooms on at once,
// each with what follows it, all on Sunday.
func TestNowNextFOSDEM(t *testing.T) {
	c := fosdem(t)
	at, _ := time.Parse(time.RFC3339, "2025-02-02T11:00:00+01:00")
	b := find.NowNext(c, at)
	if b.Day != 1 {
		t.Fatalf("day %d, want Sunday (1)", b.Day)
	}
	on := 0
	for _, r := range b.Rooms {
		if r.Now != nil {
			on++
			if r.Now.Start.After(at) || !r.Now.End.After(at) {
				t.Errorf("%s: %q is not on at 11:00", r.Room, r.Now.Title)
			}
		}
		if r.Next != nil && (!r.Next.Start.After(at) || r.Next.Day != 1) {
			t.Errorf("%s: next %q at %s", r.Room, r.Next.Title, r.Next.Start)
		}
	}
	if on < 20 {
		t.Errorf("%d rooms on at 11:00 on Sunday", on)
	}
	// Saturday night (still Saturday in FOSDEM's days, which end at
	// 08:59): nothing on, Sunday's first talks next.
	night, _ := time.Parse(time.RFC3339, "2025-02-01T23:30:00+01:00")
	b = find.NowNext(c, night)
	if b.Day != 1 || len(b.Rooms) < 20 {
		t.Fatalf("Saturday night: day %d, %d rooms", b.Day, len(b.Rooms))
	}
	for _, r := range b.Rooms {
		if r.Now != nil || r.Next == nil || r.Next.Day != 1 {
			t.Errorf("Saturday night, %s: %+v", r.Room, r)
		}
	}
}

func TestLanguagesAndKinds(t *testing.T) {
	if got := find.LanguageList(kcd(t)); !slices.Equal(got, []string{"fr"}) {
		t.Errorf("KCD languages %q", got)
	}
	if got := find.Languages(&schedule.Event{Language: "de, EN"}); !slices.Equal(got, []string{"de", "en"}) {
		t.Errorf("languages of \"de, EN\": %q", got)
	}
	kinds := find.KindList(fosdem(t))
	if len(kinds) != 1 || kinds[0].Kind != find.Talk || kinds[0].Count != 943 {
		t.Errorf("FOSDEM kinds %+v", kinds)
	}
}
