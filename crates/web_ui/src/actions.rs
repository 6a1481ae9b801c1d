//! The forms of the main actions: each is one fact kind with its fields, rendered by one
//! template and turned back into a FORMAT.md object when posted.

use std::sync::LazyLock;

use app::Actor;
use domain::elements::*;
use serde_json::{Map, Value};

/// How a field is entered.
#[derive(Clone, Debug)]
pub enum Input {
    Text,
    /// Free text with suggestions.
    Suggest(Vec<(String, String)>),
    Select(Vec<(String, String)>),
    Check,
    /// Several codes, one checkbox each.
    Multi(Vec<(String, String)>),
    /// Several ids, separated by commas or spaces.
    List,
    Number,
    Date,
    DateTime,
}

/// What a field is pre-filled with.
#[derive(Clone, Copy, Debug)]
pub enum Prefill {
    None,
    /// A fresh id with this prefix.
    Fresh(&'static str),
    ActorUnit,
    ActorOfficer,
    Now,
}

/// One field of an action form.
#[derive(Clone, Debug)]
pub struct FieldDef {
    pub name: &'static str,
    pub label: &'static str,
    pub input: Input,
    pub required: bool,
    /// Sent even when empty (a document number left empty is numbered by Zhifa).
    pub keep_empty: bool,
    pub prefill: Prefill,
    pub hint: &'static str,
}

/// One action: a fact kind and its form.
#[derive(Clone, Debug)]
pub struct Action {
    pub code: &'static str,
    pub fact: &'static str,
    pub title: &'static str,
    /// Setup actions are for administrators.
    pub admin: bool,
    pub fields: Vec<FieldDef>,
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_string(), label(*v).to_string()))
        .collect()
}

fn field(name: &'static str, label: &'static str, input: Input) -> FieldDef {
    FieldDef {
        name,
        label,
        input,
        required: true,
        keep_empty: false,
        prefill: Prefill::None,
        hint: "",
    }
}

impl FieldDef {
    fn optional(mut self) -> Self {
        self.required = false;
        self
    }
    fn prefill(mut self, prefill: Prefill) -> Self {
        self.prefill = prefill;
        self
    }
    fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }
}

fn id(label: &'static str, prefix: &'static str) -> FieldDef {
    field("id", label, Input::Text).prefill(Prefill::Fresh(prefix))
}

fn existing(name: &'static str, label: &'static str) -> FieldDef {
    field(name, label, Input::Text)
}

fn at() -> FieldDef {
    field("at", "业务时间", Input::DateTime)
        .prefill(Prefill::Now)
        .hint("发生时间（北京时间），不是录入时间")
}

fn action(
    code: &'static str,
    fact: &'static str,
    title: &'static str,
    mut fields: Vec<FieldDef>,
) -> Action {
    fields.push(at());
    Action {
        code,
        fact,
        title,
        admin: false,
        fields,
    }
}

/// Every action, in menu order.
pub static ACTIONS: LazyLock<Vec<Action>> = LazyLock::new(|| {
    let mut setup = vec![
        action(
            "unit_define",
            "unit.defined",
            "设立单位",
            vec![
                id("单位编号", "U"),
                field("name", "单位名称", Input::Text),
                field("parent", "上级单位编号", Input::Text)
                    .optional()
                    .hint("省厅不填"),
                field(
                    "level",
                    "级别",
                    Input::Select(options(UnitLevel::ALL, UnitLevel::as_str, UnitLevel::label)),
                ),
            ],
        ),
        action(
            "officer_define",
            "officer.defined",
            "登记民警",
            vec![
                id("警号/编号", "P"),
                field("name", "姓名", Input::Text),
                field("unit", "所属单位编号", Input::Text),
                field(
                    "gender",
                    "性别",
                    Input::Select(options(Gender::ALL, Gender::as_str, Gender::label)),
                ),
                field("auxiliary", "辅警", Input::Check).optional(),
                field(
                    "roles",
                    "角色",
                    Input::Multi(options(Role::ALL, Role::as_str, Role::label)),
                ),
            ],
        ),
        action(
            "officer_change",
            "officer.changed",
            "变更民警角色/单位",
            vec![
                existing("id", "警号/编号"),
                field("unit", "新单位编号", Input::Text)
                    .optional()
                    .hint("不变则不填"),
                field(
                    "roles",
                    "角色",
                    Input::Multi(options(Role::ALL, Role::as_str, Role::label)),
                ),
            ],
        ),
    ];
    for a in &mut setup {
        a.admin = true;
    }
    let mut all = vec![
        action(
            "incident_receive",
            "incident.received",
            "接警登记",
            vec![
                id("警情编号", "J"),
                field("unit", "管辖单位编号", Input::Text).prefill(Prefill::ActorUnit),
                field(
                    "source",
                    "警情来源",
                    Input::Select(options(
                        IncidentSource::ALL,
                        IncidentSource::as_str,
                        IncidentSource::label,
                    )),
                ),
                field(
                    "nature",
                    "警情性质",
                    Input::Select(options(
                        IncidentNature::ALL,
                        IncidentNature::as_str,
                        IncidentNature::label,
                    )),
                ),
                field("category", "警情类别代码", Input::Text),
                field("summary", "简要情况", Input::Text).optional(),
            ],
        ),
        action(
            "incident_dispatch",
            "incident.dispatched",
            "派警",
            vec![
                existing("id", "警情编号"),
                field("officers", "出警民警", Input::List)
                    .prefill(Prefill::ActorOfficer)
                    .hint("多名民警用逗号分隔"),
            ],
        ),
        action(
            "incident_arrive",
            "incident.arrived",
            "到达现场",
            vec![existing("id", "警情编号")],
        ),
        action(
            "incident_dispose",
            "incident.disposed",
            "警情处置",
            vec![
                existing("id", "警情编号"),
                field(
                    "result",
                    "处置结果",
                    Input::Select(options(
                        DisposalResult::ALL,
                        DisposalResult::as_str,
                        DisposalResult::label,
                    )),
                ),
                field("case", "受案案件编号", Input::Text)
                    .optional()
                    .hint("处置结果为受案时填写"),
            ],
        ),
        action(
            "case_accept",
            "case.accepted",
            "受案登记",
            vec![
                id("案件编号", "A"),
                field("unit", "办案单位编号", Input::Text).prefill(Prefill::ActorUnit),
                field(
                    "kind",
                    "案件类别",
                    Input::Select(options(CaseKind::ALL, CaseKind::as_str, CaseKind::label)),
                ),
                field("category", "案由代码", Input::Text),
                field("incident", "来源警情编号", Input::Text).optional(),
                field("complex", "疑难复杂", Input::Check).optional(),
                field("economic", "经济犯罪", Input::Check).optional(),
            ],
        ),
        action(
            "case_file",
            "case.filed",
            "立案",
            vec![existing("id", "案件编号")],
        ),
        action(
            "case_not_file",
            "case.not_filed",
            "不予立案",
            vec![existing("id", "案件编号")],
        ),
        action(
            "person_register",
            "person.registered",
            "登记人员",
            vec![
                id("人员编号", "R"),
                field("name", "姓名", Input::Text),
                field(
                    "gender",
                    "性别",
                    Input::Select(options(Gender::ALL, Gender::as_str, Gender::label)),
                ),
                field("id_number", "身份证号码", Input::Text)
                    .optional()
                    .hint("可不填；填写时校验末位校验码"),
                field("birth_date", "出生日期", Input::Date).optional(),
                field(
                    "flags",
                    "特殊人群",
                    Input::Multi(options(
                        PersonFlag::ALL,
                        PersonFlag::as_str,
                        PersonFlag::label,
                    )),
                )
                .optional(),
            ],
        ),
        action(
            "person_link",
            "person.linked",
            "关联人员与案件",
            vec![
                existing("id", "人员编号"),
                existing("case", "案件编号"),
                field(
                    "role",
                    "涉案角色",
                    Input::Select(options(
                        PersonRole::ALL,
                        PersonRole::as_str,
                        PersonRole::label,
                    )),
                ),
            ],
        ),
        action(
            "measure_start",
            "measure.started",
            "采取措施",
            vec![
                id("措施编号", "M"),
                existing("person", "人员编号"),
                existing("case", "案件编号"),
                field(
                    "kind",
                    "措施种类",
                    Input::Select(options(
                        MeasureKind::ALL,
                        MeasureKind::as_str,
                        MeasureKind::label,
                    )),
                ),
                field("arrived_at", "到案时间", Input::DateTime)
                    .optional()
                    .hint("传唤、询问类填写；不填即为业务时间"),
            ],
        ),
        action(
            "measure_end",
            "measure.ended",
            "结束措施",
            vec![
                existing("id", "措施编号"),
                field(
                    "outcome",
                    "结束方式",
                    Input::Select(options(
                        MeasureOutcome::ALL,
                        MeasureOutcome::as_str,
                        MeasureOutcome::label,
                    )),
                ),
            ],
        ),
        action(
            "custody_enter",
            "custody.entered",
            "进入办案中心",
            vec![
                id("在区记录编号", "S"),
                existing("person", "人员编号"),
                field("center", "办案中心单位编号", Input::Text).prefill(Prefill::ActorUnit),
                field("case", "案件编号", Input::Text).optional(),
                field("basis", "依据措施编号", Input::Text).optional(),
            ],
        ),
        action(
            "custody_exit",
            "custody.exited",
            "离开办案中心",
            vec![
                existing("id", "在区记录编号"),
                field(
                    "destination",
                    "去向",
                    Input::Select(options(
                        Destination::ALL,
                        Destination::as_str,
                        Destination::label,
                    )),
                ),
                field("document", "依据文书编号", Input::Text).optional(),
            ],
        ),
        action(
            "property_seize",
            "property.seized",
            "扣押/查封/冻结财物",
            vec![
                id("财物编号", "W"),
                existing("case", "案件编号"),
                field(
                    "measure",
                    "措施",
                    Input::Select(options(
                        PropertyMeasure::ALL,
                        PropertyMeasure::as_str,
                        PropertyMeasure::label,
                    )),
                ),
                field("category", "财物类别", Input::Text),
                field("description", "财物描述", Input::Text).optional(),
                field("quantity", "数量", Input::Number).optional(),
                field("value_yuan", "价值(元)", Input::Number).optional(),
                field("seized_by", "扣押民警", Input::Text).prefill(Prefill::ActorOfficer),
            ],
        ),
        action(
            "property_store",
            "property.stored",
            "财物入库保管",
            vec![
                existing("id", "财物编号"),
                field("location", "保管位置", Input::Text),
                field("custodian", "保管人（涉案财物管理员）", Input::Text),
            ],
        ),
        action(
            "document_issue",
            "document.issued",
            "签发文书",
            vec![
                id("文书编号", "D"),
                existing("case", "案件编号"),
                field(
                    "kind",
                    "文书种类",
                    Input::Suggest(
                        crate::labels::DOCUMENT_KINDS
                            .iter()
                            .map(|(c, l)| (c.to_string(), l.to_string()))
                            .collect(),
                    ),
                ),
                FieldDef {
                    keep_empty: true,
                    ..field("number", "文号", Input::Text)
                        .optional()
                        .hint("留空由系统按单位、文书种类和年度自动编号")
                },
                field("subject", "对象编号", Input::Text)
                    .optional()
                    .hint("措施、人员或财物编号"),
            ],
        ),
    ];
    all.extend(setup);
    all
});

/// The action with a code.
pub fn find(code: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|a| a.code == code)
}

/// A fresh id: prefix, the time in base 36, two random characters.
pub fn fresh_id(prefix: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut millis = jiff::Timestamp::now().as_millisecond().max(0) as u64;
    let mut time = Vec::new();
    while millis > 0 {
        time.push(DIGITS[(millis % 36) as usize]);
        millis /= 36;
    }
    time.reverse();
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(jiff::Timestamp::now().as_nanosecond() as u64);
    let random = hasher.finish();
    let tail = [
        DIGITS[(random % 36) as usize],
        DIGITS[((random / 36) % 36) as usize],
    ];
    format!(
        "{prefix}{}{}",
        String::from_utf8_lossy(&time),
        String::from_utf8_lossy(&tail)
    )
}

/// The value shown in a `datetime-local` input for now, China time.
pub fn now_local() -> String {
    let at = app::now();
    at.display_china().replace(' ', "T")
}

/// A `datetime-local` value (`2026-03-02T09:30`) as RFC 3339 in China time.
pub fn local_to_rfc3339(text: &str) -> String {
    let text = text.trim();
    match text.len() {
        16 => format!("{text}:00+08:00"),
        19 => format!("{text}+08:00"),
        _ => text.to_string(),
    }
}

/// A form field ready for the template.
#[derive(Clone, Debug)]
pub struct FormField {
    pub name: String,
    pub label: String,
    /// text, select, check, multi, number, date, datetime, suggest
    pub input: &'static str,
    pub value: String,
    pub options: Vec<FormOption>,
    pub checked: bool,
    pub required: bool,
    pub hint: String,
    pub error: bool,
}

/// One option of a select or checkbox group.
#[derive(Clone, Debug)]
pub struct FormOption {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

fn values<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The form's fields, filled from submitted or query values, else the prefill.
pub fn form_fields(
    action: &Action,
    actor: &Actor,
    given: &[(String, String)],
    error_field: Option<&str>,
) -> Vec<FormField> {
    action
        .fields
        .iter()
        .map(|f| {
            let given_values = values(given, f.name);
            let value = match given_values.first() {
                Some(v) => v.to_string(),
                None => match f.prefill {
                    Prefill::None => String::new(),
                    Prefill::Fresh(prefix) => fresh_id(prefix),
                    Prefill::ActorUnit => actor.unit.to_string(),
                    Prefill::ActorOfficer => actor.officer.to_string(),
                    Prefill::Now => now_local(),
                },
            };
            let (input, opts) = match &f.input {
                Input::Text | Input::List => ("text", Vec::new()),
                Input::Suggest(o) => ("suggest", o.clone()),
                Input::Select(o) => ("select", o.clone()),
                Input::Check => ("check", Vec::new()),
                Input::Multi(o) => ("multi", o.clone()),
                Input::Number => ("number", Vec::new()),
                Input::Date => ("date", Vec::new()),
                Input::DateTime => ("datetime", Vec::new()),
            };
            let options = opts
                .into_iter()
                .map(|(code, label)| {
                    let selected = if input == "multi" {
                        given_values.contains(&code.as_str())
                    } else {
                        value == code
                    };
                    FormOption {
                        code,
                        label,
                        selected,
                    }
                })
                .collect();
            FormField {
                name: f.name.into(),
                label: f.label.into(),
                input,
                checked: matches!(f.input, Input::Check)
                    && given_values.iter().any(|v| !v.is_empty()),
                value,
                options,
                required: f.required && !matches!(f.input, Input::Check | Input::Multi(_)),
                hint: f.hint.into(),
                error: error_field.is_some_and(|e| e == f.name),
            }
        })
        .collect()
}

/// A field the user must fix.
#[derive(Debug)]
pub struct FormError {
    pub field: &'static str,
    pub message: String,
}

/// The posted form as a FORMAT.md object.
pub fn to_object(action: &Action, pairs: &[(String, String)]) -> Result<Value, FormError> {
    let mut object = Map::new();
    object.insert("fact".into(), Value::String(action.fact.into()));
    for f in &action.fields {
        let given = values(pairs, f.name);
        let text = given.first().map(|s| s.trim()).unwrap_or("");
        let value = match &f.input {
            Input::Check => Some(Value::Bool(given.iter().any(|v| !v.is_empty()))),
            Input::Multi(_) => {
                let codes: Vec<Value> = given
                    .iter()
                    .filter(|v| !v.is_empty())
                    .map(|v| Value::String(v.to_string()))
                    .collect();
                if codes.is_empty() && f.required {
                    return Err(FormError {
                        field: f.name,
                        message: format!("请至少选择一项“{}”", f.label),
                    });
                }
                Some(Value::Array(codes))
            }
            _ if text.is_empty() => {
                if f.required {
                    return Err(FormError {
                        field: f.name,
                        message: format!("请填写“{}”", f.label),
                    });
                }
                f.keep_empty.then(|| Value::String(String::new()))
            }
            Input::List => Some(Value::Array(
                text.split([',', '，', '、', ' ', ';', '；'])
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            )),
            Input::Number => match text.parse::<f64>() {
                Ok(n) => serde_json::Number::from_f64(n).map(Value::Number),
                Err(_) => {
                    return Err(FormError {
                        field: f.name,
                        message: format!("“{}”应为数字", f.label),
                    });
                }
            },
            Input::DateTime => Some(Value::String(local_to_rfc3339(text))),
            Input::Text | Input::Suggest(_) | Input::Select(_) | Input::Date => {
                Some(Value::String(text.to_string()))
            }
        };
        if let Some(value) = value {
            object.insert(f.name.into(), value);
        }
    }
    if !object.contains_key("at") {
        object.insert("at".into(), Value::String(app::now().to_string()));
    }
    Ok(Value::Object(object))
}

/// The actions that fit an element, as (title, link) with the element's id filled in.
pub fn for_element(kind: &str, id: &str, is_admin: bool) -> Vec<(String, String)> {
    let link =
        |code: &str, param: &str| -> String { format!("/act/{code}?{param}={}", encode(id)) };
    let list: Vec<(&str, String)> = match kind {
        "incident" => vec![
            ("派警", link("incident_dispatch", "id")),
            ("到达现场", link("incident_arrive", "id")),
            ("警情处置", link("incident_dispose", "id")),
            ("受案", link("case_accept", "incident")),
        ],
        "case" => vec![
            ("立案", link("case_file", "id")),
            ("不予立案", link("case_not_file", "id")),
            ("关联人员", link("person_link", "case")),
            ("采取措施", link("measure_start", "case")),
            ("进入办案中心", link("custody_enter", "case")),
            ("扣押财物", link("property_seize", "case")),
            ("签发文书", link("document_issue", "case")),
        ],
        "person" => vec![
            ("关联案件", link("person_link", "id")),
            ("采取措施", link("measure_start", "person")),
            ("进入办案中心", link("custody_enter", "person")),
        ],
        "measure" => vec![("结束措施", link("measure_end", "id"))],
        "stay" => vec![("离开办案中心", link("custody_exit", "id"))],
        "property" => vec![("入库保管", link("property_store", "id"))],
        "officer" if is_admin => vec![("变更角色/单位", link("officer_change", "id"))],
        _ => vec![],
    };
    list.into_iter().map(|(t, l)| (t.to_string(), l)).collect()
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_are_valid_and_differ() {
        let a = fresh_id("J");
        assert!(a.starts_with('J') && a.len() > 8);
        assert!(domain::ids::check_id(&a).is_ok());
        let many: std::collections::HashSet<String> = (0..20).map(|_| fresh_id("J")).collect();
        assert!(many.len() > 1);
    }

    #[test]
    fn a_posted_form_becomes_a_fact() {
        let action = find("document_issue").unwrap();
        let pairs: Vec<(String, String)> = [
            ("id", "D1"),
            ("case", "C1"),
            ("kind", "seizure_list"),
            ("number", ""),
            ("at", "2026-03-02T09:30"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let object = to_object(action, &pairs).unwrap();
        assert_eq!(object["number"], "");
        assert_eq!(object["at"], "2026-03-02T09:30:00+08:00");
        assert!(domain::Fact::from_value(object).is_ok());
        let missing = to_object(action, &pairs[..1]).unwrap_err();
        assert_eq!(missing.field, "case");
    }
}
