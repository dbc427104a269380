// Package robustness holds handout's tests against hostile, huge and
// broken input, and against crashes and concurrent use (issue 10). It has
// no code of its own: every test builds real sites with the build
// package, or runs the handout binary, and checks what a clinic relies on:
//
//   - injection: a title, summary, synonym, tag, reviewer, source, config
//     value or link target carrying <script>, quotes, javascript: or data:
//     comes out escaped or is refused with a diagnostic;
//   - paths: slugs and aliases with "..", absolute paths or odd characters
//     are refused; symbolic links that leave the site are not followed; a
//     symbolic link loop does not hang;
//   - size: a 50 MB article, a 1 MB line, lists nested 10,000 deep, a
//     megabyte of nested or aliased YAML in front matter, site.yaml or a
//     string file, and 100,000 glossary terms finish or fail clearly, in
//     bounded memory
//     (each test states its bound). With HANDOUT_HEAVY=1 they also build
//     the largest article accepted (4 MB) and a whole site of 100,000
//     terms; without it a 1 MB article and the 100,000-term glossary
//     matcher stand in, so that CI stays fast;
//   - crash safety: a build killed at any moment leaves the previous
//     public/ whole, and the next build clears the dead build's leftovers;
//   - the preview server under load: hundreds of live-reload streams and
//     thousands of page requests while files change, memory back to its
//     level afterwards, clean shutdown on SIGINT and SIGTERM; on every
//     interface it warns, announces addresses a browser can open and
//     refuses requests naming another host or from another site's page;
//   - output hygiene: every file name in public/ is safe on every common
//     static host.
//
// The fuzz targets of the parsers live with their packages (content,
// config, markdown/sections, markdown/wikilink, markdown/glossterm,
// glossary), with their corpora under each package's testdata/fuzz.
package robustness
