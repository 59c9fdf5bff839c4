//! Whom the HTTP client trusts, and TLS failures as sentences. Trusted: the
//! bundled Mozilla roots, the operating system's store (rustls-native-certs,
//! which honours `SSL_CERT_FILE` and `SSL_CERT_DIR`), and the profile's
//! `ca_file` (a PEM bundle of the CA(s) of a self-hosted gateway). There is
//! no switch that turns verification off: `ca_file` covers every legitimate case.

use std::path::Path;

use crate::provider::ProviderError;

/// Add the certificates of `ca_file` to `builder`'s roots.
pub(super) fn with_ca_file(
    builder: reqwest::ClientBuilder,
    ca_file: Option<&Path>,
    gateway: &str,
) -> Result<reqwest::ClientBuilder, ProviderError> {
    let Some(path) = ca_file else {
        return Ok(builder);
    };
    let fail = |why: String| ProviderError::Config {
        message: format!("{gateway}: ca_file {}: {why}", path.display()),
    };
    let pem = std::fs::read(path).map_err(|e| fail(format!("cannot read it ({e})")))?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem)
        .map_err(|_| fail("is not a PEM bundle of certificates".to_owned()))?;
    if certs.is_empty() {
        return Err(fail(
            "holds no certificate (expected -----BEGIN CERTIFICATE-----)".to_owned(),
        ));
    }
    Ok(certs
        .into_iter()
        .fold(builder, |b, c| b.add_root_certificate(c)))
}

/// A TLS failure in `chain` (the error's causes, joined) as a sentence naming
/// `host` and what to do; None when the failure is not about TLS.
pub(super) fn explain(chain: &str, host: &str) -> Option<String> {
    let untrusted = |why: &str| {
        format!(
            "the certificate of {host} is not trusted: {why}; if you trust it, set \
             ca_file = \"/path/to/ca.pem\" (the CA that signed it) in the profile"
        )
    };
    let text = if chain.contains("CaUsedAsEndEntity") || chain.contains("SelfSigned") {
        untrusted("self-signed")
    } else if chain.contains("UnknownIssuer") {
        untrusted("signed by an authority this system does not know (a private CA?)")
    } else if chain.contains("NotValidForName") {
        format!(
            "the certificate of {host} is for another host name; put the name it was \
             issued for in base_url"
        )
    } else if chain.contains("Expired") {
        format!("the certificate of {host} has expired (or this machine's clock is wrong)")
    } else if chain.contains("NotValidYet") {
        format!("the certificate of {host} is not valid yet (is this machine's clock right?)")
    } else if chain.contains("InvalidContentType") || chain.contains("corrupt message") {
        format!("{host} does not speak TLS on that port; should base_url start with http://?")
    } else if chain.contains("invalid peer certificate") || chain.contains("tls handshake") {
        let last = chain.rsplit(": ").next().unwrap_or(chain);
        format!("TLS with {host} failed: {last}")
    } else {
        return None;
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::explain;

    #[test]
    fn rustls_errors_read_as_sentences() {
        let host = "wa.example.com";
        let self_signed = "error sending request: client error (Connect): invalid peer \
                           certificate: Other(OtherError(CaUsedAsEndEntity))";
        let got = explain(self_signed, host).unwrap();
        assert!(got.starts_with("the certificate of wa.example.com is not trusted: self-signed"));
        assert!(
            got.contains("ca_file") && !got.contains("OtherError"),
            "{got}"
        );
        let unknown = explain("invalid peer certificate: UnknownIssuer", host).unwrap();
        assert!(
            unknown.contains("private CA") && unknown.contains("ca_file"),
            "{unknown}"
        );
        let name = explain("invalid peer certificate: NotValidForName", host).unwrap();
        assert!(name.contains("another host name"), "{name}");
        assert_eq!(explain("connection reset by peer", host), None);
    }
}
