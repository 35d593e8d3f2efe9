//! A TCP proxy that a test can cut and restore, to simulate PostgreSQL or Redis going down
//! and coming back while the server runs, without touching the services other tests share.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

pub struct Proxy {
    pub addr: SocketAddr,
    open: Arc<AtomicBool>,
    generation: watch::Sender<u64>,
}

impl Proxy {
    /// Starts forwarding 127.0.0.1:<random> to `upstream` on the current runtime.
    pub async fn start(upstream: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("proxy bind: {e}"));
        let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
        let open = Arc::new(AtomicBool::new(true));
        let (generation, _) = watch::channel(0u64);
        let upstream = upstream.to_owned();
        let accept_open = open.clone();
        let accept_generation = generation.clone();
        actix_web::rt::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                if !accept_open.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let upstream = upstream.clone();
                let mut cut = accept_generation.subscribe();
                actix_web::rt::spawn(async move {
                    let Ok(server) = TcpStream::connect(&upstream).await else {
                        return;
                    };
                    let (mut client, mut server) = (client, server);
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        });
        Self {
            addr,
            open,
            generation,
        }
    }

    /// A proxy in front of the tests' Redis.
    pub async fn redis() -> Self {
        let url = crate::redis_url();
        let upstream = url
            .trim_start_matches("redis://")
            .trim_end_matches('/')
            .to_owned();
        Self::start(&upstream).await
    }

    /// A proxy in front of the tests' PostgreSQL server.
    pub async fn postgres() -> Self {
        Self::start("127.0.0.1:5432").await
    }

    /// Drops every open connection and refuses new ones, like a stopped service.
    pub fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        self.generation.send_modify(|g| *g += 1);
    }

    /// Accepts connections again.
    pub fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}
