//! Step 2, Subscriptions; its price and total texts serve Review too.

use crate::i18n::Plural;

pub struct Subscriptions {
    pub back_to_account: &'static str,
    pub intro: &'static str,
    pub locked: &'static str,
    pub search_label: &'static str,
    pub categories_label: &'static str,
    pub loading: &'static str,
    pub no_match: &'static str,
    /// Under a long list: gets how many are listed and how many match.
    pub listed_of: fn(&str, &str) -> String,
    pub show_more: Plural,
    /// Choosing no subscription is allowed; this says so.
    pub none_chosen: &'static str,
    pub chosen: Plural,
    /// "Monthly total": gets the billing cycle's name.
    pub total: fn(&str) -> String,
    /// "12,50 € per license, monthly": gets the price and the billing
    /// cycle's name in lower case.
    pub per_license: fn(&str, &str) -> String,
    /// The allowed number of licenses: gets the minimum and the maximum.
    pub licenses_hint: fn(&str, &str) -> String,
}

in_ui_language!(Subscriptions);

pub const EN: Subscriptions = Subscriptions {
    back_to_account: "Back to account info",
    intro: "Choose the offers the customer wants and how many licenses of each. You can also choose none: the customer can buy subscriptions later.",
    locked: "An order may already have been placed for this customer, so the subscriptions can't be changed.",
    search_label: "Search offers",
    categories_label: "Offer categories",
    loading: "Loading offers…",
    no_match: "No offers match your search.",
    listed_of: |listed, total| format!("Showing {listed} of {total} offers."),
    show_more: Plural {
        one: "Show {n} more offer",
        other: "Show {n} more offers",
    },
    none_chosen: "No subscriptions chosen. The customer can buy them later.",
    chosen: Plural {
        one: "{n} subscription chosen",
        other: "{n} subscriptions chosen",
    },
    total: |cycle| format!("{cycle} total"),
    per_license: |price, cycle| format!("{price} per license, {cycle}"),
    licenses_hint: |min, max| format!("From {min} to {max}"),
};

pub const HU: Subscriptions = Subscriptions {
    back_to_account: "Vissza a fiókadatokhoz",
    intro: "Válassza ki az ügyfél által kért ajánlatokat, és adja meg, hány licencet kér mindegyikből. Ajánlatot választani nem kötelező: az ügyfél később is vásárolhat előfizetéseket.",
    locked: "Lehet, hogy az ügyfél nevében már leadtak egy rendelést, ezért az előfizetések nem módosíthatók.",
    search_label: "Keresés az ajánlatok között",
    categories_label: "Ajánlatkategóriák",
    loading: "Ajánlatok betöltése…",
    no_match: "Egyetlen ajánlat sem felel meg a keresésnek.",
    listed_of: |listed, total| format!("{total} ajánlatból {listed} látható."),
    show_more: Plural {
        one: "További {n} ajánlat megjelenítése",
        other: "További {n} ajánlat megjelenítése",
    },
    none_chosen: "Nincs kiválasztott előfizetés. Az ügyfél később is vásárolhat előfizetéseket.",
    chosen: Plural {
        one: "{n} előfizetés kiválasztva",
        other: "{n} előfizetés kiválasztva",
    },
    total: |cycle| format!("{cycle} végösszeg"),
    per_license: |price, cycle| format!("{price} licencenként, {cycle} díj"),
    licenses_hint: |min, max| format!("Legalább {min}, legfeljebb {max}"),
};

pub const TR: Subscriptions = Subscriptions {
    back_to_account: "Hesap bilgilerine dön",
    intro: "Müşterinin istediği teklifleri ve her birinden kaç lisans istediğini seçin. Teklif seçmek zorunlu değildir: müşteri abonelikleri daha sonra da satın alabilir.",
    locked: "Bu müşteri için zaten bir sipariş verilmiş olabilir; bu nedenle abonelikler değiştirilemez.",
    search_label: "Tekliflerde ara",
    categories_label: "Teklif kategorileri",
    loading: "Teklifler yükleniyor…",
    no_match: "Aramanızla eşleşen teklif yok.",
    listed_of: |listed, total| format!("{total} tekliften {listed} tanesi gösteriliyor."),
    show_more: Plural {
        one: "{n} teklif daha göster",
        other: "{n} teklif daha göster",
    },
    none_chosen: "Abonelik seçilmedi. Müşteri abonelikleri daha sonra satın alabilir.",
    chosen: Plural {
        one: "{n} abonelik seçildi",
        other: "{n} abonelik seçildi",
    },
    total: |cycle| format!("{cycle} toplam"),
    per_license: |price, cycle| format!("Lisans başına {price}, {cycle}"),
    licenses_hint: |min, max| format!("En az {min}, en fazla {max}"),
};
