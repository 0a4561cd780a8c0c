// browser.mjs — the wizard's timings in headless Chromium, measured in the
// page (performance.now(), MutationObserver, requestAnimationFrame), never
// by WebDriver round trips: Playwright only opens pages and sends real input.
//
//   node browser.mjs SPA_BASE CATALOGUE_BASE CATALOGUE_JSON RUNS OUT_JSON
//
// SPA_BASE serves dist/ with the demo catalogue, CATALOGUE_BASE the same with
// the 1,000 offers of CATALOGUE_JSON. Every run opens a fresh browser context:
// empty cache and storage, as a first visit. Writes every sample to OUT_JSON;
// report.mjs turns them into medians and percentiles.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

import { armFrame } from './frame.mjs';
import { signIn } from './sign-in.mjs';

const require = createRequire(`${process.env.BENCH_NODE_DIR}/package.json`);
const { chromium } = require('playwright-core');

const [spaBase, bigBase, cataloguePath, runsArg, outPath] = process.argv.slice(2);
const runs = Number(runsArg);
const catalogue = JSON.parse(readFileSync(cataloguePath, 'utf8'));
// Subscriptions opens on the category of lowest rank.
const firstCategory = [...catalogue.categories].sort((a, b) => a.rank - b.rank)[0].id;
const firstTab = catalogue.offers.filter((offer) => offer.category === firstCategory).length;
// Typed into the offer search one key at a time, then erased: every key
// changes the list (see catalogue.mjs), "0" lists all the offers.
const FILTER_KEYS = ['0', '4', '2', '7', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
// Typed into Company name after it was left with "Contoso" selected. Each
// key changes its message: required, too short, none, too short, none, too short.
const MESSAGE_KEYS = ['Backspace', 'C', 'x', 'Backspace', 'x', 'Backspace'];
// Chosen in Account info's Country, in turn; each answer with the country's
// rules is in before the next.
const COUNTRIES_CHOSEN = ['HU', 'TR'];
const COUNTRY_PAUSE_MS = 300;
// Human typing is slower than CDP; the pause also lets debounced work run.
const KEY_PAUSE_MS = 80;
// A real network, as the React peer was measured on (performance-peers.md):
// 10 Mbit/s each way, 40 ms round trip; 10 runs.
const SLOW_NETWORK = { offline: false, latency: 40, downloadThroughput: 1_250_000, uploadThroughput: 1_250_000 };
const SLOW_NETWORK_RUNS = 10;
// Fresh pages traced: V8's compiling at a first key and at step changes,
// and where the later keys' time goes.
const TRACED_RUNS = 10;

/** Runs in every page before its scripts: the session, and the probes. */
function harness({ token, wizard, ready }) {
  // The context's first page is about:blank, which has no storage.
  if (!location.protocol.startsWith('http')) return;
  sessionStorage.setItem('customer-wizard.token', token);
  if (wizard) sessionStorage.setItem('customer-wizard.wizard', wizard);

  // The end of the next frame: rAF callbacks run before style, layout and
  // paint; a message posted from one is handled after them.
  const afterFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  // When `test` first holds, checked at every DOM change: the time it was
  // seen and the end of the frame that shows it.
  const when = (test, timeout) =>
    new Promise((resolve, reject) => {
      let observer = null;
      const timer = setTimeout(() => {
        observer?.disconnect();
        reject(new Error('timed out'));
      }, timeout);
      const check = () => {
        if (!test()) return false;
        const seen = performance.now();
        observer?.disconnect();
        clearTimeout(timer);
        afterFrame().then((frame) => resolve({ seen, frame }));
        return true;
      };
      if (!check()) {
        observer = new MutationObserver(check);
        observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      }
    });
  const offerRows = () => document.querySelectorAll('ul.offers > li');
  // How many offers match: the list shows the first ones, and says how many
  // more there are when there are more.
  const matching = () =>
    Number(document.getElementById('offers-listed')?.dataset.matching ?? offerRows().length);
  const states = {
    // Company name's message (error or warning, same id), or none.
    message: () => {
      const element = document.getElementById('company-name-error');
      return element ? `${element.className}:${element.textContent}` : '';
    },
    // The offers: how many match, how many are listed, the first and the
    // last listed; or the notice.
    offers: () => {
      const rows = offerRows();
      if (!rows.length) return document.querySelector('main .notice')?.textContent ?? '';
      const id = (row) => row.querySelector('input')?.id;
      return `${matching()}:${rows.length}:${id(rows[0])}:${id(rows[rows.length - 1])}`;
    },
  };

  // Navigation start is performance.now()'s zero.
  const readyTest =
    ready.offers === undefined
      ? () => {
          const input = document.getElementById('company-name');
          return !!input && !input.disabled;
        }
      : () => offerRows().length > 0 && matching() === ready.offers;
  window.__ready = when(readyTest, 30000);
  window.__ready.catch(() => {});

  // Measures the next `type` event (keydown, click): from its timestamp to
  // the end of the next frame, and to the end of the frame in which
  // `until.state` changed or `until.selector` appeared.
  window.__arm = (type, until) => {
    const before = until.state ? states[until.state]() : null;
    window.__measured = new Promise((resolve) => {
      addEventListener(
        type,
        (event) => {
          const start = event.timeStamp;
          const frame = afterFrame();
          const test = until.state
            ? () => states[until.state]() !== before
            : () => !!document.querySelector(until.selector);
          const change = until.state || until.selector ? when(test, 5000).catch(() => null) : Promise.resolve(null);
          Promise.all([frame, change]).then(([frameEnd, changed]) => {
            // The last answer from the server (the API's, or a page's
            // code) that arrived between the event and that frame.
            const answers = performance
              .getEntriesByType('resource')
              .map((entry) => entry.responseEnd)
              .filter((end) => end >= start && changed && end <= changed.frame);
            resolve({
              nextFrame: frameEnd - start,
              changed: changed && changed.frame - start,
              lastAnswer: answers.length ? Math.max(...answers) - start : 0,
              after: until.state ? states[until.state]() : null,
            });
          });
        },
        { capture: true, once: true },
      );
    });
  };
}

const samples = {
  ttiSeen: [],
  ttiFrame: [],
  slowNetworkSeen: [],
  bareFrame: [],
  typingFrame: [],
  typingFirstKey: [],
  typingLaterKeys: [],
  messageChanged: [],
  countryChosen: [],
  nextToSubscriptions: [],
  nextToReview: [],
  answerToSubscriptions: [],
  answerToReview: [],
  compileFirstKey: [],
  compileToSubscriptions: [],
  compileToReview: [],
  startLongestTask: [],
  keyScript: [],
  keyLayout: [],
  keyPaint: [],
  bareKeyLayout: [],
  bareKeyPaint: [],
  offersListedSeen: [],
  offersListedFrame: [],
  offersRender: [],
  filterChanged: [],
  filterAllChanged: [],
  filterScript: [],
  filterLayout: [],
  filterPaint: [],
};
const failures = [];
const pageErrors = [];
// What the page showed after each key of the first run, so that a reader
// can check that every measured key did change what it should.
const trace = { message: [], filter: [] };

async function freshPage(browser, init) {
  const context = await browser.newContext();
  await context.addInitScript(harness, init);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return { context, page };
}

/** One measured event: arms the probe, acts, returns what the page measured. */
async function measure(page, type, until, act) {
  await page.evaluate(([type, until]) => window.__arm(type, until), [type, until]);
  await act();
  return page.evaluate(() => window.__measured);
}

/** Account info, fresh: time to interactive, typing, message changes. */
async function accountRun(browser, token) {
  const { context, page } = await freshPage(browser, { token, wizard: null, ready: {} });
  try {
    await page.goto(`${spaBase}/customers/new/account`, { waitUntil: 'commit' });
    const ready = await page.evaluate(() => window.__ready);
    samples.ttiSeen.push(ready.seen);
    samples.ttiFrame.push(ready.frame);
    await page.focus('#company-name');
    for (const [index, key] of [...'Contoso'].entries()) {
      const result = await measure(page, 'keydown', {}, () => page.keyboard.press(key));
      samples.typingFrame.push(result.nextFrame);
      (index === 0 ? samples.typingFirstKey : samples.typingLaterKeys).push(result.nextFrame);
      await page.waitForTimeout(KEY_PAUSE_MS);
    }
    // Leaving the field is what lets its messages show.
    await page.focus('#domain-prefix');
    await page.focus('#company-name');
    await page.$eval('#company-name', (input) => input.select());
    for (const key of MESSAGE_KEYS) {
      const result = await measure(page, 'keydown', { state: 'message' }, () => page.keyboard.press(key));
      if (result.changed === null) throw new Error(`the message did not change after ${key}`);
      samples.messageChanged.push(result.changed);
      if (trace.message.length < MESSAGE_KEYS.length) trace.message.push(`${key} → ${result.after || '(no message)'}`);
      await page.waitForTimeout(KEY_PAUSE_MS);
    }
    // A country chosen, then another, with the 249 countries listed.
    await page.waitForSelector('#country option[value=HU]', { state: 'attached' });
    for (const country of COUNTRIES_CHOSEN) {
      const result = await measure(page, 'change', {}, () => page.selectOption('#country', country));
      samples.countryChosen.push(result.nextFrame);
      await page.waitForTimeout(COUNTRY_PAUSE_MS);
    }
  } finally {
    await context.close();
  }
}

/**
 * What a frame costs here without the app: a key typed into a bare input,
 * from its keydown to the end of the next frame. The "one frame" targets
 * cannot be met below this.
 */
async function bareRun(browser) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<label for="bare">Name</label><input id="bare">');
    await page.focus('#bare');
    for (const key of 'Contoso') {
      await page.evaluate(armFrame, 'keydown');
      await page.keyboard.press(key);
      samples.bareFrame.push(await page.evaluate(() => window.__frame));
      await page.waitForTimeout(KEY_PAUSE_MS);
    }
  } finally {
    await context.close();
  }
}

/** Account info, fresh, over SLOW_NETWORK: time to interactive. */
async function slowNetworkRun(browser, token) {
  const { context, page } = await freshPage(browser, { token, wizard: null, ready: {} });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await page.goto(`${spaBase}/customers/new/account`, { waitUntil: 'commit' });
    const ready = await page.evaluate(() => window.__ready);
    samples.slowNetworkSeen.push(ready.seen);
  } finally {
    await context.close();
  }
}

/** A fresh page on the complete Account info, ready to go on: the
 *  country's rules and the domain check are in. */
async function completeAccountInfo(browser, token, wizard) {
  const { context, page } = await freshPage(browser, { token, wizard, ready: {} });
  try {
    await page.goto(`${spaBase}/customers/new/account`, { waitUntil: 'commit' });
    await page.evaluate(() => window.__ready);
    await page.waitForSelector('#language option[value=hu]', { state: 'attached' });
    await page.waitForSelector('.availability--ok');
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** A complete Account info, Next, then Subscriptions' Next. */
async function nextRun(browser, token, wizard) {
  const { context, page } = await completeAccountInfo(browser, token, wizard);
  try {
    const toSubscriptions = await measure(page, 'click', { selector: '#offer-search' }, () =>
      page.click('main form button[type=submit]'),
    );
    if (toSubscriptions.changed === null) throw new Error('Next did not open Subscriptions');
    samples.nextToSubscriptions.push(toSubscriptions.changed);
    samples.answerToSubscriptions.push(toSubscriptions.changed - toSubscriptions.lastAnswer);
    await page.waitForSelector('ul.offers > li');
    const toReview = await measure(page, 'click', { selector: '#update-account' }, () =>
      page.click('main form button[type=submit]'),
    );
    if (toReview.changed === null) throw new Error('Next did not open Review');
    samples.nextToReview.push(toReview.changed);
    samples.answerToReview.push(toReview.changed - toReview.lastAnswer);
  } finally {
    await context.close();
  }
}

/**
 * `traced(categories, act, until)`: the trace events of `categories` from
 * `act` until `until()` resolves.
 */
async function tracer(context, page) {
  const cdp = await context.newCDPSession(page);
  return async (categories, act, until) => {
    const events = [];
    const collect = (data) => events.push(...data.value);
    cdp.on('Tracing.dataCollected', collect);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    await act();
    await until();
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** Until `selector` is shown and the frame after it has ended. */
const frameShowing = (page, selector) => async () => {
  await page.waitForSelector(selector);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
};

/** The milliseconds of the `events` named one of `names`. */
const tracedMs = (events, names) =>
  events
    .filter((event) => event.ph === 'X' && names.includes(event.name))
    .reduce((total, event) => total + event.dur / 1000, 0);

/**
 * Each of `keys` typed into the focused `selector`, traced: where its time
 * goes, into `costs` — the page's script (a script and those it calls,
 * once), Chromium's style and layout, and its paint.
 */
async function keyCosts(traced, page, keys, selector, costs) {
  for (const key of keys) {
    const events = await traced('devtools.timeline', () => page.keyboard.press(key), frameShowing(page, selector));
    const calls = events.filter((event) => event.ph === 'X' && event.name === 'FunctionCall');
    const outermost = calls.filter(
      (call) =>
        !calls.some(
          (other) => other !== call && other.tid === call.tid && other.ts <= call.ts && other.ts + other.dur >= call.ts + call.dur,
        ),
    );
    costs.script?.push(tracedMs(outermost, ['FunctionCall']));
    costs.layout.push(tracedMs(events, ['UpdateLayoutTree', 'Layout']));
    costs.paint.push(tracedMs(events, ['PrePaint', 'Paint']));
    await page.waitForTimeout(KEY_PAUSE_MS);
  }
}

/**
 * Account info opened fresh: the longest task on the page's thread in the
 * second after its first field is usable, while the page finishes starting
 * (it lists the countries then). A key typed meanwhile waits for it.
 */
async function longestTaskAfterStart(browser, token) {
  const { context, page } = await freshPage(browser, { token, wizard: null, ready: {} });
  try {
    const traced = await tracer(context, page);
    await page.goto(`${spaBase}/customers/new/account`, { waitUntil: 'commit' });
    await page.evaluate(() => window.__ready);
    const events = await traced(
      'disabled-by-default-devtools.timeline,__metadata',
      async () => {},
      () => page.waitForTimeout(1000),
    );
    const mainThreads = new Set(
      events
        .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
        .map((event) => `${event.pid}:${event.tid}`),
    );
    return Math.max(
      0,
      ...events
        .filter((event) => event.ph === 'X' && event.name === 'RunTask' && mainThreads.has(`${event.pid}:${event.tid}`))
        .map((event) => event.dur / 1000),
    );
  } finally {
    await context.close();
  }
}

/**
 * A first keystroke and the same step changes again, traced: how long V8
 * spends compiling wasm functions the page runs for the first time
 * (`wasm.CompileLazy`, from the event to the frame that shows its result);
 * and where the time of the keys after it goes, beside the same keys in a
 * bare input. Apart from the runs that time them, as tracing slows what it
 * watches.
 */
async function tracedRun(browser, token, wizard) {
  samples.startLongestTask.push(await longestTaskAfterStart(browser, token));
  const { context, page } = await completeAccountInfo(browser, token, wizard);
  try {
    const traced = await tracer(context, page);
    const compiling = async (act, selector) =>
      tracedMs(await traced('v8.wasm', act, frameShowing(page, selector)), ['wasm.CompileLazy']);
    // The page's first keystroke, as a user's first key in Company name.
    await page.focus('#company-name');
    samples.compileFirstKey.push(await compiling(() => page.keyboard.press('x'), '#company-name'));
    await keyCosts(traced, page, 'ontoso', '#company-name', {
      script: samples.keyScript,
      layout: samples.keyLayout,
      paint: samples.keyPaint,
    });
    samples.compileToSubscriptions.push(
      await compiling(() => page.click('main form button[type=submit]'), '#offer-search'),
    );
    await page.waitForSelector('ul.offers > li');
    samples.compileToReview.push(
      await compiling(() => page.click('main form button[type=submit]'), '#update-account'),
    );
  } finally {
    await context.close();
  }
  const bare = await browser.newContext();
  try {
    const page = await bare.newPage();
    await page.setContent('<label for="bare">Name</label><input id="bare">');
    await page.focus('#bare');
    await keyCosts(await tracer(bare, page), page, 'Contoso', '#bare', {
      layout: samples.bareKeyLayout,
      paint: samples.bareKeyPaint,
    });
  } finally {
    await bare.close();
  }
}

/** Subscriptions with the big catalogue: first render, then filtering. */
async function offersRun(browser, token, wizard) {
  const { context, page } = await freshPage(browser, { token, wizard, ready: { offers: firstTab } });
  try {
    await page.goto(`${bigBase}/customers/new/subscriptions`, { waitUntil: 'commit' });
    const ready = await page.evaluate(() => window.__ready);
    const response = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .find((entry) => new URL(entry.name).pathname === '/v1/offers')?.responseEnd,
    );
    samples.offersListedSeen.push(ready.seen);
    samples.offersListedFrame.push(ready.frame);
    if (response !== undefined) samples.offersRender.push(ready.frame - response);
    await page.focus('#offer-search');
    for (const key of FILTER_KEYS) {
      const result = await measure(page, 'keydown', { state: 'offers' }, () => page.keyboard.press(key));
      if (result.changed === null) throw new Error(`the offers did not change after ${key}`);
      samples.filterChanged.push(result.changed);
      if (trace.filter.length < FILTER_KEYS.length) trace.filter.push(`${key} → ${result.after}`);
      if (result.after.startsWith(`${catalogue.offers.length}:`)) samples.filterAllChanged.push(result.changed);
      await page.waitForTimeout(KEY_PAUSE_MS);
    }
  } finally {
    await context.close();
  }
}

/** The same filtering, traced: where a keystroke's time goes. */
async function tracedOffersRun(browser, token, wizard) {
  const { context, page } = await freshPage(browser, { token, wizard, ready: { offers: firstTab } });
  try {
    await page.goto(`${bigBase}/customers/new/subscriptions`, { waitUntil: 'commit' });
    await page.evaluate(() => window.__ready);
    await page.focus('#offer-search');
    await keyCosts(await tracer(context, page), page, FILTER_KEYS, '#offer-search', {
      script: samples.filterScript,
      layout: samples.filterLayout,
      paint: samples.filterPaint,
    });
  } finally {
    await context.close();
  }
}

/** Fills Account info once through the UI (by element ids, not by text)
 *  and keeps the wizard's stored state: later runs start from it. Also
 *  records which files a first load fetches. */
async function prepare(browser, token) {
  const { context, page } = await freshPage(browser, { token, wizard: null, ready: {} });
  const fetched = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(spaBase).origin && !url.pathname.startsWith('/v1/')) fetched.add(url.pathname);
  });
  try {
    await page.goto(`${spaBase}/customers/new/account`, { waitUntil: 'load' });
    // When Account info's first field was usable, in the page's own time.
    const { seen: usable } = await page.evaluate(() => window.__ready);
    await page.selectOption('#country', 'HU');
    await page.waitForSelector('#language option[value=hu]', { state: 'attached' });
    const fields = {
      'company-name': 'Fővárosi Kertészet Kft.',
      'domain-prefix': 'benchkerteszet',
      'address-line1': 'Váci utca 1.',
      city: 'Budapest',
      'postal-code': '1052',
      'registration-number': '12892312-2-42',
      'first-name': 'Anna',
      'last-name': 'Kiss',
      email: 'anna.kiss@fovarosikerteszet.hu',
      'phone-number': '+36 1 234 5678',
    };
    for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
    await page.click('#agreement-has-accepted');
    await page.waitForSelector('.availability--ok');
    // On to Subscriptions, whose Review's code is fetched ahead too.
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#offer-search', { timeout: 10000 });
    // The favicon, if the browser asks for it, comes after load; Review's
    // code when Subscriptions' offers are in and the browser is idle.
    await page.waitForTimeout(1000);
    // The first load is everything asked for until Account info's first
    // field was usable, and whatever else is not the app's code (the
    // favicon). The pages' own code asked for after that is fetched ahead,
    // while the user is on a step, so that Next does not wait for it.
    const later = await page.evaluate(
      (usable) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime > usable)
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => /\/(split_|chunk_)[^/]*\.wasm$/.test(path)),
      usable,
    );
    const ahead = [...fetched].filter((path) => later.includes(path)).sort();
    const wizard = await page.evaluate(() => sessionStorage.getItem('customer-wizard.wizard'));
    return { wizard, fetched: [...fetched].filter((path) => !ahead.includes(path)).sort(), ahead };
  } finally {
    await context.close();
  }
}

/**
 * The bytes Chromium received for the app's own files (`transferSize`:
 * headers and the body as sent, compressed or not; 0 from its cache), on a
 * first visit with an empty cache and on a second visit in the same context,
 * as when the user opens the app again. The API's answers are not counted.
 */
async function transfer(browser, token) {
  const { context, page } = await freshPage(browser, { token, wizard: null, ready: {} });
  const visit = async () => {
    await page.goto(`${spaBase}/customers/new/account`, { waitUntil: 'load' });
    await page.evaluate(() => window.__ready);
    await page.waitForTimeout(300);
    return page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((entry) => {
          const url = new URL(entry.name);
          return url.origin === location.origin && !url.pathname.startsWith('/v1/');
        })
        .map((entry) => ({ path: new URL(entry.name).pathname, bytes: entry.transferSize })),
    );
  };
  try {
    const first = await visit();
    const repeat = await visit();
    return { first, repeat };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let result;
try {
  const [token, bigToken] = await Promise.all([signIn(spaBase), signIn(bigBase)]);
  const { wizard, fetched, ahead } = await prepare(browser, token);
  const transferred = await transfer(browser, token);
  const scenarios = [
    ['account', () => accountRun(browser, token)],
    ['next', () => nextRun(browser, token, wizard)],
    ['offers', () => offersRun(browser, bigToken, wizard)],
    ['slow network', () => slowNetworkRun(browser, token), SLOW_NETWORK_RUNS],
    ['traced', () => tracedRun(browser, token, wizard), TRACED_RUNS],
    ['traced offers', () => tracedOffersRun(browser, bigToken, wizard), TRACED_RUNS],
    ['bare page', () => bareRun(browser)],
  ];
  for (let run = 0; run < runs; run += 1) {
    // Interleaved, so that a slow moment of the machine touches them all alike.
    for (const [name, scenario, most = runs] of scenarios) {
      if (run >= most) continue;
      try {
        await scenario();
      } catch (error) {
        failures.push(`${name} run ${run + 1}: ${error.message.split('\n')[0]}`);
      }
    }
    process.stderr.write(`    browser run ${run + 1}/${runs}\r`);
  }
  process.stderr.write('\n');
  result = { firstLoad: fetched, fetchedAhead: ahead, transferred };
} catch (error) {
  // Nothing could be measured (no sign-in, or Account info never completed).
  result = { error: error.message.split('\n')[0] };
  process.exitCode = 1;
} finally {
  result.chromium = browser.version();
  await browser.close();
}
writeFileSync(
  outPath,
  JSON.stringify(
    {
      ...result,
      runs,
      firstTab,
      offers: catalogue.offers.length,
      keys: { message: MESSAGE_KEYS, filter: FILTER_KEYS, pauseMs: KEY_PAUSE_MS },
      samples,
      trace,
      failures,
      pageErrors: [...new Set(pageErrors)],
    },
    null,
    1,
  ),
);
