//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// lock takes an exclusive lock on a build's temporary folder, held while
// the build runs and dropped by the system when the process ends, however
// it ends. Another build that can take the lock knows the folder is stale.
func lock(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
