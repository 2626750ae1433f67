//! Opening a record by its number and 查询码 (a petition's or a legal-aid application's): the
//! same answer for a wrong number and a wrong code, and guessing slowed down per number and per
//! client.

use crate::kernel::clock::Now;
use crate::kernel::context::AppContext;
use crate::kernel::error::AppError;

/// What `open` finds for `number` from `client` at `now`, slowed down after repeated failures for
/// the number or from the client. `open` answers `AppError::NotFound` for a wrong number or code;
/// only that counts as a failure, and it is counted before `open` runs (so that concurrent
/// guesses cannot all be evaluated).
pub async fn guarded<T>(
    ctx: &AppContext,
    number: &str,
    client: &str,
    now: Now,
    open: impl Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    // One guessing budget per number however it is spelt (`XF 2026…`, full-width digits).
    let key = crate::domain::petition::canonical_number(number);
    let attempt = ctx
        .lookup_guard
        .attempt(&ctx.pool, &key, client, now.utc())
        .await?;
    let result = open.await;
    match &result {
        Ok(_) => ctx.lookup_guard.succeeded(attempt).await,
        Err(AppError::NotFound(_)) => ctx.lookup_guard.failed(attempt).await,
        Err(_) => ctx.lookup_guard.not_counted(attempt),
    }
    result
}
