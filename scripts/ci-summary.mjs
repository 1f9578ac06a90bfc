// Prints the closing line "N passed, N failed, N skipped" from the runners' JSON results
// (vitest's json reporter and Playwright's), and exits non-zero when any test failed or a result is missing.
import { existsSync, readFileSync } from 'node:fs';

/** The titles of a Playwright report's tests that failed once and then passed. */
function flakyTitles(report) {
  const titles = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      if (spec.tests?.some((t) => t.status === 'flaky')) titles.push([...path, spec.title].join(' › '));
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  return titles;
}

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = false;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test results: ${file}`);
    missing = true;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in r) {
    // vitest
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
  } else if (r.stats) {
    // Playwright
    passed += r.stats.expected + r.stats.flaky;
    if (r.stats.flaky > 0)
      console.log(
        `${r.stats.flaky} browser test(s) passed only when run again: ${flakyTitles(r).join('; ')}`,
      );
    failed += r.stats.unexpected;
    skipped += r.stats.skipped;
    if (r.errors?.length) failed += r.errors.length;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing || passed === 0 ? 1 : 0);
