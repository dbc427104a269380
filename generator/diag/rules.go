package diag

// The rules, as Diagnostic.Rule and the JSON report name them: every
// finding of a check that an editor may look up or a CI job may filter by
// carries one. They are declared here, once, for every stage that reports
// them (the build's stages, package consent, package check).
const (
	// RuleLink is a link that resolves to nothing.
	RuleLink = "link"
	// RuleConsent is a request to a third party that no consent category
	// gates, or script that content would add (package consent).
	RuleConsent = "consent"
	// RuleRawHTML is raw HTML that the sanitizer removed from a document
	// because it could run script (package markdown/rawhtml).
	RuleRawHTML = "raw-html"
	// RuleSectionMissing is a required section an article lacks.
	RuleSectionMissing = "section-missing"
	// RuleSectionOrder is an article whose sections are out of the
	// schema's order.
	RuleSectionOrder = "section-order"
	// RuleSectionDuplicate is a schema section written twice.
	RuleSectionDuplicate = "section-duplicate"
	// RuleTermUnused is a glossary term no article uses.
	RuleTermUnused = "term-unused"
	// RuleTranslationStale is a translation whose source was reviewed
	// after it.
	RuleTranslationStale = "translation-stale"
	// RuleReadability is an article over the site's reading-grade target.
	RuleReadability = "readability"
	// RuleReviewOverdue, RuleReviewDue, RuleReviewMissing and
	// RuleReviewDate are an article's review: past due, due soon, with no
	// reviewer or date, and with dates that contradict each other.
	RuleReviewOverdue = "review-overdue"
	RuleReviewDue     = "review-due"
	RuleReviewMissing = "review-missing"
	RuleReviewDate    = "review-date"
	// RulePlaceholder is a reviewer or source that is still a
	// placeholder, such as what handout new writes.
	RulePlaceholder = "placeholder"
	// RuleSourcesMissing is an article with no sources.
	RuleSourcesMissing = "sources-missing"
	// RuleImageAlt is an image without a description.
	RuleImageAlt = "image-alt"
	// RuleImage is an image the build cannot show: damaged, not an image,
	// or too large.
	RuleImage = "image"
	// RuleVideoTranscript is a video with no transcript line under it.
	RuleVideoTranscript = "video-transcript"
	// RuleAcronym is an acronym used before it is explained.
	RuleAcronym = "acronym"
	// RuleJargon is a technical term used before it is explained.
	RuleJargon = "jargon"
	// RuleListLength and RuleSentenceLength are a list or a sentence too
	// long to take in at once.
	RuleListLength     = "list-length"
	RuleSentenceLength = "sentence-length"
	// RuleNumberWords is a figure that a reader would take in better as a
	// count of people, or a number written in words that reads faster as
	// a numeral.
	RuleNumberWords = "number-words"
	// RuleSectionTitles is a site whose articles show schema sections
	// under their schema names (Mechanism) for want of a reader-facing
	// title.
	RuleSectionTitles = "section-titles"
	// RuleFigureMissing is an article with no picture.
	RuleFigureMissing = "figure-missing"
	// RuleTopicOnly is a summary or first paragraph that only names its
	// topic and asks nothing of the reader.
	RuleTopicOnly = "topic-only"
	// RuleToolMissing is an article that asks the reader to keep a list,
	// diary, log or record and gives no checklist, table or template.
	RuleToolMissing = "tool-missing"
	// RulePassiveVoice is a main message in the passive voice.
	RulePassiveVoice = "passive-voice"
	// RuleCrisisLine is an article on mood or self-harm that does not give
	// the site's crisis line.
	RuleCrisisLine = "crisis-line"
	// RulePrintPages is an article whose leaflet prints on more pages
	// than print.max_pages.
	RulePrintPages = "print-pages"
	// RuleFeedback is a site with no way for readers to report a mistake.
	RuleFeedback = "feedback"
	// RuleTemplateUnused is a file of a site's templates/ that the theme
	// never reads (a path the theme does not have).
	RuleTemplateUnused = "template-unused"
	// RuleCallout is a callout marker that names no kind ([!WARNIG]).
	RuleCallout = "callout"
	// RuleEmergencyNumber is an emergency callout on a site that gives no
	// emergency number to call.
	RuleEmergencyNumber = "emergency-number"
)
