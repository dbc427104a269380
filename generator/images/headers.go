package images

import "encoding/binary"

// What a header tells beyond image.DecodeConfig: a JPEG's orientation,
// and whether a GIF or WebP moves. Each reader walks the file's own
// structure, bounded by its length, and gives the plain answer (upright,
// one frame) when the structure is not what it expects: a damaged file is
// then refused by the decoder, with its own message.

// jpegOrientation returns the EXIF orientation of a JPEG (1 to 8; 1 when
// it has none), which phones write instead of turning the pixels and
// browsers apply when they show the image.
func jpegOrientation(data []byte) int {
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			return 1
		}
		marker := data[i+1]
		if marker == 0xff { // fill byte before a marker
			i++
			continue
		}
		if marker == 0xd8 || marker >= 0xd0 && marker <= 0xd7 || marker == 0x01 {
			i += 2
			continue
		}
		if marker == 0xda || marker == 0xd9 {
			return 1 // the picture starts: no EXIF before it
		}
		size := int(binary.BigEndian.Uint16(data[i+2:]))
		end := i + 2 + size
		if size < 2 || end > len(data) {
			return 1
		}
		if segment := data[i+4 : end]; marker == 0xe1 && len(segment) > 6 && string(segment[:6]) == "Exif\x00\x00" {
			return tiffOrientation(segment[6:])
		}
		i = end
	}
	return 1
}

// tiffOrientation reads the Orientation tag (0x0112) of the first IFD of
// an EXIF block.
func tiffOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	ifd := int(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 1
	}
	entries := int(order.Uint16(tiff[ifd:]))
	for e := range entries {
		at := ifd + 2 + 12*e
		if at+12 > len(tiff) {
			return 1
		}
		if order.Uint16(tiff[at:]) == 0x0112 {
			if o := int(order.Uint16(tiff[at+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

// gifFrames counts the frames of a GIF, up to 2.
func gifFrames(data []byte) int {
	if len(data) < 13 {
		return 1
	}
	i := 13
	if flags := data[10]; flags&0x80 != 0 {
		i += 3 << (flags&7 + 1)
	}
	frames := 0
	for i < len(data) && frames < 2 {
		switch data[i] {
		case 0x21: // extension: label, then sub-blocks
			i = skipSubBlocks(data, i+2)
		case 0x2c: // image: descriptor, local colour table, LZW size, sub-blocks
			frames++
			if i+10 > len(data) {
				return max(frames, 1)
			}
			if flags := data[i+9]; flags&0x80 != 0 {
				i += 3 << (flags&7 + 1)
			}
			i = skipSubBlocks(data, i+11)
		default: // the trailer, or damage
			return max(frames, 1)
		}
	}
	return max(frames, 1)
}

// skipSubBlocks returns the index after the sub-blocks that start at i.
func skipSubBlocks(data []byte, i int) int {
	for i < len(data) {
		n := int(data[i])
		i++
		if n == 0 {
			return i
		}
		i += n
	}
	return len(data)
}

// webpAnimated reports whether a WebP's extended header (VP8X) says it
// holds an animation.
func webpAnimated(data []byte) bool {
	const animation = 1 << 1
	return len(data) > 20 && string(data[12:16]) == "VP8X" && data[20]&animation != 0
}
