//! Trust against a local TLS server: a proxy with a certificate from a CA
//! generated here (rcgen) in front of the sandbox. The profile's `ca_file`
//! and the system store (`SSL_CERT_FILE`) make it trusted; without them the
//! failure reads as a sentence naming the host and `ca_file`.

use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::ServerConfig;

use crate::util::{run_cmd, TestEnv};

/// What the proxy presents, and the PEM a user would put in `ca_file`.
struct Pki {
    chain: Vec<CertificateDer<'static>>,
    key: Vec<u8>,
    ca_pem: String,
}

/// A CA, and a server certificate for `localhost` signed by it.
fn private_ca() -> Pki {
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().unwrap()).unwrap();
    let key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&key, &ca)
        .unwrap();
    Pki {
        chain: vec![leaf.der().clone()],
        key: key.serialize_der(),
        ca_pem: ca.pem(),
    }
}

/// A self-signed CA certificate that the server presents as its own.
fn self_signed() -> Pki {
    let mut params = CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let key = KeyPair::generate().unwrap();
    let cert = params.self_signed(&key).unwrap();
    Pki {
        chain: vec![cert.der().clone()],
        key: key.serialize_der(),
        ca_pem: cert.pem(),
    }
}

/// A TLS proxy on 127.0.0.1:0 forwarding to `backend`; its port.
fn serve_tls(rt: &tokio::runtime::Runtime, pki: &Pki, backend: std::net::SocketAddr) -> u16 {
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(pki.key.clone()));
    let config = ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(pki.chain.clone(), key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let port = listener.local_addr().unwrap().port();
    rt.spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                if let Ok(mut up) = tokio::net::TcpStream::connect(backend).await {
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut up).await;
                }
            });
        }
    });
    port
}

/// A GOWA profile at `https://localhost:PORT/gowa` (plus `extra` keys).
fn https_profile(env: &TestEnv, port: u16, extra: &str) {
    let plain = format!("http://{}/gowa", env.sandbox.addr());
    let tls = format!("https://localhost:{port}/gowa");
    env.edit_config(|t| format!("{}{extra}\n", t.replace(&plain, &tls)));
}

/// The sandbox behind a TLS proxy; `reaches` says whether requests get through.
fn setup(pki: &Pki, reaches: bool) -> (TestEnv, tokio::runtime::Runtime, u16) {
    let mut env = TestEnv::new().only(&["gowa"]);
    if !reaches {
        env = env.no_calls_expected();
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    let port = serve_tls(&rt, pki, env.sandbox.addr());
    std::fs::write(env.dir.path().join("ca.pem"), &pki.ca_pem).unwrap();
    (env, rt, port)
}

#[test]
fn ca_file_makes_a_private_ca_trusted() {
    let pki = private_ca();
    let (env, _rt, port) = setup(&pki, true);
    // Relative to the config file's folder, like secret files.
    https_profile(&env, port, "ca_file = \"ca.pem\"");
    let run = env.run(&["chats", "list", "--limit", "3", "-o", "ndjson"]);
    run.expect(0);
    assert_eq!(run.lines().len(), 3);
}

#[test]
fn ssl_cert_file_system_trust_store_is_honoured() {
    let pki = private_ca();
    let (env, _rt, port) = setup(&pki, true);
    https_profile(&env, port, "");
    let mut cmd = env.cmd(&["chats", "list", "--limit", "2", "-o", "ndjson"]);
    cmd.env("SSL_CERT_FILE", env.dir.path().join("ca.pem"));
    run_cmd(cmd).expect(0);
}

#[test]
fn untrusted_private_ca_reads_as_a_sentence_naming_host_and_ca_file() {
    let pki = private_ca();
    let (env, _rt, port) = setup(&pki, false);
    https_profile(&env, port, "");
    let run = env.run(&["chats", "list", "--retries", "0"]);
    run.expect(7);
    let want = format!("the certificate of localhost:{port} is not trusted");
    assert!(run.stderr.contains(&want), "{}", run.stderr);
    assert!(run.stderr.contains("ca_file = "), "{}", run.stderr);
    assert!(!run.stderr.contains("UnknownIssuer"), "{}", run.stderr);
}

#[test]
fn self_signed_server_certificate_is_named_self_signed() {
    let pki = self_signed();
    let (env, _rt, port) = setup(&pki, false);
    https_profile(&env, port, "ca_file = \"ca.pem\"");
    let run = env.run(&["chats", "list", "--retries", "0"]);
    run.expect(7);
    assert!(run.stderr.contains("self-signed"), "{}", run.stderr);
    assert!(!run.stderr.contains("CaUsedAsEndEntity"), "{}", run.stderr);
}

#[test]
fn ca_file_that_is_not_pem_is_a_config_error() {
    let pki = private_ca();
    let (env, _rt, port) = setup(&pki, false);
    std::fs::write(env.dir.path().join("ca.pem"), "not a certificate").unwrap();
    https_profile(&env, port, "ca_file = \"ca.pem\"");
    let run = env.run(&["chats", "list"]);
    run.expect(3);
    assert!(
        run.stderr.contains("ca_file") && run.stderr.contains("ca.pem"),
        "{}",
        run.stderr
    );
}
