//! The real binary in a real terminal (tmux): keys in with send-keys, screen out with capture-pane, and
//! after every way of ending (quit, SIGTERM, SIGHUP, ctrl-z then fg) the terminal must be as it was.
//!
//! tmux ships on the machines this project targets; if it is missing the test fails rather than skips.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(15);

const ROUTINE: &str = r#"
name = "Tmux check"
kind = "stretch"
[defaults]
prepare = 0
[[steps]]
name = "Long hold"
duration = "10m"
[[steps]]
name = "Chin tucks"
reps = 3
"#;

struct Pane {
    socket: String,
    dir: tempfile::TempDir,
}

impl Pane {
    /// Starts `limberup ARGS` in an 80x24 pane; when it exits, its status and `stty -a` are saved.
    fn start(args: &str) -> Self {
        Self::start_in(args, false)
    }

    /// The same, typed into an interactive bash, which gives job control (ctrl-z and `fg`).
    fn start_in_shell(args: &str) -> Self {
        Self::start_in(args, true)
    }

    fn start_in(args: &str, interactive: bool) -> Self {
        Self::start_with_env("", args, interactive)
    }

    /// With extra `NAME=value` assignments for the app; `{d}` in them is the pane's folder.
    fn start_with_env(env: &str, args: &str, interactive: bool) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("routine.toml"), ROUTINE).expect("write routine");
        std::fs::write(dir.path().join("short.toml"), SHORT_ROUTINE).expect("write routine");
        std::fs::write(dir.path().join("bell.toml"), "bell = true\n").expect("write settings");
        let socket = format!(
            "limberup-test-{}-{}",
            std::process::id(),
            dir.path()
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("x")
        );
        let d = dir.path().display();
        let env = env.replace("{d}", &d.to_string());
        let script = format!(
            "cd {d} && LIMBERUP_DATA_DIR={d}/data LIMBERUP_ROUTINES={d}/none {env} {bin} {args}; echo $? > {d}/status; stty -a > {d}/stty; sleep 600",
            bin = env!("CARGO_BIN_EXE_limberup"),
        );
        let shell: &[&str] = if interactive {
            &["bash", "--norc", "--noprofile", "-i"]
        } else {
            &["sh", "-c", &script]
        };
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                "80",
                "-y",
                "24",
            ])
            .args(shell)
            .status()
            .expect("tmux must be installed for this test");
        assert!(status.success(), "tmux could not start a session");
        let pane = Self { socket, dir };
        pane.tmux(&["set-option", "-g", "status", "off"]);
        if interactive {
            // Only the app itself: bash would run the rest of a list when the app is stopped.
            let app_only = script.split("; echo").next().unwrap_or(&script).to_owned();
            pane.type_line(&app_only);
        }
        pane
    }

    fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for_text(&self, needle: &str) -> String {
        self.wait_for(needle, |s| s.contains(needle))
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "main", key]);
        }
    }

    fn type_line(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", line]);
        self.tmux(&["send-keys", "-t", "main", "Enter"]);
    }

    /// In the interactive shell, after the app has exited: save its status and the terminal modes.
    fn record_exit_from_shell(&self) {
        let d = self.dir.path().display();
        self.type_line(&format!("echo $? > {d}/status; stty -a > {d}/stty"));
    }

    fn flag(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim()
            .to_owned()
    }

    /// The pid of limberup: the child of the pane's shell.
    fn app_pid(&self) -> String {
        let shell = self.flag("#{pane_pid}");
        let output = Command::new("pgrep")
            .args(["-P", &shell, "limberup"])
            .output()
            .expect("pgrep runs");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .expect("limberup is running")
            .trim()
            .to_owned()
    }

    /// `limberup history --json` of the pane's data dir.
    fn history(&self) -> serde_json::Value {
        let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
            .args(["history", "--json", "--data-dir"])
            .arg(self.path("data"))
            .output()
            .expect("limberup history runs");
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice(&output.stdout).expect("JSON history")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Waits for the app to exit and returns its exit status.
    fn exit_status(&self) -> String {
        let start = Instant::now();
        let file = self.path("stty");
        while !file.exists() || std::fs::read_to_string(&file).map_or(true, |s| s.is_empty()) {
            assert!(
                start.elapsed() < WAIT,
                "limberup did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        std::fs::read_to_string(self.path("status"))
            .expect("status")
            .trim()
            .to_owned()
    }

    /// Raw mode off, alternate screen left, cursor shown.
    fn assert_terminal_restored(&self) {
        let stty = std::fs::read_to_string(self.path("stty")).expect("stty saved");
        assert!(
            stty.split_whitespace().any(|w| w == "icanon"),
            "canonical mode is back: {stty}"
        );
        assert!(
            stty.split_whitespace().any(|w| w == "echo"),
            "echo is back: {stty}"
        );
        assert_eq!(
            self.flag("#{alternate_on}"),
            "0",
            "left the alternate screen"
        );
        assert_eq!(self.flag("#{cursor_flag}"), "1", "the cursor is visible");
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn kill(signal: &str, pid: &str) {
    assert!(
        Command::new("kill")
            .args([signal, pid])
            .status()
            .expect("kill runs")
            .success()
    );
}

fn process_state(pid: &str) -> char {
    std::fs::read_to_string(Path::new("/proc").join(pid).join("stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.trim().chars().next())
        })
        .unwrap_or('?')
}

#[test]
fn run_pause_skip_done_and_quit_restores_the_terminal() {
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

#[test]
fn quit_asks_first_and_ctrl_c_does_not() {
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

#[test]
fn sigterm_restores_the_terminal_and_saves_the_session_as_quit() {
    let pane = Pane::start("run routine.toml --mute");
    pane.wait_for_text("LONG HOLD");
    kill("-TERM", &pane.app_pid());
    assert_eq!(pane.exit_status(), "143");
    pane.assert_terminal_restored();
    let history = pane.history();
    let sessions = history["sessions"].as_array().expect("sessions");
    assert_eq!(sessions.len(), 1, "{history}");
    assert_eq!(sessions[0]["finished"], false, "{history}");
}

#[test]
fn the_pain_check_full_screen_saves_only_when_the_result_shows() {
    // Leaving half-way saves nothing.
    let pane = Pane::start("check");
    pane.wait_for_text("How bad is the pain");
    pane.keys(&["3"]);
    std::thread::sleep(Duration::from_millis(1_100));
    pane.keys(&["Enter"]);
    pane.wait_for_text("Where does it hurt?");
    pane.keys(&["Escape", "Escape"]);
    assert_eq!(pane.exit_status(), "0");
    pane.assert_terminal_restored();
    assert_eq!(pane.history()["checks"].as_array().map(Vec::len), Some(0));

    // Answered to the end, a key a little over a second after each question (a key sooner is
    // taken as held or pasted): the result shows and the check is in the history.
    let pane = Pane::start("check");
    pane.wait_for_text("How bad is the pain");
    let answer = |keys: &[&str]| {
        std::thread::sleep(Duration::from_millis(1_100));
        pane.keys(keys);
    };
    pane.keys(&["6"]);
    answer(&["Enter"]);
    pane.wait_for_text("Where does it hurt?");
    pane.keys(&["5"]);
    answer(&["Enter"]);
    pane.wait_for_text("Warning signs first");
    // Enter held on a warning sign answers nothing: too soon, then nothing chosen.
    pane.keys(&["Enter", "Enter", "Enter"]);
    pane.wait_for_text("Too quick");
    answer(&["Enter"]);
    pane.wait_for_text("Nothing chosen");
    answer(&["y"]);
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

#[test]
fn sighup_restores_the_terminal() {
    let pane = Pane::start("--mute");
    pane.wait_for_text("limberup · routines");
    kill("-HUP", &pane.app_pid());
    assert_eq!(pane.exit_status(), "129");
    pane.assert_terminal_restored();
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_redraws_paused() {
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

#[test]
fn resizing_redraws_at_the_new_size_and_too_small_says_so() {
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

/// Prepare 2 s, a 5 s hold: over in 7 s.
const SHORT_ROUTINE: &str = r#"
name = "No sound check"
kind = "stretch"
[defaults]
prepare = "2s"
[[steps]]
name = "Short hold"
duration = "5s"
"#;

#[test]
fn without_a_sound_device_the_routine_plays_on_says_so_and_the_audio_stack_stays_off_screen() {
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

#[test]
fn without_a_sound_device_the_bell_rings_on_cues_when_asked_to() {
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
