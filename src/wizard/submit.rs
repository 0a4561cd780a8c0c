//! Submit: the writes of product.md §4 in order — customer, agreement, order.
//! Each write's request id is stored before the write is sent and repeated on
//! every retry, so a double click, a dropped connection, a reload or a 5xx
//! never creates a customer or an order twice; a failure resumes at its step.

use customer_model::draft::Draft;
use customer_model::wire::FaultCode;
use leptos::prelude::*;

use super::{
    CreatedCart, CreatedCustomer, Operation, PlacedOrders, Stored, Submission, Wizard,
    offers_fingerprint,
};
use crate::api::{self, ApiError, Ids};

/// The visible steps of Submit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Customer,
    Agreement,
    Order,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub stage: Stage,
    pub error: ApiError,
}

impl Failure {
    /// Another tenant already has the domain: an existing customer, most likely.
    pub fn domain_taken(&self) -> bool {
        matches!(&self.error, ApiError::Fault { status: 409, fault: Some(fault) }
            if fault.code == FaultCode::Text("DomainAlreadyExists".to_owned()))
    }
}

impl Stage {
    /// Whether this stage's writes are done.
    pub fn finished(self, submission: &Submission) -> bool {
        match self {
            Stage::Customer => submission.customer.done().is_some(),
            Stage::Agreement => submission.agreement.done().is_some(),
            Stage::Order => submission.checkout.done().is_some(),
        }
    }
}

/// Which stages this draft needs.
pub fn stages(draft: &Draft) -> Vec<Stage> {
    let mut stages = vec![Stage::Customer];
    if draft.agreement_request("").is_some() {
        stages.push(Stage::Agreement);
    }
    if !draft.offers.is_empty() {
        stages.push(Stage::Order);
    }
    stages
}

/// The request id of a write: the stored one, or a new one stored right away.
fn request_id<T>(wizard: Wizard, operation: impl Fn(&mut Stored) -> &mut Operation<T>) -> Ids {
    let mut ids = Ids::default();
    wizard.state.update(|state| {
        if state.submission.correlation_id.is_empty() {
            state.submission.correlation_id = api::new_id();
        }
        ids.correlation_id = state.submission.correlation_id.clone();
        let operation = operation(state);
        ids.request_id = match operation {
            Operation::Sent { request_id } => request_id.clone(),
            _ => {
                let request_id = api::new_id();
                *operation = Operation::Sent {
                    request_id: request_id.clone(),
                };
                request_id
            }
        };
    });
    // Stored before it is sent: a reload during the write must repeat this id.
    wizard.save_now();
    ids
}

/// Records a write's outcome: done; or, when the server refused it (so did
/// nothing), not started, so that a corrected draft gets a new request id.
fn settle<T, R>(
    wizard: Wizard,
    stage: Stage,
    result: Result<R, ApiError>,
    operation: impl Fn(&mut Stored) -> &mut Operation<T>,
    done: impl FnOnce(R) -> T,
) -> Result<T, Failure>
where
    T: Clone,
{
    match result {
        Ok(answer) => {
            let value = done(answer);
            wizard
                .state
                .update(|state| *operation(state) = Operation::Done(value.clone()));
            Ok(value)
        }
        Err(error) => {
            if error.is_refusal() {
                wizard
                    .state
                    .update(|state| *operation(state) = Operation::NotStarted);
                wizard.server_issues.set(error.issues());
            }
            Err(Failure { stage, error })
        }
    }
}

/// Runs the writes still to do; a completed run leaves only the submission.
pub async fn run(wizard: Wizard) -> Result<(), Failure> {
    wizard.server_issues.set(Vec::new());
    let draft = wizard.state.with_untracked(|state| state.draft.clone());

    let customer = match wizard
        .state
        .with_untracked(|state| state.submission.customer.done().cloned())
    {
        Some(customer) => customer,
        None => {
            let ids = request_id(wizard, |state| &mut state.submission.customer);
            let result =
                api::create_customer(&draft.customer_request(crate::config::cloud()), &ids).await;
            settle(
                wizard,
                Stage::Customer,
                result,
                |state| &mut state.submission.customer,
                |(id, created)| {
                    let domain = created.company_profile.domain.clone();
                    let credentials = created.user_credentials.unwrap_or_default();
                    wizard.password.set(Some(credentials.password));
                    CreatedCustomer {
                        id,
                        company_name: created.company_profile.company_name,
                        admin_user_name: format!("{}@{domain}", credentials.user_name),
                        domain,
                    }
                },
            )?
        }
    };

    let agreement_done = wizard
        .state
        .with_untracked(|state| state.submission.agreement.done().is_some());
    if !agreement_done && draft.agreement_request("").is_some() {
        let failure = |error| Failure {
            stage: Stage::Agreement,
            error,
        };
        let templates = api::agreement_templates().await.map_err(failure)?;
        let template_id = templates
            .items
            .iter()
            .max_by_key(|template| template.version_rank)
            .map(|template| template.template_id.clone())
            .unwrap_or_default();
        if let Some(agreement) = draft.agreement_request(&template_id) {
            let ids = request_id(wizard, |state| &mut state.submission.agreement);
            let result = api::record_agreement(&customer.id, &agreement, &ids).await;
            settle(
                wizard,
                Stage::Agreement,
                result,
                |state| &mut state.submission.agreement,
                |_| (),
            )?;
        }
    }

    if let Some(cart) = draft.cart_request() {
        order(wizard, &customer.id, &draft, &cart).await?;
    }

    wizard.state.update(|state| {
        state.submission.complete = true;
        state.draft = Draft::default();
        state.progress = Default::default();
    });
    Ok(())
}

async fn order(
    wizard: Wizard,
    customer_id: &str,
    draft: &Draft,
    cart: &customer_model::wire::Cart,
) -> Result<(), Failure> {
    if wizard
        .state
        .with_untracked(|state| state.submission.checkout.done().is_some())
    {
        return Ok(());
    }
    let offers = offers_fingerprint(draft);
    // A cart of an earlier choice was never checked out: it is left behind.
    let cart_id = match wizard
        .state
        .with_untracked(|state| state.submission.cart.done().cloned())
    {
        Some(created) if created.offers == offers => created.id,
        _ => {
            wizard.state.update(|state| {
                if state.submission.cart.done().is_some() {
                    state.submission.cart = Operation::NotStarted;
                }
            });
            let ids = request_id(wizard, |state| &mut state.submission.cart);
            let result = api::create_cart(customer_id, cart, &ids).await;
            settle(
                wizard,
                Stage::Order,
                result,
                |state| &mut state.submission.cart,
                |id| CreatedCart { id, offers },
            )?
            .id
        }
    };
    let ids = request_id(wizard, |state| &mut state.submission.checkout);
    let result = api::checkout(customer_id, &cart_id, &ids).await;
    settle(
        wizard,
        Stage::Order,
        result,
        |state| &mut state.submission.checkout,
        |checkout| PlacedOrders::new(&checkout.orders),
    )
    .map(drop)
}
