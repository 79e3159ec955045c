//! The speech worker: makes the runner's own names on a thread of its own, one at a time, so the
//! sound thread never waits for a speech program (one that hangs, or 200 names on a slow machine).
//! Each name made is handed on as it is ready; a name asked for while its cue has already passed
//! simply was not said. Stopping ends a program still running at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::Speaker;

/// How long stopping waits for the worker to end its program and return.
const STOP_WAIT: Duration = Duration::from_millis(500);

/// What the worker does with a name it has made (decode it and keep it, in the product).
pub(crate) type Deliver = Box<dyn FnMut(&str, Arc<[u8]>) + Send>;

/// The handle: texts go in; dropping it stops the worker and any program it runs.
pub(crate) struct SpeechWorker {
    texts: Option<Sender<Arc<str>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Texts asked for already, so a routine started twice does not queue them twice.
    asked: Arc<Mutex<std::collections::HashSet<Arc<str>>>>,
}

impl SpeechWorker {
    /// Starts the worker: it first clears what a killed process left in the cache, then makes each
    /// text it is given and hands it to `deliver`.
    pub(crate) fn start(mut speaker: Speaker, mut deliver: Deliver) -> Self {
        let stop = speaker.stop_flag();
        let stopping = Arc::clone(&stop);
        let (texts, received) = mpsc::channel::<Arc<str>>();
        let thread = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || {
                speaker.clean_cache();
                for text in received {
                    if stopping.load(Ordering::Relaxed) {
                        break;
                    }
                    if let Some(wav) = speaker.wav(&text) {
                        deliver(&text, wav);
                    }
                }
            })
            .map_err(|error| tracing::error!(%error, "cannot start the speech thread"))
            .ok();
        Self {
            texts: Some(texts),
            stop,
            thread,
            asked: Arc::default(),
        }
    }

    /// Asks for `text` to be made, unless it was asked for already; never waits.
    pub(crate) fn ask(&self, text: &Arc<str>) {
        let new = self
            .asked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(Arc::clone(text));
        if new && let Some(texts) = &self.texts {
            let _ = texts.send(Arc::clone(text));
        }
    }
}

impl Drop for SpeechWorker {
    /// Ends a program still running (its whole process group) and lets the thread go; a thread that
    /// does not return within [`STOP_WAIT`] is left behind rather than holding up the exit.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.texts = None;
        let Some(thread) = self.thread.take() else {
            return;
        };
        let deadline = std::time::Instant::now() + STOP_WAIT;
        while !thread.is_finished() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        if thread.is_finished() {
            let _ = thread.join();
        } else {
            tracing::warn!("the speech thread did not stop in time; leaving it");
        }
    }
}
