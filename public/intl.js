// The app's worker (`format::load_intl_data`): makes an `Intl` object of each
// kind the app uses, in each of its languages, so that the browser loads
// their data on this thread. It keeps that data for the whole page, and the
// app's own objects, made later on the page's thread, find it loaded. Says
// when the first language, the UI's, is in.
const load = (language) => {
  new Intl.DisplayNames(language, { type: 'region' }).of('US');
  new Intl.DisplayNames(language, { type: 'language' }).of('en');
  new Intl.Collator(language).compare('a', 'b');
  new Intl.PluralRules(language).select(1);
  new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(1);
  new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(0);
};

onmessage = ({ data: [first, ...others] }) => {
  load(first);
  postMessage(null);
  others.forEach(load);
  close();
};
