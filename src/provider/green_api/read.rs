//! Green API's mark read (MESSAGES.md §4.2): `readChat {"chatId"}` marks the whole chat and sends
//! read receipts; success is `{"setRead": true}`. Paced to Green's 10 requests/s.

use std::time::Duration;

use serde_json::{json, Value};

use super::{hint, GreenApi, GATEWAY};
use crate::provider::http::Req;
use crate::provider::{Class, ProviderError, ReadOutcome, Writes};

/// Green API allows `readChat` 10 times a second.
const READ_INTERVAL: Duration = Duration::from_millis(100);

impl GreenApi {
    pub(super) async fn read_chat(
        &self,
        chat_id: &str,
        w: &mut Writes,
    ) -> Result<ReadOutcome, ProviderError> {
        let req = Req::post_json(self.path("readChat"), &json!({ "chatId": chat_id })).idempotent();
        // A dry run sends nothing, so it waits for nothing.
        let dry = w.dry_run();
        let send = w.send::<Value>(&self.http, req);
        let answer = match dry {
            true => send.await,
            false => self.pacer.run("readChat", READ_INTERVAL, send).await,
        }
        .map_err(hint);
        let mut out = ReadOutcome {
            receipts: true,
            ..ReadOutcome::default()
        };
        match answer? {
            None => {}
            Some(a) if a["setRead"] == Value::Bool(true) => {}
            // The Go SDK's rule: a 200 saying 401 is an auth failure.
            Some(a) if a["code"] == json!(401) => {
                return Err(ProviderError::Status {
                    gateway: GATEWAY,
                    endpoint: "POST /waInstance{id}/readChat/{token}".to_owned(),
                    status: 401,
                    class: Class::Auth,
                    message: "Unauthorized (a 200 answer saying 401); check api_token_instance"
                        .to_owned(),
                    code: Some("401".to_owned()),
                })
            }
            Some(_) => out.unconfirmed = true,
        }
        Ok(out)
    }
}
