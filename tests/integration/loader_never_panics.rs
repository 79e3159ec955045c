//! Arbitrary bytes and arbitrary TOML must never panic the loader: they load, or they are refused
//! with a positioned error. The same holds for every file limberup reads: routines, catalogs, answers,
//! settings and sound files.

use std::fmt::Write as _;

use limberup::diag::SourceText;
use limberup::diag::source::decode;
use limberup::format::model::Origin;
use limberup::routine::catalog::Catalog;
use limberup::routine::load::{LoadContext, ROUTINE_KEYS, STEP_KEYS, load_routine};
use proptest::prelude::*;

use crate::common::crafted;

/// Every kind of file from text: success, or problems each with a line and column.
fn parse_all_kinds(text: &str) {
    let source = SourceText::new("fuzz.toml", text);
    let positioned = |problems: Vec<limberup::diag::Diagnostic>| {
        assert!(!problems.is_empty(), "a refusal names at least one problem");
        for problem in problems {
            assert!(problem.position.is_some(), "{problem}");
        }
    };
    if let Err(problems) = Catalog::parse(&source) {
        positioned(problems);
    }
    let when = limberup::triage::answers::DateContext {
        now: limberup::calendar::UtcTime(1_795_518_300),
        calendar: limberup::calendar::Calendar::utc(),
    };
    if let Err(problems) = limberup::triage::parse_answers(&source, &when) {
        positioned(problems);
    }
    if let Err(problems) = limberup::config::Settings::parse(&source) {
        positioned(problems);
    }
}

/// A sound file's bytes: any, or a real header's start followed by anything, or a real file with
/// some bytes changed.
fn sound_bytes() -> impl Strategy<Value = Vec<u8>> {
    let heads: Vec<Vec<u8>> = vec![
        crafted::wav_tone(1, 8_000, 50)[..44].to_vec(),
        crafted::flac_bomb(200, 0)[..42].to_vec(),
        b"OggS\0\x02".to_vec(),
        b"ID3\x04\0\0\0\0\0\0".to_vec(),
        vec![0xFF, 0xFB, 0x90, 0x64],
    ];
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        (
            prop::sample::select(heads),
            prop::collection::vec(any::<u8>(), 0..512)
        )
            .prop_map(|(mut head, tail)| {
                head.extend(tail);
                head
            }),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8).prop_map(
            |flips| {
                let mut wav = crafted::wav_tone(2, 22_050, 200);
                for (at, byte) in flips {
                    let i = at.index(wav.len());
                    wav[i] = byte;
                }
                wav
            }
        ),
    ]
}

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
            assert!(problem.position.is_some(), "{problem}");
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
    fn arbitrary_bytes_as_any_kind_of_file_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(source) = decode("fuzz.toml", bytes) {
            parse_all_kinds(&source.text);
        }
    }

    #[test]
    fn arbitrary_toml_as_any_kind_of_file_never_panics(text in routine_text()) {
        parse_all_kinds(&text);
    }

    /// A routine's sound: checked at load and decoded for playing, never a panic, and a refusal is
    /// one of the reasons a routine's error can give.
    #[test]
    fn arbitrary_sound_files_never_panic(bytes in sound_bytes()) {
        let bytes: std::sync::Arc<[u8]> = bytes.into();
        let _ = limberup::soundfile::check_decodes(bytes.clone());
        #[cfg(feature = "audio")]
        let _ = limberup::soundfile::decode::decode(bytes, 1 << 16);
    }

    #[test]
    fn arbitrary_durations_never_panic(text in "\\PC{0,16}") {
        let _ = limberup::duration::parse_duration(&text);
    }
}
