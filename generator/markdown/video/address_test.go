package video

import "testing"

func TestParse(t *testing.T) {
	const id = "dQw4w9WgXcQ"
	for _, tc := range []struct {
		raw          string
		ok           bool
		embed, watch string
	}{
		{"https://www.youtube.com/watch?v=" + id, true, "https://www.youtube-nocookie.com/embed/" + id, "https://www.youtube.com/watch?v=" + id},
		{"http://youtube.com/watch?feature=share&v=" + id, true, "https://www.youtube-nocookie.com/embed/" + id, "https://www.youtube.com/watch?v=" + id},
		{"https://m.youtube.com/watch?v=" + id + "&t=1h2m3s", true, "https://www.youtube-nocookie.com/embed/" + id + "?start=3723", "https://www.youtube.com/watch?v=" + id + "&t=3723s"},
		{"https://youtu.be/" + id + "?t=90", true, "https://www.youtube-nocookie.com/embed/" + id + "?start=90", "https://www.youtube.com/watch?v=" + id + "&t=90s"},
		{"https://www.youtube.com/shorts/" + id, true, "https://www.youtube-nocookie.com/embed/" + id, "https://www.youtube.com/shorts/" + id},
		{"https://www.youtube.com/embed/" + id + "?start=5", true, "https://www.youtube-nocookie.com/embed/" + id + "?start=5", "https://www.youtube.com/watch?v=" + id + "&t=5s"},
		{"https://www.youtube-nocookie.com/embed/" + id, true, "https://www.youtube-nocookie.com/embed/" + id, "https://www.youtube.com/watch?v=" + id},
		{"https://vimeo.com/76979871", true, "https://player.vimeo.com/video/76979871?dnt=1", "https://vimeo.com/76979871"},
		{"https://vimeo.com/76979871/8272103f6e", true, "https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e", "https://vimeo.com/76979871/8272103f6e"},
		{"https://player.vimeo.com/video/76979871?h=8272103f6e", true, "https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e", "https://vimeo.com/76979871/8272103f6e"},
		{"https://www.youtube.com/watch?v=short", false, "", ""},
		{"https://www.youtube.com/watch?v=" + id + "\"onload", false, "", ""},
		{"https://youtu.be/" + id + "/extra", false, "", ""},
		{"https://www.youtube.com/channel/UC" + id, false, "", ""},
		{"https://vimeo.com/channels/staffpicks", false, "", ""},
		{"https://vimeo.com/76979871/<script>", false, "", ""},
		{"https://user@youtu.be/" + id, false, "", ""},
		{"https://youtu.be:8443/" + id, false, "", ""},
		{"javascript://youtu.be/" + id, false, "", ""},
		{"https://youtu.be.example/" + id, false, "", ""},
		{"https://example.org/watch?v=" + id, false, "", ""},
	} {
		a, ok := Parse(tc.raw)
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v", tc.raw, ok, tc.ok)
			continue
		}
		if ok && (a.Embed() != tc.embed || a.Watch() != tc.watch) {
			t.Errorf("%s:\n embed %s, want %s\n watch %s, want %s", tc.raw, a.Embed(), tc.embed, a.Watch(), tc.watch)
		}
	}
}
