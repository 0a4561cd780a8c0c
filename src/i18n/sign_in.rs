//! The Sign in page, with the demo server's accounts.

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
}

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
};
