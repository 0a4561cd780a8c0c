//! Request a relationship: the invitation for a customer that already has a
//! tenant, and the default email that carries it.

pub struct Relationship {
    pub title: &'static str,
    pub back_to_account: &'static str,
    pub intro: &'static str,
    pub loading: &'static str,
    pub link_label: &'static str,
    pub email_label: &'static str,
    pub email_hint: &'static str,
    /// The subject of the email the Open in email button starts.
    pub email_subject: &'static str,
    /// The email's text until the user edits it: gets the invitation link
    /// and the partner's name.
    pub email_body: fn(&str, &str) -> String,
    pub copy: &'static str,
    pub open_in_email: &'static str,
    pub done: &'static str,
}

in_ui_language!(Relationship);

pub const EN: Relationship = Relationship {
    title: "Request a relationship",
    back_to_account: "Back to account info",
    intro: "A customer that already has a tenant must not be created again. Send its Global admin this invitation: once they accept it, the customer appears in your customer list.",
    loading: "Loading the invitation…",
    link_label: "Invitation link",
    email_label: "Email text",
    email_hint: "Edit it as you like before you send it.",
    email_subject: "Request for a reseller relationship",
    email_body: |url, partner| {
        format!(
            "Hello,\n\nWe would like to become your Microsoft Cloud Solution Provider partner. \
             Please ask your Global admin to open the link below, review the request and accept it:\n\n\
             {url}\n\nKind regards,\n{partner}"
        )
    },
    copy: "Copy to clipboard",
    open_in_email: "Open in email",
    done: "Done",
};

pub const HU: Relationship = Relationship {
    title: "Kapcsolat kérése",
    back_to_account: "Vissza a fiókadatokhoz",
    intro: "Olyan ügyfelet, amelynek már van bérlője, nem szabad újra létrehozni: ehelyett kapcsolatot kell kérnie vele. Küldje el ezt a meghívót az ügyfél globális rendszergazdájának: amint elfogadja, az ügyfél megjelenik az ügyféllistájában.",
    loading: "A meghívó betöltése…",
    link_label: "Meghívási hivatkozás",
    email_label: "Az e-mail szövege",
    email_hint: "Küldés előtt tetszés szerint módosíthatja.",
    email_subject: "Viszonteladói kapcsolat kérése",
    email_body: |url, partner| {
        format!(
            "Jó napot kívánunk!\n\nSzeretnénk az Önök partnere lenni a Microsoft Felhőszolgáltató (CSP) programban. \
             Kérjük, hogy globális rendszergazdájuk nyissa meg az alábbi hivatkozást, tekintse át a kérést, és fogadja el:\n\n\
             {url}\n\nÜdvözlettel:\n{partner}"
        )
    },
    copy: "Másolás a vágólapra",
    open_in_email: "Megnyitás e-mailben",
    done: "Kész",
};

pub const TR: Relationship = Relationship {
    title: "İlişki isteği",
    back_to_account: "Hesap bilgilerine dön",
    intro: "Zaten kiracısı olan bir müşteriyi yeniden oluşturmayın; bunun yerine ondan ilişki isteyin. Bu daveti müşterinin Genel yöneticisine gönderin: davet kabul edildiğinde müşteri, müşteri listenizde görünür.",
    loading: "Davet yükleniyor…",
    link_label: "Davet bağlantısı",
    email_label: "E-posta metni",
    email_hint: "Göndermeden önce dilediğiniz gibi düzenleyebilirsiniz.",
    email_subject: "Satıcı ilişkisi isteği",
    email_body: |url, partner| {
        format!(
            "Merhaba,\n\nMicrosoft Bulut Çözümü Sağlayıcısı iş ortağınız olmak istiyoruz. \
             Lütfen Genel yöneticinizden aşağıdaki bağlantıyı açmasını, isteği incelemesini ve kabul etmesini isteyin:\n\n\
             {url}\n\nSaygılarımızla,\n{partner}"
        )
    },
    copy: "Panoya kopyala",
    open_in_email: "E-postada aç",
    done: "Bitti",
};
