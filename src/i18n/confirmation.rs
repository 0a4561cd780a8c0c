//! After Submit: the new customer, its one-time password and the orders; and
//! the clipboard messages, which Request a relationship shares.

use crate::i18n::Plural;

pub struct Confirmation {
    pub title: &'static str,
    pub customer_id: &'static str,
    pub domain: &'static str,
    pub admin_user_name: &'static str,
    pub password: &'static str,
    pub copy_password: &'static str,
    pub password_gone: &'static str,
    pub password_warning: &'static str,
    pub orders: &'static str,
    pub no_orders: &'static str,
    /// "Order 1234": gets the order's id.
    pub order: fn(&str) -> String,
    pub licenses: Plural,
    pub done: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub copy_unavailable: &'static str,
}

in_ui_language!(Confirmation);

pub const EN: Confirmation = Confirmation {
    title: "Customer added",
    customer_id: "Customer ID",
    domain: "Primary domain name",
    admin_user_name: "Admin user name",
    password: "Temporary password",
    copy_password: "Copy password",
    password_gone: "No longer shown. Reset the admin's password in the Microsoft 365 admin center if it was not saved.",
    password_warning: "Save the password now and give it to the customer securely: you can't view this password again after you leave this page.",
    orders: "Orders",
    no_orders: "No subscriptions were ordered. The customer can buy them later.",
    order: |id| format!("Order {id}"),
    licenses: Plural {
        one: "{n} license",
        other: "{n} licenses",
    },
    done: "Done",
    copied: "Copied to the clipboard.",
    copy_failed: "Copying did not work: select the text and copy it.",
    copy_unavailable: "Copying is not available here: select the text and copy it.",
};

pub const HU: Confirmation = Confirmation {
    title: "Ügyfél hozzáadva",
    customer_id: "Ügyfél-azonosító",
    domain: "Elsődleges tartománynév",
    admin_user_name: "A rendszergazda felhasználóneve",
    password: "Ideiglenes jelszó",
    copy_password: "Jelszó másolása",
    password_gone: "Már nem látható. Ha nem mentette el, állítsa alaphelyzetbe a rendszergazda jelszavát a Microsoft 365 Felügyeleti központban.",
    password_warning: "Mentse el most a jelszót, és juttassa el biztonságosan az ügyfélnek: ha elhagyja ezt az oldalt, a jelszót többé nem tekintheti meg.",
    orders: "Rendelések",
    no_orders: "Nem rendelt előfizetést. Az ügyfél később is vásárolhat előfizetéseket.",
    order: |id| format!("Rendelés: {id}"),
    licenses: Plural {
        one: "{n} licenc",
        other: "{n} licenc",
    },
    done: "Kész",
    copied: "Vágólapra másolva.",
    copy_failed: "A másolás nem sikerült: jelölje ki a szöveget, és másolja ki.",
    copy_unavailable: "A másolás itt nem érhető el: jelölje ki a szöveget, és másolja ki.",
};

pub const TR: Confirmation = Confirmation {
    title: "Müşteri eklendi",
    customer_id: "Müşteri kimliği",
    domain: "Birincil etki alanı adı",
    admin_user_name: "Yönetici kullanıcı adı",
    password: "Geçici parola",
    copy_password: "Parolayı kopyala",
    password_gone: "Artık gösterilmiyor. Parolayı kaydetmediyseniz yöneticinin parolasını Microsoft 365 yönetim merkezinde sıfırlayın.",
    password_warning: "Parolayı şimdi kaydedin ve müşteriye güvenli bir yoldan iletin: bu sayfadan ayrıldıktan sonra bu parolayı yeniden göremezsiniz.",
    orders: "Siparişler",
    no_orders: "Abonelik siparişi verilmedi. Müşteri abonelikleri daha sonra satın alabilir.",
    order: |id| format!("Sipariş {id}"),
    licenses: Plural {
        one: "{n} lisans",
        other: "{n} lisans",
    },
    done: "Bitti",
    copied: "Panoya kopyalandı.",
    copy_failed: "Kopyalanamadı: metni seçip kendiniz kopyalayın.",
    copy_unavailable: "Burada kopyalama kullanılamıyor: metni seçip kendiniz kopyalayın.",
};
