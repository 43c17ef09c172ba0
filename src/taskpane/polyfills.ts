/**
 * What Internet Explorer 11 (the webview of Office 2016/2019 perpetual) lacks and our code, the engine or
 * decimal.js use. Targeted core-js modules instead of core-js/stable keep the pane within its budget (test/e2e/preview.test.ts).
 * Array.from over a Map's keys needs the iterators (for..of and spread compile to index loops: downlevelIteration is off).
 * Left out on purpose: what IE11 already has (WeakMap, Object.setPrototypeOf, String.prototype.trim) and what no
 * pane code uses (checked with grep over src/engine, src/excel, src/taskpane when this list was made).
 */
// Symbol itself and Symbol.for (decimal.js sets P[Symbol.for("nodejs.util.inspect.custom")] unguarded); not the
// es.symbol bundle, whose JSON.stringify and Symbol.keyFor patches (3 KB) nothing here needs.
import "core-js/modules/es.symbol.constructor";
import "core-js/modules/es.symbol.for";
import "core-js/modules/es.object.get-own-property-symbols";
import "core-js/modules/es.symbol.iterator";
import "core-js/modules/es.array.iterator";
import "core-js/modules/es.array.from";
import "core-js/modules/es.array.find";
import "core-js/modules/es.array.find-index";
import "core-js/modules/es.array.includes";
import "core-js/modules/es.string.iterator";
import "core-js/modules/es.string.starts-with";
import "core-js/modules/es.string.ends-with";
import "core-js/modules/es.string.includes";
import "core-js/modules/es.string.repeat";
import "core-js/modules/es.string.pad-start";
import "core-js/modules/es.number.is-finite";
import "core-js/modules/es.number.is-integer";
import "core-js/modules/es.number.is-nan";
import "core-js/modules/es.math.sign";
import "core-js/modules/es.math.trunc";
import "core-js/modules/es.object.assign";
import "core-js/modules/es.object.entries";
import "core-js/modules/es.object.values";
import "core-js/modules/es.map";
import "core-js/modules/es.set";
import "core-js/modules/es.promise";
import "core-js/modules/web.dom-collections.iterator";
