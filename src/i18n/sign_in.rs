//! The Sign in page, with the demo server's accounts, or through an
//! identity provider; and the provider's way back (the callback page).

use crate::oidc::OidcError;

pub struct SignIn {
    /// The page title and heading.
    pub title: &'static str,
    pub intro: &'static str,
    pub user_name: &'static str,
    pub password: &'static str,
    pub submit: &'static str,
    pub enter_user_name: &'static str,
    pub enter_password: &'static str,
    pub incorrect: &'static str,
    pub demo_title: &'static str,
    pub demo_intro: &'static str,
    pub role: &'static str,
    /// The hidden heading of the column of "Use" buttons.
    pub action: &'static str,
    pub use_account: &'static str,
    /// The "Use" button's accessible name; gets the account's user name.
    pub use_account_label: fn(&str) -> String,
    pub provider_intro: &'static str,
    pub provider_button: &'static str,
    pub mfa_required: &'static str,
    pub mfa_button: &'static str,
    pub session_ended: &'static str,
    pub not_configured_title: &'static str,
    pub not_configured_text: &'static str,
    /// The callback page while the provider's answer is redeemed.
    pub signing_in: &'static str,
    pub callback_failed_title: &'static str,
    /// Why signing in through the provider did not work.
    pub provider_problem: fn(&OidcError) -> String,
}

in_ui_language!(SignIn);

pub const EN: SignIn = SignIn {
    title: "Sign in",
    intro: "Sign in with your partner staff account to add and manage customers.",
    user_name: "User name",
    password: "Password",
    submit: "Sign in",
    enter_user_name: "Enter your user name",
    enter_password: "Enter your password",
    incorrect: "The user name or password is incorrect",
    demo_title: "Demo accounts",
    demo_intro: "This server runs in demo mode. Each account has a different role, so you can see what each role may do.",
    role: "Role",
    action: "Action",
    use_account: "Use",
    use_account_label: |user_name| format!("Use {user_name}"),
    provider_intro: "Sign in with your organisation's account to add and manage customers.",
    provider_button: "Sign in with your organisation's account",
    mfa_required: "This service needs multifactor authentication (MFA). Sign in again and complete the extra verification your organisation asks for.",
    mfa_button: "Sign in again with MFA",
    session_ended: "Your sign-in has ended. Sign in again to carry on: what you entered is kept.",
    not_configured_title: "Sign-in is not configured",
    not_configured_text: "This app's settings do not say how to sign in. Tell whoever runs it: the browser's console says what is wrong.",
    signing_in: "Signing you in…",
    callback_failed_title: "Sign-in did not complete",
    provider_problem: |problem| {
        match problem {
        OidcError::Provider { error, .. } if error == "access_denied" => "The sign-in was cancelled, or your organisation did not allow it.".to_owned(),
        OidcError::Provider { error, .. } if is_interaction(error) => "Your organisation needs you to sign in again yourself. Select Try again.".to_owned(),
        OidcError::Provider { error, .. } => format!("The identity provider refused the sign-in ({error}). Select Try again."),
        OidcError::UnexpectedCallback => "This sign-in answer was not expected here: it may be old, or meant for another page. Nobody was signed in. Select Try again.".to_owned(),
        OidcError::Stale => "The sign-in took too long. Select Try again.".to_owned(),
        OidcError::BadIdToken(_) => "The identity provider's answer could not be trusted. Nobody was signed in. Select Try again.".to_owned(),
        OidcError::Unreachable(_) => "The identity provider could not be reached. Check your connection and select Try again.".to_owned(),
        OidcError::Unsupported(_) => "This browser lacks what a secure sign-in needs. Use an up-to-date browser.".to_owned(),
        OidcError::NotConfigured | OidcError::Redirecting => "Sign-in is not configured.".to_owned(),
    }
    },
};

pub const HU: SignIn = SignIn {
    title: "Bejelentkezés",
    intro: "Ügyfelek hozzáadásához és kezeléséhez jelentkezzen be a partnercég munkatársaként használt fiókjával.",
    user_name: "Felhasználónév",
    password: "Jelszó",
    submit: "Bejelentkezés",
    enter_user_name: "Adja meg a felhasználónevét",
    enter_password: "Adja meg a jelszavát",
    incorrect: "A felhasználónév vagy a jelszó helytelen",
    demo_title: "Bemutatófiókok",
    demo_intro: "Ez a kiszolgáló bemutató módban fut. Minden fióknak más a szerepköre, így láthatja, melyik szerepkör mire jogosult.",
    role: "Szerepkör",
    action: "Művelet",
    use_account: "Kiválasztás",
    use_account_label: |user_name| format!("Kiválasztás: {user_name}"),
    provider_intro: "Ügyfelek hozzáadásához és kezeléséhez jelentkezzen be a szervezete fiókjával.",
    provider_button: "Bejelentkezés a szervezet fiókjával",
    mfa_required: "Ez a szolgáltatás többtényezős hitelesítést (MFA) kér. Jelentkezzen be újra, és végezze el a szervezete által kért további ellenőrzést.",
    mfa_button: "Újbóli bejelentkezés MFA-val",
    session_ended: "A bejelentkezése lejárt. A folytatáshoz jelentkezzen be újra – a megadott adatok megmaradnak.",
    not_configured_title: "A bejelentkezés nincs beállítva",
    not_configured_text: "Az alkalmazás beállításai nem határozzák meg a bejelentkezés módját. Szóljon az üzemeltetőnek – a böngésző konzolja megmutatja, mi a hiba.",
    signing_in: "Bejelentkezés folyamatban…",
    callback_failed_title: "A bejelentkezés nem fejeződött be",
    provider_problem: |problem| {
        match problem {
        OidcError::Provider { error, .. } if error == "access_denied" => "A bejelentkezést megszakították, vagy a szervezete nem engedélyezte.".to_owned(),
        OidcError::Provider { error, .. } if is_interaction(error) => "A szervezete azt kéri, hogy jelentkezzen be újra. Válassza az Újrapróbálkozás lehetőséget.".to_owned(),
        OidcError::Provider { error, .. } => format!("Az identitásszolgáltató elutasította a bejelentkezést ({error}). Válassza az Újrapróbálkozás lehetőséget."),
        OidcError::UnexpectedCallback => "Ez a bejelentkezési válasz itt nem volt várható: lehet, hogy régi, vagy egy másik oldalnak szól. Senki sem jelentkezett be. Válassza az Újrapróbálkozás lehetőséget.".to_owned(),
        OidcError::Stale => "A bejelentkezés túl sokáig tartott. Válassza az Újrapróbálkozás lehetőséget.".to_owned(),
        OidcError::BadIdToken(_) => "Az identitásszolgáltató válasza nem megbízható. Senki sem jelentkezett be. Válassza az Újrapróbálkozás lehetőséget.".to_owned(),
        OidcError::Unreachable(_) => "Az identitásszolgáltató nem érhető el. Ellenőrizze a kapcsolatot, és válassza az Újrapróbálkozás lehetőséget.".to_owned(),
        OidcError::Unsupported(_) => "Ebből a böngészőből hiányzik, ami a biztonságos bejelentkezéshez kell. Használjon naprakész böngészőt.".to_owned(),
        OidcError::NotConfigured | OidcError::Redirecting => "A bejelentkezés nincs beállítva.".to_owned(),
    }
    },
};

pub const TR: SignIn = SignIn {
    title: "Oturum aç",
    intro: "Müşteri eklemek ve yönetmek için iş ortağı personel hesabınızla oturum açın.",
    user_name: "Kullanıcı adı",
    password: "Parola",
    submit: "Oturum aç",
    enter_user_name: "Kullanıcı adınızı girin",
    enter_password: "Parolanızı girin",
    incorrect: "Kullanıcı adı veya parola yanlış",
    demo_title: "Tanıtım hesapları",
    demo_intro: "Bu sunucu tanıtım modunda çalışıyor. Her hesabın rolü farklıdır; böylece her rolün neler yapabildiğini görebilirsiniz.",
    role: "Rol",
    action: "Eylem",
    use_account: "Kullan",
    use_account_label: |user_name| format!("{user_name} hesabını kullan"),
    provider_intro: "Müşteri eklemek ve yönetmek için kuruluşunuzun hesabıyla oturum açın.",
    provider_button: "Kuruluş hesabıyla oturum aç",
    mfa_required: "Bu hizmet çok faktörlü kimlik doğrulama (MFA) istiyor. Yeniden oturum açın ve kuruluşunuzun istediği ek doğrulamayı tamamlayın.",
    mfa_button: "MFA ile yeniden oturum aç",
    session_ended: "Oturumunuz sona erdi. Devam etmek için yeniden oturum açın; girdiğiniz bilgiler korunur.",
    not_configured_title: "Oturum açma yapılandırılmamış",
    not_configured_text: "Bu uygulamanın ayarları nasıl oturum açılacağını belirtmiyor. Uygulamayı işleten kişiye bildirin; sorunun ne olduğu tarayıcının konsolunda yazar.",
    signing_in: "Oturumunuz açılıyor…",
    callback_failed_title: "Oturum açma tamamlanamadı",
    provider_problem: |problem| {
        match problem {
        OidcError::Provider { error, .. } if error == "access_denied" => "Oturum açma iptal edildi veya kuruluşunuz buna izin vermedi.".to_owned(),
        OidcError::Provider { error, .. } if is_interaction(error) => "Kuruluşunuz yeniden oturum açmanızı istiyor. Yeniden dene'yi seçin.".to_owned(),
        OidcError::Provider { error, .. } => format!("Kimlik sağlayıcı oturum açmayı reddetti ({error}). Yeniden dene'yi seçin."),
        OidcError::UnexpectedCallback => "Bu oturum açma yanıtı burada beklenmiyordu: eski olabilir veya başka bir sayfa için olabilir. Kimsenin oturumu açılmadı. Yeniden dene'yi seçin.".to_owned(),
        OidcError::Stale => "Oturum açma çok uzun sürdü. Yeniden dene'yi seçin.".to_owned(),
        OidcError::BadIdToken(_) => "Kimlik sağlayıcının yanıtına güvenilemedi. Kimsenin oturumu açılmadı. Yeniden dene'yi seçin.".to_owned(),
        OidcError::Unreachable(_) => "Kimlik sağlayıcıya ulaşılamadı. Bağlantınızı kontrol edip Yeniden dene'yi seçin.".to_owned(),
        OidcError::Unsupported(_) => "Bu tarayıcıda güvenli oturum açma için gerekenler eksik. Güncel bir tarayıcı kullanın.".to_owned(),
        OidcError::NotConfigured | OidcError::Redirecting => "Oturum açma yapılandırılmamış.".to_owned(),
    }
    },
};

/// The provider wants the user to take part (OpenID Connect Core §3.1.2.6).
fn is_interaction(error: &str) -> bool {
    matches!(
        error,
        "interaction_required"
            | "login_required"
            | "consent_required"
            | "account_selection_required"
    )
}
