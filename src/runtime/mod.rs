//! The object model: `Value` and one file per builtin type.
//!
//! Every object is `Send + Sync`. Immutable objects (str, tuple, bytes,
//! functions, code) need no lock; mutable ones (list, dict, set, instance
//! dicts, cells) guard their contents with a `parking_lot` lock that is
//! held for one Rust-level operation only. The rule that keeps this
//! deadlock-free under the GIL and without it: never call Python code, and
//! never block, while holding an object's lock — copy out what is needed,
//! release, then call.

pub mod args;
pub mod async_gen;
pub mod bytearray;
pub mod bytes_methods;
pub mod class;
pub mod codec;
pub mod compare;
pub mod complex;
pub mod complex_ops;
pub mod dict;
pub mod dict_methods;
pub mod dict_view;
pub mod drop;
pub mod dunders;
pub mod exception;
pub mod float;
pub mod fork_sync;
pub mod format;
pub mod function;
pub mod generator;
pub mod instance;
pub mod iter;
pub mod iter_methods;
pub mod list;
pub mod list_methods;
pub mod mapping_proxy;
pub mod memory;
pub mod memory_reserve;
pub mod memoryview;
pub mod memoryview_ops;
pub mod metaclass;
pub mod module;
pub mod names;
pub mod number_methods;
pub mod numeric;
pub mod object;
pub mod percent;
pub mod pyarc;
pub mod range;
pub mod set;
pub mod set_methods;
pub mod set_ops;
pub mod slice;
pub mod special;
pub mod str;
pub mod str_methods;
pub mod str_split;
pub mod subclass;
pub mod super_obj;
pub mod sync;
pub mod traceback;
pub mod tuple;
pub mod types;
pub mod value;
pub mod value_words;
