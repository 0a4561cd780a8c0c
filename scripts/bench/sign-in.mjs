// sign-in.mjs — the demo Admin agent's access token from a demo server, as
// the benchmarks' pages hold it.

export async function signIn(base) {
  const demo = await (await fetch(`${base}/v1/demo`)).json();
  const account = demo.accounts.find((candidate) => candidate.userName === 'adminagent');
  const reply = await fetch(`${base}/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: account.userName, password: account.password }),
  });
  if (!reply.ok) throw new Error(`sign in at ${base}: ${reply.status}`);
  return (await reply.json()).accessToken;
}
