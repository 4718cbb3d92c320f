//! How fast a client sends: a client-side rate limit.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, FakeRelativeClock, MonotonicClock};
use governor::middleware::NoOpMiddleware;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};

/// A client-side rate limit: `per_second` requests a second on average,
/// `burst` at once after a quiet spell (the generic cell rate algorithm).
/// Coupa documents 25 requests a second with bursts of 20 ([`Self::coupa`]).
///
/// ```
/// use std::num::NonZeroU32;
/// use std::time::Duration;
/// let n = |n| NonZeroU32::new(n).unwrap();
/// let limit = elementa_http::RateLimit::manual(n(25), n(20));
/// // The burst goes at once; the next request waits 1/25 s.
/// for _ in 0..20 {
///     assert_eq!(limit.wait(), Duration::ZERO);
/// }
/// assert_eq!(limit.wait(), Duration::from_millis(40));
/// limit.advance(Duration::from_millis(40));
/// assert_eq!(limit.wait(), Duration::ZERO);
/// ```
#[derive(Debug)]
pub struct RateLimit {
    limiter: Limiter,
}

#[derive(Debug)]
enum Limiter {
    Real(RateLimiter<NotKeyed, InMemoryState, MonotonicClock, NoOpMiddleware<std::time::Instant>>),
    Manual(
        RateLimiter<
            NotKeyed,
            InMemoryState,
            FakeRelativeClock,
            NoOpMiddleware<governor::nanos::Nanos>,
        >,
        FakeRelativeClock,
    ),
}

fn quota(per_second: NonZeroU32, burst: NonZeroU32) -> Quota {
    Quota::per_second(per_second).allow_burst(burst)
}

const fn nonzero(n: u32) -> NonZeroU32 {
    match NonZeroU32::new(n) {
        Some(n) => n,
        None => panic!("a rate limit's figures are not zero"),
    }
}

impl RateLimit {
    /// `per_second` requests a second, bursts of `burst`, on the monotonic
    /// clock.
    pub fn new(per_second: NonZeroU32, burst: NonZeroU32) -> Self {
        RateLimit {
            limiter: Limiter::Real(RateLimiter::direct_with_clock(
                quota(per_second, burst),
                MonotonicClock,
            )),
        }
    }

    /// Coupa's documented limit: 25 requests a second, bursts of 20.
    pub fn coupa() -> Self {
        const PER_SECOND: NonZeroU32 = nonzero(25);
        const BURST: NonZeroU32 = nonzero(20);
        RateLimit::new(PER_SECOND, BURST)
    }

    /// The same limit on a clock that only moves when [`Self::advance`]
    /// moves it (for tests and simulations).
    pub fn manual(per_second: NonZeroU32, burst: NonZeroU32) -> Self {
        let clock = FakeRelativeClock::default();
        RateLimit {
            limiter: Limiter::Manual(
                RateLimiter::direct_with_clock(quota(per_second, burst), clock.clone()),
                clock,
            ),
        }
    }

    /// Moves a manual clock on; a real one is not moved.
    pub fn advance(&self, by: Duration) {
        if let Limiter::Manual(_, clock) = &self.limiter {
            clock.advance(by);
        }
    }

    /// Takes a slot for one request if one is free now (`Duration::ZERO`);
    /// otherwise takes nothing and says how long to wait before asking
    /// again.
    pub fn wait(&self) -> Duration {
        match &self.limiter {
            Limiter::Real(l) => match l.check() {
                Ok(()) => Duration::ZERO,
                Err(not_until) => not_until.wait_time_from(MonotonicClock.now()),
            },
            Limiter::Manual(l, clock) => match l.check() {
                Ok(()) => Duration::ZERO,
                Err(not_until) => not_until.wait_time_from(clock.now()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_of_requests_at_full_speed_is_the_burst_plus_the_rate() {
        let limit = RateLimit::manual(nonzero(25), nonzero(20));
        let step = Duration::from_millis(1);
        let mut sent = 0;
        let mut waited = Duration::ZERO;
        while waited < Duration::from_secs(1) {
            match limit.wait() {
                Duration::ZERO => sent += 1,
                wait => {
                    let wait = wait.max(step);
                    limit.advance(wait);
                    waited += wait;
                }
            }
        }
        // 20 at once, then one each 40 ms: 25 in the second that follows.
        assert!((44..=46).contains(&sent), "{sent}");
    }

    #[test]
    fn without_a_burst_requests_are_spaced_evenly() {
        let limit = RateLimit::manual(nonzero(4), nonzero(1));
        assert_eq!(limit.wait(), Duration::ZERO);
        assert_eq!(limit.wait(), Duration::from_millis(250));
        limit.advance(Duration::from_millis(249));
        assert_eq!(limit.wait(), Duration::from_millis(1));
        limit.advance(Duration::from_millis(1));
        assert_eq!(limit.wait(), Duration::ZERO);
    }
}
