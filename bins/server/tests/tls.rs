//! Guarantee 24 over a real socket: the server speaks TLS 1.3 only (a TLS
//! 1.2 client and a plaintext HTTP client are refused), HTTPS responses
//! carry the security headers, and the server stops when told to (graceful
//! shutdown), with no process left.

use std::sync::Arc;
use std::time::Duration;

use kataloop_server::{router, serve};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod common;

fn client(
    versions: &[&'static rustls::SupportedProtocolVersion],
    cert: &CertificateDer<'static>,
) -> tokio_rustls::TlsConnector {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.clone()).unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_protocol_versions(versions)
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_24_tls13_only_with_security_headers() {
    let w = common::world().await;
    let generated = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let cert = generated.cert.der().clone();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(generated.key_pair.serialize_der()));
    let tls = serve::tls_config_from(vec![cert.clone()], key).unwrap();

    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve::serve(
        listener,
        Some(tls),
        router(w.state.clone()),
        async {
            let _ = stopped.await;
        },
        Duration::from_secs(5),
    ));
    let name = ServerName::try_from("localhost").unwrap();

    // A TLS 1.2-only client cannot complete a handshake.
    let tcp = TcpStream::connect(addr).await.unwrap();
    let old = client(&[&rustls::version::TLS12], &cert)
        .connect(name.clone(), tcp)
        .await;
    assert!(old.is_err(), "a TLS 1.2 client was accepted");

    // A plaintext HTTP client gets no HTTP answer at all: the connection
    // ends (or carries a TLS alert), and nothing is served.
    let mut plain = TcpStream::connect(addr).await.unwrap();
    plain
        .write_all(b"GET /healthz HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), plain.read_to_end(&mut answer)).await;
    assert!(
        !answer.starts_with(b"HTTP/"),
        "a plaintext request was answered: {}",
        String::from_utf8_lossy(&answer)
    );

    // TLS 1.3: the answer carries the headers.
    for path in ["/healthz", "/no-such-page"] {
        let tcp = TcpStream::connect(addr).await.unwrap();
        let mut tls = client(&[&rustls::version::TLS13], &cert)
            .connect(name.clone(), tcp)
            .await
            .unwrap();
        assert_eq!(
            tls.get_ref().1.protocol_version(),
            Some(rustls::ProtocolVersion::TLSv1_3)
        );
        tls.write_all(
            format!("GET {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n")
                .as_bytes(),
        )
        .await
        .unwrap();
        let mut response = String::new();
        tls.read_to_string(&mut response).await.unwrap_or_default();
        let lower = response.to_ascii_lowercase();
        assert!(
            lower.starts_with("http/1.1 200") || lower.starts_with("http/1.1 404"),
            "{response}"
        );
        assert!(
            lower.contains("strict-transport-security: max-age=63072000; includesubdomains"),
            "{response}"
        );
        assert!(lower.contains("content-security-policy: default-src 'none'"));
        assert!(lower.contains("referrer-policy: no-referrer"));
        assert!(lower.contains("x-content-type-options: nosniff"));
    }

    // Graceful shutdown: the server task ends and the port closes.
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .unwrap()
        .unwrap();
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "still listening after shutdown"
    );
}
