//! Optional language-model summaries.
//!
//! `LanguageModel` abstracts a chat-completions backend (for example a
//! company's self-hosted model). It only ever receives PII-stripped text,
//! and whatever it returns is checked before use: no run of four words from
//! the ride, nothing that looks like personal data (e-mail addresses, URLs,
//! @handles, long digit runs, redaction placeholders), nothing the caller's
//! PII detector flags, and a sane length. On any failure the template
//! summary is used instead.
//!
//! The HTTP client for OpenAI-compatible endpoints (`OpenAiCompatible`) is
//! behind the `llm` cargo feature, off by default. It speaks plain HTTP/1.1
//! with the standard library only; put a TLS-terminating proxy in front of
//! an `https` endpoint.

use crate::analyzer::Analyzer;
use crate::text::shares_run_of;

/// One chat message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChatMessage {
    /// "system", "user" or "assistant".
    pub role: String,
    pub content: String,
}

/// Why a language-model answer was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LlmError {
    #[error("transport error: {0}")]
    Transport(String),
    #[error("endpoint answered HTTP {0}")]
    Status(u16),
    #[error("malformed response: {0}")]
    Malformed(String),
    #[error("unsupported endpoint: {0}")]
    Endpoint(String),
    #[error("answer rejected: {0}")]
    Rejected(&'static str),
}

/// A chat-completions backend.
pub trait LanguageModel {
    /// The assistant's reply to `messages`.
    fn complete(&self, messages: &[ChatMessage]) -> Result<String, LlmError>;
}

/// Longest accepted summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 600;

const SYSTEM_PROMPT: &str =
    "You summarise one piece of anonymous workplace feedback for an HR report. \
Write one or two neutral sentences in your own words. Never quote the feedback and never repeat \
more than three words of it in a row. Do not mention names, teams, places, dates or any detail \
that could identify a person. Reply with the summary only.";

/// Whether `text` contains something that looks like personal data or a
/// redaction placeholder: an e-mail address, a URL, an @handle, a run of
/// five or more digits, or a bracketed upper-case tag such as `[NAME]`.
pub fn looks_like_pii(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut digits = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 5 {
                return true;
            }
        } else if !(c == ' ' || c == '-') || digits == 0 {
            digits = 0;
        }
        // user@example.com or @handle
        if c == '@' && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric()) {
            return true;
        }
        if matches!(c, '[' | '<' | '{') {
            let close = match c {
                '[' => ']',
                '<' => '>',
                _ => '}',
            };
            let inner: String = chars[i + 1..]
                .iter()
                .take_while(|&&x| x != close)
                .take(41)
                .collect();
            if !inner.is_empty()
                && inner.len() <= 40
                && inner.chars().any(char::is_uppercase)
                && inner
                    .chars()
                    .all(|x| x.is_uppercase() || x.is_ascii_digit() || x == '_')
            {
                return true;
            }
        }
    }
    false
}

/// Checks a model's summary of `ride`; returns it trimmed when acceptable.
pub fn check_llm_summary(
    summary: &str,
    ride: &str,
    contains_pii: &dyn Fn(&str) -> bool,
) -> Result<String, LlmError> {
    let s = summary.trim();
    if s.is_empty() {
        return Err(LlmError::Rejected("empty"));
    }
    if s.chars().count() > MAX_SUMMARY_CHARS {
        return Err(LlmError::Rejected("too long"));
    }
    if shares_run_of(s, ride, crate::summary::MAX_SHARED_RUN) {
        return Err(LlmError::Rejected("quotes the ride"));
    }
    if looks_like_pii(s) || contains_pii(s) {
        return Err(LlmError::Rejected("contains personal data"));
    }
    Ok(s.to_owned())
}

/// Asks `lm` for a summary of the PII-stripped `ride` and checks it.
pub fn llm_summary(
    lm: &dyn LanguageModel,
    ride: &str,
    contains_pii: &dyn Fn(&str) -> bool,
) -> Result<String, LlmError> {
    let messages = [
        ChatMessage {
            role: "system".into(),
            content: SYSTEM_PROMPT.into(),
        },
        ChatMessage {
            role: "user".into(),
            content: ride.into(),
        },
    ];
    let answer = lm.complete(&messages)?;
    check_llm_summary(&answer, ride, contains_pii)
}

impl Analyzer {
    /// The language model's summary when it passes the checks, otherwise
    /// the template summary.
    pub fn summarize_with(
        &self,
        lm: &dyn LanguageModel,
        ride: &str,
        contains_pii: &dyn Fn(&str) -> bool,
    ) -> String {
        llm_summary(lm, ride, contains_pii).unwrap_or_else(|_| self.summarize(ride))
    }
}

#[cfg(feature = "llm")]
pub use client::OpenAiCompatible;

#[cfg(feature = "llm")]
mod client {
    use std::io::{Read, Write};
    use std::net::{TcpStream, ToSocketAddrs};
    use std::time::Duration;

    use super::{ChatMessage, LanguageModel, LlmError};

    /// Largest response body accepted.
    const MAX_RESPONSE: u64 = 1 << 20;

    /// Client for an OpenAI-compatible `/v1/chat/completions` endpoint over
    /// plain HTTP (e.g. a self-hosted model on the company network, or a
    /// local TLS-terminating proxy).
    #[derive(Debug, Clone)]
    pub struct OpenAiCompatible {
        host: String,
        port: u16,
        path: String,
        model: String,
        api_key: Option<String>,
        timeout: Duration,
    }

    impl OpenAiCompatible {
        /// `endpoint` is the full URL, e.g.
        /// `http://127.0.0.1:8080/v1/chat/completions`.
        pub fn new(endpoint: &str, model: &str, api_key: Option<String>) -> Result<Self, LlmError> {
            let rest = endpoint
                .strip_prefix("http://")
                .ok_or_else(|| LlmError::Endpoint("only http:// URLs are supported".into()))?;
            let (authority, path) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, "/v1/chat/completions"),
            };
            let (host, port) = match authority.rsplit_once(':') {
                Some((h, p)) => (
                    h,
                    p.parse::<u16>()
                        .map_err(|_| LlmError::Endpoint(format!("bad port in {endpoint}")))?,
                ),
                None => (authority, 80),
            };
            if host.is_empty() || path.contains(['\r', '\n', ' ']) {
                return Err(LlmError::Endpoint(endpoint.to_owned()));
            }
            Ok(OpenAiCompatible {
                host: host.to_owned(),
                port,
                path: path.to_owned(),
                model: model.to_owned(),
                api_key,
                timeout: Duration::from_secs(30),
            })
        }

        /// Connect/read/write timeout (default 30 s).
        pub fn with_timeout(mut self, timeout: Duration) -> Self {
            self.timeout = timeout;
            self
        }
    }

    fn transport(e: std::io::Error) -> LlmError {
        LlmError::Transport(e.to_string())
    }

    fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, LlmError> {
        let mut out = Vec::new();
        loop {
            let line_end = body
                .windows(2)
                .position(|w| w == b"\r\n")
                .ok_or_else(|| LlmError::Malformed("bad chunk".into()))?;
            let size_text = std::str::from_utf8(&body[..line_end])
                .map_err(|_| LlmError::Malformed("bad chunk size".into()))?;
            let size_text = size_text.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size_text, 16)
                .map_err(|_| LlmError::Malformed("bad chunk size".into()))?;
            body = &body[line_end + 2..];
            if size == 0 {
                return Ok(out);
            }
            if body.len() < size {
                return Err(LlmError::Malformed("truncated chunk".into()));
            }
            out.extend_from_slice(&body[..size]);
            body = body.get(size + 2..).unwrap_or(&[]);
        }
    }

    impl LanguageModel for OpenAiCompatible {
        fn complete(&self, messages: &[ChatMessage]) -> Result<String, LlmError> {
            let body = serde_json::json!({
                "model": self.model,
                "messages": messages,
                "temperature": 0,
            })
            .to_string();
            let addr = (self.host.as_str(), self.port)
                .to_socket_addrs()
                .map_err(transport)?
                .next()
                .ok_or_else(|| LlmError::Transport("host did not resolve".into()))?;
            let mut stream = TcpStream::connect_timeout(&addr, self.timeout).map_err(transport)?;
            stream
                .set_read_timeout(Some(self.timeout))
                .map_err(transport)?;
            stream
                .set_write_timeout(Some(self.timeout))
                .map_err(transport)?;
            let mut request = format!(
                "POST {} HTTP/1.1\r\nHost: {}:{}\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
                self.path,
                self.host,
                self.port,
                body.len()
            );
            if let Some(key) = &self.api_key {
                if key.contains(['\r', '\n']) {
                    return Err(LlmError::Endpoint("API key contains a line break".into()));
                }
                request.push_str(&format!("Authorization: Bearer {key}\r\n"));
            }
            request.push_str("\r\n");
            request.push_str(&body);
            stream.write_all(request.as_bytes()).map_err(transport)?;
            let mut raw = Vec::new();
            stream
                .take(MAX_RESPONSE)
                .read_to_end(&mut raw)
                .map_err(transport)?;
            let header_end = raw
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .ok_or_else(|| LlmError::Malformed("no header end".into()))?;
            let head = String::from_utf8_lossy(&raw[..header_end]).to_string();
            let mut lines = head.split("\r\n");
            let status = lines
                .next()
                .and_then(|l| l.split(' ').nth(1))
                .and_then(|s| s.parse::<u16>().ok())
                .ok_or_else(|| LlmError::Malformed("no status line".into()))?;
            let chunked = lines.any(|l| {
                let l = l.to_ascii_lowercase();
                l.starts_with("transfer-encoding:") && l.contains("chunked")
            });
            if !(200..300).contains(&status) {
                return Err(LlmError::Status(status));
            }
            let payload = &raw[header_end + 4..];
            let payload = if chunked {
                dechunk(payload)?
            } else {
                payload.to_vec()
            };
            let v: serde_json::Value =
                serde_json::from_slice(&payload).map_err(|e| LlmError::Malformed(e.to_string()))?;
            v["choices"][0]["message"]["content"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| LlmError::Malformed("no choices[0].message.content".into()))
        }
    }

    #[cfg(test)]
    mod tests {
        use std::io::{BufRead, BufReader, Read, Write};
        use std::net::TcpListener;
        use std::thread;

        use super::*;
        use crate::llm::llm_summary;

        /// A stand-in chat-completions server on 127.0.0.1: answers one
        /// request with `content` and hands back the request body it got.
        fn stand_in(content: &'static str, chunked: bool) -> (String, thread::JoinHandle<String>) {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
            let addr = listener
                .local_addr()
                .unwrap_or_else(|e| panic!("addr: {e}"));
            let handle = thread::spawn(move || {
                let Ok((stream, _)) = listener.accept() else {
                    return String::new();
                };
                let mut reader = BufReader::new(stream);
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0u8; length];
                let _ = reader.read_exact(&mut body);
                let answer = serde_json::json!({
                    "choices": [{"message": {"role": "assistant", "content": content}}]
                })
                .to_string();
                let mut stream = reader.into_inner();
                let response = if chunked {
                    let (a, b) = answer.split_at(answer.len() / 2);
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
                        a.len(),
                        b.len()
                    )
                } else {
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{answer}",
                        answer.len()
                    )
                };
                let _ = stream.write_all(response.as_bytes());
                String::from_utf8_lossy(&body).to_string()
            });
            (format!("http://{addr}/v1/chat/completions"), handle)
        }

        const RIDE: &str = "The approval chain for a new keyboard took three weeks and four forms.";

        #[test]
        fn accepted_summary_from_stand_in_server() {
            let (url, server) = stand_in(
                "An employee reports slow purchase approvals for small equipment.",
                false,
            );
            let lm = OpenAiCompatible::new(&url, "local-model", Some("k".into()))
                .unwrap_or_else(|e| panic!("{e}"));
            let got = llm_summary(&lm, RIDE, &|_| false);
            let request = server.join().unwrap_or_default();
            assert_eq!(
                got.as_deref(),
                Ok("An employee reports slow purchase approvals for small equipment.")
            );
            assert!(request.contains("local-model") && request.contains("keyboard"));
        }

        #[test]
        fn quoting_answer_is_rejected_chunked() {
            let (url, server) = stand_in(
                "They said: the approval chain for a new keyboard took ages.",
                true,
            );
            let lm = OpenAiCompatible::new(&url, "m", None).unwrap_or_else(|e| panic!("{e}"));
            let got = llm_summary(&lm, RIDE, &|_| false);
            let _ = server.join();
            assert_eq!(got, Err(LlmError::Rejected("quotes the ride")));
        }

        #[test]
        fn unreachable_endpoint_is_an_error() {
            // Bind then drop to get a closed local port.
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .unwrap_or(9);
            let lm = OpenAiCompatible::new(
                &format!("http://127.0.0.1:{port}/v1/chat/completions"),
                "m",
                None,
            )
            .unwrap_or_else(|e| panic!("{e}"))
            .with_timeout(Duration::from_secs(2));
            assert!(matches!(
                llm_summary(&lm, RIDE, &|_| false),
                Err(LlmError::Transport(_))
            ));
            assert!(OpenAiCompatible::new("https://x/v1", "m", None).is_err());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Canned(&'static str);
    impl LanguageModel for Canned {
        fn complete(&self, _: &[ChatMessage]) -> Result<String, LlmError> {
            Ok(self.0.to_owned())
        }
    }

    const RIDE: &str = "Nobody told us about the office move until the week before it happened.";

    #[test]
    fn checks_apply_to_model_output() {
        let ok = Canned("An employee feels changes are announced too late.");
        assert!(llm_summary(&ok, RIDE, &|_| false).is_ok());
        let quoting = Canned("Staff say nobody told us about the move.");
        assert_eq!(
            llm_summary(&quoting, RIDE, &|_| false),
            Err(LlmError::Rejected("quotes the ride"))
        );
        for leaky in [
            "Contact jane.doe@example.com for details.",
            "See https://intranet/page.",
            "Call 0151 2345678.",
            "[NAME] is unhappy.",
            "@jdoe is unhappy.",
        ] {
            assert!(looks_like_pii(leaky), "{leaky}");
        }
        let flagged = Canned("An employee mentions Bob.");
        assert!(llm_summary(&flagged, RIDE, &|s| s.contains("Bob")).is_err());
    }

    #[test]
    fn falls_back_to_template_summary() {
        let a = Analyzer::shipped();
        let s = a.summarize_with(&Canned(RIDE), RIDE, &|_| false);
        assert_eq!(s, a.summarize(RIDE));
        assert!(!looks_like_pii("Negative feedback about communication."));
    }
}
