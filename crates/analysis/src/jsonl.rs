//! The line format of `kataloop-admin analyze --jsonl`.
//!
//! Input, one JSON object per line: `{"id": ..., "text": "..."}` (the id is
//! echoed back as given: string or number). Output, one line per input line,
//! in input order:
//!
//! ```text
//! {"id":"r1","theme":"workload","confidence":0.912,"secondary_theme":null,"sentiment":-0.634,"keyphrases":["..."],"summary":"..."}
//! ```
//!
//! or, for a line that cannot be analysed, `{"id":<id or null>,"error":"..."}`
//! with the same messages as `anonymize --jsonl`.

use serde::Serialize;
use serde_json::Value;

use crate::analyzer::Analyzer;

/// Longest accepted text, in bytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

#[derive(Serialize)]
struct Output<'a> {
    id: &'a Value,
    theme: &'static str,
    confidence: f64,
    secondary_theme: Option<&'static str>,
    sentiment: f64,
    keyphrases: &'a [String],
    summary: &'a str,
}

#[derive(Serialize)]
struct ErrorOutput<'a> {
    id: &'a Value,
    error: &'a str,
}

fn round3(x: f32) -> f64 {
    let x = f64::from(x);
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

fn error_line(id: &Value, message: &str) -> String {
    serde_json::to_string(&ErrorOutput { id, error: message })
        .unwrap_or_else(|_| String::from(r#"{"id":null,"error":"internal error"}"#))
}

/// Analyses one input line and returns the output line (without newline).
/// Never panics; malformed input gives an error line.
pub fn process_jsonl_line(line: &str, model: &Analyzer) -> String {
    let null = Value::Null;
    // Same parsing rules and messages as `anonymize --jsonl`.
    let value: Value = match serde_json::from_str(line.trim_end_matches(['\r', '\n'])) {
        Ok(v) => v,
        Err(e) => return error_line(&null, &format!("invalid JSON: {e}")),
    };
    let Value::Object(map) = &value else {
        return error_line(&null, "expected a JSON object");
    };
    let id = match map.get("id") {
        Some(v @ (Value::String(_) | Value::Number(_))) => v,
        Some(_) => return error_line(&null, "\"id\" must be a string or a number"),
        None => return error_line(&null, "missing \"id\""),
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s,
        Some(_) => return error_line(id, "\"text\" must be a string"),
        None => return error_line(id, "missing \"text\""),
    };
    if text.len() > MAX_TEXT_BYTES {
        return error_line(id, "\"text\" is longer than 65536 bytes");
    }
    let a = model.analyze(text);
    let out = Output {
        id,
        theme: a.theme.slug(),
        confidence: round3(a.confidence),
        secondary_theme: a.secondary_theme.map(|t| t.slug()),
        sentiment: round3(a.sentiment),
        keyphrases: &a.keyphrases,
        summary: &a.summary,
    };
    serde_json::to_string(&out).unwrap_or_else(|_| error_line(id, "internal error"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_fields_in_order() {
        let a = Analyzer::shipped();
        let out = process_jsonl_line(r#"{"id":"r1","text":"My laptop crashes every day."}"#, a);
        let v: Value = serde_json::from_str(&out).unwrap_or(Value::Null);
        assert_eq!(v["id"], "r1");
        assert_eq!(v["theme"], "tools");
        let keys: Vec<&str> = out
            .split("\":")
            .filter_map(|s| s.rsplit('"').next())
            .collect();
        assert_eq!(
            &keys[..7],
            [
                "id",
                "theme",
                "confidence",
                "secondary_theme",
                "sentiment",
                "keyphrases",
                "summary"
            ]
        );
    }

    #[test]
    fn malformed_lines_give_error_lines() {
        let a = Analyzer::shipped();
        assert!(process_jsonl_line("{", a).starts_with(r#"{"id":null,"error":"invalid JSON: "#));
        assert_eq!(
            process_jsonl_line("[1,2]", a),
            r#"{"id":null,"error":"expected a JSON object"}"#
        );
        assert_eq!(
            process_jsonl_line(r#"{"id":7}"#, a),
            r#"{"id":7,"error":"missing \"text\""}"#
        );
        assert_eq!(
            process_jsonl_line(r#"{"id":"x","text":3}"#, a),
            r#"{"id":"x","error":"\"text\" must be a string"}"#
        );
        assert!(process_jsonl_line(r#"{"text":"hi"}"#, a).contains("missing \\\"id\\\""));
    }
}
