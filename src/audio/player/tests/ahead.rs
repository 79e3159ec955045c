//! Cues handed to the player ahead of their moment (issue 27): started then, played once, called
//! off when they will not happen.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::*;
use crate::audio::{Ahead, HAND_AHEAD};

/// The cues due next, `due_in` from now.
fn ahead(due_in: Duration, cues: &[Cued]) -> Ahead {
    Ahead {
        due_in,
        cues: cues.to_vec(),
    }
}

fn waits(log: &Log) -> Vec<Duration> {
    log.waits.lock().expect("log").clone()
}

/// A cue handed ahead starts on the sound card's clock at its moment, and is not played again when
/// its event comes (late, as the app's thread may wake on a loaded machine): issue 27.
#[test]
fn a_cue_handed_ahead_starts_at_its_moment_and_plays_once() {
    let mut rig = start(false, None);
    let tick = cued_at(5_000, &[Clip::Tick]);
    rig.player.expect(Some(HAND_AHEAD));
    rig.player
        .ahead(Some(ahead(HAND_AHEAD, std::slice::from_ref(&tick))));
    rig.settle();
    assert_eq!(played(&rig.log), vec![vec!["tick".to_owned()]]);
    assert_eq!(waits(&rig.log), vec![HAND_AHEAD], "it waits for its moment");
    // The app's thread wakes 70 ms after the moment and hands over the event.
    rig.pass(HAND_AHEAD + Duration::from_millis(70));
    rig.player.play(&tick, false);
    rig.player.ahead(None);
    rig.settle();
    assert_eq!(played(&rig.log).len(), 1, "played once");
    assert_eq!(
        rig.log.called_off.load(Ordering::SeqCst),
        0,
        "nothing was called off: the cue came"
    );
}

/// The same cues handed ahead on every wake-up are sent to the sound thread once.
#[test]
fn the_same_cues_handed_ahead_again_are_sent_once() {
    let mut rig = start(false, None);
    let tick = cued_at(5_000, &[Clip::Tick]);
    for left in [250, 180, 40] {
        rig.player.ahead(Some(ahead(
            Duration::from_millis(left),
            std::slice::from_ref(&tick),
        )));
        rig.settle();
    }
    assert_eq!(played(&rig.log).len(), 1);
}

/// A pause (or skip, or mute) before the moment calls the cue off: it is stopped before it starts.
/// If its event comes after all, it plays then, late rather than lost.
#[test]
fn a_cue_handed_ahead_is_called_off_when_it_will_not_happen() {
    let mut rig = start(false, None);
    let tick = cued_at(5_000, &[Clip::Tick]);
    rig.player
        .ahead(Some(ahead(HAND_AHEAD, std::slice::from_ref(&tick))));
    rig.settle();
    rig.pass(Duration::from_millis(100));
    rig.player.ahead(None);
    rig.settle();
    assert_eq!(rig.log.called_off.load(Ordering::SeqCst), 1, "called off");
    rig.player.play(&tick, false);
    rig.settle();
    assert_eq!(played(&rig.log).len(), 2, "played when it came after all");
    assert_eq!(waits(&rig.log)[1], Duration::ZERO, "at once");
}

/// Other cues in place of those handed before (the runner added ten seconds): the old are called
/// off and the new handed over; each cue of a moment plays on its own, mixed.
#[test]
fn new_cues_ahead_replace_those_handed_before() {
    let mut rig = start(false, None);
    rig.player
        .ahead(Some(ahead(HAND_AHEAD, &[cued_at(5_000, &[Clip::Tick])])));
    rig.settle();
    let later = [
        cued_at(6_000, &[Clip::Rest]),
        cued_at(6_000, &[Clip::Start]),
    ];
    rig.player
        .ahead(Some(ahead(Duration::from_millis(200), &later)));
    rig.settle();
    assert_eq!(rig.log.called_off.load(Ordering::SeqCst), 1);
    assert_eq!(
        played(&rig.log),
        vec![
            vec!["tick".to_owned()],
            vec!["rest".to_owned()],
            vec!["start".to_owned()]
        ]
    );
    for cue in &later {
        rig.player.play(cue, false);
    }
    rig.settle();
    assert_eq!(played(&rig.log).len(), 3, "none played twice");
}
