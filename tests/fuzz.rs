//! Every gateway's parser fed arbitrary bytes and arbitrary JSON must answer
//! with data or an error — never panic (issue 4). Runs in-process: each
//! provider talks to a tiny loopback server that answers whatever body the
//! property hands it, with status 200.

use std::sync::{Arc, Mutex};

use proptest::prelude::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wa_inbox::config::{Config, Overrides, Resolution};
use wa_inbox::provider::{self, PageAt, Query, View};

/// Answers every request with the current body.
struct BodyServer {
    body: Arc<Mutex<Vec<u8>>>,
    port: u16,
}

impl BodyServer {
    async fn start() -> BodyServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let body = Arc::new(Mutex::new(Vec::new()));
        let shared = body.clone();
        tokio::spawn(async move {
            while let Ok((mut conn, _)) = listener.accept().await {
                let shared = shared.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 65536];
                    let mut seen = Vec::new();
                    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                        match conn.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => seen.extend_from_slice(&buf[..n]),
                        }
                    }
                    let body = shared.lock().unwrap().clone();
                    let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
                    let _ = conn.write_all(head.as_bytes()).await;
                    let _ = conn.write_all(&body).await;
                });
            }
        });
        BodyServer { body, port }
    }
}

/// One profile per gateway, all pointing at the body server.
const PROFILES: &str = r#"
[profiles.gowa]
provider = "gowa"
base_url = "http://127.0.0.1:PORT"
retries = 0

[profiles.wawp]
provider = "wawp"
base_url = "http://127.0.0.1:PORT"
instance_id = "1"
access_token = "t"
retries = 0

[profiles.green]
provider = "green-api"
api_url = "http://127.0.0.1:PORT"
id_instance = "1"
api_token_instance = "t"
retries = 0

[profiles.gateway]
provider = "whatsapp-gateway"
base_url = "http://127.0.0.1:PORT"
session = "s"
token = "t"
retries = 0

[profiles.waha]
provider = "waha"
base_url = "http://127.0.0.1:PORT"
api_key = "k"
retries = 0

[profiles.evolution]
provider = "evolution"
base_url = "http://127.0.0.1:PORT"
instance = "i"
api_key = "k"
retries = 0
"#;

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z_@.:0-9 ]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("0001-01-01T00:00:00Z"),
            Just("2024-01-15T17:30:00+07:00"),
            Just("x@g.us"),
            Just("1@c.us")
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    let keys = prop_oneof![
        "[a-zA-Z_]{1,8}",
        proptest::sample::select(vec![
            "data",
            "results",
            "pagination",
            "total",
            "jid",
            "id",
            "name",
            "nextCursor",
            "lastMessage",
            "_chat",
            "unreadCount",
            "timestamp",
            "body",
            "fromMe",
            "key",
            "message",
            "remoteJid",
            "0",
            "1",
            "_serialized",
            "last_message_time",
            "content",
            "type",
            "archive",
            "messageTimestamp",
            "chatId",
            "idMessage",
            "waMessageId",
            "chat_jid",
            "is_from_me",
            "media_type",
            "file_length",
            "_data",
            "replyTo",
            "hasMedia",
            "media",
            "ackName",
            "ack",
            "MessageUpdate",
            "status",
            "messageType",
            "records",
            "messages",
            "typeMessage",
            "statusMessage",
            "extendedTextMessage",
            "stanzaId",
            "vCards",
            "createdAt",
            "deleted",
            "participant",
            "conversation",
            "imageMessage",
        ])
        .prop_map(str::to_owned),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn exercise(bodies: Vec<Vec<u8>>) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let server = BodyServer::start().await;
        let text = PROFILES.replace("PORT", &server.port.to_string());
        let config = Config::parse(&text, std::path::Path::new("/fuzz/config.toml")).unwrap();
        for body in bodies {
            *server.body.lock().unwrap() = body;
            for profile in config.profiles.values() {
                for view in [View::List, View::Overview, View::Unread] {
                    // A fresh client per call, so Green API's 1 request/s pacing never waits.
                    let mut p = Resolution::new(&config, &[profile], Overrides::default()).run();
                    let p = p.pop().unwrap().unwrap().build().unwrap();
                    let q = Query {
                        view,
                        archived: None,
                        has_media: false,
                        search: None,
                        sort: None,
                        since: std::time::Duration::from_secs(3600),
                    };
                    let caps = p.capabilities(view);
                    let at = match caps.paging {
                        provider::Paging::Offset { .. } => PageAt::Offset(0),
                        provider::Paging::Cursor => PageAt::Cursor(None),
                        provider::Paging::Single => PageAt::Single,
                    };
                    if let Ok(mut page) = p.page(&q, at, Some(10)).await {
                        let _ = p.enrich(&q, &mut page.chats).await;
                        let _ = serde_json::to_string(&page.chats).unwrap();
                    }
                }
                let p = Resolution::new(&config, &[profile], Overrides::default()).run();
                let p = p.into_iter().next().unwrap().unwrap().build().unwrap();
                let at = match p.message_capabilities().paging {
                    provider::Paging::Offset { .. } => PageAt::Offset(0),
                    provider::Paging::Cursor => PageAt::Cursor(None),
                    provider::Paging::Single => PageAt::Single,
                };
                let q = provider::MessageQuery::new("1@c.us");
                if let Ok(page) = p.messages(&q, at, Some(10)).await {
                    let _ = serde_json::to_string(&page.messages).unwrap();
                }
            }
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn parsers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        exercise(vec![bytes]);
    }

    #[test]
    fn parsers_never_panic_on_arbitrary_json(value in json_value()) {
        exercise(vec![value.to_string().into_bytes()]);
    }

    /// Arbitrary message objects inside each gateway's messages envelope, so
    /// the mapping onto the message record sees them, not only the envelope.
    #[test]
    fn message_parsers_never_panic_on_arbitrary_messages(
        items in proptest::collection::vec(json_value(), 0..4)
    ) {
        use serde_json::json;
        let list = serde_json::Value::Array(items);
        exercise(vec![
            json!({"results": {"data": list, "pagination": {"total": 3}}}).to_string().into_bytes(),
            json!({"data": list, "nextCursor": "c"}).to_string().into_bytes(),
            json!({"messages": {"total": 3, "pages": 1, "records": list}}).to_string().into_bytes(),
            list.to_string().into_bytes(),
        ]);
    }
}

#[test]
fn parsers_survive_deep_nesting_and_huge_numbers() {
    exercise(vec![
        "[".repeat(10_000).into_bytes(),
        br#"{"results":{"data":[{"jid":"1@c.us","last_message_time":"9999-12-31T23:59:59Z","ephemeral_expiration":18446744073709551615}]}}"#.to_vec(),
        br#"[{"id":"1@c.us","timestamp":9223372036854775807,"conversationTimestamp":-9223372036854775808,"unreadCount":-1}]"#.to_vec(),
        br#"{"data":[{"waMessageId":"A","timestamp":9223372036854775807,"media":{"size":-1}}],"nextCursor":""}"#.to_vec(),
        br#"{"messages":{"total":18446744073709551615,"records":[{"key":{"id":"A"},"messageTimestamp":{"low":-1,"high":2147483647},"messageType":"audioMessage","message":{"audioMessage":{"fileLength":"-5"}}}]}}"#.to_vec(),
    ]);
}
