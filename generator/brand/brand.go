// Package brand is the maths and the image work behind a clinic's brand
// (site.yaml theme:, read by package config): its colours, judged against
// every pairing the default theme draws them in, and its icons.
//
// Colours. A site gives up to five colours (Keys): brand, the header and
// links; accent, the navigation bar and the header's buttons (by default a
// darker shade of brand); and dark mode's brand, accent and link (by
// default shades of the others the theme makes: darker bars, and links
// light enough for 7:1 on every dark background). Check computes the WCAG
// 2.x contrast of every pairing they are in, in light and dark mode (text
// on the brand and accent colours, links on the page, on shaded panels and
// in each kind of callout, the focus ring on the bars), and returns those
// below AA (4.5:1 for text, 3:1 for the focus ring); Suggest finds the
// nearest shade of a colour, same hue and saturation with the lightness
// moved, that passes them all. CSS writes the colours as the theme's
// custom properties (--brand, --accent, --link), for screens only.
// Theme holds the default theme's own colours, which a test holds equal
// to templates/assets/style.css.
//
// Images. Inspect tells an image's format and size from its bytes (SVG,
// PNG, JPEG, GIF, WebP); MakeIcons makes favicon.ico (16 and 32 pixels),
// the 180-pixel touch icon and the manifest's 192- and 512-pixel icons
// from one square PNG or JPEG; Manifest is the web app manifest.
//
// Nothing here reads files or knows where its results go: package
// generator/site reads the site's files, reports problems at their
// site.yaml keys and writes the results.
package brand
