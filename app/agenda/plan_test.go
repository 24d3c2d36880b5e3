package agenda_test

import (
	"strings"
	"testing"
	"time"

	"companion/app/agenda"
)

var day = []ev{
	{guid: "keynote", room: "Bleu", start: "09:15", dur: "1:15", title: "Keynote", track: "Keynote"},
	{guid: "obs", room: "Bleu", start: "10:45", dur: "0:40", title: "Observability costs", track: "Observability", replay: "https://example.org/obs"},
	{guid: "ebpf", room: "Rouge", start: "11:00", dur: "0:40", title: "eBPF for all", track: "Network"},
	{guid: "coffee", room: "Hall", start: "11:40", dur: "0:20", title: "Coffee", typ: "break"},
	{guid: "lunch", room: "Hall", start: "12:30", dur: "1:15", title: "Lunch", typ: "lunch"},
	{guid: "obs2", room: "Blanc", start: "14:00", dur: "0:40", title: "Tracing at scale", track: "Observability"},
	{guid: "obs3", room: "Bleu", start: "15:00", dur: "0:40", title: "Logs without tears", track: "Observability"},
	{guid: "ebpf-again", room: "Blanc", start: "16:00", dur: "0:40", title: "eBPF  for all", track: "Network"},
	{guid: "gitops", room: "Rouge", start: "15:10", dur: "0:40", title: "GitOps", track: "Platform"},
	{guid: "d2", day: 2, room: "Bleu", start: "09:00", dur: "0:40", title: "Day two", track: "Observability"},
}

func TestConflicts(t *testing.T) {
	c := conference(t, day...)
	starred := events(c, "keynote", "obs", "ebpf", "obs3", "gitops", "d2", "coffee")
	got := agenda.Conflicts(starred)
	if len(got) != 2 {
		t.Fatalf("conflicts %v", got)
	}
	if got[0].A.Key() != "obs" || got[0].B.Key() != "ebpf" || got[1].A.Key() != "obs3" || got[1].B.Key() != "gitops" {
		t.Fatalf("conflicts %s/%s, %s/%s", got[0].A.Key(), got[0].B.Key(), got[1].A.Key(), got[1].B.Key())
	}
	// Touching is not clashing: obs ends 11:25, nothing starts then; the
	// keynote ends 10:30 and obs starts 10:45.
	if cl := agenda.Clashes(starred, c.Event("ebpf")); len(cl) != 1 || cl[0].Key() != "obs" {
		t.Fatalf("clashes with ebpf: %v", cl)
	}
	if cl := agenda.Clashes(starred, c.Event("keynote")); len(cl) != 0 {
		t.Fatalf("clashes with the keynote: %v", cl)
	}
	// A break never clashes.
	if cl := agenda.Clashes(starred, c.Event("coffee")); cl != nil {
		t.Fatalf("clashes with coffee: %v", cl)
	}
	back := conference(t,
		ev{guid: "a", room: "Bleu", start: "10:00", dur: "0:30", title: "A"},
		ev{guid: "b", room: "Rouge", start: "10:30", dur: "0:30", title: "B"})
	if got := agenda.Conflicts(events(back, "a", "b")); len(got) != 0 {
		t.Fatalf("back-to-back talks clash: %v", got)
	}
}

func TestAlternatives(t *testing.T) {
	c := conference(t, day...)
	starred := events(c, "obs", "ebpf", "gitops")
	// Missing eBPF: it is given again at 16:00.
	alts := agenda.Alternatives(c, c.Event("ebpf"), starred)
	if len(alts) != 1 || alts[0].Event.Key() != "ebpf-again" || !alts[0].Repeat {
		t.Fatalf("alternatives to ebpf: %+v", alts)
	}
	// Missing observability: later talks of its track that clash with no
	// starred talk (obs3 clashes with gitops), and its replay.
	alts = agenda.Alternatives(c, c.Event("obs"), starred)
	var keys []string
	for _, a := range alts {
		keys = append(keys, a.Event.Key())
		if a.Repeat {
			t.Errorf("%s is not a repeat", a.Event.Key())
		}
	}
	if strings.Join(keys, ",") != "obs2,d2" {
		t.Fatalf("alternatives to obs: %v", keys)
	}
	if r, ok := c.Event("obs").Replay(); !ok || r.URL != "https://example.org/obs" {
		t.Fatal("no replay")
	}
}

func TestGaps(t *testing.T) {
	c := conference(t, day...)
	gaps := agenda.Gaps(c, events(c, "keynote", "obs", "ebpf", "obs2", "d2"), 15*time.Minute)
	// keynote 09:15–10:30, obs 10:45–11:25, ebpf 11:00–11:40, obs2 14:00.
	// 10:30–10:45 is 15 minutes: a gap. 11:40–14:00 holds coffee and
	// lunch. Nothing spans the night to day two.
	if len(gaps) != 2 {
		t.Fatalf("gaps %+v", gaps)
	}
	g := gaps[1]
	if g.After.Key() != "ebpf" || g.Before.Key() != "obs2" || g.Duration() != 140*time.Minute {
		t.Fatalf("lunch gap %s→%s %v", g.After.Key(), g.Before.Key(), g.Duration())
	}
	if len(g.During) != 2 || g.During[0].Key() != "coffee" || g.During[1].Key() != "lunch" {
		t.Fatalf("during the gap: %v", g.During)
	}
	if gaps[0].Duration() != 15*time.Minute || len(gaps[0].During) != 0 {
		t.Fatalf("short gap %+v", gaps[0])
	}
	if got := agenda.Gaps(c, events(c, "keynote", "obs"), 20*time.Minute); len(got) != 0 {
		t.Fatalf("gaps under the minimum: %+v", got)
	}
}

func TestDue(t *testing.T) {
	c := conference(t, day...)
	starred := events(c, "keynote", "obs", "ebpf", "coffee")
	at := func(hm string) time.Time {
		tm, _ := time.Parse(time.RFC3339, "2023-03-07T"+hm+":00+01:00")
		return tm
	}
	for now, want := range map[string]string{
		"09:09": "",
		"09:10": "keynote",
		"09:14": "keynote",
		"09:15": "", // started
		"10:42": "obs",
		"10:56": "ebpf",
		"11:36": "", // coffee is no talk
	} {
		var got []string
		for _, e := range agenda.Due(starred, at(now), 5*time.Minute) {
			got = append(got, e.Key())
		}
		if strings.Join(got, ",") != want {
			t.Errorf("at %s: due %v, want %q", now, got, want)
		}
	}
}
