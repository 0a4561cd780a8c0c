//! What Account info knows while the user fills it in: who is signed in and
//! what they may do, the chosen country's rules, every issue of the answers,
//! and the domain's lookups.

use customer_model::validation::{Context, Issue};
use customer_model::wire::{CountryValidationRules, Me, PartnerType};
use leptos::prelude::*;

use super::domain::{Availability, Lookups};
use super::reseller;
use crate::api::{self, ApiError};
use crate::format;
use crate::router;
use crate::staff::Staff;
use crate::wizard::{Step, Wizard};

#[derive(Clone, Copy)]
pub struct AccountState {
    pub wizard: Wizard,
    /// Opened by Review's Update: Next saves and returns there.
    pub to_review: bool,
    /// A role that may not add customers is told why instead of given the form.
    pub refused: Memo<Option<Me>>,
    pub may_confirm: Signal<bool>,
    pub indirect: Memo<bool>,
    /// A reseller a link (or the restored draft) named that the partner does not have.
    pub unknown_reseller: RwSignal<Option<String>>,
    pub country: Memo<String>,
    pub rules: LocalResource<Option<Result<CountryValidationRules, ApiError>>>,
    /// The chosen country's rules, once they have arrived.
    pub loaded_rules: Memo<Option<CountryValidationRules>>,
    pub rules_problem: Memo<Option<ApiError>>,
    /// Every issue of the step: the shared rules' and what the server said.
    pub issues: Memo<Vec<Issue>>,
    pub lookups: Lookups,
    pub domain_taken: Memo<bool>,
}

impl AccountState {
    pub fn new() -> AccountState {
        let wizard = Wizard::get();
        // A customer finished earlier does not block the next one.
        if wizard
            .state
            .with_untracked(|state| state.submission.complete)
        {
            wizard.start_over();
        }
        let to_review = router::query("return").as_deref() == Some("review");
        // A link may name the reseller (`?reseller=<id>`); it is kept once the
        // partner's resellers are known to include it.
        if let Some(reseller) = router::query("reseller") {
            wizard.edit(|draft| {
                draft.reseller_id = Some(reseller);
                draft.reseller_mpn_id = None;
            });
        }

        let staff = Staff::get();
        staff.retry_failures();
        let me = Memo::new(move |_| staff.known());
        let indirect = Memo::new(move |_| {
            me.with(|me| {
                me.as_ref()
                    .is_some_and(|me| me.partner.partner_type == PartnerType::IndirectProvider)
            })
        });
        let refused = Memo::new(move |_| {
            me.with(|me| me.as_ref().filter(|me| !me.can_add_customers()).cloned())
        });
        let may_confirm = Signal::derive(move || {
            me.with(|me| me.as_ref().is_none_or(|me| me.can_accept_agreement()))
        });
        let unknown_reseller = RwSignal::new(None::<String>);
        // A direct-bill partner has no resellers: any reseller is unknown.
        Effect::new(move || {
            let direct = me.with(|me| {
                me.as_ref()
                    .is_some_and(|me| me.partner.partner_type != PartnerType::IndirectProvider)
            });
            if direct && let Some(id) = reseller::keep_known_reseller(wizard, &[]) {
                unknown_reseller.set(Some(id));
            }
        });

        let country = Memo::new(move |_| {
            wizard.draft(|draft| draft.account.country.trim().to_ascii_uppercase())
        });
        let rules = LocalResource::new(move || {
            let code = country.get();
            async move {
                if code.is_empty() {
                    None
                } else {
                    Some(api::country_rules(&code).await)
                }
            }
        });
        let loaded_rules = Memo::new(move |_| match rules.get() {
            Some(Some(Ok(rules))) if rules.iso2_code.eq_ignore_ascii_case(&country.get()) => {
                Some(rules)
            }
            _ => None,
        });
        let rules_problem = Memo::new(move |_| match rules.get() {
            Some(Some(Err(ApiError::Cancelled))) => None,
            Some(Some(Err(error))) => Some(error),
            _ => None,
        });
        Effect::new(move || {
            if let Some(rules) = loaded_rules.get() {
                apply_country_defaults(wizard, &rules);
            }
        });

        let today = format::today();
        let issues = Memo::new(move |_| {
            let rules = loaded_rules
                .get()
                .unwrap_or_else(|| CountryValidationRules {
                    iso2_code: country.get(),
                    ..Default::default()
                });
            let domains = me.with(|me| {
                me.as_ref()
                    .map(|me| me.partner.domains.clone())
                    .unwrap_or_default()
            });
            let context = Context {
                rules: &rules,
                partner_domains: &domains,
                today,
                cloud: crate::config::cloud(),
            };
            let mut issues = wizard
                .state
                .with(|state| state.draft.account_issues(&context));
            issues.extend(
                wizard
                    .server_issues
                    .get()
                    .into_iter()
                    .filter(|issue| Step::of_field(issue.field) == Step::Account),
            );
            issues
        });

        let lookups = Lookups::new();
        // The domain and look-alike customers, looked up when the page opens
        // and after the user stops typing the name or the prefix.
        Effect::new(move |previous: Option<(String, String)>| {
            let current = wizard.draft(|draft| {
                (
                    draft.account.company_name.clone(),
                    draft.account.domain_prefix.clone(),
                )
            });
            let changed = previous.as_ref() != Some(&current);
            let worth_it = !(current.0.trim().is_empty() && current.1.trim().is_empty());
            if changed && worth_it {
                lookups.schedule(current.0.clone(), current.1.clone());
            }
            current
        });
        let domain_taken = Memo::new(move |_| {
            let prefix = wizard.draft(|draft| draft.account.domain_prefix.clone());
            matches!(
                lookups.availability.with(|known| known.of(&prefix)),
                Availability::Taken(_)
            )
        });

        AccountState {
            wizard,
            to_review,
            refused,
            may_confirm,
            indirect,
            unknown_reseller,
            country,
            rules,
            loaded_rules,
            rules_problem,
            issues,
            lookups,
            domain_taken,
        }
    }

    /// Whether the chosen country's rules decide that `read` holds.
    pub fn rule(self, read: fn(&CountryValidationRules) -> bool) -> Signal<bool> {
        let rules = self.loaded_rules;
        Signal::derive(move || rules.with(|rules| rules.as_ref().is_some_and(read)))
    }

    /// The languages (or cultures) `list` of the rules offers, by name in the UI language.
    pub fn language_options(
        self,
        list: fn(&CountryValidationRules) -> &Vec<String>,
    ) -> Signal<Vec<(String, String)>> {
        let rules = self.loaded_rules;
        Signal::derive(move || {
            rules.with(|rules| {
                rules
                    .as_ref()
                    .map(|rules| {
                        list(rules)
                            .iter()
                            .map(|code| (code.clone(), format::language_name(code)))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    }
}

/// The chosen country's defaults (`Draft::apply_country_defaults`), written
/// only when they change the draft.
fn apply_country_defaults(wizard: Wizard, rules: &CountryValidationRules) {
    let fixed = wizard.state.with_untracked(|state| {
        let mut draft = state.draft.clone();
        draft.apply_country_defaults(rules);
        (draft.account != state.draft.account).then_some(draft.account)
    });
    if let Some(account) = fixed {
        wizard.edit(|draft| draft.account = account);
    }
}
