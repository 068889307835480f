//! Values both ways between Rust and pyl: round trips of every converted
//! type (big ints, nested containers), calls with keyword arguments,
//! iteration from Rust.

use std::collections::{BTreeMap, HashMap};

use num_bigint::BigInt;
use pyl::{Args, Bytes, Error, Interpreter, Object};

#[test]
fn scalars_round_trip() {
    let interp = Interpreter::builder().build();
    interp.set_global("i", -7i32).unwrap();
    interp.set_global("u", u64::MAX).unwrap();
    interp.set_global("f", 2.5f64).unwrap();
    interp.set_global("b", true).unwrap();
    interp.set_global("s", "héllo").unwrap();
    interp.set_global("n", None::<i64>).unwrap();
    interp.set_global("raw", Bytes(vec![0, 255, 10])).unwrap();
    assert_eq!(
        interp.eval::<String>("repr((i, u, f, b, s, n, raw))").unwrap(),
        "(-7, 18446744073709551615, 2.5, True, 'héllo', None, b'\\x00\\xff\\n')"
    );
    assert_eq!(interp.global::<u64>("u").unwrap(), u64::MAX);
    assert_eq!(interp.global::<Option<i64>>("n").unwrap(), None);
    assert_eq!(interp.global::<Bytes>("raw").unwrap(), Bytes(vec![0, 255, 10]));
    assert_eq!(interp.global::<Vec<u8>>("raw").unwrap(), vec![0, 255, 10]);
    assert_eq!(interp.eval::<f64>("3").unwrap(), 3.0);
    assert!(matches!(interp.eval::<u8>("256"), Err(Error::Conversion(_))));
    assert!(matches!(interp.eval::<bool>("1"), Err(Error::Conversion(_))));
}

#[test]
fn big_ints_round_trip() {
    let interp = Interpreter::builder().build();
    let big: BigInt = "-123456789012345678901234567890123456789".parse().unwrap();
    interp.set_global("big", &big).unwrap();
    assert_eq!(interp.eval::<BigInt>("big * 2 // 2").unwrap(), big);
    assert_eq!(interp.eval::<String>("str(2 ** 130)").unwrap(), (BigInt::from(1) << 130usize).to_string());
    assert_eq!(interp.eval::<BigInt>("2 ** 130").unwrap(), BigInt::from(1) << 130);
    assert_eq!(interp.eval::<i128>("-(2 ** 100)").unwrap(), -(1i128 << 100));
    assert!(matches!(interp.eval::<i64>("2 ** 64"), Err(Error::Conversion(_))));
}

#[test]
fn nested_containers_round_trip() {
    let interp = Interpreter::builder().build();
    let mut inner = HashMap::new();
    inner.insert("ann".to_string(), vec![(1i64, Some("x".to_string())), (2, None)]);
    inner.insert("bob".to_string(), vec![]);
    interp.set_global("data", inner.clone()).unwrap();
    assert_eq!(interp.global::<HashMap<String, Vec<(i64, Option<String>)>>>("data").unwrap(), inner);
    assert_eq!(interp.eval::<String>("repr(sorted(data))").unwrap(), "['ann', 'bob']");
    assert_eq!(interp.eval::<i64>("data['ann'][0][0] + data['ann'][1][0]").unwrap(), 3);

    let tree: BTreeMap<i64, Vec<Vec<f64>>> = BTreeMap::from([(2, vec![vec![0.5], vec![]]), (1, vec![])]);
    interp.set_global("tree", tree.clone()).unwrap();
    assert_eq!(interp.eval::<String>("repr(tree)").unwrap(), "{1: [], 2: [[0.5], []]}");
    assert_eq!(interp.global::<BTreeMap<i64, Vec<Vec<f64>>>>("tree").unwrap(), tree);

    // Python builds, Rust reads: dict of tuples of lists, big ints inside.
    let v: BTreeMap<String, (Vec<BigInt>, bool)> = interp.eval("{'p': ([2**70, -1], True)}").unwrap();
    assert_eq!(v["p"], (vec![BigInt::from(1) << 70, BigInt::from(-1)], true));
    // Any iterable reads as a Vec; tuples check their length.
    assert_eq!(interp.eval::<Vec<i64>>("range(3)").unwrap(), vec![0, 1, 2]);
    assert_eq!(interp.eval::<Vec<String>>("{'k': 1}.keys()").unwrap(), vec!["k"]);
    assert!(matches!(interp.eval::<(i64, i64)>("(1, 2, 3)"), Err(Error::Conversion(_))));
}

#[test]
fn objects_pass_back_and_are_compared_by_identity() {
    let interp = Interpreter::builder().build();
    interp.exec("class Point:\n    def __init__(self, x):\n        self.x = x\np = Point(3)").unwrap();
    let p: Object = interp.global("p").unwrap();
    assert_eq!(p.type_name(), "Point");
    interp.set_global("q", &p).unwrap();
    assert!(interp.eval::<bool>("q is p").unwrap());
    let q: Object = interp.global("q").unwrap();
    assert!(p.is(&q));
    assert_eq!(interp.eval::<i64>("q.x").unwrap(), 3);
}

#[test]
fn calls_with_positional_and_keyword_arguments() {
    let interp = Interpreter::builder().build();
    interp.exec("def f(a, b=2, *rest, scale=1, **kw):\n    return (a + b + sum(rest)) * scale, sorted(kw)").unwrap();
    let f: Object = interp.global("f").unwrap();
    assert_eq!(interp.call::<(i64, Vec<String>)>(&f, (1,)).unwrap(), (3, vec![]));
    assert_eq!(interp.call::<(i64, Vec<String>)>(&f, (1, 2, 3, 4)).unwrap(), (10, vec![]));
    let args = Args::new().arg(1).kwarg("scale", 10).kwarg("z", "zz").kwarg("y", ());
    assert_eq!(interp.call::<(i64, Vec<String>)>(&f, args).unwrap(), (30, vec!["y".into(), "z".into()]));
    let Err(Error::Python(e)) = interp.call::<Object>(&f, ()) else { panic!("expected TypeError") };
    assert_eq!(e.type_name, "TypeError");
    assert_eq!(e.message, "f() missing 1 required positional argument: 'a'");
    // Builtins and bound methods are callables too.
    let len: Object = interp.eval("len").unwrap();
    assert_eq!(interp.call::<usize>(&len, (vec![1, 2, 3],)).unwrap(), 3);
    let join: Object = interp.eval("'-'.join").unwrap();
    assert_eq!(interp.call::<String>(&join, (vec!["a", "b"],)).unwrap(), "a-b");
}

#[test]
fn iterating_from_rust_runs_the_generator_step_by_step() {
    let interp = Interpreter::builder().build();
    interp.exec("log = []\ndef gen():\n    for i in range(3):\n        log.append(i)\n        yield i * i\n    raise ValueError('done')").unwrap();
    let g: Object = interp.eval("gen()").unwrap();
    let mut it = interp.iter::<i64>(&g).unwrap();
    assert_eq!(it.next().unwrap().unwrap(), 0);
    assert_eq!(interp.eval::<Vec<i64>>("log").unwrap(), vec![0]);
    assert_eq!(it.next().unwrap().unwrap(), 1);
    assert_eq!(it.next().unwrap().unwrap(), 4);
    let Some(Err(Error::Python(e))) = it.next() else { panic!("expected the generator's ValueError") };
    assert_eq!(e.message, "done");
    assert!(it.next().is_none());
    let Err(Error::Python(e)) = interp.iter::<i64>(&interp.eval::<Object>("5").unwrap()) else {
        panic!("expected TypeError")
    };
    assert_eq!(e.message, "'int' object is not iterable");
}
