//! 通报考评: the daily bulletin (日巡通报), the monthly supervision (月督) and the quarterly
//! assessment (季考评) of `app::bulletins`, as pages and, with `format=xlsx`, as Excel files
//! (rust_xlsxwriter) with the same figures.

use std::collections::HashMap;

use app::bulletins::{DailyBulletin, Period, Ratio, Summary};
use app::{Actor, App};
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::pages::{BulletinPage, ErrorPage};
use crate::{User, error_page, layout, render};

type Params = HashMap<String, String>;

fn param(query: &Params, name: &str) -> Option<String> {
    query
        .get(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn wants_xlsx(query: &Params) -> bool {
    param(query, "format").as_deref() == Some("xlsx")
}

/// A query string from pairs, percent-encoded.
fn query_string(pairs: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        out.append_pair(k, v);
    }
    out.finish()
}

fn bad_request(actor: &Actor, message: &str) -> Response {
    let page = ErrorPage {
        layout: layout(actor, "无法完成"),
        heading: "无法完成".into(),
        message: message.into(),
    };
    (StatusCode::BAD_REQUEST, render(&page)).into_response()
}

fn page(
    actor: &Actor,
    tab: &'static str,
    heading: String,
    units: Vec<(String, String)>,
) -> BulletinPage {
    BulletinPage {
        layout: layout(actor, "通报考评"),
        tab,
        heading,
        date: String::new(),
        month: String::new(),
        year: String::new(),
        quarter: String::new(),
        unit: String::new(),
        units,
        headers: if tab == "daily" {
            DAILY_HEADERS.to_vec()
        } else {
            SUMMARY_HEADERS.to_vec()
        },
        xlsx: String::new(),
        daily: None,
        summary: None,
        summary_rows: Vec::new(),
    }
}

/// `/bulletins?date=2026-03-02&unit=U1[&format=xlsx]`: 日巡通报, yesterday by default.
pub(crate) async fn daily(
    State(app): State<App>,
    User(actor): User,
    Query(query): Query<Params>,
) -> Response {
    let date = match param(&query, "date") {
        None => app::now().china_date().yesterday().expect("after year 1"),
        Some(text) => match text.parse::<Date>() {
            Ok(date) => date,
            Err(_) => return bad_request(&actor, "日期格式应为 年-月-日（如 2026-03-02）"),
        },
    };
    let unit = param(&query, "unit");
    let bulletin = match app.daily_bulletin(&actor, unit.as_deref(), date).await {
        Ok(b) => b,
        Err(error) => return error_page(&actor, error),
    };
    if wants_xlsx(&query) {
        return xlsx(
            &format!("bulletin-daily-{date}"),
            &format!("日巡通报-{}-{date}", bulletin.scope_name),
            daily_workbook(&bulletin),
        );
    }
    let units = app.scope_units(&actor).await;
    let date_text = date.to_string();
    let unit = unit.unwrap_or_default();
    let mut page = page(
        &actor,
        "daily",
        format!("日巡通报 · {} · {date}", bulletin.scope_name),
        units,
    );
    page.xlsx = format!(
        "/bulletins?{}",
        query_string(&[("date", &date_text), ("unit", &unit), ("format", "xlsx")])
    );
    page.date = date_text;
    page.unit = unit;
    page.daily = Some(bulletin);
    render(&page)
}

/// `/bulletins/monthly?month=2026-03&unit=U1[&format=xlsx]`: 月督, last month by default.
pub(crate) async fn monthly(
    State(app): State<App>,
    User(actor): User,
    Query(query): Query<Params>,
) -> Response {
    let (year, month) = match param(&query, "month") {
        None => {
            let today = app::now().china_date();
            let first = today.first_of_month();
            let last = first.yesterday().expect("after year 1");
            (last.year(), last.month())
        }
        Some(text) => {
            let parsed = text
                .split_once('-')
                .and_then(|(y, m)| Some((y.parse::<i16>().ok()?, m.parse::<i8>().ok()?)));
            match parsed.filter(|(y, m)| Period::month(*y, *m).is_some()) {
                Some(ym) => ym,
                None => return bad_request(&actor, "月份格式应为 年-月（如 2026-03）"),
            }
        }
    };
    let period = Period::month(year, month).expect("checked");
    let month_text = format!("{year:04}-{month:02}");
    summary_response(
        &app,
        &actor,
        &query,
        period,
        SummaryKind {
            tab: "monthly",
            label: "月督",
            when: format!("{year}年{month}月"),
            file: format!("monthly-{month_text}"),
            link: vec![("month", month_text.clone())],
        },
        |page| page.month = month_text.clone(),
    )
    .await
}

/// `/bulletins/quarterly?year=2026&quarter=1&unit=U1[&format=xlsx]`: 季考评, the last quarter
/// by default.
pub(crate) async fn quarterly(
    State(app): State<App>,
    User(actor): User,
    Query(query): Query<Params>,
) -> Response {
    let (year, quarter) = match (param(&query, "year"), param(&query, "quarter")) {
        (None, None) => {
            let today = app::now().china_date();
            let current = (today.month() - 1) / 3 + 1;
            if current == 1 {
                (today.year() - 1, 4)
            } else {
                (today.year(), current - 1)
            }
        }
        (Some(y), Some(q)) => match (y.parse::<i16>(), q.parse::<i8>()) {
            (Ok(y), Ok(q)) if Period::quarter(y, q).is_some() => (y, q),
            _ => return bad_request(&actor, "请选择年份和季度（1至4）"),
        },
        _ => return bad_request(&actor, "请选择年份和季度（1至4）"),
    };
    let period = Period::quarter(year, quarter).expect("checked");
    let (year_text, quarter_text) = (year.to_string(), quarter.to_string());
    summary_response(
        &app,
        &actor,
        &query,
        period,
        SummaryKind {
            tab: "quarterly",
            label: "季考评",
            when: format!("{year}年第{quarter}季度"),
            file: format!("quarterly-{year}-Q{quarter}"),
            link: vec![
                ("year", year_text.clone()),
                ("quarter", quarter_text.clone()),
            ],
        },
        |page| {
            page.year = year_text.clone();
            page.quarter = quarter_text.clone();
        },
    )
    .await
}

/// What differs between the monthly and the quarterly summary pages.
struct SummaryKind {
    /// The tab and path (`monthly`).
    tab: &'static str,
    /// 月督 / 季考评.
    label: &'static str,
    /// The period in words.
    when: String,
    /// The download's ASCII name after `bulletin-`.
    file: String,
    /// The query that selects the period, for the Excel link.
    link: Vec<(&'static str, String)>,
}

/// A period summary for the actor's scope (or `unit` within it): the page, or its workbook.
async fn summary_response(
    app: &App,
    actor: &app::Actor,
    query: &Params,
    period: Period,
    summary_of: SummaryKind,
    fill: impl FnOnce(&mut BulletinPage),
) -> Response {
    let unit = param(query, "unit");
    let summary = match app.period_summary(actor, unit.as_deref(), period).await {
        Ok(s) => s,
        Err(error) => return error_page(actor, error),
    };
    if wants_xlsx(query) {
        return xlsx(
            &format!("bulletin-{}", summary_of.file),
            &format!(
                "{}-{}-{}",
                summary_of.label, summary.scope_name, summary_of.when
            ),
            summary_workbook(&summary, summary_of.label),
        );
    }
    let units = app.scope_units(actor).await;
    let unit = unit.unwrap_or_default();
    let mut page = page(
        actor,
        summary_of.tab,
        format!(
            "{} · {} · {}",
            summary_of.label, summary.scope_name, summary_of.when
        ),
        units,
    );
    let mut link: Vec<(&str, &str)> = summary_of
        .link
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    link.extend([("unit", unit.as_str()), ("format", "xlsx")]);
    page.xlsx = format!("/bulletins/{}?{}", summary_of.tab, query_string(&link));
    fill(&mut page);
    page.unit = unit;
    page.summary_rows = summary
        .units
        .iter()
        .chain([&summary.total])
        .cloned()
        .collect();
    page.summary = Some(summary);
    render(&page)
}

/// The workbook as a download: an ASCII file name and the Chinese one (RFC 6266 `filename*`).
fn xlsx(ascii: &str, chinese: &str, workbook: Result<Vec<u8>, XlsxError>) -> Response {
    let bytes = match workbook {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "xlsx failed");
            return (StatusCode::INTERNAL_SERVER_ERROR, "系统内部错误").into_response();
        }
    };
    let encoded: String = form_urlencoded::byte_serialize(format!("{chinese}.xlsx").as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    (
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}.xlsx\"; filename*=UTF-8''{encoded}"),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// A cell of a sheet.
enum Cell {
    Text(String),
    Count(usize),
    /// A share (0 to 1), shown as a percentage; none when nothing was due ("—").
    Rate(Ratio),
}

/// Writes a sheet: a title row, the header row, then the rows.
fn sheet(
    workbook: &mut Workbook,
    name: &str,
    title: &str,
    headers: &[&str],
    rows: Vec<Vec<Cell>>,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, title, &bold)?;
    for (c, h) in headers.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(1, c, *h, &bold)?;
        sheet.set_column_width(c, if c == 0 || c == 1 { 16 } else { 11 })?;
    }
    for (r, row) in rows.into_iter().enumerate() {
        let r = r as u32 + 2;
        for (c, cell) in row.into_iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(text) => sheet.write_string(r, c, text)?,
                Cell::Count(n) => sheet.write_number(r, c, n as f64)?,
                Cell::Rate(ratio) => match ratio.value() {
                    Some(v) => sheet.write_number_with_format(r, c, v, &percent)?,
                    None => sheet.write_string(r, c, "—")?,
                },
            };
        }
    }
    sheet.set_freeze_panes(2, 0)?;
    Ok(())
}

/// The daily bulletin's headers, shared by the page's table and the sheet.
pub(crate) const DAILY_HEADERS: [&str; 10] = [
    "排名",
    "单位",
    "新发预警",
    "在办预警",
    "在办红色",
    "逾期",
    "其中整改逾期",
    "应处置",
    "按时处置",
    "处置及时率",
];

fn daily_workbook(b: &DailyBulletin) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let row = |r: &app::bulletins::DailyRow| {
        vec![
            Cell::Text(if r.rank == 0 {
                String::new()
            } else {
                r.rank.to_string()
            }),
            Cell::Text(r.unit_name.clone()),
            Cell::Count(r.raised),
            Cell::Count(r.open),
            Cell::Count(r.open_red),
            Cell::Count(r.overdue),
            Cell::Count(r.rectification_overdue),
            Cell::Count(r.handling.due),
            Cell::Count(r.handling.done),
            Cell::Rate(r.handling),
        ]
    };
    let rows: Vec<Vec<Cell>> = b.units.iter().chain([&b.total]).map(row).collect();
    let title = format!(
        "日巡通报 {} {}{}",
        b.scope_name,
        b.date,
        if b.partial {
            "（截至导出时）"
        } else {
            ""
        }
    );
    sheet(&mut workbook, "单位排名", &title, &DAILY_HEADERS, rows)?;
    let rules = b
        .rules
        .iter()
        .map(|r| {
            vec![
                Cell::Text(r.rule.clone()),
                Cell::Count(r.raised),
                Cell::Count(r.open),
                Cell::Count(r.overdue),
            ]
        })
        .collect();
    sheet(
        &mut workbook,
        "按规则",
        &title,
        &["规则", "新发预警", "在办预警", "逾期"],
        rules,
    )?;
    workbook.save_to_buffer()
}

/// The summary's headers, shared by the page's table and the sheet.
pub(crate) const SUMMARY_HEADERS: [&str; 20] = [
    "单位",
    "新发预警",
    "红色",
    "黄色",
    "蓝色",
    "解除",
    "其中自行解除",
    "核查属实",
    "误报",
    "责令整改",
    "整改完成",
    "按期整改",
    "追责",
    "办结",
    "应处置",
    "按时处置",
    "处置及时率",
    "应整改",
    "按期整改（到期）",
    "整改及时率",
];

fn summary_workbook(s: &Summary, name: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let rows = s
        .units
        .iter()
        .chain([&s.total])
        .map(|r| {
            vec![
                Cell::Text(r.unit_name.clone()),
                Cell::Count(r.raised),
                Cell::Count(r.red),
                Cell::Count(r.yellow),
                Cell::Count(r.blue),
                Cell::Count(r.cleared),
                Cell::Count(r.cleared_unverified),
                Cell::Count(r.confirmed),
                Cell::Count(r.false_positive),
                Cell::Count(r.ordered),
                Cell::Count(r.rectified),
                Cell::Count(r.rectified_in_time),
                Cell::Count(r.accountability),
                Cell::Count(r.closed),
                Cell::Count(r.handling.due),
                Cell::Count(r.handling.done),
                Cell::Rate(r.handling),
                Cell::Count(r.rectification.due),
                Cell::Count(r.rectification.done),
                Cell::Rate(r.rectification),
            ]
        })
        .collect();
    let title = format!(
        "{name} {} {} 至 {}{}",
        s.scope_name,
        s.first,
        s.last,
        if s.partial {
            "（截至导出时）"
        } else {
            ""
        }
    );
    sheet(&mut workbook, name, &title, &SUMMARY_HEADERS, rows)?;
    workbook.save_to_buffer()
}
