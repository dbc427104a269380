package check

import (
	"regexp"
	"strings"
)

// The medical-word list that jargon judges words by: a small embedded
// list of the roots and words that mark a term as technical in patient
// education, in English and Spanish. It is a heuristic with known limits
// (see the package documentation): a technical word it does not know
// passes, and a word it knows is judged by its form, not by whether the
// site's readers happen to know it.
var (
	// technicalSuffixes end technical words: diseases (-itis, -osis),
	// blood and urine findings (-emia, -uria), procedures (-ectomy,
	// -scopy), nerve and enzyme chemistry (-ergic, -kinase).
	technicalSuffixes = []string{
		"itis", "emia", "osis", "ectomy", "otomy", "ostomy", "plasty", "scopy", "ography", "pathy", "algia",
		"uria", "ergic", "plasia", "trophy", "genesis", "lysis", "cardia", "kinase", "oxidase", "esterase",
		"reductase", "synthase", "hydroxylase", "carboxylase", "transferase", "rrhea", "rrhoea", "emesis",
		// Spanish
		"ectomía", "scopia", "grafía", "patía", "érgico", "érgica", "lisis",
	}
	// technicalPrefixes start technical words: the body's systems and
	// organs as Greek and Latin name them (neuro-, cardio-, hepat-), above
	// and below the normal (hyper-, hypo-). A word must be 4 letters
	// longer than its prefix ("hyperactivity", not "hypo").
	technicalPrefixes = []string{
		"neuro", "cardio", "hepat", "nephr", "gastro", "hypo", "hyper", "endocrin", "osteo", "immuno",
		"pharmaco", "thrombo", "cyto", "encephal", "hemat", "haemat", "hemo", "haemo", "intraven",
		"intramusc", "subcutan", "myocard", "cerebro",
		// Spanish
		"hipo", "hiper", "inmuno", "farmaco", "fármaco", "trombo", "encefal",
	}
	// technicalWords are technical words the roots miss, in the singular:
	// the chemistry of nerves and mood, and the words of studies and
	// prescribing. The messengers that the news has made household words
	// (serotonin, dopamine, melatonin, cortisol, endorphins) are left out.
	technicalWords = wordSet("synapse synaptic receptor reuptake precursor cofactor metabolism metabolite metabolize " +
		"metabolise circadian amygdala hippocampus prefrontal cortex axon dendrite vesicle catecholamine monoamine " +
		"norepinephrine noradrenaline epinephrine acetylcholine adenosine glutamate glutamine tyrosine tryptophan " +
		"phenylalanine choline histamine inhibitor agonist antagonist placebo efficacy contraindication contraindicated " +
		"titrate titration comorbid comorbidity idiopathic etiology aetiology prophylaxis prophylactic bioavailability " +
		"biomarker assay myoclonus clonus arrhythmia anticholinergic sedative benzodiazepine peptide enzyme homocysteine " +
		"pituitary adrenal hypothalamic " +
		// Spanish
		"sinapsis sináptico sináptica receptor recaptación precursor cofactor metabolismo metabolito circadiano " +
		"circadiana amígdala hipocampo corteza axón norepinefrina noradrenalina epinefrina acetilcolina adenosina " +
		"glutamato glutamina tirosina triptófano fenilalanina colina histamina inhibidor agonista antagonista placebo " +
		"eficacia contraindicado contraindicada enzima hipófisis suprarrenal")
	// everydayWords look technical by their form but are words most
	// readers know.
	everydayWords = wordSet("diagnosis prognosis analysis paralysis sympathy empathy apathy antipathy telepathy nostalgia " +
		"photography biography geography bibliography trophy arthritis hypothesis hyperactive hyperlink hypocrite " +
		"diagnóstico análisis parálisis simpatía empatía apatía telepatía fotografía biografía geografía artritis " +
		"hipótesis hipoteca")
	// chemicalName is a name such as L-dopa, N-acetylcysteine or
	// 5-hydroxytryptophan: a chemist's prefix (the capitals that name a
	// form or an atom: D, L, N, R, S), or a number before a chemical's
	// root, then a hyphen. A number before any other word is a measure
	// ("24-hour", "2-week"), and another capital an everyday word
	// ("X-ray", "T-shirt").
	chemicalName = regexp.MustCompile(`^(?:[DLNRS]-[a-z]{3,}|\d+-(?:hydroxy|methyl|methoxy|amino|fluoro|chloro|bromo|iodo|ethyl|propyl|butyl|phenyl|acetyl|nitro|oxo|keto|deoxy|dihydro|tetrahydro|carboxy|formyl|sulfo|phospho)[a-z]*)$`)
	// technicalAdjectives are the list's words that go before a noun
	// ("adrenal glands"), besides those of an adjective's ending (-ic,
	// -al, -ary): such a word is explained with the noun it goes with.
	technicalAdjectives = wordSet("circadian comorbid contraindicated prefrontal")
)

// modifier reports whether a technical word (technical's key) goes
// before a noun as "adrenal" in "adrenal glands" does.
func modifier(key string) bool {
	return technicalAdjectives[key] || strings.HasSuffix(key, "ic") || strings.HasSuffix(key, "al") || strings.HasSuffix(key, "ary")
}

// technical reports whether a word looks like a technical term, by the
// medical-word list, and returns the form it is known by (lower case, in
// the singular where the list knows it), so that a term is judged once
// per article.
func technical(word string) (string, bool) {
	if chemicalName.MatchString(word) {
		return strings.ToLower(word), true
	}
	w := strings.ToLower(word)
	if len(w) < 5 || everydayWords[w] {
		return "", false
	}
	// receptors, receptores and enzymes are the list's receptor and enzyme.
	for _, form := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
		if technicalWords[form] {
			return form, true
		}
	}
	key := w
	if !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "us") {
		key = strings.TrimSuffix(w, "s")
	}
	if everydayWords[key] {
		return "", false
	}
	for _, s := range technicalSuffixes {
		if strings.HasSuffix(key, s) && len(key) > len(s)+2 {
			return key, true
		}
	}
	for _, p := range technicalPrefixes {
		if strings.HasPrefix(key, p) && len(key) >= len(p)+4 {
			return key, true
		}
	}
	return "", false
}
