//! CHAT forms and name matching, without a gateway.

use super::*;

fn chat(id: &str, name: &str) -> Chat {
    Chat::new("p", "t", id).with_name(Some(name.to_owned()))
}

#[test]
fn jids_in_every_form_become_the_gateway_spelling() {
    let id = |s: &str, dm: &str| match classify(s).unwrap() {
        Form::Jid(j) => gateway_id(&j, dm),
        other => panic!("{s}: {other:?}"),
    };
    assert_eq!(
        id("6281234567890@c.us", "s.whatsapp.net"),
        "6281234567890@s.whatsapp.net"
    );
    assert_eq!(
        id("6281234567890@s.whatsapp.net", "c.us"),
        "6281234567890@c.us"
    );
    assert_eq!(
        id("6281234567890:12@s.whatsapp.net", "c.us"),
        "6281234567890@c.us"
    );
    assert_eq!(
        id("120363025246125486@g.us", "c.us"),
        "120363025246125486@g.us"
    );
    assert_eq!(id("205227043110953@lid", "c.us"), "205227043110953@lid");
    assert_eq!(
        id("120363144038483540@newsletter", "c.us"),
        "120363144038483540@newsletter"
    );
    assert!(classify("@").is_err());
}

#[test]
fn phone_numbers_in_human_forms() {
    for s in [
        "+62 812-3456-7890",
        "+62 (812) 3456.7890",
        "6281234567890",
        " +6281234567890 ",
    ] {
        assert_eq!(
            classify(s).unwrap(),
            Form::Phone("6281234567890".into()),
            "{s}"
        );
    }
}

#[test]
fn double_zero_prefix_is_explained_not_dialled() {
    let e = classify("0062 812 3456 7890").unwrap_err().0;
    assert!(
        e.contains("00 is a dialling prefix") && e.contains("+6281234567890"),
        "{e}"
    );
    let e = classify("0812 3456 7890").unwrap_err().0;
    assert!(e.contains("country code"), "{e}");
    assert!(classify("+1234 5678 9012 3456").is_err(), "16 digits");
}

#[test]
fn names_are_names() {
    assert_eq!(classify("Alice").unwrap(), Form::Name("Alice".into()));
    assert_eq!(
        classify("Team 2024").unwrap(),
        Form::Name("Team 2024".into())
    );
}

#[test]
fn exact_name_wins_over_parts_then_a_unique_part() {
    let chats = [
        chat("1@s.whatsapp.net", "Alice"),
        chat("2@s.whatsapp.net", "Alice Santoso"),
        chat("3@g.us", "Book Club"),
    ];
    assert_eq!(pick(&chats, "alice").unwrap().id, "1@s.whatsapp.net");
    assert_eq!(pick(&chats, "santoso").unwrap().id, "2@s.whatsapp.net");
    assert_eq!(pick(&chats, "BOOK").unwrap().id, "3@g.us");
}

#[test]
fn ambiguous_name_exits_2_listing_ten_candidates_with_jids() {
    let chats: Vec<Chat> = (0..12)
        .map(|i| chat(&format!("{i}@s.whatsapp.net"), &format!("Team {i}")))
        .collect();
    let e = pick(&chats, "team").unwrap_err();
    assert_eq!(crate::exit::from_error(&e), crate::exit::Exit::Usage);
    let text = e.to_string();
    assert!(
        text.contains("matches 12 chats") && text.contains("and 2 more"),
        "{text}"
    );
    assert_eq!(text.matches("@s.whatsapp.net").count(), 10, "{text}");
}

#[test]
fn missing_name_exits_5() {
    let e = pick(&[chat("1@s.whatsapp.net", "Alice")], "Zed").unwrap_err();
    assert_eq!(crate::exit::from_error(&e), crate::exit::Exit::NotFound);
    assert!(e.to_string().contains("no chat named \"Zed\""), "{e}");
}
