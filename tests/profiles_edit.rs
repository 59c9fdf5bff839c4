//! `profiles remove` and `profiles default` edit the config file in place:
//! comments and other profiles stay, the file ends up mode 600.

use crate::util::TestEnv;

const CONFIG: &str = "# my inbox\n[profiles.home]\nprovider = \"gowa\" # the phone at home\n\n\
# the shop's number\n[profiles.shop]\nprovider = \"wawp\"\ninstance_id = \"1\"\n\
access_token = { env = \"T\" }\ndefault = true\n\n[profiles.team]\nprovider = \"gowa\"\n";

#[test]
fn profiles_remove_keeps_comments_and_other_profiles() {
    let env = TestEnv::new().no_calls_expected();
    env.write_config(CONFIG);
    env.run(&["profiles", "remove", "home"]).expect(0);
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(
        !text.contains("[profiles.home]") && !text.contains("the phone at home"),
        "{text}"
    );
    // A comment above a table belongs to it (toml_edit); the others' stay.
    assert!(text.contains("# the shop's number"), "{text}");
    assert!(
        text.contains("[profiles.shop]") && text.contains("[profiles.team]"),
        "{text}"
    );
    let run = env.run(&["profiles", "remove", "nope"]);
    run.expect(3);
    assert!(run.stderr.contains("no profile \"nope\""), "{}", run.stderr);
}

#[test]
fn profiles_default_sets_it_and_clears_default_true_elsewhere() {
    let env = TestEnv::new().no_calls_expected();
    env.write_config(CONFIG);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let loose = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(&env.config, loose).unwrap();
    }
    env.run(&["profiles", "default", "team"]).expect(0);
    let text = std::fs::read_to_string(&env.config).unwrap();
    assert!(
        text.starts_with("default_profile = \"team\"")
            || text.contains("\ndefault_profile = \"team\""),
        "{text}"
    );
    assert!(!text.contains("default = true"), "{text}");
    assert!(
        text.contains("# my inbox") && text.contains("# the phone at home"),
        "{text}"
    );
    let run = env.run(&["profiles", "list", "-o", "json"]);
    let v = run.expect(0).json();
    let defaults: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["default"] == true)
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(defaults, ["team"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&env.config).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
