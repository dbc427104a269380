package site

import (
	"os"
	"path/filepath"

	"github.com/handout-health/handout/generator/internal/cachedir"
	"github.com/handout-health/handout/generator/qrcode"
)

// qrCodesFile is where the QR codes of the pages' addresses are kept in
// the cache folder (Options.Cache).
const qrCodesFile = "qr-codes"

// loadQRCodes returns the QR codes kept in the cache folder dir: none
// when there is no folder, or its file is missing or not whole.
func loadQRCodes(dir string) *qrcode.Cache {
	if dir == "" {
		return qrcode.NewCache()
	}
	data, _ := os.ReadFile(filepath.Join(dir, qrCodesFile))
	return qrcode.Load(data)
}

// saveQRCodes writes the QR codes a build drew to the cache folder dir,
// when they differ from what it holds; a cache that cannot be written is
// only slower.
func saveQRCodes(dir string, codes *qrcode.Cache) {
	if dir == "" {
		return
	}
	if data := codes.Marshal(); data != nil {
		_ = cachedir.Write(dir, qrCodesFile, data)
	}
}
