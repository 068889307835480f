//! The builtin types, built once per process.
//!
//! Builtin classes are immutable (CPython refuses `int.x = 1` too), so one
//! table serves every interpreter in the process: it holds no interpreter
//! state. Each type's methods come from the file that implements the type.

use crate::runtime::pyarc::PyArc;
use std::sync::OnceLock;

use super::class::{Class, ClassKind, NativeCtor};
use super::exception::Exceptions;
use super::function::NativeFn;

pub struct Types {
    pub object_type: PyArc<Class>,
    pub type_type: PyArc<Class>,
    pub none_type: PyArc<Class>,
    pub not_implemented_type: PyArc<Class>,
    pub ellipsis_type: PyArc<Class>,
    pub int_type: PyArc<Class>,
    pub bool_type: PyArc<Class>,
    pub float_type: PyArc<Class>,
    pub str_type: PyArc<Class>,
    pub bytes_type: PyArc<Class>,
    pub bytearray_type: PyArc<Class>,
    pub complex_type: PyArc<Class>,
    pub memoryview_type: PyArc<Class>,
    pub list_type: PyArc<Class>,
    pub tuple_type: PyArc<Class>,
    pub dict_type: PyArc<Class>,
    pub set_type: PyArc<Class>,
    pub frozenset_type: PyArc<Class>,
    pub range_type: PyArc<Class>,
    pub slice_type: PyArc<Class>,
    pub function_type: PyArc<Class>,
    pub builtin_function_type: PyArc<Class>,
    pub method_type: PyArc<Class>,
    pub module_type: PyArc<Class>,
    pub generator_type: PyArc<Class>,
    /// A generator made by an `async def`: same machinery, no `__next__`.
    pub coroutine_type: PyArc<Class>,
    /// An `async def` with `yield`: a generator driven by `_asyncgen`.
    pub async_generator_type: PyArc<Class>,
    pub property_type: PyArc<Class>,
    pub staticmethod_type: PyArc<Class>,
    pub classmethod_type: PyArc<Class>,
    pub super_type: PyArc<Class>,
    pub cell_type: PyArc<Class>,
    pub code_type: PyArc<Class>,
    pub list_iterator_type: PyArc<Class>,
    pub list_reverseiterator_type: PyArc<Class>,
    pub tuple_iterator_type: PyArc<Class>,
    pub range_iterator_type: PyArc<Class>,
    pub str_iterator_type: PyArc<Class>,
    pub bytes_iterator_type: PyArc<Class>,
    pub dict_keyiterator_type: PyArc<Class>,
    pub dict_valueiterator_type: PyArc<Class>,
    pub dict_itemiterator_type: PyArc<Class>,
    pub set_iterator_type: PyArc<Class>,
    pub enumerate_type: PyArc<Class>,
    pub zip_type: PyArc<Class>,
    pub map_type: PyArc<Class>,
    pub filter_type: PyArc<Class>,
    pub reversed_type: PyArc<Class>,
    pub iterator_type: PyArc<Class>,
    pub callable_iterator_type: PyArc<Class>,
    pub dict_keys_type: PyArc<Class>,
    pub dict_values_type: PyArc<Class>,
    pub dict_items_type: PyArc<Class>,
    pub mappingproxy_type: PyArc<Class>,
    pub traceback_type: PyArc<Class>,
    pub frame_type: PyArc<Class>,
    pub exc: Exceptions,
}

static TYPES: OnceLock<Types> = OnceLock::new();

/// The builtin types.
pub fn types() -> &'static Types {
    TYPES.get_or_init(build)
}

/// A builtin type deriving from `base`.
pub fn make(
    name: &str,
    base: &PyArc<Class>,
    ctor: Option<NativeCtor>,
    methods: &[(&'static str, NativeFn)],
) -> PyArc<Class> {
    let owner: &'static str = Box::leak(name.to_string().into_boxed_str());
    Class::builtin(name, vec![base.clone()], ClassKind::Builtin, ctor, methods, owner)
}

fn build() -> Types {
    use super::dunders::{self, with_dunders};
    use super::subclass;
    use super::{
        bytes_methods, dict_methods, iter_methods, list_methods, number_methods, object, set_methods, str_methods,
    };
    let object_type = Class::builtin(
        "object",
        vec![],
        ClassKind::Builtin,
        Some(object::object_ctor),
        &object::object_methods(),
        "object",
    );
    let o = &object_type;
    let type_type = make("type", o, Some(super::metaclass::type_ctor), &object::type_methods());
    let int_type = make(
        "int",
        o,
        Some(number_methods::int_ctor),
        &with_dunders(number_methods::int_methods(), [dunders::int_dunders(), dunders::number_extras()].concat()),
    );
    let bool_type = make("bool", &int_type, Some(number_methods::bool_ctor), &[]);
    let iter_type = |name: &str| make(name, o, None, &iter_methods::iterator_methods());
    let exc = Exceptions::build(o);
    Types {
        none_type: make("NoneType", o, Some(object::none_ctor), &[]),
        not_implemented_type: make("NotImplementedType", o, None, &[]),
        ellipsis_type: make("ellipsis", o, None, &[]),
        float_type: make(
            "float",
            o,
            Some(number_methods::float_ctor),
            &with_dunders(
                number_methods::float_methods(),
                [dunders::float_dunders(), dunders::number_extras()].concat(),
            ),
        ),
        str_type: make(
            "str",
            o,
            Some(str_methods::str_ctor),
            &with_dunders(str_methods::str_methods(), dunders::str_dunders()),
        ),
        bytes_type: make("bytes", o, Some(bytes_methods::bytes_ctor), &bytes_methods::bytes_methods()),
        bytearray_type: make(
            "bytearray",
            o,
            Some(super::bytearray::bytearray_ctor),
            &super::bytearray::bytearray_methods(),
        ),
        complex_type: make("complex", o, Some(super::complex::complex_ctor), &super::complex_ops::complex_methods()),
        memoryview_type: make(
            "memoryview",
            o,
            Some(super::memoryview::memoryview_ctor),
            &super::memoryview_ops::memoryview_methods(),
        ),
        list_type: make(
            "list",
            o,
            Some(list_methods::list_ctor),
            &with_dunders(
                list_methods::list_methods(),
                [dunders::list_dunders(), subclass::init_methods("list")].concat(),
            ),
        ),
        tuple_type: make(
            "tuple",
            o,
            Some(list_methods::tuple_ctor),
            &with_dunders(list_methods::tuple_methods(), dunders::tuple_dunders()),
        ),
        dict_type: make(
            "dict",
            o,
            Some(dict_methods::dict_ctor),
            &with_dunders(
                dict_methods::dict_methods(),
                [dunders::dict_dunders(), subclass::init_methods("dict")].concat(),
            ),
        ),
        set_type: make(
            "set",
            o,
            Some(set_methods::set_ctor),
            &with_dunders(set_methods::set_methods(), [dunders::set_dunders(), subclass::init_methods("set")].concat()),
        ),
        frozenset_type: make(
            "frozenset",
            o,
            Some(set_methods::frozenset_ctor),
            &with_dunders(set_methods::frozenset_methods(), dunders::set_dunders()),
        ),
        range_type: make("range", o, Some(list_methods::range_ctor), &list_methods::range_methods()),
        slice_type: make("slice", o, Some(object::slice_ctor), &object::slice_methods()),
        function_type: make("function", o, None, &object::function_methods()),
        builtin_function_type: make("builtin_function_or_method", o, None, &[]),
        method_type: make("method", o, Some(object::method_new), &[]),
        module_type: make("module", o, Some(super::module::module_ctor), &[]),
        generator_type: make("generator", o, None, &iter_methods::generator_methods()),
        coroutine_type: make("coroutine", o, None, &iter_methods::coroutine_methods()),
        async_generator_type: make("async_generator", o, None, &crate::runtime::async_gen::async_generator_methods()),
        property_type: make("property", o, Some(object::property_ctor), &object::property_methods()),
        staticmethod_type: make("staticmethod", o, Some(object::staticmethod_ctor), &[]),
        classmethod_type: make("classmethod", o, Some(object::classmethod_ctor), &[]),
        super_type: make("super", o, Some(object::super_ctor), &[]),
        cell_type: make("cell", o, None, &[]),
        code_type: make("code", o, None, &[]),
        list_iterator_type: iter_type("list_iterator"),
        list_reverseiterator_type: iter_type("list_reverseiterator"),
        tuple_iterator_type: iter_type("tuple_iterator"),
        range_iterator_type: iter_type("range_iterator"),
        str_iterator_type: iter_type("str_ascii_iterator"),
        bytes_iterator_type: iter_type("bytes_iterator"),
        dict_keyiterator_type: iter_type("dict_keyiterator"),
        dict_valueiterator_type: iter_type("dict_valueiterator"),
        dict_itemiterator_type: iter_type("dict_itemiterator"),
        set_iterator_type: iter_type("set_iterator"),
        enumerate_type: make("enumerate", o, Some(iter_methods::enumerate_ctor), &iter_methods::iterator_methods()),
        zip_type: make("zip", o, Some(iter_methods::zip_ctor), &iter_methods::iterator_methods()),
        map_type: make("map", o, Some(iter_methods::map_ctor), &iter_methods::iterator_methods()),
        filter_type: make("filter", o, Some(iter_methods::filter_ctor), &iter_methods::iterator_methods()),
        reversed_type: make("reversed", o, Some(iter_methods::reversed_ctor), &iter_methods::iterator_methods()),
        iterator_type: iter_type("iterator"),
        callable_iterator_type: iter_type("callable_iterator"),
        dict_keys_type: make("dict_keys", o, None, &super::dict_view::view_methods()),
        dict_values_type: make("dict_values", o, None, &super::dict_view::view_methods()),
        dict_items_type: make("dict_items", o, None, &super::dict_view::view_methods()),
        mappingproxy_type: make(
            "mappingproxy",
            o,
            Some(super::mapping_proxy::mappingproxy_ctor),
            &super::mapping_proxy::mapping_proxy_methods(),
        ),
        traceback_type: make("traceback", o, None, &[]),
        frame_type: make("frame", o, None, &[]),
        exc,
        int_type,
        bool_type,
        type_type,
        object_type,
    }
}
