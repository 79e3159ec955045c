//! Many writes in few transactions: importing a folder of a thousand runs one commit each would be
//! a thousand disk syncs (seconds on a slow disk). Writes are held in one savepoint and committed
//! every [`BATCH_FILES`] items or [`BATCH_TIME`], whichever comes first, so another limberup
//! writing the history (the app saving a session) waits at most one batch.

use std::time::{Duration, Instant};

use super::{HistoryError, Store};

/// At most this many items a commit.
pub const BATCH_FILES: usize = 200;
/// At most this long between commits.
pub const BATCH_TIME: Duration = Duration::from_millis(500);

/// A store whose writes are committed in batches. Dropping it commits what was written: each item
/// is whole (its own savepoint inside), so even an import that stops half-way keeps what it did.
pub struct Batched<'s> {
    store: &'s mut Store,
    open: Option<(Instant, usize)>,
}

impl<'s> Batched<'s> {
    pub fn new(store: &'s mut Store) -> Self {
        Self { store, open: None }
    }

    /// The store, inside the batch (opened if need be).
    pub fn store(&mut self) -> Result<&mut Store, HistoryError> {
        if self.open.is_none() {
            self.store
                .connection
                .execute_batch("SAVEPOINT import_batch")
                .map_err(|e| self.store.sqlite(e))?;
            self.open = Some((Instant::now(), 0));
        }
        Ok(self.store)
    }

    /// One item done: commits when the batch is full or old enough.
    pub fn done_one(&mut self) -> Result<(), HistoryError> {
        if let Some((since, count)) = self.open.as_mut() {
            *count += 1;
            if *count >= BATCH_FILES || since.elapsed() >= BATCH_TIME {
                self.commit()?;
            }
        }
        Ok(())
    }

    /// Commits what is held.
    pub fn commit(&mut self) -> Result<(), HistoryError> {
        if self.open.take().is_some() {
            self.store
                .connection
                .execute_batch("RELEASE import_batch")
                .map_err(|e| self.store.sqlite(e))?;
        }
        Ok(())
    }
}

impl Drop for Batched<'_> {
    fn drop(&mut self) {
        if let Err(error) = self.commit() {
            tracing::warn!(%error, "an import batch could not be committed");
        }
    }
}
