//! The server under a saturated hashing pool, and the canary sweep of
//! guarantee 23 over everything the HTTP layer emits.

mod common;

use std::sync::{Arc, Mutex};

use axum::http::{Method, StatusCode};
use kataloop_pseudonymity::HashingPool;
use kataloop_server::hygiene::RateLimit;
use kataloop_service::submission::Pipeline;

use common::*;

const LIMIT: RateLimit = RateLimit {
    per_minute: 60_000,
    burst: 10_000,
};

/// When the bounded hashing pool is full, a submission is refused at once
/// with 503 and Retry-After (never queued without bound), nothing of it is
/// stored, and managers' reads keep answering meanwhile.
#[tokio::test(flavor = "multi_thread")]
async fn a_saturated_hashing_pool_answers_503_and_reads_keep_working() {
    // One hashing thread, one waiting place, production cost 10.
    let w = world_with_pipeline(LIMIT, |kek| {
        Pipeline::new(kek, HashingPool::new(1, 1).unwrap(), 10).unwrap()
    })
    .await;
    let manager = w.a.manager(None);
    let mut tasks = Vec::new();
    for i in 0..8 {
        let app = w.app.clone();
        let invite = w.a.invite(&format!("burst-{i}"), None);
        tasks.push(tokio::spawn(async move {
            call(
                &app,
                Method::POST,
                "/api/v1/rides",
                Some(&invite),
                &[],
                Some(conversation("The build takes an hour and nobody fixes it")),
            )
            .await
        }));
    }
    let read = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&manager),
        &[],
        None,
    )
    .await;
    assert_eq!(
        read.status,
        StatusCode::OK,
        "reads must not wait for hashing"
    );
    let mut created = 0;
    let mut busy = 0;
    for task in tasks {
        let answer = task.await.unwrap();
        match answer.status {
            StatusCode::CREATED => created += 1,
            StatusCode::SERVICE_UNAVAILABLE => {
                busy += 1;
                assert_eq!(answer.code(), "busy");
                assert!(answer.headers.get("retry-after").is_some());
            }
            other => panic!("unexpected {other}: {:?}", answer.json()),
        }
    }
    assert!(
        created >= 1 && busy >= 1,
        "{created} created, {busy} refused"
    );
    let stored =
        w.db.app_store()
            .tenant(w.a.id)
            .transaction(|tx| Box::pin(async move { kataloop_store::rides::list_ids(tx).await }))
            .await
            .unwrap();
    assert_eq!(stored.len(), created, "refused submissions store nothing");
}

/// Every log line (all levels, all crates), the metrics output and every
/// response body of a full run — submissions, refusals, releases, views,
/// answers, receipts, bad and foreign credentials — contain no canary HR id,
/// feedback text or token, raw or encoded.
#[tokio::test(flavor = "multi_thread")]
async fn guarantee_23_no_canary_in_logs_metrics_or_bodies() {
    let logs: Arc<Mutex<Vec<u8>>> = Arc::default();
    let sink = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || Capture(sink.clone()))
        .finish();
    // Global: spawned tasks and pool threads log too.
    tracing::subscriber::set_global_default(subscriber)
        .expect("the only subscriber of this test binary");
    tracing::info!("log capture started");

    let w = world().await;
    let mut bodies: Vec<Vec<u8>> = Vec::new();
    let mut canaries: Vec<String> = vec!["CANARYTEXT".into()];
    for i in 0..6 {
        let hr = format!("CANARY-HR-{i:04}@canary.example");
        let invite = w.a.invite(&hr, Some(w.a.team));
        canaries.push(hr.clone());
        canaries.push(invite.clone());
        let text = format!("CANARYTEXT {i}: approvals take weeks and nobody reads the requests");
        let ok = call(
            &w.app,
            Method::POST,
            "/api/v1/rides",
            Some(&invite),
            &[],
            Some(conversation(&text)),
        )
        .await;
        assert_eq!(ok.status, StatusCode::CREATED);
        bodies.push(ok.body);
        // Refusals: too long, malformed, another tenant's team.
        let long = "CANARYTEXT ".repeat(500);
        bodies.push(
            call(
                &w.app,
                Method::POST,
                "/api/v1/rides",
                Some(&invite),
                &[],
                Some(conversation(&long)),
            )
            .await
            .body,
        );
        bodies.push(
            call(
                &w.app,
                Method::POST,
                "/api/v1/rides",
                Some(&invite),
                &[],
                Some(br#"{"CANARYTEXT": 1"#.to_vec()),
            )
            .await
            .body,
        );
        bodies.push(
            call(
                &w.app,
                Method::POST,
                "/api/v1/guide",
                Some(&invite),
                &[],
                Some(conversation(&text)),
            )
            .await
            .body,
        );
    }
    kataloop_service::operations::release_now(
        &w.db.owner_store(),
        w.a.id,
        w.kek.as_ref(),
        chrono::Utc::now().date_naive(),
        "canary-test",
    )
    .await
    .unwrap();
    let manager = w.a.manager(None);
    canaries.push(manager.clone());
    let view = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&manager),
        &[],
        None,
    )
    .await;
    assert_eq!(view.status, StatusCode::OK);
    bodies.push(view.body);
    let forged = format!("{manager}x");
    canaries.push(forged.clone());
    bodies.push(
        call(
            &w.app,
            Method::GET,
            "/api/v1/themes",
            Some(&forged),
            &[],
            None,
        )
        .await
        .body,
    );
    bodies.push(
        call(
            &w.app,
            Method::GET,
            "/api/v1/themes",
            Some("CANARYTEXT-not-a-token"),
            &[],
            None,
        )
        .await
        .body,
    );
    let other = w.b.manager(None);
    canaries.push(other.clone());
    bodies.push(
        call(
            &w.app,
            Method::GET,
            &format!("/api/v1/themes?team={}", w.a.team),
            Some(&other),
            &[],
            None,
        )
        .await
        .body,
    );
    bodies.push(
        call(&w.app, Method::GET, "/metrics", None, &[], None)
            .await
            .body,
    );
    bodies.push(
        call(
            &w.app,
            Method::GET,
            "/api/v1/receipts/CANARYTEXT",
            None,
            &[],
            None,
        )
        .await
        .body,
    );

    let logs = logs.lock().unwrap().clone();
    assert!(!logs.is_empty(), "the log capture works");
    for canary in &canaries {
        for form in encodings(canary.as_bytes()) {
            assert!(!contains(&logs, &form), "a log line holds a canary");
            for body in &bodies {
                assert!(
                    !contains(body, &form),
                    "a response holds a canary: {}",
                    String::from_utf8_lossy(body)
                );
            }
        }
    }
}

#[derive(Clone)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.len() <= haystack.len() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Raw, hex and base64 (standard and URL-safe, padded or not) forms.
fn encodings(bytes: &[u8]) -> Vec<Vec<u8>> {
    use std::fmt::Write;
    let hex = bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    let b64 = |alphabet: &[u8; 64]| {
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
                << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        out
    };
    vec![
        bytes.to_vec(),
        hex.clone().into_bytes(),
        hex.to_uppercase().into_bytes(),
        b64(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/").into_bytes(),
        b64(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").into_bytes(),
    ]
}

/// Graceful shutdown finishes the rides in flight: a submission that is
/// still hashing (bcrypt cost 10) when the stop signal arrives is answered
/// 201 and stored; afterwards the port is closed.
#[tokio::test(flavor = "multi_thread")]
async fn graceful_shutdown_finishes_rides_in_flight() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let w = world_with_pipeline(LIMIT, |kek| {
        Pipeline::new(kek, HashingPool::new(1, 4).unwrap(), 12).unwrap()
    })
    .await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(kataloop_server::serve::serve(
        listener,
        None,
        kataloop_server::router(w.state.clone()),
        async {
            let _ = stopped.await;
        },
        std::time::Duration::from_secs(30),
    ));

    let invite = w.a.invite("in-flight", None);
    let body = conversation("The deploy pipeline breaks every friday afternoon");
    let request = format!(
        "POST /api/v1/rides HTTP/1.1\r\nhost: localhost\r\nauthorization: Bearer {invite}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tcp.write_all(request.as_bytes()).await.unwrap();
    tcp.write_all(&body).await.unwrap();
    // Give the server a moment to accept and start on the ride (hashing at
    // cost 12 takes ≈ 0.25 s or more), then stop it. If the ride already
    // finished, the assertions below still hold; they never depend on time.
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    stop.send(()).unwrap();
    let mut response = String::new();
    tcp.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");
    server.await.unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "the port is closed"
    );
    let stored =
        w.db.app_store()
            .tenant(w.a.id)
            .transaction(|tx| Box::pin(async move { kataloop_store::rides::list_ids(tx).await }))
            .await
            .unwrap();
    assert_eq!(stored.len(), 1);
}
