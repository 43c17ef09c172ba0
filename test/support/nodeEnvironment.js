/**
 * The node test environment, with jsdom loaded first.
 *
 * jsdom decides once per process, when its Window module loads, which JavaScript globals to copy into every window:
 * those the Node global has at that moment. PDF.js (the reader's legacy build, loaded by Node's own loader) polyfills
 * `Iterator` onto the Node global on Node 20, so a jsdom suite that came after a PDF suite in the same Jest worker
 * tried to copy an `Iterator` the window's realm does not have ("ReferenceError: Iterator is not defined"). Loading jsdom
 * here, before any test code runs, fixes its list to the untouched global whatever order Jest picks.
 */
require("jsdom");
module.exports = require("jest-environment-node").TestEnvironment;
