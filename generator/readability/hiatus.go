package readability

import "strings"

// hiatus reports whether the vowel letters w[k] and w[k+1] are said in two
// syllables (di-et, re-act, po-em) rather than one (diet's ie in "field",
// the ea of "head"). Most pairs are one sound; each case below names the
// pattern and the words it is for.
func hiatus(w string, k int) bool {
	a, b := w[k], w[k+1]
	rest := w[k+2:] // the letters after the pair
	prev := byte(0)
	if k > 0 {
		prev = w[k-1]
	}
	if b == 'i' && (rest == "ng" || rest == "ngs" || rest == "ngly") {
		return true // go-ing, be-ing, see-ing, dy-ing, continu-ing
	}
	if endsCombiningForm(w[:k+1]) {
		return true // anti-oxidant, gastro-intestinal, auto-immune
	}
	switch a {
	case 'i':
		return hiatusI(w, k, b, prev, rest)
	case 'e':
		return hiatusE(w, k, b, prev, rest)
	case 'o':
		return hiatusO(w, k, b, rest)
	case 'u':
		return hiatusU(w, k, b, prev, rest)
	case 'a':
		switch b {
		case 'i': // mosa-ic, archa-ic, na-ive; but rain, said
			return rest == "c" || rest == "cs" || strings.HasPrefix(rest, "cal") ||
				rest == "ve" || strings.HasPrefix(rest, "vet") || strings.HasPrefix(rest, "vel") // but waiver
		case 'o': // cha-os, a-orta, kara-oke; but extraordinary, ciao
			return prev != 'i' && !strings.HasPrefix(rest, "rd")
		}
		return false
	case 'y': // y said as a vowel before another: embry-o, dry-er; but dyes
		return !(b == 'e' && (rest == "" || rest == "s" || rest == "d"))
	}
	return false
}

// softBefore reports whether the letters before w[k], an i followed by a
// vowel, make that i a glide: spe-cial, na-tion, vi-sion, re-gion, fa-shion.
func softBefore(w string, k int) bool {
	if k == 0 {
		return false
	}
	switch w[k-1] {
	case 'c', 't', 's', 'g':
		return true
	case 'h':
		return k > 1 && (w[k-2] == 's' || w[k-2] == 'c')
	}
	return false
}

// combiningForms are prefixes ending in a vowel that is said apart from a
// vowel after it.
var combiningForms = []string{
	"anti", "auto", "cardio", "electro", "endo", "gastro", "hydro", "macro",
	"micro", "multi", "neuro", "osteo", "pseudo", "retro", "semi",
}

// endsCombiningForm reports whether w is one of the combiningForms.
func endsCombiningForm(w string) bool {
	for _, f := range combiningForms {
		if w == f {
			return true
		}
	}
	return false
}

func hiatusI(w string, k int, b, prev byte, rest string) bool {
	switch b {
	case 'a':
		switch {
		case prev == 'r' && strings.HasPrefix(rest, "ge"):
			return false // marriage
		case strings.HasPrefix(rest, "lit"):
			return true // confidentiality, speciality
		case softBefore(w, k) && (rest == "" || rest == "s" || rest[0] == 'l' || rest[0] == 'n'):
			return false // special, potential, physician, Asia, fascia
		case prev == 'l' && k > 1 && w[k-2] == 'l' && !strings.HasPrefix(rest, "t"):
			return false // William, brilliant, billiards; but palliative
		case prev == 'l' && k > 1 && isAEIOU(w[k-2]) && (rest == "" || rest == "s" || rest == "n" || rest == "ns" || rest == "l" || rest == "ls"):
			return false // Australia, civilian, familial
		case prev == 'l' && (rest == "r" || rest == "rs") && hasVowelBefore(w, k-1):
			return false // familiar, peculiar; but liar
		}
		return true // media, trial, variation, appreciate
	case 'o':
		switch {
		case rest == "" || rest == "s":
			return true // radio, ratio, patio
		case softBefore(w, k) && (strings.HasPrefix(rest, "n") || strings.HasPrefix(rest, "u")):
			return false // nation, vision, region, precious, fashion; but angiogram
		case prev == 'x' && strings.HasPrefix(rest, "u"):
			return false // anxious
		case prev == 'l' && k > 1 && (w[k-2] == 'l' || w[k-2] == 'i'):
			return false // million, pavilion; but lion
		case prev == 'n' && k > 1 && (strings.HasPrefix(rest, "n") || strings.HasPrefix(rest, "r")):
			return false // onion, opinion, union, senior, junior
		case prev == 'v' && (strings.HasPrefix(rest, "r") || strings.HasPrefix(rest, "ur")):
			return false // behavior, behaviour, savior
		}
		return true // biology, period, violent, various, champion
	case 'u', 'i':
		return true // medium, calcium, skiing
	case 'e':
		switch {
		case rest == "" || rest == "s" || rest == "d":
			return false // movie, studies, died
		case strings.HasPrefix(rest, "t"):
			return true // diet, quiet, society, anxiety
		case strings.HasPrefix(rest, "nd"):
			return false // friend
		case strings.HasPrefix(rest, "n"):
			scien := prev == 'c' && k > 1 && w[k-2] == 's'
			return !(prev == 'c' || prev == 't') || scien // client, nutrient, science; but ancient, patient
		case rest == "r" || rest == "rs" || rest == "st":
			twoConsonants := k > 1 && !isAEIOU(w[k-2]) && !isAEIOU(prev)
			return hasVowelBefore(w, k-1) || twoConsonants && rest != "st" // easier, earliest, drier; but pier, priest
		case k == 1 && w[0] == 'h' && strings.HasPrefix(rest, "r"):
			return true // hierarchy
		}
		return false // field, believe, piece
	}
	return false
}

func hiatusE(w string, k int, b, prev byte, rest string) bool {
	switch b {
	case 'a':
		switch {
		case rest == "" || rest == "s":
			return hasVowelBefore(w, k) // idea, areas, pancreas; but sea, fleas
		case rest == "n" || rest == "ns":
			return hasVowelBefore(w, k) && prev != 'c' && prev != 'g' // European, Korean; but clean, ocean
		case k == 2 && strings.HasPrefix(w, "th"):
			return true // theatre, theater
		case k > 1 && w[k-2:k] == "cr" && strings.HasPrefix(rest, "t") && !strings.HasPrefix(rest, "tur"):
			return true // create, recreation; but creature
		case k == 1 && w[0] == 'r':
			for _, p := range []string{"ct", "li", "ss", "pp", "dj", "ff", "rr", "tt"} {
				if strings.HasPrefix(rest, p) {
					return true // react, reality, reassure, reappear, rearrange
				}
			}
		}
		return false // head, each, ideal, real
	case 'o':
		switch {
		case prev == 'p' || prev == 'j' || (prev == 'l' && strings.HasPrefix(rest, "p")):
			return false // people, jeopardy, leopard
		case prev == 'g' && (strings.HasPrefix(rest, "r") || rest == "n" || rest == "ns" || strings.HasPrefix(rest, "us")):
			return false // George, surgeon, gorgeous
		case prev == 'c' && strings.HasPrefix(rest, "us"):
			return false // herbaceous
		case prev == 'h' && k > 1 && w[k-2] == 'c' && strings.HasPrefix(rest, "n"):
			return false // luncheon
		}
		return true // video, theory, neon, osteoporosis
	case 'u':
		return rest == "m" || rest == "ms" || rest == "s" || (k == 1 && w[0] == 'r') // museum, nucleus, reuse
	case 'i':
		switch {
		case strings.HasPrefix(rest, "ty") || strings.HasPrefix(rest, "ti"):
			return true // deity, spontaneity
		case rest == "st" || rest == "sts" || strings.HasPrefix(rest, "sm"):
			return true // theist, atheism
		case k == 1 && w[0] == 'r' && len(rest) > 3:
			return rest[0] == 'm' || rest[0] == 't' || rest[0] == 's' || (rest[0] == 'n' && !isAEIOU(rest[1]) && rest[1] != 'g')
			// reimburse, reiterate, reinforce; but reign, reins
		}
		return false // their, receive, protein
	case 'e':
		switch {
		case k == 2 && strings.HasPrefix(w, "pr") && len(w) > 6:
			return true // preexisting; but preen
		case k == 1 && w[0] == 'r' && rest != "":
			return strings.IndexByte("nsvxm", rest[0]) >= 0 || strings.HasPrefix(rest, "lec") // reenter, reestablish, reelect; but reel, reef
		}
		return false
	}
	return false
}

func hiatusO(w string, k int, b byte, rest string) bool {
	switch b {
	case 'a':
		switch {
		case k == 1 && w[0] == 'c':
			return strings.HasPrefix(rest, "g") || strings.HasPrefix(rest, "li") || strings.HasPrefix(rest, "le") // coagulate, coalition
		case k == 0:
			return strings.HasPrefix(rest, "s") // oasis
		}
		return rest == "" && w[k-1] != 'c' // boa, protozoa; but cocoa
	case 'e':
		switch {
		case rest == "" || rest == "s" || rest == "d" || k == 0 || isAEIOU(rest[0]):
			return false // toe, goes, heroes, oedema, diarrhoea
		case k > 1 && w[k-2:k] == "ph":
			return false // phoenix
		}
		return true // poem, poetry, whoever, coexist
	case 'i':
		switch {
		case rest == "c" || rest == "cs" || strings.HasPrefix(rest, "cal") || strings.HasPrefix(rest, "sm"):
			return true // heroic, stoic, egoism; but voice, moist
		case k == 1 && w[0] == 'c':
			return strings.HasPrefix(rest, "nc") || strings.HasPrefix(rest, "nsu") // coincide; but coins
		}
		return false // point, avoid, choice
	case 'o':
		switch {
		case k == 1 && w[0] == 'c':
			return strings.HasPrefix(rest, "rd") || (strings.HasPrefix(rest, "per") && len(rest) > 3) // coordinate, cooperate
		case k == 1 && w[0] == 'z':
			return strings.HasPrefix(rest, "l") // zoology
		}
	}
	return false
}

func hiatusU(w string, k int, b, prev byte, rest string) bool {
	switch b {
	case 'a':
		return !(prev == 's' && (strings.HasPrefix(rest, "d") || strings.HasPrefix(rest, "v"))) // usual, situation; but persuade
	case 'e':
		return strings.HasPrefix(rest, "l") || strings.HasPrefix(rest, "n") ||
			rest == "t" || rest == "ts" // fuel, cruel, fluent, influenza, duet; but true, issue, continued
	case 'i':
		for _, p := range []string{"n", "ty", "tie", "tio", "tiv", "cid", "sm", "st"} {
			if strings.HasPrefix(rest, p) {
				return true // ruin, genuine, continuity, intuition, suicide, altruism
			}
		}
		return rest == "d" || rest == "ds" // fluid; but fruit, juice, build
	case 'o':
		return !(k == 2 && w[:2] == "fl") // duo, continuous, virtuoso; but fluoride
	}
	return false
}

// hasVowelBefore reports whether w[:i] has a vowel letter other than a
// leading y, that is, whether w[i:] follows at least one syllable.
func hasVowelBefore(w string, i int) bool {
	for j := range min(i, len(w)) {
		if isAEIOU(w[j]) || (w[j] == 'y' && j > 0) {
			return true
		}
	}
	return false
}
