//! Server-rendered pages and their static assets.
//!
//! No CDN, no inline script or style: each page loads `/static/*.js` and
//! `/static/kataloop.css`, served from the binary (the CSP allows `'self'`
//! only). Credentials travel in the URL *fragment* (`#token=…`,
//! `#receipt=…`), which browsers never send to the server, so they never
//! reach a log; the scripts move them into an `Authorization` header (or
//! the receipt path of the API) and clear the fragment from the address
//! bar.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Page and asset routes, as `(method, path)` (not part of the API
/// document).
pub const PAGE_ROUTES: &[(&str, &str)] = &[
    ("get", "/"),
    ("get", "/employee"),
    ("get", "/receipt"),
    ("get", "/manager"),
    ("get", "/static/kataloop.css"),
    ("get", "/static/common.js"),
    ("get", "/static/employee.js"),
    ("get", "/static/receipt.js"),
    ("get", "/static/manager.js"),
];

const CSS: &str = include_str!("static/kataloop.css");
const COMMON_JS: &str = include_str!("static/common.js");
const EMPLOYEE_JS: &str = include_str!("static/employee.js");
const RECEIPT_JS: &str = include_str!("static/receipt.js");
const MANAGER_JS: &str = include_str!("static/manager.js");

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

fn page(title: &str, script: Option<&str>, body: &str) -> Response {
    let script = script
        .map(|s| format!("<script src=\"/static/{s}\" defer></script>\n"))
        .unwrap_or_default();
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title} · Kataloop</title>\n\
         <link rel=\"stylesheet\" href=\"/static/kataloop.css\">\n\
         <script src=\"/static/common.js\" defer></script>\n\
         {script}\
         </head>\n<body>\n<header class=\"top\"><span class=\"brand\">Kataloop</span></header>\n\
         <main>\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title),
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// `GET /`: what Kataloop is and where to go.
pub async fn index() -> Response {
    let body = "<h1>Kataloop</h1>\n\
        <p>Anonymous feedback for your workplace. Open the link you were given: \
        employees receive an invite link, managers a dashboard link.</p>\n\
        <p><a href=\"/receipt\">Look up a receipt</a></p>";
    page("Welcome", None, body)
}

/// `GET /employee`: the guided conversation.
pub async fn employee() -> Response {
    let body = format!(
        "<h1>Tell us what is on your mind</h1>\n\
         <p class=\"note\">Your words are stripped of names and other personal details, \
         encrypted, and only ever shown as part of a theme that at least several colleagues \
         raised. You get a fresh pseudonym for this conversation.</p>\n\
         <p id=\"status\" class=\"status\" role=\"alert\" hidden></p>\n\
         <section id=\"chat\" aria-live=\"polite\">\n\
         <ol id=\"conversation\" class=\"conversation\">\n\
         <li class=\"turn guide\" data-role=\"guide\">{opening}</li>\n\
         </ol>\n\
         <form id=\"ride-form\" class=\"answer\">\n\
         <label for=\"answer\">Your answer</label>\n\
         <textarea id=\"answer\" name=\"answer\" rows=\"5\" maxlength=\"{max_chars}\"></textarea>\n\
         <div class=\"actions\">\n\
         <button type=\"button\" id=\"next\">Answer and continue</button>\n\
         <button type=\"submit\" id=\"submit\" class=\"primary\">Submit feedback</button>\n\
         </div>\n\
         </form>\n\
         </section>\n\
         <section id=\"result\" class=\"result\" hidden>\n\
         <h2>Thank you. Your feedback is stored.</h2>\n\
         <p>Your pseudonym for this conversation: <strong id=\"alias\"></strong></p>\n\
         <p>Your receipt — keep it to read the answers to your theme later. \
         It is shown only now:</p>\n\
         <p><code id=\"receipt\" class=\"receipt\"></code></p>\n\
         <p><a id=\"receipt-link\" href=\"/receipt\">Open the receipt page</a></p>\n\
         </section>",
        opening = escape(kataloop_analysis::OPENING_QUESTION),
        max_chars = kataloop_service::submission::MAX_TURN_CHARS,
    );
    page("Your feedback", Some("employee.js"), &body)
}

/// `GET /receipt`: answers to the theme of a ride.
pub async fn receipt() -> Response {
    let body = "<h1>Your receipt</h1>\n\
        <p id=\"status\" class=\"status\" role=\"alert\" hidden></p>\n\
        <form id=\"receipt-form\" class=\"answer\">\n\
        <label for=\"receipt-input\">Receipt</label>\n\
        <input id=\"receipt-input\" name=\"receipt\" autocomplete=\"off\" spellcheck=\"false\" required>\n\
        <div class=\"actions\"><button type=\"submit\" class=\"primary\">Show answers</button></div>\n\
        </form>\n\
        <section id=\"receipt-view\" hidden>\n\
        <p>Pseudonym of this conversation: <strong id=\"alias\"></strong></p>\n\
        <h2>Answers from your company</h2>\n\
        <p id=\"no-answers\" hidden>No answer yet. Answers appear here once your theme \
        is visible to managers and one of them responds.</p>\n\
        <ul id=\"answers\" class=\"answers\"></ul>\n\
        </section>";
    page("Receipt", Some("receipt.js"), body)
}

/// `GET /manager`: the latest release's dashboard.
pub async fn manager() -> Response {
    let body = "<h1>Themes</h1>\n\
        <p id=\"status\" class=\"status\" role=\"alert\" hidden></p>\n\
        <p id=\"release\" class=\"release\" hidden>Release of <time id=\"released-on\"></time></p>\n\
        <p id=\"empty\" class=\"empty\" hidden>Themes appear once at least \
        <span id=\"k\">k</span> people raised them.</p>\n\
        <section id=\"themes\" class=\"themes\"></section>";
    page("Dashboard", Some("manager.js"), body)
}

/// `GET /static/kataloop.css`.
pub async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

/// `GET /static/common.js`.
pub async fn common_js() -> Response {
    asset("text/javascript; charset=utf-8", COMMON_JS)
}

/// `GET /static/employee.js`.
pub async fn employee_js() -> Response {
    asset("text/javascript; charset=utf-8", EMPLOYEE_JS)
}

/// `GET /static/receipt.js`.
pub async fn receipt_js() -> Response {
    asset("text/javascript; charset=utf-8", RECEIPT_JS)
}

/// `GET /static/manager.js`.
pub async fn manager_js() -> Response {
    asset("text/javascript; charset=utf-8", MANAGER_JS)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
