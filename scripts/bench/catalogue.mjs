// catalogue.mjs DEMO_CATALOGUE COUNT — prints a catalogue of COUNT offers for
// `customer-api serve --catalogue`, made from the demo one: its categories
// and currencies, its offers cycled, each named "<demo name> · edition NNNN".
//
// The four-digit serial is what the filter benchmark types: every name holds
// a "0" (all COUNT ≤ 1,000 offers match), then "04", "042", "0427" narrow it.
import { readFileSync } from 'node:fs';

const [demoPath, countArg] = process.argv.slice(2);
const demo = JSON.parse(readFileSync(demoPath, 'utf8'));
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || count > 1000) {
  throw new Error('COUNT must be 1 to 1000 (the serials have four digits and start with 0)');
}

const categories = [...demo.categories].sort((a, b) => a.rank - b.rank);
const offers = Array.from({ length: count }, (_, index) => {
  const base = demo.offers[index % demo.offers.length];
  const serial = String(index).padStart(4, '0');
  const named = (texts) =>
    Object.fromEntries(Object.entries(texts).map(([language, text]) => [language, `${text} · edition ${serial}`]));
  return {
    ...base,
    id: `BENCH-${serial}`,
    // Round robin: each category tab holds a quarter of the offers.
    category: categories[index % categories.length].id,
    rank: index,
    name: named(base.name),
  };
});

process.stdout.write(`${JSON.stringify({ categories, currencies: demo.currencies, offers }, null, 1)}\n`);
