package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/check"
)

// The two charts of the HTML report are computed here as plain geometry,
// so that the template only places shapes and the numbers can be tested.

// histogram is the spread of reading grades: one bar per whole grade.
type histogram struct {
	Width, Height float64
	Bars          []bar
	// TargetX is where the target line is drawn; Target its label.
	TargetX, PlotLeft, PlotTop, PlotBottom float64
	Target                                 string
	Desc                                   string
}

type bar struct {
	X, Y, W, H float64
	// LabelX is the middle of the bar; Label the grade under it.
	LabelX     float64
	Label      string
	Count      int
	Over       bool
	Title      string
	CountY     float64
	ShowsCount bool
}

const (
	chartWidth  = 640
	chartHeight = 240
	chartLeft   = 40
	chartRight  = 16
	chartTop    = 24
	chartBottom = 44
	maxBins     = 24
)

// gradeBin is the bar a grade falls in: grades are rounded up, so that
// the bar labelled 8 holds grades above 7 up to 8, and every bar right of
// a whole-number target is above it.
func gradeBin(g float64) int { return int(math.Ceil(g - 1e-9)) }

// newHistogram counts the English articles by grade.
func newHistogram(r *check.Report) histogram {
	h := histogram{Width: chartWidth, Height: chartHeight, PlotLeft: chartLeft, PlotTop: chartTop, PlotBottom: chartHeight - chartBottom, Target: formatNumber(r.MaxGrade)}
	target := r.MaxGrade
	lo, hi := gradeBin(target)-2, gradeBin(target)+2
	counts := map[int][]string{}
	for _, a := range r.Articles {
		if a.Readability.Sentences == 0 || a.Readability.Formulas != check.FormulasEnglish {
			continue // only English articles have grades
		}
		b := gradeBin(a.Readability.Grade())
		lo, hi = min(lo, b), max(hi, b)
		counts[b] = append(counts[b], a.Title)
	}
	lo = max(lo, 0)
	if hi-lo+1 > maxBins {
		// Very easy or very hard outliers share the end bars.
		lo = max(hi-maxBins+1, 0)
	}
	n := hi - lo + 1
	most := 1
	for _, titles := range counts {
		most = max(most, len(titles))
	}
	plotW := float64(chartWidth - chartLeft - chartRight)
	plotH := h.PlotBottom - h.PlotTop - 14
	w := plotW / float64(n)
	over, within := 0, 0
	for i := range n {
		grade := lo + i
		var titles []string
		for b, t := range counts {
			if b == grade || i == 0 && b < lo {
				titles = append(titles, t...)
			}
		}
		slices.Sort(titles)
		barH := plotH * float64(len(titles)) / float64(most)
		x := chartLeft + float64(i)*w
		isOver := float64(grade) > target
		if isOver {
			over += len(titles)
		} else {
			within += len(titles)
		}
		title := fmt.Sprintf("Grade %d: %d %s", grade, len(titles), plural(len(titles), "article", "articles"))
		if len(titles) > 0 {
			title += ": " + strings.Join(titles, ", ")
		}
		h.Bars = append(h.Bars, bar{
			X: round2(x + 2), Y: round2(h.PlotBottom - barH), W: round2(w - 4), H: round2(barH),
			LabelX: round2(x + w/2), Label: fmt.Sprint(grade), Count: len(titles), Over: isOver, Title: title,
			CountY: round2(h.PlotBottom - barH - 4), ShowsCount: len(titles) > 0,
		})
	}
	h.TargetX = round2(chartLeft + (target-float64(lo)+1)*w)
	h.Desc = fmt.Sprintf("%d %s at or below grade %s, %d above it.", within, plural(within, "article", "articles"), h.Target, over)
	return h
}

// calendar is the review calendar: one cell per month, from this month to
// the year of the last next review (at most calendarYears years), and a
// box for the overdue reviews.
type calendar struct {
	Width, Height float64
	Months        []monthLabel
	Years         []yearRow
	Overdue       calendarCell
	Desc          string
}

type monthLabel struct {
	X    float64
	Name string
}

type yearRow struct {
	// Y is the row's top; LabelX is where its year label ends.
	Y, LabelX float64
	Label     string
	Cells     []calendarCell
}

type calendarCell struct {
	X, Y, W, H   float64
	TextX, TextY float64
	Count        int
	// Class is "past", "none", "some", "due" (within warn_days) or "overdue".
	Class string
	Title string
}

const (
	calendarYears = 6
	cellW         = 44
	cellH         = 34
	overdueW      = 80
	calendarLeft  = overdueW + 60 // the overdue box, then the year labels
	calendarTop   = 24
)

func newCalendar(r *check.Report) calendar {
	today, err := time.Parse("2006-01-02", r.Date)
	if err != nil {
		today = time.Now()
	}
	first := time.Date(today.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	lastYear := today.Year()
	type due struct {
		title  string
		status string
	}
	byMonth := map[string][]due{}
	var overdue, unknown []string
	for _, a := range r.Articles {
		switch a.Review.Status {
		case check.ReviewOverdue:
			overdue = append(overdue, a.Title+" (due "+a.Review.NextReview+")")
			continue
		case check.ReviewUnknown:
			unknown = append(unknown, a.Title)
			continue
		}
		next, err := time.Parse("2006-01-02", a.Review.NextReview)
		if err != nil {
			continue
		}
		if next.Year() >= first.Year()+calendarYears {
			next = time.Date(first.Year()+calendarYears-1, 12, 1, 0, 0, 0, 0, time.UTC)
		}
		lastYear = max(lastYear, next.Year())
		key := next.Format("2006-01")
		byMonth[key] = append(byMonth[key], due{a.Title + " (" + a.Review.NextReview + ")", a.Review.Status})
	}
	c := calendar{Width: calendarLeft + 12*cellW + 8}
	for m := range 12 {
		c.Months = append(c.Months, monthLabel{X: calendarLeft + float64(m)*cellW + cellW/2, Name: time.Month(m + 1).String()[:3]})
	}
	scheduled := 0
	for y := first.Year(); y <= lastYear; y++ {
		row := yearRow{Y: calendarTop + float64(y-first.Year())*cellH, LabelX: calendarLeft - 8, Label: fmt.Sprint(y)}
		for m := range 12 {
			month := time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
			items := byMonth[month.Format("2006-01")]
			cell := calendarCell{X: calendarLeft + float64(m)*cellW + 1, Y: row.Y + 1, W: cellW - 2, H: cellH - 2, Count: len(items), Class: "none"}
			cell.TextX, cell.TextY = cell.X+cell.W/2, cell.Y+cell.H/2+5
			var titles []string
			for _, it := range items {
				titles = append(titles, it.title)
				if it.status == check.ReviewDue {
					cell.Class = "due"
				} else if cell.Class == "none" {
					cell.Class = "some"
				}
			}
			if month.Before(time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)) {
				cell.Class = "past"
			}
			scheduled += len(items)
			cell.Title = fmt.Sprintf("%s %d: %d %s due", month.Month(), y, len(items), plural(len(items), "review", "reviews"))
			if len(titles) > 0 {
				slices.Sort(titles)
				cell.Title += ": " + strings.Join(titles, ", ")
			}
			row.Cells = append(row.Cells, cell)
		}
		c.Years = append(c.Years, row)
	}
	slices.Sort(overdue)
	c.Overdue = calendarCell{X: 4, Y: calendarTop + 1, W: overdueW, H: cellH*2 - 2, Count: len(overdue), Class: "overdue"}
	c.Overdue.TextX, c.Overdue.TextY = c.Overdue.X+c.Overdue.W/2, c.Overdue.Y+cellH+6
	c.Overdue.Title = fmt.Sprintf("%d %s overdue", len(overdue), plural(len(overdue), "review", "reviews"))
	if len(overdue) > 0 {
		c.Overdue.Title += ": " + strings.Join(overdue, ", ")
	}
	if len(overdue) == 0 {
		c.Overdue.Class = "none"
	}
	c.Height = max(calendarTop+float64(len(c.Years))*cellH, calendarTop+cellH*2) + 8
	c.Desc = fmt.Sprintf("%d %s overdue; %d scheduled from %s to %d", len(overdue), plural(len(overdue), "review", "reviews"), scheduled, today.Format("January 2006"), lastYear)
	if len(unknown) > 0 {
		c.Desc += fmt.Sprintf("; %d %s no review date", len(unknown), plural(len(unknown), "article has", "articles have"))
	}
	c.Desc += "."
	return c
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
