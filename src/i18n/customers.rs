//! The Customers page.

use crate::i18n::Plural;

pub struct Customers {
    pub title: &'static str,
    pub added: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_in: &'static str,
    pub by_company_name: &'static str,
    pub by_domain: &'static str,
    pub search_button: &'static str,
    pub loading: &'static str,
    pub no_match: &'static str,
    pub none_yet: &'static str,
    pub shown: Plural,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_number: fn(usize) -> String,
    pub pages_label: &'static str,
    pub table_caption: &'static str,
    pub company_name: &'static str,
    pub domain: &'static str,
}

in_ui_language!(Customers);

pub const EN: Customers = Customers {
    title: "Customers",
    added: "The customer was added. It is highlighted in the list below.",
    search_label: "Search customers",
    search_hint: "The start of the company name or of the domain name",
    search_in: "Search in",
    by_company_name: "Company name",
    by_domain: "Domain name",
    search_button: "Search",
    loading: "Loading customers…",
    no_match: "No customers match your search.",
    none_yet: "You have no customers yet. Add your first customer to get started.",
    shown: Plural {
        one: "{n} customer shown",
        other: "{n} customers shown",
    },
    previous_page: "Previous page",
    next_page: "Next page",
    page_number: |page| format!("Page {page}"),
    pages_label: "Pages of customers",
    table_caption: "Your customers",
    company_name: "Company name",
    domain: "Primary domain name",
};

pub const HU: Customers = Customers {
    title: "Ügyfelek",
    added: "Az ügyfél hozzáadása sikerült. Az alábbi listában kiemelve látható.",
    search_label: "Keresés az ügyfelek között",
    search_hint: "A cégnév vagy a tartománynév eleje",
    search_in: "Keresés alapja",
    by_company_name: "Cégnév",
    by_domain: "Tartománynév",
    search_button: "Keresés",
    loading: "Ügyfelek betöltése…",
    no_match: "Egyetlen ügyfél sem felel meg a keresésnek.",
    none_yet: "Még nincsenek ügyfelei. Kezdésként adja hozzá az első ügyfelét.",
    shown: Plural {
        one: "{n} ügyfél látható",
        other: "{n} ügyfél látható",
    },
    previous_page: "Előző oldal",
    next_page: "Következő oldal",
    page_number: |page| format!("{page}. oldal"),
    pages_label: "Az ügyféllista oldalai",
    table_caption: "Az Ön ügyfelei",
    company_name: "Cégnév",
    domain: "Elsődleges tartománynév",
};

pub const TR: Customers = Customers {
    title: "Müşteriler",
    added: "Müşteri eklendi. Aşağıdaki listede vurgulanmıştır.",
    search_label: "Müşterilerde ara",
    search_hint: "Şirket adının veya etki alanı adının ilk kısmı",
    search_in: "Şurada ara",
    by_company_name: "Şirket adı",
    by_domain: "Etki alanı adı",
    search_button: "Ara",
    loading: "Müşteriler yükleniyor…",
    no_match: "Aramanızla eşleşen müşteri yok.",
    none_yet: "Henüz müşteriniz yok. Başlamak için ilk müşterinizi ekleyin.",
    shown: Plural {
        one: "{n} müşteri gösteriliyor",
        other: "{n} müşteri gösteriliyor",
    },
    previous_page: "Önceki sayfa",
    next_page: "Sonraki sayfa",
    page_number: |page| format!("Sayfa {page}"),
    pages_label: "Müşteri listesinin sayfaları",
    table_caption: "Müşterileriniz",
    company_name: "Şirket adı",
    domain: "Birincil etki alanı adı",
};
