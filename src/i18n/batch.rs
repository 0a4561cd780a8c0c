//! Add customers from a file.

use customer_model::batch::{FileProblem, MAX_ROWS, RowProblem};

use crate::i18n::Plural;

pub struct Batch {
    pub title: &'static str,
    pub link: &'static str,
    pub intro: &'static str,
    pub template: &'static str,
    pub template_hint: &'static str,
    pub file_label: &'static str,
    pub file_problem: fn(&FileProblem) -> String,
    pub row_problem: fn(&RowProblem) -> String,
    pub checking: &'static str,
    pub caption: &'static str,
    /// The customers of the file listed now: first, last, and how many in all.
    pub listed: fn(usize, usize, usize) -> String,
    pub pages: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub attention_only: &'static str,
    pub row: &'static str,
    pub company: &'static str,
    pub domain: &'static str,
    pub country: &'static str,
    pub status: &'static str,
    pub ready: &'static str,
    pub leave_out: &'static str,
    pub accept_warnings: &'static str,
    pub accept_all_warnings: &'static str,
    /// What is to be sent, to be fixed and left out.
    pub counts: fn(usize, usize, usize) -> String,
    pub submit: Plural,
    pub another_file: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    /// Added, not added, and still to send.
    pub progress: fn(usize, usize, usize) -> String,
    pub progress_label: &'static str,
    pub added: &'static str,
    pub not_added: &'static str,
    pub waiting: &'static str,
    pub customer_id: &'static str,
    pub admin: &'static str,
    pub password: &'static str,
    pub password_shown_once: &'static str,
    pub download_results: &'static str,
    pub download_failed: &'static str,
    pub passwords_warning: &'static str,
    pub to_fix: &'static str,
    pub adding: &'static str,
    /// A row whose writes were sent when the page was left or reloaded.
    pub interrupted: &'static str,
    /// The seconds the rows left will take, at the pace so far.
    pub estimate: fn(u64) -> String,
    pub connection_lost: &'static str,
    pub unreadable: &'static str,
}

in_ui_language!(Batch);

pub const EN: Batch = Batch {
    title: "Add customers from a file",
    link: "Add customers from a file",
    intro: "Fill in one row per customer in the template and choose the file. Every row is checked by the wizard's own rules before anything is sent, and each customer is created only once, even if the connection drops or the page is reloaded.",
    template: "Download the template (CSV)",
    template_hint: "Save it as CSV UTF-8. Comma and semicolon separated files are both read.",
    file_label: "CSV file of customers",
    file_problem: |problem| match problem {
        FileProblem::TooLarge => {
            "The file is larger than 5 MB. Split it into smaller files.".to_owned()
        }
        FileProblem::NotUtf8 => {
            "The file is not saved as UTF-8. Save it again as CSV UTF-8.".to_owned()
        }
        FileProblem::NoRows => "The file has no customers under its header row.".to_owned(),
        FileProblem::TooManyRows => {
            format!("The file has more than {MAX_ROWS} customers. Split it into smaller files.")
        }
        FileProblem::MissingColumns(columns) => format!(
            "The first row must name the template's columns. Missing: {}.",
            columns.join(", ")
        ),
        FileProblem::UnknownColumns(columns) => {
            format!("The template has no column named {}.", columns.join(", "))
        }
        FileProblem::RepeatedColumns(columns) => format!(
            "The file names these columns more than once: {}.",
            columns.join(", ")
        ),
    },
    row_problem: |problem| {
        match problem {
        RowProblem::UnknownAgreement => "Enter willAccept or hasAccepted".to_owned(),
        RowProblem::QuantityNotANumber => "Enter the number of licenses as a whole number".to_owned(),
        RowProblem::QuantityWithoutOffer => "Enter the offer ID the licenses are for".to_owned(),
        RowProblem::RepeatedDomain(row) => format!("Row {row} has the same domain name"),
        RowProblem::UnknownReseller => "You have no reseller with this ID".to_owned(),
        RowProblem::DomainTaken => "This domain is already in use: choose another, or request a relationship with the existing customer".to_owned(),
    }
    },
    checking: "Checking the customers…",
    caption: "Customers in the file",
    listed: |first, last, total| format!("Customers {first} to {last} of {total}"),
    pages: "Pages of the file's customers",
    previous_page: "Previous page",
    next_page: "Next page",
    attention_only: "Show only the customers to fix or with warnings",
    row: "Row",
    company: "Company name",
    domain: "Domain name",
    country: "Country",
    status: "Check",
    ready: "Ready to add",
    leave_out: "Leave out",
    accept_warnings: "Add despite the warnings",
    accept_all_warnings: "Add every row despite its warnings",
    counts: |ready, to_fix, left_out| {
        format!("{ready} ready to add, {to_fix} to fix, {left_out} left out.")
    },
    submit: Plural {
        one: "Add {n} customer",
        other: "Add {n} customers",
    },
    another_file: "Choose another file",
    pause: "Pause",
    resume: "Resume",
    progress: |added, failed, left| format!("{added} added, {failed} not added, {left} left."),
    progress_label: "Customers added",
    added: "Added",
    not_added: "Not added",
    waiting: "Waiting",
    customer_id: "Customer ID",
    admin: "Admin user name",
    password: "Temporary password",
    password_shown_once: "Shown once, when it was added",
    download_results: "Download the results (CSV)",
    download_failed: "Download the rows not added (CSV)",
    passwords_warning: "The results file holds the temporary passwords. Keep it safe and delete it once they are handed over.",
    to_fix: "To fix",
    adding: "Adding…",
    interrupted: "Stopped while being added: it goes on where it stopped",
    estimate: |seconds| format!("About {seconds} seconds left."),
    connection_lost: "The server did not answer, so adding stopped. The rows left are waiting: choose Resume when the server is back. No customer is created twice.",
    unreadable: "The file could not be read. Choose it again.",
};

pub const HU: Batch = Batch {
    title: "Ügyfelek hozzáadása fájlból",
    link: "Ügyfelek hozzáadása fájlból",
    intro: "Töltse ki a sablont ügyfelenként egy sorral, majd válassza ki a fájlt. A varázsló minden sort a saját szabályaival ellenőriz, mielőtt bármit elküldene, és minden ügyfelet csak egyszer hoz létre, akkor is, ha megszakad a kapcsolat, vagy újratölti az oldalt.",
    template: "A sablon letöltése (CSV)",
    template_hint: "Mentse CSV UTF-8 formátumban. A vesszővel és a pontosvesszővel tagolt fájlokat is beolvassa.",
    file_label: "Az ügyfelek CSV-fájlja",
    file_problem: |problem| match problem {
        FileProblem::TooLarge => "A fájl nagyobb 5 MB-nál. Ossza fel kisebb fájlokra.".to_owned(),
        FileProblem::NotUtf8 => {
            "A fájl nem UTF-8 kódolású. Mentse újra CSV UTF-8 formátumban.".to_owned()
        }
        FileProblem::NoRows => "A fájl fejléce alatt nincs egyetlen ügyfél sem.".to_owned(),
        FileProblem::TooManyRows => {
            format!("A fájlban több mint {MAX_ROWS} ügyfél van. Ossza fel kisebb fájlokra.")
        }
        FileProblem::MissingColumns(columns) => format!(
            "Az első sornak a sablon oszlopait kell megneveznie. Hiányzik: {}.",
            columns.join(", ")
        ),
        FileProblem::UnknownColumns(columns) => format!(
            "A sablonban nincs ilyen nevű oszlop: {}.",
            columns.join(", ")
        ),
        FileProblem::RepeatedColumns(columns) => format!(
            "A fájl többször is megnevezi ezeket az oszlopokat: {}.",
            columns.join(", ")
        ),
    },
    row_problem: |problem| {
        match problem {
        RowProblem::UnknownAgreement => "Adja meg: willAccept vagy hasAccepted".to_owned(),
        RowProblem::QuantityNotANumber => "A licencek számát egész számként adja meg".to_owned(),
        RowProblem::QuantityWithoutOffer => "Adja meg az ajánlat azonosítóját, amelyhez a licencek tartoznak".to_owned(),
        RowProblem::RepeatedDomain(row) => format!("A(z) {row}. sorban ugyanez a tartománynév szerepel"),
        RowProblem::UnknownReseller => "Nincs ilyen azonosítójú viszonteladója".to_owned(),
        RowProblem::DomainTaken => "Ez a tartomány már használatban van: válasszon másikat, vagy kérjen kapcsolatot a meglévő ügyféllel".to_owned(),
    }
    },
    checking: "Az ügyfelek ellenőrzése…",
    caption: "A fájlban szereplő ügyfelek",
    listed: |first, last, total| format!("{total} ügyfélből a(z) {first}–{last}."),
    pages: "A fájl ügyfeleinek oldalai",
    previous_page: "Előző oldal",
    next_page: "Következő oldal",
    attention_only: "Csak a javítandó és a figyelmeztetéssel rendelkező ügyfelek megjelenítése",
    row: "Sor",
    company: "Cégnév",
    domain: "Tartománynév",
    country: "Ország",
    status: "Ellenőrzés",
    ready: "Hozzáadható",
    leave_out: "Kihagyás",
    accept_warnings: "Hozzáadás a figyelmeztetések ellenére",
    accept_all_warnings: "Minden sor hozzáadása a figyelmeztetések ellenére",
    counts: |ready, to_fix, left_out| {
        format!("{ready} hozzáadható, {to_fix} javítandó, {left_out} kihagyva.")
    },
    submit: Plural {
        one: "{n} ügyfél hozzáadása",
        other: "{n} ügyfél hozzáadása",
    },
    another_file: "Másik fájl választása",
    pause: "Szüneteltetés",
    resume: "Folytatás",
    progress: |added, failed, left| {
        format!("{added} hozzáadva, {failed} nem sikerült, {left} van hátra.")
    },
    progress_label: "Hozzáadott ügyfelek",
    added: "Hozzáadva",
    not_added: "Nem sikerült hozzáadni",
    waiting: "Várakozik",
    customer_id: "Ügyfélazonosító",
    admin: "Rendszergazda felhasználóneve",
    password: "Ideiglenes jelszó",
    password_shown_once: "Csak a hozzáadáskor volt látható",
    download_results: "Az eredmények letöltése (CSV)",
    download_failed: "A hozzá nem adott sorok letöltése (CSV)",
    passwords_warning: "Az eredményfájl tartalmazza az ideiglenes jelszavakat. Őrizze biztonságos helyen, és törölje, miután átadta őket.",
    to_fix: "Javítandó",
    adding: "Hozzáadás folyamatban…",
    interrupted: "A hozzáadás közben megszakadt: ott folytatódik, ahol abbamaradt",
    estimate: |seconds| format!("Körülbelül {seconds} másodperc van hátra."),
    connection_lost: "A kiszolgáló nem válaszolt, ezért a hozzáadás leállt. A hátralévő sorok várakoznak: válassza a Folytatás gombot, amikor a kiszolgáló újra elérhető. Egyetlen ügyfél sem jön létre kétszer.",
    unreadable: "A fájlt nem sikerült beolvasni. Válassza ki újra.",
};

pub const TR: Batch = Batch {
    title: "Dosyadan müşteri ekle",
    link: "Dosyadan müşteri ekle",
    intro: "Şablonu her müşteri için bir satır olacak şekilde doldurun ve dosyayı seçin. Hiçbir şey gönderilmeden önce her satır sihirbazın kendi kurallarıyla denetlenir ve bağlantı kopsa ya da sayfa yeniden yüklense bile her müşteri yalnızca bir kez oluşturulur.",
    template: "Şablonu indir (CSV)",
    template_hint: "CSV UTF-8 olarak kaydedin. Virgülle ve noktalı virgülle ayrılmış dosyaların ikisi de okunur.",
    file_label: "Müşterilerin CSV dosyası",
    file_problem: |problem| match problem {
        FileProblem::TooLarge => "Dosya 5 MB'tan büyük. Daha küçük dosyalara bölün.".to_owned(),
        FileProblem::NotUtf8 => {
            "Dosya UTF-8 olarak kaydedilmemiş. CSV UTF-8 olarak yeniden kaydedin.".to_owned()
        }
        FileProblem::NoRows => "Dosyada başlık satırının altında müşteri yok.".to_owned(),
        FileProblem::TooManyRows => {
            format!("Dosyada {MAX_ROWS} müşteriden fazlası var. Daha küçük dosyalara bölün.")
        }
        FileProblem::MissingColumns(columns) => format!(
            "İlk satır şablonun sütunlarını adlandırmalıdır. Eksik: {}.",
            columns.join(", ")
        ),
        FileProblem::UnknownColumns(columns) => {
            format!("Şablonda şu adda bir sütun yok: {}.", columns.join(", "))
        }
        FileProblem::RepeatedColumns(columns) => format!(
            "Dosya bu sütunları birden çok kez adlandırıyor: {}.",
            columns.join(", ")
        ),
    },
    row_problem: |problem| {
        match problem {
        RowProblem::UnknownAgreement => "willAccept veya hasAccepted girin".to_owned(),
        RowProblem::QuantityNotANumber => "Lisans sayısını tam sayı olarak girin".to_owned(),
        RowProblem::QuantityWithoutOffer => "Lisansların ait olduğu teklif kimliğini girin".to_owned(),
        RowProblem::RepeatedDomain(row) => format!("{row}. satırda aynı etki alanı adı var"),
        RowProblem::UnknownReseller => "Bu kimliğe sahip bir bayiniz yok".to_owned(),
        RowProblem::DomainTaken => "Bu etki alanı zaten kullanımda: başka bir etki alanı seçin veya mevcut müşteriden ilişki isteyin".to_owned(),
    }
    },
    checking: "Müşteriler denetleniyor…",
    caption: "Dosyadaki müşteriler",
    listed: |first, last, total| format!("{total} müşteriden {first}–{last} arası"),
    pages: "Dosyadaki müşterilerin sayfaları",
    previous_page: "Önceki sayfa",
    next_page: "Sonraki sayfa",
    attention_only: "Yalnızca düzeltilecek veya uyarısı olan müşterileri göster",
    row: "Satır",
    company: "Şirket adı",
    domain: "Etki alanı adı",
    country: "Ülke",
    status: "Denetim",
    ready: "Eklenmeye hazır",
    leave_out: "Dışarıda bırak",
    accept_warnings: "Uyarılara rağmen ekle",
    accept_all_warnings: "Her satırı uyarılarına rağmen ekle",
    counts: |ready, to_fix, left_out| {
        format!("{ready} eklenmeye hazır, {to_fix} düzeltilecek, {left_out} dışarıda bırakıldı.")
    },
    submit: Plural {
        one: "{n} müşteri ekle",
        other: "{n} müşteri ekle",
    },
    another_file: "Başka bir dosya seç",
    pause: "Duraklat",
    resume: "Sürdür",
    progress: |added, failed, left| format!("{added} eklendi, {failed} eklenemedi, {left} kaldı."),
    progress_label: "Eklenen müşteriler",
    added: "Eklendi",
    not_added: "Eklenemedi",
    waiting: "Bekliyor",
    customer_id: "Müşteri kimliği",
    admin: "Yönetici kullanıcı adı",
    password: "Geçici parola",
    password_shown_once: "Yalnızca eklendiğinde gösterildi",
    download_results: "Sonuçları indir (CSV)",
    download_failed: "Eklenemeyen satırları indir (CSV)",
    passwords_warning: "Sonuç dosyası geçici parolaları içerir. Güvenli bir yerde saklayın ve teslim ettikten sonra silin.",
    to_fix: "Düzeltilecek",
    adding: "Ekleniyor…",
    interrupted: "Eklenirken durdu: kaldığı yerden devam eder",
    estimate: |seconds| format!("Yaklaşık {seconds} saniye kaldı."),
    connection_lost: "Sunucu yanıt vermediği için ekleme durdu. Kalan satırlar bekliyor: sunucu yeniden erişilebilir olduğunda Sürdür'ü seçin. Hiçbir müşteri iki kez oluşturulmaz.",
    unreadable: "Dosya okunamadı. Yeniden seçin.",
};
