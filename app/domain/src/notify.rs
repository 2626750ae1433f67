//! Telling people what happened (issue 16): what a citizen asked to be told through, which of a
//! matter's events they are told of and in what words, when a message may go (no status SMS at
//! night), and how often a failed send is tried again.
//!
//! A notice is a catalogue message (`Msg`): its id is the template an SMS gateway has approved,
//! its arguments the template's parameters. What it says is only what is needed: the number,
//! what happened, where to look. Never the reply's text, an ID number or a 查询码 (the one
//! exception, a new 查询码 the citizen asked for, is a message of its own).

use crate::case::event::CaseEvent;
use crate::legal_aid::event::AidEvent;
use crate::message::Msg;
use crate::msg;
use crate::text::FieldProblem;
use chrono::{DateTime, Duration, FixedOffset, NaiveTime, TimeZone as _};
use serde::{Deserialize, Serialize};
use validator::ValidateEmail as _;

/// What a form or an API client asked for: `"notify": {"sms": true, "email": "…"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifyInput {
    #[serde(default)]
    pub sms: bool,
    #[serde(default)]
    pub email: Option<String>,
}

/// The channels a citizen chose for one matter; none at all when they chose nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notify {
    /// To the mobile given on the form.
    pub sms: bool,
    pub email: Option<String>,
}

impl Notify {
    pub fn is_empty(&self) -> bool {
        !self.sms && self.email.is_none()
    }
}

/// Whether `e` is an address mail can reach from the portal: well formed (`validator`), and its
/// domain a name on the internet (with a dot: `name@example` is a typo, not an intranet host).
fn deliverable(e: &str) -> bool {
    e.validate_email()
        && e.rsplit_once('@')
            .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'))
}

/// What can be said of an address as it is typed, in the browser: too long, or not the shape
/// `name@domain.tld` (one `@`, no spaces, a dot in the domain). It needs none of `validator`'s
/// tables, so the island can call it and stay small; the server's [`NotifyInput::parse`] judges
/// the address fully.
pub fn email_shape_problem(e: &str) -> Option<Msg> {
    let e = e.trim();
    if e.chars().count() > EMAIL_MAX {
        return Some(msg!("email-too-long", max = EMAIL_MAX));
    }
    let shaped = match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.chars().any(char::is_whitespace)
        }
        None => false,
    };
    (!e.is_empty() && !shaped).then(|| msg!("email-invalid"))
}

/// The longest address SMTP carries (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;

impl NotifyInput {
    /// The channels, or a problem on `notify.email` (an empty address means none).
    pub fn parse(&self, problems: &mut Vec<FieldProblem>) -> Notify {
        let email = match self.email.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(e) if e.chars().count() > EMAIL_MAX => {
                problems.push(FieldProblem::new(
                    "notify.email",
                    "too_long",
                    msg!("email-too-long", max = EMAIL_MAX),
                ));
                None
            }
            Some(e) if !deliverable(e) => {
                problems.push(FieldProblem::new(
                    "notify.email",
                    "invalid_email",
                    msg!("email-invalid"),
                ));
                None
            }
            Some(e) => Some(e.to_owned()),
        };
        Notify {
            sms: self.sms,
            email,
        }
    }
}

/// What a citizen is told when one of their petition's events is recorded, if anything. `due`
/// is the running deadline with the event counted: the day the bureau must act by (for
/// `Received`), the new end of the handling period (for `Extended`). `unit` is the name of the
/// unit an `Assigned` event names, as the configuration writes it.
pub fn for_case_event(
    event: &CaseEvent,
    number: &str,
    due: Option<chrono::NaiveDate>,
    unit: &str,
) -> Option<Msg> {
    Some(match event {
        CaseEvent::Received => match due {
            Some(due) => msg!("notice-received", number = number, due = due),
            None => msg!("notice-received-undated", number = number),
        },
        CaseEvent::Assigned { .. } => {
            msg!("notice-assigned", number = number).with_name("unit", unit)
        }
        CaseEvent::Accepted => msg!("notice-accepted", number = number),
        CaseEvent::NotAccepted { .. } => msg!("notice-not-accepted", number = number),
        CaseEvent::Replied { .. } => msg!("notice-replied", number = number),
        // 第34条: the petitioner is told of an extension and its reason.
        CaseEvent::Extended { days, reason } => match due {
            Some(until) => msg!(
                "notice-extended",
                number = number,
                days = *days,
                until = until,
                reason = reason.as_str()
            ),
            None => msg!(
                "notice-extended-undated",
                number = number,
                days = *days,
                reason = reason.as_str()
            ),
        },
        CaseEvent::ReviewAnswered { level, .. } => {
            msg!(
                "notice-review-answered",
                number = number,
                level = level.label()
            )
        }
        _ => return None,
    })
}

/// What an applicant for legal aid is told of an event of their application.
pub fn for_aid_event(event: &AidEvent, number: &str) -> Option<Msg> {
    Some(match event {
        AidEvent::Received => msg!("notice-aid-received", number = number),
        AidEvent::MaterialRequested { answer_by, .. } => {
            msg!("notice-aid-material", number = number, by = *answer_by)
        }
        AidEvent::Granted => msg!("notice-aid-granted", number = number),
        AidEvent::Refused { .. } => msg!("notice-aid-refused", number = number),
        AidEvent::LawyerAssigned { .. } => msg!("notice-aid-lawyer", number = number),
        _ => return None,
    })
}

/// The reminder a few days before the window for 复查 or 复核 closes
/// (`case::review::closing_soon`).
pub fn review_closing(
    number: &str,
    level: crate::case::event::Level,
    closes: chrono::NaiveDate,
) -> Msg {
    msg!(
        "notice-review-closing",
        number = number,
        level = level.label(),
        closes = closes
    )
}

/// A booked visit (网上预约走访): its number, day and time, and the place; not its code.
pub fn booked(number: &str, day: chrono::NaiveDate, start: &str, place: &str) -> Msg {
    msg!(
        "notice-booked",
        number = number,
        day = day,
        start = start,
        place = place
    )
}

/// A booked visit cancelled with its code.
pub fn booking_cancelled(number: &str) -> Msg {
    msg!("notice-booking-cancelled", number = number)
}

/// The sign-in code for 我的事项 (sent at once, night or day).
pub fn sign_in_code(code: &str) -> Msg {
    msg!("notice-code", code = code, minutes = CODE_MINUTES)
}

/// A new 查询码 the citizen asked for (sent at once): a petition's, or with `aid` a legal-aid
/// application's.
pub fn new_query_code(number: &str, code: &str, aid: bool) -> Msg {
    if aid {
        msg!("notice-aid-new-query-code", number = number, code = code)
    } else {
        msg!("notice-new-query-code", number = number, code = code)
    }
}

/// How long a sign-in code is valid.
pub const CODE_MINUTES: i64 = 10;

/// Wrong codes typed against one sign-in code before it is spent (a new one must be asked for).
pub const CODE_TRIES: i64 = 5;

/// How long 我的事项 stays open after the right code was typed.
pub const SESSION_MINUTES: i64 = 30;

/// A sign-in code as the citizen typed it: six digits, with spaces and full-width digits
/// forgiven (a phone's keyboard may give either). None for anything else.
pub fn parse_sign_in_code(text: &str) -> Option<String> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Why a sign-in code was not accepted. The same answer whether the number is unknown, the code
/// wrong, spent or expired: the page must not tell which mobiles have matters here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeRefusal {
    /// Not six digits: said before anything is looked up.
    Malformed,
    /// Wrong, expired, used, or no code was sent to that number.
    NotRight,
}

impl CodeRefusal {
    pub fn message(self) -> Msg {
        match self {
            Self::Malformed => msg!("code-malformed"),
            Self::NotRight => msg!("code-not-right", minutes = CODE_MINUTES),
        }
    }
}

/// Whether a message is one the citizen is waiting for at the screen (a code): those go at once.
pub fn is_urgent(message: &Msg) -> bool {
    matches!(
        &*message.id,
        "notice-code" | "notice-new-query-code" | "notice-aid-new-query-code"
    )
}

/// A code message as the outbox keeps it once sent: its code replaced, so that no one reading
/// the outbox afterwards learns a 查询码 or a sign-in code. Other messages are kept as they are.
pub fn redacted(message: &Msg) -> Msg {
    if !is_urgent(message) {
        return message.clone();
    }
    Msg {
        id: message.id.clone(),
        args: message
            .args
            .iter()
            .map(|(k, v)| {
                let v = if k == "code" {
                    crate::message::Arg::Text("******".to_owned())
                } else {
                    v.clone()
                };
                (k.clone(), v)
            })
            .collect(),
    }
}

/// `text` (a gateway's or a mail server's answer to `message`, "what failed: what it said") as
/// the record keeps it. For a message with a code only what failed is kept, and the code is
/// replaced in that too (as written and without its spaces), so that a server echoing the
/// message back — whole, cut short or encoded — leaves no code in the record. Other messages'
/// answers are kept as they are.
pub fn scrubbed(message: &Msg, text: &str) -> String {
    let Some(crate::message::Arg::Text(code)) = message.arg("code").filter(|_| is_urgent(message))
    else {
        return text.to_owned();
    };
    let text = match text.split_once(": ") {
        Some((head, _)) => format!("{head} (its answer is not kept: the message carries a code)"),
        None => text.to_owned(),
    };
    let bare: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let mut out = text.to_owned();
    for form in [code.as_str(), bare.as_str()] {
        if !form.is_empty() {
            out = out.replace(form, "******");
        }
    }
    out
}

/// What a staff member is told by mail (issue 16), in Simplified Chinese: only the number and
/// what happened, and that the workbench has the rest (a mail may leave the bureau's network).
/// A case given to their unit.
pub fn staff_assigned(number: &str) -> Msg {
    msg!("staff-notice-assigned", number = number)
}

/// A 复查 or 复核 (`level`) asked for, which their unit is to make.
pub fn staff_review(number: &str, level: crate::case::Level) -> Msg {
    msg!(
        "staff-notice-review",
        number = number,
        level = level.label()
    )
}

/// A 督办函 (or, with `reminder`, a 提醒函) recorded on a case their unit holds.
pub fn staff_letter(number: &str, reminder: bool) -> Msg {
    if reminder {
        msg!("staff-notice-reminder", number = number)
    } else {
        msg!("staff-notice-supervision", number = number)
    }
}

/// A letter of the bureau to their unit (督办函、提醒函、建议函): its kind's name, number and
/// subject, and the day to answer by.
pub fn staff_letter_issued(kind: &str, number: &str, subject: &str, reply_by: &str) -> Msg {
    msg!(
        "staff-notice-letter",
        kind = kind,
        number = number,
        subject = subject,
        reply_by = reply_by
    )
}

/// The day's digest: how many of the person's cases are overdue and due within three days, and
/// one line for each (`lines`: number, what is due, the date).
pub fn staff_digest(overdue: usize, due_soon: usize, lines: String) -> Msg {
    msg!(
        "staff-notice-digest",
        overdue = overdue as u64,
        due_soon = due_soon as u64,
        lines = lines
    )
}

/// A staff member's mail settings as typed on their page: the address (`None` when left empty)
/// if it can be reached, or the problem on the field `email` — also when mail is switched `on`
/// with no address to send it to.
pub fn staff_mail(email: &str, on: bool) -> Result<Option<String>, FieldProblem> {
    let mut problems = Vec::new();
    let parsed = NotifyInput {
        sms: false,
        email: Some(email.to_owned()),
    }
    .parse(&mut problems);
    if let Some(p) = problems.into_iter().next() {
        return Err(FieldProblem::new("email", &p.code, p.message));
    }
    if on && parsed.email.is_none() {
        return Err(FieldProblem::new(
            "email",
            "required",
            msg!("staff-mail-needs-address"),
        ));
    }
    Ok(parsed.email)
}

/// Whether a message is one of staff's (its mail's subject names the workbench).
pub fn is_for_staff(message: &Msg) -> bool {
    message.id.starts_with("staff-notice-")
}

/// Whose due and overdue cases a staff member's digest lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestScope {
    /// Those they are to act on now (their unit's; the bureau's for a registrar).
    Own,
    /// Every case (督办 and 管理员 watch all deadlines).
    All,
    /// None: the role sees no cases.
    None,
}

pub fn digest_scope(role: crate::staff::StaffRole) -> DigestScope {
    use crate::staff::StaffRole as R;
    match role {
        R::UnitStaff | R::Registrar => DigestScope::Own,
        R::Supervisor | R::Admin => DigestScope::All,
        R::LegalAid | R::Editor => DigestScope::None,
    }
}

/// The day whose digest may go at `now`: from 08:00 Beijing time, that day (one digest a day,
/// keyed by it); before, none yet.
pub fn digest_day(now: DateTime<FixedOffset>) -> Option<chrono::NaiveDate> {
    let local = now.with_timezone(&beijing());
    (chrono::Timelike::hour(&local) >= MORNING).then(|| local.date_naive())
}

/// China Standard Time, in which the night is reckoned.
fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8")
}

/// The night in which no status SMS goes: 22:00 to 08:00 Asia/Shanghai.
pub const NIGHT_FROM: u32 = 22;
pub const MORNING: u32 = 8;

/// When a status SMS created at `now` may go: `now`, or 08:00 the next morning (Beijing time)
/// when `now` falls in the night. Email and urgent codes go at once.
pub fn not_before(now: DateTime<FixedOffset>, sms: bool, urgent: bool) -> DateTime<FixedOffset> {
    if !sms || urgent {
        return now;
    }
    let local = now.with_timezone(&beijing());
    let hour = chrono::Timelike::hour(&local);
    if (MORNING..NIGHT_FROM).contains(&hour) {
        return now;
    }
    let day = if hour >= NIGHT_FROM {
        local.date_naive().succ_opt().unwrap_or(local.date_naive())
    } else {
        local.date_naive()
    };
    let morning = day.and_time(NaiveTime::from_hms_opt(MORNING, 0, 0).expect("08:00"));
    beijing()
        .from_local_datetime(&morning)
        .single()
        .map(|m| m.with_timezone(&now.timezone()))
        .unwrap_or(now)
}

/// How many times a message is tried before it is given up and shown as failed on the workbench.
pub const MAX_ATTEMPTS: u32 = 6;

/// How long after the `attempts`-th failed try the next one is made (1, 5, 30 minutes, 2 and 6
/// hours), or None when it is given up.
pub fn retry_after(attempts: u32) -> Option<Duration> {
    match attempts {
        0 | 1 => Some(Duration::minutes(1)),
        2 => Some(Duration::minutes(5)),
        3 => Some(Duration::minutes(30)),
        4 => Some(Duration::hours(2)),
        5 => Some(Duration::hours(6)),
        _ => None,
    }
    .filter(|_| attempts < MAX_ATTEMPTS)
}

/// How long a sender holds a message it is sending before another server may take it (a sender
/// killed mid-send): longer than a send's own time-out.
pub const CLAIM_SECONDS: i64 = 120;

#[cfg(test)]
mod tests {
    #[test]
    fn a_staff_address_is_checked_and_needed_only_for_mail_on() {
        assert_eq!(staff_mail("", false), Ok(None));
        assert_eq!(
            staff_mail(" li@rsj.example.cn ", true),
            Ok(Some("li@rsj.example.cn".to_owned()))
        );
        assert_eq!(staff_mail("", true).unwrap_err().code, "required");
        let bad = staff_mail("li@rsj", false).unwrap_err();
        assert_eq!(
            (bad.field.as_str(), bad.code.as_str()),
            ("email", "invalid_email")
        );
    }

    #[test]
    fn staff_digests_list_their_own_cases_or_all_and_go_from_eight_in_the_morning() {
        use crate::staff::StaffRole as R;
        assert_eq!(digest_scope(R::UnitStaff), DigestScope::Own);
        assert_eq!(digest_scope(R::Registrar), DigestScope::Own);
        assert_eq!(digest_scope(R::Supervisor), DigestScope::All);
        assert_eq!(digest_scope(R::Admin), DigestScope::All);
        assert_eq!(digest_scope(R::LegalAid), DigestScope::None);
        assert_eq!(digest_scope(R::Editor), DigestScope::None);
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(digest_day(at("2026-12-04T07:59:00+08:00")), None);
        assert_eq!(
            digest_day(at("2026-12-04T08:00:00+08:00")),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
        );
        // 23:30 UTC is 07:30 the next day in Beijing: not yet.
        assert_eq!(digest_day(at("2026-12-04T23:30:00+00:00")), None);
        assert_eq!(
            digest_day(at("2026-12-05T01:00:00+00:00")),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
        );
        assert!(is_for_staff(&staff_assigned("XF202612010001")));
        assert!(!is_for_staff(&sign_in_code("123456")));
    }

    #[test]
    fn a_code_echoed_by_a_server_is_scrubbed_from_its_answer() {
        let m = new_query_code("XF202612010001", "AB3D EF5H", false);
        assert_eq!(
            scrubbed(
                &m,
                "the SMS gateway answered HTTP 500: text AB3D EF5H rejected"
            ),
            "the SMS gateway answered HTTP 500 (its answer is not kept: the message carries a code)"
        );
        let m = sign_in_code("012345");
        assert_eq!(scrubbed(&m, "rejected 012345"), "rejected ******");
        assert_eq!(
            scrubbed(&m, "HTTP 400: %E9%AA%8C 0123"),
            "HTTP 400 (its answer is not kept: the message carries a code)"
        );
        // Only codes: a status message's answer is kept.
        let m = msg!("notice-received", number = "XF202612010001");
        assert_eq!(
            scrubbed(&m, "XF202612010001 rejected"),
            "XF202612010001 rejected"
        );
    }

    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn an_email_address_is_checked_and_an_empty_one_means_none() {
        let mut problems = Vec::new();
        let n = NotifyInput {
            sms: true,
            email: Some("  ".into()),
        }
        .parse(&mut problems);
        assert_eq!(
            n,
            Notify {
                sms: true,
                email: None
            }
        );
        assert!(problems.is_empty());
        let n = NotifyInput {
            sms: false,
            email: Some("zhao@example.cn".into()),
        }
        .parse(&mut problems);
        assert_eq!(n.email.as_deref(), Some("zhao@example.cn"));
        assert!(!n.is_empty());
        NotifyInput {
            sms: false,
            email: Some("zhao at example".into()),
        }
        .parse(&mut problems);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "notify.email");
        assert_eq!(problems[0].code, "invalid_email");
        assert!(Notify::default().is_empty());
        for typo in [
            "zhao@example",
            "zhao@example.",
            "zhao@@example.cn",
            "@example.cn",
        ] {
            let mut problems = Vec::new();
            NotifyInput {
                sms: true,
                email: Some(typo.into()),
            }
            .parse(&mut problems);
            assert_eq!(problems.len(), 1, "{typo}");
        }
    }

    #[test]
    fn a_code_is_not_kept_once_sent_and_a_status_message_is() {
        let code = new_query_code("XF20261201000001", "ABCDEFGHJKLM", false);
        let kept = redacted(&code);
        assert!(!format!("{kept:?}").contains("ABCDEFGHJKLM"));
        assert!(format!("{kept:?}").contains("XF20261201000001"));
        let status = msg!("notice-accepted", number = "XF20261201000001");
        assert_eq!(redacted(&status), status);
        assert!(!format!("{:?}", redacted(&sign_in_code("123456"))).contains("123456"));
    }

    #[test]
    fn a_sign_in_code_is_six_digits_however_typed() {
        assert_eq!(parse_sign_in_code("123456").as_deref(), Some("123456"));
        assert_eq!(parse_sign_in_code(" 123 456 ").as_deref(), Some("123456"));
        assert_eq!(
            parse_sign_in_code("１２３４５６").as_deref(),
            Some("123456")
        );
        for bad in ["", "12345", "1234567", "12345a", "１２３４５"] {
            assert_eq!(parse_sign_in_code(bad), None, "{bad:?}");
        }
        assert_eq!(CodeRefusal::Malformed.message().id, "code-malformed");
        assert_eq!(CodeRefusal::NotRight.message().id, "code-not-right");
    }

    #[test]
    fn status_sms_wait_for_morning_but_codes_and_email_go_at_once() {
        // 21:59 Beijing: at once; 22:00: next 08:00; 03:00: the same day's 08:00.
        let evening = at("2026-12-01T21:59:00+08:00");
        assert_eq!(not_before(evening, true, false), evening);
        assert_eq!(
            not_before(at("2026-12-01T22:00:00+08:00"), true, false),
            at("2026-12-02T08:00:00+08:00")
        );
        assert_eq!(
            not_before(at("2026-12-01T19:00:00Z"), true, false),
            at("2026-12-02T08:00:00+08:00")
        );
        let small_hours = at("2026-12-02T03:00:00+08:00");
        assert_eq!(
            not_before(small_hours, true, false),
            at("2026-12-02T08:00:00+08:00")
        );
        assert_eq!(not_before(small_hours, true, true), small_hours);
        assert_eq!(not_before(small_hours, false, false), small_hours);
        let eight = at("2026-12-02T08:00:00+08:00");
        assert_eq!(not_before(eight, true, false), eight);
        // New Year's Eve at 23:00 waits for the next year's morning.
        assert_eq!(
            not_before(at("2026-12-31T23:00:00+08:00"), true, false),
            at("2027-01-01T08:00:00+08:00")
        );
    }

    #[test]
    fn failed_sends_back_off_and_are_given_up_after_the_limit() {
        let delays: Vec<_> = (1..=MAX_ATTEMPTS).map(retry_after).collect();
        assert_eq!(
            delays,
            vec![
                Some(Duration::minutes(1)),
                Some(Duration::minutes(5)),
                Some(Duration::minutes(30)),
                Some(Duration::hours(2)),
                Some(Duration::hours(6)),
                None
            ]
        );
    }

    #[test]
    fn notices_name_the_matter_and_never_the_reply_or_the_people() {
        let replied = for_case_event(
            &CaseEvent::Replied {
                outcome: crate::case::action::Outcome::Support,
            },
            "XF20261201-0001",
            None,
            "",
        )
        .unwrap();
        assert_eq!(replied.id, "notice-replied");
        assert_eq!(replied.args.len(), 1);
        // Internal events tell the citizen nothing.
        assert!(
            for_case_event(
                &CaseEvent::Progress {
                    note: "内部".into()
                },
                "XF20261201-0001",
                None,
                ""
            )
            .is_none()
        );
        let not_accepted = for_case_event(
            &CaseEvent::NotAccepted {
                reason: "不属于信访事项".into(),
            },
            "XF20261201-0001",
            None,
            "",
        )
        .unwrap();
        assert!(not_accepted.args.iter().all(|(n, _)| n == "number"));
        assert!(
            for_aid_event(
                &AidEvent::MaterialSupplied {
                    explanation: String::new(),
                    files: 1
                },
                "FY20261201-0001"
            )
            .is_none()
        );
        assert!(is_urgent(&sign_in_code("123456")));
        assert!(!is_urgent(&replied));
    }
}
