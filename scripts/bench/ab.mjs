// ab.mjs — two builds of the SPA compared on Account info, page by page in
// turn, so that a slow moment of the machine touches both alike: typing
// "Contoso" in Company name (the first key, then the others) and choosing a
// country, each from its event to the end of the next frame. For a change
// whose effect is smaller than `make bench` moves between two runs.
//
//   node scripts/bench/ab.mjs DIST_A DIST_B [PAGES]
//
// Each build is served by its own `target/release/customer-api serve --demo`
// on a free loopback port, with a SQLite database in a temporary directory.
// Needs what `make bench` installs (playwright-core in target/bench-node,
// Debian's Chromium).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { armFrame } from './frame.mjs';
import { signIn } from './sign-in.mjs';
import { percentile } from './stats.mjs';

const require = createRequire(resolve(process.env.BENCH_NODE_DIR ?? 'target/bench-node', 'package.json'));
const { chromium } = require('playwright-core');

const [distA, distB, pagesArg = '20'] = process.argv.slice(2);
if (!distA || !distB) {
  console.error('usage: node scripts/bench/ab.mjs DIST_A DIST_B [PAGES]');
  process.exit(2);
}
const PAGES = Number(pagesArg);
const COUNTRIES = ['HU', 'TR', 'US', 'DE'];
const KEY_PAUSE_MS = 80;
// After Account info is usable: the page finishes starting (the country
// list), so that what is compared is a key typed into a page at rest.
const SETTLE_MS = 500;

const scratch = mkdtempSync(join(tmpdir(), 'customer-wizard-ab-'));
const servers = [];

/** A demo server for `dist` on a free port; resolves with its base URL. */
function serve(name, dist) {
  const server = spawn(
    'target/release/customer-api',
    ['serve', '--bind', '127.0.0.1:0', '--database-url', `sqlite://${join(scratch, `${name}.db`)}`, '--demo', '--spa-dir', dist],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  servers.push(server);
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const listening = /^listening on (\S+)/m.exec(output);
      if (listening) resolve(listening[1]);
    });
    server.on('exit', () => reject(new Error(`the server for ${dist} stopped`)));
  });
}

async function measure(page, type, act) {
  await page.evaluate(armFrame, type);
  await act();
  return page.evaluate(() => window.__frame);
}

async function accountInfo(browser, build, samples) {
  const context = await browser.newContext();
  try {
    await context.addInitScript((token) => {
      if (location.protocol.startsWith('http')) sessionStorage.setItem('customer-wizard.token', token);
    }, build.token);
    const page = await context.newPage();
    await page.goto(`${build.base}/customers/new/account`);
    await page.waitForSelector('#company-name:enabled');
    await page.waitForSelector('#country option[value=HU]', { state: 'attached' });
    await page.waitForTimeout(SETTLE_MS);
    await page.focus('#company-name');
    for (const [index, key] of [...'Contoso'].entries()) {
      samples[index === 0 ? 'firstKey' : 'laterKeys'].push(await measure(page, 'keydown', () => page.keyboard.press(key)));
      await page.waitForTimeout(KEY_PAUSE_MS);
    }
    for (const country of COUNTRIES) {
      samples.countryChosen.push(await measure(page, 'change', () => page.selectOption('#country', country)));
      await page.waitForTimeout(4 * KEY_PAUSE_MS);
    }
  } finally {
    await context.close();
  }
}

let browser;
try {
  const builds = await Promise.all(
    [distA, distB].map(async (dist, index) => {
      const base = await serve(`build-${index}`, dist);
      return { dist, base, token: await signIn(base), samples: { firstKey: [], laterKeys: [], countryChosen: [] } };
    }),
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  for (let page = 0; page < PAGES; page += 1) {
    // A first, then B first, and so on: neither always follows the other.
    for (const build of page % 2 ? [...builds].reverse() : builds) await accountInfo(browser, build, build.samples);
  }
  console.log(`${PAGES} pages of each build, in turn; ms from the event to the end of the next frame\n`);
  console.log('| measure | build | samples | median | p90 | p99 |\n| --- | --- | ---: | ---: | ---: | ---: |');
  for (const measure of ['firstKey', 'laterKeys', 'countryChosen']) {
    for (const build of builds) {
      const values = build.samples[measure];
      const [median, p90, p99] = [50, 90, 99].map((p) => percentile(values, p).toFixed(1));
      console.log(`| ${measure} | ${build.dist} | ${values.length} | ${median} | ${p90} | ${p99} |`);
    }
  }
} finally {
  await browser?.close();
  for (const server of servers) server.kill();
  rmSync(scratch, { recursive: true, force: true });
}
