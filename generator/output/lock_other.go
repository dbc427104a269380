//go:build !unix

package output

import (
	"errors"
	"os"
)

// lock is not available: stale temporary folders are then never taken for
// a dead build's, and are left in place.
func lock(string) (*os.File, error) { return nil, errors.New("locking not supported") }
