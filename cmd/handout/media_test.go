package main

import (
	"bytes"
	bigendian "encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"
)

// TestMediaBadInput is issue 20's bad input in one run of build and of
// check: a missing picture, a damaged one, one of 50 megapixels, one with
// no description and a callout marker misspelt. Each is one message at
// its line and column (the marker a warning that names the marker meant),
// and both commands exit 1.
func TestMediaBadInput(t *testing.T) {
	photo := pngOf(t, 60, 40)
	dir := writeSite(t, map[string]string{
		"site.yaml":                 "title: Clinic\n",
		"static/images/damaged.png": string(photo[:len(photo)/2]),
		"static/images/huge.png":    string(pngHeaderOf(8660, 5774)),
		"static/images/fine.png":    string(photo),
		"content/pages/pictures.md": "---\ntitle: Pictures\n---\n" +
			"![A missing picture](/images/missing.png)\n\n" +
			"![A damaged picture](/images/damaged.png)\n\n" +
			"![A huge picture](/images/huge.png)\n\n" +
			"![](/images/fine.png)\n\n" +
			"> [!WARNIG] When to call us\n> Call us today.\n",
	})
	want := []string{
		"content/pages/pictures.md:4:3: broken link: no page or file in static/ at /images/missing.png",
		"content/pages/pictures.md:6:3: image /images/damaged.png: this PNG file is damaged",
		"content/pages/pictures.md:8:3: image /images/huge.png: this image is 8660×5774 pixels (50 megapixels)",
		"content/pages/pictures.md:10:1: image /images/fine.png has no description",
		"content/pages/pictures.md:12:3: ",
		"did you mean [!WARNING]?",
	}
	for _, args := range [][]string{{"build", "-s", dir, "-d", t.TempDir() + "/public"}, {"check", "-s", dir}} {
		code, stdout, stderr := runHandout(t, args...)
		if code != 1 {
			t.Errorf("handout %s exited %d, want 1\n%s%s", args[0], code, stdout, stderr)
		}
		out := stdout + stderr
		for _, w := range want {
			if n := strings.Count(out, w); n != 1 {
				t.Errorf("handout %s says %d times\n  %s\nwant once; output:\n%s", args[0], n, w, out)
			}
		}
	}
}

// pngOf is a PNG picture of w by h pixels.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngHeaderOf is the start of a PNG file that says it is w by h pixels:
// enough for the size to be read, with no pixels to decode.
func pngHeaderOf(w, h uint32) []byte {
	ihdr := append(bigendian.BigEndian.AppendUint32(bigendian.BigEndian.AppendUint32(nil, w), h), 8, 6, 0, 0, 0)
	chunk := append([]byte("IHDR"), ihdr...)
	out := append([]byte("\x89PNG\r\n\x1a\n"), bigendian.BigEndian.AppendUint32(nil, uint32(len(ihdr)))...)
	return bigendian.BigEndian.AppendUint32(append(out, chunk...), crc32.ChecksumIEEE(chunk))
}
