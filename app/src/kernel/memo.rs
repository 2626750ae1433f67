//! What a feature keeps in memory for the life of the server (derived figures it updates as the
//! data changes), found by the feature's own name and type: the kernel holds it without knowing
//! any feature.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct Memos(Mutex<HashMap<&'static str, Arc<dyn Any + Send + Sync>>>);

impl std::fmt::Debug for Memos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memos(…)")
    }
}

impl Memos {
    /// The state kept under `name`, made with `T::default()` the first time.
    pub fn get<T: Any + Send + Sync + Default>(&self, name: &'static str) -> Arc<T> {
        let mut kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let entry = kept.entry(name).or_insert_with(|| Arc::new(T::default()));
        match entry.clone().downcast::<T>() {
            Ok(state) => state,
            Err(_) => {
                // Two features chose one name: each gets its own, the later one unkept.
                tracing::error!(name, "a memo name is used for two types");
                Arc::new(T::default())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_memo_is_made_once_and_found_again() {
        let memos = super::Memos::default();
        let a = memos.get::<std::sync::Mutex<Vec<u32>>>("numbers");
        a.lock().unwrap().push(7);
        let b = memos.get::<std::sync::Mutex<Vec<u32>>>("numbers");
        assert_eq!(*b.lock().unwrap(), vec![7]);
        let other = memos.get::<std::sync::Mutex<String>>("numbers");
        assert_eq!(
            *other.lock().unwrap(),
            "",
            "another type under the same name is not mixed up"
        );
    }
}
