package render

import (
	"strconv"
	"strings"
	"time"
)

// dateStyle writes a date the way one language does.
type dateStyle struct {
	months [12]string
	format func(day int, month string, year int) string
}

// englishMonths are the month names of en and en-US.
var englishMonths = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// dateStyles are the languages whose dates the `date` function writes
// out, keyed by language subtag or full tag (en-US). Other languages get
// the English form, "1 October 2026", which site templates can replace.
var dateStyles = map[string]dateStyle{
	"en": {
		months: englishMonths,
		format: func(d int, m string, y int) string { return strconv.Itoa(d) + " " + m + " " + strconv.Itoa(y) },
	},
	"en-us": {
		months: englishMonths,
		format: func(d int, m string, y int) string { return m + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y) },
	},
	"fr": {
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		format: func(d int, m string, y int) string {
			day := strconv.Itoa(d)
			if d == 1 {
				day = "1er"
			}
			return day + " " + m + " " + strconv.Itoa(y)
		},
	},
	"de": {
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		format: func(d int, m string, y int) string { return strconv.Itoa(d) + ". " + m + " " + strconv.Itoa(y) },
	},
	"es": {
		months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		format: func(d int, m string, y int) string { return strconv.Itoa(d) + " de " + m + " de " + strconv.Itoa(y) },
	},
	"pt": {
		months: [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		format: func(d int, m string, y int) string { return strconv.Itoa(d) + " de " + m + " de " + strconv.Itoa(y) },
	},
	"it": {
		months: [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		format: func(d int, m string, y int) string {
			day := strconv.Itoa(d)
			if d == 1 {
				day = "1º"
			}
			return day + " " + m + " " + strconv.Itoa(y)
		},
	},
	"nl": {
		months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		format: func(d int, m string, y int) string { return strconv.Itoa(d) + " " + m + " " + strconv.Itoa(y) },
	},
}

// FormatDateIn writes a date out in a language given as a BCP 47 tag
// (site.yaml's language): "1 October 2026" in en, "October 1, 2026" in
// en-US, "1er octobre 2026" in fr, "1. Oktober 2026" in de, "1 de octubre
// de 2026" in es. A zero date is "".
func FormatDateIn(lang string, d time.Time) string {
	if d.IsZero() {
		return ""
	}
	tag := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	style, ok := dateStyles[tag]
	if !ok {
		base, _, _ := strings.Cut(tag, "-")
		if style, ok = dateStyles[base]; !ok {
			style = dateStyles["en"]
		}
	}
	return style.format(d.Day(), style.months[d.Month()-1], d.Year())
}
