//! What the outside world does to a running app: its terminal closed under it, a stop signal sent
//! from another shell, a FIFO where the log file should be.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common;
use crate::common::pane::{Pane, WAIT, kill, process_state};

fn alive(pid: &str) -> bool {
    !matches!(process_state(pid), '?' | 'Z')
}

/// `tmux kill-pane` mid-routine: the app sees its terminal gone, saves the session as quit and
/// leaves at once, without spinning on reads of 0 bytes.
#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn closing_the_terminal_saves_the_session_and_leaves_at_once() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    let pid = pane.app_pid();
    let start = Instant::now();
    pane.tmux(&["kill-pane", "-t", "main"]);
    while alive(&pid) {
        assert!(start.elapsed() < WAIT, "limberup did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = start.elapsed();
    assert!(took < Duration::from_millis(1500), "left after {took:?}");
    pane.assert_one_unfinished_session();
}

/// `kill -TSTP PID` from another shell: like ctrl-z, the terminal is handed back restored, and after
/// `fg` the app redraws in raw mode.
#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn an_external_sigtstp_suspends_like_ctrl_z() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let pane = Pane::start_in_shell("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    let pid = pane.app_pid();
    kill("-TSTP", &pid);
    let start = Instant::now();
    while process_state(&pid) != 'T' {
        assert!(start.elapsed() < WAIT, "limberup did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        pane.flag("#{alternate_on}"),
        "0",
        "the shell has its screen back"
    );
    assert_eq!(pane.flag("#{cursor_flag}"), "1", "the cursor is visible");
    pane.wait_for_text("Stopped");
    pane.type_line("fg");
    let screen = pane.wait_for_text("PAUSED");
    assert!(
        screen.contains("LONG HOLD"),
        "full redraw after fg:\n{screen}"
    );
    assert_eq!(pane.flag("#{alternate_on}"), "1");
    // Raw mode is back: a single key acts without Enter.
    pane.keys(&["q"]);
    pane.wait_for_text("Stop this routine?");
    pane.keys(&["y"]);
    pane.wait_for_text("Stopped");
    pane.keys(&["Enter"]);
    pane.wait_for_text("Stopped Tmux check");
    pane.record_exit_from_shell();
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
}

/// A FIFO where the log file goes: the app starts without a log (saying so before the screen
/// starts) instead of blocking on the open for a reader that never comes.
#[cfg_attr(
    limberup_no_tmux,
    ignore = "needs tmux, not found on PATH at build time"
)]
#[test]
fn a_fifo_as_the_log_file_is_refused_and_the_app_starts() {
    if !common::pane::tmux_or_skip() {
        return;
    }
    let data = tempfile::tempdir().expect("temp dir");
    let made = Command::new("mkfifo")
        .arg(data.path().join("limberup.log"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let pane = Pane::start_with_env(
        &format!("LIMBERUP_DATA_DIR={}", data.path().display()),
        "run routine.toml --mute",
        false,
    );
    pane.wait_for_text("LONG HOLD");
    pane.keys(&["C-c"]);
    assert_eq!(pane.exit_status(), "0");
    // The line wraps at the pane's 80 columns.
    let screen = pane.screen().replace('\n', "");
    assert!(
        screen.contains("limberup: warning: the log file")
            && screen.contains("is not a regular file"),
        "{screen}"
    );
}
