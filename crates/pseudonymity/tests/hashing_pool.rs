//! The hashing pool: bounded admission and no bcrypt on the async executor.

use std::sync::Arc;
use std::time::{Duration, Instant};

use kataloop_pseudonymity::{CanonicalHrId, HashingPool, HrIdHasher, Pepper, PoolError};

/// Cost 10 (~tens of ms per hash): slow enough that jobs are still running
/// when the test inspects the pool, fast enough for a test.
fn slow_hasher() -> Arc<HrIdHasher> {
    Arc::new(HrIdHasher::new(Pepper::from_bytes([4; 32]), 10).unwrap())
}

fn id(n: usize) -> CanonicalHrId {
    CanonicalHrId::new(&format!("employee-{n}")).unwrap()
}

#[test]
fn zero_threads_is_a_typed_error() {
    assert_eq!(HashingPool::new(0, 4).unwrap_err(), PoolError::NoThreads);
    assert_eq!(
        HashingPool::new(1, usize::MAX).unwrap_err(),
        PoolError::CapacityTooLarge
    );
}

/// With `threads` workers and `queue` waiting slots, `threads + queue` jobs
/// are admitted and the next one is refused with `Busy` at once, without
/// waiting for capacity; once the admitted jobs finish, capacity returns.
#[tokio::test]
async fn request_beyond_threads_plus_queue_is_busy_immediately() {
    for (threads, queue) in [(1, 0), (1, 2), (2, 3)] {
        let pool = HashingPool::new(threads, queue).unwrap();
        let hasher = slow_hasher();
        let admitted: Vec<_> = (0..threads + queue)
            .map(|n| pool.try_submit(Arc::clone(&hasher), id(n)).unwrap())
            .collect();
        assert_eq!(pool.in_flight(), threads + queue);

        let started = Instant::now();
        let refused = pool.hash(Arc::clone(&hasher), id(99)).await;
        assert_eq!(refused.unwrap_err(), PoolError::Busy);
        assert!(
            started.elapsed() < Duration::from_millis(20),
            "Busy must not wait"
        );

        for pending in admitted {
            let hashed = pending.await.unwrap();
            assert_eq!(hashed.cost(), Some(10));
        }
        assert_eq!(pool.in_flight(), 0);
        assert!(pool.hash(Arc::clone(&hasher), id(100)).await.is_ok());
    }
}

/// The pool computes the same hash as the hasher itself.
#[tokio::test]
async fn pool_result_equals_direct_hash() {
    let pool = HashingPool::new(2, 2).unwrap();
    let hasher = slow_hasher();
    let via_pool = pool.hash(Arc::clone(&hasher), id(7)).await.unwrap();
    assert_eq!(via_pool, hasher.hash(&id(7)).unwrap());
}

/// bcrypt never runs on the async executor: on a single-threaded runtime, a
/// 10 ms timer keeps ticking while the pool is saturated with hashes.
#[tokio::test(flavor = "current_thread")]
async fn executor_keeps_running_while_pool_is_saturated() {
    let pool = HashingPool::new(1, 3).unwrap();
    let hasher = Arc::new(HrIdHasher::new(Pepper::from_bytes([4; 32]), 11).unwrap());
    let pending: Vec<_> = (0..4)
        .map(|n| pool.try_submit(Arc::clone(&hasher), id(n)).unwrap())
        .collect();
    let started = Instant::now();
    let all_done = async {
        for p in pending {
            p.await.unwrap();
        }
    };
    tokio::pin!(all_done);
    let mut ticker = tokio::time::interval(Duration::from_millis(10));
    let mut ticks = 0u32;
    loop {
        tokio::select! {
            () = &mut all_done => break,
            _ = ticker.tick() => ticks += 1,
        }
    }
    let elapsed = started.elapsed();
    // Four cost-11 hashes on one thread take well over 100 ms; if they ran
    // on this executor thread the timer could not tick in between.
    assert!(
        elapsed >= Duration::from_millis(100),
        "hashes too fast to prove anything: {elapsed:?}"
    );
    let expected = (elapsed.as_millis() / 10) as u32;
    assert!(ticks * 2 >= expected, "only {ticks} ticks in {elapsed:?}");
}

/// A caller that stops waiting does not free its slot early: the job still
/// occupies the pool until the worker has finished it.
#[tokio::test]
async fn abandoned_jobs_still_count_until_done() {
    let pool = HashingPool::new(1, 0).unwrap();
    let hasher = slow_hasher();
    drop(pool.try_submit(Arc::clone(&hasher), id(1)).unwrap());
    assert_eq!(
        pool.try_submit(Arc::clone(&hasher), id(2)).unwrap_err(),
        PoolError::Busy
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while pool.in_flight() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(pool.hash(hasher, id(3)).await.is_ok());
}
