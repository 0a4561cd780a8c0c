//! JSON text to a [`Value`], from the platform that runs the rules: in the
//! browser its own `JSON.parse` (serde_json's parser, with its number
//! tables, would be about 6 KB gzip of every first load), natively serde_json.

use serde_json::Value;

/// Whole numbers below this are read exactly on every platform: the browser's
/// `JSON.parse` holds every number as a double. A number the app writes and
/// reads back (a stored fingerprint) stays below it.
pub const EXACT_INTEGERS: u64 = 1 << 53;

/// Parses `text` as one JSON value.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    platform::parse(text)
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use js_sys::{Array, JSON, Object};
    use serde::de::Error as _;
    use serde_json::{Map, Number, Value};
    use wasm_bindgen::{JsCast, JsValue};

    /// As deep as serde_json reads: a deeper answer is refused, not walked
    /// until the stack runs out.
    const DEEPEST: usize = 128;

    pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
        let parsed = JSON::parse(text).map_err(|error| {
            let message = error
                .dyn_ref::<js_sys::Error>()
                .map_or_else(|| "not JSON".to_owned(), |error| error.message().into());
            serde_json::Error::custom(message)
        })?;
        value_of(&parsed, 0)
            .ok_or_else(|| serde_json::Error::custom(format!("nested more than {DEEPEST} deep")))
    }

    fn value_of(value: &JsValue, depth: usize) -> Option<Value> {
        if depth > DEEPEST {
            return None;
        }
        Some(if let Some(text) = value.as_string() {
            Value::String(text)
        } else if let Some(number) = value.as_f64() {
            number_of(number)
        } else if let Some(flag) = value.as_bool() {
            Value::Bool(flag)
        } else if let Some(items) = value.dyn_ref::<Array>() {
            let items = items.iter().map(|item| value_of(&item, depth + 1));
            Value::Array(items.collect::<Option<_>>()?)
        } else if let Some(object) = value.dyn_ref::<Object>() {
            let mut properties = Map::new();
            for entry in Object::entries(object).iter() {
                let entry: Array = entry.unchecked_into();
                let name = entry.get(0).as_string()?;
                properties.insert(name, value_of(&entry.get(1), depth + 1)?);
            }
            Value::Object(properties)
        } else {
            Value::Null
        })
    }

    /// A whole number is an integer, as serde_json reads `7`, so that
    /// `as_u64` and `as_i64` see it; beyond [`super::EXACT_INTEGERS`] a
    /// double is no longer exact, so neither is what is read.
    fn number_of(number: f64) -> Value {
        if number.fract() == 0.0 && number.abs() < super::EXACT_INTEGERS as f64 {
            if number >= 0.0 {
                Value::from(number as u64)
            } else {
                Value::from(number as i64)
            }
        } else {
            Number::from_f64(number).map_or(Value::Null, Value::Number)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use serde_json::Value;

    pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
        serde_json::from_str(text)
    }
}
