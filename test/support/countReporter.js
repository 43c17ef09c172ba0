/**
 * Prints the plain closing line CI reads, "N passed, N failed" (plus skipped), after Jest's own summary.
 * Skipped tests are reported so a suite that silently skips cannot pass unnoticed.
 */
class CountReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = results.numPassedTests + " passed, " + failed + " failed" + (results.numPendingTests ? ", " + results.numPendingTests + " skipped" : "");
    process.stdout.write("\n" + line + "\n");
    // .ci/run prints it again as the very last line (Jest writes its own summary to stderr afterwards).
    require("fs").mkdirSync("test-results", { recursive: true });
    require("fs").writeFileSync("test-results/summary.txt", line + "\n");
  }
}
module.exports = CountReporter;
