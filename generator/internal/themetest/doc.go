// Package themetest holds the tests that hold the default theme (the
// embedded templates/ folder) to its promises, on the sample site of the
// repository root, built once into a temporary folder and served from
// 127.0.0.1 to headless Chromium (package browsertest). The package has no
// code of its own: only tests.
//
// One page of every kind is checked: the home page (index), an article
// (with an SVG figure), an article whose review is overdue (with a raster
// chart and its WebP variants), an article with a consent-gated video,
// the glossary, a glossary term, the
// topics, a topic (tag), a free page, search, cookies and the 404 page,
// and the page of building blocks (docs/examples/building-blocks.md:
// every kind of callout, nested ones, a wide and a narrow table), which
// is added to a copy of the sample site for the tests.
//
//	TestAxe                 axe-core, tags wcag2a wcag2aa wcag21a wcag21aa
//	                        wcag22aa, over every page in light and dark mode
//	                        with the cookie banner open (a first visit), and
//	                        over an article with the preferences dialog, the
//	                        banner's confirmation and a tooltip open; any
//	                        violation fails. TestAxeFindsViolations proves
//	                        the harness on a page made to fail.
//	TestNuHTMLChecker       the Nu HTML Checker (vnu.jar) over the same pages
//	                        and the stylesheets; any error fails.
//	TestNoThirdPartyRequests  no request of any page leaves 127.0.0.1, while
//	                        a reader uses a tooltip, search and the banner.
//	TestBudgets             CSS under 20 KB and the JavaScript of an article
//	                        page under 15 KB, both gzipped; no inline script.
//	TestNoLayoutShift       the banner and a tooltip appearing move nothing
//	                        (layout-shift entries, as Chromium counts CLS),
//	                        on a phone and a desktop.
//	TestImagesLoadWithoutShift  the sleep article's chart on a throttled
//	                        connection (CDP network conditions for the
//	                        pictures), phone and desktop: its box has the
//	                        chart's shape before the bytes come, nothing
//	                        moves as it loads (no layout-shift entry, the
//	                        caption in place), and the browser takes the
//	                        WebP variant for the screen (480 or 800
//	                        pixels), never the PNG; without width and
//	                        height (the control) the caption moves.
//	TestReading             18px body text, about 70 characters a line, one
//	                        h1 and no skipped heading level, lang, landmarks,
//	                        header and footer links, the article's order.
//	TestReflow              no sideways scrolling at 320 CSS pixels wide
//	                        (a phone, or a 1280px desktop at 400% zoom).
//	TestKeyboard            the skip link comes first and works; every Tab
//	                        stop shows a focus indicator.
//	TestCalloutsAnnounced   Chromium's accessibility tree: each callout is a
//	                        note named by its heading, "Warning: When to
//	                        call your doctor" (the kind, then the title);
//	                        icons are left out; the emergency callout links
//	                        site.yaml's number, "Call 911", to tel:911.
//	TestCalloutLooks        each kind's own border colour in light and dark
//	                        mode; printed, black on white with the kind in
//	                        each heading and borders that differ by kind.
//	TestWideTables          at 320px the wide table scrolls in its labelled
//	                        region, which takes focus and scrolls with the
//	                        arrow keys; a table that fits is no tab stop.
//	TestPrintHandout        print media: no navigation, banner or search;
//	                        page address, review dates, the words used and
//	                        the sources' addresses are printed; nothing is
//	                        wider than the paper; A4 and Letter PDFs.
//
// The tests share one Chromium and give each test a tab with its own
// cookies and storage, so every test is a reader's first visit.
//
// # Tools
//
// axe-core and the Nu HTML Checker come from npm, pinned in
// tools/a11y/package.json and package-lock.json; install them with
//
//	npm ci --prefix tools/a11y --ignore-scripts
//
// (--ignore-scripts: vnu-jar's install script would download a Java
// runtime; the tests use the system's.)
//
// The checker also needs a Java runtime (apt-get install -y
// default-jre-headless), found as $JAVA or java on the PATH. Where a tool
// is missing its test is skipped with a message saying how to install it,
// except under CI=true, where it fails, as browsertest.Require does for
// Chromium.
//
// Screenshots of the theme for the README are made by
// generator/internal/screenshots, not here.
package themetest
