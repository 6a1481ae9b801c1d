//! Platform thresholds (P in the catalog): limits no statute fixes ("及时", local assessment
//! standards), so each province, city or county may set its own. A unit's setting applies to
//! it and every unit below it unless one below sets its own; limits set by law are not here and
//! cannot be changed.

use std::collections::HashMap;

use domain::World;
use domain::ids::UnitId;
use domain::legal_time::Limit;

/// One configurable threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum P {
    Jq02Arrival,
    Jq02Disposal,
    Cs02Check,
    Cs03NoBasis,
    Xs08Yellow,
    Xs08Red,
    Jz07Archive,
    Cw10Red,
    Cw12Yellow,
    Cw12Red,
    Xs14Notice,
    Rq08Delivery,
    Xs12Release,
    Rq17Family,
    Rq10Notice,
    Xs10Notice,
    Rq15Execution,
    Cs01Entry,
    Cs06Gap,
    Cw04List,
    Jz01Counting,
    Cw07Counting,
    Cw11Return,
    Cw11Perishable,
    Jq01Receipt,
    Jq03Tell,
}

/// The unit a threshold is stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PUnit {
    Minutes,
    Hours,
    /// Exact days of 24 h ("after N d").
    Days,
    /// Days as the law counts a day limit ("≤N日"): the start day is not counted and the limit
    /// ends at 24:00 of the N-th day after it, moved past rest days where the rule's limit moves.
    LawDays,
    /// How a rule's statutory day limit is counted where the laws differ (catalog T-04, T-05,
    /// §14 item 6, "decide per rule with legal affairs"): 0 natural days moved past rest days
    /// (行规 §35), 1 working days (处罚法 §85, 强制法 §69). Not a limit itself.
    Counting,
}

impl PUnit {
    /// 分钟 / 小时 / 日.
    pub fn label_zh(self) -> &'static str {
        match self {
            PUnit::Minutes => "分钟",
            PUnit::Hours => "小时",
            PUnit::Days => "日",
            PUnit::LawDays => "日（起算日不计入）",
            PUnit::Counting => "（0=自然日，1=工作日）",
        }
    }
}

/// What a threshold is, its default and the range a unit may choose from.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    pub p: P,
    /// The stable key (`JQ-02.arrival`), used in settings facts and the admin page.
    pub key: &'static str,
    pub rule: &'static str,
    pub what_zh: &'static str,
    pub unit: PUnit,
    pub default: u32,
    pub min: u32,
    pub max: u32,
}

/// Every threshold, in the order of [`P`].
pub const SETTINGS: [Setting; 26] = [
    Setting {
        p: P::Jq02Arrival,
        key: "JQ-02.arrival",
        rule: "JQ-02",
        what_zh: "派警后到达现场时限（超过即黄色预警）",
        unit: PUnit::Minutes,
        default: 30,
        min: 5,
        max: 240,
    },
    Setting {
        p: P::Jq02Disposal,
        key: "JQ-02.disposal",
        rule: "JQ-02",
        what_zh: "接警后处置完毕时限（超过即红色预警）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 168,
    },
    Setting {
        p: P::Cs02Check,
        key: "CS-02.check",
        rule: "CS-02",
        what_zh: "入区后完成人身安全检查时限（超过即红色预警）",
        unit: PUnit::Minutes,
        default: 30,
        min: 5,
        max: 120,
    },
    Setting {
        p: P::Cs03NoBasis,
        key: "CS-03.no_basis",
        rule: "CS-03",
        what_zh: "无法律依据措施的人员在区时限",
        unit: PUnit::Hours,
        default: 12,
        min: 1,
        max: 24,
    },
    Setting {
        p: P::Xs08Yellow,
        key: "XS-08.yellow",
        rule: "XS-08",
        what_zh: "立案后无侦查活动黄色预警天数",
        unit: PUnit::Days,
        default: 30,
        min: 7,
        max: 180,
    },
    Setting {
        p: P::Xs08Red,
        key: "XS-08.red",
        rule: "XS-08",
        what_zh: "立案后无侦查活动红色预警天数",
        unit: PUnit::Days,
        default: 90,
        min: 7,
        max: 365,
    },
    Setting {
        p: P::Jz07Archive,
        key: "JZ-07.archive",
        rule: "JZ-07",
        what_zh: "结案后归档时限（超过即黄色预警）",
        unit: PUnit::Days,
        default: 30,
        min: 7,
        max: 180,
    },
    Setting {
        p: P::Cw10Red,
        key: "CW-10.red",
        rule: "CW-10",
        what_zh: "调用财物逾期未还转红色预警的时长",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 168,
    },
    Setting {
        p: P::Cw12Yellow,
        key: "CW-12.yellow",
        rule: "CW-12",
        what_zh: "案件办结后财物未处置黄色预警天数",
        unit: PUnit::Days,
        default: 30,
        min: 7,
        max: 180,
    },
    Setting {
        p: P::Cw12Red,
        key: "CW-12.red",
        rule: "CW-12",
        what_zh: "案件办结后财物未处置红色预警天数",
        unit: PUnit::Days,
        default: 90,
        min: 7,
        max: 365,
    },
    Setting {
        p: P::Xs14Notice,
        key: "XS-14.notice",
        rule: "XS-14",
        what_zh: "刑事案件收到鉴定意见后告知犯罪嫌疑人、被害人的期限（法律规定“及时”）",
        unit: PUnit::LawDays,
        default: 3,
        min: 1,
        max: 15,
    },
    Setting {
        p: P::Rq08Delivery,
        key: "RQ-08.delivery",
        rule: "RQ-08",
        what_zh: "逮捕后送看守所羁押的期限（法律规定“立即”）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 24,
    },
    Setting {
        p: P::Xs12Release,
        key: "XS-12.release",
        rule: "XS-12",
        what_zh: "不批准逮捕或不起诉决定后释放在押犯罪嫌疑人的期限（法律规定“立即”）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 24,
    },
    Setting {
        p: P::Rq17Family,
        key: "RQ-17.family",
        rule: "RQ-17",
        what_zh: "当场约束后通知家属的期限（法律规定“立即”）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 24,
    },
    Setting {
        p: P::Rq10Notice,
        key: "RQ-10.notice",
        rule: "RQ-10",
        what_zh: "批准重新计算侦查羁押期限后将变更羁押期限通知书送达看守所的期限（法律未规定期限）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 72,
    },
    Setting {
        p: P::Xs10Notice,
        key: "XS-10.notice",
        rule: "XS-10",
        what_zh: "移送审查起诉后制作起诉意见书、告知犯罪嫌疑人及其辩护律师的期限（法律未规定期限）",
        unit: PUnit::LawDays,
        default: 3,
        min: 1,
        max: 7,
    },
    Setting {
        p: P::Rq15Execution,
        key: "RQ-15.execution",
        rule: "RQ-15",
        what_zh: "行政拘留决定后送拘留所执行并通知家属的期限（法律规定“及时”，超过即黄色预警）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 72,
    },
    Setting {
        p: P::Cs01Entry,
        key: "CS-01.entry",
        rule: "CS-01",
        what_zh: "到案后进入办案区登记的时限（超过即黄色预警）",
        unit: PUnit::Minutes,
        default: 30,
        min: 5,
        max: 240,
    },
    Setting {
        p: P::Cs06Gap,
        key: "CS-06.gap",
        rule: "CS-06",
        what_zh: "在区人员入区、两次饮食、离区之间的最长间隔（超过即黄色预警）",
        unit: PUnit::Hours,
        default: 6,
        min: 2,
        max: 24,
    },
    Setting {
        p: P::Cw04List,
        key: "CW-04.list",
        rule: "CW-04",
        what_zh: "扣押、查封后制作扣押清单的时限（法律规定“当场”，超过即红色预警）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 72,
    },
    Setting {
        p: P::Jz01Counting,
        key: "JZ-01.working_days",
        rule: "JZ-01",
        what_zh: "处罚决定书2日送达期限的计算：0=自然日、末日遇节假日顺延（行规§35，默认，较早届满）；1=工作日（处罚法§85）",
        unit: PUnit::Counting,
        default: 0,
        min: 0,
        max: 1,
    },
    Setting {
        p: P::Cw07Counting,
        key: "CW-07.working_days",
        rule: "CW-07",
        what_zh: "先行登记保存7日处理期限的计算：0=自然日、末日遇节假日顺延（行规§110，默认，较早届满）；1=工作日（处罚法§56、§85）",
        unit: PUnit::Counting,
        default: 0,
        min: 0,
        max: 1,
    },
    Setting {
        p: P::Cw11Return,
        key: "CW-11.return",
        rule: "CW-11",
        what_zh: "权属明确的被害人合法财产认定后及时发还的期限（法律规定“及时”）",
        unit: PUnit::LawDays,
        default: 15,
        min: 1,
        max: 30,
    },
    Setting {
        p: P::Cw11Perishable,
        key: "CW-11.perishable",
        rule: "CW-11",
        what_zh: "易腐烂变质财物认定后拍卖、变卖或发还的期限（法律未规定期限）",
        unit: PUnit::LawDays,
        default: 3,
        min: 1,
        max: 7,
    },
    Setting {
        p: P::Jq01Receipt,
        key: "JQ-01.receipt",
        rule: "JQ-01",
        what_zh: "来所报案出具接报案回执的期限（法律规定“当场”）",
        unit: PUnit::Minutes,
        default: 60,
        min: 10,
        max: 1440,
    },
    Setting {
        p: P::Jq03Tell,
        key: "JQ-03.tell",
        rule: "JQ-03",
        what_zh: "认定不属本单位管辖或不属公安机关职责后告知报案人的期限（法律规定“当场”“及时”）",
        unit: PUnit::Hours,
        default: 24,
        min: 1,
        max: 72,
    },
];

impl Setting {
    /// Checks a value a person sets: within the threshold's range.
    pub fn check(&self, value: u32) -> Result<(), String> {
        if (self.min..=self.max).contains(&value) {
            Ok(())
        } else {
            Err(format!(
                "“{}”须在{}至{}{}之间 (out of range)",
                self.what_zh,
                self.min,
                self.max,
                self.unit.label_zh()
            ))
        }
    }
}

impl P {
    /// The threshold's setting.
    pub fn setting(self) -> &'static Setting {
        &SETTINGS[self as usize]
    }

    /// Parses a stable key.
    pub fn from_key(key: &str) -> Option<P> {
        SETTINGS.iter().find(|s| s.key == key).map(|s| s.p)
    }
}

/// The value of every threshold for one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thresholds([u32; SETTINGS.len()]);

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds(SETTINGS.map(|s| s.default))
    }
}

impl Thresholds {
    /// A threshold's value, in its unit.
    pub fn get(&self, p: P) -> u32 {
        self.0[p as usize]
    }

    /// A threshold as a limit from its anchor. (A `Counting` setting is no limit: read it
    /// with [`Thresholds::days`]; as a limit it reads as that many natural days.)
    pub fn limit(&self, p: P) -> Limit {
        let n = self.get(p);
        match p.setting().unit {
            PUnit::Minutes => Limit::Minutes(n),
            PUnit::Hours => Limit::Hours(n),
            PUnit::Days => Limit::ExactDays(n),
            PUnit::LawDays | PUnit::Counting => Limit::Days(n),
        }
    }

    /// A statutory limit of `n` days, counted as the `counting` setting says: natural days
    /// (moved past rest days by the caller's `Moves`) or working days.
    pub fn days(&self, counting: P, n: u32) -> Limit {
        debug_assert_eq!(counting.setting().unit, PUnit::Counting);
        if self.get(counting) == 1 {
            Limit::WorkingDays(n)
        } else {
            Limit::Days(n)
        }
    }

    fn set(&mut self, p: P, value: u32) {
        self.0[p as usize] = value;
    }
}

/// The thresholds in force across the unit tree: the defaults, and each unit's own settings
/// applied to it and below.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    default: Thresholds,
    /// Settings as made: unit → (threshold, value).
    own: HashMap<UnitId, Vec<(P, u32)>>,
    /// Resolved for every unit at or under a unit with settings.
    resolved: HashMap<UnitId, Thresholds>,
}

impl Policy {
    /// A policy from units' settings; `resolve` must follow before use.
    pub fn new(settings: impl IntoIterator<Item = (UnitId, P, u32)>) -> Policy {
        let mut policy = Policy::default();
        for (unit, p, value) in settings {
            let own = policy.own.entry(unit).or_default();
            own.retain(|(q, _)| *q != p);
            own.push((p, value));
        }
        policy
    }

    /// The settings the world's units made (`threshold.set`), resolved. A key no rule knows is
    /// ignored and a value outside its range is brought into it: people's input is checked when
    /// it is recorded (`Setting::check`); an imported ledger is read as leniently as it can be.
    pub fn of(world: &World) -> Policy {
        let mut settings = Vec::new();
        for unit in world.units.values() {
            for (key, value) in &unit.thresholds {
                if let Some(p) = P::from_key(key) {
                    let s = p.setting();
                    settings.push((unit.id.clone(), p, (*value).clamp(s.min, s.max)));
                }
            }
        }
        let mut policy = Policy::new(settings);
        policy.resolve(world);
        policy
    }

    /// Resolves the settings for the world's unit tree (again when units or settings change).
    pub fn resolve(&mut self, world: &World) {
        self.resolved.clear();
        if self.own.is_empty() {
            return;
        }
        for unit in world.units.keys() {
            // The chain from the root down to the unit: settings below override those above.
            let mut chain = Vec::new();
            let mut at = Some(unit);
            while let Some(u) = at {
                chain.push(u);
                at = world.units.get(u).and_then(|u| u.parent.as_ref());
            }
            if !chain.iter().any(|u| self.own.contains_key(*u)) {
                continue;
            }
            let mut thresholds = self.default.clone();
            for u in chain.iter().rev() {
                for (p, value) in self.own.get(*u).into_iter().flatten() {
                    thresholds.set(*p, *value);
                }
            }
            self.resolved.insert(unit.clone(), thresholds);
        }
    }

    /// The thresholds in force for a unit.
    pub fn for_unit(&self, unit: Option<&UnitId>) -> &Thresholds {
        unit.and_then(|u| self.resolved.get(u))
            .unwrap_or(&self.default)
    }
}
