package i18n

import (
	"strconv"
	"strings"
	"time"
)

var (
	frenchDays   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frenchShort  = [...]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}
	frenchMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	frenchMonAbb = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
)

// Dates are written from t's own wall clock: the caller puts t in the zone
// it is to be read in.

// Clock is the time of day on a 24-hour clock, in both languages ("09:30").
func (l Lang) Clock(t time.Time) string { return t.Format("15:04") }

// Date is the full date: "Tuesday 7 March 2023", "mardi 7 mars 2023"
// (French writes day and month names in lower case, and "1er" for the
// first of the month).
func (l Lang) Date(t time.Time) string {
	if l == French {
		return frenchDays[t.Weekday()] + " " + frenchDay(t.Day()) + " " + frenchMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return t.Format("Monday 2 January 2006")
}

// ShortDate is a day tab's label: "Tue 7 Mar", "mar. 7 mars".
func (l Lang) ShortDate(t time.Time) string {
	if l == French {
		return frenchShort[t.Weekday()] + " " + frenchDay(t.Day()) + " " + frenchMonAbb[t.Month()-1]
	}
	return t.Format("Mon 2 Jan")
}

// DayMonth is a date without its weekday: "7 March 2023", "7 mars 2023";
// without the year when year is false.
func (l Lang) DayMonth(t time.Time, year bool) string {
	var s string
	if l == French {
		s = frenchDay(t.Day()) + " " + frenchMonths[t.Month()-1]
	} else {
		s = t.Format("2 January")
	}
	if year {
		s += " " + strconv.Itoa(t.Year())
	}
	return s
}

// DateTime is a date with a time: "Tuesday 7 March 2023 · 09:30".
func (l Lang) DateTime(t time.Time) string { return l.Date(t) + " · " + l.Clock(t) }

// DateSpan is a conference's dates: "7 March 2023", "6–8 March 2023",
// "30 March – 2 April 2023" ("30 mars – 2 avril 2023").
func (l Lang) DateSpan(s, e time.Time) string {
	switch {
	case s.Year() == e.Year() && s.YearDay() == e.YearDay():
		return l.DayMonth(s, true)
	case s.Year() == e.Year() && s.Month() == e.Month():
		first := strconv.Itoa(s.Day())
		if l == French {
			first = frenchDay(s.Day())
		}
		return first + "–" + l.DayMonth(e, true)
	case s.Year() == e.Year():
		return l.DayMonth(s, false) + " – " + l.DayMonth(e, true)
	}
	return l.DayMonth(s, true) + " – " + l.DayMonth(e, true)
}

func frenchDay(d int) string {
	if d == 1 {
		return "1er"
	}
	return strconv.Itoa(d)
}

// frenchCities are the zone cities of conferences' usual places whose
// French name differs ("heure de Bruxelles", not "de Brussels").
var frenchCities = map[string]string{
	"Brussels": "Bruxelles", "London": "Londres", "Lisbon": "Lisbonne", "Vienna": "Vienne",
	"Copenhagen": "Copenhague", "Barcelona": "Barcelone", "Warsaw": "Varsovie", "Athens": "Athènes",
	"Bucharest": "Bucarest", "Moscow": "Moscou",
	"Mexico City": "Mexico", "Sao Paulo": "São Paulo", "Singapore": "Singapour", "Montreal": "Montréal",
	"Geneva": "Genève",
}

// ZoneTime labels times in a named zone after its city: "Paris time",
// "heure de Paris" ("heure d’Amsterdam"). A name that is no IANA
// Area/City (UTC, a fixed offset) is shown as it is.
func (l Lang) ZoneTime(zone string) string {
	city := zone
	if i := strings.LastIndexByte(zone, '/'); i >= 0 && i < len(zone)-1 {
		city = zone[i+1:]
	}
	city = strings.ReplaceAll(city, "_", " ")
	if city == "UTC" {
		return city
	}
	if l == French {
		if fr, ok := frenchCities[city]; ok {
			city = fr
		}
		if city != "" && strings.ContainsRune("AEIOUaeiouÉé", []rune(city)[0]) {
			return "heure d’" + city
		}
		return "heure de " + city
	}
	return city + " time"
}
