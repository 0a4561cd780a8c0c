// batch.mjs — "Add customers from a file" in headless Chromium, timed in the
// page (performance.now(), MutationObserver, requestAnimationFrame):
//
//   node batch.mjs CHECK_BASE SEND_BASE TEMPLATE_CSV RUNS OUT_JSON
//
// - read and check: a file of 1,000 valid rows chosen → the end of the frame
//   showing its first page of rows (PAGE_ROWS, as src/pages/from_file/table.rs
//   lists them) with the counts of all, and → the end of the frame whose counts
//   say every row is ready (which includes the 1,000 domain lookups, four at a time;
//   CHECK_BASE should not throttle them);
// - editing a cell: a row's wrong e-mail replaced (a change event) → the end
//   of the frame showing the row ready, 20 rows per run, with a 1,000-row
//   file on the page;
// - sending: 200 valid rows, Add clicked → the counts saying all 200 added,
//   against SEND_BASE (the reference server's default limits), once.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

import { signIn } from './sign-in.mjs';

const require = createRequire(`${process.env.BENCH_NODE_DIR}/package.json`);
const { chromium } = require('playwright-core');

const [checkBase, sendBase, templatePath, runsArg, outPath] = process.argv.slice(2);
const runs = Number(runsArg);
const CHECKED_ROWS = Number(process.env.BENCH_BATCH_ROWS ?? 1000);
const EDITED_ROWS = 20;
const SENT_ROWS = 200;
const PAGE_ROWS = 100;
const header = readFileSync(templatePath, 'utf8').split(/\r?\n/)[0].split(',');

// Company names spell the row's number in syllables: digits would repeat
// ("111") and get the repeated-character warning.
const SYLLABLES = ['ba', 'ce', 'di', 'fo', 'gu', 'ha', 'je', 'ki', 'lo', 'mu'];
const spelled = (number) => [...String(number)].map((digit) => SYLLABLES[digit]).join('');

/** A file of `count` Budapest customers; the first `wrongEmails` with a wrong e-mail. */
function file(prefix, count, wrongEmails = 0) {
  const lines = [header.join(',')];
  for (let i = 0; i < count; i += 1) {
    const domain = `${prefix}${i}`;
    const values = {
      companyName: `Kertészet ${spelled(i)} Kft.`,
      domainPrefix: domain,
      country: 'HU',
      addressLine1: 'Váci utca 1.',
      city: 'Budapest',
      postalCode: '1052',
      registrationNumber: '12892312-2-42',
      firstName: 'Anna',
      lastName: 'Kiss',
      email: i < wrongEmails ? 'anna.kiss@' : `anna@${domain}.hu`,
      phoneNumber: '+36 1 234 5678',
      agreement: 'willAccept',
    };
    lines.push(header.map((column) => values[column] ?? '').join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** Runs in every page before its scripts: the session, and the probes. */
function harness(token) {
  if (!location.protocol.startsWith('http')) return;
  sessionStorage.setItem('customer-wizard.token', token);
  const afterFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  // The end of the frame in which `test` first holds, checked at every DOM change.
  window.__when = (test, timeout) =>
    new Promise((resolve, reject) => {
      let observer = null;
      const timer = setTimeout(() => {
        observer?.disconnect();
        reject(new Error(`timed out: ${test}`));
      }, timeout);
      const check = () => {
        if (!test()) return false;
        observer?.disconnect();
        clearTimeout(timer);
        afterFrame().then(resolve);
        return true;
      };
      if (!check()) {
        observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      }
    });
  window.__counts = () => document.getElementById('batch-counts')?.textContent ?? '';
  window.__rows = () => document.querySelectorAll('#batch-rows tbody tr').length;
}

const samples = { shown: [], checked: [], edit: [], sent: [] };
const failures = [];
const pageErrors = [];

async function freshPage(browser, token, base) {
  const context = await browser.newContext();
  await context.addInitScript(harness, token);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(`${base}/customers/new/from-file`);
  await page.waitForSelector('#batch-file:not([disabled])');
  return { context, page };
}

/** Chooses `buffer` as the file: times from its change event, in the page. */
async function choose(page, buffer, rows) {
  await page.evaluate(
    ([rows, PAGE_ROWS]) => {
      window.__chosen = new Promise((resolve) => {
        document.getElementById('batch-file').addEventListener(
          'change',
          (event) => {
            const start = event.timeStamp;
            Promise.all([
              window.__when(() => window.__rows() === Math.min(rows, PAGE_ROWS) && window.__counts(), 30000),
              // Every row checked: no longer "Checking the customers…".
              window.__when(
                () =>
                  window.__rows() === Math.min(rows, PAGE_ROWS) &&
                  window.__counts() &&
                  !document.querySelector('main .form-status'),
                120000,
              ),
            ]).then(([shown, checked]) =>
              resolve({ shown: shown - start, checked: checked - start, counts: window.__counts() }),
            );
          },
          { capture: true, once: true },
        );
      });
    },
    [rows, PAGE_ROWS],
  );
  await page.setInputFiles('#batch-file', { name: 'customers.csv', mimeType: 'text/csv', buffer });
  return page.evaluate(() => window.__chosen);
}

async function checkRun(browser, token, run) {
  const { context, page } = await freshPage(browser, token, checkBase);
  try {
    const prefix = `bench${run}x`;
    const { shown, checked, counts } = await choose(page, file(prefix, CHECKED_ROWS, EDITED_ROWS), CHECKED_ROWS);
    const expected = `${CHECKED_ROWS - EDITED_ROWS} ready to add, ${EDITED_ROWS} to fix, 0 left out.`;
    if (counts !== expected) throw new Error(`checked: "${counts}", not "${expected}"`);
    samples.shown.push(shown);
    samples.checked.push(checked);
    for (let row = 2; row < 2 + EDITED_ROWS; row += 1) {
      const took = await page.evaluate(
        ([row, value]) => {
          const input = document.getElementById(`row-${row}-email`);
          const start = performance.now();
          input.value = value;
          input.dispatchEvent(new Event('change', { bubbles: true }));
          return window
            .__when(() => !document.getElementById(`row-${row}-email`), 5000)
            .then((frame) => frame - start);
        },
        [row, `anna@${prefix}${row - 2}.hu`],
      );
      samples.edit.push(took);
    }
  } finally {
    await context.close();
  }
}

async function sendRun(browser, token) {
  const { context, page } = await freshPage(browser, token, sendBase);
  try {
    const { counts } = await choose(page, file(`sent${Date.now() % 100000}x`, SENT_ROWS), SENT_ROWS);
    if (!counts.startsWith(`${SENT_ROWS} ready`)) throw new Error(`before sending: "${counts}"`);
    const took = await page.evaluate((rows) => {
      const button = document.getElementById('batch-submit');
      const start = performance.now();
      button.click();
      const done = () => document.getElementById('batch-progress-text')?.textContent.startsWith(`${rows} added, 0 not added, 0 left`);
      return window.__when(done, 300000).then((frame) => frame - start);
    }, SENT_ROWS);
    samples.sent.push(took);
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const [checkToken, sendToken] = await Promise.all([signIn(checkBase), signIn(sendBase)]);
  for (let run = 0; run < runs; run += 1) {
    try {
      await checkRun(browser, checkToken, run);
    } catch (error) {
      failures.push(`check run ${run + 1}: ${error.message.split('\n')[0]}`);
    }
    process.stderr.write(`    batch run ${run + 1}/${runs}\r`);
  }
  process.stderr.write('\n');
  try {
    await sendRun(browser, sendToken);
  } catch (error) {
    failures.push(`send run: ${error.message.split('\n')[0]}`);
  }
} finally {
  await browser.close();
}
writeFileSync(
  outPath,
  JSON.stringify(
    { runs, checkedRows: CHECKED_ROWS, editedRows: EDITED_ROWS, sentRows: SENT_ROWS, samples, failures, pageErrors: [...new Set(pageErrors)] },
    null,
    1,
  ),
);
if (failures.length) process.exitCode = 1;
