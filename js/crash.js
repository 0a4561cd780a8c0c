// When the app itself fails (the release build stops at a panic, which the
// browser reports as a WebAssembly.RuntimeError), the page can no longer
// answer: this says so, in the page's language, and offers a reload. The
// draft is kept in this tab's sessionStorage, so a reload loses nothing.
// Plain JavaScript: it must work when the app's code no longer runs.
(() => {
  const TEXTS = {
    en: ['Something went wrong on this page.', 'Reload the page to carry on. Your answers in this tab are kept.', 'Reload'],
    hu: ['Hiba történt ezen az oldalon.', 'A folytatáshoz töltse be újra az oldalt. Az ezen a lapon megadott adatai megmaradnak.', 'Újratöltés'],
    tr: ['Bu sayfada bir sorun oluştu.', 'Devam etmek için sayfayı yeniden yükleyin. Bu sekmede girdiğiniz bilgiler korunur.', 'Yeniden yükle'],
  };
  let shown = false;
  const show = (error) => {
    if (shown || !(error instanceof WebAssembly.RuntimeError)) return;
    shown = true;
    const language = document.documentElement.lang.slice(0, 2);
    const [title, advice, reload] = TEXTS[language] ?? TEXTS.en;
    const panel = document.createElement('div');
    panel.className = 'crash';
    panel.id = 'crash';
    panel.setAttribute('role', 'alert');
    const heading = document.createElement('h2');
    heading.textContent = title;
    const text = document.createElement('p');
    text.textContent = advice;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = reload;
    button.addEventListener('click', () => window.location.reload());
    panel.append(heading, text, button);
    document.body.prepend(panel);
    button.focus();
  };
  window.addEventListener('error', (event) => show(event.error));
  window.addEventListener('unhandledrejection', (event) => show(event.reason));
})();
