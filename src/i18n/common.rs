//! Texts every page shares: the header, page titles, the wizard's step
//! names, form furniture, and the messages of API failures.

use customer_model::wire::{BillingCycle, Role};

use crate::api::ApiError;

pub struct Common {
    pub site_name: &'static str,
    /// Put before a page title while the page shows errors.
    pub error_title_prefix: &'static str,
    pub sign_out: &'static str,
    pub language_switcher: &'static str,
    pub add_customer: &'static str,
    pub step_account: &'static str,
    pub step_subscriptions: &'static str,
    pub step_review: &'static str,
    pub step_confirmation: &'static str,
    /// "Add customer · Step 1 of 3", for step 1, 2 or 3.
    pub step_caption: fn(usize) -> String,
    pub next_subscriptions: &'static str,
    pub next_review: &'static str,
    pub save_and_return: &'static str,
    pub back_to_customers: &'static str,
    pub back_to_review: &'static str,
    pub try_again: &'static str,
    pub error_summary_title: &'static str,
    /// Read by screen readers before a field's message.
    pub error_hidden_prefix: &'static str,
    pub warning_hidden_prefix: &'static str,
    /// After the label of a field that may be left empty.
    pub optional: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub not_found_link: &'static str,
    pub not_loaded_title: &'static str,
    pub not_loaded_text: &'static str,
    pub api_error: fn(&ApiError) -> String,
    /// The API asked to wait (429): the seconds left before the app tries again.
    pub waiting: fn(u32) -> String,
    /// Signed in through the identity provider, but unknown to the API's staff.
    pub not_staff: &'static str,
    pub role: fn(Role) -> &'static str,
    pub billing_cycle: fn(BillingCycle) -> &'static str,
    /// Why the signed-in roles can't add customers; gets the roles' names.
    pub cannot_add: fn(&str) -> String,
    /// The label of an offer's number of licenses (Subscriptions), which
    /// the error summary of any page may name.
    pub licenses_label: &'static str,
}

in_ui_language!(Common);

pub const EN: Common = Common {
    site_name: "Partner Center",
    error_title_prefix: "Error: ",
    sign_out: "Sign out",
    language_switcher: "Language",
    add_customer: "Add customer",
    step_account: "Account info",
    step_subscriptions: "Subscriptions",
    step_review: "Review",
    step_confirmation: "Confirmation",
    step_caption: |step| format!("Add customer · Step {step} of 3"),
    next_subscriptions: "Next: Subscriptions",
    next_review: "Next: Review",
    save_and_return: "Save and return to review",
    back_to_customers: "Back to customers",
    back_to_review: "Back to review",
    try_again: "Try again",
    not_staff: "You are signed in, but not as a staff member of this partner. Ask your administrator to add your account, then sign in again.",
    error_summary_title: "There is a problem",
    error_hidden_prefix: "Error: ",
    warning_hidden_prefix: "Warning: ",
    optional: " (optional)",
    not_found_title: "Page not found",
    not_found_text: "If you typed the web address, check it is correct.",
    not_found_link: "Go to your customers",
    not_loaded_title: "This page could not be loaded",
    not_loaded_text: "Check your internet connection, then try again. Nothing you have entered is lost.",
    waiting: |seconds| match seconds {
        1 => "The customer service asked us to slow down. Trying again in 1 second…".to_owned(),
        _ => format!(
            "The customer service asked us to slow down. Trying again in {seconds} seconds…"
        ),
    },
    api_error: |error| {
        match error {
        ApiError::Fault { status: 429, .. } => {
            "The customer service is receiving too many requests from you. Wait a minute, then try again."
                .to_owned()
        }
        ApiError::Network(_) => {
            "The customer service could not be reached. Check your connection and try again."
                .to_owned()
        }
        ApiError::Timeout => {
            "The customer service did not answer in time. Try again in a moment.".to_owned()
        }
        ApiError::Cancelled => "The request was cancelled.".to_owned(),
        ApiError::Fault { status, fault } => match fault.as_ref().and_then(|fault| fault.text()) {
            Some(text) => format!("The customer service reported a problem: {text}"),
            None => format!("The customer service reported a problem (HTTP {status})."),
        },
        ApiError::UnexpectedBody(_) => {
            "The customer service sent an answer this app does not understand.".to_owned()
        }
    }
    },
    role: |role| match role {
        Role::GlobalAdmin => "Global admin",
        Role::UserManagementAdmin => "User management admin",
        Role::AdminAgent => "Admin agent",
        Role::SalesAgent => "Sales agent",
        Role::BillingAdmin => "Billing admin",
        Role::HelpdeskAgent => "Helpdesk agent",
    },
    billing_cycle: |cycle| match cycle {
        BillingCycle::Monthly => "Monthly",
        BillingCycle::Annual => "Annual",
        BillingCycle::Triennial => "Triennial",
        BillingCycle::OneTime => "One-time",
        BillingCycle::None | BillingCycle::Unknown => "Other",
    },
    cannot_add: |roles| {
        format!(
            "Your role ({roles}) can't add customers. Global admins, User management admins, Admin agents and Sales agents can."
        )
    },
    licenses_label: "Licenses",
};

pub const HU: Common = Common {
    site_name: "Partnerközpont",
    error_title_prefix: "Hiba: ",
    sign_out: "Kijelentkezés",
    language_switcher: "Nyelv",
    add_customer: "Ügyfél hozzáadása",
    step_account: "Fiókadatok",
    step_subscriptions: "Előfizetések",
    step_review: "Áttekintés",
    step_confirmation: "Visszaigazolás",
    step_caption: |step| format!("Ügyfél hozzáadása · {step}. lépés / 3"),
    next_subscriptions: "Tovább: Előfizetések",
    next_review: "Tovább: Áttekintés",
    save_and_return: "Mentés és visszatérés az áttekintéshez",
    back_to_customers: "Vissza az ügyfelekhez",
    back_to_review: "Vissza az áttekintéshez",
    try_again: "Újrapróbálkozás",
    not_staff: "Be van jelentkezve, de nem ennek a partnernek a munkatársaként. Kérje meg a rendszergazdát, hogy vegye fel a fiókját, majd jelentkezzen be újra.",
    error_summary_title: "Hiba történt",
    error_hidden_prefix: "Hiba: ",
    warning_hidden_prefix: "Figyelmeztetés: ",
    optional: " (nem kötelező)",
    not_found_title: "Az oldal nem található",
    not_found_text: "Ha kézzel írta be a webcímet, ellenőrizze, hogy helyes-e.",
    not_found_link: "Ugrás az ügyfelekhez",
    not_loaded_title: "Az oldalt nem sikerült betölteni",
    not_loaded_text: "Ellenőrizze az internetkapcsolatot, majd próbálja újra. A megadott adatok nem vesznek el.",
    waiting: |seconds| {
        format!(
            "Az ügyfélkezelő szolgáltatás lassítást kért. Újrapróbálkozás {seconds} másodperc múlva…"
        )
    },
    api_error: |error| {
        match error {
        ApiError::Fault { status: 429, .. } => {
            "Az ügyfélkezelő szolgáltatás túl sok kérést kapott Öntől. Várjon egy percet, majd próbálja újra."
                .to_owned()
        }
        ApiError::Network(_) => {
            "Az ügyfélkezelő szolgáltatás nem érhető el. Ellenőrizze a kapcsolatot, és próbálja újra."
                .to_owned()
        }
        ApiError::Timeout => {
            "Az ügyfélkezelő szolgáltatás nem válaszolt időben. Próbálja újra egy kis idő múlva."
                .to_owned()
        }
        ApiError::Cancelled => "A kérés megszakadt.".to_owned(),
        ApiError::Fault { status, fault } => match fault.as_ref().and_then(|fault| fault.text()) {
            Some(text) => format!("Az ügyfélkezelő szolgáltatás hibát jelzett: {text}"),
            None => format!("Az ügyfélkezelő szolgáltatás hibát jelzett (HTTP {status})."),
        },
        ApiError::UnexpectedBody(_) => {
            "Az ügyfélkezelő szolgáltatás olyan választ küldött, amelyet ez az alkalmazás nem ért."
                .to_owned()
        }
    }
    },
    role: |role| match role {
        Role::GlobalAdmin => "Globális rendszergazda",
        Role::UserManagementAdmin => "Felhasználókezelési rendszergazda",
        Role::AdminAgent => "Rendszergazdai ügynök",
        Role::SalesAgent => "Értékesítési ügynök",
        Role::BillingAdmin => "Számlázási rendszergazda",
        Role::HelpdeskAgent => "Ügyfélszolgálati ügynök",
    },
    billing_cycle: |cycle| match cycle {
        BillingCycle::Monthly => "Havi",
        BillingCycle::Annual => "Éves",
        BillingCycle::Triennial => "Hároméves",
        BillingCycle::OneTime => "Egyszeri",
        BillingCycle::None | BillingCycle::Unknown => "Egyéb",
    },
    cannot_add: |roles| {
        format!(
            "Az Ön szerepkörével ({roles}) nem adhat hozzá ügyfeleket. Erre a globális rendszergazdák, a felhasználókezelési rendszergazdák, a rendszergazdai ügynökök és az értékesítési ügynökök jogosultak."
        )
    },
    licenses_label: "Licencek száma",
};

pub const TR: Common = Common {
    site_name: "İş Ortağı Merkezi",
    error_title_prefix: "Hata: ",
    sign_out: "Oturumu kapat",
    language_switcher: "Dil",
    add_customer: "Müşteri Ekle",
    step_account: "Hesap bilgileri",
    step_subscriptions: "Abonelikler",
    step_review: "İnceleme",
    step_confirmation: "Onay",
    step_caption: |step| format!("Müşteri Ekle · Adım {step}/3"),
    next_subscriptions: "İleri: Abonelikler",
    next_review: "İleri: Gözden geçir",
    save_and_return: "Kaydet ve incelemeye dön",
    back_to_customers: "Müşterilere dön",
    back_to_review: "İncelemeye dön",
    try_again: "Yeniden dene",
    not_staff: "Oturumunuz açık, ancak bu iş ortağının personeli olarak değil. Yöneticinizden hesabınızı eklemesini isteyin, ardından yeniden oturum açın.",
    error_summary_title: "Bir sorun var",
    error_hidden_prefix: "Hata: ",
    warning_hidden_prefix: "Uyarı: ",
    optional: " (isteğe bağlı)",
    not_found_title: "Sayfa bulunamadı",
    not_found_text: "Web adresini kendiniz yazdıysanız doğru olup olmadığını kontrol edin.",
    not_found_link: "Müşterilerinize gidin",
    not_loaded_title: "Bu sayfa yüklenemedi",
    not_loaded_text: "İnternet bağlantınızı kontrol edin, ardından yeniden deneyin. Girdiğiniz bilgiler kaybolmaz.",
    waiting: |seconds| {
        format!(
            "Müşteri yönetimi hizmeti yavaşlamamızı istedi. {seconds} saniye sonra yeniden denenecek…"
        )
    },
    api_error: |error| {
        match error {
        ApiError::Fault { status: 429, .. } => {
            "Müşteri yönetimi hizmeti sizden çok fazla istek alıyor. Bir dakika bekleyip yeniden deneyin."
                .to_owned()
        }
        ApiError::Network(_) => {
            "Müşteri yönetimi hizmetine ulaşılamadı. Bağlantınızı kontrol edip yeniden deneyin."
                .to_owned()
        }
        ApiError::Timeout => {
            "Müşteri yönetimi hizmeti zamanında yanıt vermedi. Biraz sonra yeniden deneyin."
                .to_owned()
        }
        ApiError::Cancelled => "İstek iptal edildi.".to_owned(),
        ApiError::Fault { status, fault } => match fault.as_ref().and_then(|fault| fault.text()) {
            Some(text) => format!("Müşteri yönetimi hizmeti bir sorun bildirdi: {text}"),
            None => format!("Müşteri yönetimi hizmeti bir sorun bildirdi (HTTP {status})."),
        },
        ApiError::UnexpectedBody(_) => {
            "Müşteri yönetimi hizmeti bu uygulamanın anlamadığı bir yanıt gönderdi.".to_owned()
        }
    }
    },
    role: |role| match role {
        Role::GlobalAdmin => "Genel yönetici",
        Role::UserManagementAdmin => "Kullanıcı Yönetimi Yöneticisi",
        Role::AdminAgent => "Yönetim Aracısı",
        Role::SalesAgent => "Satış Aracısı",
        Role::BillingAdmin => "Faturalama yöneticisi",
        Role::HelpdeskAgent => "Yardım Masası Aracısı",
    },
    billing_cycle: |cycle| match cycle {
        BillingCycle::Monthly => "Aylık",
        BillingCycle::Annual => "Yıllık",
        BillingCycle::Triennial => "Üç yıllık",
        BillingCycle::OneTime => "Tek seferlik",
        BillingCycle::None | BillingCycle::Unknown => "Diğer",
    },
    cannot_add: |roles| {
        format!(
            "Rolünüz ({roles}) müşteri eklemeye izin vermiyor. Müşteri eklemeyi Genel yöneticiler, Kullanıcı Yönetimi Yöneticileri, Yönetim Aracıları ve Satış Aracıları yapabilir."
        )
    },
    licenses_label: "Lisans sayısı",
};
