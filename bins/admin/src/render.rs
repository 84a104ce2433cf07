//! Rendering: readable tables or one JSON document, progress bars on a
//! terminal, errors on stderr.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kataloop_service::operations::Tenant;
use kataloop_themes::ManagerView;
use serde_json::{json, Value};

/// Where results go.
pub struct Output {
    json: bool,
}

impl Output {
    pub fn new(json: bool) -> Self {
        Self { json }
    }

    /// Prints the JSON document with `--json`, else the text.
    pub fn emit(&self, doc: Value, text: String) {
        if self.json {
            println!("{doc}");
        } else if !text.is_empty() {
            println!("{text}");
        }
    }

    /// Prints an error (as JSON with `--json`).
    pub fn error(&self, message: &str) {
        if self.json {
            println!("{}", json!({ "error": message }));
        }
        eprintln!("error: {message}");
    }

    /// A progress bar, hidden with `--json` or when stderr is no terminal.
    pub fn progress(&self, label: &str) -> ProgressBar {
        let bar = ProgressBar::new(0);
        if self.json || !std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len}") {
            bar.set_style(style);
        }
        bar.set_message(label.to_owned());
        bar
    }
}

/// Updates a bar from (done, remaining).
pub fn tick(bar: &ProgressBar, done: u64, remaining: u64) {
    bar.set_length(done + remaining);
    bar.set_position(done);
}

/// A plain text table.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.chars().count());
                }
            }
        }
        let line = |cells: &[String]| {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c:<width$}", width = widths.get(i).copied().unwrap_or(0)))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_owned()
        };
        let mut out = vec![line(&self.header)];
        out.extend(self.rows.iter().map(|r| line(r)));
        out.join("\n")
    }
}

pub fn tenant_json(t: &Tenant) -> Value {
    json!({
        "tenant_id": t.id.to_string(),
        "name": t.name.as_str(),
        "domain": t.domain.as_str(),
        "k": t.settings.k.get(),
        "region": t.settings.region.as_str(),
    })
}

/// The manager view as the API renders it (no release yet: no themes).
pub fn view_json(view: Option<&ManagerView>) -> Value {
    match view {
        None => json!({"release": null, "themes": []}),
        Some(v) => json!({
            "release": {"id": v.release_id.to_string(), "released_on": v.released_on.to_string()},
            "themes": v.themes,
        }),
    }
}

pub fn view_text(view: Option<&ManagerView>) -> String {
    match view {
        None => "no release yet".to_owned(),
        Some(v) if v.themes.is_empty() => format!(
            "release {} ({}): themes appear once at least k people raised them",
            v.release_id, v.released_on
        ),
        Some(v) => {
            let mut table = Table::new(&["THEME", "PEOPLE", "SENTIMENT", "SUGGESTED ACTION"]);
            for t in &v.themes {
                table.row(vec![
                    t.name.clone(),
                    t.contributor_count.to_string(),
                    format!("{:.1}", t.sentiment),
                    t.suggested_action.clone(),
                ]);
            }
            format!(
                "release {} ({})\n{}",
                v.release_id,
                v.released_on,
                table.render()
            )
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub fn view_csv(view: Option<&ManagerView>) -> String {
    let mut out = String::from("release_id,released_on,theme_id,slug,name,contributor_count,sentiment,confidence,suggested_action\n");
    if let Some(v) = view {
        for t in &v.themes {
            out.push_str(
                &[
                    v.release_id.to_string(),
                    v.released_on.to_string(),
                    t.id.to_string(),
                    csv_field(&t.slug),
                    csv_field(&t.name),
                    t.contributor_count.to_string(),
                    format!("{:.1}", t.sentiment),
                    format!("{:.2}", t.confidence),
                    csv_field(&t.suggested_action),
                ]
                .join(","),
            );
            out.push('\n');
        }
    }
    out
}
