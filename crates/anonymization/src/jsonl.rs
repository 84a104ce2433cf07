//! The line format of `kataloop-admin anonymize --jsonl`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::engine::redact;
use crate::Policy;

/// One input line: `{"id": "...", "text": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonlInput {
    /// The caller's id, echoed back (a string or a number).
    pub id: Value,
    /// The text to redact.
    pub text: String,
}

/// One span of an output line, offsets in Unicode code points of the input,
/// end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonlSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The kind label (`PERSON`, `EMAIL`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Confidence in 0.0..=1.0.
    pub score: f32,
}

/// One output line: either the redaction or, for a malformed input line,
/// an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum JsonlOutput {
    /// `{"id": "...", "redacted": "...", "spans": [...]}`
    Redacted {
        /// The input id.
        id: Value,
        /// The redacted text.
        redacted: String,
        /// What was redacted, in input order.
        spans: Vec<JsonlSpan>,
    },
    /// `{"id": <id or null>, "error": "..."}`
    Error {
        /// The input id when it could be read, else null.
        id: Value,
        /// What was wrong with the line.
        error: String,
    },
}

fn parse_line(line: &str) -> Result<JsonlInput, (Value, String)> {
    let value: Value = serde_json::from_str(line.trim_end_matches(['\r', '\n']))
        .map_err(|e| (Value::Null, format!("invalid JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err((Value::Null, "expected a JSON object".to_owned()));
    };
    let id = match map.get("id") {
        Some(v @ (Value::String(_) | Value::Number(_))) => v.clone(),
        Some(_) => {
            return Err((
                Value::Null,
                "\"id\" must be a string or a number".to_owned(),
            ))
        }
        None => return Err((Value::Null, "missing \"id\"".to_owned())),
    };
    match map.get("text") {
        Some(Value::String(t)) => Ok(JsonlInput {
            id,
            text: t.clone(),
        }),
        Some(_) => Err((id, "\"text\" must be a string".to_owned())),
        None => Err((id, "missing \"text\"".to_owned())),
    }
}

/// Redacts one JSONL line and returns one output line (without newline).
/// Malformed lines give `{"id": <id or null>, "error": "..."}`; this never
/// panics, so a caller can loop over stdin and keep going.
///
/// ```
/// use kataloop_anonymization::{process_jsonl_line, Policy};
/// let out = process_jsonl_line(r#"{"id": "7", "text": "ping @jsmith"}"#, &Policy::default());
/// assert_eq!(
///     out,
///     r#"{"id":"7","redacted":"ping [HANDLE]","spans":[{"start":5,"end":12,"type":"HANDLE","score":0.85}]}"#
/// );
/// ```
pub fn process_jsonl_line(line: &str, policy: &Policy) -> String {
    let output = match parse_line(line) {
        Ok(input) => {
            let r = redact(&input.text, policy);
            let mut spans = Vec::with_capacity(r.findings.len());
            // Byte offsets to code points, in one pass.
            let mut chars = 0usize;
            let mut byte = 0usize;
            let mut advance = |to: usize| {
                chars += input.text.get(byte..to).map_or(0, |s| s.chars().count());
                byte = to;
                chars
            };
            for f in &r.findings {
                let start = advance(f.span.start);
                let end = advance(f.span.end);
                spans.push(JsonlSpan {
                    start,
                    end,
                    kind: f.kind.label().to_owned(),
                    score: f.score,
                });
            }
            JsonlOutput::Redacted {
                id: input.id,
                redacted: r.text,
                spans,
            }
        }
        Err((id, error)) => JsonlOutput::Error { id, error },
    };
    serde_json::to_string(&output).unwrap_or_else(|e| {
        format!(
            "{{\"id\":null,\"error\":{}}}",
            Value::String(format!("could not encode output: {e}"))
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points() {
        let out = process_jsonl_line(
            r#"{"id":1,"text":"naïve ☕ ping @jsmith"}"#,
            &Policy::default(),
        );
        let v: Value = serde_json::from_str(&out).unwrap_or(Value::Null);
        assert_eq!(v["id"], 1);
        assert_eq!(v["spans"][0]["start"], 13);
        assert_eq!(v["spans"][0]["end"], 20);
        assert_eq!(v["redacted"], "naïve ☕ ping [HANDLE]");
    }

    #[test]
    fn malformed_lines_give_errors_with_the_id_when_known() {
        let p = Policy::default();
        let cases = [
            ("not json", Value::Null),
            ("[1,2]", Value::Null),
            (r#"{"text":"x"}"#, Value::Null),
            (r#"{"id":"a"}"#, Value::String("a".into())),
            (r#"{"id":"b","text":5}"#, Value::String("b".into())),
            ("", Value::Null),
        ];
        for (line, id) in cases {
            let v: Value =
                serde_json::from_str(&process_jsonl_line(line, &p)).unwrap_or(Value::Null);
            assert_eq!(v["id"], id, "{line}");
            assert!(v["error"].is_string(), "{line}");
            assert!(v.get("redacted").is_none());
        }
    }
}
