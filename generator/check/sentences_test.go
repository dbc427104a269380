package check

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/diag"
)

// The table tests of the plain-language rules of issue 25: each runs real
// sentences, of the kind patient-education pages such as MedlinePlus's
// are written in, through the whole check, one article per sentence, and
// says which the rule reports (want: a part of its message) and which it
// must leave alone (want "").

// sentenceCase is one sentence, or a short piece of Markdown, and what a
// rule should make of it.
type sentenceCase struct {
	lang, text, want string
}

// spanishSections is sections in Spanish.
const spanishSections = `El sueño es descanso para el cuerpo y la mente. ![Una persona dormida](/img/bed.png)

## Contexto

Usted duerme cada noche. Le ayuda a sentirse bien.

## Mecanismo

Su cerebro va más despacio. Su corazón late más lento.

## Aplicación

Acuéstese a la misma hora. Mantenga su cuarto a oscuras.

## Medición

Casi todos los adultos necesitan de 7 a 9 horas cada noche.

## Riesgos

Dormir poco puede cansarle. Hable con su médico si duerme mal.
`

// placement puts a case's text where its rule looks, in the body of its
// language, and returns the article.
type placement func(lang, text string) string

// body returns the clean body of a language with old replaced by new in
// it; old is named in English and found in Spanish by its translation.
func body(lang, old, new string) string {
	if lang == "es" {
		old = map[string]string{
			"Go to bed at the same time. Keep your room dark.": "Acuéstese a la misma hora. Mantenga su cuarto a oscuras.",
			"You sleep each night. It helps you feel well.":    "Usted duerme cada noche. Le ayuda a sentirse bien.",
			" ![A person asleep in bed](/img/bed.png)":         " ![Una persona dormida](/img/bed.png)",
		}[old]
		return strings.Replace(spanishSections, old, new, 1)
	}
	return strings.Replace(sections, old, new, 1)
}

// front is the front matter of a case's article in its language.
func front(lang string) string {
	fm := frontMatter
	if lang == "es" {
		fm = strings.Replace(strings.Replace(fm, "title: Sleep", "title: Sueño\nlang: es", 1), "Sleep helps your body rest.", "Dormir ayuda a que su cuerpo descanse.", 1)
	}
	return fm
}

var (
	// inApplication puts the text in place of the application section.
	inApplication placement = func(lang, text string) string {
		return article(front(lang), body(lang, "Go to bed at the same time. Keep your room dark.", text))
	}
	// firstOfContext makes the text the first of the context section.
	firstOfContext placement = func(lang, text string) string {
		return article(front(lang), body(lang, "You sleep each night. It helps you feel well.", text))
	}
	// asSummary makes the text the article's summary.
	asSummary placement = func(lang, text string) string {
		fm := front(lang)
		old := "summary: Sleep helps your body rest."
		if lang == "es" {
			old = "summary: Dormir ayuda a que su cuerpo descanse."
		}
		return article(strings.Replace(fm, old, "summary: "+text, 1), body(lang, "", ""))
	}
	// inLede makes the text the first paragraph, in place of the
	// picture.
	inLede placement = func(lang, text string) string {
		return article(front(lang), text+"\n\n"+body(lang, " ![A person asleep in bed](/img/bed.png)", ""))
	}
)

// checkSentences checks one article per case, all in one site (site.yaml
// is siteYAML with extraYAML and languages English and Spanish), and
// compares each article's findings of rule with what its case wants.
func checkSentences(t *testing.T, rule string, place placement, extraYAML string, cases []sentenceCase) {
	t.Helper()
	if len(cases) < 10 {
		t.Fatalf("%d cases: a rule's table has at least 10 sentences", len(cases))
	}
	articles := map[string]string{}
	for i, c := range cases {
		articles[fmt.Sprintf("case%02d.md", i)] = place(c.lang, c.text)
	}
	fsys := testSite(articles, nil)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML + "languages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n" + extraYAML)}
	r := run(t, fsys, Options{})
	byPath := map[string]diag.List{}
	for _, d := range of(r, rule) {
		byPath[d.Path] = append(byPath[d.Path], d)
	}
	for i, c := range cases {
		got := byPath[fmt.Sprintf("content/articles/case%02d.md", i)]
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: want no %s finding, got:\n%s", c.text, rule, got)
		case c.want != "" && len(got) == 0:
			t.Errorf("%s: want a %s finding with %q, got none", c.text, rule, c.want)
		case c.want != "" && !strings.Contains(got[0].Message, c.want):
			t.Errorf("%s: the %s finding lacks %q:\n%s", c.text, rule, c.want, got)
		}
	}
}

func TestJargonSentences(t *testing.T) {
	checkSentences(t, diag.RuleJargon, inApplication, "", []sentenceCase{
		{"en", "Your body turns it into L-dopa, and then into dopamine.", "“L-dopa” is a technical word"},
		{"en", "L-dopa (a chemical your body makes dopamine from) is also a medicine for Parkinson's disease.", ""},
		{"en", "These medicines block reuptake, so more serotonin stays between nerve cells.", "“reuptake”"},
		{"en", "After a message is sent, the first cell pulls the messenger back in. This is called reuptake.", ""},
		{"en", "When there is too little salt in your blood, doctors call it hyponatremia.", ""},
		{"en", "Caffeine blocks adenosine, a chemical that builds up while you are awake.", ""},
		{"en", "Some people get tachycardia after too much coffee.", "“tachycardia”"},
		{"en", "Tell your doctor if you have arthritis or asthma.", ""},
		{"en", "The test looks for neurotransmitters in your urine.", "“neurotransmitters”"},
		{"en", "Glutamate speeds nerve cells up.", ""},
		{"en", "It then fits into a receptor on the next cell. A receptor is a docking spot, like a lock for a key.", ""},
		{"en", "Ask your doctor before you take tryptophan pills.", "“tryptophan”"},
		{"es", "El cuerpo convierte la tirosina en L-dopa.", "“tirosina”"},
		{"es", "Una pared de células, llamada barrera hematoencefálica, protege el cerebro.", ""},
		{"es", "Estos medicamentos frenan la recaptación de serotonina.", "“recaptación”"},
		// A number before a hyphen is a chemical's name only when a
		// chemical's root follows it; a capital, only a chemist's prefix.
		{"en", "Caffeine can shift your body clock, your brain's 24-hour cycle of sleep and waking.", ""},
		{"en", "Keep a 2-week record of how you sleep.", ""},
		{"en", "Do not take 5-hydroxytryptophan with these medicines.", "“5-hydroxytryptophan”"},
		{"en", "You may need an X-ray of your chest.", ""},
		// An appositive in the plural explains, and one after a list
		// explains the list; the next item of a list does not.
		{"en", "It then fits into receptors, docking spots on the next cell.", ""},
		{"en", "These medicines act on receptors, enzymes and pumps in the brain.", "“receptors”"},
		{"en", "Activity changes serotonin, dopamine and norepinephrine, chemical messengers that play a part in mood.", ""},
		{"en", "Your body uses it to make dopamine and norepinephrine, 2 brain signals, and thyroid hormone.", ""},
		{"en", "Ask about receptors, so your doctor can explain them.", "“receptors”"},
		{"es", "Luego, unas enzimas, proteínas que descomponen sustancias químicas, la eliminan.", ""},
		{"es", "Estos medicamentos actúan sobre receptores, enzimas y bombas del cerebro.", "“receptores”"},
		// Naming what was just described: "doctors call ...", "se llama ...".
		{"en", "The first cell takes it back in, which doctors call reuptake.", ""},
		{"en", "A small area of your brain keeps time. Doctors call this cycle your circadian rhythm.", ""},
		{"es", "La primera célula vuelve a tomarla. Esto se llama recaptación.", ""},
		{"es", "Una zona del cerebro lleva la hora. Los médicos llaman a este ciclo ritmo circadiano.", ""},
		// A technical adjective is explained with the noun it goes with;
		// a noun is not explained by what is said of the next word.
		{"en", "Nerves signal the adrenal glands, which sit on top of your kidneys.", ""},
		{"en", "Ask your doctor about tryptophan pills, which some stores sell.", "“tryptophan”"},
	})
}

func TestAcronymSentences(t *testing.T) {
	checkSentences(t, diag.RuleAcronym, inApplication, "", []sentenceCase{
		{"en", "Your doctor may suggest an SSRI.", "acronym SSRI is not explained"},
		{"en", "Selective serotonin reuptake inhibitors (SSRIs) are the most common choice.", ""},
		{"en", "SSRIs, or selective serotonin reuptake inhibitors, are the most common choice.", ""},
		{"en", "Many antidepressants, such as SSRIs, SNRIs and MAOIs, raise serotonin.", "acronym SSRI"},
		{"en", "Most dreams happen in REM sleep.", "acronym REM"}, // a glossary name
		{"en", "REM stands for rapid eye movement.", ""},
		{"en", "Its full name is 5-hydroxytryptamine, so you may see it written as 5-HT.", ""},
		{"en", "It is OK to nap for 20 minutes.", ""},
		{"en", "The CDC says adults need 7 or more hours of sleep.", "acronym CDC"},
		{"en", "GABA is a brain chemical that calms nerve cells.", ""},
		{"en", "Ask your GP about it.", "acronym GP"},
		{"es", "La OMS recomienda 150 minutos de actividad por semana.", "acronym OMS"},
		{"es", "Los ISRS (inhibidores selectivos de la recaptación de serotonina) son los más usados.", ""},
	})
}

func TestNumberWordSentences(t *testing.T) {
	checkSentences(t, diag.RuleNumberWords, inApplication, "", []sentenceCase{
		{"en", "Write down when you sleep for two weeks.", "“two” is a number written as a word: write it as a numeral, 2,"},
		{"en", "Two systems work together to decide when you sleep.", ""},
		{"en", "Most adults need seven to nine hours of sleep.", "“seven”"},
		{"en", "No one type of medicine is best for everyone.", ""},
		{"en", "Take one tablet each morning.", "“one” is a number written as a word: write it as a numeral, 1,"},
		{"en", "You may feel better in one or two weeks.", "“one”"},
		{"en", "This is one of the most common side effects.", ""},
		{"en", "It takes about twenty-four hours to leave your body.", "a numeral, 24,"},
		{"en", "A course of three-day treatment is often enough.", "a numeral, 3-day,"},
		{"en", "You sleep in cycles of about 90 minutes.", ""},
		{"en", "There are 5 main kinds of these receptors.", ""},
		{"es", "Anote la hora durante dos semanas.", "“dos”"},
		{"es", "Dos sistemas deciden cuándo duerme.", ""},
		{"es", "Tome una pastilla cada mañana.", ""},
	})
}

func TestPassiveVoiceSentences(t *testing.T) {
	checkSentences(t, diag.RulePassiveVoice, firstOfContext, "", []sentenceCase{
		{"en", "Poor sleep is linked to low mood and weight gain.", "(“is linked”)"},
		{"en", "Serotonin syndrome is caused by too much serotonin in the body.", "(“is caused”)"},
		{"en", "Too much serotonin causes serotonin syndrome.", ""},
		{"en", "You may feel tired after a short night.", ""},
		{"en", "If you are worried about your sleep, talk to your doctor.", ""},
		{"en", "This hormone is called melatonin.", ""},
		{"en", "Tryptophan is found in milk, turkey and eggs.", "(“is found”)"},
		{"en", "Most antidepressants are taken once a day.", "(“are taken”)"},
		{"en", "Doctors have used these medicines for many years.", ""},
		{"en", "Some pills are not approved for sleep.", "(“are not approved”)"},
		{"en", "The need for sleep is greatest in teens.", ""},
		{"es", "El síndrome serotoninérgico es causado por el exceso de serotonina.", "(“es causado”)"},
		{"es", "El ejercicio mejora el ánimo.", ""},
		{"es", "Se recomienda dormir 7 horas.", ""}, // a "se" passive, which Spanish style accepts
		{"es", "Los medicamentos son tomados por la mañana.", "(“son tomados”)"},
	})
}

func TestPassiveSummary(t *testing.T) {
	checkSentences(t, diag.RulePassiveVoice, asSummary, "", []sentenceCase{
		{"en", "Amino acid pills are sold to raise brain chemicals.", "the summary's main message is in the passive voice (“are sold”)"},
		{"en", "Stores sell amino acid pills to raise brain chemicals, but most people do not need them.", ""},
		{"en", "Sleep helps your brain sort memories. It is needed by everyone.", ""}, // only the first sentence is the message
		{"en", "Caffeine is absorbed within an hour.", "(“is absorbed”)"},
		{"en", "Your body clock is set by light.", "(“is set”)"},
		{"en", "Light sets your body clock.", ""},
		{"en", "Stress hormones are released when you feel in danger.", "(“are released”)"},
		{"en", "Your body releases stress hormones when you feel in danger.", ""},
		{"en", "People who are tired make more mistakes.", ""},
		{"es", "Las pastillas de aminoácidos son vendidas en tiendas.", "(“son vendidas”)"},
		{"es", "Las tiendas venden pastillas de aminoácidos.", ""},
	})
}

func TestTopicOnlySentences(t *testing.T) {
	checkSentences(t, diag.RuleTopicOnly, asSummary, "", []sentenceCase{
		{"en", "This page explains how sleep works.", "the summary only names the topic (“This page explains how sleep works.”)"},
		{"en", "This article describes the risks of amino acid pills.", "only names the topic"},
		{"en", "Neurotransmitter optimization is a name for trying to change brain chemicals with diet and pills.", "only names the topic"},
		{"en", "This page explains how sleep works and what you can do to sleep better.", "only names the topic"},
		{"en", "Learn about the signs of serotonin syndrome.", "only names the topic"},
		{"en", "Sleep helps your brain store memories. Go to bed at the same time each night.", ""},
		{"en", "Antidepressants are medicines that ease depression. They take 2 to 6 weeks to work.", ""},
		{"en", "This page explains serotonin syndrome. Call 911 if you have a high fever and stiff muscles.", ""},
		{"en", "Here you will learn how caffeine affects your sleep.", "only names the topic"},
		{"en", "In this article, we look at B vitamins and the nervous system.", "only names the topic"},
		{"en", "Caffeine can keep you awake for hours. Stop drinking it after noon.", ""},
		{"es", "Esta página explica cómo funciona el sueño.", "only names the topic"},
		{"es", "El ejercicio mejora el ánimo. Camine 30 minutos al día.", ""},
	})
}

func TestTopicOnlyFirstParagraph(t *testing.T) {
	checkSentences(t, diag.RuleTopicOnly, inLede, "", []sentenceCase{
		{"en", "This page explains how caffeine works in the brain.", "the first paragraph only names the topic"},
		{"en", "Caffeine blocks a sleep signal in the brain. Stop drinking it 8 hours before bed.", ""},
		{"en", "\"Brain balance\" is a term for a set of diet and pill plans.", "the first paragraph only names the topic"},
		{"en", "Most adults need 7 or more hours of sleep. Keep the same bedtime every night.", ""},
		{"en", "This handout covers what to do if you miss a dose.", "the first paragraph only names the topic"},
		{"en", "If you miss a dose, take it as soon as you remember.", ""},
		{"en", "Read the label before you take any sleep aid.", ""},
		{"en", "This guide describes the warning signs of a stroke. Call 911 at the first sign.", ""},
		{"en", "The page is about omega-3 fatty acids.", "the first paragraph only names the topic"},
		{"en", "Omega-3 fatty acids are fats found in fish.", ""},
		{"es", "Este artículo trata de la cafeína y el sueño.", "the first paragraph only names the topic"},
		{"es", "La cafeína le quita el sueño. Evite el café por la tarde.", ""},
	})
}

func TestToolMissingSentences(t *testing.T) {
	checkSentences(t, diag.RuleToolMissing, inApplication, "", []sentenceCase{
		{"en", "Keep a sleep diary for 2 weeks.", "“Keep a sleep diary” asks the reader to keep a record"},
		{"en", "Keep a full list of the medicines and supplements you take.", "“Keep a full list”"},
		{"en", "Your clinician may ask you to keep a log of your headaches.", "“keep a log”"},
		{"en", "Keep a sleep diary for 2 weeks.\n\n| Day | Went to bed | Woke up |\n|---|---|---|\n| Monday | | |", ""},
		{"en", "Keep a list of your medicines:\n\n- [ ] Prescription medicines\n- [ ] Vitamins and supplements", ""},
		{"en", "Print our [sleep diary](https://example.org/sleep-diary.pdf) and keep a sleep diary for 2 weeks.", ""},
		{"en", "Keep your bedroom dark, quiet and cool.", ""},
		{"en", "Doctors may keep a record of your blood pressure.", ""},
		{"en", "Make a list of questions to ask your doctor.", "“Make a list”"},
		{"en", "Keep a list of your medicines:\n\n- Prescription medicines\n- Vitamins and supplements", "“Keep a list”"},
		{"es", "Lleve un diario del sueño durante 2 semanas.", "“Lleve un diario”"},
		{"es", "Tenga una lista de sus medicamentos:\n\n- [ ] Medicamentos con receta\n- [ ] Vitaminas", ""},
	})
}

func TestFigureSnippets(t *testing.T) {
	checkSentences(t, diag.RuleFigureMissing, inLede, "markdown:\n  unsafe: true\n", []sentenceCase{
		{"en", "Sleep is rest for your body.", "no picture: add one"},
		{"en", "![A drawing of a nerve cell sending serotonin across a gap](/img/bed.png)", ""},
		{"en", "![A chart of the stages of sleep](/img/bed.png \"The stages of sleep\")", ""},
		{"en", `<img src="/img/bed.png" alt="A chart of the stages of sleep">`, ""},
		{"en", `<figure><img src="/img/bed.png" alt="A chart"><figcaption>Sleep stages</figcaption></figure>`, ""},
		{"en", "`![a picture](/img/bed.png)` is how you add a picture.", "no picture"},
		{"en", "<!-- ![a picture](/img/bed.png) -->", "no picture"},
		{"en", "See [the sleep chart](/img/bed.png).", "no picture"},
		{"en", "    ![in a code block](/img/bed.png)", "no picture"},
		{"en", `<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>`, "no picture"}, // the sanitizer removes it
		{"en", "[![A chart of the stages of sleep](/img/bed.png)](/img/bed.png)", ""},
		{"es", "El sueño es descanso.", "no picture"},
	})
}

func TestCrisisLineArticles(t *testing.T) {
	tagged := func(tags, text string) string {
		return article(strings.Replace(frontMatter, "sources:", "tags: ["+tags+"]\nsources:", 1), strings.Replace(sections, "Go to bed at the same time.", text, 1))
	}
	spanish := func(tags, text string) string {
		return strings.Replace(strings.Replace(tagged(tags, text), "title: Sleep", "title: Sueño\nlang: es", 1), "Sleep helps your body rest.", "Dormir ayuda a descansar.", 1)
	}
	articles := []struct {
		file, want string
		severity   diag.Severity
	}{
		{tagged("mood", "Go to bed."), `this article is on mood ("mood") but does not give the crisis line, 988`, diag.Warning},
		{tagged("mood", "If you have thoughts of suicide, call or text 988."), "", 0},
		{tagged("sleep", "Some people with depression sleep too much."), "", 0},
		{tagged("sleep", "If you have thoughts of harming yourself, call a crisis line."), "speaks of suicide or self-harm but does not give the crisis line, 988", diag.Error},
		{tagged("depression", "Call or text 988 any time, day or night."), "", 0},
		{tagged("anxiety", "In a crisis, call your local emergency number or a crisis line."), `on mood ("anxiety")`, diag.Warning},
		{tagged("nutrition", "Tell your doctor if you think about suicide."), "speaks of suicide", diag.Error},
		{tagged("nutrition", "Eat a mix of protein foods each day."), "", 0},
		{tagged("mood", "Call 1988 for our clinic's helpline."), "does not give the crisis line", diag.Warning},
		{strings.Replace(tagged("sleep", "Go to bed."), "title: Sleep", "title: Low mood", 1), `on mood ("mood")`, diag.Warning},
		{spanish("ánimo", "Si piensa en el suicidio, llame o envíe un mensaje al 988."), "", 0},
		{spanish("sueño", "Si piensa en hacerse daño, busque ayuda ahora."), "llame o envíe un mensaje al 988", diag.Error},
	}
	files := map[string]string{}
	for i, a := range articles {
		files[fmt.Sprintf("case%02d.md", i)] = a.file
	}
	fsys := testSite(files, nil)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML + "languages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\ncontacts:\n  crisis: \"988\"\n")}
	found := map[string]diag.Diagnostic{}
	for _, d := range of(run(t, fsys, Options{}), diag.RuleCrisisLine) {
		found[d.Path] = d
	}
	for i, a := range articles {
		d, ok := found[fmt.Sprintf("content/articles/case%02d.md", i)]
		switch {
		case a.want == "" && ok:
			t.Errorf("case %d: want no finding, got %s", i, d)
		case a.want != "" && !ok:
			t.Errorf("case %d: want a finding with %q, got none", i, a.want)
		case ok && (!strings.Contains(d.Message, a.want) || d.Severity != a.severity):
			t.Errorf("case %d: want a %v with %q, got %s", i, a.severity, a.want, d)
		}
	}
	// A site with no crisis line has nothing to give.
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(siteYAML)}
	if got := of(run(t, fsys, Options{}), diag.RuleCrisisLine); len(got) > 0 {
		t.Errorf("no contacts.crisis: want no finding, got:\n%s", got)
	}
}

func TestSectionTitlesSites(t *testing.T) {
	titled := strings.TrimPrefix(sectionTitles, "sections:\n")
	untitle := func(id string) string {
		lines := strings.Split(titled, "\n")
		for i, l := range lines {
			if strings.Contains(l, "id: "+id+",") {
				lines[i] = strings.Replace(l, l[strings.Index(l, "title:"):strings.LastIndex(l, ",")+1], "", 1)
			}
		}
		return strings.Join(lines, "\n")
	}
	ownHeadings := "  - {id: context, headings: [What it is], required: true}\n  - {id: mechanism, headings: [How it works], required: true}\n" +
		"  - {id: application, headings: [What you can do], required: true}\n  - {id: metric, headings: [How it is measured], required: true}\n" +
		"  - {id: risk, headings: [When to get help], required: true}\n"
	tests := []struct {
		name, sections, body, want string
	}{
		{"the default schema", "", sections, "1 article shows sections under the schema's names (Context, Mechanism, Application, Metric, Risk)"},
		{"every section titled", titled, sections, ""},
		{"one section untitled", untitle("mechanism"), sections, "(Mechanism)"},
		{"headings readers understand", ownHeadings, strings.NewReplacer("## Context", "## What it is", "## Mechanism", "## How it works",
			"## Application", "## What you can do", "## Metric", "## How it is measured", "## Risk", "## When to get help").Replace(sections), ""},
		{"a title that is the schema's name", strings.Replace(titled, "title: How it works", "title: Mechanism", 1), sections, "(Mechanism)"},
		{"a Spanish schema name", untitle("risk"), strings.Replace(sections, "## Risk", "## Riesgos", 1), "(Riesgos)"},
		{"a heading in lower case", untitle("metric"), strings.Replace(sections, "## Metric", "## metric", 1), "(metric)"},
		{"headings outside the schema", strings.ReplaceAll(titled, "required: true", "required: false"), "Lede.\n\n## Overview\n\nText.\n", ""},
		{"a Spanish heading under a title", titled, strings.Replace(sections, "## Mechanism", "## Mecanismo", 1), ""},
		{"a title written as the heading too", titled, strings.Replace(sections, "## Mechanism", "## How it works", 1), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testSite(map[string]string{"sleep.md": article(frontMatter, tt.body)}, nil)
			yaml := strings.TrimSuffix(siteYAML, sectionTitles)
			if tt.sections != "" {
				yaml += "sections:\n" + tt.sections
			}
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(yaml)}
			fsys["content/articles/anchor.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["content/articles/sleep.md"].Data), "title: Sleep", "title: Anchor\ndraft: true", 1))}
			got := of(run(t, fsys, Options{}), diag.RuleSectionTitles)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("want no finding, got:\n%s", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0].Message, tt.want) || got[0].Path != "site.yaml" || got[0].Line != 1):
				t.Errorf("want one finding at site.yaml:1 with %q, got:\n%s", tt.want, got)
			}
		})
	}
}
