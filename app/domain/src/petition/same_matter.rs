//! 同一事项 (信访工作条例 第19条: a matter already accepted or being handled is not accepted again
//! when it is raised anew): whether two petitions of the same person, category and unit are
//! about the same matter. The person alone is not enough — one citizen may have a
//! lift repair and a road crossing pending at once — so their titles and requests are compared.
//!
//! The comparison is on characters, as Chinese has no spaces: the two texts' sets of adjacent
//! character pairs (bigrams) of letters, digits and Han characters, punctuation and spacing left
//! out, compared with Dice's coefficient. Equal titles are the same matter at once; otherwise the
//! coefficient over title and request must reach [`SAME_MATTER_AT_LEAST`]. It flags, for a clerk
//! to judge (the staff case page links both); it never merges or refuses anything by itself.

use std::collections::BTreeSet;

/// How much of their wording two petitions must share to be flagged as one matter.
pub const SAME_MATTER_AT_LEAST: f64 = 0.5;

/// The characters that carry meaning, lower-cased (punctuation, spaces and symbols dropped).
fn meaningful(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn bigrams(text: &str) -> BTreeSet<(char, char)> {
    let chars = meaningful(text);
    match chars.as_slice() {
        [] => BTreeSet::new(),
        [only] => BTreeSet::from([(*only, *only)]),
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    }
}

/// Dice's coefficient of two texts' bigrams, 0 (nothing shared) to 1 (the same pairs).
pub fn likeness(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(a), bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(&b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Whether a petition (`title`, `request`) is about the same matter as an earlier one of the
/// same person, category and unit.
pub fn same_matter(title: &str, request: &str, earlier_title: &str, earlier_request: &str) -> bool {
    let same_title =
        !meaningful(title).is_empty() && meaningful(title) == meaningful(earlier_title);
    same_title
        || likeness(
            &format!("{title} {request}"),
            &format!("{earlier_title} {earlier_request}"),
        ) >= SAME_MATTER_AT_LEAST
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_matters_of_one_person_are_not_the_same() {
        // What the issue saw flagged: a crossing request and a lift repair.
        assert!(!same_matter(
            "建议在学校门口增设人行横道",
            "请在港口区实验小学门口增设人行横道和红绿灯，方便学生过马路",
            "小区电梯长期故障无人维修",
            "请督促物业公司尽快维修小区3号楼电梯，恢复正常使用",
        ));
    }

    #[test]
    fn the_same_matter_sent_again_in_other_words_is_the_same() {
        assert!(same_matter(
            "小区电梯长期故障无人维修",
            "请督促物业尽快维修3号楼电梯",
            "小区电梯长期故障，无人维修！",
            "请督促物业公司尽快维修小区3号楼电梯，恢复正常使用",
        ));
        // The same title, whatever the request says now.
        assert!(same_matter(
            "工资拖欠问题",
            "请求支付今年三月至六月的工资",
            "工资拖欠问题",
            "要求公司支付拖欠的工资两万元",
        ));
        assert!(same_matter(
            "拖欠工资",
            "请求某某建筑公司支付拖欠的三个月工资",
            "某某建筑公司拖欠工资",
            "请求某某建筑公司支付拖欠的工资",
        ));
    }

    #[test]
    fn likeness_counts_pairs_of_meaningful_characters_only() {
        assert_eq!(likeness("电梯维修", "电梯，维修。"), 1.0);
        assert_eq!(likeness("", "电梯"), 0.0);
        assert_eq!(likeness("！？", "电梯"), 0.0);
        assert!(likeness("电梯维修", "道路维修") > 0.0 && likeness("电梯维修", "道路维修") < 0.5);
        assert!(
            !same_matter("！", "", "？", ""),
            "nothing meaningful is never the same"
        );
    }
}
