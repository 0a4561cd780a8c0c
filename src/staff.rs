//! Who is signed in, as the API knows them: their roles and partner
//! (`/v1/me`), and the partner's indirect resellers. Fetched once per
//! sign-in and shared by every page, not again on each navigation; a page
//! opened after a failed fetch asks again.

use customer_model::wire::{Me, PartnerRelationship, PartnerType};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::session::Session;

/// An answer of the API about the signed-in user: `None` until it is in
/// (and while nobody is signed in).
pub type Answer<T> = Option<Result<T, ApiError>>;

#[derive(Clone, Copy)]
pub struct Staff {
    /// With the resellers when learning who it is took them (`api::me`).
    me: LocalResource<Answer<(Me, Option<Vec<PartnerRelationship>>)>>,
    resellers: LocalResource<Answer<Vec<PartnerRelationship>>>,
}

impl Staff {
    /// Fetches for each sign-in of `session`; provided to every view.
    pub fn provide(session: Session) -> Staff {
        let me = LocalResource::new(move || {
            let signed_in = session.signed_in();
            async move {
                if signed_in {
                    Some(api::me().await)
                } else {
                    None
                }
            }
        });
        // Only an indirect provider has resellers to ask for, and only when
        // `me` did not bring them.
        let resellers = LocalResource::new(move || {
            let known = me.with(|me| match me {
                Some(Some(Ok((me, brought)))) => Some((
                    me.partner.partner_type == PartnerType::IndirectProvider,
                    brought.clone(),
                )),
                _ => None,
            });
            async move {
                match known {
                    Some((_, Some(brought))) => Some(Ok(brought)),
                    Some((true, None)) => Some(api::resellers().await.map(|list| list.items)),
                    _ => None,
                }
            }
        });
        let staff = Staff { me, resellers };
        provide_context(staff);
        staff
    }

    pub fn get() -> Staff {
        use_context::<Staff>().unwrap_or_else(|| Staff::provide(Session::get()))
    }

    /// Asks again for what failed to come; for a page as it opens.
    pub fn retry_failures(&self) {
        if self
            .me
            .with_untracked(|me| matches!(me, Some(Some(Err(_)))))
        {
            self.me.refetch();
        }
        if self
            .resellers
            .with_untracked(|resellers| matches!(resellers, Some(Some(Err(_)))))
        {
            self.resellers.refetch();
        }
    }

    /// Who is signed in; views that read it follow the answer.
    pub fn me(&self) -> Answer<Me> {
        self.me.with(|me| match me {
            Some(Some(Ok((me, _)))) => Some(Ok(me.clone())),
            Some(Some(Err(error))) => Some(Err(error.clone())),
            None | Some(None) => None,
        })
    }

    /// The signed-in user, once known; `None` while asking or after a failure.
    pub fn known(&self) -> Option<Me> {
        self.me.with(|me| match me {
            Some(Some(Ok((me, _)))) => Some(me.clone()),
            _ => None,
        })
    }

    /// The partner's indirect resellers (none for a direct-bill partner).
    pub fn resellers(&self) -> Answer<Vec<PartnerRelationship>> {
        match self.me() {
            Some(Ok(me)) if me.partner.partner_type != PartnerType::IndirectProvider => {
                Some(Ok(Vec::new()))
            }
            _ => self.resellers.get().flatten(),
        }
    }
}
