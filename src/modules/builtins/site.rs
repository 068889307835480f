//! What CPython's `site` module adds to the builtins for people at a
//! prompt: `exit`/`quit` (objects that explain themselves when shown bare
//! and exit when called), `copyright`, `credits`, `license`, and `help`.
//!
//! `help(obj)` and the interactive `help()` are written in pyl (the frozen
//! `pydoc` module), imported on the first call so start-up pays nothing.

use crate::runtime::pyarc::PyArc;
use std::any::Any;
use std::sync::{Arc, OnceLock};

use crate::runtime::class::Class;
use crate::runtime::function::{Args, NativeFn};
use crate::runtime::module::Module;
use crate::runtime::types::{make, types};
use crate::runtime::value::{NativeObject, Value};
use crate::vm::error::type_error;
use crate::vm::{PyResult, Vm};

const COPYRIGHT: &str = "Copyright (c) the pyl developers.\nAll Rights Reserved.";
const CREDITS: &str = "    pyl follows CPython 3.11, the work of the Python Software Foundation\n    \
                       and a cast of thousands; see www.python.org for more information.";
const LICENSE: &str = "pyl is distributed under the MIT license.\n\n\
    Permission is hereby granted, free of charge, to any person obtaining a copy\n\
    of this software and associated documentation files (the \"Software\"), to deal\n\
    in the Software without restriction, including without limitation the rights\n\
    to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n\
    copies of the Software, and to permit persons to whom the Software is\n\
    furnished to do so, subject to the following conditions:\n\n\
    The above copyright notice and this permission notice shall be included in\n\
    all copies or substantial portions of the Software.\n\n\
    THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n\
    IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n\
    FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n\
    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n\
    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\n\
    OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\n\
    SOFTWARE.";

/// Puts the site builtins into the builtins module.
pub fn install(builtins: &Module) {
    for name in ["exit", "quit"] {
        builtins.set(name, Value::native(Arc::new(Quitter { name })));
    }
    builtins.set("copyright", Value::native(Arc::new(Printer { name: "copyright", text: COPYRIGHT })));
    builtins.set("credits", Value::native(Arc::new(Printer { name: "credits", text: CREDITS })));
    builtins.set("license", Value::native(Arc::new(Printer { name: "license", text: LICENSE })));
    builtins.set("help", Value::native(Arc::new(Helper)));
}

/// A class of `_sitebuiltins`, with its methods.
fn site_class(cell: &'static OnceLock<PyArc<Class>>, name: &str, methods: &[(&'static str, NativeFn)]) -> PyArc<Class> {
    cell.get_or_init(|| {
        let cls = make(name, &types().object_type, None, methods);
        *cls.module.lock() = Value::str("_sitebuiltins");
        cls
    })
    .clone()
}

/// `exit` and `quit`.
struct Quitter {
    name: &'static str,
}

impl NativeObject for Quitter {
    fn class(&self) -> PyArc<Class> {
        static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
        site_class(&CLASS, "Quitter", &[("__call__", quitter_call as NativeFn)])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        Some(format!("Use {}() or Ctrl-D (i.e. EOF) to exit", self.name))
    }
}

/// `exit(code=None)`: raises SystemExit, as `sys.exit` does.
fn quitter_call(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let code = args.rest();
    let rest = Args { pos: code, kw: args.kw };
    crate::modules::sys::sys_exit(vm, &rest)
}

/// `copyright`, `credits`, `license`: shown bare they print their text
/// (`license` only says how to see it, as in CPython); called, they print it.
struct Printer {
    name: &'static str,
    text: &'static str,
}

impl NativeObject for Printer {
    fn class(&self) -> PyArc<Class> {
        static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
        site_class(&CLASS, "_Printer", &[("__call__", printer_call as NativeFn)])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        if self.name == "license" {
            return Some("Type license() to see the full license text".into());
        }
        Some(self.text.into())
    }
}

fn printer_call(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    args.no_kwargs("__call__")?;
    let Some(printer) = args.pos.first().and_then(|v| v.as_native::<Printer>()) else {
        return Err(type_error("descriptor '__call__' requires a '_Printer' object"));
    };
    args.exactly("__call__", 0, args.rest().len())?;
    let text = format!("{}\n", printer.text);
    vm.write_stdout(&text)?;
    Ok(Value::None)
}

/// `help`.
struct Helper;

impl NativeObject for Helper {
    fn class(&self) -> PyArc<Class> {
        static CLASS: OnceLock<PyArc<Class>> = OnceLock::new();
        site_class(&CLASS, "_Helper", &[("__call__", helper_call as NativeFn)])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        Some("Type help() for interactive help, or help(object) for help about object.".into())
    }
}

/// `help(*args, **kwargs)`: `pydoc.help` does the work.
fn helper_call(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let pydoc = vm.import_module("pydoc")?;
    let Some(help) = pydoc.get("help") else {
        return Err(type_error("pydoc.help is missing"));
    };
    vm.call_value(&help, args.rest(), args.kw)
}
