package readability

import (
	"strconv"
	"strings"
)

// isNumber reports whether s is an ASCII number as Words finds them: digits
// with inner commas and full stops (7, 2.5, 1,000, 1.2.3).
func isNumber(s string) bool {
	if s == "" || !isDigit(s[0]) || !isDigit(s[len(s)-1]) {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !isDigit(c) && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberSyllables counts a number read aloud in American English: the
// whole part as a cardinal ("1,250": one thousand two hundred fifty, without
// "and"), then "point" and each digit of the decimals ("2.05": two point oh
// five). Four-digit numbers from 1100 to 1999 and 2010 to 2099, written
// without a comma, are read like years (1999: nineteen ninety-nine). A
// number with a leading zero or more than 15 digits is read digit by digit
// (a phone number).
func numberSyllables(s string) int {
	whole, decimals, hasPoint := strings.Cut(s, ".")
	n := 0
	if hasPoint {
		n = 1 // "point", then each digit; a further point (1.2.3) is said too
		for i := range len(decimals) {
			switch c := decimals[i]; {
			case isDigit(c):
				n += oneDigit[c-'0']
			case c == '.':
				n++
			}
		}
	}
	plain := strings.ReplaceAll(whole, ",", "")
	if len(plain) > 1 && plain[0] == '0' || len(plain) > 15 {
		return n + digitSyllables(plain)
	}
	v, err := strconv.ParseUint(plain, 10, 64)
	if err != nil {
		return n + digitSyllables(plain)
	}
	if !strings.Contains(whole, ",") && len(plain) == 4 && (v >= 1100 && v <= 1999 || v >= 2010 && v <= 2099) {
		return n + yearSyllables(v)
	}
	return n + cardinalSyllables(v)
}

// digitSyllables counts digits read one by one (zero, seven: two each).
func digitSyllables(digits string) int {
	n := 0
	for i := range len(digits) {
		n += oneDigit[digits[i]-'0']
	}
	return n
}

// oneDigit holds the syllables of zero to nine.
var oneDigit = [10]int{2, 1, 1, 1, 1, 1, 1, 2, 1, 1}

// belowTwenty holds the syllables of zero (as the whole number) to nineteen.
var belowTwenty = [20]int{2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2}

// tens holds the syllables of twenty, thirty ... ninety by their first digit.
var tens = [10]int{0, 0, 2, 2, 2, 2, 2, 3, 2, 2}

// cardinalSyllables counts v said as a cardinal number: one thousand two
// hundred fifty. The scale words thousand, million, billion, trillion and
// quadrillion have two syllables, as has hundred.
func cardinalSyllables(v uint64) int {
	if v == 0 {
		return belowTwenty[0]
	}
	scales := [...]int{0, 2, 2, 2, 2, 3} // -, thousand, million, billion, trillion, quadrillion
	n := 0
	for scale := 0; v > 0; scale++ {
		if group := v % 1000; group > 0 {
			n += belowThousand(group) + scales[scale]
		}
		v /= 1000
	}
	return n
}

// belowThousand counts 1 to 999: [digit hundred] [tens [units] | teen].
func belowThousand(v uint64) int {
	n := 0
	if v >= 100 {
		n += oneDigit[v/100] + 2
		v %= 100
	}
	switch {
	case v == 0:
	case v < 20:
		n += belowTwenty[v]
	default:
		n += tens[v/10]
		if v%10 > 0 {
			n += oneDigit[v%10]
		}
	}
	return n
}

// yearSyllables counts a four-digit number said in pairs: nineteen
// ninety-nine, nineteen oh five, nineteen hundred.
func yearSyllables(v uint64) int {
	high, low := v/100, v%100
	n := belowThousand(high)
	switch {
	case low == 0:
		n += 2 // hundred
	case low < 10:
		n += 1 + oneDigit[low] // oh five
	default:
		n += belowThousand(low)
	}
	return n
}

// ordinalSyllables counts a number with an ordinal ending (1st, 2nd, 23rd,
// 40th), said as the ordinal: the cardinal, plus one for "second" (two) and
// for the -ieth of twentieth to ninetieth. ok is false for anything else.
func ordinalSyllables(s string) (n int, ok bool) {
	if len(s) < 3 {
		return 0, false
	}
	digits, ending := s[:len(s)-2], strings.ToLower(s[len(s)-2:])
	switch ending {
	case "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	for i := range len(digits) {
		if !isDigit(digits[i]) && digits[i] != ',' {
			return 0, false
		}
	}
	if !isNumber(digits) {
		return 0, false
	}
	n = numberSyllables(digits)
	v, err := strconv.ParseUint(strings.ReplaceAll(digits, ",", ""), 10, 64)
	if err != nil {
		return n, true
	}
	switch last2 := v % 100; {
	case last2 >= 10 && last2 < 20, last2 == 0:
	case last2%10 == 0:
		n++ // twentieth
	case last2%10 == 2:
		n++ // second
	}
	return n, true
}
