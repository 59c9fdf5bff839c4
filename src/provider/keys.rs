//! Each gateway's profile keys, read from its profile schema: the JSON Schema
//! that schemars derives from the gateway's `Config` (the same struct that
//! parses `[profiles.NAME]`), for every gateway of the registry. `profiles add`
//! asks for these keys and makes its flags from them, so a gateway's keys are
//! declared once, as the fields of its `Config`, and never listed by hand.
//!
//! What the schema says about a key: its name and order (the fields'),
//! whether it is required (no `Option`), its help (the field's doc comment),
//! a default (`extend("default" = …)`), the key that holds the gateway's URL
//! (`format = "uri"`), a closed set of values (`enum`), and whether it is a
//! secret (its schema is `SecretSource`'s).

use serde_json::Value;

use crate::gateways::gateways;

/// What a profile key holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyKind {
    /// Free text (an id, a name, a URL).
    Text,
    /// One of these values.
    Choice(Vec<String>),
    /// A credential: a literal, or `{ env | command | file = … }`.
    Secret,
}

/// One key of a gateway's profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub name: String,
    pub kind: KeyKind,
    pub required: bool,
    /// The key holding the gateway's URL (`base_url`, Green API's `api_url`).
    pub url: bool,
    /// What the gateway assumes when the key is left out.
    pub default: Option<String>,
    /// One line for people (the field's doc comment).
    pub about: String,
}

macro_rules! schemas {
    (() $($variant:ident $name:literal $provider:ident $sandbox:ident;)*) => {
        /// Every gateway's config name and the JSON Schema of its keys, in registry order.
        fn schemas() -> Vec<(&'static str, Value)> {
            vec![$(($name, schema_of::<super::$provider::Config>()),)*]
        }
    };
}
gateways!(schemas);

fn schema_of<T: schemars::JsonSchema>() -> Value {
    let generator = schemars::generate::SchemaSettings::default()
        .for_deserialize()
        .into_generator();
    generator.into_root_schema_for::<T>().to_value()
}

/// The keys of `gateway`'s profiles, in the order its `Config` declares them;
/// empty for a name that is not in the registry.
pub fn keys(gateway: &str) -> Vec<Key> {
    all()
        .into_iter()
        .find(|(name, _)| *name == gateway)
        .map(|(_, keys)| keys)
        .unwrap_or_default()
}

/// Every gateway with its keys, in registry order.
pub fn all() -> Vec<(&'static str, Vec<Key>)> {
    schemas()
        .into_iter()
        .map(|(name, schema)| (name, from_schema(&schema)))
        .collect()
}

fn from_schema(schema: &Value) -> Vec<Key> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = schema["properties"].as_object() else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(name, property)| {
            let kind = if refers_to(property, "SecretSource") {
                KeyKind::Secret
            } else {
                match find(property, "enum", schema).and_then(Value::as_array) {
                    Some(values) => KeyKind::Choice(
                        values
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect(),
                    ),
                    None => KeyKind::Text,
                }
            };
            Key {
                name: name.clone(),
                kind,
                required: required.contains(&name.as_str()),
                url: property["format"] == "uri",
                default: find(property, "default", schema)
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                about: property["description"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            }
        })
        .collect()
}

/// Whether `schema` is, or (as an `Option`) may be, a reference to `$defs/name`.
fn refers_to(schema: &Value, name: &str) -> bool {
    let target = format!("#/$defs/{name}");
    let direct = |s: &Value| s["$ref"].as_str() == Some(target.as_str());
    direct(schema)
        || ["anyOf", "oneOf"].iter().any(|k| {
            schema[*k]
                .as_array()
                .is_some_and(|alts| alts.iter().any(direct))
        })
}

/// `key` of a property, or of the definition it refers to (an `Option` of a
/// type with its own schema is `anyOf: [{$ref}, {null}]`).
fn find<'a>(property: &'a Value, key: &str, root: &'a Value) -> Option<&'a Value> {
    if let Some(v) = property.get(key) {
        return Some(v);
    }
    let refs = std::iter::once(property)
        .chain(property["anyOf"].as_array().into_iter().flatten())
        .filter_map(|s| s["$ref"].as_str()?.strip_prefix("#/$defs/"));
    refs.filter_map(|name| root["$defs"][name].get(key)).next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateways::NAMES;

    /// The keys come from the structs that parse profiles: a table made of
    /// them parses, and leaving out a required one does not.
    #[test]
    fn every_gateway_has_keys_its_config_accepts() {
        for name in NAMES {
            let keys = keys(name);
            assert_eq!(
                keys.iter().filter(|k| k.url).count(),
                1,
                "{name}: one URL key"
            );
            assert!(keys.iter().any(|k| k.kind == KeyKind::Secret), "{name}");
            assert!(keys.iter().all(|k| !k.about.is_empty()), "{name}: {keys:?}");
            let value = |k: &Key| match &k.kind {
                KeyKind::Secret => toml::Value::Table(
                    [("env".to_owned(), toml::Value::from("X"))]
                        .into_iter()
                        .collect(),
                ),
                KeyKind::Choice(c) => toml::Value::from(c[0].clone()),
                KeyKind::Text => toml::Value::from(k.default.clone().unwrap_or("x".into())),
            };
            let table: toml::Table = keys.iter().map(|k| (k.name.clone(), value(k))).collect();
            crate::provider::ProviderConfig::from_table(name, table.clone()).unwrap();
            for k in keys.iter().filter(|k| k.required) {
                let mut without = table.clone();
                without.remove(&k.name);
                assert!(
                    crate::provider::ProviderConfig::from_table(name, without).is_err(),
                    "{name}: `{}` is required",
                    k.name
                );
            }
        }
    }

    #[test]
    fn secrets_urls_defaults_and_choices_are_read_from_the_schema() {
        let wawp = keys("wawp");
        let names: Vec<&str> = wawp.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["base_url", "instance_id", "access_token"]);
        assert_eq!(wawp[0].default.as_deref(), Some("https://api.wawp.net"));
        assert!(wawp[0].url && !wawp[0].required && wawp[1].required);
        assert_eq!((&wawp[2].kind, wawp[2].required), (&KeyKind::Secret, true));
        let gowa = keys("gowa");
        let password = gowa.iter().find(|k| k.name == "password").unwrap();
        assert_eq!(
            (&password.kind, password.required),
            (&KeyKind::Secret, false)
        );
        let green = keys("green-api");
        assert!(green.iter().any(|k| k.name == "api_url" && k.url));
        let waha = keys("waha");
        let engine = waha.iter().find(|k| k.name == "engine").unwrap();
        assert!(matches!(&engine.kind, KeyKind::Choice(c) if c.contains(&"NOWEB".to_owned())));
        assert_eq!(engine.default.as_deref(), Some("auto"));
        let session = waha.iter().find(|k| k.name == "session").unwrap();
        assert_eq!(session.default.as_deref(), Some("default"));
        assert!(keys("signal").is_empty());
    }
}
