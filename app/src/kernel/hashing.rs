//! Password and 查询码 hashing off the async workers, with a bound on how many run at once: an
//! argon2 of a password holds 19 MiB while it runs, so a crowd of sign-ins (or of unknown names,
//! each checked against a decoy) must queue rather than take the server's memory with it.

use std::sync::OnceLock;
use tokio::sync::Semaphore;

/// Hashes at once: two per core, at least two.
fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| Semaphore::new(limit()))
}

/// How many hashes may run at once on this machine.
pub fn limit() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get() * 2)
        .unwrap_or(2)
        .max(2)
}

/// Runs `work` (a hash or a verification) on the blocking pool once a permit is free; `None`
/// when the task could not run to its end.
pub async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _permit = permits().acquire().await.ok()?;
    tokio::task::spawn_blocking(work).await.ok()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_hashes_run_at_once_than_the_bound() {
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..40)
            .map(|_| {
                let (running, most) = (running.clone(), most.clone());
                tokio::spawn(super::run(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    // Stands for the tens of milliseconds of an argon2 verification.
                    let until = std::time::Instant::now() + std::time::Duration::from_millis(10);
                    while std::time::Instant::now() < until {
                        std::hint::spin_loop();
                    }
                    running.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        for t in tasks {
            assert!(t.await.unwrap().is_some(), "every hash ran");
        }
        let most = most.load(Ordering::SeqCst);
        assert!(most <= super::limit(), "{most} at once");
        assert!(most >= 1);
    }
}
