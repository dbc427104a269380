package video

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// The providers a video address may name.
const (
	YouTube = "youtube"
	Vimeo   = "vimeo"
)

// Names are the providers' names as readers know them.
var Names = map[string]string{YouTube: "YouTube", Vimeo: "Vimeo"}

// Address is a video's address, read.
type Address struct {
	// Provider is YouTube or Vimeo.
	Provider string
	// ID is the video's id; Hash, a Vimeo video's privacy hash (an
	// unlisted video's second part), or "".
	ID, Hash string
	// Start is where to start, in seconds (YouTube's t=).
	Start int
	// Portrait is set for a YouTube Short, which is upright.
	Portrait bool
}

var (
	youTubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	vimeoID   = regexp.MustCompile(`^[0-9]{1,12}$`)
	vimeoHash = regexp.MustCompile(`^[0-9a-f]{6,20}$`)
	// duration is YouTube's t=: 90, 90s, 1m30s, 1h2m3s.
	duration = regexp.MustCompile(`^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$`)
)

// Parse reads a video page's address: youtube.com/watch?v=ID,
// youtu.be/ID, youtube.com/shorts/ID (also /embed/, /live/ and
// youtube-nocookie.com/embed/), vimeo.com/ID (and /ID/HASH of an
// unlisted video), player.vimeo.com/video/ID; over https or http, with
// or without www. or m.
func Parse(raw string) (Address, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.Port() != "" {
		return Address{}, false
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(strings.TrimPrefix(host, "www."), "m.")
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	q := u.Query()
	var a Address
	switch {
	case host == "youtube.com" && len(parts) == 1 && parts[0] == "watch":
		a = Address{Provider: YouTube, ID: q.Get("v")}
	case host == "youtube.com" && len(parts) == 2 && (parts[0] == "shorts" || parts[0] == "embed" || parts[0] == "live"):
		a = Address{Provider: YouTube, ID: parts[1], Portrait: parts[0] == "shorts"}
	case host == "youtu.be" && len(parts) == 1:
		a = Address{Provider: YouTube, ID: parts[0]}
	case host == "youtube-nocookie.com" && len(parts) == 2 && parts[0] == "embed":
		a = Address{Provider: YouTube, ID: parts[1]}
	case host == "vimeo.com" && (len(parts) == 1 || len(parts) == 2):
		a = Address{Provider: Vimeo, ID: parts[0]}
		if len(parts) == 2 {
			a.Hash = parts[1]
		}
	case host == "player.vimeo.com" && len(parts) == 2 && parts[0] == "video":
		a = Address{Provider: Vimeo, ID: parts[1], Hash: q.Get("h")}
	default:
		return Address{}, false
	}
	switch a.Provider {
	case YouTube:
		if !youTubeID.MatchString(a.ID) {
			return Address{}, false
		}
		t := q.Get("t")
		if t == "" {
			t = q.Get("start")
		}
		a.Start = seconds(t)
	case Vimeo:
		if !vimeoID.MatchString(a.ID) || a.Hash != "" && !vimeoHash.MatchString(a.Hash) {
			return Address{}, false
		}
	}
	return a, true
}

// seconds reads a start time (90, 90s, 1m30s), or 0.
func seconds(t string) int {
	m := duration.FindStringSubmatch(t)
	if m == nil {
		return 0
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	s, _ := strconv.Atoi(m[3])
	return h*3600 + min*60 + s
}

// Embed is the address of the player: YouTube's privacy-enhanced one,
// which sets no cookie until the video is played, and Vimeo's with
// dnt=1, which tracks no session.
func (a Address) Embed() string {
	switch a.Provider {
	case YouTube:
		e := "https://www.youtube-nocookie.com/embed/" + a.ID
		if a.Start > 0 {
			e += "?start=" + strconv.Itoa(a.Start)
		}
		return e
	default:
		e := "https://player.vimeo.com/video/" + a.ID + "?dnt=1"
		if a.Hash != "" {
			e += "&h=" + a.Hash
		}
		return e
	}
}

// Watch is the address of the video's page at the provider, which a
// reader follows to watch it there.
func (a Address) Watch() string {
	switch {
	case a.Provider == YouTube && a.Portrait:
		return "https://www.youtube.com/shorts/" + a.ID
	case a.Provider == YouTube:
		w := "https://www.youtube.com/watch?v=" + a.ID
		if a.Start > 0 {
			w += "&t=" + strconv.Itoa(a.Start) + "s"
		}
		return w
	case a.Hash != "":
		return "https://vimeo.com/" + a.ID + "/" + a.Hash
	default:
		return "https://vimeo.com/" + a.ID
	}
}
