//! The `plan --json` shape, as the command-line contract gives it.

use serde::Serialize;

use super::{Plan, SegmentKind};
use crate::format::model::Side;

#[derive(Debug, Serialize)]
pub struct PlanJson {
    pub id: String,
    pub total_s: f64,
    pub estimated: bool,
    pub segments: Vec<SegmentJson>,
    pub cues: Vec<CueJson>,
}

#[derive(Debug, Serialize)]
pub struct SegmentJson {
    pub index: usize,
    pub kind: SegmentKind,
    pub name: String,
    pub start_s: f64,
    pub duration_s: Option<f64>,
    pub step: Option<usize>,
    pub set: Option<u32>,
    pub side: Option<Side>,
    pub round: Option<u32>,
    /// The caution the voice says in this segment (the step's first start), when it says one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caution: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CueJson {
    pub t_s: f64,
    pub cue: super::Cue,
}

#[allow(clippy::cast_precision_loss)] // milliseconds of a routine of at most 4 h fit an f64 exactly
fn seconds(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

impl From<&Plan> for PlanJson {
    fn from(plan: &Plan) -> Self {
        Self {
            id: plan.id.clone(),
            total_s: seconds(plan.total_ms()),
            estimated: plan.is_estimated(),
            segments: plan
                .segments
                .iter()
                .map(|s| SegmentJson {
                    index: s.index,
                    kind: s.kind,
                    name: s.name.clone(),
                    start_s: seconds(s.start_ms),
                    duration_s: s.length_ms.map(seconds),
                    step: s.step,
                    set: s.set,
                    side: s.side,
                    round: s.round,
                    caution: s.caution_window().and(s.caution.clone()),
                })
                .collect(),
            cues: plan
                .cues()
                .into_iter()
                .map(|(at, cue)| CueJson {
                    t_s: seconds(at),
                    cue,
                })
                .collect(),
        }
    }
}
