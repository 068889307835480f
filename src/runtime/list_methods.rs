//! The methods of `list`, `tuple` and `range`, their constructors, and
//! the stable sort shared with `sorted()`.

use crate::runtime::pyarc::PyArc;
use std::cmp::Ordering;

use super::args::to_index;
use super::class::Class;
use super::function::{Args, NativeFn};
use super::list::PyList;
use super::range::PyRange;
use super::value::Value;
use crate::syntax::ast::CmpOp;
use crate::vm::error::{index_error, type_error, value_error};
use crate::vm::{PyResult, Vm};

pub fn list_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("list")?;
    match args.pos {
        [] => Ok(Value::list(vec![])),
        [x] => Ok(Value::list(vm.iterate(x)?)),
        _ => Err(type_error(format!("list expected at most 1 argument, got {}", args.len()))),
    }
}

pub fn tuple_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("tuple")?;
    match args.pos {
        [] => Ok(Value::tuple(vec![])),
        [x @ Value::Tuple(_)] => Ok(x.clone()),
        [x] => Ok(Value::tuple(vm.iterate(x)?)),
        _ => Err(type_error(format!("tuple expected at most 1 argument, got {}", args.len()))),
    }
}

pub fn list_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", seq_len as NativeFn),
        ("__getitem__", seq_getitem),
        ("__setitem__", list_setitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("remove", list_remove),
        ("pop", list_pop),
        ("clear", list_clear),
        ("index", seq_index),
        ("count", seq_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
    ]
}

pub fn tuple_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", seq_len as NativeFn),
        ("__getitem__", seq_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("index", seq_index),
        ("count", seq_count),
    ]
}

fn list_this<'a>(args: &'a Args, name: &str) -> PyResult<&'a PyArc<PyList>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l),
        Some(other) => Err(type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            other.type_name()
        ))),
        None => Err(type_error(format!("unbound method list.{name}() needs an argument"))),
    }
}

/// The items of a list or tuple `self`.
fn seq_items(args: &Args) -> PyResult<Vec<Value>> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.snapshot()),
        Some(Value::Tuple(t)) => Ok(t.items.to_vec()),
        Some(Value::Range(r)) => r.items(),
        _ => Err(type_error("descriptor requires a sequence")),
    }
}

fn seq_len(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::Int(vm.len(&v)? as i64))
}

fn seq_getitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("__getitem__", 1, args.len().saturating_sub(1))?;
    vm.get_item(&args.pos[0], &args.pos[1])
}

fn list_setitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("__setitem__", 2, args.len().saturating_sub(1))?;
    vm.set_item(&args.pos[0], args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn seq_contains(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.exactly("__contains__", 1, args.len().saturating_sub(1))?;
    Ok(Value::Bool(vm.contains(&args.pos[0], &args.pos[1])?))
}

fn seq_iter(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    vm.get_iter(&args.pos[0])
}

pub(crate) fn list_append(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = list_this(args, "append")?;
    args.exactly("list.append", 1, args.len() - 1)?;
    l.try_push(args.pos[1].clone())?;
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = list_this(args, "extend")?.clone();
    args.exactly("list.extend", 1, args.len() - 1)?;
    l.extend_from(vm, &args.pos[1])?;
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = list_this(args, "insert")?.clone();
    if args.len() != 3 {
        return Err(type_error(format!("insert expected 2 arguments, got {}", args.len() - 1)));
    }
    let i = to_index(vm, &args.pos[1])?;
    let mut items = l.lock();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = list_this(args, "remove")?.clone();
    args.exactly("list.remove", 1, args.len() - 1)?;
    let x = &args.pos[1];
    // Search and removal are one atomic step when Rust can decide every
    // comparison (ints, strs, tuples of them...), as under CPython's GIL.
    {
        let mut items = l.lock();
        let mut found = None;
        let mut decided = true;
        for (i, v) in items.iter().enumerate() {
            match if v.is(x) { Some(true) } else { crate::runtime::compare::fast_eq(v, x) } {
                Some(true) => {
                    found = Some(i);
                    break;
                }
                Some(false) => {}
                None => {
                    decided = false;
                    break;
                }
            }
        }
        if let Some(i) = found {
            items.remove(i);
            return Ok(Value::None);
        }
        if decided {
            return Err(value_error("list.remove(x): x not in list"));
        }
    }
    // An `__eq__` written in Python must run without the list locked;
    // another thread may change the list meanwhile. The match is removed
    // only if it is still where it was found; otherwise search again.
    'search: loop {
        let mut i = 0;
        while let Some(item) = l.get(i) {
            if item.is(x) || vm.eq(&item, x)? {
                let mut items = l.lock();
                if items.get(i).is_some_and(|now| now.is(&item)) {
                    items.remove(i);
                    return Ok(Value::None);
                }
                continue 'search;
            }
            i += 1;
        }
        return Err(value_error("list.remove(x): x not in list"));
    }
}

fn list_pop(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = list_this(args, "pop")?.clone();
    args.between("pop", 0, 1, args.len() - 1)?;
    let i = match args.pos.get(1) {
        Some(v) => to_index(vm, v)?,
        None => -1,
    };
    let mut items = l.lock();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    match super::slice::index_of(i, items.len()) {
        Some(i) => Ok(items.remove(i)),
        None => Err(index_error("pop index out of range")),
    }
}

fn list_clear(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = list_this(args, "clear")?;
    let mut old = l.replace(Vec::new());
    // Last to first, as CPython frees them (and runs their `__del__`).
    old.reverse();
    crate::runtime::drop::release(old);
    Ok(Value::None)
}

/// `r.index(x)` and `r.count(x)` for an int `x`: arithmetic, as CPython,
/// whatever the range's size. None for other `x`.
fn range_find<'a>(args: &'a Args<'_>) -> Option<(&'a PyRange, num_bigint::BigInt)> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(Value::Range(r)), Some(x)) if args.pos.len() == 2 => Some((&**r, super::numeric::to_big(x)?)),
        _ => None,
    }
}

fn seq_index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let Some((r, x)) = range_find(args) {
        return match r.index_of(&x) {
            Some(i) => Ok(Value::from_bigint(i)),
            None => Err(value_error(format!("{x} is not in range"))),
        };
    }
    let items = seq_items(args)?;
    args.between("index", 1, 3, args.len().saturating_sub(1))?;
    let x = &args.pos[1];
    let n = items.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match args.pos.get(2) {
        Some(v) => clamp(to_index(vm, v)?),
        None => 0,
    };
    let end = match args.pos.get(3) {
        Some(v) => clamp(to_index(vm, v)?),
        None => n,
    };
    for i in start..end.max(start) {
        let item = &items[i as usize];
        if item.is(x) || vm.eq(item, x)? {
            return Ok(Value::Int(i));
        }
    }
    match args.pos.first() {
        Some(Value::List(_)) => {
            let r = vm.repr(x)?;
            Err(value_error(format!("{r} is not in list")))
        }
        Some(Value::Range(_)) => {
            let r = vm.repr(x)?;
            Err(value_error(format!("{r} is not in range")))
        }
        _ => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn seq_count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    if let Some((r, x)) = range_find(args) {
        return Ok(Value::Int(r.contains_big(&x) as i64));
    }
    let items = seq_items(args)?;
    args.exactly("count", 1, args.len().saturating_sub(1))?;
    let x = &args.pos[1];
    let mut n = 0;
    for item in &items {
        if item.is(x) || vm.eq(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_reverse(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    list_this(args, "reverse")?.lock().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::list(list_this(args, "copy")?.snapshot()))
}

fn list_sort(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let l = list_this(args, "sort")?.clone();
    if args.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    args.allow_kwargs("sort", &["key", "reverse"])?;
    let key = args.kwarg("key").cloned().unwrap_or(Value::None);
    let reverse = match args.kwarg("reverse") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    // Keys Rust can order alone are sorted in one step under the lock, so
    // concurrent sorts and mutations of the same list are serialised.
    if key.is_none() {
        let mut items = l.lock();
        if let Some(fast) = native_order(&items) {
            // Stable in both directions, as CPython's reverse-sort-reverse.
            if reverse {
                items.reverse();
                items.sort_by(fast);
                items.reverse();
            } else {
                items.sort_by(fast);
            }
            return Ok(Value::None);
        }
    }
    // Python code decides the order: sort outside the lock with the items
    // taken out, as CPython does.
    let Some((items, ticket)) = l.begin_sort() else {
        return Ok(Value::None);
    };
    let (result, sorted) = match sort_values(vm, items, &key, reverse) {
        Ok(sorted) => (Ok(()), sorted),
        Err((items, e)) => (Err(e), items),
    };
    let (modified, discarded) = l.end_sort(sorted, ticket);
    drop(discarded);
    result?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// Stable sort with an optional key; on error returns the items unsorted.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> Result<Vec<Value>, (Vec<Value>, crate::vm::PyErr)> {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for it in &items {
            match vm.call(key, std::slice::from_ref(it)) {
                Ok(k) => ks.push(k),
                Err(e) => return Err((items, e)),
            }
        }
        ks
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Reverse sorting keeps equal items in their original order, as CPython
    // does by reversing, sorting stably, and reversing again.
    if reverse {
        order.reverse();
    }
    if let Some(fast) = native_order(&keys) {
        order.sort_by(|&a, &b| fast(&keys[a], &keys[b]));
    } else if let Err(e) = merge_sort(vm, &mut order, &keys) {
        return Err((items, e));
    }
    if reverse {
        order.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    Ok(order.into_iter().map(|i| slots[i].take().unwrap_or_default()).collect())
}

type NativeCmp = fn(&Value, &Value) -> Ordering;

/// A total order Rust can compute alone, when all keys share a simple type.
fn native_order(keys: &[Value]) -> Option<NativeCmp> {
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        return Some(|a, b| match (a, b) {
            (Value::Int(x), Value::Int(y)) => x.cmp(y),
            _ => Ordering::Equal,
        });
    }
    if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        return Some(|a, b| match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            _ => Ordering::Equal,
        });
    }
    if keys.iter().all(|k| matches!(k, Value::Float(f) if !f.is_nan())) {
        return Some(|a, b| match (a, b) {
            (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
            _ => Ordering::Equal,
        });
    }
    None
}

/// `a < b` through Python comparison.
pub fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    ordered(vm, CmpOp::Lt, a, b)
}

/// `a > b` through Python comparison.
pub fn greater(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    ordered(vm, CmpOp::Gt, a, b)
}

/// `a op b` for `<` or `>`, without a Python call where both are plain.
fn ordered(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(o) = super::compare::fast_cmp(a, b) {
        return Ok(o == if op == CmpOp::Gt { Ordering::Greater } else { Ordering::Less });
    }
    let r = vm.compare_op(op, a, b)?;
    vm.truthy(&r)
}

/// A stable merge sort of indices by `keys`, using only `<`, whose
/// comparisons may fail.
fn merge_sort(vm: &mut Vm, order: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    if n <= 16 {
        // Insertion sort: stable, few comparisons on small runs.
        for i in 1..n {
            let cur = order[i];
            let mut j = i;
            while j > 0 && less(vm, &keys[cur], &keys[order[j - 1]])? {
                order[j] = order[j - 1];
                j -= 1;
            }
            order[j] = cur;
        }
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(vm, &mut order[..mid], keys)?;
    merge_sort(vm, &mut order[mid..], keys)?;
    let left = order[..mid].to_vec();
    let right = order[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only if strictly smaller: keeps stability.
        if less(vm, &keys[right[j]], &keys[left[i]])? {
            order[k] = right[j];
            j += 1;
        } else {
            order[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        order[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        order[k] = right[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

pub fn range_ctor(vm: &mut Vm, _cls: &PyArc<Class>, args: &Args) -> PyResult<Value> {
    args.no_kwargs("range")?;
    match args.pos.len() {
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n @ 4.. => return Err(type_error(format!("range expected at most 3 arguments, got {n}"))),
        _ => {}
    }
    let ints: Vec<num_bigint::BigInt> =
        args.pos.iter().map(|v| super::args::to_index_big(vm, v, None)).collect::<PyResult<_>>()?;
    let mut ints = ints.into_iter();
    let (start, stop, step) = match (ints.next(), ints.next(), ints.next()) {
        (Some(stop), None, _) => (0.into(), stop, 1.into()),
        (Some(start), Some(stop), None) => (start, stop, 1.into()),
        (Some(start), Some(stop), Some(step)) => (start, stop, step),
        _ => unreachable!("1 to 3 arguments"),
    };
    if num_traits::Zero::is_zero(&step) {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(PyArc::new(PyRange::new(start, stop, step))))
}

pub fn range_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", seq_len as NativeFn),
        ("__getitem__", seq_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("index", seq_index),
        ("count", seq_count),
    ]
}
