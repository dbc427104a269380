package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CheckTarget refuses an output folder that a build would wreck: a build
// replaces its output folder whole, and keeps the old one only until the
// next build. It refuses the site folder itself or a folder holding it
// ("-d ." or "-d .." run in the wrong place), a folder inside one of the
// site's source folders (sources, such as "content" and "static"), and an
// existing folder that does not look like a built site: one that is not
// empty but has no index.html (a home folder, a documents folder), or one
// that holds a site, a repository or a home folder's settings
// (site.yaml, content/, .git/, .ssh/). It refuses a file or a symbolic
// link in the output folder's place, which the build would replace.
func CheckTarget(target, siteDir string, sources ...string) error {
	given, err := filepath.Abs(target)
	if err != nil {
		return err
	}
	target, err = resolve(given)
	if err != nil {
		return err
	}
	site, err := resolve(siteDir)
	if err != nil {
		return err
	}
	if within(site, target) {
		return fmt.Errorf("the output folder %s holds the site itself (%s), which the build would replace; choose another folder, such as %s", target, site, filepath.Join(site, "public"))
	}
	for _, src := range sources {
		if within(target, filepath.Join(site, src)) {
			return fmt.Errorf("the output folder %s is inside the site's %s/; choose a folder outside it, such as %s", target, src, filepath.Join(site, "public"))
		}
	}
	info, err := os.Lstat(given)
	if err != nil {
		return nil // a new folder
	}
	if !info.IsDir() {
		return fmt.Errorf("the output folder %s is a %s, not a folder, and the build would replace it; choose a folder", given, describe(info.Mode()))
	}
	if entries, err := os.ReadDir(target); err != nil || len(entries) == 0 {
		return err
	}
	for _, name := range []string{"site.yaml", "content", ".git", ".ssh"} {
		if _, err := os.Lstat(filepath.Join(target, name)); err == nil {
			return fmt.Errorf("the output folder %s holds %s, so it is not a built site, and the build would replace it whole; choose a new or empty folder", target, name)
		}
	}
	if _, err := os.Lstat(filepath.Join(target, "index.html")); err != nil {
		return fmt.Errorf("the output folder %s is not empty and has no index.html, so it does not look like a built site, and the build would replace it whole; choose a new or empty folder, or empty this one", target)
	}
	return nil
}

// describe names a kind of file for a message.
func describe(mode os.FileMode) string {
	if mode&os.ModeSymlink != 0 {
		return "symbolic link"
	}
	return "file"
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve returns p absolute, with the links in its existing part
// followed, so that two names of one folder compare equal.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	missing := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, missing), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		missing = filepath.Join(filepath.Base(dir), missing)
	}
}
