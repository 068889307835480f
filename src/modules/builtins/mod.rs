//! The `builtins` module: builtin functions, types, exceptions, constants.

pub mod docs;
pub(crate) mod eval;
pub(crate) mod functions;
mod io;
pub(crate) mod site;

use crate::runtime::pyarc::PyArc;

use crate::runtime::module::Module;
use crate::runtime::types::types;
use crate::runtime::value::Value;

pub use functions::len;

/// Builds the builtins module (its dict is every frame's builtins).
pub fn create() -> PyArc<Module> {
    let m = Module::new("builtins");
    let functions: Vec<_> = functions::functions().into_iter().chain(io::functions()).collect();
    m.set_functions(&functions);
    let t = types();
    let type_names = [
        ("object", &t.object_type),
        ("type", &t.type_type),
        ("int", &t.int_type),
        ("bool", &t.bool_type),
        ("float", &t.float_type),
        ("str", &t.str_type),
        ("bytes", &t.bytes_type),
        ("bytearray", &t.bytearray_type),
        ("complex", &t.complex_type),
        ("memoryview", &t.memoryview_type),
        ("list", &t.list_type),
        ("tuple", &t.tuple_type),
        ("dict", &t.dict_type),
        ("set", &t.set_type),
        ("frozenset", &t.frozenset_type),
        ("range", &t.range_type),
        ("slice", &t.slice_type),
        ("property", &t.property_type),
        ("staticmethod", &t.staticmethod_type),
        ("classmethod", &t.classmethod_type),
        ("super", &t.super_type),
        ("enumerate", &t.enumerate_type),
        ("zip", &t.zip_type),
        ("map", &t.map_type),
        ("filter", &t.filter_type),
        ("reversed", &t.reversed_type),
    ];
    for (name, cls) in type_names {
        m.set(name, Value::Class(cls.clone()));
    }
    for (name, cls) in t.exc.all() {
        m.set(name, Value::Class(cls));
    }
    m.set("EnvironmentError", Value::Class(t.exc.os_error.clone()));
    m.set("IOError", Value::Class(t.exc.os_error.clone()));
    m.set("None", Value::None);
    m.set("True", Value::Bool(true));
    m.set("False", Value::Bool(false));
    m.set("NotImplemented", Value::NotImplemented);
    m.set("Ellipsis", Value::Ellipsis);
    m.set("__debug__", Value::Bool(true));
    PyArc::new(m)
}
