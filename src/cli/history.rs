//! `limberup history [--json | --csv]`: past sessions and pain checks.

use std::fmt::Write as _;
use std::io::Write;

use super::{Failure, Outcome, io_failure, json_failure};
use crate::calendar::Calendar;
use crate::config::Dirs;
use crate::history::Store;
use crate::routine::duration::format_clock;

pub fn run(dirs: &Dirs, json: bool, csv: bool, out: &mut impl Write) -> Outcome {
    let dir = dirs
        .data_dir
        .as_deref()
        .ok_or_else(|| Failure::Other(anyhow::anyhow!("no data folder; use --data-dir")))?;
    // Read only: listing the history never creates or changes anything.
    let store =
        Store::open_read_only(dir, &Calendar::system()).map_err(|e| Failure::Other(e.into()))?;
    let (sessions, checks) = match &store {
        Some(store) => (
            store.sessions().map_err(|e| Failure::Other(e.into()))?,
            store.checks().map_err(|e| Failure::Other(e.into()))?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let mut text = String::new();
    if json {
        let body = serde_json::json!({
            "sessions": sessions.iter().map(|s| serde_json::json!({
                "routine": s.routine_id, "routine_hash": s.routine_hash,
                "started_at": s.started_at.rfc3339(), "ended_at": s.ended_at.rfc3339(),
                "finished": s.finished, "completed": s.completed, "skipped": s.skipped,
                "extended": s.extended, "pauses": s.pauses, "paused_ms": s.paused_ms, "active_ms": s.active_ms,
            })).collect::<Vec<_>>(),
            "checks": checks.iter().map(|c| serde_json::json!({
                "taken_at": c.taken_at.rfc3339(), "pain": c.pain, "areas": c.areas, "level": c.level, "rules": c.rules,
            })).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &body).map_err(json_failure)?;
        return writeln!(out).map_err(io_failure);
    }
    if csv {
        text.push_str(
            "type,time,routine,finished,active_s,completed,skipped,pain,areas,level,rules\n",
        );
        for s in &sessions {
            let _ = writeln!(
                text,
                "session,{},{},{},{},{},{},,,,",
                s.started_at.rfc3339(),
                s.routine_id,
                s.finished,
                s.active_ms / 1000,
                s.completed,
                s.skipped
            );
        }
        for c in &checks {
            let _ = writeln!(
                text,
                "check,{},,,,,,{},{},{},{}",
                c.taken_at.rfc3339(),
                c.pain,
                c.areas.join(";"),
                c.level,
                c.rules.join(";")
            );
        }
    } else {
        let _ = writeln!(text, "Sessions ({}):", sessions.len());
        for s in &sessions {
            let _ = writeln!(
                text,
                "  {}  {:<24} {:>7}  {}",
                s.started_at.rfc3339(),
                s.routine_id,
                format_clock(s.active_ms),
                if s.finished { "finished" } else { "stopped" }
            );
        }
        let _ = writeln!(text, "Pain checks ({}):", checks.len());
        for c in &checks {
            let _ = writeln!(
                text,
                "  {}  pain {:>2}/10  {:<10} {}",
                c.taken_at.rfc3339(),
                c.pain,
                c.level,
                c.areas.join(", ")
            );
        }
    }
    out.write_all(text.as_bytes()).map_err(io_failure)
}
