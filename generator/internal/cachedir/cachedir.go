// Package cachedir writes into handout's cache folder (.handout-cache,
// beside the output of handout build): what is slow to make and is made
// again when it is gone, such as images' WebP copies (images/), printed
// leaflets (pdf/) and the pages' QR codes (qr-codes).
package cachedir

import (
	"os"
	"path/filepath"
)

// Write writes data to name (a slash path, which may name a subfolder)
// in the cache folder dir, whole or not at all: a temporary file beside
// it, renamed. It makes the folders first, and marks dir with what tells
// git and backup tools to leave it alone. The file is readable by all, as
// the output's files are.
func Write(dir, name string, data []byte) error {
	path := filepath.Join(dir, filepath.FromSlash(name))
	folder := filepath.Dir(path)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return err
	}
	for tag, text := range map[string]string{".gitignore": gitignore, "CACHEDIR.TAG": cacheDirTag} {
		if f, err := os.OpenFile(filepath.Join(dir, tag), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
			_, _ = f.WriteString(text)
			f.Close()
		}
	}
	f, err := os.CreateTemp(folder, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // not a temporary file's 0600
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}

const (
	gitignore = "# handout's cache, made again when it is gone.\n*\n"
	// cacheDirTag marks a cache folder for backup tools
	// (https://bford.info/cachedir/).
	cacheDirTag = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache tag created by handout: its folder holds what handout makes again when it is gone.\n"
)
