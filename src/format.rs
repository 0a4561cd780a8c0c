//! Numbers, prices, dates and country names for the UI language, through the
//! browser's `Intl`: no locale tables in the bundle.

use std::cell::RefCell;

use customer_model::locale::Locale;
use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::countries::COUNTRIES;

thread_local! {
    /// The worker of [`load_intl_data`] and the UI language it was started
    /// in; its promise settles with the worker's answer, or its failure.
    static INTL_DATA: RefCell<Option<(Locale, js_sys::Promise)>> = const { RefCell::new(None) };
    /// [`COUNTRIES`] in a language's order, as that worker named and sorted
    /// them.
    static COUNTRY_LIST: RefCell<Option<(Locale, Vec<Country>)>> = const { RefCell::new(None) };
}

/// A country's code and its name.
type Country = (String, String);

/// Has a worker (`intl.js`) load what the browser's `Intl` needs for every UI
/// language, and name and sort the countries in the UI language, off the
/// page's thread, and waits until the UI language's are in (at once if there
/// can be no worker). The browser keeps that data for the whole page, so the
/// `Intl` objects made here next find it: making the first
/// `Intl.DisplayNames` on the page's thread held it up for tens of
/// milliseconds, and naming and sorting 249 countries there (a call across to
/// the browser for each comparison) for ten more. Started once, when the page
/// is idle after it opened (on two cores the worker would slow the page's
/// start).
pub async fn load_intl_data() {
    let loading = INTL_DATA
        .with_borrow(Clone::clone)
        .or_else(start_intl_worker);
    let Some((locale, loading)) = loading else {
        return;
    };
    let Ok(answer) = wasm_bindgen_futures::JsFuture::from(loading).await else {
        return;
    };
    if COUNTRY_LIST.with_borrow(Option::is_none) {
        keep_country_list(locale, &answer);
    }
}

fn start_intl_worker() -> Option<(Locale, js_sys::Promise)> {
    let worker = web_sys::Worker::new("intl.js").ok()?;
    let answered = js_sys::Promise::new(&mut |resolve, _| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&resolve));
    });
    // The UI language first: the worker answers once that one is in.
    let current = crate::locale::current_untracked();
    let languages: Array = std::iter::once(current)
        .chain(Locale::ALL.into_iter().filter(|locale| *locale != current))
        .map(|locale| JsValue::from_str(locale.tag()))
        .collect();
    let codes: Array = COUNTRIES.into_iter().map(JsValue::from_str).collect();
    worker.post_message(&Array::of2(&languages, &codes)).ok()?;
    let loading = (current, answered);
    INTL_DATA.set(Some(loading.clone()));
    Some(loading)
}

/// Keeps the worker's countries, `code\nname\ncode\nname…` in its message
/// (a failure's event has none).
fn keep_country_list(locale: Locale, message: &JsValue) {
    let Some(data) = Reflect::get(message, &"data".into())
        .ok()
        .and_then(|data| data.as_string())
    else {
        return;
    };
    let texts: Vec<&str> = data.split('\n').collect();
    let list = texts
        .chunks_exact(2)
        .map(|pair| (pair[0].to_owned(), pair[1].to_owned()))
        .collect();
    COUNTRY_LIST.set(Some((locale, list)));
}

/// The countries as (code, name), by name in the UI language's order (call it
/// in a reactive scope to follow a change of language): the worker's list,
/// else (another language) named and sorted here.
pub fn countries_by_name() -> Vec<Country> {
    let locale = crate::locale::current();
    let sorted = COUNTRY_LIST.with_borrow(|list| {
        list.as_ref()
            .filter(|(known, _)| *known == locale)
            .map(|(_, list)| list.clone())
    });
    sorted.unwrap_or_else(|| {
        let mut countries: Vec<Country> = country_names(&COUNTRIES)
            .into_iter()
            .zip(COUNTRIES)
            .map(|(name, code)| (code.to_owned(), name))
            .collect();
        sort_by_name(&mut countries, |(_, name)| name);
        countries
    })
}

/// The UI language; a view that formats through here follows its changes.
fn locales() -> Array {
    Array::of1(&JsValue::from_str(crate::locale::current().tag()))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (name, value) in pairs {
        let _ = Reflect::set(&options, &(*name).into(), &(*value).into());
    }
    options
}

fn call(format: Function, value: &JsValue) -> Option<String> {
    format.call1(&JsValue::NULL, value).ok()?.as_string()
}

thread_local! {
    /// Formatters made, by UI language and kind.
    static FORMATTERS: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The formatter `make` builds for the UI language, made once per language
/// and `kind`: making an `Intl` object is far slower than using one, and a
/// list formats a price for each of its rows on every keystroke of a search.
fn formatter(kind: &str, make: impl FnOnce(&Array) -> JsValue) -> JsValue {
    let key = format!("{}|{kind}", crate::locale::current().tag());
    let made = FORMATTERS.with_borrow(|formatters| {
        formatters
            .iter()
            .find(|(known, _)| *known == key)
            .map(|(_, formatter)| formatter.clone())
    });
    made.unwrap_or_else(|| {
        let formatter = make(&locales());
        FORMATTERS.with_borrow_mut(|formatters| formatters.push((key, formatter.clone())));
        formatter
    })
}

/// `12,50 €`, `$12.50`… An unknown currency code falls back to the plain number.
pub fn price(amount: f64, currency: &str) -> String {
    // Anything but three letters makes `Intl` throw, which would stop the app.
    let formatted = (currency.len() == 3
        && currency.bytes().all(|byte| byte.is_ascii_alphabetic()))
    .then(|| {
        let format = formatter(&format!("price {currency}"), |locales| {
            Intl::NumberFormat::new(
                locales,
                &options(&[("style", "currency"), ("currency", currency)]),
            )
            .format()
            .into()
        });
        call(format.unchecked_into(), &JsValue::from_f64(amount))
    })
    .flatten();
    formatted.unwrap_or_else(|| format!("{amount:.2} {currency}"))
}

/// Whether the UI language's plural rules put `count` in the "one" category.
pub fn is_plural_one(count: usize) -> bool {
    let rules: Intl::PluralRules = formatter("plural", |locales| {
        Intl::PluralRules::new(locales, &Object::new()).into()
    })
    .unchecked_into();
    rules.select(count as f64).as_string().as_deref() == Some("one")
}

pub fn number(value: f64) -> String {
    let format = formatter("number", |locales| {
        Intl::NumberFormat::new(locales, &Object::new())
            .format()
            .into()
    });
    call(format.unchecked_into(), &JsValue::from_f64(value)).unwrap_or_else(|| value.to_string())
}

/// A `YYYY-MM-DD` date, written the local way.
pub fn date(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(&format!("{}T00:00:00", iso.trim())));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let format = formatter("date", |locales| {
        Intl::DateTimeFormat::new(locales, &options(&[("dateStyle", "long")]))
            .format()
            .into()
    });
    call(format.unchecked_into(), &date).unwrap_or_else(|| iso.to_owned())
}

/// The country's name in the UI language; its code when the browser has none.
pub fn country_name(code: &str) -> String {
    country_names(&[code]).pop().unwrap_or_default()
}

/// Today in the browser's time zone, for the agreement date.
pub fn today() -> customer_model::validation::Date {
    let now = js_sys::Date::new_0();
    customer_model::validation::Date {
        year: now.get_full_year() as i32,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}

/// Whether `Intl.DisplayNames.of` accepts the code: it throws on anything
/// else, and a throw inside wasm aborts the app.
fn is_region_code(code: &str) -> bool {
    (code.len() == 2 && code.bytes().all(|byte| byte.is_ascii_alphabetic()))
        || (code.len() == 3 && code.bytes().all(|byte| byte.is_ascii_digit()))
}

fn is_language_tag(code: &str) -> bool {
    let mut subtags = code.split('-');
    let language = subtags.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|byte| byte.is_ascii_alphabetic())
        && subtags.all(|subtag| {
            (2..=8).contains(&subtag.len())
                && subtag.bytes().all(|byte| byte.is_ascii_alphanumeric())
        })
}

/// A language (`hu`) or culture (`hu-HU`) by name in the UI language.
pub fn language_name(code: &str) -> String {
    if !is_language_tag(code) {
        return code.to_owned();
    }
    let names: Intl::DisplayNames = formatter("language names", |locales| {
        Intl::DisplayNames::new(locales, &options(&[("type", "language")])).into()
    })
    .unchecked_into();
    names
        .of(code)
        .map(String::from)
        .unwrap_or_else(|| code.to_owned())
}

/// Sorts the way a dictionary of the UI language does (Turkish "Ç" after
/// "C", Hungarian "Ö" after "O"), through the browser's `Intl.Collator`.
pub fn sort_by_name<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    let compare: Function = formatter("collation", |locales| {
        Intl::Collator::new(locales, &Object::new())
            .compare()
            .into()
    })
    .unchecked_into();
    items.sort_by(|a, b| {
        let order = compare
            .call2(
                &JsValue::NULL,
                &JsValue::from_str(name(a)),
                &JsValue::from_str(name(b)),
            )
            .ok()
            .and_then(|order| order.as_f64())
            .unwrap_or_default();
        order.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    });
}

/// Many country names at once.
fn country_names(codes: &[&str]) -> Vec<String> {
    let names: Intl::DisplayNames = formatter("region names", |locales| {
        Intl::DisplayNames::new(locales, &options(&[("type", "region")])).into()
    })
    .unchecked_into();
    codes
        .iter()
        .map(|code| {
            is_region_code(code)
                .then(|| names.of(code).map(String::from))
                .flatten()
                .unwrap_or_else(|| (*code).to_owned())
        })
        .collect()
}
