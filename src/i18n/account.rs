//! The Account info step: the customer's company, address, primary contact,
//! reseller and agreement, the domain check, and the address check.
//!
//! A sentence with a link in it is one template: `{link}` marks where the
//! link goes, and the link's own text is `request_relationship`.

pub struct Account {
    // The guidance above the form.
    pub guidance_name: &'static str,
    pub guidance_address: &'static str,
    /// Has `{link}`.
    pub guidance_existing: &'static str,
    /// The text of the links to Request a relationship, within a sentence.
    pub request_relationship: &'static str,

    // Company.
    pub company_heading: &'static str,
    pub country_label: &'static str,
    pub country_hint: &'static str,
    pub country_placeholder: &'static str,
    /// Gets the reason (an API failure's message).
    pub rules_failed: fn(&str) -> String,
    pub rules_loading: &'static str,
    pub company_name_label: &'static str,
    pub company_name_hint: &'static str,

    // The primary domain and its check.
    pub domain_label: &'static str,
    pub domain_hint: &'static str,
    pub check_availability: &'static str,
    pub checking_availability: &'static str,
    /// Gets the full domain name.
    pub domain_available: fn(&str) -> String,
    /// Has `{domain}` (the full domain name) and `{link}`.
    pub domain_taken: &'static str,
    /// In the error summary.
    pub domain_taken_summary: &'static str,
    /// Gets the reason (an API failure's message).
    pub domain_check_failed: fn(&str) -> String,
    pub look_alike_title: &'static str,
    /// Has `{names}` (the look-alike customers, with their domains) and `{link}`.
    pub look_alike_text: &'static str,

    // Address.
    pub address_heading: &'static str,
    pub address_line1_label: &'static str,
    pub address_line2_label: &'static str,
    pub address_line3_label: &'static str,
    pub city_label: &'static str,
    pub state_label: &'static str,
    pub state_placeholder: &'static str,
    pub postal_code_label: &'static str,
    pub registration_number_label: &'static str,
    pub registration_number_hint: &'static str,
    /// Gets the country's example of a registration number.
    pub registration_number_hint_example: fn(&str) -> String,

    // Primary contact.
    pub contact_heading: &'static str,
    pub first_name_label: &'static str,
    pub last_name_label: &'static str,
    pub email_label: &'static str,
    pub email_hint: &'static str,
    pub phone_number_label: &'static str,
    pub language_label: &'static str,
    pub language_hint: &'static str,
    pub culture_label: &'static str,
    pub culture_hint: &'static str,

    // Reseller.
    pub reseller_heading: &'static str,
    pub reseller_label: &'static str,
    pub reseller_hint: &'static str,
    pub resellers_loading: &'static str,
    pub reseller_none: &'static str,
    /// A link named a reseller that is not one of the partner's; gets its id.
    pub reseller_unknown: fn(&str) -> String,

    // Agreement and access.
    pub agreement_heading: &'static str,
    pub agreement_legend: &'static str,
    pub agreement_hint: &'static str,
    pub agreement_will_accept: &'static str,
    pub agreement_has_accepted: &'static str,
    pub agreement_not_allowed: &'static str,
    pub agreement_date_label: &'static str,
    /// Gets the chosen date, written the local way (empty when none).
    pub agreement_date_hint: fn(&str) -> String,
    pub acceptor_intro: &'static str,
    pub acceptor_first_name_label: &'static str,
    pub acceptor_last_name_label: &'static str,
    pub acceptor_email_label: &'static str,
    pub acceptor_phone_number_label: &'static str,
    pub gdap_label: &'static str,
    pub gdap_hint: &'static str,

    // Leaving the step.
    pub checking: &'static str,
    pub warnings_title: &'static str,
    pub warnings_text: &'static str,
    pub continue_anyway: &'static str,

    // The address check.
    pub address_unverified_title: &'static str,
    pub address_suggestion_title: &'static str,
    /// Gets the reason (an API failure's message).
    pub address_not_checked: fn(&str) -> String,
    pub address_choice_legend: &'static str,
    /// Gets the suggested address on one line.
    pub address_suggested: fn(&str) -> String,
    /// Gets the address as entered, on one line.
    pub address_keep: fn(&str) -> String,
    pub use_address: &'static str,
    pub edit_address: &'static str,
}

in_ui_language!(Account);

pub const EN: Account = Account {
    guidance_name: "Use the customer's exact legal name, as it appears on official documents. Avoid acronyms and short forms, and don't use test names.",
    guidance_address: "Give the full, exact address: location details, city, state or province, country or region and postal code.",
    guidance_existing: "If the customer already has a tenant (for example with another partner), don't create it again: {link} instead.",
    request_relationship: "request a relationship",

    company_heading: "Company",
    country_label: "Country or region",
    country_hint: "Where the company is registered. The rules for the fields below follow it.",
    country_placeholder: "Choose a country or region",
    rules_failed: |reason| format!("The country's rules could not be loaded. {reason}"),
    rules_loading: "The rules of the chosen country are still loading. The next step opens as soon as they are in.",
    company_name_label: "Company name",
    company_name_hint: "The exact legal name, for example Contoso Ltd.",

    domain_label: "Primary domain name",
    domain_hint: "Letters and digits only, up to 27. The customer's first domain: it can't be changed later.",
    check_availability: "Check availability",
    checking_availability: "Checking availability…",
    domain_available: |domain| format!("{domain} is available"),
    domain_taken: "{domain} is already in use. If this customer already has a tenant, don't create it again: {link} instead.",
    domain_taken_summary: "This domain is already in use: choose another, or request a relationship with the existing customer",
    domain_check_failed: |reason| format!("Availability could not be checked: {reason}"),
    look_alike_title: "This may be an existing customer.",
    look_alike_text: "You already have: {names}. An existing customer must not be created again: {link} instead.",

    address_heading: "Address",
    address_line1_label: "Address line 1",
    address_line2_label: "Address line 2",
    address_line3_label: "Address line 3",
    city_label: "City",
    state_label: "State or province",
    state_placeholder: "Choose a state or province",
    postal_code_label: "Postal code",
    registration_number_label: "Organization registration number",
    registration_number_hint: "The company's official registration number",
    registration_number_hint_example: |sample| {
        format!("The company's official registration number, for example {sample}")
    },

    contact_heading: "Primary contact",
    first_name_label: "First name",
    last_name_label: "Last name",
    email_label: "Email address",
    email_hint: "The customer's own address, not one on your company's domain",
    phone_number_label: "Phone number",
    language_label: "Language",
    language_hint: "The language of the customer's communications",
    culture_label: "Culture",
    culture_hint: "How dates, numbers and prices are written for the customer",

    reseller_heading: "Reseller",
    reseller_label: "Indirect reseller",
    reseller_hint: "The reseller this customer buys through. Choose none to make it your direct customer.",
    resellers_loading: "Loading your resellers…",
    reseller_none: "None: a direct customer",
    reseller_unknown: |id| {
        format!(
            "The link you followed names a reseller ({id}) that is not one of your resellers, so it is not used: the customer will be your direct customer."
        )
    },

    agreement_heading: "Agreement and access",
    agreement_legend: "Customer agreement",
    agreement_hint: "The customer must accept the Microsoft Customer Agreement before you can place orders for them.",
    agreement_will_accept: "The customer will be asked to accept the Microsoft Customer Agreement in the admin center",
    agreement_has_accepted: "The customer has accepted the Microsoft Customer Agreement",
    agreement_not_allowed: "Only Admin agents and Sales agents can confirm the agreement for a customer.",
    agreement_date_label: "Date the customer accepted",
    agreement_date_hint: |date| format!("Today or earlier. {date}"),
    acceptor_intro: "The person who accepted: the primary contact unless you change it.",
    acceptor_first_name_label: "First name of the person who accepted",
    acceptor_last_name_label: "Last name of the person who accepted",
    acceptor_email_label: "Email address of the person who accepted",
    acceptor_phone_number_label: "Phone number of the person who accepted",
    gdap_label: "Default GDAP",
    gdap_hint: "Give your agents the default granular delegated admin privileges (GDAP) for this customer.",

    checking: "Checking…",
    warnings_title: "Check these answers before you continue",
    warnings_text: "If they are right, you can continue.",
    continue_anyway: "Continue anyway",

    address_unverified_title: "We couldn't verify this address",
    address_suggestion_title: "Check the address",
    address_not_checked: |reason| format!("The address could not be checked. {reason}"),
    address_choice_legend: "Which address should we use?",
    address_suggested: |address| format!("Suggested: {address}"),
    address_keep: |address| format!("Keep what I entered: {address}"),
    use_address: "Use this address",
    edit_address: "Edit the address",
};

pub const HU: Account = Account {
    guidance_name: "Az ügyfél pontos hivatalos nevét használja, ahogyan a hivatalos iratokban szerepel. Kerülje a betűszókat és a rövidített formákat, és ne használjon tesztneveket.",
    guidance_address: "Adja meg a teljes, pontos címet: utca és házszám, város, állam vagy tartomány, ország vagy régió és irányítószám.",
    guidance_existing: "Ha az ügyfélnek már van bérlője (például egy másik partnernél), ne hozza létre újra, hanem {link}.",
    request_relationship: "kérjen vele kapcsolatot",

    company_heading: "Vállalat",
    country_label: "Ország vagy régió",
    country_hint: "Az ország, ahol a vállalatot bejegyezték. Az alábbi mezők szabályai ehhez igazodnak.",
    country_placeholder: "Válasszon országot vagy régiót",
    rules_failed: |reason| format!("Az ország szabályait nem sikerült betölteni. {reason}"),
    rules_loading: "A kiválasztott ország szabályai még töltődnek. A következő lépés megnyílik, amint megérkeznek.",
    company_name_label: "Cégnév",
    company_name_hint: "A pontos hivatalos név, például Contoso Kft.",

    domain_label: "Elsődleges tartománynév",
    domain_hint: "Csak betűk és számjegyek, legfeljebb 27 karakter. Ez az ügyfél első tartománya, később nem módosítható.",
    check_availability: "Elérhetőség ellenőrzése",
    checking_availability: "Az elérhetőség ellenőrzése folyamatban…",
    domain_available: |domain| format!("{domain} elérhető"),
    domain_taken: "{domain} már használatban van. Ha ennek az ügyfélnek már van bérlője, ne hozza létre újra, hanem {link}.",
    domain_taken_summary: "Ez a tartomány már használatban van: válasszon másikat, vagy kérjen kapcsolatot a meglévő ügyféllel",
    domain_check_failed: |reason| format!("Az elérhetőséget nem sikerült ellenőrizni: {reason}"),
    look_alike_title: "Lehet, hogy ez már meglévő ügyfél.",
    look_alike_text: "Hasonló meglévő ügyfelei: {names}. Meglévő ügyfelet ne hozzon létre újra, hanem {link}.",

    address_heading: "Cím",
    address_line1_label: "Cím 1. sora",
    address_line2_label: "Cím 2. sora",
    address_line3_label: "Cím 3. sora",
    city_label: "Város",
    state_label: "Állam vagy tartomány",
    state_placeholder: "Válasszon államot vagy tartományt",
    postal_code_label: "Irányítószám",
    registration_number_label: "Szervezet nyilvántartási száma",
    registration_number_hint: "A vállalat hivatalos nyilvántartási száma",
    registration_number_hint_example: |sample| {
        format!("A vállalat hivatalos nyilvántartási száma, például {sample}")
    },

    contact_heading: "Elsődleges kapcsolattartó",
    first_name_label: "Utónév",
    last_name_label: "Vezetéknév",
    email_label: "E-mail-cím",
    email_hint: "Az ügyfél saját címe, nem az Ön cégének tartományán lévő cím",
    phone_number_label: "Telefonszám",
    language_label: "Nyelv",
    language_hint: "Az ügyfélnek küldött értesítések nyelve",
    culture_label: "Területi beállítás",
    culture_hint: "A dátumok, számok és árak formátuma az ügyfél számára",

    reseller_heading: "Viszonteladó",
    reseller_label: "Közvetett viszonteladó",
    reseller_hint: "A viszonteladó, amelyen keresztül ez az ügyfél vásárol. Ha az Ön közvetlen ügyfele lesz, válassza a „Nincs” lehetőséget.",
    resellers_loading: "Viszonteladók betöltése…",
    reseller_none: "Nincs: közvetlen ügyfél",
    reseller_unknown: |id| {
        format!(
            "A megnyitott hivatkozás olyan viszonteladót ad meg ({id}), amely nem az Ön viszonteladója, ezért nem használjuk: az ügyfél az Ön közvetlen ügyfele lesz."
        )
    },

    agreement_heading: "Szerződés és hozzáférés",
    agreement_legend: "Ügyfélszerződés",
    agreement_hint: "Az ügyfél nevében csak azután adhat le rendelést, hogy az ügyfél elfogadta a Microsoft Ügyfélszerződést.",
    agreement_will_accept: "Az ügyfélnek a felügyeleti központban kell majd elfogadnia a Microsoft Ügyfélszerződést",
    agreement_has_accepted: "Az ügyfél elfogadta a Microsoft Ügyfélszerződést",
    agreement_not_allowed: "Az ügyfél nevében csak rendszergazdai ügynökök és értékesítési ügynökök erősíthetik meg a szerződés elfogadását.",
    agreement_date_label: "Az elfogadás dátuma",
    agreement_date_hint: |date| format!("Mai vagy korábbi dátum. {date}"),
    acceptor_intro: "Az elfogadó személy: az elsődleges kapcsolattartó, hacsak nem módosítja.",
    acceptor_first_name_label: "Az elfogadó személy utóneve",
    acceptor_last_name_label: "Az elfogadó személy vezetékneve",
    acceptor_email_label: "Az elfogadó személy e-mail-címe",
    acceptor_phone_number_label: "Az elfogadó személy telefonszáma",
    gdap_label: "Alapértelmezett GDAP",
    gdap_hint: "Az ügynökei megkapják ehhez az ügyfélhez az alapértelmezett részletes delegált rendszergazdai jogosultságokat (GDAP).",

    checking: "Ellenőrzés…",
    warnings_title: "Folytatás előtt ellenőrizze ezeket a válaszokat",
    warnings_text: "Ha helyesek, folytathatja.",
    continue_anyway: "Folytatás így is",

    address_unverified_title: "Nem sikerült ellenőrizni ezt a címet",
    address_suggestion_title: "Ellenőrizze a címet",
    address_not_checked: |reason| format!("A címet nem sikerült ellenőrizni. {reason}"),
    address_choice_legend: "Melyik címet használjuk?",
    address_suggested: |address| format!("Javasolt cím: {address}"),
    address_keep: |address| format!("A megadott cím megtartása: {address}"),
    use_address: "A kiválasztott cím használata",
    edit_address: "A cím szerkesztése",
};

pub const TR: Account = Account {
    guidance_name: "Müşterinin resmi belgelerde göründüğü gibi tam yasal adını kullanın. Kısaltma veya kısa ad kullanmaktan kaçının ve test adları kullanmayın.",
    guidance_address: "Tam ve doğru adresi girin: açık adres, şehir, eyalet veya il, ülke veya bölge ve posta kodu.",
    guidance_existing: "Müşterinin zaten bir kiracısı varsa (örneğin başka bir iş ortağı aracılığıyla), yeniden oluşturmayın; bunun yerine {link}.",
    request_relationship: "ilişki isteyin",

    company_heading: "Şirket",
    country_label: "Ülke veya bölge",
    country_hint: "Şirketin kayıtlı olduğu yer. Aşağıdaki alanların kuralları buna göre belirlenir.",
    country_placeholder: "Ülke veya bölge seçin",
    rules_failed: |reason| format!("Ülkenin kuralları yüklenemedi. {reason}"),
    rules_loading: "Seçilen ülkenin kuralları hâlâ yükleniyor. Kurallar gelir gelmez sonraki adım açılacak.",
    company_name_label: "Şirket adı",
    company_name_hint: "Tam yasal ad, örneğin Contoso Ltd. Şti.",

    domain_label: "Birincil etki alanı adı",
    domain_hint: "Yalnızca harf ve rakam, en fazla 27 karakter. Müşterinin ilk etki alanıdır; daha sonra değiştirilemez.",
    check_availability: "Kullanılabilirliği denetle",
    checking_availability: "Kullanılabilirlik denetleniyor…",
    domain_available: |domain| format!("{domain} kullanılabilir"),
    domain_taken: "{domain} zaten kullanımda. Bu müşterinin zaten bir kiracısı varsa yeniden oluşturmayın; bunun yerine {link}.",
    domain_taken_summary: "Bu etki alanı zaten kullanımda: başka bir etki alanı seçin veya mevcut müşteriden ilişki isteyin",
    domain_check_failed: |reason| format!("Kullanılabilirlik denetlenemedi: {reason}"),
    look_alike_title: "Bu, mevcut bir müşteri olabilir.",
    look_alike_text: "Benzer mevcut müşterileriniz: {names}. Mevcut bir müşteriyi yeniden oluşturmayın; bunun yerine {link}.",

    address_heading: "Adres",
    address_line1_label: "Adres satırı 1",
    address_line2_label: "Adres satırı 2",
    address_line3_label: "Adres satırı 3",
    city_label: "Şehir",
    state_label: "Eyalet veya il",
    state_placeholder: "Eyalet veya il seçin",
    postal_code_label: "Posta kodu",
    registration_number_label: "Kuruluş kayıt numarası",
    registration_number_hint: "Şirketin resmi kayıt numarası",
    registration_number_hint_example: |sample| {
        format!("Şirketin resmi kayıt numarası, örneğin {sample}")
    },

    contact_heading: "Birincil iletişim kişisi",
    first_name_label: "Ad",
    last_name_label: "Soyadı",
    email_label: "E-posta adresi",
    email_hint: "Müşterinin kendi adresi; şirketinizin etki alanındaki bir adres değil",
    phone_number_label: "Telefon numarası",
    language_label: "Dil",
    language_hint: "Müşteriyle yapılan iletişimin dili",
    culture_label: "Kültür",
    culture_hint: "Müşteri için tarihlerin, sayıların ve fiyatların yazılış biçimi",

    reseller_heading: "Satıcı",
    reseller_label: "Dolaylı satıcı",
    reseller_hint: "Bu müşterinin üzerinden satın alma yaptığı satıcı. Doğrudan müşteriniz olacaksa “Yok” seçeneğini belirleyin.",
    resellers_loading: "Satıcılarınız yükleniyor…",
    reseller_none: "Yok: doğrudan müşteri",
    reseller_unknown: |id| {
        format!(
            "Açtığınız bağlantı, satıcılarınızdan biri olmayan bir satıcıyı ({id}) belirtiyor; bu nedenle kullanılmıyor: müşteri doğrudan müşteriniz olacak."
        )
    },

    agreement_heading: "Sözleşme ve erişim",
    agreement_legend: "Müşteri sözleşmesi",
    agreement_hint: "Müşteri adına sipariş verebilmeniz için müşterinin Microsoft Müşteri Sözleşmesi'ni kabul etmesi gerekir.",
    agreement_will_accept: "Müşteriden Microsoft Müşteri Sözleşmesi'ni yönetim merkezinde kabul etmesi istenecek",
    agreement_has_accepted: "Müşteri, Microsoft Müşteri Sözleşmesi'ni kabul etti",
    agreement_not_allowed: "Müşteri adına sözleşmeyi yalnızca Yönetim Aracıları ve Satış Aracıları onaylayabilir.",
    agreement_date_label: "Müşterinin kabul tarihi",
    agreement_date_hint: |date| format!("Bugün veya daha önceki bir tarih. {date}"),
    acceptor_intro: "Kabul eden kişi: siz değiştirmediğiniz sürece birincil iletişim kişisi.",
    acceptor_first_name_label: "Kabul eden kişinin adı",
    acceptor_last_name_label: "Kabul eden kişinin soyadı",
    acceptor_email_label: "Kabul eden kişinin e-posta adresi",
    acceptor_phone_number_label: "Kabul eden kişinin telefon numarası",
    gdap_label: "Varsayılan GDAP",
    gdap_hint: "Aracılarınıza bu müşteri için varsayılan ayrıntılı temsilcili yönetici ayrıcalıklarını (GDAP) verin.",

    checking: "Denetleniyor…",
    warnings_title: "Devam etmeden önce bu yanıtları kontrol edin",
    warnings_text: "Yanıtlar doğruysa devam edebilirsiniz.",
    continue_anyway: "Yine de devam et",

    address_unverified_title: "Bu adres doğrulanamadı",
    address_suggestion_title: "Adresi kontrol edin",
    address_not_checked: |reason| format!("Adres denetlenemedi. {reason}"),
    address_choice_legend: "Hangi adresi kullanalım?",
    address_suggested: |address| format!("Önerilen: {address}"),
    address_keep: |address| format!("Girdiğim adresi koru: {address}"),
    use_address: "Bu adresi kullan",
    edit_address: "Adresi düzenle",
};
