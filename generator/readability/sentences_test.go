package readability

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"no words", "... !!!", nil},
		{"heading without stop", "Side effects", []string{"Side effects"}},
		{"list item without stop", "Take it with food", []string{"Take it with food"}},
		{"two sentences", "Sleep well. Eat well.", []string{"Sleep well.", "Eat well."}},
		{"question and exclamation", "Is it safe? Yes! It is.", []string{"Is it safe?", "Yes!", "It is."}},
		{"mixed marks", "What?! Really?", []string{"What?!", "Really?"}},
		{"title abbreviations", "Dr. Smith and Mrs. Jones agree. Prof. Lee does not.", []string{"Dr. Smith and Mrs. Jones agree.", "Prof. Lee does not."}},
		{"saint", "St. John's wort interacts with SSRIs.", []string{"St. John's wort interacts with SSRIs."}},
		{"e.g. and i.e.", "Some foods, e.g. eggs, i.e. Protein. Rest.", []string{"Some foods, e.g. eggs, i.e. Protein.", "Rest."}},
		{"vs. and approx.", "Walking vs. Running takes approx. 30 minutes.", []string{"Walking vs. Running takes approx. 30 minutes."}},
		{"decimal", "Take 2.5 mg twice a day. Stop if sick.", []string{"Take 2.5 mg twice a day.", "Stop if sick."}},
		{"unit abbreviation ends a sentence", "Dr. Smith prescribed 2.5 mg. Take it daily.", []string{"Dr. Smith prescribed 2.5 mg.", "Take it daily."}},
		{"unit abbreviation mid-sentence", "Take 2.5 mg. daily with food.", []string{"Take 2.5 mg. daily with food."}},
		{"thousands", "It costs 1,000 dollars. That is a lot.", []string{"It costs 1,000 dollars.", "That is a lot."}},
		{"a.m. ends", "Take it at 8 a.m. Then rest.", []string{"Take it at 8 a.m.", "Then rest."}},
		{"a.m. continues", "Take it at 8 a.m. or later.", []string{"Take it at 8 a.m. or later."}},
		{"etc.", "Bring water, snacks, etc. Then leave.", []string{"Bring water, snacks, etc.", "Then leave."}},
		{"No. before a number", "See No. 5 in the list. No. It is not.", []string{"See No. 5 in the list.", "No.", "It is not."}},
		{"initials", "J. K. Rowling wrote it.", []string{"J. K. Rowling wrote it."}},
		{"initial after a title", "Reviewed by Dr. A. Clinician. Next review in 2029.", []string{"Reviewed by Dr. A. Clinician.", "Next review in 2029."}},
		{"letter after a lower-case word ends", "Take vitamin D. It helps.", []string{"Take vitamin D.", "It helps."}},
		{"ellipsis continues", "I was... tired. Very tired.", []string{"I was... tired.", "Very tired."}},
		{"ellipsis ends", "Wait... What happened?", []string{"Wait...", "What happened?"}},
		{"unicode ellipsis", "I was… tired.", []string{"I was… tired."}},
		{"quote after stop", `He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"curly quote after stop", "She said “Rest.” It helped.", []string{"She said “Rest.”", "It helped."}},
		{"question inside quote", `"Are you sure?" she asked.`, []string{`"Are you sure?" she asked.`}},
		{"bracket after stop", "(See the leaflet.) Then call us.", []string{"(See the leaflet.)", "Then call us."}},
		{"next sentence opens with a quote", `It ended. "Why?" he asked.`, []string{"It ended.", `"Why?" he asked.`}},
		{"domain name", "Visit example.org. It helps.", []string{"Visit example.org.", "It helps."}},
		{"wrapped lines", "First line\nwraps here. Second\nline.", []string{"First line wraps here.", "Second line."}},
		{"blank line", "Para one\n\n  Para two", []string{"Para one", "Para two"}},
		{"digit starts a sentence", "It ended in 2020. 5 people came.", []string{"It ended in 2020.", "5 people came."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) =\n\t%q\nwant\n\t%q", tt.text, got, tt.want)
			}
		})
	}
}
