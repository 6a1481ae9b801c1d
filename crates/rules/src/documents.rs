//! The document kinds rules read (文书), and whose rules read each: a fact about a document
//! re-evaluates only those elements ([`crate::affected`]). A rule that reads a document kind
//! names it here; a kind no rule reads changes no warning.

/// 行政处罚决定书: JZ-01, JZ-02 (the case).
pub(crate) const PENALTY_DECISION: &str = "penalty_decision";
/// 证据保全决定书 (先行登记保存、查封扣押): JZ-09 (the case), CW-04 (a registered preservation:
/// the item it names, or every item of the case).
pub(crate) const PRESERVATION_DECISION: &str = "preservation_decision";
/// 不予行政处罚决定书: JZ-02 (the case).
pub(crate) const NO_PENALTY_DECISION: &str = "no_penalty_decision";
/// 不予立案通知书: XS-05 (the case).
pub(crate) const NOT_FILING_NOTICE: &str = "not_filing_notice";
/// 不立案理由说明书: XS-06 (the case).
pub(crate) const NOT_FILING_EXPLANATION: &str = "not_filing_explanation";
/// 鉴定意见通知书: XS-14 (the case).
pub(crate) const APPRAISAL_OPINION_NOTICE: &str = "appraisal_opinion_notice";
/// 鉴定意见 (a copy served): JZ-03 (the case).
pub(crate) const APPRAISAL_OPINION: &str = "appraisal_opinion";
/// 执行回执 of an arrest: RQ-08 (the measure it names).
pub(crate) const ARREST_EXECUTION_RECEIPT: &str = "arrest_execution_receipt";
/// 逮捕通知书: JZ-04 (the measure it names).
pub(crate) const ARREST_NOTICE: &str = "arrest_notice";
/// 拘留通知书: JZ-04 (the measure it names).
pub(crate) const DETENTION_NOTICE: &str = "detention_notice";
/// 变更强制措施申请的答复 (不同意变更强制措施通知书): RQ-12 (the measure it names).
pub(crate) const CHANGE_REQUEST_REPLY: &str = "change_request_reply";
/// 羁押必要性审查建议的处理情况回复: RQ-12 (the measure it names).
pub(crate) const CUSTODY_REVIEW_REPLY: &str = "custody_review_reply";
/// 移送案件通知书, served on the reporters: XS-07 (its case).
pub(crate) const TRANSFER_NOTICE: &str = "transfer_notice";
/// 起诉意见书: XS-10 (its case).
pub(crate) const PROSECUTION_OPINION: &str = "prosecution_opinion";
/// 移送审查起诉告知书, served on each suspect: XS-10 (its case).
pub(crate) const PROSECUTION_TRANSFER_NOTICE: &str = "prosecution_transfer_notice";
/// 变更羁押期限通知书, to the detention house: RQ-10 (the measure it names).
pub(crate) const CUSTODY_CHANGE_NOTICE: &str = "custody_change_notice";
/// 强制隔离戒毒决定书: RQ-16 (the measure it names).
pub(crate) const REHAB_DECISION: &str = "rehab_decision";
/// 外国人犯罪案件层报及通报外事部门的报告: TS-13 (the measure it names).
pub(crate) const FOREIGN_NATIONAL_REPORT: &str = "foreign_national_report";
/// 权利义务告知书: JZ-06 (the case's interrogations).
pub(crate) const RIGHTS_NOTICE: &str = "rights_notice";
/// 扣押清单: CW-04 (the item it names, or every item of the case).
pub(crate) const SEIZURE_LIST: &str = "seizure_list";

/// Whose rules read a document of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Readers {
    /// Its case's.
    Case,
    /// The measure its `subject` names.
    NamedMeasure,
    /// Its case's interrogations.
    CaseInterrogations,
    /// The property item its `subject` names, or without one every item of its case.
    ListedProperty,
    /// Its case's, and the property it lists (as `ListedProperty`).
    CaseAndListedProperty,
    /// None.
    Nobody,
}

/// Whose rules read a document of `kind`.
pub(crate) fn readers(kind: &str) -> Readers {
    match kind {
        PENALTY_DECISION
        | NO_PENALTY_DECISION
        | NOT_FILING_NOTICE
        | NOT_FILING_EXPLANATION
        | APPRAISAL_OPINION_NOTICE
        | APPRAISAL_OPINION
        | PROSECUTION_OPINION
        | PROSECUTION_TRANSFER_NOTICE
        | TRANSFER_NOTICE => Readers::Case,
        ARREST_EXECUTION_RECEIPT
        | ARREST_NOTICE
        | DETENTION_NOTICE
        | CHANGE_REQUEST_REPLY
        | CUSTODY_REVIEW_REPLY
        | FOREIGN_NATIONAL_REPORT
        | REHAB_DECISION
        | CUSTODY_CHANGE_NOTICE => Readers::NamedMeasure,
        RIGHTS_NOTICE => Readers::CaseInterrogations,
        SEIZURE_LIST => Readers::ListedProperty,
        PRESERVATION_DECISION => Readers::CaseAndListedProperty,
        _ => Readers::Nobody,
    }
}
