//! End to end in a real headless Chromium, driven over WebDriver
//! (`chromedriver`, spoken to with a minimal HTTP client below): k−1
//! employees submit on one theme through the employee page → after a
//! release the manager page shows nothing about it; the k-th submits →
//! after the next release the theme is visible; the manager answers it and
//! an employee reads the answer on the receipt page. Screenshots go to
//! `target/e2e-artifacts/`. Every process started here is stopped here.
//!
//! Needs `chromium` and `chromedriver` (Debian: `apt-get install -y
//! chromium chromium-driver`); without them the test fails and says so.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use kataloop_server::serve;
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::{json, Value};

mod common;
use common::*;

const INSTALL: &str =
    "chromium and chromedriver are required for this test: apt-get install -y chromium chromium-driver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const WAIT: Duration = Duration::from_secs(20);

fn find_binary(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One blocking HTTP/1.1 exchange with chromedriver (JSON in and out).
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(|e| e.to_string())?;
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{payload}",
        payload.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    // chromedriver keeps the connection open: read the header, then exactly
    // Content-Length bytes (or chunks up to the last one).
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let (split, length, chunked) = loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the header ended".into());
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
            let length = head.lines().find_map(|l| {
                l.strip_prefix("content-length:")
                    .and_then(|v| v.trim().parse::<usize>().ok())
            });
            break (split, length, head.contains("transfer-encoding: chunked"));
        }
    };
    loop {
        let body = &raw[split + 4..];
        let complete = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if complete {
            break;
        }
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let mut content = raw[split + 4..].to_vec();
    if chunked {
        content = dechunk(&content);
    }
    serde_json::from_slice(&content)
        .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&content)))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

/// chromedriver and one Chromium session; both stopped on drop.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    profile: PathBuf,
}

impl Browser {
    fn start() -> Browser {
        let chromium = find_binary(&["chromium", "chromium-browser"]).expect(INSTALL);
        let chromedriver = find_binary(&["chromedriver"]).expect(INSTALL);
        let port = free_port();
        let mut driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(INSTALL);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(status) = http(port, "GET", "/status", None) {
                if status["value"]["ready"] == true {
                    break;
                }
            }
            if Instant::now() > deadline {
                let _ = driver.kill();
                let _ = driver.wait();
                panic!("chromedriver did not become ready");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!(
            "kataloop-e2e-chromium-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&profile).unwrap();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "acceptInsecureCerts": true,
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1200,1000",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        }}});
        let created = http(port, "POST", "/session", Some(&capabilities));
        let session = match created
            .as_ref()
            .ok()
            .and_then(|v| v["value"]["sessionId"].as_str())
        {
            Some(id) => id.to_owned(),
            None => {
                let _ = driver.kill();
                let _ = driver.wait();
                let _ = std::fs::remove_dir_all(&profile);
                panic!("Chromium did not start: {created:?}");
            }
        };
        Browser {
            driver,
            port,
            session,
            profile,
        }
    }

    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let answer = http(self.port, method, &path, body.as_ref())
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        if answer["value"]["error"].is_string() {
            panic!("WebDriver {method} {path}: {}", answer["value"]);
        }
        answer["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(json!({"url": url})));
    }

    fn find(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        found[ELEMENT].as_str().unwrap().to_owned()
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.command(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        );
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.command("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn text(&self, css: &str) -> String {
        let id = self.find(css);
        self.command("GET", &format!("/element/{id}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn script(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Waits until `script` (a JavaScript expression) is true.
    fn wait_for(&self, script: &str, what: &str) {
        let deadline = Instant::now() + WAIT;
        while self.script(&format!("return !!({script});")) != json!(true) {
            if Instant::now() > deadline {
                let _ = self.screenshot("timeout");
                panic!("timed out waiting for {what}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.command("GET", "/screenshot", None);
        let bytes = STANDARD.decode(png.as_str().unwrap()).unwrap();
        let dir = artifacts();
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn body_text(&self) -> String {
        self.script("return document.body.innerText;")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn artifacts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-artifacts")
}

/// Submits `texts` through the employee page; returns the receipts.
fn submit_through_page(
    browser: &Browser,
    base: &str,
    tokens: &[String],
    texts: &[&str],
) -> Vec<String> {
    let mut receipts = Vec::new();
    for (token, text) in tokens.iter().zip(texts) {
        // A different path first, so the next URL is a full page load.
        browser.goto(&format!("{base}/"));
        browser.goto(&format!("{base}/employee#token={token}"));
        browser.wait_for(
            "window.location.hash === ''",
            "the token to leave the address bar",
        );
        browser.type_into("#answer", text);
        browser.click("#submit");
        browser.wait_for(
            "!document.getElementById('result').hidden",
            "the submission's result",
        );
        let alias = browser.text("#alias");
        assert!(alias.contains(' '), "an alias like 'Brave Lion': {alias}");
        receipts.push(browser.text("#receipt"));
    }
    receipts
}

#[test]
fn k_minus_one_rides_stay_hidden_in_the_browser_and_the_kth_reveals_the_theme() {
    // Fail at once, with the instruction, when the browser is missing.
    find_binary(&["chromium", "chromium-browser"]).expect(INSTALL);
    find_binary(&["chromedriver"]).expect(INSTALL);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let w = rt.block_on(world());
    let generated = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()]).unwrap();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(generated.key_pair.serialize_der()));
    let tls = serve::tls_config_from(vec![generated.cert.der().clone()], key).unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("https://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = rt.spawn(serve::serve(
        listener,
        Some(tls),
        w.app.clone(),
        async {
            let _ = stopped.await;
        },
        Duration::from_secs(5),
    ));

    let browser = Browser::start();
    let k = 5;
    let tokens: Vec<String> = (0..k)
        .map(|i| w.a.invite(&format!("e2e-employee-{i}"), Some(w.a.team)))
        .collect();
    let manager = w.a.manager(None);
    let release = |day: u32| {
        rt.block_on(kataloop_service::operations::release_now(
            &w.db.owner_store(),
            w.a.id,
            w.kek.as_ref(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            "e2e",
        ))
        .unwrap()
    };

    // The guided conversation once: a follow-up question appears.
    browser.goto(&format!("{base}/employee#token={}", tokens[0]));
    browser.wait_for("window.location.hash === ''", "the fragment to be cleared");
    browser.type_into("#answer", APPROVALS[0]);
    browser.click("#next");
    browser.wait_for(
        "document.querySelectorAll('#conversation li.guide').length === 2",
        "a follow-up question",
    );
    browser.screenshot("00-employee-follow-up");
    browser.type_into("#answer", "It has been like this for a year.");
    browser.click("#submit");
    browser.wait_for(
        "!document.getElementById('result').hidden",
        "the first submission",
    );
    browser.screenshot("01-employee-receipt");
    let mut receipts = vec![browser.text("#receipt")];

    // k−2 more: k−1 distinct employees on one theme.
    receipts.extend(submit_through_page(
        &browser,
        &base,
        &tokens[1..k - 1],
        &APPROVALS[1..k - 1],
    ));
    assert_eq!(receipts.len(), k - 1);
    let first = release(26);
    assert_eq!(first.visible_cells, 0, "{first:?}");

    browser.goto(&format!("{base}/manager#token={manager}"));
    browser.wait_for(
        "!document.getElementById('empty').hidden",
        "the empty dashboard line",
    );
    browser.screenshot("02-manager-below-k");
    let text = browser.body_text();
    assert!(
        text.contains("Themes appear once at least 5 people raised them."),
        "{text}"
    );
    assert_eq!(
        browser.script("return document.querySelectorAll('article.theme').length;"),
        json!(0)
    );
    let source = browser.command("GET", "/source", None);
    let source = source.as_str().unwrap();
    for leak in ["process", "Process", "approval", "Approval", "4 people"] {
        assert!(
            !source.contains(leak),
            "the dashboard names nothing about the hidden theme ({leak})"
        );
    }

    // The k-th employee.
    receipts.extend(submit_through_page(
        &browser,
        &base,
        &tokens[k - 1..],
        &APPROVALS[k - 1..k],
    ));
    let second = release(27);
    assert!(second.visible_cells >= 1, "{second:?}");

    browser.goto(&format!("{base}/"));
    browser.goto(&format!("{base}/manager#token={manager}"));
    browser.wait_for(
        "document.querySelectorAll('article.theme').length > 0",
        "a visible theme card",
    );
    assert_eq!(
        browser.script("return document.getElementById('empty').hidden;"),
        json!(true)
    );
    let card = browser.text("article.theme");
    assert!(card.contains("5 people"), "{card}");
    assert!(card.contains("Suggested action:"), "{card}");
    assert_eq!(
        browser.script(
            "return document.querySelectorAll('article.theme svg.sentiment rect.bar').length > 0;"
        ),
        json!(true),
        "an inline SVG sentiment bar"
    );
    browser.screenshot("03-manager-theme-visible");

    // "You said, we did": the manager answers; an employee reads it.
    let answer = "We are cutting the approval chain to one sign-off from Monday.";
    browser.type_into("article.theme form.respond textarea", answer);
    browser.click("article.theme form.respond button");
    browser.wait_for(
        "document.querySelector('article.theme .respond-status').textContent === 'Answer published.'",
        "the published answer",
    );
    browser.goto(&format!("{base}/"));
    browser.goto(&format!("{base}/receipt#receipt={}", receipts[0]));
    browser.wait_for(
        "!document.getElementById('receipt-view').hidden && document.querySelectorAll('#answers li').length === 1",
        "the answer on the receipt page",
    );
    assert!(browser.text("#answers").contains(answer));
    browser.screenshot("04-receipt-answered");

    drop(browser);
    let _ = stop.send(());
    rt.block_on(server).unwrap();
    drop(w);
}
