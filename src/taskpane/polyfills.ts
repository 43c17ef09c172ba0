/**
 * What Internet Explorer 11 (the webview of Office 2016/2019 perpetual) lacks and our code, the engine or
 * decimal.js use. Targeted core-js modules instead of core-js/stable keep the pane within its budget (test/e2e/preview.test.ts).
 * Array.from over a Map's keys needs the iterators (for..of and spread compile to index loops: downlevelIteration is off).
 * Not the string and DOM-collection iterators (−1.4 KB, issue 10): nothing iterates a string or a NodeList through
 * Symbol.iterator (Array.from on a string still works array-like; NodeLists are walked by index).
 * Left out on purpose: what IE11 already has (WeakMap, Object.setPrototypeOf, String.prototype.trim) and what the
 * built bundles do not call (startsWith, includes, padStart, Object.assign, Number.isNaN…: tslib's __assign has its
 * own fallback). test/e2e/preview.test.ts reads the minified pane and function file and fails when they call a
 * built-in IE11 lacks that is not imported here — add the module then, do not work around the test.
 */
// Symbol itself and Symbol.for (decimal.js sets P[Symbol.for("nodejs.util.inspect.custom")] unguarded); not the
// es.symbol bundle, whose JSON.stringify and Symbol.keyFor patches (3 KB) nothing here needs.
import "core-js/modules/es.symbol.constructor";
import "core-js/modules/es.symbol.for";
import "core-js/modules/es.object.get-own-property-symbols";
import "core-js/modules/es.symbol.iterator";
import "core-js/modules/es.array.iterator";
import "core-js/modules/es.array.from";
import "core-js/modules/es.array.fill";
import "core-js/modules/es.array.find";
import "core-js/modules/es.array.find-index";
import "core-js/modules/es.map";
import "core-js/modules/es.set";
import "core-js/modules/es.weak-set";
import "core-js/modules/es.promise";
