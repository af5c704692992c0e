//! The HTTP listener of the intake daemon: our own accept loop around hyper,
//! because `axum::serve` sets no timer (so hyper's header-read timeout is
//! inert) and caps nothing (so idle connections exhausted the descriptors).
//!
//! Owns, per connection: a header-read timeout that also ends idle
//! keep-alive connections and slow-loris clients, and the same limit on a
//! client that stops reading its answer; and, over all of them, a
//! cap below the descriptor limit. At the cap the oldest connection that is
//! not inside a request is dropped, so a new client is served; when every
//! connection is inside a request, accepting waits for one to end (the
//! kernel's backlog holds the rest). Accept errors back off. Shutdown stops
//! accepting, lets requests in flight finish (bounded), then returns.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tower_service::Service;

/// Connections the kernel may hold before we accept them. The default of
/// std and tokio (128) overflowed under 1 000 clients at once: dropped SYNs
/// came back a second later (p99 ≈ 1 s). The kernel caps it at somaxconn.
pub const BACKLOG: u32 = 4096;

/// Bind the listener with a backlog fit for a burst of clients.
pub fn bind(addr: std::net::SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// How often a persisting accept failure is logged.
const SAY_EVERY: Duration = Duration::from_secs(10);

/// Descriptors kept back from the cap for the database, the spool, logs and hooks.
pub const RESERVED_DESCRIPTORS: u64 = 64;

/// Limits of the listener.
#[derive(Debug, Clone, Copy)]
pub struct ServerLimits {
    /// Open connections at most.
    pub max_connections: usize,
    /// Time allowed for a request's headers, counted from when the
    /// connection waits for them (so also an idle keep-alive connection).
    pub header_timeout: Duration,
    /// How long requests in flight may take to finish at shutdown.
    pub drain_timeout: Duration,
}

impl ServerLimits {
    /// Limits that fit this process's descriptor limit.
    pub fn for_this_process(header_timeout: Duration, max_connections: Option<usize>) -> Self {
        let soft = crate::sys::nofile_limit().map(|(s, _)| s).unwrap_or(1024);
        let fit = soft.saturating_sub(RESERVED_DESCRIPTORS).max(16) as usize;
        ServerLimits {
            max_connections: max_connections.map_or(fit, |m| m.min(fit)),
            header_timeout,
            drain_timeout: Duration::from_secs(10),
        }
    }
}

/// A connection younger than this is not dropped to make room: its
/// request is on its way (dropping the newest one left every new client
/// without an answer when the others were all inside requests).
const GRACE: Duration = Duration::from_millis(200);

/// One open connection, as the accept loop sees it.
struct Conn {
    accepted: std::time::Instant,
    /// Requests inside the handler now.
    busy: Arc<AtomicUsize>,
    /// Cancelled to drop the connection.
    evict: CancellationToken,
    evicted: bool,
}

#[derive(Default)]
struct Registry {
    next: u64,
    /// By accept order: the first idle one is the oldest.
    open: BTreeMap<u64, Conn>,
}

impl Registry {
    /// Drop the oldest connection that is not inside a request (and past its
    /// grace). False when there is none.
    fn evict_oldest_idle(&mut self) -> bool {
        let victim = self.open.values_mut().find(|c| {
            !c.evicted && c.busy.load(Ordering::SeqCst) == 0 && c.accepted.elapsed() >= GRACE
        });
        match victim {
            Some(c) => {
                c.evicted = true;
                c.evict.cancel();
                true
            }
            None => false,
        }
    }

    fn live(&self) -> usize {
        self.open.values().filter(|c| !c.evicted).count()
    }
}

/// Serve `app` on `listener` until `shutdown`.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ServerLimits,
    shutdown: CancellationToken,
) {
    let registry = Arc::new(Mutex::new(Registry::default()));
    let freed = Arc::new(Notify::new());
    let tasks = tokio_util::task::TaskTracker::new();
    let mut backoff =
        crate::health::Backoff::new(Duration::from_millis(10), Duration::from_secs(1));
    let (mut failures, mut last_said) = (0u64, None);
    loop {
        // At the cap: make room, or wait for a connection to end.
        loop {
            let full = {
                let Ok(mut reg) = registry.lock() else { return };
                reg.live() >= limits.max_connections && !reg.evict_oldest_idle()
            };
            if !full {
                break;
            }
            // Wait for a connection to end, or for one to come of age.
            tokio::select! {
                _ = shutdown.cancelled() => break,
                _ = freed.notified() => {}
                _ = tokio::time::sleep(GRACE) => {}
            }
        }
        let accepted = tokio::select! {
            _ = shutdown.cancelled() => break,
            r = listener.accept() => r,
        };
        let stream = match accepted {
            Ok((stream, _)) => {
                backoff.succeeded();
                stream
            }
            Err(e) => {
                // Out of descriptors (or another passing trouble): free the
                // oldest idle connection and try again a little later. Said
                // once, then every 10 s with a count: not 40 lines a second.
                if let Ok(mut reg) = registry.lock() {
                    reg.evict_oldest_idle();
                }
                let delay = backoff.failed();
                failures += 1;
                if last_said.is_none_or(|t: std::time::Instant| t.elapsed() >= SAY_EVERY) {
                    tracing::warn!(error = %e, failures, retry_in = ?delay, "accept failed");
                    last_said = Some(std::time::Instant::now());
                    failures = 0;
                }
                tokio::select! {
                    _ = shutdown.cancelled() => break,
                    _ = tokio::time::sleep(delay) => continue,
                }
            }
        };
        let (id, busy, evict) = {
            let Ok(mut reg) = registry.lock() else { return };
            let id = reg.next;
            reg.next += 1;
            let busy = Arc::new(AtomicUsize::new(0));
            let evict = CancellationToken::new();
            reg.open.insert(
                id,
                Conn {
                    accepted: std::time::Instant::now(),
                    busy: busy.clone(),
                    evict: evict.clone(),
                    evicted: false,
                },
            );
            (id, busy, evict)
        };
        let service = Counted {
            app: app.clone(),
            busy,
        };
        let (registry, freed, shutdown) = (registry.clone(), freed.clone(), shutdown.clone());
        tasks.spawn(async move {
            connection(stream, service, limits, evict, shutdown).await;
            if let Ok(mut reg) = registry.lock() {
                reg.open.remove(&id);
            }
            freed.notify_one();
        });
    }
    tasks.close();
    // Requests in flight finish (each connection is told to close after its
    // current response); the bound keeps a stuck client from holding us.
    let _ = tokio::time::timeout(limits.drain_timeout + Duration::from_secs(1), tasks.wait()).await;
}

/// A socket whose writes must make progress: a client that stops reading
/// (its answer held in our memory) is cut off after `limit` without a byte
/// taken. Reads pass through (the header timeout covers a silent client).
struct MustDrain<S> {
    inner: S,
    limit: Duration,
    stalled: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl<S> MustDrain<S> {
    fn new(inner: S, limit: Duration) -> Self {
        MustDrain {
            inner,
            limit,
            stalled: None,
        }
    }

    /// After a write that could not proceed: has it waited too long?
    fn still_stalled(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<usize>> {
        use std::future::Future;
        let limit = self.limit;
        let sleep = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match sleep.as_mut().poll(cx) {
            std::task::Poll::Ready(()) => std::task::Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the client stopped reading its answer",
            ))),
            std::task::Poll::Pending => std::task::Poll::Pending,
        }
    }
}

impl<S: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for MustDrain<S> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for MustDrain<S> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        match std::pin::Pin::new(&mut self.inner).poll_write(cx, buf) {
            std::task::Poll::Pending => self.still_stalled(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match std::pin::Pin::new(&mut self.inner).poll_flush(cx) {
            std::task::Poll::Pending => self.still_stalled(cx).map_ok(|_| ()),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

async fn connection(
    stream: tokio::net::TcpStream,
    service: Counted,
    limits: ServerLimits,
    evict: CancellationToken,
    shutdown: CancellationToken,
) {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        // A client that sends its request and then shuts its side still
        // gets the answer (it was committed for it).
        .half_close(true)
        .keep_alive(true);
    let stream = MustDrain::new(stream, limits.header_timeout);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        r = conn.as_mut() => {
            if let Err(e) = r {
                tracing::debug!(error = %e, "connection ended");
            }
        }
        _ = evict.cancelled() => {} // dropped: the socket closes
        _ = shutdown.cancelled() => {
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(limits.drain_timeout, conn).await;
        }
    }
}

/// The router, counting the requests inside it per connection.
#[derive(Clone)]
struct Counted {
    app: Router,
    busy: Arc<AtomicUsize>,
}

/// Decrements the count when the request is done (or dropped).
struct Inside(Arc<AtomicUsize>);

impl Drop for Inside {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl hyper::service::Service<hyper::Request<Incoming>> for Counted {
    type Response = axum::response::Response;
    type Error = Infallible;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Self::Response, Infallible>> + Send>,
    >;

    fn call(&self, req: hyper::Request<Incoming>) -> Self::Future {
        self.busy.fetch_add(1, Ordering::SeqCst);
        let inside = Inside(self.busy.clone());
        let mut app = self.app.clone();
        Box::pin(async move {
            let r = app.call(req.map(axum::body::Body::new)).await;
            drop(inside);
            r
        })
    }
}
