//! Green API's per-method rate limits (about one request a second for the
//! journals and `getChatHistory`, MESSAGES.md §4.1, PROVIDERS.md §3; ten for
//! `readChat`, §4.2): each method's calls are spaced by its interval, counted
//! from the end of the previous call, so the gateway's limiter never has to
//! refuse one. On tokio's clock, so tests run the
//! schedule on a paused clock: exact, and without waiting.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

#[derive(Default)]
pub(super) struct Pacer {
    /// When each method's last call ended.
    last: Mutex<HashMap<&'static str, Instant>>,
}

impl Pacer {
    /// How long a call of `method`, allowed once per `interval`, starting at `now` must wait.
    pub fn delay(&self, method: &str, interval: Duration, now: Instant) -> Duration {
        self.lock()
            .get(method)
            .map(|&end| (end + interval).saturating_duration_since(now))
            .unwrap_or_default()
    }

    /// Run `call` as `method`'s next call, at most one per `interval`, waiting its turn first.
    pub async fn run<T>(
        &self,
        method: &'static str,
        interval: Duration,
        call: impl std::future::Future<Output = T>,
    ) -> T {
        let wait = self.delay(method, interval, Instant::now());
        if !wait.is_zero() {
            crate::diag::trace(&format!(
                "pacing {method}: waiting {} ms (Green API limits it to one call per {} ms)",
                wait.as_millis(),
                interval.as_millis()
            ));
            tokio::time::sleep(wait).await;
        }
        let out = call.await;
        // From the end of the call, so two requests never arrive within the interval.
        self.lock().insert(method, Instant::now());
        out
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<&'static str, Instant>> {
        self.last.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    // See: issue 12 — getChatHistory (and the journals) must stay within 1 request/s per
    // method; pinned on a paused clock, so it is exact and takes no real time.
    #[tokio::test(start_paused = true)]
    async fn each_method_is_paced_to_one_call_per_interval_from_the_end_of_the_last() {
        let pacer = Pacer::default();
        let t0 = Instant::now();
        let mut starts = Vec::new();
        for method in [
            "getChatHistory",
            "getChats",
            "getChatHistory",
            "getChatHistory",
        ] {
            let at = pacer
                .run(method, SECOND, async {
                    let start = Instant::now();
                    // The call itself takes 300 ms.
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    start
                })
                .await;
            starts.push((method, at - t0));
        }
        let ms = |m: u64| Duration::from_millis(m);
        assert_eq!(
            starts,
            [
                ("getChatHistory", ms(0)),
                // Another method is not held back.
                ("getChats", ms(300)),
                // One second after the first call ended (at 300 ms).
                ("getChatHistory", ms(1300)),
                ("getChatHistory", ms(2600)),
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn delay_is_what_remains_of_the_interval() {
        let pacer = Pacer::default();
        let t0 = Instant::now();
        assert_eq!(pacer.delay("getChatHistory", SECOND, t0), Duration::ZERO);
        pacer.run("getChatHistory", SECOND, async {}).await;
        assert_eq!(pacer.delay("getChatHistory", SECOND, t0), SECOND);
        let later = t0 + Duration::from_millis(400);
        assert_eq!(
            pacer.delay("getChatHistory", SECOND, later),
            Duration::from_millis(600)
        );
        let tenth = Duration::from_millis(100);
        assert_eq!(pacer.delay("getChatHistory", tenth, later), Duration::ZERO);
        assert_eq!(
            pacer.delay("getChatHistory", SECOND, t0 + 2 * SECOND),
            Duration::ZERO
        );
        assert_eq!(
            pacer.delay("lastIncomingMessages", SECOND, t0),
            Duration::ZERO
        );
    }
}
