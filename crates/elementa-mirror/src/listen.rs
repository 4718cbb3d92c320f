//! Receiving ABRA Flexi web hooks: a delivery whose secret matches (checked
//! in constant time) and that lists anything past the mirror's position
//! wakes the poll loop. A delivery is never applied itself (its start is
//! unknown, see [`Cursor::on_hook`]); the poll from the saved position
//! does the work.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use elementa_flexi::Cursor;
use elementa_flexi::cursor::HookAction;
use elementa_flexi::hook::{SECRET_HEADER, verify_hook_secret};
use tokio::sync::Notify;

/// What the listener shares with the poll loop.
#[derive(Debug, Clone)]
pub struct Hooks {
    secret: Arc<[u8]>,
    /// The mirror's position, kept up to date by the poll loop.
    pub position: Arc<AtomicU64>,
    /// Woken when a delivery brings something past the position.
    pub wake: Arc<Notify>,
}

impl Hooks {
    /// Hooks checked against `secret` (never empty: an empty secret would
    /// accept an empty header, and is refused by every delivery).
    pub fn new(secret: &[u8]) -> Self {
        Hooks {
            secret: Arc::from(secret),
            position: Arc::new(AtomicU64::new(0)),
            wake: Arc::new(Notify::new()),
        }
    }
}

/// A running listener; stopped when dropped.
#[derive(Debug)]
pub struct Listener {
    /// The address it listens on.
    pub addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Listens on `addr` for deliveries (POST, any path; JSON or XML listing).
/// Answers 401 to a missing or wrong secret, 400 to a body that is not a
/// changes listing, 200 otherwise.
pub async fn listen(addr: SocketAddr, hooks: Hooks) -> std::io::Result<Listener> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let app = Router::new().fallback(deliver).with_state(hooks);
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("the web-hook listener stopped: {e}");
        }
    });
    Ok(Listener { addr, task })
}

async fn deliver(State(hooks): State<Hooks>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = headers.get(SECRET_HEADER).map(|v| v.as_bytes());
    if verify_hook_secret(header, &hooks.secret).is_err() {
        return StatusCode::UNAUTHORIZED;
    }
    let Ok(text) = std::str::from_utf8(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    let page = if text.trim_start().starts_with('<') {
        elementa_flexi::wire::page_from_xml(text)
    } else {
        elementa_flexi::wire::page_from_json(text)
    };
    let Ok(page) = page else {
        return StatusCode::BAD_REQUEST;
    };
    let cursor = Cursor::new(hooks.position.load(Ordering::SeqCst));
    if cursor.on_hook(&page) == HookAction::Poll {
        hooks.wake.notify_one();
    }
    StatusCode::OK
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    async fn post(addr: SocketAddr, secret: Option<&str>, body: &str) -> String {
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let header = secret.map_or(String::new(), |s| format!("{SECRET_HEADER}: {s}\r\n"));
        let request = format!(
            "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{header}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await.unwrap();
        answer.lines().next().unwrap_or_default().to_owned()
    }

    // The body of a delivery as production servers send it
    // (tests/fixtures/flexi/changes.hook.json has the full shape).
    const DELIVERY: &str = r#"{"winstrom":{"@globalVersion":"8","changes":[{"@evidence":"adresar","@in-version":"8","@operation":"update","@timestamp":"2019-06-07 12:34:56.7","id":"1","external-ids":[]}],"next":"none"}}"#;

    #[tokio::test]
    async fn deliveries_wake_the_poll_only_with_the_secret_and_news() {
        let hooks = Hooks::new(b"s3cret");
        hooks.position.store(5, Ordering::SeqCst);
        let listener = listen("127.0.0.1:0".parse().unwrap(), hooks.clone())
            .await
            .unwrap();
        let woken = || async {
            tokio::time::timeout(Duration::from_millis(200), hooks.wake.notified())
                .await
                .is_ok()
        };
        assert!(post(listener.addr, None, DELIVERY).await.contains("401"));
        assert!(
            post(listener.addr, Some("guess!"), DELIVERY)
                .await
                .contains("401")
        );
        assert!(!woken().await);
        assert!(
            post(listener.addr, Some("s3cret"), "{}")
                .await
                .contains("400")
        );
        assert!(
            post(listener.addr, Some("s3cret"), DELIVERY)
                .await
                .contains("200")
        );
        assert!(woken().await);
        // Already applied: no wake.
        hooks.position.store(9, Ordering::SeqCst);
        assert!(
            post(listener.addr, Some("s3cret"), DELIVERY)
                .await
                .contains("200")
        );
        assert!(!woken().await);
    }
}
