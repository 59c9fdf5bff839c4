//! Credentials each gateway emulator accepts (and a few ids that trigger documented errors).

/// GOWA basic-auth user name.
pub const GOWA_USER: &str = "demo";
/// GOWA basic-auth password.
pub const GOWA_PASSWORD: &str = "gowa-pass-Sbx7Qm41";
/// The only GOWA device id (`X-Device-Id` / `device_id`); any other → 404 DEVICE_NOT_FOUND.
pub const GOWA_DEVICE: &str = "sandbox-device";
/// Wawp instance whose overview is the documented numeric-keyed object.
pub const WAWP_INSTANCE: &str = "7F3A9C21D4E5";
/// Wawp instance whose overview is a plain JSON array (same records).
pub const WAWP_INSTANCE_ARRAY: &str = "7F3A9C21D4E6";
/// Wawp access token (query parameter).
pub const WAWP_TOKEN: &str = "wawp-token-Sbx2Kx82pQ";
/// Green API idInstance.
pub const GREEN_INSTANCE: &str = "7105187566";
/// Green API idInstance whose every call answers 466 (quota exceeded).
pub const GREEN_INSTANCE_QUOTA: &str = "7105466466";
/// Green API apiTokenInstance (URL path segment).
pub const GREEN_TOKEN: &str = "greentokenSbx9d1c0a7f3e9b24";
/// WhatsApp Gateway session id.
pub const GATEWAY_SESSION: &str = "sess_01J9ZX8K2QHV0M3T6R7P4N5W8C";
/// WhatsApp Gateway api key (`Authorization: Bearer` or `x-api-key`).
pub const GATEWAY_TOKEN: &str = "wa_sbx_key_Q7t4Lm29Vc";
/// WhatsApp Gateway api key with only the `read` capability (mark read → 403).
pub const GATEWAY_READ_TOKEN: &str = "wa_sbx_ro_key_M3p8Xw51";
/// WAHA `X-Api-Key`.
pub const WAHA_KEY: &str = "waha-key-Sbx3f9a7c1";
/// WAHA sessions: WEBJS, NOWEB, GOWS engines, and one that is STOPPED (422).
pub const WAHA_SESSION: &str = "default";
pub const WAHA_SESSION_NOWEB: &str = "noweb";
pub const WAHA_SESSION_GOWS: &str = "gows";
pub const WAHA_SESSION_STOPPED: &str = "stopped";
/// Evolution `apikey` header.
pub const EVOLUTION_KEY: &str = "evo-key-SbxB6E2d8f0";
/// Evolution instance name.
pub const EVOLUTION_INSTANCE: &str = "sandbox";
