//! Opening a record by its number and 查询码 (a petition's or a legal-aid application's): the
//! same answer for a wrong number and a wrong code, and guessing slowed down per number and per
//! client.

use crate::kernel::clock::Now;
use crate::kernel::context::AppContext;
use crate::kernel::error::AppError;

/// What `open` finds for `number` from `client` at `now`, slowed down after repeated failures for
/// the number or from the client. `open` answers `AppError::NotFound` for a wrong number or code;
/// only that counts as a failure.
pub async fn guarded<T>(
    ctx: &AppContext,
    number: &str,
    client: &str,
    now: Now,
    open: impl Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    let key = number.trim().to_ascii_uppercase();
    ctx.lookup_guard
        .check(&key, client, now.utc())
        .map_err(AppError::TooManyAttempts)?;
    let result = open.await;
    match &result {
        Ok(_) => ctx.lookup_guard.succeed(&key),
        Err(AppError::NotFound(_)) => ctx.lookup_guard.fail(&key, client, now.utc()),
        Err(_) => {}
    }
    result
}
