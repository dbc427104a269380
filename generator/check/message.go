package check

import (
	"regexp"
	"strings"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/readability"
)

// topics is how a language names a page's topic instead of saying its
// message, and how it asks the reader to act, for topic-only.
type topics struct {
	// naming matches a sentence that only says what the page is about:
	// "This page explains…", "X is a name for…".
	naming *regexp.Regexp
	// imperatives start a sentence that asks the reader to act ("Talk to
	// your doctor"); asking matches the other ways of asking ("you can",
	// "make sure").
	imperatives map[string]bool
	asking      *regexp.Regexp
	// promising matches what only promises help, "what you can do",
	// which asks nothing yet.
	promising *regexp.Regexp
}

var (
	englishTopics = topics{
		naming: regexp.MustCompile(`(?i)^(?:(?:this|the) (?:page|article|leaflet|handout|guide|section|sheet|fact sheet|topic) (?:explains|describes|covers|is about|tells you about|looks at|gives information|discusses|will explain|will tell|talks about|answers|reviews|outlines|introduces)\b|(?:here|in this (?:page|article|guide|leaflet)),? (?:you|we)\b|(?:learn|read|find out) (?:about|more|what|how|why)\b)|\b(?:is|are) (?:a|an|the) (?:name|term|word|label|umbrella term|general term|catch-all term) (?:for|used|given|that)\b`),
		imperatives: wordSet("ask talk call see take keep avoid try stop get check tell go eat drink limit choose make use do don't " +
			"never always read follow write bring seek find start plan put store wash wear be have give let cut aim walk rest " +
			"sleep set turn contact visit book text speak share protect watch skip wait look consider discuss report note " +
			"remember move spend switch"),
		asking:    regexp.MustCompile(`(?i)\b(?:you can|you could|you should|you may want to|you need to|try to|be sure to|make sure|it helps to|it is best to|it's best to|talk to|talk with|ask your|call your|see your|tell your|check with)\b`),
		promising: regexp.MustCompile(`(?i)\b(?:what|how|things|ways)\s+(?:you can|you could|you should|to)\b`),
	}
	spanishTopics = topics{
		naming: regexp.MustCompile(`(?i)^(?:(?:esta|la) (?:página|hoja|guía|sección)|(?:este|el) (?:artículo|folleto|texto|tema)) (?:explica|describe|trata|habla|cuenta|presenta|resume|repasa)\b|^(?:aquí|en esta página|en este artículo),? (?:usted|le|encontrará|aprenderá|verá|explicamos)\b|^(?:conozca|descubra|aprenda|lea) (?:sobre|más|qué|cómo|por qué)\b|\b(?:es|son) (?:un|el|una) (?:nombre|término|palabra) (?:para|que|con)\b`),
		imperatives: wordSet("hable pregunte llame consulte evite tome mantenga vaya busque coma beba limite intente deje use lleve " +
			"anote revise pida acuda haga duerma camine descanse lea siga escriba elija guarde no nunca tenga sea cuide apague " +
			"salga póngase acuéstese levántese dígale cuéntele recuerde muévase"),
		asking:    regexp.MustCompile(`(?i)\b(?:usted puede|usted debe|le conviene|trate de|asegúrese|es mejor que|hable con|consulte con|pregunte a|llame al?)\b`),
		promising: regexp.MustCompile(`(?i)\b(?:qué|cómo|lo que)\s+(?:usted\s+)?(?:puede|debe)\b`),
	}
)

// asks reports whether a sentence asks the reader to do something; a
// promise such as "what you can do" is no request.
func (t *topics) asks(s string) bool {
	words := readability.Words(s)
	return len(words) > 0 && t.imperatives[strings.ToLower(words[0])] || t.asking.MatchString(t.promising.ReplaceAllString(s, ""))
}

// topicOnly reports a summary, and a first paragraph, that name the
// article's topic ("This page explains…") and ask nothing of the reader.
// The summary is found at its front-matter key, since the front matter
// is not prose; the first paragraph at its sentence.
func (a *articleCheck) topicOnly() diag.List {
	t := a.lang.topics
	if t == nil {
		return nil
	}
	var list diag.List
	if s, ok := onlyNames(t, readability.Sentences(a.doc.Summary)); ok {
		list = append(list, diag.Warnf(a.doc.Path, a.doc.KeyLine("summary"), 1, "the summary only names the topic (%s) and asks nothing of the reader: say the main message and one thing to do, as “Most adults need 7 hours of sleep. Keep the same bedtime every day.”", quote(s)).WithRule(diag.RuleTopicOnly))
	}
	first := a.firstParagraph()
	if first < 0 {
		return list
	}
	var texts []string
	var at []int
	for i, s := range a.prose.sentences {
		if s.block == first {
			texts = append(texts, s.text)
			at = append(at, i)
		}
	}
	if s, ok := onlyNames(t, texts); ok {
		i := at[indexOf(texts, s)]
		line, col := a.where(i)
		list = append(list, diag.Warnf(a.doc.Path, line, col, "the first paragraph only names the topic (%s) and asks nothing of the reader: start with the main message and one thing to do", quote(s)).WithRule(diag.RuleTopicOnly))
	}
	return list
}

// onlyNames returns the sentence of sentences that names the topic, when
// none of them asks the reader to act.
func onlyNames(t *topics, sentences []string) (string, bool) {
	naming := ""
	for _, s := range sentences {
		if t.asks(s) {
			return "", false
		}
		if naming == "" && t.naming.MatchString(strings.TrimLeft(s, `"“'‘*_`)) {
			naming = s
		}
	}
	return naming, naming != ""
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// firstParagraph is the index in Result.Blocks of the article's first
// paragraph, or -1 when it has none.
func (a *articleCheck) firstParagraph() int {
	for _, i := range a.prose.blocks {
		if a.doc.Result.Blocks[i].Kind == markdown.Paragraph {
			return i
		}
	}
	return -1
}

// passiveMessages reports a main message in the passive voice: the
// summary's first sentence and the first sentence of the lede and of each
// section (when the section starts with a paragraph), which readers take
// as what the page or section is telling them.
func (a *articleCheck) passiveMessages() diag.List {
	v := a.lang.voice
	if v == nil {
		return nil
	}
	var list diag.List
	if sentences := readability.Sentences(a.doc.Summary); len(sentences) > 0 {
		if phrase, _ := v.passive(readability.Words(sentences[0])); phrase != "" {
			list = append(list, diag.Warnf(a.doc.Path, a.doc.KeyLine("summary"), 1, "the summary's main message is in the passive voice (“%s”): say who does what, as “Your doctor checks…” rather than “… is checked”: %s", phrase, quote(sentences[0])).WithRule(diag.RulePassiveVoice))
		}
	}
	seen := map[string]bool{}
	for i, s := range a.prose.sentences {
		if s.nth != 0 || seen[s.section] {
			continue
		}
		seen[s.section] = true
		if a.doc.Result.Blocks[s.block].Kind != markdown.Paragraph {
			continue
		}
		phrase, be := v.passive(s.words)
		if phrase == "" {
			continue
		}
		where := "section’s"
		if s.section == "" {
			where = "article’s"
		}
		list = append(list, a.wordFinding(i, be, diag.RulePassiveVoice, "the %s first sentence is in the passive voice (“%s”): say who does what, as “Your doctor checks…” rather than “… is checked”", where, phrase))
	}
	return list
}

// wordCount is the number of words in s, as readability splits them: the
// index of the word that follows s in its sentence.
func wordCount(s string) int { return len(readability.Words(s)) }
