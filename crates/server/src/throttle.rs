//! How fast anyone may knock: password sign-ins per client address and per
//! account, how many password hashes run at once, and requests per signed-in
//! user. Every limit is this process's own (several processes behind a load
//! balancer each allow as much).

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// The limits a server is started with.
#[derive(Debug, Clone)]
pub struct Rates {
    /// Password sign-ins a minute from one client address (an IPv6 /64).
    pub sign_ins_per_address: NonZeroU32,
    /// Password sign-ins a minute for one user name, whoever tries.
    pub sign_ins_per_account: NonZeroU32,
    /// API requests a minute per signed-in user: Partner Center's published
    /// 500 by default.
    pub requests_per_user: NonZeroU32,
    /// Password checks computed at once; each holds about 19 MiB (argon2id's
    /// default memory cost).
    pub concurrent_hashes: NonZeroU32,
    /// A header (such as `X-Forwarded-For`) whose last address is the
    /// client's, when a proxy in front of the server sets it.
    pub client_address_header: Option<String>,
}

/// `count`, or 1 for 0.
pub fn at_least_one(count: u32) -> NonZeroU32 {
    NonZeroU32::new(count).unwrap_or(NonZeroU32::MIN)
}

impl Default for Rates {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
        Self {
            sign_ins_per_address: at_least_one(30),
            sign_ins_per_account: at_least_one(10),
            requests_per_user: at_least_one(500),
            // One core stays free for everything else (health checks, pages).
            concurrent_hashes: at_least_one(u32::try_from(cores.saturating_sub(1)).unwrap_or(1)),
            client_address_header: None,
        }
    }
}

/// A waiting line longer than this is refused rather than queued: a sign-in
/// that would wait longer is better told to come back.
const LONGEST_WAIT_FOR_A_HASH: Duration = Duration::from_secs(1);

/// The running limits of one server process.
pub struct Throttle {
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
    per_user: DefaultKeyedRateLimiter<String>,
    hashing: Arc<Semaphore>,
}

impl std::fmt::Debug for Throttle {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Throttle")
    }
}

impl Throttle {
    pub fn new(rates: &Rates) -> Self {
        Self {
            per_address: RateLimiter::keyed(Quota::per_minute(rates.sign_ins_per_address)),
            per_account: RateLimiter::keyed(Quota::per_minute(rates.sign_ins_per_account)),
            per_user: RateLimiter::keyed(Quota::per_minute(rates.requests_per_user)),
            hashing: Arc::new(Semaphore::new(rates.concurrent_hashes.get() as usize)),
        }
    }

    /// Admits one password sign-in from `client` for `user_name`, or says
    /// how long to wait. Both allowances are spent by every attempt, so that
    /// no one learns from the limit whether a password was right.
    pub fn admit_sign_in(&self, client: Option<IpAddr>, user_name: &str) -> ApiResult<()> {
        if let Some(client) = client {
            check(&self.per_address, &network_of(client))?;
        }
        let account: String = user_name.trim().to_lowercase().chars().take(256).collect();
        check(&self.per_account, &account)
    }

    /// A turn to compute a password hash; refused when the line is too long.
    pub async fn hashing_turn(&self) -> ApiResult<OwnedSemaphorePermit> {
        match tokio::time::timeout(
            LONGEST_WAIT_FOR_A_HASH,
            self.hashing.clone().acquire_owned(),
        )
        .await
        {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) | Err(_) => Err(ApiError::TooManyRequests { retry_after: 1 }),
        }
    }

    /// One more request of the signed-in user `user_id`.
    pub fn admit_request(&self, user_id: &str) -> ApiResult<()> {
        check(&self.per_user, &user_id.to_owned())
    }

    /// Forgets the clients, accounts and users back at a full allowance, so
    /// that the limiters hold only who was seen lately (the housekeeping
    /// does this every few minutes, off the requests' path).
    pub fn forget_idle(&self) {
        self.per_address.retain_recent();
        self.per_account.retain_recent();
        self.per_user.retain_recent();
    }
}

fn check<K>(limiter: &DefaultKeyedRateLimiter<K>, key: &K) -> ApiResult<()>
where
    K: Clone + std::hash::Hash + Eq,
{
    limiter.check_key(key).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        ApiError::TooManyRequests {
            retry_after: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
        }
    })
}

/// An IPv6 client controls its whole /64: it counts as one address.
fn network_of(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => {
            let segments = v6.segments();
            IpAddr::from([
                segments[0],
                segments[1],
                segments[2],
                segments[3],
                0,
                0,
                0,
                0,
            ])
        }
    }
}

/// The client's address: the socket's peer, or the last address of the
/// configured proxy header.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        if let Some(name) = &state.settings.rates.client_address_header {
            let forwarded = parts
                .headers
                .get_all(name.as_str())
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .next_back()
                .and_then(|last| last.trim().parse().ok());
            if forwarded.is_some() {
                return Ok(Self(forwarded));
            }
        }
        Ok(Self(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| peer.ip()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates(per_minute: u32) -> Rates {
        let rate = at_least_one(per_minute);
        Rates {
            sign_ins_per_address: rate,
            sign_ins_per_account: rate,
            requests_per_user: rate,
            ..Rates::default()
        }
    }

    #[test]
    fn an_allowance_spent_is_refused_with_the_seconds_until_the_next() {
        let throttle = Throttle::new(&rates(2));
        assert!(throttle.admit_request("a").is_ok());
        assert!(throttle.admit_request("a").is_ok());
        match throttle.admit_request("a") {
            Err(ApiError::TooManyRequests { retry_after }) => {
                assert!((1..=30).contains(&retry_after), "{retry_after}")
            }
            other => panic!("expected a 429, got {other:?}"),
        }
        assert!(
            throttle.admit_request("b").is_ok(),
            "another user's allowance"
        );
    }

    #[test]
    fn user_names_count_alike_whatever_their_case_and_an_ipv6_client_by_its_slash_64() {
        let throttle = Throttle::new(&rates(1));
        let first: IpAddr = "2001:db8::1".parse().expect("an address");
        let neighbour: IpAddr = "2001:db8::ffff".parse().expect("an address");
        assert!(throttle.admit_sign_in(Some(first), "Ann@x").is_ok());
        assert!(throttle.admit_sign_in(Some(neighbour), "bob@x").is_err());
        assert!(throttle.admit_sign_in(None, " ann@X ").is_err());
        assert!(throttle.admit_sign_in(None, "carol@x").is_ok());
    }
}
