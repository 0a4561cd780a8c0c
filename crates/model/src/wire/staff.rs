//! The reference server's own extensions (not Partner Center's): staff sign-in,
//! who is signed in, and what each role may do. The role rules live here so the
//! wizard greys out what the API would refuse.

use serde::{Deserialize, Serialize};

use super::Attributes;

/// Partner Center's fault code of a 401 for a token without multifactor
/// authentication (enforced on App+User calls since April 2026).
pub const MFA_REQUIRED_FAULT: i64 = 900421;

/// The fault code of a 403 for a signed-in identity (from an identity
/// provider) that is not a staff member of this partner.
pub const NOT_STAFF_FAULT: &str = "NotStaffMember";

/// A partner staff role, as Partner Center names them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    GlobalAdmin,
    UserManagementAdmin,
    AdminAgent,
    SalesAgent,
    BillingAdmin,
    HelpdeskAgent,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::GlobalAdmin,
        Role::UserManagementAdmin,
        Role::AdminAgent,
        Role::SalesAgent,
        Role::BillingAdmin,
        Role::HelpdeskAgent,
    ];

    /// The wire spelling (`admin_agent`…), also what the CLI accepts.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::GlobalAdmin => "global_admin",
            Role::UserManagementAdmin => "user_management_admin",
            Role::AdminAgent => "admin_agent",
            Role::SalesAgent => "sales_agent",
            Role::BillingAdmin => "billing_admin",
            Role::HelpdeskAgent => "helpdesk_agent",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        let wanted = text.trim().replace(['-', ' '], "_").to_ascii_lowercase();
        Role::ALL.into_iter().find(|role| role.as_str() == wanted)
    }

    /// Add a customer (and buy for it): Global admin, User management admin,
    /// Admin agent, Sales agent.
    pub fn can_add_customers(self) -> bool {
        matches!(
            self,
            Role::GlobalAdmin | Role::UserManagementAdmin | Role::AdminAgent | Role::SalesAgent
        )
    }

    /// Confirm the Microsoft Customer Agreement on the customer's behalf.
    pub fn can_accept_agreement(self) -> bool {
        matches!(self, Role::AdminAgent | Role::SalesAgent)
    }
}

/// A direct-bill partner sells on its own; an indirect provider also sells
/// through its indirect resellers.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartnerType {
    #[default]
    DirectBill,
    IndirectProvider,
}

/// The partner organisation the staff work for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct PartnerProfile {
    pub tenant_id: String,
    pub name: String,
    pub partner_type: PartnerType,
    /// The partner's own email domains: a customer's email must not be on them.
    pub domains: Vec<String>,
}

/// `GET /v1/me`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Me {
    pub user_name: String,
    pub roles: Vec<Role>,
    pub partner: PartnerProfile,
    pub attributes: Attributes,
    /// Set by a client that could not learn the roles (an API without
    /// `/v1/me`, a token without a role claim): it offers everything, and
    /// the API's 403 says what the role may not do.
    #[serde(skip)]
    pub roles_unknown: bool,
}

impl Me {
    pub fn can_add_customers(&self) -> bool {
        self.roles_unknown || self.roles.iter().any(|role| role.can_add_customers())
    }

    pub fn can_accept_agreement(&self) -> bool {
        self.roles_unknown || self.roles.iter().any(|role| role.can_accept_agreement())
    }
}

/// `POST /v1/auth/token` body.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SignIn {
    pub user_name: String,
    pub password: String,
}

/// `POST /v1/auth/token` answer: a bearer token and when it stops working.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct AccessToken {
    pub access_token: String,
    pub token_type: String,
    /// Seconds from issue.
    pub expires_in: u64,
    pub expires_on: String,
    pub attributes: Attributes,
}

/// One demo account, as `GET /v1/demo` lists them for the sign-in page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct DemoAccount {
    pub user_name: String,
    pub password: String,
    pub role: Option<Role>,
}

/// `GET /v1/demo`: present only when the server runs with `--demo`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct DemoInfo {
    pub accounts: Vec<DemoAccount>,
    pub attributes: Attributes,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_partner_center_roles_add_customers() {
        let adders: Vec<_> = Role::ALL
            .into_iter()
            .filter(|role| role.can_add_customers())
            .collect();
        assert_eq!(
            adders,
            [
                Role::GlobalAdmin,
                Role::UserManagementAdmin,
                Role::AdminAgent,
                Role::SalesAgent
            ]
        );
        let attesters: Vec<_> = Role::ALL
            .into_iter()
            .filter(|role| role.can_accept_agreement())
            .collect();
        assert_eq!(attesters, [Role::AdminAgent, Role::SalesAgent]);
    }

    #[test]
    fn roles_parse_from_their_wire_names_and_friendly_spellings() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            let json = serde_json::to_string(&role).expect("serializes");
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
        assert_eq!(Role::parse("Admin-Agent"), Some(Role::AdminAgent));
        assert_eq!(Role::parse("sales agent"), Some(Role::SalesAgent));
        assert_eq!(Role::parse("owner"), None);
    }
}
