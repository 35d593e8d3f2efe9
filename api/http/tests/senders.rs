//! The real senders of the outbox relay against servers run by the test: the SMTP sender
//! (lettre) against a small SMTP server speaking just enough of RFC 5321, the SMS-gateway
//! sender against an actix server; and, through the relay, retries with backoff and parking.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use diesel::prelude::*;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use weiquan_db::PoolOptions;
use weiquan_db::outbox::{self, NewMessage};
use weiquan_domain::notify::{Channel, Locale, Template, render};
use weiquan_domain::retry::Backoff;
use weiquan_integrations::sms::SmsGatewaySender;
use weiquan_integrations::smtp::SmtpSender;
use weiquan_services::Db;
use weiquan_services::outbox::{OutgoingMessage, RelayOptions, SendError, Sender, relay_once};
use weiquan_test_support::TestDatabase;

/// What the SMTP server answers to RCPT TO.
#[derive(Clone, Copy)]
enum Rcpt {
    Ok,
    Temporary,
    Unknown,
}

/// A one-connection-at-a-time SMTP server: records each accepted message (envelope + data).
async fn smtp_server(rcpt: Rcpt) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let received = Arc::new(Mutex::new(Vec::new()));
    let store = received.clone();
    actix_web::rt::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let store = store.clone();
            actix_web::rt::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test.local ESMTP\r\n").await.unwrap();
                let mut envelope = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250-test.local\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("MAIL FROM") {
                        envelope = format!("{line}\n");
                        b"250 OK\r\n"
                    } else if upper.starts_with("RCPT TO") {
                        envelope.push_str(&format!("{line}\n"));
                        match rcpt {
                            Rcpt::Ok => b"250 OK\r\n",
                            Rcpt::Temporary => b"451 4.3.0 try again later\r\n",
                            Rcpt::Unknown => b"550 5.1.1 no such user\r\n",
                        }
                    } else if upper == "DATA" {
                        write.write_all(b"354 go ahead\r\n").await.unwrap();
                        let mut data = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            data.push_str(&l);
                            data.push('\n');
                        }
                        store.lock().unwrap().push(format!("{envelope}{data}"));
                        b"250 2.0.0 queued\r\n"
                    } else if upper == "QUIT" {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        b"250 OK\r\n"
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (format!("smtp://{addr}"), received)
}

fn message(
    channel: Channel,
    recipient: &str,
    template: Template,
    locale: Locale,
) -> OutgoingMessage {
    let fields: BTreeMap<String, String> = [("number".to_owned(), "WQ2026113000042".to_owned())]
        .into_iter()
        .collect();
    OutgoingMessage {
        id: 42,
        attempt: 1,
        channel,
        recipient: recipient.to_owned(),
        locale,
        template,
        rendered: render(template, channel, locale, &fields).unwrap(),
        fields,
    }
}

#[actix_web::test]
async fn the_smtp_sender_delivers_the_rendered_email() {
    let (url, received) = smtp_server(Rcpt::Ok).await;
    let sender = SmtpSender::new(
        &url,
        "Weiquan <noreply@12315.example.gov.cn>",
        Duration::from_secs(5),
    )
    .unwrap();
    let email = message(
        Channel::Email,
        "li.si@example.cn",
        Template::OrderProgress,
        Locale::En,
    );
    sender.send(&email).await.unwrap();
    let got = received.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    let text = &got[0];
    assert!(text.contains("<noreply@12315.example.gov.cn>"), "{text}");
    assert!(text.contains("RCPT TO:<li.si@example.cn>"), "{text}");
    assert!(
        text.contains("Subject: News on your appeal WQ2026113000042"),
        "{text}"
    );
    // Quoted-printable may wrap long lines ("=\n"): compare the unwrapped text.
    let body = text.replace("=\n", "");
    assert!(body.contains("sign in to the Weiquan platform"), "{text}");
    // Chinese text goes out encoded, and arrives.
    let chinese = message(
        Channel::Email,
        "li.si@example.cn",
        Template::OrderProgress,
        Locale::ZhCn,
    );
    sender.send(&chinese).await.unwrap();
    assert_eq!(received.lock().unwrap().len(), 2);
}

#[actix_web::test]
async fn smtp_refusals_are_permanent_and_4xx_replies_transient() {
    let email = message(
        Channel::Email,
        "nobody@example.cn",
        Template::OrderProgress,
        Locale::ZhCn,
    );
    let (url, _) = smtp_server(Rcpt::Unknown).await;
    let sender = SmtpSender::new(&url, "noreply@example.gov.cn", Duration::from_secs(5)).unwrap();
    assert!(matches!(
        sender.send(&email).await,
        Err(SendError::Permanent(_))
    ));
    let (url, _) = smtp_server(Rcpt::Temporary).await;
    let sender = SmtpSender::new(&url, "noreply@example.gov.cn", Duration::from_secs(5)).unwrap();
    assert!(matches!(
        sender.send(&email).await,
        Err(SendError::Transient(_))
    ));
    // Nobody listening: transient (the server may come back).
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let sender = SmtpSender::new(
        &format!("smtp://{closed}"),
        "noreply@example.gov.cn",
        Duration::from_secs(2),
    )
    .unwrap();
    assert!(matches!(
        sender.send(&email).await,
        Err(SendError::Transient(_))
    ));
    // Not an address, or not an email at all: permanent, without a connection.
    let bad = message(
        Channel::Email,
        "not an address",
        Template::OrderProgress,
        Locale::ZhCn,
    );
    assert!(matches!(
        sender.send(&bad).await,
        Err(SendError::Permanent(_))
    ));
    assert!(SmtpSender::new("smtp://127.0.0.1:25", "no at sign", Duration::from_secs(1)).is_err());
}

/// A gateway answering `status` to every request, recording (headers of interest, body).
/// What the test gateway received: (headers, body) per request.
type Seen = Arc<Mutex<Vec<(Value, Value)>>>;

async fn gateway(status: u16) -> (String, Seen) {
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let store = web::Data::new(seen.clone());
    let server = HttpServer::new(move || {
        App::new().app_data(store.clone()).route(
            "/send",
            web::post().to(
                move |req: HttpRequest, body: web::Json<Value>, store: web::Data<Seen>| async move {
                    let header = |name: &str| {
                        req.headers()
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .map(str::to_owned)
                    };
                    store.lock().unwrap().push((
                        json!({
                            "authorization": header("authorization"),
                            "idempotency-key": header("idempotency-key"),
                        }),
                        body.into_inner(),
                    ));
                    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
                        .json(json!({"ok": status < 300}))
                },
            ),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let addr = server.addrs()[0];
    actix_web::rt::spawn(server.run());
    (format!("http://{addr}/send"), seen)
}

#[actix_web::test]
async fn the_sms_gateway_gets_the_template_its_fields_and_the_text_with_a_token() {
    let (url, seen) = gateway(200).await;
    let sender =
        SmsGatewaySender::new(&url, Some("gw-token".into()), Duration::from_secs(5)).unwrap();
    let sms = message(
        Channel::Sms,
        "13812345678",
        Template::OrderProgress,
        Locale::ZhCn,
    );
    sender.send(&sms).await.unwrap();
    let got = seen.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    let (headers, body) = &got[0];
    assert_eq!(headers["authorization"], "Bearer gw-token");
    assert_eq!(headers["idempotency-key"], "wq-outbox-42");
    assert_eq!(body["to"], "13812345678");
    assert_eq!(body["template"], "order_progress");
    assert_eq!(body["params"]["number"], "WQ2026113000042");
    assert!(
        body["text"]
            .as_str()
            .unwrap()
            .starts_with("【全国维权平台】")
    );
    // An email is not the gateway's to send.
    let email = message(
        Channel::Email,
        "a@example.cn",
        Template::OrderProgress,
        Locale::ZhCn,
    );
    assert!(matches!(
        sender.send(&email).await,
        Err(SendError::Permanent(_))
    ));
    for (status, permanent) in [(400, true), (422, true), (429, false), (503, false)] {
        let (url, _) = gateway(status).await;
        let sender = SmsGatewaySender::new(&url, None, Duration::from_secs(5)).unwrap();
        let result = sender.send(&sms).await;
        assert_eq!(
            matches!(result, Err(SendError::Permanent(_))),
            permanent,
            "{status}: {result:?}"
        );
        assert!(result.is_err());
    }
}

fn db_of(test_db: &TestDatabase) -> Db {
    let pool = weiquan_db::build_pool(
        &test_db.url,
        &PoolOptions {
            max_size: 2,
            connection_timeout: Duration::from_secs(5),
        },
    )
    .unwrap();
    Db::new(pool)
}

fn status_of(conn: &mut PgConnection, id: i64) -> (String, i32, bool) {
    let m = outbox::find(conn, id).unwrap().unwrap();
    (m.status, m.attempts, m.next_attempt_at > chrono::Utc::now())
}

#[actix_web::test]
async fn through_the_relay_a_failing_gateway_is_retried_with_backoff_then_parked() {
    let test_db = TestDatabase::create().await;
    let db = db_of(&test_db);
    let mut conn = test_db.connect();
    let enqueue = |conn: &mut PgConnection| {
        outbox::enqueue(
            conn,
            &NewMessage {
                channel: Channel::Sms,
                recipient: "13812345678".into(),
                locale: Locale::ZhCn,
                template: Template::OrderProgress,
                payload: json!({"number": "WQ2026113000042"}),
            },
        )
        .unwrap()
    };
    let options = RelayOptions {
        max_attempts: 2,
        backoff: Backoff {
            base: Duration::from_secs(30),
            cap: Duration::from_secs(60),
        },
        ..RelayOptions::default()
    };

    // 503: retried later (not at once), then parked after the last attempt.
    let (url, seen) = gateway(503).await;
    let sender = SmsGatewaySender::new(&url, None, Duration::from_secs(5)).unwrap();
    let id = enqueue(&mut conn);
    assert_eq!(relay_once(&db, &sender, &options).await.unwrap(), 1);
    assert_eq!(status_of(&mut conn, id), ("pending".into(), 1, true));
    assert_eq!(
        relay_once(&db, &sender, &options).await.unwrap(),
        0,
        "not due yet"
    );
    diesel::sql_query(format!(
        "UPDATE outbox SET next_attempt_at = now() WHERE id = {id}"
    ))
    .execute(&mut conn)
    .unwrap();
    assert_eq!(relay_once(&db, &sender, &options).await.unwrap(), 1);
    let parked = outbox::find(&mut conn, id).unwrap().unwrap();
    assert_eq!((parked.status.as_str(), parked.attempts), ("parked", 2));
    assert!(parked.last_error.unwrap().contains("503"));
    assert_eq!(seen.lock().unwrap().len(), 2);

    // 400: parked at once.
    let (url, _) = gateway(400).await;
    let sender = SmsGatewaySender::new(&url, None, Duration::from_secs(5)).unwrap();
    let id = enqueue(&mut conn);
    relay_once(&db, &sender, &options).await.unwrap();
    assert_eq!(status_of(&mut conn, id).0, "parked");

    // 200: sent.
    let (url, _) = gateway(200).await;
    let sender = SmsGatewaySender::new(&url, None, Duration::from_secs(5)).unwrap();
    let id = enqueue(&mut conn);
    relay_once(&db, &sender, &options).await.unwrap();
    assert_eq!(status_of(&mut conn, id).0, "sent");
}
