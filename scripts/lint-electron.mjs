// Electronegativity (Doyensec's Electron security scanner) over electron/, as part of `npm test`:
// prints every finding and exits 1 on any, and on any file it could not parse (a file it did not
// read is a file it did not check). `node scripts/lint-electron.mjs [folder]` scans another folder.
//
// Electronegativity parses .ts itself (Babel's TypeScript plugin) and reads settings only where
// they are written as literals: the windows' webPreferences (electron/main/coach-window.ts,
// coachee-window.ts) and the CSP the app:// protocol sends (electron/main/policy/renderer-files.ts)
// are written out so that it sees them.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity');
const fromScanner = createRequire(runnerPath);

// Offline, always. Electronegativity fetches updated translations from its own bucket before every
// run and, for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, Electron's release list from GitHub, both
// through `got`. CI has no network and a check must not depend on a remote file: `got` is replaced,
// for this process only, by a function that fails at once (the translations bundled with the
// package are used; the scanner prints one line saying it could not update them).
const gotPath = fromScanner.resolve('got');
const offline = () => Promise.reject(new Error('lint:electron runs offline'));
offline.head = offline;
offline.get = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
process.env.LANG = 'en-US';

/**
 * Checks left out of the scan, each with why.
 * - AvailableSecurityFixesGlobalCheck compares package.json's Electron version with a release list
 *   downloaded from GitHub: it is not a check of this code, it needs the network, and there is no
 *   package.json under electron/. (Electron's version is pinned in the root package.json.)
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Findings that are reviewed false positives and that Electronegativity cannot be told about more
 * narrowly than by muting a whole check. Each entry re-proves its claim on the finding itself.
 *
 * CSP_GLOBAL_CHECK, "seems to be vulnerable": Google's CSP evaluator, which the check runs, marks
 * `script-src 'self'` as possibly weak because a site that also hosts JSONP endpoints, Angular
 * templates or user uploads on its own origin can be made to run them. The app's origin
 * (app://confidante) serves only the renderer build, read-only from the app's own folder: no
 * JSONP, no Angular, no uploads. Electronegativity's only way to accept this is an
 * `eng-disable CSP_GLOBAL_CHECK` comment, which would stop it evaluating that policy at all (a
 * later 'unsafe-eval' would pass unseen). Here the policy is evaluated again, and the finding is
 * accepted only while `script-src 'self'` is the evaluator's one and only concern.
 */
const REVIEWED = [
  {
    id: 'CSP_GLOBAL_CHECK',
    why: "script-src 'self' is the app's own read-only renderer build (no JSONP, Angular or uploads)",
    applies: (issue) => {
      const concerns = cspConcerns(issue.sample);
      return concerns.length === 1 && concerns[0].directive === 'script-src' && concerns[0].value === "'self'";
    },
  },
];

/** What Google's CSP evaluator (as bundled with Electronegativity) finds worth a warning in a policy. */
function cspConcerns(policy) {
  if (typeof policy !== 'string') return [{ directive: '(none)', value: 'no policy text' }];
  const csp = fromScanner('@doyensec/csp-evaluator');
  const { HIGH, MEDIUM, HIGH_MAYBE, MEDIUM_MAYBE } = csp.severities;
  const parsed = new csp.CspParser(policy);
  return new csp.CspEvaluator(parsed.csp, csp.Version.CSP3)
    .evaluate()
    .filter((finding) => [HIGH, MEDIUM, HIGH_MAYBE, MEDIUM_MAYBE].includes(finding.severity));
}

/** The files Electronegativity reads in `folder` (it skips node_modules). */
function sourceFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|jsx|html?)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes('node_modules'));
}

/**
 * The checks the code itself turns off, line by line, with Electronegativity's own
 * `eng-disable CHECK` comments: the scanner drops what they cover without a word, so they are listed.
 */
function inlineExclusions(files) {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => {
        const match = /(?:\/\*|\/\/)[ \t]*eng-disable[ \t]+([\w \t]+)/.exec(line);
        return match ? [`${relative(input, file)}:${index + 1} ${match[1].trim()}`] : [];
      }),
  );
}

const input = resolve(root, process.argv[2] ?? 'electron');
const version = electronVersion();
const run = fromScanner(runnerPath);
const result = await run(
  { input, isRelative: true, electronVersionOverride: version, excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()) },
  false,
);

const where = relative(root, input) || '.';
const files = sourceFiles(input);
const accepted = [];
const findings = [];
for (const issue of result.issues) {
  const review = REVIEWED.find((entry) => entry.id === issue.id && entry.applies(issue));
  (review ? accepted : findings).push({ issue, review });
}

console.log(
  `lint:electron: Electronegativity ${fromScanner('../package.json').version}, ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ` +
    `Electron ${version}; scanned ${where}/ (${files.length} source files); excluded: ${EXCLUDED_CHECKS.join(', ')}`,
);
for (const exclusion of inlineExclusions(files)) console.log(`  turned off in the code: ${exclusion}`);
for (const error of result.errors) {
  console.log(`  PARSE ${error.tolerable ? 'WARNING' : 'ERROR'} ${error.file}: ${error.message}`);
}
for (const { issue, review } of accepted) {
  console.log(`  reviewed, accepted: ${issue.id} ${issue.file}:${issue.location.line} — ${review.why}`);
}
for (const { issue } of findings) {
  const sample = issue.sample ? `\n      ${issue.sample}` : '';
  console.log(
    `  FINDING ${issue.id} [${issue.severity.name ?? issue.severity}, ${issue.confidence.name ?? issue.confidence}${issue.manualReview ? ', review' : ''}] ` +
      `${issue.file}:${issue.location.line}:${issue.location.column} — ${issue.description}${sample}`,
  );
}
console.log(`lint:electron: ${findings.length} findings, ${result.errors.length} parse errors`);
process.exitCode = findings.length > 0 || result.errors.length > 0 ? 1 : 0;
