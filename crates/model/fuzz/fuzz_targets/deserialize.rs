#![no_main]

use customer_model::draft::Draft;
use customer_model::wire::{self, AddressValidationResponse, ApiFault, Cart, Collection, CountryValidationRules, Customer, Offer};
use libfuzzer_sys::fuzz_target;

// Whatever a server sends, reading it returns a value or an error, never a panic.
fuzz_target!(|data: &str| {
    let _ = wire::from_json::<Customer>(data);
    let _ = wire::from_json::<Collection<Offer>>(data);
    let _ = wire::from_json::<CountryValidationRules>(data);
    let _ = wire::from_json::<AddressValidationResponse>(data);
    let _ = wire::from_json::<Cart>(data);
    let _ = wire::from_json::<ApiFault>(data);
    let _ = serde_json::from_str::<Draft>(data);
});
