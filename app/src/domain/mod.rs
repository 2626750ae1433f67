//! Domain types and rules: no I/O and no feature flags, shared by the browser and the server.

pub mod attachment;
pub mod case;
pub mod category;
pub mod clock;
pub mod config;
pub mod id_number;
pub mod journey;
pub mod kpi;
pub mod legal_aid;
pub mod library;
pub mod mobile;
pub mod petition;
pub mod petition_view;
pub mod prefs;
pub mod receipt;
pub mod review;
pub mod staff;
pub mod stats_view;
pub mod status;
pub mod throttle;

/// Folds the full-width digits and Latin letters of Chinese input methods to ASCII, so that
/// `１３８` and `ＸＦ` are read as `138` and `XF`. Other characters are returned as they are.
pub fn fold_full_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＋' | '－' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        other => other,
    }
}
