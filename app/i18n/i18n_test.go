package i18n

import (
	"testing"
	"time"
)

func TestDatesEachLanguagesWay(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatalf("load zone: %v (install tzdata)", err)
	}
	keynote := time.Date(2023, 3, 7, 9, 30, 0, 0, paris)
	first := time.Date(2023, 3, 1, 14, 5, 0, 0, paris)
	for _, c := range []struct{ got, want string }{
		{French.DateTime(keynote), "mardi 7 mars 2023 · 09:30"},
		{English.DateTime(keynote), "Tuesday 7 March 2023 · 09:30"},
		{French.Date(first), "mercredi 1er mars 2023"},
		{French.Clock(first), "14:05"},
		{English.Clock(first), "14:05"},
		{French.ShortDate(keynote), "mar. 7 mars"},
		{English.ShortDate(keynote), "Tue 7 Mar"},
		{French.ShortDate(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)), "sam. 1er févr."},
		{French.DateSpan(keynote, keynote), "7 mars 2023"},
		{English.DateSpan(first, keynote), "1–7 March 2023"},
		{French.DateSpan(first, keynote), "1er–7 mars 2023"},
		{French.DateSpan(time.Date(2023, 3, 30, 0, 0, 0, 0, time.UTC), time.Date(2023, 4, 2, 0, 0, 0, 0, time.UTC)), "30 mars – 2 avril 2023"},
		{English.DateSpan(time.Date(2023, 12, 30, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)), "30 December 2023 – 2 January 2024"},
		{English.ZoneTime("Europe/Paris"), "Paris time"},
		{French.ZoneTime("Europe/Paris"), "heure de Paris"},
		{French.ZoneTime("Europe/Amsterdam"), "heure d’Amsterdam"},
		{English.ZoneTime("America/New_York"), "New York time"},
		{French.ZoneTime("UTC"), "UTC"},
		{French.ZoneTime("Europe/Brussels"), "heure de Bruxelles"},
		{French.ZoneTime("Europe/Athens"), "heure d’Athènes"},
		{English.ZoneTime("Europe/Brussels"), "Brussels time"},
		{French.LanguageName("FR"), "français"},
		{English.LanguageName("fr"), "French"},
		{French.LanguageName("x-klingon"), "x-klingon"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// Every day and month has its French name.
	for m := time.January; m <= time.December; m++ {
		d := time.Date(2024, m, 10, 0, 0, 0, 0, time.UTC)
		if got := French.Date(d); got == English.Date(d) || got == "" {
			t.Errorf("%v: French date %q", m, got)
		}
	}
}

func TestPluralRules(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		n    int
		want string
	}{
		{English, 0, "0 talks"}, {English, 1, "1 talk"}, {English, 2, "2 talks"},
		{French, 0, "0 exposé"}, {French, 1, "1 exposé"}, {French, 2, "2 exposés"},
	} {
		if got := c.l.N(c.n, "%d talk", "%d talks", c.n); got != c.want {
			t.Errorf("%s, %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

func TestWhichLanguage(t *testing.T) {
	for header, want := range map[string]Lang{
		"fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7": French,
		"en-GB,en;q=0.9,fr;q=0.8":             English,
		"de-DE,de;q=0.9,fr;q=0.5":             French,
		"de-DE":                               English,
		"":                                    English,
		"fr;q=0, en;q=0.1":                    English,
		"en;q=0.2, fr-CA;q=0.8":               French,
		"fr;q=bogus, en":                      English,
		"*":                                   English,
	} {
		if got := FromAcceptLanguage(header); got != want {
			t.Errorf("Accept-Language %q: %s, want %s", header, got, want)
		}
	}
	if got := Negotiate("de", "fr-CA", "en"); got != French {
		t.Errorf("navigator.languages de, fr-CA, en: %s", got)
	}
	if got := Negotiate("ja"); got != Default {
		t.Errorf("navigator.languages ja: %s", got)
	}
	if l, ok := Match("en_GB"); !ok || l != English {
		t.Errorf("Match(en_GB) = %s, %v", l, ok)
	}
	if _, ok := Match("fry"); ok {
		t.Error("Match(fry) is Frisian, not French")
	}
}
