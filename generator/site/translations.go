package site

import (
	"time"

	"github.com/handout-health/handout/generator/diag"
)

// pairTranslations links each translation to its source: the
// default-language document named by its translation_of: key, or else the
// one beside it with the same name (serotonin.md for serotonin.es.md). It
// reports
// translation_of: keys that name nothing, two translations of one source
// into one language, and, as warnings, stale translations: those whose
// source was reviewed after them.
func (s *Site) pairTranslations() diag.List {
	var list diag.List
	for _, d := range s.All() {
		d.Translations = nil
	}
	for _, t := range s.Translations {
		by := map[*Doc]*Doc{}
		for _, d := range t.All() {
			d.Source = nil
			var src *Doc
			if d.TranslationOf != "" {
				cd, ok := s.Names.Lookup(d.TranslationOf)
				switch {
				case !ok:
					list = append(list, diag.Errorf(d.Path, d.KeyLine("translation_of"), 1, "translation_of: no document in %s is called %q", s.Language.Name, d.TranslationOf))
				case cd.Kind != d.Kind:
					list = append(list, diag.Errorf(d.Path, d.KeyLine("translation_of"), 1, "translation_of: %q is a %s, and this is a %s", d.TranslationOf, cd.Kind, d.Kind))
				default:
					src = s.byPath[cd.Path]
				}
			} else if name := d.SourceName(); name != "" {
				src = s.byPath[name]
				if src != nil && src.Kind != d.Kind {
					src = nil
				}
			}
			if src == nil {
				continue
			}
			if other, ok := by[src]; ok {
				list = append(list, diag.Errorf(d.Path, d.KeyLine("translation_of"), 1, "%s is translated into %s twice: by %s and by this file", src.Path, t.Language.Name, other.Path))
				continue
			}
			by[src] = d
			d.Source = src
			src.Translations = append(src.Translations, d)
			if d.Stale() {
				list = append(list, diag.Warnf(d.Path, d.KeyLine("last_reviewed"), 1,
					"stale translation: reviewed %s, but its source %s was reviewed %s; check the translation against the source and update last_reviewed",
					d.LastReviewed.Format(time.DateOnly), src.Path, src.LastReviewed.Format(time.DateOnly)).WithRule(diag.RuleTranslationStale))
			}
		}
	}
	return list
}
