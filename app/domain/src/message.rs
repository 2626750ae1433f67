//! What to tell people, without saying it: a message is an id in the portal's catalogue (the
//! Fluent files under `locales/`) with its arguments. The rules decide what to say; the app says
//! it in the reader's language (简体, 繁體 or English), whole, with plurals right.
//!
//! Arguments are someone's words (`Text`, shown as they are), the bureau's own names (`Name`,
//! from its configuration, in English where it gives one), numbers (`Number`, which also choose
//! a plural), days (`Date`, written the reader's way) or other messages (`Msg`, said first in
//! the same language, e.g. a field's label inside "… is too short").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    /// The message's id in the catalogue; empty for a text passed through as it is.
    pub id: Cow<'static, str>,
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    Text(String),
    /// One of the bureau's own names (a unit, a district, the bureau itself), as the
    /// configuration writes it: said in the reader's language where the configuration gives it.
    Name(String),
    Number(i64),
    Date(NaiveDate),
    Msg(Box<Msg>),
}

impl Default for Msg {
    fn default() -> Self {
        Self::new("")
    }
}

impl Msg {
    pub const fn new(id: &'static str) -> Self {
        Self {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    /// With the argument `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// A text that is not in the catalogue, passed through as it is.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Self {
            id: Cow::Borrowed(""),
            args: vec![(Cow::Borrowed(""), Arg::Text(text.into()))],
        }
    }

    /// The text of a message passed through as it is, if this is one.
    pub fn as_verbatim(&self) -> Option<&str> {
        match (self.id.is_empty(), self.args.first()) {
            (true, Some((_, Arg::Text(t)))) => Some(t),
            _ => None,
        }
    }

    /// With the argument `name` set to one of the bureau's own names.
    pub fn with_name(self, name: &'static str, value: impl Into<String>) -> Self {
        self.with(name, Arg::Name(value.into()))
    }

    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Self::Text(v.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Self::Text(v.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Self::Number(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(i64, u32, u64, usize, i32);

impl From<NaiveDate> for Arg {
    fn from(v: NaiveDate) -> Self {
        Self::Date(v)
    }
}

impl From<Msg> for Arg {
    fn from(v: Msg) -> Self {
        Self::Msg(Box::new(v))
    }
}

/// A message: `msg!("id")`, or `msg!("id", name = value, …)` with each value an [`Arg`] (a
/// text, a number, a day or another message).
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::message::Msg::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::message::Msg::new($id)$(.with(stringify!($name), $value))+
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_their_arguments() {
        let label = crate::msg!("field-title");
        let m = crate::msg!("too-short", label = label.clone(), min = 4usize, len = 2u32);
        assert_eq!(m.id, "too-short");
        assert_eq!(m.arg("label"), Some(&Arg::Msg(Box::new(label))));
        assert_eq!(m.arg("min"), Some(&Arg::Number(4)));
        assert_eq!(Msg::verbatim("原样").as_verbatim(), Some("原样"));
        assert_eq!(m.as_verbatim(), None);
    }
}
