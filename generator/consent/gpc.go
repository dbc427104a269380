package consent

import (
	"fmt"
	"time"
)

// GPCPath is where GPCJSON is published, relative to the site root.
const GPCPath = ".well-known/gpc.json"

// GPCJSON returns the /.well-known/gpc.json of a site that honours Global
// Privacy Control (https://privacycg.github.io/gpc-spec/): gpc is true, and
// lastUpdate is the given date, left out when it is zero. The caller picks
// a date that the site's input decides, so that two builds of the same
// input are byte-identical.
func GPCJSON(lastUpdate time.Time) []byte {
	if lastUpdate.IsZero() {
		return []byte("{\n  \"gpc\": true\n}\n")
	}
	return fmt.Appendf(nil, "{\n  \"gpc\": true,\n  \"lastUpdate\": %q\n}\n", lastUpdate.Format(time.DateOnly))
}
