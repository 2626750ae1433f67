//! The few messages an island says in the browser (the petition form's field checks and error
//! summary), sent with the page as data: the browser has no Fluent and no catalogue of its own.
//!
//! The server takes each message's pattern from the catalogue (its text, its arguments and its
//! plural choices) in the page's language, 繁體 converted already, and writes it as JSON in a
//! `<script type="application/json" id="island-messages">`; the island reads it once and says
//! its messages with [`IslandMessages::render`]. A unit test renders every message the island
//! can make both ways and requires the same words as Fluent's.
//!
//! JSON: `{"lang":"en","m":{"id":[part, …], …}}`, a part being a text (`"…"`), an argument
//! (`{"v":"name"}`) or a plural choice (`{"s":"name","d":1,"c":[["one",[…]],["other",[…]]]}`,
//! `d` the index of the default).

use crate::domain::message::{Arg, Msg};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Var(String),
    Select {
        var: String,
        cases: Vec<(String, Vec<Part>)>,
        default: usize,
    },
}

/// The island's messages in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IslandMessages {
    /// `en`, `zh-Hans` or `zh-Hant`: English chooses plurals (one, other); Chinese has none.
    pub lang: String,
    pub messages: BTreeMap<String, Vec<Part>>,
}

/// What the JSON reader needs of a parsed value: `serde_json::Value` on the server (in tests),
/// a `JsValue` in the browser, so the same code reads both.
pub trait JsonValue: Sized {
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn field(&self, name: &str) -> Option<Self>;
    fn items(&self) -> Option<Vec<Self>>;
    /// The (key, value) pairs of an object.
    fn entries(&self) -> Option<Vec<(String, Self)>>;
}

fn parts<J: JsonValue>(value: &J) -> Option<Vec<Part>> {
    value.items()?.iter().map(part).collect()
}

fn part<J: JsonValue>(value: &J) -> Option<Part> {
    if let Some(text) = value.string() {
        return Some(Part::Text(text));
    }
    if let Some(var) = value.field("v").and_then(|v| v.string()) {
        return Some(Part::Var(var));
    }
    let var = value.field("s")?.string()?;
    let default = value.field("d")?.number()?;
    let cases = value
        .field("c")?
        .items()?
        .iter()
        .map(|case| {
            let pair = case.items()?;
            Some((pair.first()?.string()?, parts(pair.get(1)?)?))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Part::Select {
        var,
        cases,
        default: default as usize,
    })
}

impl IslandMessages {
    /// Reads the JSON the server wrote; `None` when it is not that.
    pub fn read<J: JsonValue>(value: &J) -> Option<Self> {
        let lang = value.field("lang")?.string()?;
        let messages = value
            .field("m")?
            .entries()?
            .into_iter()
            .map(|(id, p)| Some((id, parts(&p)?)))
            .collect::<Option<BTreeMap<_, _>>>()?;
        Some(Self { lang, messages })
    }

    /// `msg` in the page's language, as Fluent would say it; its id when it is not here.
    pub fn render(&self, msg: &Msg) -> String {
        if let Some(text) = msg.as_verbatim() {
            return text.to_owned();
        }
        let Some(parts) = self.messages.get(msg.id.as_ref()) else {
            return msg.id.to_string();
        };
        let mut out = String::new();
        self.write(parts, msg, &mut out);
        out
    }

    fn write(&self, parts: &[Part], msg: &Msg, out: &mut String) {
        for part in parts {
            match part {
                Part::Text(t) => out.push_str(t),
                // The island's messages take someone's words, numbers and other messages; a
                // bureau's name or a day would be said as written (no English names, no dates
                // the reader's way): none of its messages has one.
                Part::Var(name) => match msg.arg(name) {
                    Some(Arg::Text(t) | Arg::Name(t)) => out.push_str(t),
                    Some(Arg::Number(n)) => out.push_str(&n.to_string()),
                    Some(Arg::Date(d)) => out.push_str(&d.to_string()),
                    Some(Arg::Msg(m)) => out.push_str(&self.render(m)),
                    // As Fluent writes a missing argument.
                    None => {
                        out.push('{');
                        out.push('$');
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Part::Select {
                    var,
                    cases,
                    default,
                } => {
                    let chosen = match msg.arg(var) {
                        Some(Arg::Number(n)) => {
                            let category = self.plural(*n);
                            cases
                                .iter()
                                .position(|(key, _)| key.parse::<i64>().ok() == Some(*n))
                                .or_else(|| cases.iter().position(|(key, _)| key == category))
                        }
                        Some(Arg::Text(t)) => cases.iter().position(|(key, _)| key == t),
                        _ => None,
                    };
                    if let Some((_, p)) = cases.get(chosen.unwrap_or(*default)) {
                        self.write(p, msg, out);
                    }
                }
            }
        }
    }

    /// The plural category of a whole number (CLDR: English one/other, Chinese other only).
    fn plural(&self, n: i64) -> &'static str {
        if self.lang == "en" && n == 1 {
            "one"
        } else {
            "other"
        }
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::domain::prefs::Lang;
    use fluent_syntax::ast;

    /// The island's messages `ids` in `lang`, from the catalogue, and what could not be taken
    /// (a missing id, or a pattern using what the island cannot say: terms, message references,
    /// functions). Those are said as their id, and a unit test lets none through.
    pub fn island_messages_checked(lang: Lang, ids: &[&str]) -> (IslandMessages, Vec<String>) {
        let convert = |text: &str| match lang {
            Lang::Traditional => zhconv::zhconv(text, zhconv::Variant::ZhHant),
            _ => text.to_owned(),
        };
        let mut problems = Vec::new();
        let messages = ids
            .iter()
            .map(|id| {
                let mut own = Vec::new();
                let parts = match super::super::messages::MESSAGES.pattern(lang, id) {
                    Some(p) => from_pattern(p, &convert, &mut own),
                    None => {
                        own.push("not in the catalogue".to_owned());
                        Vec::new()
                    }
                };
                let parts = if own.is_empty() {
                    parts
                } else {
                    problems.extend(own.into_iter().map(|p| format!("{id} ({lang:?}): {p}")));
                    vec![Part::Text((*id).to_owned())]
                };
                ((*id).to_owned(), parts)
            })
            .collect();
        let messages = IslandMessages {
            lang: lang.tag().to_owned(),
            messages,
        };
        (messages, problems)
    }

    /// [`island_messages_checked`], problems logged.
    pub fn island_messages(lang: Lang, ids: &[&str]) -> IslandMessages {
        let (messages, problems) = island_messages_checked(lang, ids);
        for problem in problems {
            tracing::error!(%problem, "an island message cannot be said in the browser");
        }
        messages
    }

    fn from_pattern(
        pattern: &ast::Pattern<&str>,
        convert: &dyn Fn(&str) -> String,
        problems: &mut Vec<String>,
    ) -> Vec<Part> {
        let mut out: Vec<Part> = Vec::new();
        let push_text = |out: &mut Vec<Part>, t: String| match out.last_mut() {
            Some(Part::Text(last)) => last.push_str(&t),
            _ => out.push(Part::Text(t)),
        };
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => push_text(&mut out, convert(value)),
                ast::PatternElement::Placeable { expression } => match expression {
                    ast::Expression::Inline(inline) => match inline {
                        ast::InlineExpression::VariableReference { id } => {
                            out.push(Part::Var(id.name.to_owned()));
                        }
                        ast::InlineExpression::StringLiteral { value } => push_text(
                            &mut out,
                            fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned(),
                        ),
                        ast::InlineExpression::NumberLiteral { value } => {
                            push_text(&mut out, (*value).to_owned());
                        }
                        other => problems.push(format!("uses {other:?}")),
                    },
                    ast::Expression::Select { selector, variants } => {
                        let ast::InlineExpression::VariableReference { id } = selector else {
                            problems.push(format!("chooses on {selector:?}"));
                            continue;
                        };
                        out.push(Part::Select {
                            var: id.name.to_owned(),
                            default: variants.iter().position(|v| v.default).unwrap_or(0),
                            cases: variants
                                .iter()
                                .map(|v| {
                                    let key = match &v.key {
                                        ast::VariantKey::Identifier { name } => *name,
                                        ast::VariantKey::NumberLiteral { value } => *value,
                                    };
                                    (key.to_owned(), from_pattern(&v.value, convert, problems))
                                })
                                .collect(),
                        });
                    }
                },
            }
        }
        out
    }

    fn part_json(part: &Part) -> serde_json::Value {
        use serde_json::json;
        match part {
            Part::Text(t) => json!(t),
            Part::Var(v) => json!({ "v": v }),
            Part::Select {
                var,
                cases,
                default,
            } => json!({
                "s": var,
                "d": default,
                "c": cases
                    .iter()
                    .map(|(k, p)| json!([k, p.iter().map(part_json).collect::<Vec<_>>()]))
                    .collect::<Vec<_>>(),
            }),
        }
    }

    impl IslandMessages {
        /// As JSON, `<` escaped so that it can sit in a `<script type="application/json">`.
        pub fn to_json(&self) -> String {
            let m: serde_json::Map<String, serde_json::Value> = self
                .messages
                .iter()
                .map(|(id, parts)| {
                    (
                        id.clone(),
                        serde_json::Value::Array(parts.iter().map(part_json).collect()),
                    )
                })
                .collect();
            serde_json::json!({ "lang": self.lang, "m": m })
                .to_string()
                .replace('<', "\\u003c")
        }
    }

    impl JsonValue for serde_json::Value {
        fn string(&self) -> Option<String> {
            self.as_str().map(str::to_owned)
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn field(&self, name: &str) -> Option<Self> {
            self.as_object()?.get(name).cloned()
        }
        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().cloned()
        }
        fn entries(&self) -> Option<Vec<(String, Self)>> {
            Some(
                self.as_object()?
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            )
        }
    }
}

#[cfg(feature = "hydrate")]
impl JsonValue for wasm_bindgen::JsValue {
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn field(&self, name: &str) -> Option<Self> {
        if !self.is_object() || js_sys::Array::is_array(self) {
            return None;
        }
        js_sys::Reflect::get(self, &wasm_bindgen::JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined())
    }
    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(self).then(|| js_sys::Array::from(self).iter().collect())
    }
    fn entries(&self) -> Option<Vec<(String, Self)>> {
        use wasm_bindgen::JsCast;
        let object = self.dyn_ref::<js_sys::Object>()?;
        js_sys::Object::entries(object)
            .iter()
            .map(|pair| {
                let pair = js_sys::Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1)))
            })
            .collect()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::msg;

    fn said(lang: &str, parts: Vec<Part>, msg: &Msg) -> String {
        let messages = IslandMessages {
            lang: lang.to_owned(),
            messages: BTreeMap::from([(msg.id.to_string(), parts)]),
        };
        // Through the JSON, as the browser reads it.
        let json: serde_json::Value = serde_json::from_str(&messages.to_json()).unwrap();
        IslandMessages::read(&json).unwrap().render(msg)
    }

    #[test]
    fn plurals_take_an_exact_number_first_then_the_languages_category() {
        let parts = vec![
            Part::Text("You have ".into()),
            Part::Select {
                var: "n".into(),
                cases: vec![
                    ("0".into(), vec![Part::Text("no files".into())]),
                    ("one".into(), vec![Part::Text("one file".into())]),
                    (
                        "other".into(),
                        vec![Part::Var("n".into()), Part::Text(" files".into())],
                    ),
                ],
                default: 2,
            },
        ];
        let files = |n: u32| msg!("wait-seconds", n = n);
        assert_eq!(said("en", parts.clone(), &files(0)), "You have no files");
        assert_eq!(said("en", parts.clone(), &files(1)), "You have one file");
        assert_eq!(said("en", parts.clone(), &files(3)), "You have 3 files");
        // Chinese has no "one".
        assert_eq!(said("zh-Hans", parts, &files(1)), "You have 1 files");
    }

    #[test]
    fn what_the_island_cannot_read_it_says_as_the_id() {
        let messages = IslandMessages::default();
        assert_eq!(messages.render(&msg!("text-required")), "text-required");
        let broken: serde_json::Value = serde_json::json!({"lang": "en", "m": {"x": [{"s": 1}]}});
        assert_eq!(IslandMessages::read(&broken), None);
        // Text in angle brackets cannot end the page's script element.
        let tricky = IslandMessages {
            lang: "en".into(),
            messages: BTreeMap::from([("x".into(), vec![Part::Text("</script>".into())])]),
        };
        assert!(!tricky.to_json().contains("</script>"));
    }
}
