//! The real binary in a real terminal (tmux): keys in with send-keys, screen out with capture-pane, and
//! after every way of ending (quit, SIGTERM, SIGHUP, ctrl-z then fg) the terminal must be as it was.
//!
//! tmux ships on the machines this project targets; if it is missing the test fails rather than skips.

use std::time::{Duration, Instant};

use crate::common;
use crate::common::pane::{Pane, WAIT, kill, process_state};

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn run_pause_skip_done_and_quit_restores_the_terminal() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    assert_eq!(
        pane.flag("#{alternate_on}"),
        "1",
        "the app uses the alternate screen"
    );
    pane.keys(&["Space"]);
    pane.wait_for_text("PAUSED");
    pane.keys(&["Space", "n"]);
    pane.wait_for_text("CHIN TUCKS · 3 reps");
    pane.keys(&["Enter"]);
    pane.wait_for_text("Well done!");
    pane.keys(&["Enter"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
    assert!(
        pane.screen().contains("Finished Tmux check"),
        "{}",
        pane.screen()
    );
    let log = std::fs::read_to_string(pane.path("data/limberup.log"))
        .expect("a log file in the data dir");
    assert!(log.contains("starting"), "{log}");
}

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn quit_asks_first_and_ctrl_c_does_not() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    pane.keys(&["q"]);
    pane.wait_for_text("Stop this routine?");
    pane.keys(&["n"]);
    pane.wait_for("the question to close", |s| {
        !s.contains("Stop this routine?")
    });
    pane.keys(&["C-c"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
    assert!(
        pane.screen().contains("Stopped Tmux check"),
        "{}",
        pane.screen()
    );
}

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn sigterm_restores_the_terminal_and_saves_the_session_as_quit() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    kill("-TERM", &pane.app_pid());
    assert_eq!(pane.exit_status(), "143");
    pane.assert_terminal_restored();
    pane.assert_one_unfinished_session();
}

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn the_pain_check_full_screen_saves_only_when_the_result_shows() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    // Leaving half-way saves nothing. Without the one-second guard (proved by the test after this
    // one), so that no key waits.
    let pane = Pane::start(UNGUARDED_CHECK);
    pane.wait_for_text("How bad is the pain");
    pane.keys(&["3"]);
    pane.keys(&["Enter"]);
    pane.wait_for_text("Where does it hurt?");
    // One key at a time: two escapes read together are one key to the terminal's parser (ESC ESC),
    // which a slow app on a loaded machine gets in one read.
    pane.keys(&["Escape"]);
    pane.wait_for_text("How bad is the pain");
    pane.keys(&["Escape"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
    assert_eq!(pane.history()["checks"].as_array().map(Vec::len), Some(0));

    // Answered to the end: the result shows and the check is in the history.
    let pane = Pane::start(UNGUARDED_CHECK);
    pane.wait_for_text("How bad is the pain");
    let answer = |keys: &[&str]| pane.keys(keys);
    pane.keys(&["6"]);
    answer(&["Enter"]);
    pane.wait_for_text("Where does it hurt?");
    pane.keys(&["5"]);
    answer(&["Enter"]);
    pane.wait_for_text("Warning signs first");
    // Enter on the warning signs with nothing marked answers nothing.
    pane.keys(&["Enter", "Enter", "Enter"]);
    pane.wait_for_text("Nothing marked");
    answer(&["1"]);
    pane.wait_for_text("[  YES   ]");
    answer(&["Enter"]);
    pane.wait_for_text("EMERGENCY · call for help now");
    // Keys that answered questions do nothing here.
    pane.keys(&["Enter", "y", "n"]);
    pane.wait_for_text("This is your result");
    pane.keys(&["Escape"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
    let history = pane.history();
    let checks = history["checks"].as_array().expect("checks");
    assert_eq!(checks.len(), 1, "{history}");
    assert_eq!(checks[0]["level"], "emergency");
    assert_eq!(checks[0]["areas"][0], "lower-back");
}

/// The pain check with no wait before a key may answer (the hidden `--answer-guard-ms`), so that
/// these tests type at once instead of sleeping a second a screen.
const UNGUARDED_CHECK: &str = "check --answer-guard-ms 0";

/// The real binary with its real one-second guard: a key right after a question appears answers
/// nothing ("Too quick"). Two enters back to back: whichever screen the first lands on, the second
/// comes milliseconds after that screen appeared.
#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn the_real_guard_refuses_a_key_that_comes_too_soon() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start("check --no-save");
    pane.wait_for_text("How bad is the pain");
    pane.keys(&["3", "Enter", "Enter"]);
    pane.wait_for_text("Too quick");
    pane.keys(&["C-c"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
}

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn sighup_restores_the_terminal() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start("--mute");
    pane.wait_for_text("limberup · routines");
    kill("-HUP", &pane.app_pid());
    assert_eq!(pane.exit_status(), "129");
    pane.assert_terminal_restored();
}

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_redraws_paused() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start_in_shell("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    let pid = pane.app_pid();
    pane.keys(&["C-z"]);
    let start = Instant::now();
    while process_state(&pid) != 'T' {
        assert!(start.elapsed() < WAIT, "limberup did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        pane.flag("#{alternate_on}"),
        "0",
        "the shell gets its screen back while suspended"
    );
    pane.wait_for_text("Stopped");
    pane.type_line("fg");
    let screen = pane.wait_for_text("PAUSED");
    assert!(
        screen.contains("LONG HOLD"),
        "full redraw after fg:\n{screen}"
    );
    assert_eq!(pane.flag("#{alternate_on}"), "1");
    pane.keys(&["q", "y"]);
    pane.wait_for_text("Stopped");
    pane.keys(&["Enter"]);
    pane.wait_for_text("Stopped Tmux check");
    pane.record_exit_from_shell();
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
}

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn resizing_redraws_at_the_new_size_and_too_small_says_so() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    pane.tmux(&["resize-window", "-t", "main", "-x", "40", "-y", "12"]);
    let screen = pane.wait_for("a 40-column layout", |s| {
        s.lines()
            .any(|l| l.starts_with('┏') && l.chars().count() == 40)
    });
    assert!(screen.contains("LONG HOLD"), "{screen}");
    pane.tmux(&["resize-window", "-t", "main", "-x", "20", "-y", "6"]);
    pane.wait_for_text("too small");
    pane.tmux(&["resize-window", "-t", "main", "-x", "100", "-y", "30"]);
    pane.wait_for("a 100-column layout", |s| {
        s.lines()
            .any(|l| l.starts_with('┏') && l.chars().count() == 100)
    });
    pane.keys(&["C-c"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
}

/// Prepare 2 s, a 5 s hold: over in 7 s. The audio stack's own messages only exist in the build with
/// audio.
#[cfg(feature = "audio")]
#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn without_a_sound_device_the_routine_plays_on_says_so_and_the_audio_stack_stays_off_screen() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    // No sound server to find, and an ALSA with no configuration: every way to a device fails, and
    // ALSA complains on stderr, which must land in the log, not on the screen.
    let pane = Pane::start_with_env(
        "PULSE_SERVER=unix:{d}/no-server XDG_RUNTIME_DIR={d} ALSA_CONFIG_PATH={d}/no-alsa.conf",
        "run short.toml",
        false,
    );
    let start = Instant::now();
    let mut saw_notice = false;
    loop {
        let screen = pane.screen();
        for noise in [
            "ALSA", "alsa", "snd_", "cpal", "rodio", "Pulse", "pulse", "Dropping",
        ] {
            assert!(!screen.contains(noise), "`{noise}` on screen:\n{screen}");
        }
        saw_notice |= screen.contains("no sound device: cues show on screen");
        if screen.contains("Well done!") {
            break;
        }
        assert!(
            start.elapsed() < WAIT,
            "the routine did not finish:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(saw_notice, "the footer said there is no sound");
    assert_eq!(
        pane.flag("#{window_bell_flag}"),
        "0",
        "no bell unless asked for"
    );
    pane.keys(&["Escape"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
    let log = std::fs::read_to_string(pane.path("data/limberup.log")).expect("log");
    assert!(log.contains("no sound device"), "{log}");
    #[cfg(target_os = "linux")]
    assert!(
        log.contains("ALSA lib"),
        "ALSA's own messages are in the log: {log}"
    );
}

#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn without_a_sound_device_the_bell_rings_on_cues_when_asked_to() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start_with_env(
        "PULSE_SERVER=unix:{d}/no-server XDG_RUNTIME_DIR={d} ALSA_CONFIG_PATH={d}/no-alsa.conf LIMBERUP_CONFIG={d}/bell.toml",
        "run short.toml",
        false,
    );
    // tmux flags a bell in a window nobody is looking at (the test's session is detached).
    pane.wait_for("a bell", |_| pane.flag("#{window_bell_flag}") == "1");
    pane.keys(&["C-c"]);
    assert_eq!(pane.exit_status(), "0");
}

/// The real binary with a real history: the first full-screen check asks the profile at its end and
/// saves it; the next check (another run of `limberup check`) uses it without asking.
#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn the_first_check_asks_the_profile_and_the_next_does_not() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let shared = tempfile::tempdir().expect("temp dir");
    let env = format!("LIMBERUP_DATA_DIR={}", shared.path().display());
    let answer = |pane: &Pane, keys: &[&str]| pane.keys(keys);
    let first = Pane::start_with_env(&env, UNGUARDED_CHECK, false);
    first.wait_for_text("How bad is the pain");
    first.keys(&["0"]);
    answer(&first, &["Enter"]);
    first.wait_for_text("Warning signs first");
    answer(&first, &["n"]);
    first.wait_for_text("Signs that need a doctor");
    answer(&first, &["n"]);
    first.wait_for_text("How old are you?");
    first.keys(&["4", "0"]);
    answer(&first, &["Enter"]);
    first.wait_for_text("Is any of these true of you?");
    answer(&first, &["2"]);
    answer(&first, &["Enter"]);
    first.wait_for_text("OK · normal post-run soreness");
    first.wait_for_text("bone risk: yes");
    first.keys(&["Escape"]);
    assert_eq!(first.exit_status(), "0");
    let profile = std::process::Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["profile", "--json", "--data-dir"])
        .arg(shared.path())
        .output()
        .expect("runs");
    let profile: serde_json::Value = serde_json::from_slice(&profile.stdout).expect("JSON");
    assert_eq!(profile["age"], 40, "{profile}");
    assert_eq!(profile["facts"]["bone-risk"]["answer"], "yes", "{profile}");
    assert_eq!(
        profile["facts"]["cancer-history"]["answer"], "no",
        "{profile}"
    );

    let second = Pane::start_with_env(&env, UNGUARDED_CHECK, false);
    second.wait_for_text("How bad is the pain");
    second.keys(&["0"]);
    answer(&second, &["Enter"]);
    second.wait_for_text("question 2 of 3");
    answer(&second, &["n"]);
    answer(&second, &["n"]);
    let result = second.wait_for_text("OK · normal post-run soreness");
    assert!(!result.contains("How old are you?"), "{result}");
    second.wait_for_text("age 40");
    second.keys(&["Escape"]);
    assert_eq!(second.exit_status(), "0");
}
