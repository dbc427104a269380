package check

import (
	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/diag"
)

// siteWide reports what belongs to no one article: images on glossary
// terms and pages, a missing feedback address. (Unused glossary terms
// are the build's finding, term-unused.)
func (c *checker) siteWide() diag.List {
	var list diag.List
	for _, d := range c.site.Terms {
		list = append(list, imageFindings(d)...)
	}
	for _, d := range c.site.Pages {
		list = append(list, imageFindings(d)...)
	}
	if c.site.Config.FeedbackURL == "" {
		list = append(list, diag.Warnf(config.FileName, 1, 1, "no feedback_url: give readers a way to report a mistake on a page, as feedback_url: mailto:library@clinic.example").WithRule(RuleFeedback))
	}
	return list
}
