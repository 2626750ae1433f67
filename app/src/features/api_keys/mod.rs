//! 接口密钥 (`/staff/api-keys`, 管理员 only, issue 17): the keys that let a trusted system name the
//! channel of the petitions it sends (`kernel::api_key`): created and shown once, listed with
//! their calls, revoked.

pub mod pages;
pub mod server_fns;

#[cfg(feature = "ssr")]
pub mod http;
