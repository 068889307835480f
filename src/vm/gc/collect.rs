//! One collection: find the tracked objects that only the garbage refers
//! to, and clear them (see the module docs of `gc` for the scheme).

use crate::runtime::pyarc::PyArc;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::Ordering;

use super::node::Node;
use super::{Collector, Tracked, registry};
use crate::runtime::instance::Instance;
use crate::runtime::value::Value;
use crate::vm::Vm;

/// Runs a collection (with every other thread of the interpreter
/// stopped) and returns the number of unreachable objects it found and
/// freed; 0 if another thread is collecting already (as in CPython).
/// `gc.callbacks` are called before and after.
pub fn collect(vm: &mut Vm) -> usize {
    let shared = vm.shared.clone();
    let gc = &shared.gc;
    if gc.collecting.swap(true, Ordering::Acquire) {
        return 0;
    }
    run_callbacks(vm, "start", 0);
    // This thread's own newest objects are part of the collection.
    registry::flush_this_thread();
    let mut found;
    let mut rounds = 0;
    loop {
        shared.gil.stop_world();
        let pass = collect_stopped(gc, rounds < MAX_FINALIZE_ROUNDS);
        shared.gil.restart_world();
        found = pass.found;
        if pass.finalize.is_empty() {
            // The garbage is freed here, with the other threads running
            // again: nothing outside it can reach it.
            drop(pass.held);
            break;
        }
        // PEP 442: the `__del__` of unreachable objects runs before any of
        // them is cleared; what it resurrects is reachable in the next
        // pass, which frees the rest.
        drop(pass.held);
        for inst in pass.finalize {
            vm.call_del(inst);
        }
        registry::flush_this_thread();
        rounds += 1;
    }
    // The `__del__` of objects that clearing the garbage freed.
    vm.run_finalizers();
    gc.collections.fetch_add(1, Ordering::Relaxed);
    gc.collected.fetch_add(found, Ordering::Relaxed);
    gc.collecting.store(false, Ordering::Release);
    run_callbacks(vm, "stop", found);
    found
}

/// Passes of one collection that may call `__del__` methods before the
/// garbage is cleared (more passes only when `__del__` methods make new
/// garbage with finalizers; it waits for the next collection).
const MAX_FINALIZE_ROUNDS: usize = 4;

/// What a collection lets go of, dropped once the world runs again.
type Held = (Vec<Node>, Vec<Value>);

/// What one pass found.
struct Pass {
    /// Objects found unreachable (an instance and its attribute dict
    /// count as one, as in CPython 3.11).
    found: usize,
    /// What must be dropped to free them.
    held: Held,
    /// Unreachable instances whose `__del__` must run first: when there
    /// are any, nothing was cleared.
    finalize: Vec<PyArc<Instance>>,
}

/// The collection proper; no other thread of the interpreter runs Python
/// code meanwhile. With `finalizers`, unreachable objects whose `__del__`
/// was never called are claimed for it and returned, and the garbage is
/// left as it is.
fn collect_stopped(gc: &Collector, finalizers: bool) -> Pass {
    let mut recorded = gc.registry.take_all();
    // The collection's working memory grows with the number of tracked
    // objects; when memory has run out it is not there, and the
    // collection is skipped (freeing nothing is always safe) rather than
    // abort the process.
    let n = recorded.len();
    let mut nodes = Vec::new();
    let mut index: HashMap<usize, u32, BuildHasherDefault<AddrHasher>> = HashMap::default();
    let mut outside: Vec<isize> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut edges: Vec<u32> = Vec::new();
    if nodes.try_reserve_exact(n).is_err()
        || index.try_reserve(n).is_err()
        || outside.try_reserve_exact(n).is_err()
        || starts.try_reserve_exact(n + 1).is_err()
        || edges.try_reserve(n).is_err()
    {
        return keep_all(gc, recorded, Vec::new(), Vec::new());
    }
    for t in &recorded {
        if let Some(node) = Node::upgrade(t) {
            // An object recorded twice is one node.
            if let Entry::Vacant(e) = index.entry(node.key()) {
                e.insert(nodes.len() as u32);
                nodes.push(node);
            }
        }
    }
    // Dead objects' records go here: their memory is released. The
    // vector is kept for the survivors, so the registry does not grow
    // its buffer again from nothing after each collection.
    recorded.clear();
    // What holds each object from outside: its count, less the reference
    // this collection holds, less those from other tracked objects.
    outside.extend(nodes.iter().map(|n| if n.held_apart() { isize::MAX / 2 } else { n.strong_count() as isize - 1 }));
    let mut short = false;
    for node in &nodes {
        starts.push(edges.len());
        node.visit(&mut |k| {
            if let Some(&j) = index.get(&k)
                && !short
            {
                if edges.len() == edges.capacity() && edges.try_reserve(edges.len()).is_err() {
                    short = true;
                    return;
                }
                outside[j as usize] -= 1;
                edges.push(j);
            }
        });
    }
    starts.push(edges.len());
    let mut alive: Vec<bool> = Vec::new();
    let mut todo: Vec<u32> = Vec::new();
    if short || alive.try_reserve_exact(nodes.len()).is_err() || todo.try_reserve(nodes.len()).is_err() {
        // The records were let go of above: the nodes are the survivors.
        return keep_all(gc, recorded, nodes, Vec::new());
    }
    // A count below zero means a reference was reported that is not
    // counted: rather than risk freeing a live object, free nothing.
    let trusted = outside.iter().all(|&c| c >= 0);
    debug_assert!(trusted, "the cycle collector found more references than counted");
    alive.extend(outside.iter().map(|&c| c > 0 || !trusted));
    todo.extend((0..nodes.len() as u32).filter(|&i| alive[i as usize]));
    while let Some(i) = todo.pop() {
        for &j in &edges[starts[i as usize]..starts[i as usize + 1]] {
            if !alive[j as usize] {
                alive[j as usize] = true;
                todo.push(j);
            }
        }
    }
    drop((edges, starts, outside));
    let mut survivors = recorded;
    if finalizers {
        let finalize: Vec<PyArc<Instance>> = nodes
            .iter()
            .zip(&alive)
            .filter_map(|(node, &live)| match node {
                Node::Instance(i) if !live && i.needs_finalizer() && i.claim_finalizer() => Some(i.clone()),
                _ => None,
            })
            .collect();
        if !finalize.is_empty() {
            gc.survivors.store(survivors.len() + nodes.len(), Ordering::Relaxed);
            return keep_all(gc, survivors, nodes, finalize);
        }
    }
    let mut trash = Vec::new();
    let mut found = 0;
    for (node, &live) in nodes.iter().zip(&alive) {
        if live {
            survivors.push(node.downgrade());
        } else {
            found += 1;
            node.clear(&mut trash);
        }
    }
    gc.survivors.store(survivors.len(), Ordering::Relaxed);
    gc.registry.put_back(survivors);
    Pass { found, held: (nodes, trash), finalize: Vec::new() }
}

/// A pass that frees nothing: every node survives (the registry gets
/// `records` back with the nodes' records added — `records` kept room for
/// them all — and the nodes are dropped once the world runs again).
fn keep_all(gc: &Collector, mut records: Vec<Tracked>, nodes: Vec<Node>, finalize: Vec<PyArc<Instance>>) -> Pass {
    records.extend(nodes.iter().map(Node::downgrade));
    gc.registry.put_back(records);
    Pass { found: 0, held: (nodes, Vec::new()), finalize }
}

/// Hashes object addresses (already unique, and spread by a multiply):
/// the collector's index is its hottest structure, and SipHash's
/// resistance to chosen keys is not needed for addresses.
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        // Allocations are aligned: the low bits say nothing.
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
}

/// Calls each of `gc.callbacks` with `(phase, info)`, as CPython does
/// around every collection. A callback that raises is reported on stderr
/// and the others still run.
fn run_callbacks(vm: &mut Vm, phase: &str, collected: usize) {
    let Some(Value::Module(gc)) = vm.shared.modules.get_item_str("gc") else {
        return;
    };
    let Some(Value::List(callbacks)) = gc.get("callbacks") else {
        return;
    };
    let list = callbacks.lock().clone();
    if list.is_empty() {
        return;
    }
    let info = crate::runtime::dict::PyDict::new();
    // pyl's collections are all full ones: generation 2.
    info.set_item_str("generation", Value::Int(2));
    info.set_item_str("collected", Value::Int(collected as i64));
    info.set_item_str("uncollectable", Value::Int(0));
    let info = Value::new_dict(info);
    for cb in list {
        if let Err(e) = vm.call(&cb, &[Value::str(phase), info.clone()]) {
            let what = vm.repr(&cb).unwrap_or_else(|_| "<callback>".into());
            vm.flush_std();
            let _ = vm.shared.stderr.write(&format!("Exception ignored in: {what}\n"));
            vm.print_exception(&e);
        }
    }
}
