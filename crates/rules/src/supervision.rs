//! 督办 (Zhifa's own, about the supervision loop): DB-01.

use domain::elements::{LoopStage, WarningState};

use crate::cx::Cx;

pub(crate) fn evaluate(cx: &mut Cx, w: &WarningState) {
    // DB-01: a rectification ordered and not done by its deadline, red when it passes.
    if w.stage == LoopStage::RectificationOrdered
        && let Some(deadline) = w.deadline
    {
        cx.wake(deadline.instant());
        if cx.now >= deadline.instant() {
            cx.prohibited("DB-01", w.id.as_str(), || {
                format!(
                    "责令整改期限{}已过，未见整改完成（{} {}{}）",
                    deadline.display_china(),
                    w.rule,
                    w.element.label(),
                    w.subject
                )
            });
        }
    }
}
