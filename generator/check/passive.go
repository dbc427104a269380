package check

import (
	"strings"
)

// voice is how a language forms the passive voice, for passive-voice: a
// form of "to be" (English be, Spanish ser), up to two adverbs, and a
// past participle.
type voice struct {
	// be are the forms of the verb.
	be map[string]bool
	// adverbs may stand between it and the participle ("is often
	// linked"), besides the words ending in adverbEnding.
	adverbs      map[string]bool
	adverbEnding string
	// endings end regular participles (-ed; -ado, -ido); irregular are
	// the others (made, found; hecho, visto).
	endings   []string
	irregular map[string]bool
	// notParticiples end like a participle but are none (need, hundred),
	// or are participles read as adjectives after "be" (tired, worried;
	// cansado), or name something rather than tell who does what
	// ("is called", "es conocido como").
	notParticiples map[string]bool
}

var (
	englishVoice = voice{
		be:           wordSet("am is are was were be been being isn't aren't wasn't weren't"),
		adverbs:      wordSet("not also often still then now always never sometimes usually mostly mainly only rarely first best well even all both already just more less most too"),
		adverbEnding: "ly",
		endings:      []string{"ed"},
		irregular: wordSet("made done given taken known seen found shown thought told written held kept left led built sent spent brought bought " +
			"caught taught meant put set cut hurt born broken chosen driven eaten fallen forgotten frozen gotten hidden risen shaken " +
			"spoken stolen thrown woken worn begun drunk understood sold paid laid said heard felt lost won fed met shut spread split " +
			"bound struck stuck hung dealt sought fought grown drawn blown withdrawn undertaken mistaken beaten bitten proven torn bent lit"),
		notParticiples: wordSet("need feed seed speed bleed breed greed weed exceed succeed proceed indeed hundred kindred naked wicked " +
			"sacred rugged ragged beloved bed red shed wed embed shred creed deed " +
			"tired worried scared frightened interested bored pleased excited concerned confused depressed stressed relaxed married " +
			"divorced supposed satisfied surprised disappointed embarrassed ashamed annoyed amazed exhausted overwhelmed qualified " +
			"experienced skilled advanced balanced detailed limited complicated sophisticated retired dehydrated isolated related " +
			"unrelated located aged inflamed infected swollen crowded bloated prepared " +
			"called named termed known"),
	}
	spanishVoice = voice{
		be:           wordSet("es son fue fueron era eran será serán sea sean ser sido siendo sería serían"),
		adverbs:      wordSet("no también muy casi siempre nunca solo sólo ya bien mal más menos"),
		adverbEnding: "mente",
		endings:      []string{"ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"},
		irregular:    wordSet("hecho hecha hechos hechas dicho dicha visto vista vistos vistas escrito escrita escritos escritas puesto puesta vuelto abierto abierta cubierto cubierta roto rota resuelto descubierto descubierta impreso frito provisto devuelto"),
		notParticiples: wordSet("adecuado adecuada apropiado apropiada delicado delicada complicado complicada cansado cansada aburrido aburrida " +
			"sagrado privado privada pesado pesada atrevido divertido divertida parecido parecida desconocido desconocida conocido conocida " +
			"llamado llamada denominado denominada limitado limitada moderado moderada equilibrado equilibrada variado variada elevado elevada " +
			"prolongado prolongada avanzado avanzada exagerado exagerada preocupado preocupada ocupado ocupada educado educada " +
			"cuidado lado estado grado resultado mercado pescado helado pasado abogado sentido partido ruido apellido marido oído vida comida bebida salida medida"),
	}
)

// passive returns the words of a sentence that make it passive ("is
// linked", "son tratados") and the be-form's place among them; "" when
// the sentence is not in the passive voice, as far as the heuristic
// sees: a form of "to be", up to two adverbs, then a past participle that
// is not read as an adjective ("is tired") or a name ("is called").
func (v *voice) passive(words []string) (phrase string, be int) {
	for i, w := range words {
		if !v.be[strings.ToLower(w)] {
			continue
		}
		j := i + 1
		for j < len(words) && j <= i+2 && v.isAdverb(words[j]) {
			j++
		}
		if j < len(words) && v.isParticiple(words[j]) {
			return strings.Join(words[i:j+1], " "), i
		}
	}
	return "", -1
}

func (v *voice) isAdverb(w string) bool {
	w = strings.ToLower(w)
	return v.adverbs[w] || len(w) > len(v.adverbEnding)+2 && strings.HasSuffix(w, v.adverbEnding)
}

func (v *voice) isParticiple(w string) bool {
	w = strings.ToLower(w)
	if v.notParticiples[w] {
		return false
	}
	if v.irregular[w] {
		return true
	}
	for _, e := range v.endings {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
