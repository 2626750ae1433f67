//! The bureau's configuration: everything city-specific lives here, so any bureau can deploy the
//! portal by writing one TOML file. `BureauConfig::parse` is the only way to build one, and it
//! rejects a file that would make the portal say something wrong (an unknown district, a day that
//! is both a holiday and a working day, …).

use crate::calendar::Calendar;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A parsed, checked bureau configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BureauConfig {
    /// True for a demonstration deployment: pages say that contact details are examples.
    #[serde(default)]
    pub demo: bool,
    pub bureau: Bureau,
    pub reception: Reception,
    pub hotlines: Vec<Hotline>,
    pub districts: Vec<District>,
    pub units: Vec<HandlingUnit>,
    #[serde(default)]
    pub calendar: Calendar,
    /// English for the Chinese texts above (names, addresses, hours), used on English pages; a
    /// text without one is shown in Chinese there, tagged `lang="zh-Hans"`.
    #[serde(default)]
    pub english: std::collections::BTreeMap<String, String>,
    /// How much one client or one person may file (`[limits]`; the defaults when absent).
    #[serde(default)]
    pub limits: Limits,
    /// How long the outbox keeps what it sent (`[notifications]`; the defaults when absent).
    #[serde(default)]
    pub notifications: Notifications,
    /// 网上预约走访 (`[bookings]`; the defaults when absent).
    #[serde(default)]
    pub bookings: Bookings,
    /// 涉及领域: the fields a matter may concern (`[[fields]]`; [`default_fields`] when absent).
    #[serde(default = "default_fields")]
    pub fields: Vec<Field>,
    /// 督办函、提醒函、建议函: each kind's number pattern, heading and template (`[letters.<kind>]`;
    /// the defaults of `letters.default.toml` for a kind left out).
    #[serde(default)]
    pub letters: crate::letter::LetterStyles,
}

/// A field (涉及领域) that matters are counted by (第41条: the yearly report names the fields
/// matters concern).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Stable code, e.g. `urban-construction`.
    pub code: String,
    pub name: String,
    /// Words whose presence in a matter's title or request suggests this field.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// The field every bureau has: what fits no other.
pub const OTHER_FIELD: &str = "other";

/// The fields of a configuration that lists none (`fields.default.toml`): the areas a city
/// bureau's matters usually concern, each with the words that suggest it, and 其他.
pub fn default_fields() -> Vec<Field> {
    #[derive(Deserialize)]
    struct List {
        fields: Vec<Field>,
    }
    toml::from_str::<List>(DEFAULT_FIELDS)
        .map(|l| l.fields)
        .unwrap_or_default()
}

/// The default list of fields, as data.
pub const DEFAULT_FIELDS: &str = include_str!("../fields.default.toml");

/// The longest a session's bookings may close before it: a month.
pub const MOST_CLOSE_HOURS: u32 = 720;

/// Booking a visit online.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bookings {
    /// Bookings of a reception session close this many hours before its first slot starts (so
    /// the reception room can prepare the day's list).
    pub closes_hours_before: u32,
}

impl Default for Bookings {
    fn default() -> Self {
        Self {
            closes_hours_before: 24,
        }
    }
}

/// The outbox's retention (个人信息保护法 第19条: kept no longer than needed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Notifications {
    /// Days a sent, given-up or stopped message stays in the outbox (for the workbench and for
    /// questions about what was sent) before it is deleted. Codes are deleted within the hour
    /// after they were sent, whatever this says.
    pub keep_days: u32,
}

impl Default for Notifications {
    fn default() -> Self {
        Self { keep_days: 30 }
    }
}

/// Limits on filing, so that one client cannot flood intake. A petition or an application over
/// a limit is refused with 429 and the time to wait; the form keeps everything typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Petitions and legal-aid applications from one client address per hour. A hotline system
    /// or a service hall files for many people from one address: name it with `--trusted-proxy`
    /// when it forwards the caller's address, or raise this.
    pub per_client_per_hour: u32,
    /// Petitions and applications per ID number, and per mobile number, per day.
    pub per_person_per_day: u32,
    /// Megabytes of uploaded files one client may have waiting for their petition (files are
    /// deleted a day after upload when never sent).
    pub unsent_upload_mb_per_client: u64,
    /// Megabytes of waiting files from everyone together: the disk set aside for them.
    pub unsent_upload_mb_total: u64,
    /// Upload posts read at once; more wait their turn.
    pub concurrent_uploads: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_client_per_hour: 60,
            per_person_per_day: 5,
            unsent_upload_mb_per_client: 60,
            unsent_upload_mb_total: 4096,
            concurrent_uploads: 8,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bureau {
    /// Full name shown in the header, e.g. 防城港市信访局.
    pub name: String,
    /// The city or county the bureau serves, e.g. 防城港市.
    pub city: String,
    /// The GB/T 2260 code of the city level (市本级), e.g. 450600.
    pub city_code: String,
}

/// Public information that 信访工作条例 第18条 requires the bureau to publish.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reception {
    /// Where petitioners can visit in person (来访).
    pub address: String,
    /// When the reception room is open, in plain words.
    pub hours: String,
    /// Postal address for letters (来信).
    pub postal_address: String,
    pub postcode: String,
    /// Optional e-mail box for petitions.
    #[serde(default)]
    pub email: Option<String>,
    /// Optional telephone of the reception room itself.
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hotline {
    pub number: String,
    pub name: String,
    /// What people can call it for, in plain words.
    pub purpose: String,
}

/// A district (县级行政区) with its GB/T 2260 code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct District {
    pub code: String,
    pub name: String,
}

/// A handling unit (承办单位) that petitions can be assigned to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandlingUnit {
    /// Stable code used in the API and the database, e.g. `city-housing`.
    pub code: String,
    pub name: String,
    /// The GB/T 2260 code of the district the unit belongs to.
    pub district: String,
    /// What kind of matters it handles, used to suggest it to petitioners.
    #[serde(default)]
    pub handles: String,
    /// The unit that answers a 复查 of this unit's replies (第35条: the body one level above,
    /// e.g. the city government for its departments). Unset: the bureau takes the request and
    /// passes it on (the body is outside the portal).
    #[serde(default)]
    pub review_by: Option<String>,
    /// The unit that answers a 复核 of the 复查 (第36条: one level above the 复查 body). Unset:
    /// the bureau takes it, as above.
    #[serde(default)]
    pub recheck_by: Option<String>,
    /// The field (涉及领域) its matters usually concern, suggested when the text suggests none.
    #[serde(default)]
    pub field: Option<String>,
}

/// Why a configuration file was refused. Each message names the place to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Syntax(String),
    Empty(&'static str),
    BadDistrictCode(String),
    DuplicateDistrict(String),
    CityDistrictMissing(String),
    BadUnitCode(String),
    DuplicateUnit(String),
    UnknownUnitDistrict {
        unit: String,
        district: String,
    },
    HolidayIsWorkday(NaiveDate),
    WorkdayNotWeekend(NaiveDate),
    /// A unit's review_by / recheck_by names no configured unit, or the unit itself.
    BadReviewBody {
        unit: String,
        field: &'static str,
        body: String,
    },
    /// An [english] entry whose English is empty or still Chinese.
    BadEnglish(String),
    /// `[bookings] closes_hours_before` beyond a month.
    BadBookingClose(u32),
    /// `[[fields]]` without `other`, with a code twice, or a unit's `field` naming none of them.
    BadField(String),
    /// `[letters.<kind>]` that cannot number or print a letter.
    BadLetter(String, String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadLetter(kind, what) => write!(
                f,
                "[letters.{kind}]: {what} (the number needs {{seq}}; a template may use {})",
                crate::letter::PLACEHOLDERS
                    .iter()
                    .map(|p| format!("{{{p}}}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            Self::BadField(code) => write!(
                f,
                "[[fields]]: `{code}` is listed twice, has no name, is named by a unit but not listed, or `other` is missing"
            ),
            Self::BadBookingClose(h) => write!(
                f,
                "[bookings] closes_hours_before = {h}: at most {MOST_CLOSE_HOURS} hours"
            ),
            Self::Syntax(e) => write!(f, "the file is not valid configuration TOML: {e}"),
            Self::Empty(what) => write!(f, "`{what}` must not be empty"),
            Self::BadDistrictCode(c) => {
                write!(f, "district code `{c}` is not a six-digit GB/T 2260 code")
            }
            Self::DuplicateDistrict(c) => write!(f, "district code `{c}` is listed twice"),
            Self::CityDistrictMissing(c) => write!(
                f,
                "bureau.city_code `{c}` must also be listed under [[districts]] (市本级)"
            ),
            Self::BadUnitCode(c) => write!(
                f,
                "unit code `{c}` must be 2–40 characters of a–z, 0–9 and `-`"
            ),
            Self::DuplicateUnit(c) => write!(f, "unit code `{c}` is listed twice"),
            Self::UnknownUnitDistrict { unit, district } => write!(
                f,
                "unit `{unit}` names district `{district}`, which is not under [[districts]]"
            ),
            Self::HolidayIsWorkday(d) => {
                write!(f, "{d} is listed both as a holiday and as a working day")
            }
            Self::WorkdayNotWeekend(d) => write!(
                f,
                "{d} is listed as a make-up working day but is not a Saturday or Sunday"
            ),
            Self::BadReviewBody { unit, field, body } => write!(
                f,
                "unit `{unit}` has {field} = `{body}`, which must be another unit under [[units]]"
            ),
            Self::BadEnglish(key) => write!(
                f,
                "[english] \"{key}\" must be given in English (not empty, no Chinese characters)"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

fn is_gb2260(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && !code.starts_with('0')
}

fn is_unit_code(code: &str) -> bool {
    (2..=40).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl BureauConfig {
    /// Parses a configuration from TOML text and checks it.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        let config: Self = toml::from_str(text).map_err(|e| ConfigError::Syntax(e.to_string()))?;
        config.check()?;
        Ok(config)
    }

    /// Checks the rules that serde cannot express.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.bureau.name.trim().is_empty() {
            return Err(ConfigError::Empty("bureau.name"));
        }
        if self.reception.address.trim().is_empty() {
            return Err(ConfigError::Empty("reception.address"));
        }
        if self.districts.is_empty() {
            return Err(ConfigError::Empty("districts"));
        }
        if self.units.is_empty() {
            return Err(ConfigError::Empty("units"));
        }
        let mut seen = BTreeSet::new();
        for d in &self.districts {
            if !is_gb2260(&d.code) {
                return Err(ConfigError::BadDistrictCode(d.code.clone()));
            }
            if !seen.insert(d.code.as_str()) {
                return Err(ConfigError::DuplicateDistrict(d.code.clone()));
            }
        }
        if !seen.contains(self.bureau.city_code.as_str()) {
            return Err(ConfigError::CityDistrictMissing(
                self.bureau.city_code.clone(),
            ));
        }
        let mut units = BTreeSet::new();
        for u in &self.units {
            if !is_unit_code(&u.code) {
                return Err(ConfigError::BadUnitCode(u.code.clone()));
            }
            if !units.insert(u.code.as_str()) {
                return Err(ConfigError::DuplicateUnit(u.code.clone()));
            }
            if !seen.contains(u.district.as_str()) {
                return Err(ConfigError::UnknownUnitDistrict {
                    unit: u.code.clone(),
                    district: u.district.clone(),
                });
            }
        }
        for u in &self.units {
            for (field, body) in [("review_by", &u.review_by), ("recheck_by", &u.recheck_by)] {
                if let Some(body) = body
                    && (body == &u.code || !units.contains(body.as_str()))
                {
                    return Err(ConfigError::BadReviewBody {
                        unit: u.code.clone(),
                        field,
                        body: body.clone(),
                    });
                }
            }
        }
        if let Some(d) = self
            .calendar
            .holidays
            .intersection(&self.calendar.workdays)
            .next()
        {
            return Err(ConfigError::HolidayIsWorkday(*d));
        }
        if let Some(d) = self
            .calendar
            .workdays
            .iter()
            .find(|d| d.weekday().number_from_monday() < 6)
        {
            return Err(ConfigError::WorkdayNotWeekend(*d));
        }
        if let Some((key, _)) = self
            .english
            .iter()
            .find(|(_, en)| en.trim().is_empty() || crate::text::has_han(en))
        {
            return Err(ConfigError::BadEnglish(key.clone()));
        }
        let mut codes = BTreeSet::new();
        for f in &self.fields {
            if f.code.trim().is_empty()
                || f.name.trim().is_empty()
                || !codes.insert(f.code.as_str())
            {
                return Err(ConfigError::BadField(f.code.clone()));
            }
        }
        if !codes.contains(OTHER_FIELD) {
            return Err(ConfigError::BadField(OTHER_FIELD.to_owned()));
        }
        if let Some(u) = self
            .units
            .iter()
            .find(|u| u.field.as_deref().is_some_and(|f| !codes.contains(f)))
        {
            return Err(ConfigError::BadField(u.field.clone().unwrap_or_default()));
        }
        self.letters
            .check()
            .map_err(|(kind, what)| ConfigError::BadLetter(kind.code().to_owned(), what))?;
        if self.bookings.closes_hours_before > MOST_CLOSE_HOURS {
            return Err(ConfigError::BadBookingClose(
                self.bookings.closes_hours_before,
            ));
        }
        Ok(())
    }

    pub fn field(&self, code: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.code == code)
    }

    /// The field a matter's text suggests (the one whose keywords it holds most, the first
    /// listed on a tie), else its unit's, else 其他.
    pub fn suggest_field(&self, unit: Option<&str>, text: &str) -> String {
        let by_text = self
            .fields
            .iter()
            .map(|f| {
                (
                    f.keywords
                        .iter()
                        .filter(|k| text.contains(k.as_str()))
                        .count(),
                    f,
                )
            })
            .filter(|(hits, _)| *hits > 0)
            .fold(None::<(usize, &Field)>, |best, (hits, f)| match best {
                Some((b, _)) if b >= hits => best,
                _ => Some((hits, f)),
            })
            .map(|(_, f)| f.code.clone());
        by_text
            .or_else(|| {
                unit.and_then(|u| self.units.iter().find(|x| x.code == u))
                    .and_then(|u| u.field.clone())
            })
            .unwrap_or_else(|| OTHER_FIELD.to_owned())
    }

    pub fn district(&self, code: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.code == code)
    }

    pub fn unit(&self, code: &str) -> Option<&HandlingUnit> {
        self.units.iter().find(|u| u.code == code)
    }

    /// The unit that answers a review at `level` of what `unit` replied (第35、36条); `None`:
    /// the bureau.
    pub fn review_body(&self, unit: &str, level: crate::case::Level) -> Option<&str> {
        let u = self.unit(unit)?;
        match level {
            crate::case::Level::Review => u.review_by.as_deref(),
            crate::case::Level::Recheck => u.recheck_by.as_deref(),
        }
    }
}

/// The built-in example: 防城港市 (Guangxi), used when no `--config` is given.
pub const EXAMPLE_CONFIG: &str = include_str!("../../bureau.example.toml");

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> BureauConfig {
        BureauConfig::parse(EXAMPLE_CONFIG).expect("the built-in example must parse")
    }

    #[test]
    fn each_unit_names_its_review_bodies_among_the_units() {
        use crate::case::Level;
        let c = example();
        assert_eq!(c.review_body("city-hrss", Level::Review), Some("city-gov"));
        assert_eq!(
            c.review_body("gangkou-gov", Level::Review),
            Some("city-gov")
        );
        // The city government's own 复核 body is the region's, outside the portal: the bureau.
        assert_eq!(c.review_body("city-hrss", Level::Recheck), None);
        let text =
            EXAMPLE_CONFIG.replacen("review_by = \"city-gov\"", "review_by = \"nowhere\"", 1);
        assert!(matches!(
            BureauConfig::parse(&text),
            Err(ConfigError::BadReviewBody { .. })
        ));
    }

    #[test]
    fn built_in_example_has_the_five_fangchenggang_districts() {
        let c = example();
        let codes: Vec<_> = c.districts.iter().map(|d| d.code.as_str()).collect();
        for code in ["450600", "450602", "450603", "450621", "450681"] {
            assert!(codes.contains(&code), "missing {code}");
        }
        assert_eq!(c.district("450681").unwrap().name, "东兴市");
        assert!(c.hotlines.iter().any(|h| h.number == "12345"));
        assert!(c.hotlines.iter().any(|h| h.number == "12348"));
    }

    #[test]
    fn built_in_example_knows_the_2026_national_day_holiday_and_its_makeup_saturday() {
        let c = example();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(c.calendar.holidays.contains(&d("2026-10-01")));
        assert!(c.calendar.holidays.contains(&d("2026-10-07")));
        assert!(c.calendar.workdays.contains(&d("2026-10-10")));
        assert!(c.calendar.years_covered().contains(&2026));
    }

    fn with(edit: impl FnOnce(&mut BureauConfig)) -> Result<(), ConfigError> {
        let mut c = example();
        edit(&mut c);
        c.check()
    }

    #[test]
    fn rejects_a_district_code_that_is_not_gb2260() {
        assert_eq!(
            with(|c| c.districts[1].code = "45060".into()),
            Err(ConfigError::BadDistrictCode("45060".into()))
        );
    }

    #[test]
    fn rejects_duplicate_codes() {
        let dup = example().districts[1].code.clone();
        assert_eq!(
            with(|c| c.districts[2].code = dup.clone()),
            Err(ConfigError::DuplicateDistrict(dup))
        );
        let unit = example().units[0].code.clone();
        assert_eq!(
            with(|c| c.units[1].code = unit.clone()),
            Err(ConfigError::DuplicateUnit(unit))
        );
    }

    #[test]
    fn rejects_a_unit_in_an_unknown_district() {
        assert!(matches!(
            with(|c| c.units[0].district = "110105".into()),
            Err(ConfigError::UnknownUnitDistrict { .. })
        ));
    }

    #[test]
    fn rejects_a_day_that_is_both_holiday_and_workday() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(
            with(|c| {
                c.calendar.workdays.insert(day);
            }),
            Err(ConfigError::HolidayIsWorkday(day))
        );
    }

    #[test]
    fn rejects_a_makeup_workday_on_a_weekday() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 9).unwrap(); // a Friday
        assert_eq!(
            with(|c| {
                c.calendar.workdays.insert(day);
            }),
            Err(ConfigError::WorkdayNotWeekend(day))
        );
    }

    #[test]
    fn reports_toml_errors_with_their_place() {
        let err = BureauConfig::parse("[bureau]\nname = ").unwrap_err();
        assert!(
            matches!(err, ConfigError::Syntax(ref m) if m.contains("line")),
            "{err}"
        );
    }

    #[test]
    fn english_names_must_be_english() {
        let bad = format!("{EXAMPLE_CONFIG}\n\"某区\" = \"某区\"\n");
        assert_eq!(
            BureauConfig::parse(&bad),
            Err(ConfigError::BadEnglish("某区".into()))
        );
        let config = example();
        assert_eq!(
            config.english.get("防城港市信访局").map(String::as_str),
            Some("Fangchenggang Letters and Visits Bureau")
        );
        // Every name a citizen sees has its English in the example.
        let mut names = vec![
            config.bureau.name.clone(),
            config.bureau.city.clone(),
            config.reception.address.clone(),
            config.reception.hours.clone(),
            config.reception.postal_address.clone(),
        ];
        names.extend(
            config
                .hotlines
                .iter()
                .flat_map(|h| [h.name.clone(), h.purpose.clone()]),
        );
        names.extend(config.districts.iter().map(|d| d.name.clone()));
        names.extend(
            config
                .units
                .iter()
                .flat_map(|u| [u.name.clone(), u.handles.clone()]),
        );
        for name in names {
            assert!(config.english.contains_key(&name), "no English for {name}");
        }
    }

    #[test]
    fn a_matter_s_field_is_suggested_by_its_words_then_its_unit() {
        let c = example();
        assert_eq!(
            c.fields,
            default_fields(),
            "the example lists the default fields"
        );
        assert_eq!(c.fields.len(), 13);
        assert_eq!(c.fields.last().map(|f| f.code.as_str()), Some(OTHER_FIELD));
        assert_eq!(
            c.suggest_field(None, "小区电梯停运，物业不管"),
            "urban-construction"
        );
        assert_eq!(
            c.suggest_field(Some("city-housing"), "公司拖欠工资三个月"),
            "labour-social-security"
        );
        // No word of any field: the unit's field, else 其他.
        assert_eq!(
            c.suggest_field(Some("city-hrss"), "请求答复"),
            "labour-social-security"
        );
        assert_eq!(c.suggest_field(None, "请求答复"), OTHER_FIELD);
        // The field with most words wins; a tie goes to the one listed first.
        assert_eq!(c.suggest_field(None, "学校旁的道路和公交"), "transport");
        assert_eq!(c.suggest_field(None, "学校门口的道路"), "education");
    }

    #[test]
    fn fields_must_include_other_and_units_name_listed_ones() {
        let mut c = example();
        c.fields.retain(|f| f.code != OTHER_FIELD);
        assert!(matches!(c.check(), Err(ConfigError::BadField(_))));
        let mut c = example();
        c.units[0].field = Some("space".into());
        assert_eq!(c.check(), Err(ConfigError::BadField("space".into())));
    }
}
