//! Demo content for an empty database: staff accounts with random passwords, returned once so the
//! operator can read them on the console. No password is fixed anywhere in the code.

use anyhow::Context as _;
use app::domain::config::BureauConfig;
use app::features::staff::store as staff;
use app::kernel::store::{self, Pool, StoreError};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use rand::Rng;

/// A seeded account and its one-time password.
#[derive(Clone, Debug)]
pub struct SeededAccount {
    pub username: String,
    pub display_name: String,
    pub role: &'static str,
    pub unit_code: Option<String>,
    pub password: String,
}

const SEEDED_KEY: &str = "demo_seeded_at";

/// Seeds the demo accounts unless this database was seeded before.
pub async fn seed_if_empty(
    pool: &Pool,
    config: &BureauConfig,
    now: app::kernel::Now,
) -> anyhow::Result<Vec<SeededAccount>> {
    if store::meta(pool, SEEDED_KEY).await?.is_some() || staff::count(pool).await? > 0 {
        return Ok(Vec::new());
    }
    let now = now.stamp();
    match store::set_meta_once(pool, SEEDED_KEY, &now).await {
        // Another process is seeding this database right now.
        Err(StoreError::Duplicate(_)) => return Ok(Vec::new()),
        other => other?,
    }
    let mut plan: Vec<(String, String, &'static str, Option<String>)> = vec![
        ("dengji".into(), "登记员（演示）".into(), "registrar", None),
        ("duban".into(), "督办员（演示）".into(), "supervisor", None),
        ("admin".into(), "系统管理员（演示）".into(), "admin", None),
        (
            "fayuan".into(),
            "法律援助中心（演示）".into(),
            "legal_aid",
            None,
        ),
        ("bianji".into(), "内容编辑（演示）".into(), "editor", None),
    ];
    // The first two units, and every unit that answers reviews (第35、36条), get an account.
    let review_bodies: Vec<&str> = config
        .units
        .iter()
        .flat_map(|u| [u.review_by.as_deref(), u.recheck_by.as_deref()])
        .flatten()
        .collect();
    for unit in config
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| (i < 2 || review_bodies.contains(&u.code.as_str())).then_some(u))
    {
        plan.push((
            unit.code.clone(),
            format!("{}（演示）", unit.name),
            "unit_staff",
            Some(unit.code.clone()),
        ));
    }
    let mut seeded = Vec::with_capacity(plan.len());
    for (username, display_name, role, unit_code) in plan {
        let password = random_password();
        let hash = hash_password(&password)?;
        staff::insert(
            pool,
            &staff::NewStaff {
                username: &username,
                display_name: &display_name,
                role,
                unit_code: unit_code.as_deref(),
                password_hash: &hash,
                created_at: &now,
            },
        )
        .await
        .with_context(|| format!("cannot seed the account {username}"))?;
        seeded.push(SeededAccount {
            username,
            display_name,
            role,
            unit_code,
            password,
        });
    }
    Ok(seeded)
}

/// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 92 bits.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// An argon2id PHC string with a fresh salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

/// One step of a demo case: days after receipt, who acts, and the form they would post.
type DemoStep = (i64, &'static str, &'static [(&'static str, &'static str)]);

const LETTER: &[(&str, &str)] = &[
    ("action", "reply"),
    ("reply_request", "请求依法处理信访人反映的问题。"),
    (
        "reply_facts",
        "经调查核实，信访人反映的情况基本属实，相关单位已经整改。",
    ),
    (
        "opinion",
        "支持信访人的请求，已责令相关单位在规定期限内整改到位。",
    ),
    ("legal_basis", "《信访工作条例》第三十二条"),
    ("outcome", "support"),
];

/// Demo cases over the last few months, so the workbench, the status page and the statistics
/// have something to show: submitted through the petition service with past receipt times, then
/// moved on by the demo staff with past event times. Returns (number, 查询码) of each.
pub async fn demo_cases(
    ctx: &app::kernel::context::AppContext,
) -> anyhow::Result<Vec<(String, String)>> {
    use chrono::{Duration, TimeZone, Utc};
    let cases: [(i64, &str, &str, &str, &[DemoStep]); 8] = [
        (
            75,
            "appeal",
            "city-hrss",
            "某公司拖欠三个月工资",
            &[
                (3, "dengji", &[("action", "assign"), ("unit", "city-hrss")]),
                (6, "city-hrss", &[("action", "accept")]),
                (
                    20,
                    "city-hrss",
                    &[
                        ("action", "mediate"),
                        ("agreed", "yes"),
                        ("mediation_note", "双方同意分两期支付"),
                    ],
                ),
                (40, "city-hrss", LETTER),
                (45, "city-hrss", &[("action", "close")]),
            ],
        ),
        (
            70,
            "appeal",
            "city-housing",
            "小区电梯长期停运无人维修",
            &[
                (
                    16,
                    "dengji",
                    &[("action", "assign"), ("unit", "city-housing")],
                ),
                (20, "city-housing", &[("action", "accept")]),
                (
                    50,
                    "city-housing",
                    &[
                        ("action", "extend"),
                        ("days", "30"),
                        ("extend_reason", "需要等待电梯检测机构出具报告"),
                    ],
                ),
            ],
        ),
        (
            40,
            "report",
            "city-housing",
            "反映物业公司违规收费",
            &[
                (
                    5,
                    "dengji",
                    &[("action", "assign"), ("unit", "city-housing")],
                ),
                (10, "city-housing", &[("action", "accept")]),
                (30, "city-housing", LETTER),
            ],
        ),
        (
            30,
            "suggestion",
            "city-hrss",
            "建议延长社保窗口周六办公时间",
            &[
                (2, "dengji", &[("action", "assign"), ("unit", "city-hrss")]),
                (4, "city-hrss", &[("action", "accept")]),
                (12, "city-hrss", LETTER),
                (15, "city-hrss", &[("action", "close")]),
            ],
        ),
        (20, "appeal", "gangkou-gov", "村道损毁影响出行", &[]),
        (
            10,
            "appeal",
            "city-hrss",
            "工伤认定迟迟没有结果",
            &[
                (1, "dengji", &[("action", "assign"), ("unit", "city-hrss")]),
                (
                    8,
                    "duban",
                    &[
                        ("action", "supervise"),
                        ("letter", "reminder"),
                        ("letter_text", "请及时告知信访人是否受理"),
                    ],
                ),
            ],
        ),
        (2, "suggestion", "", "建议在公园增设无障碍通道", &[]),
        (
            1,
            "appeal",
            "city-hrss",
            "劳动合同到期未续签也未支付补偿",
            &[],
        ),
    ];
    let mut staff = std::collections::HashMap::new();
    for name in ["dengji", "duban", "city-hrss", "city-housing"] {
        if let Some(r) = app::features::staff::store::find_by_username(&ctx.pool, name).await? {
            let account = app::domain::staff::StaffAccount {
                id: r.id,
                username: r.username,
                display_name: r.display_name,
                role: app::domain::staff::StaffRole::parse(&r.role).context("seeded role")?,
                unit_code: r.unit_code,
            };
            staff.insert(name, account);
        }
    }
    let now = ctx.now();
    let today = now.today();
    let mut out = Vec::new();
    for (ago, category, unit, title, steps) in cases {
        let received = app::kernel::clock::shanghai()
            .from_local_datetime(
                &(today - Duration::days(ago))
                    .and_hms_opt(9, 30, 0)
                    .context("time")?,
            )
            .single()
            .context("time")?
            .with_timezone(&Utc);
        let input = app::domain::petition::PetitionInput {
            category: category.into(),
            petitioner: app::domain::person::PetitionerInput {
                name: "演示信访人".into(),
                id_number: "11010519491231002X".into(),
                mobile: "13812345678".into(),
                address: "防城港市港口区演示路 1 号".into(),
                district: "450602".into(),
            },
            unit: (!unit.is_empty()).then(|| unit.to_owned()),
            title: title.into(),
            request: "请求有关部门依法处理本人反映的问题。".into(),
            facts_and_reasons: "这是演示数据：用来展示工作台、办理进度和统计页面的一件信访事项。"
                .into(),
            place_and_time: None,
            earlier_handling: None,
            // A demo report names whom it reports (required for 检举控告类).
            reported: (category == "report").then(|| "演示：某单位工作人员".to_owned()),
            reported_unit: None,
            // The demo's citizen asked for SMS and mail, so that /staff/outbox shows what
            // would have gone out.
            notify: Some(app::domain::notify::NotifyInput {
                sms: true,
                email: Some("demo@example.cn".into()),
            }),
            channel: None,
        };
        let receipt = app::features::petition::service::submit(
            ctx,
            &input,
            "web",
            app::kernel::Now(received),
            Default::default(),
        )
        .await
        .map_err(|e| anyhow::anyhow!("cannot seed a demo case: {e}"))?;
        for (after, who, form) in steps {
            let Some(account) = staff.get(who) else {
                continue;
            };
            let at = received + Duration::days(*after);
            let pairs: Vec<(String, String)> = form
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            <app::features::cases::service::Cases as app::features::workbench::Docket>::act(
                ctx,
                account,
                &receipt.number,
                &pairs,
                app::kernel::Now(at),
            )
            .await
            .map_err(|e| anyhow::anyhow!("cannot seed a demo event: {e}"))?;
        }
        out.push((receipt.number, receipt.query_code));
    }
    // The citizens' side, today: ratings, and one 复查 request.
    for (i, rating) in [
        (0, "satisfied"),
        (3, "basically_satisfied"),
        (2, "unsatisfied"),
    ] {
        let (number, code) = &out[i];
        app::features::petition::service::evaluate(ctx, number, code, "seed", rating, None, now)
            .await
            .map_err(|e| anyhow::anyhow!("cannot seed a rating: {e}"))?;
    }
    let (number, code) = &out[2];
    app::features::petition::service::request_review(
        ctx,
        number,
        code,
        "seed",
        "物业公司仍在收取这笔费用，请求复查。",
        now,
    )
    .await
    .map_err(|e| anyhow::anyhow!("cannot seed a review request: {e}"))?;
    out.extend(demo_legal_aid(ctx, today).await?);
    demo_sessions(ctx, today).await?;
    Ok(out)
}

/// Reception sessions on the next working days: an ordinary day, a 领导接访日 a week on, and one
/// place already booked, so the home page, 预约走访 and the reception room's list show something.
async fn demo_sessions(
    ctx: &app::kernel::context::AppContext,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    use app::domain::reception::{BookingInput, SessionDraft};
    let now = ctx.now();
    let calendar = &ctx.config.calendar;
    let admin: i64 = sqlx::query_scalar("SELECT id FROM staff_users WHERE username = 'admin'")
        .fetch_one(&ctx.pool)
        .await?;
    let first = calendar.next_working_day(today + chrono::Duration::days(3));
    let second = calendar.next_working_day(first + chrono::Duration::days(7));
    let place = ctx.config.reception.address.clone();
    let sessions = [
        (first, "ordinary", "", ""),
        (second, "leader", "王建国（演示）", "市信访局局长"),
    ];
    let mut first_session = None;
    for (day, kind, leader, office) in sessions {
        let draft = SessionDraft {
            day: day.format("%Y-%m-%d").to_string(),
            kind: kind.into(),
            leader: leader.into(),
            office: office.into(),
            place: place.clone(),
            slots: "09:00-10:00 4\n10:00-11:00 4\n14:30-15:30 4".into(),
        };
        let id = app::features::visits::service::publish(ctx, &draft, admin, now)
            .await
            .map_err(|e| anyhow::anyhow!("cannot seed a reception session: {e}"))?;
        first_session.get_or_insert(id);
    }
    if let Some(id) = first_session
        && let Some(session) = app::features::visits::service::session(ctx, id, now)
            .await
            .map_err(|e| anyhow::anyhow!("cannot read a seeded session: {e}"))?
        && let Some(slot) = session.slots.first()
    {
        let input = BookingInput {
            name: "赵六".into(),
            mobile: "13900139006".into(),
            summary: "小区门口道路积水多年，雨天无法通行".into(),
        };
        app::features::visits::service::book(
            ctx,
            id,
            slot.id,
            &input,
            None,
            app::domain::prefs::Lang::Simplified,
            None,
            now,
        )
        .await
        .map_err(|e| anyhow::anyhow!("cannot seed a booking: {e}"))?;
    }
    Ok(())
}

/// Three demo legal-aid applications: granted with a lawyer assigned, waiting for material, and
/// just received. Returns (number, 查询码) of each.
async fn demo_legal_aid(
    ctx: &app::kernel::context::AppContext,
    today: chrono::NaiveDate,
) -> anyhow::Result<Vec<(String, String)>> {
    use chrono::{Duration, TimeZone, Utc};
    let Some(r) = app::features::staff::store::find_by_username(&ctx.pool, "fayuan").await? else {
        return Ok(Vec::new());
    };
    let staff = app::domain::staff::StaffAccount {
        id: r.id,
        username: r.username,
        display_name: r.display_name,
        role: app::domain::staff::StaffRole::parse(&r.role).context("seeded role")?,
        unit_code: r.unit_code,
    };
    let plan: [(i64, &str, &[DemoStep]); 3] = [
        (
            12,
            "labour",
            &[
                (2, "fayuan", &[("action", "grant")]),
                (
                    3,
                    "fayuan",
                    &[
                        ("action", "assign"),
                        ("lawyer", "防城港市某律师事务所 演示律师"),
                    ],
                ),
            ],
        ),
        (
            3,
            "maintenance",
            &[(
                1,
                "fayuan",
                &[
                    ("action", "request_material"),
                    ("days", "10"),
                    (
                        "items",
                        "1. 户口簿；2. 子女名单和联系方式；3. 低保证或者收入证明",
                    ),
                ],
            )],
        ),
        (1, "personal_injury", &[]),
    ];
    let mut out = Vec::new();
    for (ago, matter, steps) in plan {
        let received = app::kernel::clock::shanghai()
            .from_local_datetime(
                &(today - Duration::days(ago))
                    .and_hms_opt(10, 0, 0)
                    .context("time")?,
            )
            .single()
            .context("time")?
            .with_timezone(&Utc);
        let input = app::domain::legal_aid::LegalAidInput {
            applicant: app::domain::person::PetitionerInput {
                name: "演示申请人".into(),
                id_number: "11010519491231002X".into(),
                mobile: "13812345678".into(),
                address: "防城港市港口区演示路 2 号".into(),
                district: "450602".into(),
            },
            agent: None,
            matter: matter.into(),
            other_party: None,
            description: "这是演示数据：用来展示法律援助的审查、补充材料和指派。".into(),
            hardship_statement: "演示：家庭没有固定收入。".into(),
            pledge: true,
            basis: None,
            notify: Some(app::domain::notify::NotifyInput {
                sms: true,
                email: None,
            }),
        };
        let receipt = app::features::legal_aid::service::apply(
            ctx,
            &input,
            &[],
            "web",
            app::features::legal_aid::service::Sender::default(),
            app::kernel::Now(received),
        )
        .await
        .map_err(|e| anyhow::anyhow!("cannot seed a legal-aid application: {e}"))?;
        for (after, _, form) in steps {
            let pairs: Vec<(String, String)> = form
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            <app::features::legal_aid::service::Applications as app::features::workbench::Docket>::act(
                ctx,
                &staff,
                &receipt.number,
                &pairs,
                app::kernel::Now(received + Duration::days(*after)),
            )
            .await
            .map_err(|e| anyhow::anyhow!("cannot seed a legal-aid decision: {e}"))?;
        }
        out.push((receipt.number, receipt.query_code));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::{PasswordHash, PasswordVerifier};

    #[test]
    fn passwords_are_random_and_unambiguous() {
        let a = random_password();
        let b = random_password();
        assert_eq!(a.len(), 16);
        assert_ne!(a, b);
        assert!(!a.contains(['0', 'O', '1', 'l', 'I']));
    }

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let h1 = hash_password("correct horse").unwrap();
        let h2 = hash_password("correct horse").unwrap();
        assert_ne!(h1, h2);
        let parsed = PasswordHash::new(&h1).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse", &parsed)
                .is_ok()
        );
        assert!(
            Argon2::default()
                .verify_password(b"wrong", &parsed)
                .is_err()
        );
    }
}
