//! A bounded pool of dedicated threads for bcrypt, off the async executor.

use std::fmt;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Poll};
use std::thread;

use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

use crate::{CanonicalHrId, HashError, HashedHrId, HrIdHasher};

/// Why the pool did not produce a hash.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PoolError {
    /// Every worker is busy and the queue is full. Answer 503 with
    /// `Retry-After` rather than queueing without bound.
    #[error("participant hashing is saturated; retry later")]
    Busy,
    /// A pool needs at least one thread.
    #[error("a hashing pool needs at least one thread")]
    NoThreads,
    /// `threads + queue_capacity` is beyond what the pool can count.
    #[error("hashing pool capacity is too large")]
    CapacityTooLarge,
    /// A worker thread could not be started.
    #[error("could not start a hashing thread: {reason}")]
    Spawn {
        /// The operating system's description.
        reason: String,
    },
    /// The worker went away without answering.
    #[error("the hashing pool shut down before answering")]
    Closed,
    /// The hash itself failed.
    #[error(transparent)]
    Hash(#[from] HashError),
}

type Reply = Result<HashedHrId, HashError>;

struct Job {
    hasher: Arc<HrIdHasher>,
    id: CanonicalHrId,
    reply: oneshot::Sender<Reply>,
    /// Held until the work is done (not until the caller stops waiting), so
    /// admission counts real CPU work even when callers give up.
    permit: OwnedSemaphorePermit,
}

/// A fixed number of dedicated OS threads running bcrypt, with a bounded
/// queue in front.
///
/// Admission is decided at once: when `threads` jobs are running and
/// `queue_capacity` are waiting, the next request gets [`PoolError::Busy`]
/// immediately instead of waiting, so a server can shed load with 503 +
/// `Retry-After`. bcrypt never runs on the async executor, so timers and I/O
/// keep running while the pool is saturated.
///
/// Dropping the pool lets the workers finish the jobs already admitted, then
/// exit.
pub struct HashingPool {
    admission: Arc<Semaphore>,
    jobs: mpsc::Sender<Job>,
    threads: usize,
    capacity: usize,
}

impl HashingPool {
    /// The default number of hashing threads: one per core but one, at
    /// least one. The core left over keeps answering every other request
    /// while submissions saturate the pool (benchmark workload 4); the
    /// workers also run at the lowest priority.
    pub fn default_threads() -> usize {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get().saturating_sub(1))
            .max(1)
    }

    /// Starts `threads` worker threads (named `kataloop-bcrypt-N`) with room
    /// for `queue_capacity` waiting jobs.
    pub fn new(threads: usize, queue_capacity: usize) -> Result<Self, PoolError> {
        if threads == 0 {
            return Err(PoolError::NoThreads);
        }
        let capacity = threads
            .checked_add(queue_capacity)
            .filter(|&c| c <= Semaphore::MAX_PERMITS)
            .ok_or(PoolError::CapacityTooLarge)?;
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads {
            let queue = Arc::clone(&queue);
            thread::Builder::new()
                .name(format!("kataloop-bcrypt-{n}"))
                .spawn(move || worker(&queue))
                .map_err(|e| PoolError::Spawn {
                    reason: e.to_string(),
                })?;
        }
        Ok(Self {
            admission: Arc::new(Semaphore::new(capacity)),
            jobs,
            threads,
            capacity,
        })
    }

    /// Admits a job or refuses it with [`PoolError::Busy`], without waiting.
    /// The returned future resolves to the hash.
    pub fn try_submit(
        &self,
        hasher: Arc<HrIdHasher>,
        id: CanonicalHrId,
    ) -> Result<PendingHash, PoolError> {
        let permit = Arc::clone(&self.admission)
            .try_acquire_owned()
            .map_err(|_| PoolError::Busy)?;
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job {
                hasher,
                id,
                reply,
                permit,
            })
            .map_err(|_| PoolError::Closed)?;
        Ok(PendingHash { answer })
    }

    /// Hashes `id` on a worker thread. Returns [`PoolError::Busy`] at once
    /// when the pool and its queue are full.
    pub async fn hash(
        &self,
        hasher: Arc<HrIdHasher>,
        id: CanonicalHrId,
    ) -> Result<HashedHrId, PoolError> {
        self.try_submit(hasher, id)?.await
    }

    /// Number of worker threads.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Jobs running or waiting right now (for metrics).
    pub fn in_flight(&self) -> usize {
        self.capacity
            .saturating_sub(self.admission.available_permits())
    }

    /// Most jobs running or waiting at once: `threads + queue_capacity`.
    pub fn capacity(&self) -> usize {
        self.capacity
    }
}

impl fmt::Debug for HashingPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HashingPool")
            .field("threads", &self.threads)
            .field("capacity", &self.capacity)
            .field("in_flight", &self.in_flight())
            .finish()
    }
}

fn worker(queue: &Mutex<mpsc::Receiver<Job>>) {
    // Hashing is the one deliberately slow thing the server does. At the
    // lowest priority (nice 19) it still takes every idle cycle, but the
    // async runtime (and the database) go first, so a submission burst
    // cannot slow down everyone else's requests (benchmark workload 4).
    // Best effort: where the OS refuses, hashing runs at normal priority.
    let _ = thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min);
    loop {
        // A poisoned lock only means another worker panicked while holding
        // it; the receiver itself is still sound.
        let next = match queue.lock() {
            Ok(rx) => rx.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(Job {
            hasher,
            id,
            reply,
            permit,
        }) = next
        else {
            return; // pool dropped and queue drained
        };
        let result =
            catch_unwind(AssertUnwindSafe(|| hasher.hash(&id))).unwrap_or(Err(HashError::Panicked));
        drop(id);
        // Free the slot before answering, so a caller that resubmits as soon
        // as it has its answer finds room.
        drop(permit);
        // The caller may have stopped waiting; the work is done either way.
        let _ = reply.send(result);
    }
}

/// A job admitted to the [`HashingPool`]; resolves to its hash.
#[must_use = "the hash is only delivered by awaiting this"]
pub struct PendingHash {
    answer: oneshot::Receiver<Reply>,
}

impl Future for PendingHash {
    type Output = Result<HashedHrId, PoolError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.answer).poll(cx).map(|r| match r {
            Ok(Ok(hash)) => Ok(hash),
            Ok(Err(e)) => Err(PoolError::Hash(e)),
            Err(_) => Err(PoolError::Closed),
        })
    }
}

impl fmt::Debug for PendingHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PendingHash")
    }
}
