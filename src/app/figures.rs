//! Which figure shows where, at which moment of its movement, and when it next needs a frame.
//!
//! The rules for room are here, not in the renderer, so the app knows from the terminal size it last
//! saw whether a figure is drawn (and so whether to wake for its frames), and the renderer draws one
//! exactly when the app expects it.

use super::{App, Screen};
use crate::engine::AppInstant;
use crate::figure::{Figure, next_frame_at};
use crate::plan::{Segment, SegmentKind};
use crate::routine::{Side, Step, Work};

/// The player draws a figure beside the countdown from this size (columns, rows) up; below it, the
/// digits and words keep the whole panel.
pub(crate) const PLAYER_FIGURE_ROOM: (u16, u16) = (100, 30);
/// The exercise browser draws its figure from this size up.
pub(crate) const BROWSER_FIGURE_ROOM: (u16, u16) = (60, 16);
/// The routine preview draws a figure from this size up.
pub(crate) const PREVIEW_FIGURE_ROOM: (u16, u16) = (100, 24);

/// Whether a terminal of `size` has `room`.
pub(crate) fn has_room(size: (u16, u16), room: (u16, u16)) -> bool {
    size.0 >= room.0 && size.1 >= room.1
}

/// A figure at one moment of its movement, ready for [`crate::figure::FigureView::new`].
#[derive(Debug, Clone, Copy)]
pub struct FigureAt<'a> {
    pub figure: &'a Figure,
    pub phase: f64,
    pub mirrored: bool,
}

/// What the player shows in one frame.
#[derive(Debug, Clone, Copy)]
pub struct PlayerView<'a> {
    /// The segment now.
    pub current: &'a Segment,
    /// The step of the exercise the segment features (see [`featured_segment`]): its name and
    /// instructions are the words, its figure the picture.
    pub step: Option<&'a Step>,
    /// That exercise's figure, moving with the segment's time without pauses (mirrored for the
    /// right side).
    pub figure: Option<FigureAt<'a>>,
    /// During an exercise, the next different exercise, with its figure at its start.
    pub next: Option<(&'a Segment, Option<FigureAt<'a>>)>,
}

/// The exercise segment a segment shows: its own for an exercise, the coming one for rests,
/// get-ready and switches (a switch shows the side that comes, mirrored for the right).
pub(crate) fn featured_segment<'a>(
    segments: &'a [Segment],
    current: &'a Segment,
) -> Option<&'a Segment> {
    match current.kind {
        SegmentKind::Exercise => Some(current),
        _ => segments
            .get(current.index + 1..)?
            .iter()
            .find(|s| s.kind == SegmentKind::Exercise),
    }
}

/// The time of one rep (the step's tempo, else the catalog's), for the figure's pace.
fn tempo_ms(step: &Step, catalog_tempo: Option<u64>) -> Option<u64> {
    match step.work {
        Work::Reps { tempo: Some(t), .. } => Some(t.millis()),
        _ => catalog_tempo,
    }
}

impl App {
    /// The figure of an exercise step, if figures are on and its catalog entry has one.
    pub fn figure_of(&self, step: &Step) -> Option<(&Figure, Option<u64>)> {
        if !self.prefs.figures {
            return None;
        }
        let exercise = self.library.catalog.get(step.exercise.as_deref()?)?;
        let figure = exercise.figure.as_ref()?;
        let catalog_tempo = exercise.tempo.map(crate::duration::Secs::millis);
        Some((figure, tempo_ms(step, catalog_tempo)))
    }

    /// What the player shows now, worked out once for a frame (the views and the wake-ups read
    /// the same featured exercise); `None` off the player or after its last segment.
    pub fn player_view(&self) -> Option<PlayerView<'_>> {
        let Screen::Player(player) = &self.screen else {
            return None;
        };
        let session = &player.session;
        let current = session.current()?;
        let featured = featured_segment(&session.plan().segments, current);
        let step = featured
            .and_then(|f| f.step)
            .and_then(|n| player.routine.steps.get(n.checked_sub(1)?));
        let figure = featured.zip(step).and_then(|(featured, step)| {
            let (figure, tempo) = self.figure_of(step)?;
            Some(FigureAt {
                figure,
                phase: figure.phase_at(tempo, session.elapsed_in_segment(self.now)),
                mirrored: featured.side == Some(Side::Right),
            })
        });
        Some(PlayerView {
            current,
            step,
            figure,
            next: self.player_next_exercise(),
        })
    }

    /// The player's figure now (see [`PlayerView::figure`]). Room is the caller's to decide.
    pub fn player_figure(&self) -> Option<FigureAt<'_>> {
        self.player_view()?.figure
    }

    /// During an exercise, the next different exercise (not the same step's next set or side), with
    /// its figure at the start of its movement when it has one.
    pub fn player_next_exercise(&self) -> Option<(&Segment, Option<FigureAt<'_>>)> {
        let Screen::Player(player) = &self.screen else {
            return None;
        };
        let segments = &player.session.plan().segments;
        let current = player.session.current()?;
        if current.kind != SegmentKind::Exercise {
            return None;
        }
        let next = segments
            .get(current.index + 1..)?
            .iter()
            .find(|s| s.kind == SegmentKind::Exercise && s.step != current.step)?;
        let figure = next
            .step
            .and_then(|n| player.routine.steps.get(n - 1))
            .and_then(|step| self.figure_of(step))
            .map(|(figure, _)| FigureAt {
                figure,
                phase: 0.0,
                mirrored: next.side == Some(Side::Right),
            });
        Some((next, figure))
    }

    /// The exercise browser's figure now, moving from when the exercise was chosen.
    pub fn browser_figure(&self) -> Option<FigureAt<'_>> {
        let Screen::Exercises(browser) = &self.screen else {
            return None;
        };
        if !self.prefs.figures {
            return None;
        }
        let exercise = browser.selected_exercise(&self.library)?;
        let figure = exercise.figure.as_ref()?;
        let tempo = exercise.tempo.map(crate::duration::Secs::millis);
        Some(FigureAt {
            figure,
            phase: figure.phase_at(tempo, self.now.saturating_sub(browser.shown_since)),
            mirrored: false,
        })
    }

    /// When a moving figure on screen next needs a frame: only while one is drawn at the size the
    /// app last saw, and never while paused (the figure then stands still).
    pub fn next_figure_frame(&self) -> Option<AppInstant> {
        match &self.screen {
            Screen::Player(player) if has_room(self.size, PLAYER_FIGURE_ROOM) => {
                self.player_figure()?;
                let session = &player.session;
                let elapsed = session.elapsed_in_segment(self.now);
                let at = next_frame_at(elapsed, session.is_paused())?;
                Some(self.now.saturating_add(at - elapsed))
            }
            Screen::Exercises(browser) if has_room(self.size, BROWSER_FIGURE_ROOM) => {
                self.browser_figure()?;
                let elapsed = self.now.saturating_sub(browser.shown_since);
                let at = next_frame_at(elapsed, false)?;
                Some(self.now.saturating_add(at - elapsed))
            }
            _ => None,
        }
    }

    /// The terminal is now `width` × `height`: what shows (and so what wakes the app) depends on it.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if let super::Screen::Check(form) = &mut self.screen {
            form.resize((width, height));
        }
    }
}
