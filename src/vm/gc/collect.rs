//! One collection: find the tracked objects that only the garbage refers
//! to, and clear them (see the module docs of `gc` for the scheme).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{SURVIVORS, Tracked, registry};
use crate::runtime::dict::PyDict;
use crate::runtime::function::{Cell, Function};
use crate::runtime::instance::{Instance, Payload};
use crate::runtime::list::PyList;
use crate::runtime::set::PySet;
use crate::runtime::value::Value;
use crate::vm::Vm;

/// A live tracked object, held for the length of a collection.
enum Node {
    List(Arc<PyList>),
    Dict(Arc<PyDict>),
    Set(Arc<PySet>),
    Instance(Arc<Instance>),
    Function(Arc<Function>),
    Cell(Arc<Cell>),
}

/// An object's identity: the address of its value in the `Arc`.
fn addr<T>(a: &Arc<T>) -> usize {
    Arc::as_ptr(a) as *const () as usize
}

/// The identity of the tracked object `v` refers to, if it is of a
/// tracked kind.
fn key_of(v: &Value) -> Option<usize> {
    match v {
        Value::List(a) => Some(addr(a)),
        Value::Dict(a) => Some(addr(a)),
        Value::Set(a) => Some(addr(a)),
        Value::Instance(a) => Some(addr(a)),
        Value::Function(a) => Some(addr(a)),
        Value::Cell(a) => Some(addr(a)),
        _ => None,
    }
}

impl Node {
    fn upgrade(t: &Tracked) -> Option<Node> {
        Some(match t {
            Tracked::List(w) => Node::List(w.upgrade()?),
            Tracked::Dict(w) => Node::Dict(w.upgrade()?),
            Tracked::Set(w) => Node::Set(w.upgrade()?),
            Tracked::Instance(w) => Node::Instance(w.upgrade()?),
            Tracked::Function(w) => Node::Function(w.upgrade()?),
            Tracked::Cell(w) => Node::Cell(w.upgrade()?),
        })
    }

    fn downgrade(&self) -> Tracked {
        match self {
            Node::List(a) => Tracked::List(Arc::downgrade(a)),
            Node::Dict(a) => Tracked::Dict(Arc::downgrade(a)),
            Node::Set(a) => Tracked::Set(Arc::downgrade(a)),
            Node::Instance(a) => Tracked::Instance(Arc::downgrade(a)),
            Node::Function(a) => Tracked::Function(Arc::downgrade(a)),
            Node::Cell(a) => Tracked::Cell(Arc::downgrade(a)),
        }
    }

    fn key(&self) -> usize {
        match self {
            Node::List(a) => addr(a),
            Node::Dict(a) => addr(a),
            Node::Set(a) => addr(a),
            Node::Instance(a) => addr(a),
            Node::Function(a) => addr(a),
            Node::Cell(a) => addr(a),
        }
    }

    fn strong_count(&self) -> usize {
        match self {
            Node::List(a) => Arc::strong_count(a),
            Node::Dict(a) => Arc::strong_count(a),
            Node::Set(a) => Arc::strong_count(a),
            Node::Instance(a) => Arc::strong_count(a),
            Node::Function(a) => Arc::strong_count(a),
            Node::Cell(a) => Arc::strong_count(a),
        }
    }

    /// Calls `f` with the identity of every object this one holds a
    /// strong reference to, once per reference. Only references that are
    /// really counted may be reported: one too many frees a live object.
    fn visit(&self, f: &mut dyn FnMut(usize)) {
        let mut value = |v: &Value| {
            if let Some(k) = key_of(v) {
                f(k)
            }
        };
        match self {
            Node::List(l) => l.lock().iter().for_each(value),
            Node::Dict(d) => d.for_each_ref(value),
            Node::Set(s) => s.for_each_ref(value),
            Node::Cell(c) => value(&c.value.lock()),
            Node::Instance(i) => {
                value(&Value::Dict(i.dict.clone()));
                match &i.payload {
                    Payload::None => {}
                    Payload::Value(v) => value(v),
                    Payload::Exception(data) => {
                        let data = data.lock();
                        for v in [&data.args, &data.cause, &data.context, &data.tb_object] {
                            value(v);
                        }
                        for d in &data.scopes {
                            value(&Value::Dict(d.clone()));
                        }
                    }
                }
            }
            Node::Function(func) => {
                value(&Value::Dict(func.globals.clone()));
                func.defaults.iter().for_each(&mut value);
                func.kwdefaults.iter().for_each(|(_, v)| value(v));
                for c in func.closure.iter() {
                    value(&Value::Cell(c.clone()));
                }
                value(&func.doc.lock());
                value(&func.module);
                if let Some(d) = &*func.dict.lock() {
                    value(&Value::Dict(d.clone()));
                }
            }
        }
    }

    /// Drops what this object refers to (the contents of a list, dict or
    /// set, a cell's value...), which breaks the cycles it is part of.
    /// What it let go of goes to `trash`, to be dropped later.
    fn clear(&self, trash: &mut Vec<Value>) {
        match self {
            Node::List(l) => trash.extend(l.replace(Vec::new())),
            Node::Dict(d) => d.clear(),
            Node::Set(s) => s.clear(),
            Node::Cell(c) => trash.push(std::mem::take(&mut *c.value.lock())),
            Node::Instance(i) => {
                if let Payload::Exception(data) = &i.payload {
                    let mut guard = data.lock();
                    let data = &mut *guard;
                    for v in [&mut data.cause, &mut data.context, &mut data.tb_object] {
                        trash.push(std::mem::replace(v, Value::None));
                    }
                    data.scopes.clear();
                }
            }
            Node::Function(func) => {
                if let Some(d) = func.dict.lock().take() {
                    trash.push(Value::Dict(d));
                }
            }
        }
    }
}

/// One collection at a time in the process.
static COLLECTING: AtomicBool = AtomicBool::new(false);

/// Runs a collection (with every other thread stopped) and returns the
/// number of unreachable objects it found and freed.
pub fn collect(vm: &mut Vm) -> usize {
    if COLLECTING.swap(true, Ordering::Acquire) {
        return 0;
    }
    let shared = vm.shared.clone();
    shared.gil.stop_world();
    let (found, held) = collect_stopped();
    shared.gil.restart_world();
    // The garbage is freed here, with the other threads running again:
    // nothing outside it can reach it.
    drop(held);
    COLLECTING.store(false, Ordering::Release);
    found
}

/// The collection proper; the caller is the only thread running. Returns
/// the number of objects found unreachable, and what must be dropped to
/// free them.
fn collect_stopped() -> (usize, (Vec<Node>, Vec<Value>)) {
    let recorded = registry::take_all();
    let mut nodes = Vec::with_capacity(recorded.len());
    let mut index: HashMap<usize, u32> = HashMap::with_capacity(recorded.len());
    for t in &recorded {
        if let Some(node) = Node::upgrade(t) {
            // An object recorded twice is one node.
            if let std::collections::hash_map::Entry::Vacant(e) = index.entry(node.key()) {
                e.insert(nodes.len() as u32);
                nodes.push(node);
            }
        }
    }
    // Dead objects' records go here: their memory is released.
    drop(recorded);
    // What holds each object from outside: its count, less the reference
    // this collection holds, less those from other tracked objects.
    let mut outside: Vec<isize> = nodes.iter().map(|n| n.strong_count() as isize - 1).collect();
    let mut edges: Vec<u32> = Vec::new();
    let mut starts: Vec<usize> = Vec::with_capacity(nodes.len() + 1);
    for node in &nodes {
        starts.push(edges.len());
        node.visit(&mut |k| {
            if let Some(&j) = index.get(&k) {
                outside[j as usize] -= 1;
                edges.push(j);
            }
        });
    }
    starts.push(edges.len());
    // A count below zero means a reference was reported that is not
    // counted: rather than risk freeing a live object, free nothing.
    let trusted = outside.iter().all(|&c| c >= 0);
    debug_assert!(trusted, "the cycle collector found more references than counted");
    let mut alive: Vec<bool> = outside.iter().map(|&c| c > 0 || !trusted).collect();
    let mut todo: Vec<u32> = (0..nodes.len() as u32).filter(|&i| alive[i as usize]).collect();
    while let Some(i) = todo.pop() {
        for &j in &edges[starts[i as usize]..starts[i as usize + 1]] {
            if !alive[j as usize] {
                alive[j as usize] = true;
                todo.push(j);
            }
        }
    }
    let mut trash = Vec::new();
    let mut found = 0;
    let mut survivors = Vec::with_capacity(nodes.len());
    for (node, &live) in nodes.iter().zip(&alive) {
        if live {
            survivors.push(node.downgrade());
        } else {
            found += 1;
            node.clear(&mut trash);
        }
    }
    SURVIVORS.store(survivors.len(), Ordering::Relaxed);
    registry::put_back(survivors);
    (found, (nodes, trash))
}
