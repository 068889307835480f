//! `import`: builtin modules written in Rust, and `.pyl`/`.py` files found
//! on `sys.path` (the script's directory first), cached in `sys.modules`.

use crate::runtime::pyarc::PyArc;
use std::path::{Path, PathBuf};

use super::error::type_error;
use super::import_lock::Acquired;
use super::{PyErr, PyResult, Shared, Vm};
use crate::compiler::Mode;
use crate::runtime::dict::PyDict;
use crate::runtime::module::Module;
use crate::runtime::str::PyStr;
use crate::runtime::types::types;
use crate::runtime::value::Value;

impl Vm {
    /// The `ImportName` instruction: imports `name` and returns the module
    /// to bind (the top package for `import a.b`, the module itself for
    /// `from a.b import c`).
    pub(crate) fn import_name(
        &mut self,
        name: &str,
        level: usize,
        fromlist: &Value,
        globals: &PyDict,
    ) -> PyResult<Value> {
        let full = if level > 0 { resolve_relative(name, level, globals)? } else { name.to_string() };
        if full.is_empty() {
            return Err(PyErr::new(&types().exc.value_error, "Empty module name"));
        }
        let module = self.import_module(&full)?;
        let has_fromlist = match fromlist {
            Value::Tuple(t) => !t.is_empty(),
            Value::None => false,
            _ => true,
        };
        if has_fromlist {
            return Ok(Value::Module(module));
        }
        let top = full.split('.').next().unwrap_or(&full);
        match self.shared.modules.get_item_str(top) {
            Some(m) => Ok(m),
            None => Ok(Value::Module(module)),
        }
    }

    /// Imports a dotted module name, each package first. A module another
    /// thread is still running the body of is waited for (see
    /// `import_lock`), never taken half-initialised nor run twice.
    pub fn import_module(&mut self, full: &str) -> PyResult<PyArc<Module>> {
        let me = crate::vm::threads::current_ident();
        if let Some(m) = self.complete_module(full, me)? {
            return Ok(m);
        }
        let mut parent: Option<PyArc<Module>> = None;
        let mut prefix = String::new();
        for part in full.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let m = match self.complete_module(&prefix, me)? {
                Some(m) => m,
                None => {
                    let m = self.import_one(&prefix, part, parent.as_ref(), me)?;
                    if let Some(p) = &parent {
                        p.set(part, Value::Module(m.clone()));
                    }
                    m
                }
            };
            parent = Some(m);
        }
        parent.ok_or_else(|| not_found(full))
    }

    /// `name` from `sys.modules`; if another thread is still running its
    /// body, after waiting for that thread to finish (CPython's
    /// `_lock_unlock_module`: the module found is returned even if its
    /// body then failed, as CPython does).
    fn complete_module(&mut self, name: &str, me: u64) -> PyResult<Option<PyArc<Module>>> {
        let Some(Value::Module(m)) = self.shared.modules.get_item_str(name) else {
            return Ok(None);
        };
        if self.shared.import_locks.busy(name, me) {
            let shared = self.shared.clone();
            drop(self.acquire_import_lock(&shared, name, me)?);
        }
        Ok(Some(m))
    }

    /// Takes `name`'s import lock, waiting with the interpreter lock
    /// released for the thread running its body.
    fn acquire_import_lock<'a>(&mut self, shared: &'a Shared, name: &str, me: u64) -> PyResult<Acquired<'a>> {
        let locks = &shared.import_locks;
        if let Some(a) = locks.try_acquire(name, me) {
            return Ok(a);
        }
        if shared.gil.scheduler().is_none() {
            return Ok(self.allow_threads(|| locks.acquire(name, me)));
        }
        // The deterministic scheduler only hands the baton to threads it
        // knows are runnable: a thread blocked inside a condition variable
        // it cannot see would stall its virtual clock. So the waiter looks
        // again after each virtual millisecond, a scheduling point like
        // any other (and as deterministic).
        loop {
            if let Some(a) = locks.poll_acquire(name, me) {
                return Ok(a);
            }
            self.sched_sleep(0.001)?;
        }
    }

    /// Imports one module under its import lock: waits for another
    /// importer to finish, then loads it only if it is still missing.
    fn import_one(
        &mut self,
        full: &str,
        short: &str,
        parent: Option<&PyArc<Module>>,
        me: u64,
    ) -> PyResult<PyArc<Module>> {
        let shared = self.shared.clone();
        let acquired = self.acquire_import_lock(&shared, full, me)?;
        // Whoever held the lock may have finished the module meanwhile (or
        // this thread's own circular import registered it).
        if let Some(Value::Module(m)) = self.shared.modules.get_item_str(full) {
            return Ok(m);
        }
        let result = self.load_module(full, short, parent);
        drop(acquired);
        result
    }

    fn load_module(&mut self, full: &str, short: &str, parent: Option<&PyArc<Module>>) -> PyResult<PyArc<Module>> {
        if self.shared.host.blocks(full) {
            return Err(not_found(full));
        }
        let init = self.shared.native_modules.lock().get(full).copied();
        if let Some(init) = init {
            let m = init(self)?;
            self.shared.modules.set_item_str(full, Value::Module(m.clone()));
            return Ok(m);
        }
        if let Some(frozen) = crate::modules::frozen_source(full) {
            // A frozen package's submodules are frozen too: its `__path__`
            // is empty, so no directory can shadow them.
            let path = frozen.package.then(|| Value::list(Vec::new()));
            let filename = format!("<frozen {full}>");
            return self.exec_module_source(full, frozen.source, &filename, path, frozen.native);
        }
        let dirs: Vec<PathBuf> = match parent {
            Some(p) => match p.get("__path__") {
                Some(Value::List(l)) => {
                    l.snapshot().iter().filter_map(|v| v.as_str().map(|s| PathBuf::from(s.as_str()))).collect()
                }
                _ => return Err(not_found(full)),
            },
            None => self.search_path(),
        };
        for dir in dirs {
            for ext in ["pyl", "py"] {
                let file = dir.join(format!("{short}.{ext}"));
                if file.is_file() {
                    return self.exec_module_file(full, &file, None);
                }
            }
            let pkg = dir.join(short);
            for ext in ["pyl", "py"] {
                let init = pkg.join(format!("__init__.{ext}"));
                if init.is_file() {
                    let path = Value::list(vec![Value::str(pkg.to_string_lossy().into_owned())]);
                    return self.exec_module_file(full, &init, Some(path));
                }
            }
        }
        Err(not_found(full))
    }

    fn search_path(&self) -> Vec<PathBuf> {
        match self.shared.sys.get("path") {
            Some(Value::List(l)) => l
                .snapshot()
                .iter()
                .filter_map(|v| {
                    v.as_str()
                        .map(|s| if s.as_str().is_empty() { PathBuf::from(".") } else { PathBuf::from(s.as_str()) })
                })
                .collect(),
            _ => vec![PathBuf::from(".")],
        }
    }

    /// Compiles and runs a module file, registering it first so circular
    /// imports see the partly initialised module.
    fn exec_module_file(&mut self, full: &str, file: &Path, package: Option<Value>) -> PyResult<PyArc<Module>> {
        let text = std::fs::read(file).map_err(|e| super::error::os_error_from_io(&e, file.to_str()))?;
        let filename = file.to_string_lossy().into_owned();
        let text = crate::syntax::source::decode(&text, crate::syntax::source::Origin::Bytes)
            .map_err(|e| super::traceback::syntax_error_value(&e, &filename, ""))?;
        self.exec_module_source(full, &text, &filename, package, false)
    }

    /// Runs module source text as module `full` (registered first); a
    /// package comes with its `__path__` list.
    fn exec_module_source(
        &mut self,
        full: &str,
        text: &str,
        filename: &str,
        package: Option<Value>,
        hidden: bool,
    ) -> PyResult<PyArc<Module>> {
        let module = PyArc::new(Module::new(full));
        module.set("__file__", Value::str(filename));
        module.set("__builtins__", Value::Module(self.shared.builtins_module.clone()));
        if let Some(p) = package {
            module.set("__path__", p);
            module.set("__package__", Value::str(full));
        } else {
            let pkg = full.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
            module.set("__package__", Value::str(pkg));
        }
        self.shared.modules.set_item_str(full, Value::Module(module.clone()));
        let code = match crate::compiler::compile_library(text, filename, Mode::Exec, hidden) {
            Ok(c) => c,
            Err(e) => {
                self.shared.modules.remove_str(full);
                return Err(super::traceback::syntax_error_value(&e, filename, text));
            }
        };
        let frame = self.frame_for_code(code, module.dict.clone());
        if let Err(e) = self.run_frame(frame) {
            self.shared.modules.remove_str(full);
            return Err(e);
        }
        Ok(module)
    }

    /// `from module import name`.
    pub(crate) fn import_from(&mut self, module: &Value, name: &PyArc<PyStr>) -> PyResult<Value> {
        if let Some(v) = self.get_attr_or_none(module, name)? {
            return Ok(v);
        }
        if let Value::Module(m) = module {
            let sub = format!("{}.{}", m.name.as_str(), name.as_str());
            if let Ok(sm) = self.import_module(&sub) {
                return Ok(Value::Module(sm));
            }
            let location = match m.get("__file__") {
                Some(Value::Str(f)) => f.as_str().to_string(),
                _ => "unknown location".to_string(),
            };
            return Err(PyErr::new(
                &types().exc.import_error,
                format!("cannot import name '{}' from '{}' ({location})", name.as_str(), m.name.as_str()),
            ));
        }
        Err(PyErr::new(&types().exc.import_error, format!("cannot import name '{}'", name.as_str())))
    }

    /// `from module import *`.
    pub(crate) fn import_star(&mut self, module: &Value, ns: &PyDict) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Err(type_error("import * needs a module"));
        };
        match m.get("__all__") {
            Some(all) => {
                for name in self.iterate(&all)? {
                    let Value::Str(n) = &name else {
                        return Err(type_error("Item in __all__ must be str"));
                    };
                    let v = self.get_attr(module, n)?;
                    ns.set_str(n.clone(), v);
                }
            }
            None => {
                for (k, v) in m.dict.items() {
                    if let Value::Str(n) = &k
                        && !n.as_str().starts_with('_')
                    {
                        ns.set_str(n.clone(), v);
                    }
                }
            }
        }
        Ok(())
    }
}

fn not_found(name: &str) -> PyErr {
    let e = PyErr::new(&types().exc.module_not_found_error, format!("No module named '{name}'"));
    e.0.dict.set_item_str("name", Value::str(name));
    e
}

fn resolve_relative(name: &str, level: usize, globals: &PyDict) -> PyResult<String> {
    let package = match globals.get_item_str("__package__") {
        Some(Value::Str(p)) if !p.as_str().is_empty() => p.as_str().to_string(),
        _ => {
            return Err(PyErr::new(
                &types().exc.import_error,
                "attempted relative import with no known parent package",
            ));
        }
    };
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(PyErr::new(&types().exc.import_error, "attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() + 1 - level].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}
