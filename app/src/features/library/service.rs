//! The library service: seeds the portal's own guides, imports law texts, renders Markdown safely
//! and searches everything published. Pages, server functions, `/api/v1/articles` and the
//! operator's import command all call it.

use crate::domain::library::{
    Chart, DocKind, SourceProblem, StatuteBlock, href, parse_guide, parse_statute, query_terms,
    score, snippet, valid_slug,
};
use crate::domain::text::FieldProblem;
use crate::features::library::view::{DocSummary, GuideView, Hit, Segment, StatuteView};
use crate::kernel::Now;
use crate::kernel::store::{self, StoreError};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// Text in Simplified script (searches and search texts, so either script finds either).
pub fn simplified(text: &str) -> String {
    zhconv::zhconv(text, zhconv::Variant::ZhHans)
}

/// Markdown → HTML with everything unsafe removed: raw HTML, `<script>`, event handlers and
/// `javascript:` links never reach a browser (ammonia's allow-list), links get
/// `rel="noopener noreferrer"`.
pub fn render_html(markdown: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .clean(&raw)
        .to_string()
}

/// A guide's body as readers see it: sanitised HTML, with each chart marker (a line of its own)
/// replaced by the chart the portal generates from its own rules.
pub fn render(markdown: &str) -> Vec<Segment> {
    let html = render_html(markdown);
    let mut segments = Vec::new();
    let mut rest = html.as_str();
    loop {
        let next = Chart::ALL
            .into_iter()
            .filter_map(|c| {
                let tag = format!("<p>{}</p>", c.marker());
                rest.find(&tag).map(|i| (i, tag.len(), c))
            })
            .min_by_key(|(i, _, _)| *i);
        match next {
            Some((i, len, chart)) => {
                if !rest[..i].trim().is_empty() {
                    segments.push(Segment::Html(rest[..i].to_owned()));
                }
                segments.push(Segment::Chart(chart));
                rest = &rest[i + len..];
            }
            None => {
                if !rest.trim().is_empty() {
                    segments.push(Segment::Html(rest.to_owned()));
                }
                return segments;
            }
        }
    }
}

/// The words of a Markdown text, for search: no markup, no link targets.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.push('\n'),
            _ => {}
        }
    }
    Chart::ALL
        .into_iter()
        .fold(out, |t, c| t.replace(c.marker(), ""))
}

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{}", crate::kernel::i18n::simplified(&.0.message()))]
    Source(SourceProblem),
    #[error("the name “{0}” cannot be used for a document")]
    Slug(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Seeds the portal's own guides and FAQ (`app/content/`) when the library has none, as version
/// 1 by `seed`. Returns how many were seeded.
pub async fn seed_guides(pool: &store::Pool, now: Now) -> Result<usize, LibraryError> {
    if crate::features::library::store::count(pool, DocKind::Guide.code()).await? > 0 {
        return Ok(0);
    }
    let at = now.stamp();
    let mut seeded = 0;
    for (name, text) in embedded::CONTENT {
        let stem = name.trim_end_matches(".md");
        let (position, slug, kind) = match stem.split_once('-') {
            Some((n, slug)) if n.chars().all(|c| c.is_ascii_digit()) => {
                (n.parse().unwrap_or(0), slug, DocKind::Guide)
            }
            _ => (100, stem, DocKind::Faq),
        };
        save_markdown(pool, slug, kind, position, text, "seed", &at, true, false).await?;
        seeded += 1;
    }
    Ok(seeded)
}

/// Imports the law texts the guides cite (`content/statutes/`) that the library does not hold
/// yet, so that their links open on a demo portal; returns how many.
pub async fn seed_statutes(pool: &store::Pool, now: Now) -> Result<usize, LibraryError> {
    let mut seeded = 0;
    for (name, text) in embedded::STATUTES {
        let slug = name.trim_end_matches(".md");
        // Any version, even one taken down: the library's own choice stands.
        if !crate::features::library::store::history(pool, slug)
            .await?
            .is_empty()
        {
            continue;
        }
        import_statute(pool, slug, text, now).await?;
        seeded += 1;
    }
    Ok(seeded)
}

/// Saves a guide or the FAQ from its Markdown source as a new version.
#[allow(clippy::too_many_arguments)]
pub async fn save_markdown(
    pool: &store::Pool,
    slug: &str,
    kind: DocKind,
    position: i64,
    source: &str,
    author: &str,
    at: &str,
    publish: bool,
    create_only: bool,
) -> Result<i64, LibraryError> {
    if !valid_slug(slug) {
        return Err(LibraryError::Slug(slug.to_owned()));
    }
    let guide = parse_guide(source).map_err(LibraryError::Source)?;
    let search_text = simplified(&format!("{}\n{}", guide.summary, plain_text(&guide.body)));
    Ok(crate::features::library::store::save(
        pool,
        crate::features::library::store::NewVersion {
            slug,
            kind: kind.code(),
            position,
            title: &guide.title,
            summary: &guide.summary,
            source,
            search_text: &search_text,
            author,
            at,
            publish,
            create_only,
        },
        None,
    )
    .await?)
}

/// Imports a law text (`reference/laws/*.md` form) as the published version of `slug`, one
/// searchable row per article. Returns (title, number of articles).
pub async fn import_statute(
    pool: &store::Pool,
    slug: &str,
    source: &str,
    now: Now,
) -> Result<(String, usize), LibraryError> {
    if !valid_slug(slug) {
        return Err(LibraryError::Slug(slug.to_owned()));
    }
    let statute = parse_statute(source).map_err(LibraryError::Source)?;
    let articles: Vec<(String, String)> = statute
        .blocks
        .iter()
        .filter_map(|b| match b {
            StatuteBlock::Article { number, paragraphs } => {
                Some((number.clone(), simplified(&paragraphs.join("\n"))))
            }
            StatuteBlock::Heading { .. } => None,
        })
        .collect();
    let summary = statute.preamble.join(" ");
    let at = now.stamp();
    crate::features::library::store::save(
        pool,
        crate::features::library::store::NewVersion {
            slug,
            kind: DocKind::Statute.code(),
            position: 0,
            title: &statute.title,
            summary: &summary,
            source,
            search_text: &simplified(&statute.title),
            author: "import",
            at: &at,
            publish: true,
            create_only: false,
        },
        Some(&articles),
    )
    .await?;
    Ok((statute.title, articles.len()))
}

fn summary_of(row: crate::features::library::store::DocRow) -> DocSummary {
    let kind = DocKind::parse(&row.kind).unwrap_or(DocKind::Guide);
    DocSummary {
        href: href(kind, &row.slug, None),
        slug: row.slug,
        kind,
        title: row.title,
        summary: row.summary,
    }
}

/// The published documents of `kind`, in index order.
pub async fn index(pool: &store::Pool, kind: DocKind) -> Result<Vec<DocSummary>, StoreError> {
    Ok(
        crate::features::library::store::list_published(pool, kind.code())
            .await?
            .into_iter()
            .map(summary_of)
            .collect(),
    )
}

/// A published guide or the FAQ.
pub async fn guide(pool: &store::Pool, slug: &str) -> Result<Option<GuideView>, StoreError> {
    let Some(row) = crate::features::library::store::published(pool, slug).await? else {
        return Ok(None);
    };
    guide_view(row)
}

/// A stored version rendered as readers see it.
fn guide_view(
    row: crate::features::library::store::DocRow,
) -> Result<Option<GuideView>, StoreError> {
    let Some(kind) = DocKind::parse(&row.kind).filter(|k| *k != DocKind::Statute) else {
        return Ok(None);
    };
    let body = parse_guide(&row.source).map(|g| g.body).unwrap_or_default();
    let published = store::read_time(
        "publication time",
        row.published_at.as_deref().unwrap_or(&row.created_at),
    )?;
    Ok(Some(GuideView {
        slug: row.slug,
        kind,
        title: row.title,
        summary: row.summary,
        segments: render(&body),
        version: row.version,
        published_on: published.date_naive(),
    }))
}

/// A published law.
pub async fn statute(pool: &store::Pool, slug: &str) -> Result<Option<StatuteView>, StoreError> {
    let Some(row) = crate::features::library::store::published(pool, slug).await? else {
        return Ok(None);
    };
    if row.kind != DocKind::Statute.code() {
        return Ok(None);
    }
    Ok(parse_statute(&row.source).ok().map(|statute| StatuteView {
        slug: row.slug,
        statute,
        published_at: row.published_at.unwrap_or(row.created_at),
    }))
}

/// Who may write and publish guides: 内容编辑 and 管理员 (PRODUCT.md: admins manage content).
pub fn may_edit(staff: &crate::domain::staff::StaffAccount) -> bool {
    use crate::domain::staff::StaffRole;
    matches!(staff.role, StaffRole::Editor | StaffRole::Admin)
}

/// What an editor posted, after its checks: what to do and with which source.
pub enum EditAction {
    Preview,
    Save { publish: bool },
    PublishVersion(i64),
}

/// Checks an editor's post: the action, the name of a new guide, and the source. Returns the
/// action and the problems (named by form field).
pub async fn check_edit(
    pool: &store::Pool,
    is_new: bool,
    slug: &str,
    source: &str,
    action: &str,
    version: &str,
) -> Result<(EditAction, Vec<FieldProblem>), StoreError> {
    use crate::domain::library::MAX_SOURCE;
    let action = match action {
        "preview" => EditAction::Preview,
        "save" => EditAction::Save { publish: false },
        "publish" => EditAction::Save { publish: true },
        "publish_version" => match version.parse() {
            Ok(v) => EditAction::PublishVersion(v),
            Err(_) => EditAction::Preview,
        },
        _ => EditAction::Preview,
    };
    let mut problems = Vec::new();
    if matches!(action, EditAction::PublishVersion(_)) {
        return Ok((action, problems));
    }
    if is_new {
        if !valid_slug(slug) || !slug.is_ascii() {
            problems.push(FieldProblem::new(
                "slug",
                "format",
                crate::domain::msg!("library-slug-format"),
            ));
        } else if slug == "new"
            || !crate::features::library::store::history(pool, slug)
                .await?
                .is_empty()
        {
            problems.push(FieldProblem::new(
                "slug",
                "taken",
                crate::domain::msg!("library-slug-taken"),
            ));
        }
    }
    let len = source.chars().count();
    if len > MAX_SOURCE {
        problems.push(FieldProblem::new(
            "source",
            "too_long",
            crate::domain::msg!("library-source-too-long", max = MAX_SOURCE, len = len),
        ));
    } else if let Err(p) = parse_guide(source) {
        problems.push(FieldProblem::new("source", "format", p.message()));
    }
    Ok((action, problems))
}

/// The guides and FAQ with their latest version, for editors.
pub async fn editor_list(
    pool: &store::Pool,
) -> Result<Vec<crate::features::library::view::EditorListItem>, StoreError> {
    let mut out = Vec::new();
    for row in crate::features::library::store::list_latest(pool).await? {
        let live = crate::features::library::store::published_version(pool, &row.slug).await?;
        out.push(crate::features::library::view::EditorListItem {
            kind: DocKind::parse(&row.kind).unwrap_or(DocKind::Guide),
            slug: row.slug,
            title: row.title,
            latest: row.version,
            live,
            author: row.author,
            created_at: row.created_at,
        });
    }
    Ok(out)
}

/// A guide or the FAQ on the editor's page: its latest source and its history; `None` for an
/// unknown name or a law (laws change only by import).
pub async fn editor_view(
    pool: &store::Pool,
    slug: &str,
) -> Result<Option<crate::features::library::view::EditorView>, StoreError> {
    let history = crate::features::library::store::history(pool, slug).await?;
    let Some(latest) = history.first() else {
        return Ok(None);
    };
    let Some(kind) = DocKind::parse(&latest.kind).filter(|k| *k != DocKind::Statute) else {
        return Ok(None);
    };
    let live = crate::features::library::store::published_version(pool, slug).await?;
    Ok(Some(crate::features::library::view::EditorView {
        slug: slug.to_owned(),
        is_new: false,
        kind: Some(kind),
        position: latest.position,
        source: latest.source.clone(),
        history: history
            .iter()
            .map(|v| crate::features::library::view::VersionInfo {
                version: v.version,
                title: v.title.clone(),
                author: v.author.clone(),
                created_at: v.created_at.clone(),
                published_at: v.published_at.clone(),
                live: Some(v.version) == live,
            })
            .collect(),
    }))
}

/// The longest query searched, in characters.
pub const MAX_QUERY: usize = 50;

/// Searches guides, the FAQ and every article of the laws; best first, at most `limit`.
pub async fn search(pool: &store::Pool, q: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
    let q: String = simplified(q).chars().take(MAX_QUERY).collect();
    let terms = query_terms(&q);
    let Some(first) = terms.iter().max_by_key(|t| t.chars().count()) else {
        return Ok(Vec::new());
    };
    let mut hits: Vec<(u32, Hit)> = crate::features::library::store::containing(pool, first)
        .await?
        .into_iter()
        .filter_map(|c| {
            let kind = DocKind::parse(&c.kind)?;
            let title = match &c.anchor {
                Some(a) => format!("{} {a}", c.title),
                None => c.title.clone(),
            };
            let rank = score(&title, &c.text, &terms)?;
            Some((
                rank,
                Hit {
                    kind,
                    href: href(kind, &c.slug, c.anchor.as_deref()),
                    snippet: snippet(&c.text, &terms, 80),
                    title,
                },
            ))
        })
        .collect();
    // Guides before laws at equal rank: they explain; the law is the source.
    hits.sort_by(|(ra, a), (rb, b)| {
        rb.cmp(ra)
            .then_with(|| (a.kind == DocKind::Statute).cmp(&(b.kind == DocKind::Statute)))
    });
    Ok(hits.into_iter().take(limit).map(|(_, h)| h).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_markdown_never_reaches_a_browser() {
        let hostile = "# 标题\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n\
                       [点我](javascript:alert(1)) <a href=\"/x\" onclick=\"steal()\">链接</a>\n\n\
                       <iframe src=\"https://evil.example\"></iframe><style>body{display:none}</style>\n\n\
                       [正常链接](/laws/信访工作条例-2022#第三十四条)\n";
        let html = render_html(hostile);
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "onclick",
            "<iframe",
            "<style",
            "alert(1)</",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("<h1>标题</h1>"));
        assert!(html.contains("href=\"/laws/"), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer\""));
    }

    #[test]
    fn chart_markers_become_charts_only_on_their_own_line() {
        let segments =
            render("前言\n\n{{时限图}}\n\n中间\n\n{{流程图}}\n\n正文里的 {{时限图}} 不算。");
        assert_eq!(segments.len(), 5, "{segments:?}");
        assert_eq!(segments[1], Segment::Chart(Chart::TimeLimits));
        assert_eq!(segments[3], Segment::Chart(Chart::Routes));
        assert!(matches!(&segments[4], Segment::Html(h) if h.contains("{{时限图}}")));
    }

    #[test]
    fn search_text_has_the_words_without_the_markup() {
        let text =
            plain_text("## 复查\n\n可以**请求**[复查](/guides/x)。\n\n{{时限图}}\n\n- 一\n- 二");
        assert!(text.contains("复查") && text.contains("可以请求复查。"));
        assert!(!text.contains("/guides") && !text.contains("**") && !text.contains("{{"));
        assert_eq!(simplified("復查 調解"), "复查 调解");
    }
}
