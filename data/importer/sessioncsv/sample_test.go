package sessioncsv_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"companion/data/importer/build"
	"companion/data/importer/importertest"
	"companion/data/importer/sessioncsv"
)

// The sample is a sessions CSV and its speakers CSV written for these
// tests, with the columns of the real Cloud Native Days France export
// (which has no licence and stays out of the repository): the Journée
// Cloud Native Rhône 2026 is made up, its sessions and speakers too. It
// has what the real files have that the importer must handle: French
// text, Markdown descriptions over quoted newlines, doubled quotes and
// commas inside fields, several speakers per session, empty descriptions,
// a keynote, lightning talks, levels and links; and what they may have: a
// cancelled session and a speaker missing from the speakers file.
const (
	sample         = "jcnr-2026.sessions.csv"
	sampleSpeakers = "jcnr-2026.speakers.csv"
)

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSample(t *testing.T) {
	src := readSample(t, sample)
	if !sessioncsv.Detect(src[:1024]) {
		t.Error("not detected")
	}
	c, err := sessioncsv.Import(sample, bytes.NewReader(src), sampleSpeakers, bytes.NewReader(readSample(t, sampleSpeakers)), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 13 sessions, one cancelled; 8 speakers, one not in the speakers file.
	back := importertest.Check(t, sample, c, importertest.Counts{Days: 1, Rooms: 4, Events: 12, Persons: 8})
	var warnings []string
	for _, w := range c.Warnings {
		warnings = append(warnings, w.String())
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], `(DEV401): field "speakers": "fabre" is not in jcnr-2026.speakers.csv`) ||
		!strings.Contains(warnings[1], `(CAN001): field "status": "cancelled": left out`) {
		t.Errorf("warnings:\n%s", strings.Join(warnings, "\n"))
	}
	types := map[string]int{}
	empty := 0
	for _, e := range back.Events {
		types[e.Type]++
		if e.Details == "" {
			empty++
		}
	}
	if got := fmt.Sprint(types); got != "map[keynote:1 lightning:3 talk:8]" || empty != 3 {
		t.Errorf("formats %s, want 8 talks, 3 lightning talks, 1 keynote; %d empty descriptions, want 3", got, empty)
	}

	k := back.EventBySlug("keynote-d-ouverture-journee-cloud-native-rhone-2026")
	if k == nil {
		t.Fatal("no keynote")
	}
	if back.Local(k.Start).Format("15:04 -0700") != "09:00 +0100" || k.Duration() != 75*time.Minute || k.Code != "KEYN01" ||
		len(k.Persons) != 1 || k.Persons[0].Name != "Claire Bernard" || k.Persons[0].Organization != "Association Cloud Native Rhône" || k.Persons[0].Position != "Présidente" {
		t.Errorf("keynote %+v", k)
	}
	// Markdown and the quoted newlines kept as written.
	if !strings.Contains(k.Details, "Rhône).\n\n* **Des conteneurs sur un bateau") || !strings.Contains(k.Details, "\n    * _Inès Moreau_\n    * _Paul Girard_\n") ||
		!strings.HasSuffix(k.Details, "* **Intervention de notre sponsor (3 min)**") {
		t.Errorf("keynote description not verbatim: %q", k.Details)
	}

	g := back.EventBySlug("gitops-a-l-echelle-300-clusters-une-seule-source-de-verite")
	if g == nil {
		t.Fatal("no GitOps talk: a comma in a quoted title")
	}
	if !strings.HasPrefix(g.Details, `Nous avons dit "plus jamais de kubectl apply à la main" : voici`) || !strings.Contains(g.Details, "\n\n**Au programme**\n\n* la structure") {
		t.Errorf("doubled quotes and Markdown: %q", g.Details)
	}
	if got := fmt.Sprintf("%s|%s|%s; %s|%s", g.Persons[0].Name, g.Persons[0].Organization, g.Persons[0].Biography, g.Persons[1].Name, g.Persons[1].Organization); got != "Hugo Lambert|Navirhône|Fait tourner des conteneurs sur l'eau.\nAncien administrateur réseau.; Linh Nguyen|Datafluv" {
		t.Errorf("two speakers from a quoted list: %s", got)
	}
	if g.Subtitle != "Level: Intermédiaire" || len(g.Links) != 1 || g.Links[0].URL != "https://example.org/slides/plt101.pdf" || g.Links[0].Type != "slides" {
		t.Errorf("level and slides: %q %+v", g.Subtitle, g.Links)
	}

	d := back.EventBySlug("un-environnement-de-dev-en-30-secondes")
	if d == nil || len(d.Persons) != 2 || d.Persons[0].Organization != "Atelier Logiciel, SARL" || d.Persons[1].Name != "fabre" ||
		len(d.Links) != 1 || d.Links[0].Type != "media" {
		t.Errorf("dev talk (a company with a comma, a speaker named by its slug, a recording): %+v", d)
	}
	if s := back.EventBySlug("supply-chain-security-the-boring-way"); s == nil || s.Language != "en" || s.Persons[0].Biography != `Auteure de « La sécurité sans les "mais" ».` {
		t.Errorf("English talk: %+v", s)
	}
	if back.EventBySlug("observabilite-le-retour") != nil {
		t.Error("the cancelled session is listed")
	}

	var rooms, tracks []string
	for _, r := range back.Rooms {
		rooms = append(rooms, r.Name)
	}
	for _, tr := range back.Tracks {
		tracks = append(tracks, tr.Slug)
	}
	if got := strings.Join(rooms, ","); got != "Saône,Fourvière,Rhône,Croix-Rousse" {
		t.Errorf("rooms %s, want the order first seen: Saône,Fourvière,Rhône,Croix-Rousse", got)
	}
	if got := strings.Join(tracks, ","); got != "hors-piste,plateforme-et-operations,securite-et-reseau,donnees-et-ia,experience-developpeur" {
		t.Errorf("track slugs %s", got)
	}
}

// Times keep their written offset whatever the zone of the machine.
func TestSampleWallClock(t *testing.T) {
	saved := time.Local
	time.Local, _ = time.LoadLocation("America/Los_Angeles")
	defer func() { time.Local = saved }()
	c, err := sessioncsv.Import(sample, bytes.NewReader(readSample(t, sample)), "", nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Local(c.Events[0].Start).Format("2006-01-02 15:04 -0700"); got != "2026-03-17 09:00 +0100" {
		t.Errorf("first session at %s, want 2026-03-17 09:00 +0100", got)
	}
	// With a zone named, the same instants shown in it.
	c, err = sessioncsv.Import(sample, bytes.NewReader(readSample(t, sample)), "", nil, build.Options{TimeZone: "Europe/Paris"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Local(c.Events[0].Start).Format("15:04 MST"); c.TimeZone != "Europe/Paris" || got != "09:00 CET" {
		t.Errorf("with Europe/Paris: %s %s", c.TimeZone, got)
	}
}

// Without the speakers file, speakers are named by their slugs.
func TestSampleWithoutSpeakersFile(t *testing.T) {
	c, err := sessioncsv.Import(sample, bytes.NewReader(readSample(t, sample)), "", nil, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back := importertest.Check(t, sample, c, importertest.Counts{Days: 1, Rooms: 4, Events: 12, Persons: 8})
	if k := back.EventBySlug("keynote-d-ouverture-journee-cloud-native-rhone-2026"); k == nil || k.Persons[0].Name != "bernard" {
		t.Errorf("keynote %+v", k)
	}
	if len(c.Warnings) != 1 {
		t.Errorf("only the cancelled session is worth a warning without a speakers file: %v", c.Warnings)
	}
}
