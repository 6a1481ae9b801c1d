//! Answers read from the store, kept in memory until the data behind them may have changed.
//! Each answer is kept with the generation it was read in; the writer moves the generation on
//! when it commits something that may change answers, and only answers of the current generation
//! are given out. An answer read before such a commit and kept after it is therefore never
//! given out: its generation is old.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};

pub(crate) struct Cache<K, V> {
    generation: AtomicU64,
    entries: RwLock<HashMap<K, (u64, V)>>,
    /// Entries kept at most; past it the cache starts again.
    most: usize,
}

impl<K: Eq + Hash, V: Clone> Cache<K, V> {
    pub fn new(most: usize) -> Self {
        Cache {
            generation: AtomicU64::new(0),
            entries: RwLock::new(HashMap::new()),
            most,
        }
    }

    /// The generation to read an answer in: take it before reading the store.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The answer kept for `key` in the current generation.
    pub fn get(&self, key: &K) -> Option<V> {
        let entries = self.entries.read().expect("not poisoned");
        let (generation, value) = entries.get(key)?;
        (*generation == self.generation()).then(|| value.clone())
    }

    /// Keeps an answer read in `generation` (nothing, if the generation has moved on since).
    pub fn put(&self, key: K, value: V, generation: u64) {
        let mut entries = self.entries.write().expect("not poisoned");
        if generation != self.generation() {
            return;
        }
        if entries.len() >= self.most {
            entries.clear();
        }
        entries.insert(key, (generation, value));
    }

    /// Every answer kept so far is stale.
    pub fn move_on(&self) {
        // Under the lock, so that no `put` checks the generation between the move and its
        // insertion.
        let _entries = self.entries.write().expect("not poisoned");
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_read_before_a_change_is_never_given_out_after_it() {
        let cache: Cache<&str, u32> = Cache::new(10);
        let read_in = cache.generation();
        cache.put("a", 1, read_in);
        assert_eq!(cache.get(&"a"), Some(1));
        // A read begins, the writer commits, the read's answer arrives.
        let read_in = cache.generation();
        cache.move_on();
        cache.put("b", 2, read_in);
        assert_eq!(cache.get(&"b"), None, "read before the change");
        assert_eq!(cache.get(&"a"), None, "kept before the change");
        let read_in = cache.generation();
        cache.put("a", 3, read_in);
        assert_eq!(cache.get(&"a"), Some(3));
    }

    #[test]
    fn past_its_size_the_cache_starts_again() {
        let cache: Cache<u32, u32> = Cache::new(2);
        for n in 0..3 {
            cache.put(n, n, cache.generation());
        }
        assert_eq!(cache.get(&0), None);
        assert_eq!(cache.get(&2), Some(2));
    }
}
