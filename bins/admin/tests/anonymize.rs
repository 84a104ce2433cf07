//! `kataloop-admin anonymize --jsonl` end to end through the binary.

use std::io::Write;
use std::process::{Command, Stdio};

fn admin(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kataloop-admin"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn redacts_each_line_in_order_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\":\"a\",\"text\":\"Ask María at maria.lopez@acme.com about it\"}\n",
        "not json at all\n",
        "{\"id\":\"c\",\"text\":\"The Q3 2025 release slipped again\"}\n",
    );
    let (code, stdout, stderr) = admin(&["anonymize", "--jsonl"], input);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    let redacted = lines[0]["redacted"].as_str().unwrap();
    assert!(!redacted.contains("maria.lopez@acme.com"), "{redacted}");
    assert!(redacted.contains("[EMAIL]"), "{redacted}");
    // Offsets are in code points: "Ask María at " is 13 characters.
    let email = lines[0]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "EMAIL")
        .unwrap();
    assert_eq!(email["start"], 13);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["redacted"], "The Q3 2025 release slipped again");
}

#[test]
fn without_jsonl_it_is_a_usage_error() {
    let (code, _, stderr) = admin(&["anonymize"], "");
    assert_eq!(code, 2, "{stderr}");
}
