/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after Jest's own
 * summary, so that any tool reading the last lines of a run can count it.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
