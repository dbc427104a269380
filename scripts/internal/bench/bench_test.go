package bench

import "testing"

func TestMiddle(t *testing.T) {
	for _, tt := range []struct {
		values []int64
		want   int64
	}{
		{nil, 0},
		{[]int64{7}, 7},
		{[]int64{9, 1, 5}, 5},
		{[]int64{4, 1, 3, 2}, 2}, // (2+3)/2 in integers
		{[]int64{10, 30, 20, 40}, 25},
	} {
		if got := Middle(tt.values); got != tt.want {
			t.Errorf("Middle(%v) = %d, want %d", tt.values, got, tt.want)
		}
	}
}

func TestDefaultTerms(t *testing.T) {
	for articles, want := range map[int]int{40: 8, 1000: 200, 10000: 1500, 100000: 15000} {
		if got := DefaultTerms(articles); got != want {
			t.Errorf("DefaultTerms(%d) = %d, want %d", articles, got, want)
		}
	}
}
