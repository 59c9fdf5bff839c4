//! Network failures name the host and say what happened: a refused
//! connection, and an answer cut short (not "cannot reach").

use wa_inbox::sandbox::Faults;

use crate::util::TestEnv;

#[test]
fn refused_connection_names_the_host_and_port() {
    let env = TestEnv::new().only(&["gowa"]).no_calls_expected();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let plain = format!("http://{}/gowa", env.sandbox.addr());
    env.edit_config(|t| t.replace(&plain, &format!("http://127.0.0.1:{port}")));
    let run = env.run(&["chats", "list", "--retries", "0"]);
    run.expect(7);
    let want = format!("127.0.0.1:{port} refused the connection");
    assert!(run.stderr.contains(&want), "{}", run.stderr);
}

#[test]
fn truncated_body_is_closed_mid_answer_not_cannot_reach() {
    let env = TestEnv::new().only(&["gowa"]);
    env.sandbox
        .set_faults(Faults::from_spec("truncate").unwrap());
    let run = env.run(&["chats", "list", "--retries", "0"]);
    run.expect(7);
    assert!(
        run.stderr.contains("closed the connection mid-answer"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("cannot reach"), "{}", run.stderr);
}
