package site

// The schema.org MedicalWebPage description of an article, embedded as
// JSON-LD so that search engines and health portals can read who reviewed
// the page, when, and on what evidence.

type jsonLDPage struct {
	Context      string           `json:"@context"`
	Type         string           `json:"@type"`
	Name         string           `json:"name"`
	Description  string           `json:"description"`
	URL          string           `json:"url"`
	InLanguage   string           `json:"inLanguage"`
	LastReviewed string           `json:"lastReviewed,omitempty"`
	DateModified string           `json:"dateModified,omitempty"`
	ReviewedBy   *jsonLDPerson    `json:"reviewedBy,omitempty"`
	Audience     jsonLDAudience   `json:"audience"`
	About        jsonLDThing      `json:"about"`
	Citation     []jsonLDCitation `json:"citation,omitempty"`
	Keywords     []string         `json:"keywords,omitempty"`
	IsPartOf     jsonLDWebSite    `json:"isPartOf"`
}

type jsonLDPerson struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type jsonLDAudience struct {
	Type         string `json:"@type"`
	AudienceType string `json:"audienceType"`
}

type jsonLDThing struct {
	Type          string   `json:"@type"`
	Name          string   `json:"name"`
	AlternateName []string `json:"alternateName,omitempty"`
}

type jsonLDCitation struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type jsonLDWebSite struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

func (s *Site) medicalWebPage(a *Doc) jsonLDPage {
	title, _ := s.titles()
	p := jsonLDPage{
		Context:     "https://schema.org",
		Type:        "MedicalWebPage",
		Name:        a.Title,
		Description: a.Summary,
		URL:         s.Config.BaseURL + a.URL(),
		InLanguage:  s.Language.Code,
		Audience:    jsonLDAudience{Type: "MedicalAudience", AudienceType: "Patient"},
		About:       jsonLDThing{Type: "Thing", Name: a.Title, AlternateName: a.Synonyms},
		Keywords:    a.Tags,
		IsPartOf:    jsonLDWebSite{Type: "WebSite", Name: title, URL: s.Config.BaseURL + s.Language.Prefix()},
	}
	if !a.LastReviewed.IsZero() {
		p.LastReviewed = a.LastReviewed.Format("2006-01-02")
		p.DateModified = p.LastReviewed
	}
	if a.ReviewedBy != "" {
		p.ReviewedBy = &jsonLDPerson{Type: "Person", Name: a.ReviewedBy}
	}
	for _, src := range a.Sources {
		p.Citation = append(p.Citation, jsonLDCitation{Type: "CreativeWork", Name: src.Title, URL: src.URL})
	}
	return p
}
