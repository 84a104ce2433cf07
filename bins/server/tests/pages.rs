//! The server-rendered pages: HTML structure (no inline script or style,
//! nothing from elsewhere), security headers, static assets served from the
//! binary, and the dashboard's empty state that names no theme and no count.

use axum::http::{header, Method, StatusCode};
use kataloop_server::hygiene::{CSP, HSTS};
use kataloop_server::pages::PAGE_ROUTES;

mod common;
use common::*;

const PAGES: [&str; 4] = ["/", "/employee", "/receipt", "/manager"];

fn html(answer: &Answer) -> String {
    String::from_utf8(answer.body.clone()).unwrap()
}

fn assert_security_headers(answer: &Answer, path: &str) {
    let h = &answer.headers;
    assert_eq!(h[header::CONTENT_SECURITY_POLICY], CSP, "{path}");
    assert_eq!(h[header::STRICT_TRANSPORT_SECURITY], HSTS, "{path}");
    assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{path}");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
    assert_eq!(h[header::CACHE_CONTROL], "no-store", "{path}");
}

/// Every `<tag ...>` of the document, as written.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_load_scripts_and_styles_only_from_self_with_security_headers() {
    let w = world().await;
    for path in PAGES {
        let answer = call(&w.app, Method::GET, path, None, &[], None).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(
            answer.headers[header::CONTENT_TYPE],
            "text/html; charset=utf-8",
            "{path}"
        );
        assert_security_headers(&answer, path);
        let page = html(&answer);
        assert!(page.starts_with("<!doctype html>"), "{path}");
        assert!(
            page.contains("<link rel=\"stylesheet\" href=\"/static/kataloop.css\">"),
            "{path}"
        );
        assert!(!page.contains("<style"), "no inline style element: {path}");
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "nothing from elsewhere: {path}"
        );
        for tag in tags(&page) {
            let lower = tag.to_ascii_lowercase();
            assert!(
                !lower.contains(" style="),
                "inline style in <{tag}> on {path}"
            );
            assert!(
                !lower.split_whitespace().any(|attr| attr.starts_with("on")),
                "inline event handler in <{tag}> on {path}"
            );
            if lower.starts_with("script") {
                assert!(
                    lower.contains(" src=\"/static/"),
                    "only external scripts from /static: <{tag}> on {path}"
                );
            }
        }
        // Every <script> is empty (its code comes from the src file).
        for chunk in page.split("<script").skip(1) {
            let (_, after) = chunk.split_once('>').unwrap();
            assert!(after.starts_with("</script>"), "inline script on {path}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn employee_page_renders_the_opening_question_and_the_conversation_form() {
    let w = world().await;
    let page = html(&call(&w.app, Method::GET, "/employee", None, &[], None).await);
    assert!(page.contains(&format!(
        "<li class=\"turn guide\" data-role=\"guide\">{}</li>",
        kataloop_analysis::OPENING_QUESTION
    )));
    for needle in [
        "<form id=\"ride-form\"",
        "<textarea id=\"answer\"",
        "maxlength=\"4000\"",
        "<button type=\"button\" id=\"next\">",
        "<button type=\"submit\" id=\"submit\"",
        "<section id=\"result\" class=\"result\" hidden>",
        "<strong id=\"alias\"></strong>",
        "<code id=\"receipt\" class=\"receipt\"></code>",
        "<script src=\"/static/common.js\" defer></script>",
        "<script src=\"/static/employee.js\" defer></script>",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn receipt_page_has_the_lookup_form_and_answer_list() {
    let w = world().await;
    let page = html(&call(&w.app, Method::GET, "/receipt", None, &[], None).await);
    for needle in [
        "<form id=\"receipt-form\"",
        "<input id=\"receipt-input\"",
        "<section id=\"receipt-view\" hidden>",
        "<ul id=\"answers\" class=\"answers\"></ul>",
        "<script src=\"/static/receipt.js\" defer></script>",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dashboard_empty_line_names_no_theme_and_no_count() {
    let w = world().await;
    let page = html(&call(&w.app, Method::GET, "/manager", None, &[], None).await);
    let empty = "<p id=\"empty\" class=\"empty\" hidden>Themes appear once at least \
                 <span id=\"k\">k</span> people raised them.</p>";
    assert!(page.contains(empty), "{page}");
    assert!(page.contains("<section id=\"themes\" class=\"themes\"></section>"));
    assert!(page.contains("<script src=\"/static/manager.js\" defer></script>"));
    // The page itself carries no data: no theme, no digit outside markup.
    for theme in kataloop_analysis::Theme::ALL {
        assert!(!page.contains(theme.slug()), "{}", theme.slug());
    }
    let text: String = page
        .split('<')
        .filter_map(|s| s.split_once('>').map(|(_, t)| t))
        .collect();
    assert!(
        !text.chars().any(|c| c.is_ascii_digit()),
        "no count in the page text: {text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn static_assets_are_served_from_the_binary_with_their_types() {
    let w = world().await;
    for (_, path) in PAGE_ROUTES
        .iter()
        .filter(|(_, p)| p.starts_with("/static/"))
    {
        let answer = call(&w.app, Method::GET, path, None, &[], None).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        let expected = if path.ends_with(".css") {
            "text/css; charset=utf-8"
        } else {
            "text/javascript; charset=utf-8"
        };
        assert_eq!(answer.headers[header::CONTENT_TYPE], expected, "{path}");
        assert_security_headers(&answer, path);
        let body = html(&answer);
        assert!(!body.is_empty(), "{path}");
        assert!(!body.contains("innerHTML"), "no HTML injection: {path}");
        assert!(!body.contains("eval("), "{path}");
    }
    let common = html(&call(&w.app, Method::GET, "/static/common.js", None, &[], None).await);
    assert!(
        common.contains("window.location.hash"),
        "tokens come from the fragment"
    );
    assert!(common.contains("headers.Authorization = \"Bearer \" + token"));
    assert!(
        common.contains("window.history.replaceState(null, \"\", window.location.pathname)"),
        "the fragment leaves the address bar"
    );
    let missing = call(&w.app, Method::GET, "/static/nope.js", None, &[], None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn themes_api_reports_k_before_and_after_the_first_release() {
    let w = world().await;
    let token = w.a.manager(None);
    let before = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&token),
        &[],
        None,
    )
    .await;
    assert_eq!(before.status, StatusCode::OK);
    assert_eq!(
        before.json(),
        serde_json::json!({"k": 5, "release": null, "themes": []})
    );
    submit_and_release(&w, &w.a).await;
    let after = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&token),
        &[],
        None,
    )
    .await;
    assert_eq!(after.json()["k"], 5);
    assert!(!after.json()["themes"].as_array().unwrap().is_empty());
}
