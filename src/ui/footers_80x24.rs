//! Every screen's footer at 80×24, the smallest usual terminal, in one snapshot: which keys each
//! screen keeps when they do not all fit (by their priority; `?` always).

use super::key_tables::{app_in, states, text_at};

#[test]
fn every_footer_at_80x24() {
    let footers: Vec<String> = states()
        .into_iter()
        .map(|(name, keys)| {
            let app = app_in(name, &keys);
            let screen = text_at(&app, (80, 24));
            let footer = screen.last().map_or("", |line| line.trim_end());
            assert!(
                footer.contains("? help") || app.footer_hints().iter().all(|h| h.shown != "?"),
                "{name}: {footer}"
            );
            format!("{name:<30}| {footer}")
        })
        .collect();
    insta::assert_snapshot!(footers.join("\n"));
}
