//! The page templates (askama, in `templates/`).

use askama::Template;

use crate::actions::FormField;

/// What the top bar and menu show.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub title: String,
    pub signed_in: bool,
    pub user: String,
    pub unit: String,
    pub is_admin: bool,
    /// Whether the menu offers 通报考评 (legal officers, supervisors, leaders).
    pub may_bulletin: bool,
    /// Whether the password must be changed (menu hidden).
    pub restricted: bool,
}

/// A labelled link.
#[derive(Clone, Debug)]
pub struct Link {
    pub label: String,
    pub href: String,
}

/// Actions offered together on an element page.
#[derive(Clone, Debug)]
pub struct ActionGroup {
    pub title: String,
    pub links: Vec<Link>,
}

/// One row of a list of elements.
#[derive(Clone, Debug)]
pub struct Row {
    pub href: String,
    pub id: String,
    pub title: String,
    pub status: String,
    pub tag: String,
    pub unit: String,
    pub opened: String,
}

impl Row {
    /// The opening time without its year (`11-22 09:16`), for the workbench's narrow panels
    /// that only show the latest elements; the full time is in the cell's tooltip.
    pub fn opened_short(&self) -> &str {
        match self.opened.split_once('-') {
            Some((year, rest)) if year.len() == 4 => rest,
            _ => &self.opened,
        }
    }
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub layout: Layout,
    pub error: Option<String>,
    pub username: String,
}

#[derive(Template)]
#[template(path = "password.html")]
pub struct PasswordPage {
    pub layout: Layout,
    pub error: Option<String>,
    pub forced: bool,
}

/// A workbench tile: counts by status of one kind.
#[derive(Clone, Debug)]
pub struct Tile {
    pub label: String,
    pub href: String,
    pub total: i64,
    pub parts: Vec<(Link, i64)>,
}

/// A workbench panel: the latest elements of a kind.
#[derive(Clone, Debug)]
pub struct Panel {
    pub title: String,
    pub href: String,
    pub rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "workbench.html")]
pub struct WorkbenchPage {
    pub layout: Layout,
    pub tiles: Vec<Tile>,
    pub panels: Vec<Panel>,
    pub quick: Vec<Link>,
    /// The most urgent open warnings in scope (live updates are added by `live.js`).
    pub warnings: app::Board,
}

/// 预警督办: the warning board with its filters.
#[derive(Template)]
#[template(path = "warnings.html")]
pub struct WarningsPage {
    pub layout: Layout,
    pub board: app::Board,
    pub level: String,
    pub rule: String,
    pub element: String,
    pub state: String,
    pub unit: String,
    /// (code, label) for the selects.
    pub levels: Vec<(String, String)>,
    pub elements: Vec<(String, String)>,
    pub states: Vec<(String, String)>,
    pub rules: Vec<String>,
    pub units: Vec<(String, String)>,
}

/// A select option.
#[derive(Clone, Debug)]
pub struct Choice {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub kind: String,
    pub kind_label: String,
    pub statuses: Vec<Choice>,
    pub tag: String,
    pub q: String,
    pub from: String,
    pub until: String,
    pub rows: Vec<Row>,
    pub summary: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub quick: Vec<Link>,
    pub error: Option<String>,
}

/// One fact in a timeline.
#[derive(Clone, Debug)]
pub struct Event {
    pub at: String,
    pub label: String,
    pub actor: String,
    pub fields: Vec<(String, String)>,
}

/// A related element.
#[derive(Clone, Debug)]
pub struct Related {
    pub href: String,
    pub kind: String,
    pub id: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "element.html")]
pub struct ElementPage {
    pub layout: Layout,
    pub kind: String,
    pub kind_label: String,
    pub id: String,
    pub title: String,
    pub status: String,
    pub unit: String,
    pub fields: Vec<(String, String)>,
    pub related: Vec<Related>,
    pub events: Vec<Event>,
    pub actions: Vec<ActionGroup>,
    pub is_person: bool,
    pub revealed: Option<String>,
    pub reveal_error: Option<String>,
    /// A warning's subject, levels and loop (warning pages only).
    pub warning: Option<WarningView>,
}

/// What a warning page shows besides its fields: what it is about, how its level went, and
/// the steps of its supervision loop with their times.
#[derive(Clone, Debug)]
pub struct WarningView {
    /// The element the warning is about.
    pub subject: Link,
    /// (since, level), oldest first.
    pub levels: Vec<(String, String)>,
    /// The loop's steps taken, in order.
    pub steps: Vec<LoopStep>,
    /// When the engine withdrew the warning.
    pub cleared: Option<String>,
}

/// One step of a warning's loop.
#[derive(Clone, Debug)]
pub struct LoopStep {
    pub label: String,
    pub at: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "action.html")]
pub struct ActionPage {
    pub layout: Layout,
    pub code: String,
    pub title: String,
    pub fields: Vec<FormField>,
    pub error: Option<String>,
    pub prohibited: bool,
    pub override_reason: String,
    pub return_to: String,
}

/// An officer and their account on the admin page.
#[derive(Clone, Debug)]
pub struct OfficerRow {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub roles: String,
    pub auxiliary: bool,
    pub username: String,
    pub account: String,
    pub has_account: bool,
    pub disabled: bool,
}

#[derive(Template)]
#[template(path = "admin.html")]
pub struct AdminPage {
    pub layout: Layout,
    pub officers: Vec<OfficerRow>,
    pub units: Vec<(String, String, String)>,
    pub thresholds: Vec<ThresholdRow>,
    pub setup: Vec<Link>,
    pub message: Option<String>,
    pub error: Option<String>,
    /// The years of holidays recorded, oldest first.
    pub calendar: Vec<domain::calendar::Year>,
    /// This year's or next year's arrangement missing, and what that does to the deadlines.
    pub calendar_notices: Vec<String>,
    /// Shipped years (`data/calendar`) not recorded yet: one button each.
    pub shipped_unrecorded: Vec<i16>,
    pub form: AdminForm,
}

/// What the admin page's forms hold: empty, from a link, or as submitted when refused.
#[derive(Clone, Debug, Default)]
pub struct AdminForm {
    pub officer: String,
    pub username: String,
    pub year: String,
    pub holidays: String,
    pub workdays: String,
}

/// A platform threshold on the admin page.
#[derive(Clone, Debug)]
pub struct ThresholdRow {
    pub key: &'static str,
    pub rule: &'static str,
    pub what: &'static str,
    pub unit: &'static str,
    pub default: u32,
    pub range: String,
    /// The units that set their own value: "name（id）value；…".
    pub own: String,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub heading: String,
    pub message: String,
}

/// 通报考评: one of the three bulletins, with its period picker and 导出Excel.
#[derive(Template)]
#[template(path = "bulletins.html")]
pub struct BulletinPage {
    pub layout: Layout,
    /// `daily` | `monthly` | `quarterly`.
    pub tab: &'static str,
    /// The page heading (日巡通报 2026-03-02 …).
    pub heading: String,
    pub date: String,
    pub month: String,
    pub year: String,
    pub quarter: String,
    pub unit: String,
    pub units: Vec<(String, String)>,
    /// The table's headers, as the sheet has them.
    pub headers: Vec<&'static str>,
    /// This page's URL with `format=xlsx`.
    pub xlsx: String,
    pub daily: Option<app::bulletins::DailyBulletin>,
    pub summary: Option<app::bulletins::Summary>,
    /// The summary's rows then its total.
    pub summary_rows: Vec<app::bulletins::SummaryRow>,
}
