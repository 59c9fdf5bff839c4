//! The gateway registry (`src/gateways.rs`) against the sandbox: every gateway
//! it lists has an emulator and a demo profile named after it that works.

use crate::util::TestEnv;
use wa_inbox::gateways::NAMES;

#[test]
fn every_registry_gateway_has_a_working_demo_profile() {
    let env = TestEnv::new();
    for &gw in NAMES {
        let run = env.run(&["-p", gw, "chats", "list", "--limit", "2", "-o", "ndjson"]);
        run.expect(0);
        let rows = run.ndjson();
        assert_eq!(rows.len(), 2, "{gw}");
        assert!(
            rows.iter().all(|r| r["provider"] == gw),
            "{gw}: {}",
            run.stdout
        );
    }
    for &gw in NAMES {
        assert!(
            env.journal()
                .iter()
                .any(|h| h.path.starts_with(&format!("/{gw}/"))),
            "no request reached the {gw} emulator"
        );
    }
}

#[test]
fn demo_mode_serves_every_registry_gateway() {
    let env = TestEnv::new().no_calls_expected();
    for &gw in NAMES {
        env.run(&["--demo", "-p", gw, "chats", "list", "--limit", "1"])
            .expect(0);
    }
}
