// api.mjs — the API load tests (wrk) against one demo server.
//
//   node api.mjs BASE SERVER_OUT OUT_JSON
//
// Signs in as the demo Admin agent (its password is in the server's output),
// then runs each test of wrk.lua twice: one connection (the latency of a lone
// client) and 16 connections on 2 threads (throughput; latency includes
// queueing). Each test lasts BENCH_SECONDS (half that with one connection)
// or BENCH_REQUESTS responses, whichever comes first.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [base, serverOut, outPath] = process.argv.slice(2);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const maxRequests = Number(process.env.BENCH_REQUESTS ?? 20000);
const script = fileURLToPath(new URL('wrk.lua', import.meta.url));

const password = readFileSync(serverOut, 'utf8')
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .find((words) => words[0] === 'adminagent')?.[2];
const signIn = await fetch(`${base}/v1/auth/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ userName: 'adminagent', password }),
});
if (!signIn.ok) throw new Error(`sign in: ${signIn.status}`);
const token = (await signIn.json()).accessToken;

/** A customer that passes every rule (the server tests' US customer). */
const customer = (prefix) =>
  JSON.stringify({
    companyProfile: { domain: `${prefix}.onmicrosoft.com`, companyName: 'Contoso Incorporated' },
    billingProfile: {
      email: 'jane@contosoinc.com',
      culture: 'en-US',
      language: 'en',
      companyName: 'Contoso Incorporated',
      defaultAddress: {
        firstName: 'Jane',
        lastName: 'Doe',
        addressLine1: '1 Microsoft Way',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        country: 'US',
        phoneNumber: '4255550101',
      },
    },
    enableGDAPByDefault: true,
  });

const tests = [
  { name: 'HEAD /v1/domains/{d}', mode: 'head', expect: 404 },
  { name: 'GET /v1/offers?country=US', mode: 'offers', expect: 200 },
  { name: 'POST /v1/customers', mode: 'create', expect: 201, body: customer('DOMAIN_PREFIX') },
  { name: 'POST /v1/customers, replayed', mode: 'replay', expect: 201 },
];

/** Runs wrk once; its done() prints the figures. */
function wrk(test, connections, duration, run, body = '') {
  const threads = Math.min(2, connections);
  const child = spawnSync(
    'wrk',
    ['-t', String(threads), '-c', String(connections), '-d', `${duration}s`, '--timeout', '5s', '-s', script, base],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        BENCH_MODE: test.mode,
        BENCH_TOKEN: token,
        BENCH_BODY: body,
        BENCH_LIMIT: String(Math.ceil(maxRequests / threads)),
        BENCH_EXPECT: String(test.expect),
        BENCH_RUN: String(run),
      },
    },
  );
  const line = child.stdout.split('\n').find((text) => text.startsWith('BENCH '));
  if (child.status !== 0 || !line) throw new Error(`wrk ${test.mode}: ${child.stderr || child.stdout}`);
  return JSON.parse(line.slice('BENCH '.length));
}

// The answer every replay gets: stored by this first request.
const replayBody = customer('benchreplay');
const first = await fetch(`${base}/v1/customers`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'MS-RequestId': 'bench-replay-0' },
  body: replayBody,
});
if (first.status !== 201) throw new Error(`the customer to replay: ${first.status} ${await first.text()}`);

// Warms the server's connection pool and caches; not reported.
wrk(tests[1], 16, 1, 0);
const results = [];
let run = 0;
for (const connections of [1, 16]) {
  for (const test of tests) {
    run += 1;
    // Every replay sends the first request's id and body again.
    const body = test.mode === 'replay' ? replayBody : (test.body ?? '');
    const duration = connections === 1 ? Math.max(1, Math.round(seconds / 2)) : seconds;
    const figures = wrk(test, connections, duration, test.mode === 'replay' ? 0 : run, body);
    results.push({ name: test.name, connections, expect: test.expect, ...figures });
    process.stderr.write(`    ${test.name}, ${connections} connection(s): ${figures.requests} requests\n`);
  }
}
writeFileSync(outPath, JSON.stringify({ base, seconds, maxRequests, results }, null, 1));
