// handout site script: progressive enhancements only. Every page works
// without it.
"use strict";
