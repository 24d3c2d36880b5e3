package sched

import (
	"strings"
	"unicode"

	"companion/data/schedule"
)

// The CNCF's sched titles end in " - " and the speakers, written as
//
//	Name, Org                         one speaker
//	Name & Name2, Org                 several from one company
//	Name, Name2 & Name3, Org          (three or more)
//	Name, Org & Name2, Org2           two companies
//	Name, Org; Name2 & Name3, Org2    three companies or more, by ";"
//	Name, Position, Org               keynotes, with a position
//
// so ", " and " & " both separate names and companies, and positions
// contain "&" ("Founder & CEO"). splitSpeakers cuts the list into parts
// and reads each as a name or not: a run of names takes the run of
// non-names after it as its position and organisation.

// known is what the whole file says about a part. Orgs are written last
// in a speaker group somewhere: "Red Hat" reads like a name, but it ends
// "Sebastien Han, Red Hat". Names are written first in one.
type known struct {
	orgs, names map[string]bool
}

// learn reads every title's last " - " part.
func learn(titles []string) known {
	k := known{orgs: map[string]bool{}, names: map[string]bool{}}
	for _, t := range titles {
		i := strings.LastIndex(t, " - ")
		if i < 0 {
			continue
		}
		for _, g := range strings.Split(t[i+3:], ";") {
			parts, seps := cut(strings.TrimSpace(g))
			if n := len(parts); n > 1 {
				k.names[parts[0]] = true
				if seps[n-2] == ", " {
					k.orgs[parts[n-1]] = true
				}
			}
		}
	}
	return k
}

// splitSpeakers separates the speakers from a title; when no " - " tail
// reads as speakers, the title is left whole. The rightmost " - " is
// tried first: titles contain " - " too ("Signed, Sealed, Delivered -
// Sign and Verify All the Things - Jeremy Rickard, Microsoft"), and so do
// companies ("Royal Bank of Canada - RBC").
func (o known) splitSpeakers(title string) (string, []schedule.Person) {
	// Real titles need two tries at most; a bound keeps any input linear.
	for end, try := len(title), 0; try < 4; try++ {
		i := strings.LastIndex(title[:end], " - ")
		if i < 0 {
			break
		}
		head := strings.TrimSpace(title[:i])
		if head != "" {
			if persons := o.parse(strings.TrimSpace(title[i+3:])); persons != nil {
				return head, persons
			}
		}
		end = i
	}
	return title, nil
}

// parse reads a speaker list, or returns nil when it is not one.
func (o known) parse(tail string) []schedule.Person {
	tail = strings.TrimPrefix(tail, "Moderated by ")
	if tail == "" || len(tail) > 600 {
		return nil
	}
	var out []schedule.Person
	for _, group := range strings.Split(tail, ";") {
		parts, seps := cut(strings.TrimSpace(group))
		isName := o.classify(parts, seps)
		if len(parts) == 0 || !isName[0] {
			return nil
		}
		for i := 0; i < len(parts); {
			var names []string
			for ; i < len(parts) && isName[i]; i++ {
				names = append(names, parts[i])
			}
			start := i
			for ; i < len(parts) && !isName[i]; i++ {
			}
			org, position := "", ""
			if i > start {
				org = parts[i-1]
				var b strings.Builder
				for j := start; j < i-1; j++ {
					if j > start {
						b.WriteString(seps[j-1])
					}
					b.WriteString(parts[j])
				}
				position = b.String()
			}
			if position == "" && isRole(org) {
				position, org = org, ""
			}
			for _, n := range names {
				out = append(out, schedule.Person{Name: n, Organization: org, Position: position})
			}
		}
	}
	return out
}

// classify says which parts are names.
func (o known) classify(parts, seps []string) []bool {
	out := make([]bool, len(parts))
	run := 0
	for i, p := range parts {
		// "Yue Bao, Huawei & yue li, DaoCloud": a name in lower case
		// after "&" and before the company.
		n := o.isName(p) || i > 0 && seps[i-1] == " & " && seps[i] == ", " && o.isName(capitalise(p))
		// "Lin Sun, Solo.io & Faseela Kundattil, Ericsson" is far more
		// common than "Mark Lavi, Carl Braganza & Prasad Ghangal, Veeam":
		// a second name-like part between ", " and " & " is a company
		// unless the file names that person elsewhere.
		if n && run == 1 && seps[i-1] == ", " && seps[i] == " & " && !o.names[p] {
			n = false
		}
		out[i] = n
		if n {
			run++
		} else {
			run = 0
		}
	}
	return out
}

// cut splits a group at ", " and " & ", keeping the separators (seps[i]
// follows parts[i]); a legal suffix ("Stacklok, Inc") stays with its
// company.
func cut(group string) (parts, seps []string) {
	for group != "" {
		i, sep := len(group), ""
		for _, s := range []string{", ", " & "} {
			if j := strings.Index(group, s); j >= 0 && j < i {
				i, sep = j, s
			}
		}
		part := strings.TrimFunc(group[:i], func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' })
		if len(parts) > 0 && seps[len(seps)-1] == ", " && isSuffix(part) {
			parts[len(parts)-1] += ", " + part
			seps[len(seps)-1] = sep
		} else {
			parts, seps = append(parts, part), append(seps, sep)
		}
		if i == len(group) {
			break
		}
		group = group[i+len(sep):]
	}
	return parts, seps
}

func isSuffix(s string) bool {
	switch strings.TrimSuffix(strings.ToLower(s), ".") {
	case "inc", "ltd", "llc", "gmbh", "ag", "co", "corp", "sa", "bv":
		return true
	}
	return false
}

// particles are the lower-case words names have ("Kairo de Araujo").
var particles = map[string]bool{"de": true, "da": true, "di": true, "del": true, "della": true, "der": true, "den": true,
	"van": true, "von": true, "du": true, "dos": true, "das": true, "la": true, "le": true, "ten": true, "ter": true, "bin": true, "al": true}

// roleWords mark a part as a position, not a person ("Linux Kernel
// Maintainer", "CNCF Ambassador", "Software Engineer").
var roleWords = map[string]bool{
	"maintainer": true, "maintainers": true, "engineer": true, "manager": true, "director": true, "officer": true, "founder": true,
	"cofounder": true, "co-founder": true, "architect": true, "principal": true, "senior": true, "lead": true, "head": true,
	"developer": true, "advocate": true, "ambassador": true, "ambassadors": true, "fellow": true, "president": true,
	"chair": true, "member": true, "consultant": true, "researcher": true, "professor": true, "student": true,
	"contributor": true, "community": true, "product": true, "software": true, "staff": true,
	"distinguished": true, "chief": true, "evangelist": true, "specialist": true, "scientist": true, "analyst": true,
	"owner": true, "partner": true, "relations": true, "technical": true, "technologist": true, "steering": true,
}

// orgWords mark a part as a company ("Macquarie Group Pty Ltd").
var orgWords = map[string]bool{
	"group": true, "pty": true, "ltd": true, "limited": true, "inc": true, "labs": true, "technologies": true,
	"technology": true, "solutions": true, "systems": true, "innovations": true, "private": true, "university": true,
	"foundation": true, "company": true, "consulting": true, "bank": true, "networks": true, "services": true,
	"institute": true, "research": true, "cloud": true, "digital": true, "data": true, "security": true,
	"international": true, "gmbh": true, "corporation": true, "partners": true, "computing": true,
}

// isRole is a position without a company: "Maintainer", "WG Chair".
func isRole(s string) bool {
	role := false
	for _, w := range strings.Fields(s) {
		switch {
		case roleWords[strings.ToLower(w)]:
			role = true
		case !isAcronymWord(w):
			return false
		}
	}
	return role
}

// isName accepts two to five capitalised words of letters (hyphens,
// apostrophes and initials allowed) that are not a known organisation,
// a position, or camel case ("DaoCloud").
func (o known) isName(s string) bool {
	if o.orgs[s] {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for i, w := range words {
		l := strings.ToLower(w)
		if roleWords[l] || orgWords[strings.TrimSuffix(l, ".")] || l == "the" || isAcronymWord(w) {
			return false
		}
		if particles[l] && i > 0 && i < len(words)-1 {
			continue
		}
		if i > 0 && len(w) > 2 && strings.ContainsAny(w[:1], "(\"") {
			continue // a nickname: Chun-Hung (Henry) Tseng, Dan "phrawzty" Maher
		}
		for _, piece := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }) {
			if !nameWord(piece) {
				return false
			}
		}
	}
	return true
}

// nameWord is "Anna", "Kapuścińska", "M.", "K" or "McCune".
func nameWord(w string) bool {
	r := []rune(w)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	if len(r) == 1 || len(r) == 2 && r[1] == '.' {
		return true
	}
	lower := false
	for i, c := range r[1:] {
		switch {
		case unicode.IsLower(c):
			lower = true
		case unicode.IsUpper(c):
			// camel case only after Mc or Mac
			if p := string(r[:i+1]); lower && p != "Mc" && p != "Mac" {
				return false
			}
		default:
			return false
		}
	}
	return lower
}

// isAcronymWord is "IBM", "CNCF", "AI": all capitals, two or more.
func isAcronymWord(w string) bool {
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) {
			return false
		}
		n++
	}
	return n >= 2
}

func capitalise(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
