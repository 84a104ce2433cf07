//! A minimal HTTPS client for load: one keep-alive HTTP/1.1 connection per
//! worker over TLS 1.3, trusting the bench's self-signed certificate.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;

/// TLS settings for the bench's clients: TLS 1.3 only, the dev certificate
/// as the only root.
pub fn client_config(cert: &Path) -> Result<Arc<rustls::ClientConfig>, String> {
    let pem = std::fs::read(cert).map_err(|e| format!("certificate: {e}"))?;
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pemfile::certs(&mut pem.as_slice()) {
        roots
            .add(c.map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_protocol_versions(&[&rustls::version::TLS13])
    .map_err(|e| e.to_string())?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(Arc::new(config))
}

/// One client connection.
pub struct Conn {
    send: SendRequest<Full<Bytes>>,
}

impl Conn {
    pub async fn open(addr: &str, tls: &Arc<rustls::ClientConfig>) -> Result<Conn, String> {
        let tcp = tokio::net::TcpStream::connect(addr)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        tcp.set_nodelay(true).map_err(|e| e.to_string())?;
        let name = ServerName::try_from("localhost").map_err(|e| e.to_string())?;
        let stream = tokio_rustls::TlsConnector::from(tls.clone())
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS: {e}"))?;
        let (send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("HTTP: {e}"))?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(Conn { send })
    }

    /// Sends one request; returns the status, the body and the latency.
    pub async fn call(
        &mut self,
        method: &str,
        path: &str,
        bearer: &str,
        body: Option<String>,
    ) -> Result<(u16, Bytes, Duration), String> {
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", "localhost")
            .header("authorization", format!("Bearer {bearer}"));
        if body.is_some() {
            req = req.header("content-type", "application/json");
        }
        let req = req
            .body(Full::new(Bytes::from(body.unwrap_or_default())))
            .map_err(|e| e.to_string())?;
        let start = Instant::now();
        self.send
            .ready()
            .await
            .map_err(|e| format!("connection: {e}"))?;
        let resp = self
            .send
            .send_request(req)
            .await
            .map_err(|e| format!("request: {e}"))?;
        let status = resp.status().as_u16();
        let body = resp
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("body: {e}"))?
            .to_bytes();
        Ok((status, body, start.elapsed()))
    }
}

/// Percentile of latencies (p in 0..=100).
pub fn percentile(latencies: &mut [Duration], p: f64) -> Duration {
    if latencies.is_empty() {
        return Duration::ZERO;
    }
    latencies.sort();
    let i = ((p / 100.0) * (latencies.len() - 1) as f64).round() as usize;
    latencies[i.min(latencies.len() - 1)]
}
