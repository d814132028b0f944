//! Spreading independent work over the machine's cores: loading the stages
//! of a big plan, checking them. Small work stays on the calling thread.

use std::collections::VecDeque;
use std::sync::Mutex;

/// Below this much work (in the caller's units, e.g. members) threads cost
/// more than they save.
pub const PARALLEL_FROM: usize = 20_000;

/// The machine's cores (1 when unknown).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `f` applied to every item, results in the items' order. When the items'
/// total `weight` reaches [`PARALLEL_FROM`] and the machine has more than
/// one core, the items are shared out between threads as they free up.
pub fn map<T, R>(items: Vec<T>, weight: impl Fn(&T) -> usize, f: impl Fn(T) -> R + Sync) -> Vec<R>
where
    T: Send,
    R: Send,
{
    map_on(cores(), items, weight, f)
}

/// [`map`] on at most `cores` threads.
pub fn map_on<T, R>(
    cores: usize,
    items: Vec<T>,
    weight: impl Fn(&T) -> usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R>
where
    T: Send,
    R: Send,
{
    let total: usize = items.iter().map(&weight).sum();
    let workers = cores.min(items.len());
    if total < PARALLEL_FROM || workers < 2 {
        return items.into_iter().map(f).collect();
    }
    let count = items.len();
    let queue = Mutex::new(items.into_iter().enumerate().collect::<VecDeque<_>>());
    let work = || {
        let mut done = Vec::new();
        loop {
            // A poisoned lock means another worker panicked; its panic is
            // passed on below, so just stop.
            let next = match queue.lock() {
                Ok(mut queue) => queue.pop_front(),
                Err(_) => None,
            };
            let Some((index, item)) = next else {
                return done;
            };
            done.push((index, f(item)));
        }
    };
    let mut results: Vec<Option<R>> = (0..count).map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            match helper.join() {
                Ok(done) => all.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (index, result) in all {
            results[index] = Some(result);
        }
    });
    results.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_small_or_big() {
        let small: Vec<usize> = (0..10).collect();
        assert_eq!(
            map(small, |_| 1, |x| x * 2),
            (0..10).map(|x| x * 2).collect::<Vec<_>>()
        );
        // Heavy enough to be shared out, on two workers whatever the
        // machine. Item 0 waits until item 1 has started and item 1 until
        // item 2 has: so one thread does items 0 and 2 and the other item
        // 1, and the results come back out of order. (Each wait gives up
        // after ten seconds, so one thread fails instead of hanging.)
        let big: Vec<usize> = (0..100).collect();
        let threads = Mutex::new(std::collections::HashSet::new());
        let started: [std::sync::atomic::AtomicBool; 3] = Default::default();
        let wait_for = |flag: &std::sync::atomic::AtomicBool| {
            let since = std::time::Instant::now();
            while !flag.load(std::sync::atomic::Ordering::SeqCst)
                && since.elapsed() < std::time::Duration::from_secs(10)
            {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        };
        let out = map_on(
            2,
            big,
            |_| PARALLEL_FROM,
            |x| {
                if let Ok(mut t) = threads.lock() {
                    t.insert(std::thread::current().id());
                }
                if let Some(flag) = started.get(x) {
                    flag.store(true, std::sync::atomic::Ordering::SeqCst);
                }
                if let Some(next) = started.get(x + 1).filter(|_| x < 2) {
                    wait_for(next);
                }
                x + 1
            },
        );
        assert_eq!(out, (1..101).collect::<Vec<_>>());
        assert_eq!(threads.lock().map_or(0, |t| t.len()), 2, "work was shared");
        // One core: everything on the calling thread.
        let alone = Mutex::new(std::collections::HashSet::new());
        let out = map_on(
            1,
            (0..10).collect(),
            |_| PARALLEL_FROM,
            |x: usize| {
                if let Ok(mut t) = alone.lock() {
                    t.insert(std::thread::current().id());
                }
                x
            },
        );
        assert_eq!(out, (0..10).collect::<Vec<_>>());
        assert_eq!(alone.lock().map_or(0, |t| t.len()), 1);
    }
}
