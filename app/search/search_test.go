package search_test

import (
	"slices"
	"strings"
	"testing"

	"companion/app/search"
	"companion/data/fixtures/conferences"
	"companion/data/schedule"
)

func kcd(t testing.TB) *schedule.Conference { return conferences.KCD(t) }

func fosdem(t testing.TB) *schedule.Conference { return conferences.FOSDEM(t) }

func titles(hits []search.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Event.Title
	}
	return out
}

func find(t *testing.T, ix *search.Index, q string) []search.Hit {
	t.Helper()
	return ix.Search(search.Parse(q)).Hits
}

const poleEmploi = "5 ans avec Kubernetes : retour sur le déploiement des conteneurs chez Pôle Emploi"

func TestKCD(t *testing.T) {
	ix := search.Build(kcd(t))
	for _, c := range []struct {
		query string
		want  []string // exactly these titles, in this order
	}{
		// Accents and case, in the title and the speakers' organisation.
		{"pole emploi", []string{poleEmploi}},
		{"PÔLE", []string{poleEmploi}},
		// Title first, then an abstract that mentions it.
		{"déploiement", []string{poleEmploi, "GitOps : l'infrastructure au rythme du DevOps"}},
		// A speaker's surname, with or without its accent.
		{"verchere", []string{"Comment bien foirer sa certif CK{A,S}"}},
		{"Verchère", []string{"Comment bien foirer sa certif CK{A,S}"}},
		{"pinson", []string{"Révolution eBPF : Un noyau Linux dynamique"}},
		// Case: "ebpf" finds eBPF in a title first, then in its track.
		{"ebpf", []string{
			"Révolution eBPF : Un noyau Linux dynamique",
			"Rendre hautement disponibles des milliers d'ingress sur des clusters kubernetes indépendants",
			"VPC dans k8s : Pas aussi simple que ça en a l’air",
		}},
		// An organisation: the talks of its people (the keynote once, not
		// once per room it is shown in), then the lunch whose abstract
		// names it among the sponsors.
		{"scaleway", []string{"Keynote d'ouverture", "VPC dans k8s : Pas aussi simple que ça en a l’air", "Déjeuner et stands des partenaires"}},
		{"veepee", []string{"Kubernetes the not so hard Veepee way"}},
		// Word prefixes, every word required.
		// Title, then track, then abstracts (in time order).
		{"observ", []string{
			"Pourquoi l'observabilité coûte-t-elle si cher ?",
			"OpenTelemetry, JavaScript et tracing distribué : Un jour j'irai vivre en Théorie, car en Théorie tout se passe bien",
			"Révolution eBPF : Un noyau Linux dynamique",
			"Faut-il confier ses bases de données à un opérateur Kubernetes ?",
		}},
		{"obs cher", []string{"Pourquoi l'observabilité coûte-t-elle si cher ?"}},
		{"k8s", []string{"VPC dans k8s : Pas aussi simple que ça en a l’air"}},
		// A room; "partenaires" in a title counts more.
		{"hall partenaires", []string{"Déjeuner et stands des partenaires", "Pause et stands des partenaires", "Accueil, café et ouverture des stands"}},
		// Nothing, and nothing to look for.
		{"pôle kafka", nil},
		{"zzz", nil},
		{"", nil},
		{" ’ — ", nil},
	} {
		if got := titles(find(t, ix, c.query)); !slices.Equal(got, c.want) {
			t.Errorf("%q found\n  %q\nwant\n  %q", c.query, got, c.want)
		}
	}
}

// A title hit ranks above a speaker hit, which ranks above an abstract.
func TestRankTitleThenSpeakerThenAbstract(t *testing.T) {
	ix := search.Build(kcd(t))
	hits := find(t, ix, "kubernetes")
	if len(hits) < 4 {
		t.Fatalf("kubernetes: %q", titles(hits))
	}
	for _, h := range hits[:3] {
		if h.Fields&search.Title == 0 {
			t.Errorf("%q ranked %d without kubernetes in its title", h.Event.Title, h.Score)
		}
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("not ranked: %q (%d) after %q (%d)", hits[i].Event.Title, hits[i].Score, hits[i-1].Event.Title, hits[i-1].Score)
		}
	}
	last := hits[len(hits)-1]
	if last.Fields&(search.Title|search.Speaker) != 0 {
		t.Errorf("the last hit %q has kubernetes in its title or speakers", last.Event.Title)
	}

	// "daniel" is a speaker's first name: both Daniels' talks, found by
	// their speakers, before any talk that says it only in an abstract.
	for _, h := range find(t, ix, "daniel") {
		if h.Fields&search.Speaker == 0 {
			t.Errorf("daniel found %q by %v", h.Event.Title, h.Fields)
		}
	}
}

// A whole word ranks above a word it only starts: "go" finds the Go track
// before "Google".
func TestWholeWordBeforePrefix(t *testing.T) {
	ix := search.Build(fosdem(t))
	hits := find(t, ix, "go")
	if len(hits) == 0 {
		t.Fatal("go found nothing")
	}
	first := hits[0]
	words := strings.Fields(search.Fold(first.Event.Title + " " + first.Event.Track))
	if !slices.ContainsFunc(words, func(w string) bool { return strings.Trim(w, ":,.!?()") == "go" }) {
		t.Errorf("first hit for go: %q (track %q)", first.Event.Title, first.Event.Track)
	}
}

func TestGroupedByDay(t *testing.T) {
	c := fosdem(t)
	ix := search.Build(c)
	res := ix.Search(search.Parse("rust"))
	if len(res.Days) != 2 {
		t.Fatalf("rust on %d days, want both", len(res.Days))
	}
	n := 0
	for i, d := range res.Days {
		if i > 0 && d.Day <= res.Days[i-1].Day {
			t.Errorf("days out of order: %d after %d", d.Day, res.Days[i-1].Day)
		}
		for j, h := range d.Hits {
			if h.Event.Day != d.Day {
				t.Errorf("%q (day %d) listed under day %d", h.Event.Title, h.Event.Day, d.Day)
			}
			if j > 0 && h.Score > d.Hits[j-1].Score {
				t.Errorf("day %d not ranked at %d", d.Day, j)
			}
		}
		n += len(d.Hits)
	}
	if n != len(res.Hits) {
		t.Errorf("%d hits by day, %d in all", n, len(res.Hits))
	}
}

func TestFOSDEM(t *testing.T) {
	c := fosdem(t)
	ix := search.Build(c)
	if len(c.Events) != 943 {
		t.Fatalf("FOSDEM has %d events, want 943", len(c.Events))
	}
	// A speaker whose name carries a guillemet and spaces.
	hits := find(t, ix, "guelton")
	if len(hits) == 0 || !strings.Contains(hits[0].Event.Persons[0].Name, "Guelton") {
		t.Errorf("guelton: %q", titles(hits))
	}
	// Every talk of the eBPF track is found, whatever the case typed.
	track := 0
	for _, e := range c.Events {
		if e.Track == "eBPF" {
			track++
		}
	}
	for _, q := range []string{"ebpf", "EBPF", "eBPF"} {
		got := 0
		for _, h := range find(t, ix, q) {
			if h.Event.Track == "eBPF" {
				got++
			}
		}
		if got != track || track == 0 {
			t.Errorf("%q found %d of the %d eBPF track's talks", q, got, track)
		}
	}
	// A room: every talk in it.
	room := "UB2.252A (Lameere)"
	inRoom := 0
	for _, e := range c.Events {
		if slices.Contains(e.Rooms, room) {
			inRoom++
		}
	}
	got := 0
	for _, h := range find(t, ix, "lameere") {
		if slices.Contains(h.Event.Rooms, room) {
			got++
		}
	}
	if got != inRoom || inRoom == 0 {
		t.Errorf("lameere found %d of the %d talks in %s", got, inRoom, room)
	}
	// Markup in abstracts is not words: "<p>&amp;" is in many of them.
	if n := len(find(t, ix, "amp")); n > 50 {
		t.Errorf("amp found %d talks: entities are indexed as words", n)
	}
}

// The abstracts indexed a step at a time find what one pass finds, and
// until they are, the other fields are searchable.
func TestAbstractsByStep(t *testing.T) {
	c := fosdem(t)
	whole := search.Build(c)
	ix := search.New(c)
	q := search.Parse("llvm")
	before := ix.Search(q).Hits
	for _, h := range before {
		if h.Fields&search.Abstract != 0 {
			t.Fatalf("%q found in an abstract before abstracts were indexed", h.Event.Title)
		}
	}
	steps := 0
	for !ix.AddAbstracts(100) {
		steps++
	}
	if ix.Complete() != true || steps != (len(c.Events)-1)/100 {
		t.Errorf("%d steps for %d events", steps, len(c.Events))
	}
	for _, query := range []string{"llvm", "rust embedded", "p", "open source", "ariadne"} {
		q := search.Parse(query)
		got, want := ix.Search(q).Hits, whole.Search(q).Hits
		if len(got) != len(want) {
			t.Errorf("%q: %d hits by steps, %d in one pass", query, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q hit %d: %q by steps, %q in one pass", query, i, got[i].Event.Title, want[i].Event.Title)
				break
			}
		}
	}
	if got := len(ix.Search(search.Parse("llvm")).Hits); got <= len(before) {
		t.Errorf("llvm: %d hits with abstracts, %d without", got, len(before))
	}
}

func TestSpansAndSegments(t *testing.T) {
	q := search.Parse("pole emp ebpf")
	text := "Chez Pôle Emploi, eBPF et pôles"
	var marked []string
	for _, s := range q.Segments(text) {
		if s.Mark {
			marked = append(marked, s.Text)
		}
	}
	if want := []string{"Pôle", "Emp", "eBPF", "pôle"}; !slices.Equal(marked, want) {
		t.Errorf("marked %q, want %q", marked, want)
	}
	var whole strings.Builder
	for _, s := range q.Segments(text) {
		whole.WriteString(s.Text)
	}
	if whole.String() != text {
		t.Errorf("segments make %q, not %q", whole.String(), text)
	}
	if segs := q.Segments("rien"); len(segs) != 1 || segs[0].Mark || segs[0].Text != "rien" {
		t.Errorf("no match: %+v", segs)
	}
	// Markup in the query or the text stays text.
	q = search.Parse(`<mark onclick="x">script`)
	segs := q.Segments(`<script>alert(1)</script>`)
	var got []string
	for _, s := range segs {
		if s.Mark {
			got = append(got, s.Text)
		}
	}
	if !slices.Equal(got, []string{"script", "script"}) {
		t.Errorf("marked %q in markup text", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string][]string{
		"  Pôle   Emploi ":        {"pole", "emploi"},
		"kube kubernetes":         {"kubernetes"},
		"kubernetes kube":         {"kubernetes"},
		"k kub ku kubernetes k8s": {"kubernetes", "k8s"},
		"l'observabilité":         {"l", "observabilite"},
		"C++":                     {"c++"},
		"—":                       nil,
	} {
		if got := search.Parse(in).Terms; !slices.Equal(got, want) {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("é", 300) + " x y z"
	q := search.Parse(long)
	if len(q.Text) > 200 || len(q.Terms) != 1 || !strings.HasPrefix(q.Terms[0], "eee") {
		t.Errorf("a long query: %d bytes, terms %d", len(q.Text), len(q.Terms))
	}
	many := search.Parse("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10")
	if len(many.Terms) != 8 {
		t.Errorf("%d terms kept, want 8", len(many.Terms))
	}
}

func TestSnippet(t *testing.T) {
	q := search.Parse("ariadne")
	text := strings.Repeat("word ", 60) + "as an Ariadne's thread, we'll dive " + strings.Repeat("more ", 60)
	s := q.Snippet(text, 80)
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || !strings.Contains(s, "Ariadne") || len(s) > 80+2*len("…") {
		t.Errorf("snippet %q", s)
	}
	if strings.Contains(s, "wor…") || strings.HasPrefix(s, "…ord") {
		t.Errorf("snippet cuts a word: %q", s)
	}
	if q.Snippet("nothing here", 80) != "" {
		t.Error("a snippet without a match")
	}
	if s := q.Snippet("Ariadne", 80); s != "Ariadne" {
		t.Errorf("short text snippet %q", s)
	}
}

// Building FOSDEM's index: all of it, then the part New builds at once
// (titles, speakers, tracks, rooms) and the abstracts in the 100-talk
// steps the app takes between frames.
func BenchmarkIndexFOSDEM(b *testing.B) {
	c := fosdem(b)
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		var ix *search.Index
		for b.Loop() {
			ix = search.Build(c)
		}
		b.ReportMetric(float64(ix.Words()), "words")
	})
	b.Run("fields", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			search.New(c)
		}
	})
	b.Run("abstracts-step", func(b *testing.B) {
		b.ReportAllocs()
		ix := search.New(c)
		for b.Loop() {
			if ix.AddAbstracts(100) {
				b.StopTimer()
				ix = search.New(c)
				b.StartTimer()
			}
		}
	})
}

func BenchmarkQueryFOSDEM(b *testing.B) {
	ix := search.Build(fosdem(b))
	// What someone types, keystroke by keystroke, then a few whole queries.
	var queries []search.Query
	for _, typed := range []string{"kubernetes", "rust embedded"} {
		for i := 1; i <= len(typed); i++ {
			queries = append(queries, search.Parse(typed[:i]))
		}
	}
	for _, q := range []string{"go", "pole emploi", "ebpf", "Lameere", "open source"} {
		queries = append(queries, search.Parse(q))
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ix.Search(queries[i%len(queries)])
		i++
	}
}
