//! The reports made from the data: each read as of one moment, computed by `domain::report` and
//! `domain::kpi`, named from the config, and laid out as the sections of its page (the same
//! sections make its CSV and XLSX).

use super::pages::{ReportView, Section};
use crate::domain::kpi::{Board, Figures};
use crate::domain::letter::{self, LetterKind};
use crate::domain::petition::Category;
use crate::domain::petition::channel::Channel;
use crate::domain::report::{self, Count, Listed};
use crate::domain::staff::{StaffAccount, StaffRole};
use crate::features::cases::store as cases_store;
use crate::kernel::export::Table;
use crate::kernel::i18n::simplified;
use crate::kernel::store::{date_text, read_date};
use crate::kernel::{AppContext, AppError, Now};
use chrono::{Datelike, Months, NaiveDate};

/// Who reads the reports: the bureau's staff (登记员, 督办, 管理员).
pub fn may_read(staff: &StaffAccount) -> bool {
    matches!(
        staff.role,
        StaffRole::Registrar | StaffRole::Supervisor | StaffRole::Admin
    )
}

fn rate(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| "—".to_owned())
}

/// A code's name: a unit's, a field's, a district's, a channel's or a category's.
fn name_of(ctx: &AppContext, code: &str) -> String {
    if let Some(u) = ctx.config.unit(code) {
        return u.name.clone();
    }
    if let Some(f) = ctx.config.field(code) {
        return f.name.clone();
    }
    if let Some(d) = ctx.config.district(code) {
        return d.name.clone();
    }
    if let Some(c) = Channel::parse(code) {
        return simplified(&c.label());
    }
    if let Some(c) = Category::parse(code) {
        return simplified(&c.label());
    }
    code.to_owned()
}

fn listed(ctx: &AppContext) -> Listed {
    Listed {
        channels: Channel::ALL.iter().map(|c| c.code().to_owned()).collect(),
        categories: Category::ALL.iter().map(|c| c.code().to_owned()).collect(),
        fields: ctx.config.fields.iter().map(|f| f.code.clone()).collect(),
        districts: ctx
            .config
            .districts
            .iter()
            .map(|d| d.code.clone())
            .collect(),
        units: ctx.config.units.iter().map(|u| u.code.clone()).collect(),
    }
}

fn compare(title: &str, first: &str, now: &str, before: &str, rows: Vec<Vec<String>>) -> Section {
    Section {
        title: title.to_owned(),
        headings: [first, now, before, "变化"].map(str::to_owned).to_vec(),
        rows,
        note: None,
    }
}

fn count_rows(counts: &[Count], label: impl Fn(&str) -> String) -> Vec<Vec<String>> {
    counts
        .iter()
        .map(|c| {
            vec![
                label(&c.code),
                c.now.to_string(),
                c.before.to_string(),
                c.change(),
            ]
        })
        .collect()
}

/// The KPIs of two periods with their definitions (`domain::kpi`).
fn kpi_section(title: &str, now: &Figures, before: &Figures, heads: (&str, &str)) -> Section {
    let row =
        |name: &str, a: String, b: String, def: &str| vec![name.to_owned(), a, b, def.to_owned()];
    Section {
        title: title.to_owned(),
        headings: ["指标", heads.0, heads.1, "定义"]
            .map(str::to_owned)
            .to_vec(),
        rows: vec![
            row(
                "及时受理率",
                rate(now.accepted_in_time_rate),
                rate(before.accepted_in_time_rate),
                "登记期限（15 日，第二十二条）已到或已登记的事项中，按期登记（交办或不予受理）的比例",
            ),
            row(
                "按期办结率",
                rate(now.closed_on_time_rate),
                rate(before.closed_on_time_rate),
                "已受理且办理期限（60 日，可延长 30 日，第三十四条）已到或已答复的事项中，按期出具意见书的比例",
            ),
            row(
                "一次性化解率",
                rate(now.resolved_first_time_rate),
                rate(before.resolved_first_time_rate),
                "已出具处理意见书的事项中，未申请复查的比例",
            ),
            row(
                "满意率",
                rate(now.satisfaction_rate),
                rate(before.satisfaction_rate),
                "信访人的评价中，满意和基本满意的比例",
            ),
            row(
                "调解协议率",
                rate(now.mediation_agreement_rate),
                rate(before.mediation_agreement_rate),
                "进行了调解的申诉求决类事项中，达成协议的比例（第三十三条）",
            ),
            row(
                "督办函、提醒函",
                now.supervision_letters.to_string(),
                before.supervision_letters.to_string(),
                "记入这些事项的督办函和提醒函",
            ),
            row(
                "超期事项",
                now.overdue.to_string(),
                before.overdue.to_string(),
                "截至今天，当前期限已过仍未办理的事项",
            ),
        ],
        note: Some("比率为“—”的，是该期间还没有应计入的事项。".to_owned()),
    }
}

/// The 第41条 report of `year`, as of `now`.
pub async fn annual(ctx: &AppContext, year: i32, now: Now) -> Result<ReportView, AppError> {
    let start = NaiveDate::from_ymd_opt(year - 1, 1, 1).ok_or(AppError::Unavailable)?;
    let end = NaiveDate::from_ymd_opt(year + 1, 1, 1).ok_or(AppError::Unavailable)?;
    let cases = cases_store::report_cases(&ctx.pool, start, end).await?;
    let a = report::annual(
        &cases,
        year,
        &listed(ctx),
        now.today(),
        &ctx.config.calendar,
    );
    let (this, last) = (format!("{year} 年"), format!("{} 年", year - 1));
    let name = |c: &str| name_of(ctx, c);
    let mut sections =
        vec![
        compare(
            "一、信访事项总量",
            "项目",
            &this,
            &last,
            vec![vec![
                "收到信访事项".to_owned(),
                a.received.now.to_string(),
                a.received.before.to_string(),
                a.received.change(),
            ]],
        ),
        compare(
            "二、按月份",
            "月份",
            &this,
            &last,
            count_rows(&a.by_month, |m| format!("{}月", m.trim_start_matches('0'))),
        ),
        compare("三、按渠道", "渠道", &this, &last, count_rows(&a.by_channel, name)),
        compare("四、按类别", "类别", &this, &last, count_rows(&a.by_category, name)),
        compare("五、按涉及领域", "领域", &this, &last, count_rows(&a.by_field, name)),
        compare("六、按地区", "地区", &this, &last, count_rows(&a.by_district, name)),
        compare("七、按承办单位", "单位", &this, &last, count_rows(&a.by_unit, name)),
        Section {
            note: Some(
                "检举控告类计入被检举控告的单位，申诉求决类计入交办的承办单位；建议意见类不计入。"
                    .to_owned(),
            ),
            ..compare(
                "八、被投诉较多的机关、单位",
                "单位",
                &this,
                &last,
                count_rows(&a.most_complained, name),
            )
        },
        compare(
            "九、转送、交办、督办情况",
            "项目",
            &this,
            &last,
            [
                ("交办承办单位的事项", &a.assigned),
                ("承办单位提出异议、重新交办", &a.objected),
                ("督办函、提醒函（记入事项）", &a.supervision),
            ]
            .into_iter()
            .map(|(label, c)| {
                vec![
                    label.to_owned(),
                    c.now.to_string(),
                    c.before.to_string(),
                    c.change(),
                ]
            })
            .collect(),
        ),
    ];
    // 第41条 (三): the letters and how many proposals were adopted.
    let counts = |y: i32| async move {
        let rows = crate::features::letters::store::list(&ctx.pool, Some(y), None).await?;
        let today = now.today();
        let mut facts = Vec::new();
        for r in rows {
            let Some(kind) = LetterKind::parse(&r.kind) else {
                continue;
            };
            let answer = r.answer.as_deref().and_then(letter::Answer::parse);
            let by = read_date("letter reply-by", &r.reply_by)?;
            facts.push((kind, answer, letter::overdue(by, answer.is_some(), today)));
        }
        Ok::<_, AppError>(letter::count(facts))
    };
    let (lc, lb) = (counts(year).await?, counts(year - 1).await?);
    let mut rows: Vec<Vec<String>> = lc
        .by_kind
        .iter()
        .zip(&lb.by_kind)
        .map(|((k, n), (_, b))| {
            vec![
                k.name().to_owned(),
                n.to_string(),
                b.to_string(),
                report::change(*n as u32, *b as u32),
            ]
        })
        .collect();
    for (label, n, b) in [
        ("三项建议被采纳", lc.proposals_adopted, lb.proposals_adopted),
        (
            "三项建议被部分采纳",
            lc.proposals_partly,
            lb.proposals_partly,
        ),
        (
            "三项建议未被采纳",
            lc.proposals_not_adopted,
            lb.proposals_not_adopted,
        ),
    ] {
        rows.push(vec![
            label.to_owned(),
            n.to_string(),
            b.to_string(),
            report::change(n as u32, b as u32),
        ]);
    }
    sections.push(compare(
        "十、督办函、提醒函和三项建议",
        "函件",
        &this,
        &last,
        rows,
    ));
    sections.push(kpi_section(
        "十一、考核指标",
        &a.figures,
        &a.figures_before,
        (&this, &last),
    ));
    Ok(ReportView {
        kind: "annual".to_owned(),
        title: format!("{}{year}年信访情况年度报告", ctx.config.bureau.name),
        subtitle: format!(
            "统计{year}年1月1日至12月31日收到的信访事项，与{}年比较（《信访工作条例》第四十一条）",
            year - 1
        ),
        query: format!("year={year}"),
        sections,
        made_on: date_text(now.today()),
        ..ReportView::default()
    })
}

/// The 研判 of the month that starts on `first`, with its sentences (or `edited`, as the clerk
/// wrote them).
pub async fn monthly(
    ctx: &AppContext,
    first: NaiveDate,
    edited: Option<&str>,
    now: Now,
) -> Result<ReportView, AppError> {
    let cases =
        cases_store::report_cases(&ctx.pool, first - Months::new(12), first + Months::new(1))
            .await?;
    let m = report::monthly(&cases, first, now.today(), &ctx.config.calendar);
    let name = |c: &str| name_of(ctx, c);
    let sentences = match edited {
        Some(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        None => report::sentences(&m, name),
    };
    let label = format!("{}年{}月", first.year(), first.month());
    let rising = |counts: &[Count]| -> Vec<Vec<String>> {
        counts
            .iter()
            .map(|c| {
                vec![
                    name(&c.code),
                    c.now.to_string(),
                    c.before.to_string(),
                    c.change(),
                ]
            })
            .collect()
    };
    let none = |rows: Vec<Vec<String>>, what: &str| {
        if rows.is_empty() {
            vec![vec![what.to_owned(), "—".into(), "—".into(), "—".into()]]
        } else {
            rows
        }
    };
    let sections = vec![
        Section {
            title: "一、总量比较".to_owned(),
            headings: ["项目", "本月", "比较", "变化"].map(str::to_owned).to_vec(),
            rows: vec![
                vec![
                    "与上月比".to_owned(),
                    m.received.to_string(),
                    m.last_month.to_string(),
                    report::change(m.received, m.last_month),
                ],
                vec![
                    "与上年同月比".to_owned(),
                    m.received.to_string(),
                    m.last_year.to_string(),
                    report::change(m.received, m.last_year),
                ],
            ],
            note: None,
        },
        compare(
            "二、增长最快的领域",
            "领域",
            "本月",
            "上月",
            none(rising(&m.fields_rising), "没有增长的领域"),
        ),
        compare(
            "三、增长最快的承办单位",
            "单位",
            "本月",
            "上月",
            none(rising(&m.units_rising), "没有增长的单位"),
        ),
        Section {
            title: "四、超期、重复信访和联名信访".to_owned(),
            headings: ["项目", "件（人）数"].map(str::to_owned).to_vec(),
            rows: vec![
                vec!["目前超期的事项".to_owned(), m.overdue.to_string()],
                vec!["重复信访人".to_owned(), m.repeat.len().to_string()],
                vec!["本月联名信访、集体访".to_owned(), m.joint.to_string()],
            ],
            note: Some(
                "重复信访人：一年内反映两件以上事项、本月有事项的信访人（身份证号码已隐去部分）。"
                    .to_owned(),
            ),
        },
        Section {
            title: "五、重复信访人".to_owned(),
            headings: ["公民身份号码", "一年内事项数"].map(str::to_owned).to_vec(),
            rows: if m.repeat.is_empty() {
                vec![vec!["没有".to_owned(), "—".to_owned()]]
            } else {
                m.repeat
                    .iter()
                    .map(|r| vec![r.masked_id.clone(), r.matters.to_string()])
                    .collect()
            },
            note: None,
        },
        kpi_section(
            "六、本月考核指标",
            &m.figures,
            &m.figures_last_month,
            ("本月", "上月"),
        ),
    ];
    Ok(ReportView {
        kind: "monthly".to_owned(),
        title: format!("{}信访形势研判月报（{label}）", ctx.config.bureau.name),
        subtitle: format!("{label}收到的信访事项，与上月和上年同月比较"),
        query: format!("month={}", &date_text(first)[..7]),
        sentences,
        edited: edited.is_some(),
        sections,
        made_on: date_text(now.today()),
    })
}

/// The month's 红黑榜 as a document (units only: no person is named).
pub async fn board(ctx: &AppContext, first: NaiveDate, now: Now) -> Result<ReportView, AppError> {
    let stats = crate::features::stats::service::month(ctx, first, now).await?;
    let label = format!("{}年{}月", first.year(), first.month());
    let list = |b: Board| -> Vec<Vec<String>> {
        let rows: Vec<Vec<String>> = stats
            .units
            .iter()
            .filter(|u| u.board == b)
            .map(|u| {
                vec![
                    u.unit_name.clone(),
                    u.figures.received.to_string(),
                    rate(u.figures.accepted_in_time_rate),
                    rate(u.figures.closed_on_time_rate),
                    rate(u.figures.satisfaction_rate),
                    u.figures.overdue.to_string(),
                ]
            })
            .collect();
        if rows.is_empty() {
            vec![vec![
                "（无）".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]]
        } else {
            rows
        }
    };
    let headings = ["单位", "事项", "及时受理率", "按期办结率", "满意率", "超期"]
        .map(str::to_owned)
        .to_vec();
    Ok(ReportView {
        kind: "board".to_owned(),
        title: format!("{}{label}信访工作红黑榜", ctx.config.bureau.name),
        subtitle: format!("按{label}收到的信访事项评定"),
        query: format!("month={}", &date_text(first)[..7]),
        sections: vec![
            Section {
                title: "红榜".to_owned(),
                headings: headings.clone(),
                rows: list(Board::Red),
                note: Some("红榜：适用的各项比率都在 90% 以上。".to_owned()),
            },
            Section {
                title: "黑榜".to_owned(),
                headings,
                rows: list(Board::Black),
                note: Some("黑榜：及时受理率或按期办结率低于 80%，或有超期事项。".to_owned()),
            },
        ],
        made_on: date_text(now.today()),
        ..ReportView::default()
    })
}

/// A report as one table to download: each section's title, then its headings and rows (every
/// row as wide as the widest), the 研判's sentences first.
pub fn table(view: &ReportView) -> Table {
    let width = view
        .sections
        .iter()
        .map(|s| s.headings.len())
        .max()
        .unwrap_or(1)
        + 1;
    let pad = |mut row: Vec<String>| {
        row.resize(width, String::new());
        row
    };
    let mut rows = Vec::new();
    for s in &view.sentences {
        rows.push(pad(vec!["研判分析".to_owned(), s.clone()]));
    }
    for s in &view.sections {
        let mut h = vec![s.title.clone()];
        h.extend(s.headings.iter().cloned());
        rows.push(pad(h));
        for r in &s.rows {
            let mut row = vec![s.title.clone()];
            row.extend(r.iter().cloned());
            rows.push(pad(row));
        }
        if let Some(n) = &s.note {
            rows.push(pad(vec![s.title.clone(), n.clone()]));
        }
    }
    Table {
        name: "报告".to_owned(),
        headings: pad(vec![view.title.clone(), view.subtitle.clone()]),
        rows,
    }
}
