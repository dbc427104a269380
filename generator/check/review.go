package check

import (
	"fmt"
	"time"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/site"
)

// review judges an article's review record against today.
func (c *checker) review(d *site.Doc) (Review, diag.List) {
	var list diag.List
	warn := func(key, rule, format string, args ...any) {
		list = append(list, diag.Warnf(d.Path, d.KeyLine(key), 1, format, args...).WithRule(rule))
	}
	r := Review{ReviewedBy: d.ReviewedBy, LastReviewed: isoOrEmpty(d.LastReviewed), NextReview: isoOrEmpty(d.NextReview), Status: ReviewUnknown}
	if d.ReviewedBy == "" {
		warn("reviewed_by", diag.RuleReviewMissing, "no reviewed_by: name the clinician who reviewed this article, as reviewed_by: \"A. Clinician, PharmD\"")
	}
	if d.LastReviewed.IsZero() {
		warn("last_reviewed", diag.RuleReviewMissing, "no last_reviewed: give the date of the last clinical review, as last_reviewed: %s", c.today.Format(isoDate))
	} else if last := content.Day(d.LastReviewed); last.After(c.today) {
		warn("last_reviewed", diag.RuleReviewDate, "last_reviewed %s is in the future (today is %s)", last.Format(isoDate), c.today.Format(isoDate))
	}
	if len(d.Sources) == 0 {
		warn("sources", diag.RuleSourcesMissing, "no sources: list the evidence behind this article under sources: (title and url)")
	}
	if d.NextReview.IsZero() {
		return r, list
	}
	next := content.Day(d.NextReview)
	r.DaysLeft = daysBetween(c.today, next)
	// The message points at next_review when it is written, else at the
	// last_reviewed it was computed from.
	key := "next_review"
	if _, ok := d.KeyLines[key]; !ok {
		key = "last_reviewed"
	}
	warnDays := c.site.Config.Review.WarnDays
	switch {
	case r.DaysLeft < 0:
		r.Status = ReviewOverdue
		warn(key, diag.RuleReviewOverdue, "review overdue: the next review was due on %s, %s ago%s", next.Format(isoDate), days(-r.DaysLeft), lastReviewedClause(d))
	case r.DaysLeft <= warnDays:
		r.Status = ReviewDue
		when := "today"
		if r.DaysLeft > 0 {
			when = "in " + days(r.DaysLeft)
		}
		warn(key, diag.RuleReviewDue, "review due on %s, %s (review.warn_days is %d)%s", next.Format(isoDate), when, warnDays, lastReviewedClause(d))
	default:
		r.Status = ReviewOK
	}
	return r, list
}

func lastReviewedClause(d *site.Doc) string {
	if d.LastReviewed.IsZero() {
		return ""
	}
	return "; last reviewed on " + d.LastReviewed.Format(isoDate)
}

func isoOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(isoDate)
}

// daysBetween counts whole days from a to b, both midnight UTC.
func daysBetween(a, b time.Time) int {
	return int(b.Sub(a).Round(time.Hour).Hours() / 24)
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
