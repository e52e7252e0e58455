#!/usr/bin/env node
// Adds up the results of every test layer that scripts/test-all.sh ran and prints one line per
// layer, then the totals as the very last line: `N passed, N failed` (+ `, N skipped` when > 0).
//
// Input: <reports dir>/steps.tsv, written by test-all.sh, one line per step:
//   name <TAB> kind <TAB> exit code <TAB> seconds <TAB> report file (may be empty) <TAB> note
// kind: "check"      typecheck / lint / build: one test, passed when the exit code is 0
//       "setup"      npm ci, apt-get: not counted when it succeeds, 1 failed when it does not
//       "vitest"     a vitest JSON report (Jest-like: numPassedTests, numFailedTests, ...)
//       "playwright" a Playwright JSON report (stats.expected / unexpected / flaky / skipped)
// A report that is missing after a non-zero exit (the step crashed) counts as 1 failed, and a
// non-zero exit with no failing test in its report (an error outside the tests) counts as 1 more.
// Exit code: 1 when anything failed, else 0. No dependencies: runs before/without node_modules.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const reportsDir = process.argv[2] ?? ".tmp/reports";
const stepsFile = path.join(reportsDir, "steps.tsv");

function readSteps() {
  if (!existsSync(stepsFile)) return [];
  return readFileSync(stepsFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [name, kind, exit, seconds, report, note] = line.split("\t");
      return { name, kind, exit: Number(exit), seconds: Number(seconds), report: report || "", note: note || "" };
    });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Vitest's JSON reporter: Jest's format. A file that fails to load has no assertions: 1 failed. */
function fromVitest(report) {
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const notes = [];
  for (const file of report.testResults ?? []) {
    const assertions = file.assertionResults ?? [];
    if (file.status === "failed" && !assertions.some((a) => a.status === "failed")) {
      failed += 1;
      notes.push(`${path.relative(process.cwd(), file.name ?? "?")} failed to run`);
    }
  }
  if ((report.numTotalTestSuites ?? 0) === 0 && (report.testResults ?? []).length === 0) notes.push("no test files");
  return { passed, failed, skipped, notes };
}

/** Playwright's JSON reporter. Flaky tests passed on a retry: counted as passed, and said. */
function fromPlaywright(report) {
  const stats = report.stats ?? {};
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  let failed = stats.unexpected ?? 0;
  const skipped = stats.skipped ?? 0;
  const notes = [];
  if (stats.flaky) notes.push(`${stats.flaky} flaky`);
  const errors = report.errors ?? [];
  if (errors.length > 0 && failed === 0) {
    failed += errors.length;
    notes.push(`${errors.length} error(s) outside tests: ${String(errors[0].message ?? "").split("\n")[0].slice(0, 80)}`);
  }
  return { passed, failed, skipped, notes };
}

function layerResult(step) {
  if (step.kind === "check") {
    return step.exit === 0 ? { passed: 1, failed: 0, skipped: 0, notes: [] } : { passed: 0, failed: 1, skipped: 0, notes: [`exit code ${step.exit}`] };
  }
  if (step.kind === "setup") {
    return { passed: 0, failed: step.exit === 0 ? 0 : 1, skipped: 0, notes: step.exit === 0 ? [] : [`exit code ${step.exit}`] };
  }
  const report = step.report && existsSync(step.report) ? readJson(step.report) : undefined;
  if (!report) {
    if (step.exit === 0) return { passed: 0, failed: 0, skipped: 0, notes: ["no report written"] };
    return { passed: 0, failed: 1, skipped: 0, notes: [step.report && existsSync(step.report) ? "unreadable report" : "no report: the step crashed", `exit code ${step.exit}`] };
  }
  const result = step.kind === "playwright" ? fromPlaywright(report) : fromVitest(report);
  if (step.exit !== 0 && result.failed === 0) {
    result.failed = 1;
    result.notes.push(`exit code ${step.exit} with no failing test (an error outside the tests)`);
  }
  return result;
}

function summary({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

const steps = readSteps();
const totals = { passed: 0, failed: 0, skipped: 0 };
if (steps.length === 0) {
  console.log(`No steps recorded in ${stepsFile}.`);
  totals.failed = 1;
} else {
  const nameWidth = Math.max(...steps.map((s) => s.name.length));
  console.log("");
  console.log("Results by layer:");
  for (const step of steps) {
    const result = layerResult(step);
    totals.passed += result.passed;
    totals.failed += result.failed;
    totals.skipped += result.skipped;
    if (step.kind === "setup" && step.exit === 0) continue;
    const status =
      step.kind === "check" ? (result.failed ? "FAILED" : "passed") : step.kind === "setup" ? "FAILED" : summary(result);
    const notes = [step.note, ...result.notes].filter(Boolean);
    const seconds = Number.isFinite(step.seconds) ? `${step.seconds.toFixed(1).padStart(6)} s` : "";
    console.log(`  ${result.failed ? "✗" : "✓"} ${step.name.padEnd(nameWidth)}  ${status.padEnd(30)}${seconds}${notes.length ? `  (${notes.join("; ")})` : ""}`);
  }
  const total = steps.reduce((sum, s) => sum + (Number.isFinite(s.seconds) ? s.seconds : 0), 0);
  console.log(`  total time ${total.toFixed(1)} s`);
}
console.log(summary(totals));
process.exitCode = totals.failed > 0 ? 1 : 0;
