//! The real binary in a real terminal (tmux): a pane to start it in, keys in with send-keys, the
//! screen out with capture-pane, and the terminal's state after it exits.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(15);

pub const ROUTINE: &str = r#"
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

pub const SHORT_ROUTINE: &str = r#"
name = "No sound check"
kind = "stretch"
[defaults]
prepare = "2s"
[[steps]]
name = "Short hold"
duration = "5s"
"#;

/// Whether tmux can run here. Without it a test says it skipped (as the sound test does), unless
/// `LIMBERUP_REQUIRE_TMUX=1` (set by `.ci/run`, which installs tmux) makes that a failure.
pub fn tmux_or_skip() -> bool {
    let works = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !works {
        assert!(
            std::env::var_os("LIMBERUP_REQUIRE_TMUX").is_none_or(|v| v != "1"),
            "LIMBERUP_REQUIRE_TMUX=1 but tmux does not run"
        );
        eprintln!("skipped: tmux not installed");
    }
    works
}

pub struct Pane {
    pub socket: String,
    pub dir: tempfile::TempDir,
}

impl Pane {
    /// Starts `limberup ARGS` in an 80x24 pane; when it exits, its status and `stty -a` are saved.
    pub fn start(args: &str) -> Self {
        Self::start_in(args, false)
    }

    /// The same, typed into an interactive bash, which gives job control (ctrl-z and `fg`).
    pub fn start_in_shell(args: &str) -> Self {
        Self::start_in(args, true)
    }

    pub fn start_in(args: &str, interactive: bool) -> Self {
        Self::start_with_env("", args, interactive)
    }

    /// With extra `NAME=value` assignments for the app; `{d}` in them is the pane's folder.
    pub fn start_with_env(env: &str, args: &str, interactive: bool) -> Self {
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

    pub fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
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

    pub fn wait_for_text(&self, needle: &str) -> String {
        self.wait_for(needle, |s| s.contains(needle))
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "main", key]);
        }
    }

    pub fn type_line(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", line]);
        self.tmux(&["send-keys", "-t", "main", "Enter"]);
    }

    /// In the interactive shell, after the app has exited: save its status and the terminal modes.
    pub fn record_exit_from_shell(&self) {
        let d = self.dir.path().display();
        self.type_line(&format!("echo $? > {d}/status; stty -a > {d}/stty"));
    }

    pub fn flag(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim()
            .to_owned()
    }

    /// The pid of limberup: the child of the pane's shell.
    pub fn app_pid(&self) -> String {
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
    pub fn history(&self) -> serde_json::Value {
        let output = Command::new(env!("CARGO_BIN_EXE_limberup"))
            .args(["history", "--json", "--data-dir"])
            .arg(self.path("data"))
            .output()
            .expect("limberup history runs");
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice(&output.stdout).expect("JSON history")
    }

    /// The routine that was stopped from outside is in the history, once, as not finished.
    pub fn assert_one_unfinished_session(&self) {
        let history = self.history();
        let sessions = history["sessions"].as_array().expect("sessions");
        assert_eq!(sessions.len(), 1, "the session is saved once: {history}");
        assert_eq!(sessions[0]["finished"], false, "{history}");
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Waits for the app to exit and returns its exit status.
    pub fn exit_status(&self) -> String {
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
    pub fn assert_terminal_restored(&self) {
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
    /// Stops the pane's tmux server and removes its socket file, which `kill-server` leaves.
    fn drop(&mut self) {
        let socket_path = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "#{socket_path}",
            ])
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .filter(|path| !path.is_empty());
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
        if let Some(path) = socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

pub fn kill(signal: &str, pid: &str) {
    assert!(
        Command::new("kill")
            .args([signal, pid])
            .status()
            .expect("kill runs")
            .success()
    );
}

pub fn process_state(pid: &str) -> char {
    std::fs::read_to_string(Path::new("/proc").join(pid).join("stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.trim().chars().next())
        })
        .unwrap_or('?')
}
