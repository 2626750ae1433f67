//! 我的事项 (issue 16): a citizen enters the mobile they gave, proves it with a 6-digit code sent
//! by SMS (`kernel::sms_code`), and sees every petition and legal-aid application filed with it,
//! each opening its status page; from there a lost 查询码 is replaced and sent to that mobile,
//! and messages can be stopped. No password and no account.

pub mod pages;
pub mod view;

#[cfg(feature = "ssr")]
pub mod http;
