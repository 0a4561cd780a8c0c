// The app's worker (`format::load_intl_data`): makes an `Intl` object of each
// kind the app uses, in each of its languages, so that the browser loads
// their data on this thread. It keeps that data for the whole page, and the
// app's own objects, made later on the page's thread, find it loaded. It also
// names the countries it is given and sorts them by name in the first
// language, the UI's, the work the country list needs, and answers with them,
// `code\nname\ncode\nname…`, once that language is in: one string, which
// the app's wasm takes in one call, where an array took one for each.
const load = (language) => {
  new Intl.DisplayNames(language, { type: 'region' }).of('US');
  new Intl.Collator(language).compare('a', 'b');
  new Intl.DisplayNames(language, { type: 'language' }).of('en');
  new Intl.PluralRules(language).select(1);
  new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(1);
  new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(0);
};

const countriesByName = (language, codes) => {
  const names = new Intl.DisplayNames(language, { type: 'region' });
  const { compare } = new Intl.Collator(language);
  const nameOf = (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return codes
    .map((code) => [code, nameOf(code)])
    .sort((a, b) => compare(a[1], b[1]))
    .flat()
    .join('\n');
};

onmessage = ({ data: [[first, ...others], codes] }) => {
  load(first);
  postMessage(countriesByName(first, codes));
  others.forEach(load);
  close();
};
