//! Arbitrary bytes and arbitrary TOML must never panic the loader: they load, or they are refused.

use std::fmt::Write as _;

use limberup::diag::SourceText;
use limberup::routine::catalog::Catalog;
use limberup::routine::load::{LoadContext, ROUTINE_KEYS, STEP_KEYS, load_routine};
use limberup::routine::model::Origin;
use limberup::routine::source::decode;
use proptest::prelude::*;

fn load_text(text: &str) {
    let source = SourceText::new("fuzz.toml", text);
    let catalog = Catalog::default();
    let context = LoadContext {
        id: "fuzz",
        origin: Origin::BuiltIn,
        folder: None,
        catalog: &catalog,
    };
    if let Err(problems) = load_routine(&source, &context) {
        assert!(!problems.is_empty(), "a refusal names at least one problem");
        for problem in problems {
            assert!(problem.line >= 1 && problem.column >= 1);
        }
    }
    let _ = Catalog::parse(&source);
}

/// A TOML value of any type, biased toward the edges (huge, negative, empty, control characters).
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (0_i64..300).prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| if f.is_finite() {
            format!("{f:?}")
        } else {
            "nan".to_owned()
        }),
        any::<bool>().prop_map(|b| b.to_string()),
        "[a-z0-9:\\- ]{0,12}".prop_map(|s| format!("{s:?}")),
        "\\PC{0,20}".prop_map(|s| format!("{s:?}")),
        prop::collection::vec("[a-z\\x00-\\x1f]{0,6}", 0..4).prop_map(|v| format!("{v:?}")),
        Just("1979-05-27T07:32:00Z".to_owned()),
        Just("{ a = 1 }".to_owned()),
    ]
}

fn key(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(known).prop_map(str::to_owned),
        1 => "[a-z_]{1,10}",
    ]
}

fn routine_text() -> impl Strategy<Value = String> {
    let top = prop::collection::vec((key(ROUTINE_KEYS), value()), 0..8);
    let steps = prop::collection::vec(prop::collection::vec((key(STEP_KEYS), value()), 0..6), 0..4);
    (top, steps).prop_map(|(top, steps)| {
        let mut text = String::new();
        for (k, v) in top {
            let _ = writeln!(text, "{k} = {v}");
        }
        for step in steps {
            text.push_str("[[steps]]\n");
            for (k, v) in step {
                let _ = writeln!(text, "{k} = {v}");
            }
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(source) = decode("fuzz.toml", bytes) {
            load_text(&source.text);
        }
    }

    #[test]
    fn arbitrary_toml_never_panics(text in routine_text()) {
        load_text(&text);
    }

    #[test]
    fn arbitrary_durations_never_panic(text in "\\PC{0,16}") {
        let _ = limberup::routine::duration::parse_duration(&text);
    }
}
