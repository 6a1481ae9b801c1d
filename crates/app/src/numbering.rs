//! Official document numbers (文号): 「{机关代字}（{案件类别}）{文书代字}字〔{年}〕{序号}号」, with
//! a serial per issuing unit, document kind and year that the writer allocates gap-free.

use domain::elements::CaseKind;

/// The short word of a document kind in its number (拘通 for a detention notice).
pub fn kind_word(kind: &str) -> &str {
    match kind {
        "detention_notice" => "拘通",
        "arrest_notice" => "捕通",
        "penalty_decision" => "罚决",
        "filing_decision" => "立",
        "not_filing_notice" => "不立",
        "not_filing_explanation" => "不立说",
        "change_request_reply" => "不变更",
        "custody_review_reply" => "羁复",
        "foreign_national_report" => "外报",
        "rehab_decision" => "强戒",
        "custody_change_notice" => "变更羁押",
        "transfer_notice" => "移送",
        "preservation_decision" => "证保",
        "prosecution_transfer_notice" => "移诉告",
        "prosecution_opinion" => "诉",
        "summons_warrant" => "传",
        "seizure_list" => "扣",
        "acceptance_receipt" => "受",
        "prior_notice" => "告",
        "detention_warrant" => "拘",
        "release_notice" => "释",
        _ => "文",
    }
}

/// The issuing organ's short name: the first character of the unit's name, then 公
/// (南浔区公安分局 → 南公).
pub fn organ_word(unit_name: &str) -> String {
    let first = unit_name.chars().next().unwrap_or('公');
    format!("{first}公")
}

/// The full official number.
pub fn official_number(
    unit_name: &str,
    case_kind: CaseKind,
    kind: &str,
    year: i16,
    serial: u32,
) -> String {
    let class = match case_kind {
        CaseKind::Criminal => "刑",
        CaseKind::Administrative => "行",
    };
    format!(
        "{}（{class}）{}字〔{year}〕{serial:04}号",
        organ_word(unit_name),
        kind_word(kind)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_seeds() {
        assert_eq!(
            official_number(
                "南浔区公安分局",
                CaseKind::Criminal,
                "detention_notice",
                2026,
                31
            ),
            "南公（刑）拘通字〔2026〕0031号"
        );
        assert_eq!(
            official_number(
                "青山派出所",
                CaseKind::Administrative,
                "penalty_decision",
                2026,
                7
            ),
            "青公（行）罚决字〔2026〕0007号"
        );
    }
}
