package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/handout-health/handout/generator/internal/cachedir"
)

// Hash names what an image's variants are made from: its bytes and the
// settings that encode them (Settings). It is the hex SHA-256 of both.
func Hash(data []byte) string {
	h := sha256.New()
	h.Write([]byte(Settings()))
	h.Write([]byte{0})
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// Key names one variant: the image's Hash and the variant's width.
func Key(hash string, width int) string { return hash + "-" + strconv.Itoa(width) }

// Cache keeps variants by Key: in a folder, where they outlast the
// program (handout build's .handout-cache/images/KEY.webp, beside the
// output), in memory (handout serve's, for as long as it runs), or both.
// A variant read back from the folder is checked to be a whole WebP file
// first: one cut short (a disk that filled up) is made again. It is safe
// for concurrent use.
type Cache struct {
	dir    string
	memory bool
	mu     sync.Mutex
	held   map[string][]byte
}

// cacheFolder is the folder of variants inside a cache folder.
const cacheFolder = "images"

// NewCache returns a cache in the folder dir ("" for none), which it
// makes when it first keeps something, and in memory when memory is set.
// A variant that cannot be written to the folder is kept in memory.
func NewCache(dir string, memory bool) *Cache {
	return &Cache{dir: dir, memory: memory, held: map[string][]byte{}}
}

// Get returns the variant of a key, if the cache has it.
func (c *Cache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	data, ok := c.held[key]
	c.mu.Unlock()
	if ok || c.dir == "" {
		return data, ok
	}
	data, err := os.ReadFile(c.file(key))
	if err != nil || !wholeWebP(data, int64(len(data))) {
		return nil, false
	}
	if c.memory {
		c.mu.Lock()
		c.held[key] = data
		c.mu.Unlock()
	}
	return data, true
}

// Has reports whether the cache has the variant of a key, reading no more
// of a file in the folder than its header.
func (c *Cache) Has(key string) bool {
	c.mu.Lock()
	_, ok := c.held[key]
	c.mu.Unlock()
	if ok || c.dir == "" {
		return ok
	}
	f, err := os.Open(c.file(key))
	if err != nil {
		return false
	}
	defer f.Close()
	header := make([]byte, 12)
	info, err := f.Stat()
	if err != nil || info.Size() > 1<<30 {
		return false
	}
	if _, err := io.ReadFull(f, header); err != nil {
		return false
	}
	return wholeWebP(header, info.Size())
}

// Put keeps the variant of a key.
func (c *Cache) Put(key string, data []byte) {
	if c.dir == "" || c.write(key, data) != nil || c.memory {
		c.mu.Lock()
		c.held[key] = data
		c.mu.Unlock()
	}
}

// Prune removes from the folder every variant whose key is not in keep,
// and what a build cut short left; a build calls it when it has written
// every variant it uses, so that the folder holds one site's variants,
// not every one it ever made.
func (c *Cache) Prune(keep map[string]bool) {
	if c.dir == "" {
		return
	}
	entries, err := os.ReadDir(filepath.Join(c.dir, cacheFolder))
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		key, isVariant := strings.CutSuffix(name, ".webp")
		if strings.HasPrefix(name, ".tmp-") || isVariant && !keep[key] && !e.IsDir() {
			_ = os.Remove(filepath.Join(c.dir, cacheFolder, name))
		}
	}
}

func (c *Cache) file(key string) string { return filepath.Join(c.dir, cacheFolder, key+".webp") }

// write writes a variant to the folder, whole or not at all.
func (c *Cache) write(key string, data []byte) error {
	return cachedir.Write(c.dir, cacheFolder+"/"+key+".webp", data)
}

// wholeWebP reports whether a file that starts with header and is size
// bytes long is a RIFF WebP file of the length its header gives.
func wholeWebP(header []byte, size int64) bool {
	return len(header) >= 12 && bytes.Equal(header[:4], []byte("RIFF")) && bytes.Equal(header[8:12], []byte("WEBP")) &&
		int64(binary.LittleEndian.Uint32(header[4:]))+8 == size
}
