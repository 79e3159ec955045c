//! `limberup runs ...`: runs from watch and app files (see `runs.md` in the spec). Listing reads the
//! history without creating it; importing, forgetting and correcting write it.

mod import;
pub(super) mod json;
mod list;
mod show;
mod weeks;

use std::io::Write;

use super::args::{RunsAction, RunsListArgs};
use super::{Failure, Outcome, io_failure};
use crate::calendar::Calendar;
use crate::config::{Dirs, Settings};
use crate::history::Store;

pub(super) use import::sync_in_background;

/// Runs `limberup runs [ACTION]`; without an action, the list.
pub(super) fn run(
    action: Option<RunsAction>,
    list_args: &RunsListArgs,
    dirs: &Dirs,
    settings: impl FnOnce() -> Result<Settings, Failure>,
    out: &mut impl Write,
) -> Outcome {
    let calendar = Calendar::system();
    match action {
        None => list::run(dirs, &calendar, list_args, out),
        Some(RunsAction::List(args)) => list::run(dirs, &calendar, &args, out),
        Some(RunsAction::Show { id, json }) => show::run(dirs, &calendar, id, json, out),
        Some(RunsAction::Weeks { weeks, today, json }) => {
            weeks::run(dirs, &calendar, weeks, today, json, out)
        }
        Some(RunsAction::Import {
            paths,
            sport,
            dry_run,
            json,
        }) => import::import(
            dirs,
            &calendar,
            &paths,
            &import::Options {
                sport,
                dry_run,
                json,
            },
            out,
        ),
        Some(RunsAction::Sync { json }) => {
            import::sync(dirs, &calendar, &settings()?.runs_folders, json, out)
        }
        Some(RunsAction::Forget { id }) => {
            let mut store = writable(dirs, &calendar)?;
            if !store.hide_run(id)? {
                return Err(Failure::NoSuchRun(id));
            }
            writeln!(
                out,
                "run #{id} forgotten: it no longer counts, and importing it again does not bring it back"
            )
            .map_err(io_failure)
        }
        Some(RunsAction::Set { id, sport }) => {
            let mut store = writable(dirs, &calendar)?;
            if !store.set_run_sport(id, &sport.sport, sport.sub_sport.as_deref())? {
                return Err(Failure::NoSuchRun(id));
            }
            let sport_words = match &sport.sub_sport {
                Some(sub) => format!("{} ({sub})", sport.sport),
                None => sport.sport.clone(),
            };
            writeln!(out, "run #{id} is now {sport_words}").map_err(io_failure)
        }
    }
}

/// The history to write, created if need be.
fn writable(dirs: &Dirs, calendar: &Calendar) -> Result<Store, Failure> {
    let dir = dirs.data_dir.as_deref().ok_or(Failure::NoDataFolder)?;
    Ok(super::open_history_to_write(dir, calendar)?)
}

/// Every stored run with its warning, read without creating or changing anything.
fn read_views(
    dirs: &Dirs,
    calendar: &Calendar,
) -> Result<Vec<crate::history::run_view::RunView>, Failure> {
    let dir = dirs.data_dir.as_deref().ok_or(Failure::NoDataFolder)?;
    let rows = match Store::open_read_only(dir, calendar)? {
        Some(store) => store.runs()?,
        None => Vec::new(),
    };
    Ok(crate::history::run_view::views(rows, calendar))
}
