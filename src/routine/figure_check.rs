//! `validate`'s contact check of a coach's own figures: a point a pose says rests on the floor but
//! floats (or a body sunk through the floor) is a warning at that pose, not an error: the figure
//! still draws, only less truthfully.

use crate::diag::{Diagnostic, SourceText};

use super::catalog::Catalog;

/// One warning per key pose that misses, at the pose's `[[id.figure.pose]]` table (or the figure's).
pub(crate) fn contact_warnings(source: &SourceText, catalog: &Catalog) -> Vec<Diagnostic> {
    let Ok(root) = crate::diag::toml::parse_toml(source) else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for exercise in catalog.iter() {
        let Some(figure) = &exercise.figure else {
            continue;
        };
        let figure_value = root
            .get_ref()
            .get(exercise.id.as_str())
            .and_then(|entry| entry.get_ref().as_table())
            .and_then(|entry| entry.get("figure"));
        let Some(figure_value) = figure_value else {
            // From another file of the library: not this file's to warn about.
            continue;
        };
        let poses = figure_value
            .get_ref()
            .as_table()
            .and_then(|t| t.get("pose"))
            .and_then(|p| p.get_ref().as_array());
        let mut warned = Vec::new();
        for miss in figure.contact_misses() {
            if warned.contains(&miss.pose) {
                continue;
            }
            warned.push(miss.pose);
            let span = poses
                .and_then(|p| p.get(miss.pose))
                .map_or_else(|| figure_value.span(), toml::Spanned::span);
            warnings.push(source.diagnostic(
                span,
                format!(
                    "in pose {} of the figure of `{}`, {}; change the angles so it rests there, or its `contacts`",
                    miss.pose + 1,
                    exercise.id,
                    miss.describe()
                ),
            ));
        }
    }
    warnings
}
