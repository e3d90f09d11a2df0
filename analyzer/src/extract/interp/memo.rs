//! Call memoisation: a project function called again with the same arguments, in the same
//! state, at the same call depth, is not evaluated again; the call takes the first evaluation's
//! result.
//!
//! Why: every function never called from module level is evaluated as a root (`Interp::run`),
//! and each evaluation follows its callees `Bound::CallDepth` levels down. A helper reached from
//! many roots through many chains was evaluated once per chain: on agno's 1,176 files, 935,000
//! body evaluations of 15,700 functions, nine in ten of them repeats of an earlier call with the
//! same arguments, the evaluation stage growing with the number of call chains rather than with
//! the program.
//!
//! What "the same" means, so that a repeat would compute what the first call computed:
//! - the callee (definition site, closure environment) and every argument, the receiver
//!   included, compared structurally ([`same_value`]): strings with their sites, functions
//!   with their receivers and closures, collections element by element;
//! - the state the body can read that a call changes: each object among the arguments
//!   (to [`DEPTH`] levels) has a version the interpreter bumps at every attribute write that
//!   changes what the attribute holds (`Interp::set_attr`), and the project's module variables and class stores have one epoch
//!   (`Interp::world`) bumped at every write; an entry is used only while all of them are
//!   what they were when the first call began;
//! - the call depth (a call deeper down is cut sooner, so its result says less) and the
//!   interpreter's modes (`in_stand_in`, `forwarding`, callbacks under way).
//!
//! What the versions do not cover is read as unchanged: an object reached only through a module
//! variable (not an argument), or nested deeper than [`DEPTH`] levels in one, whose attributes
//! are written between two calls. A repeat then returns what the first call saw.
//!
//! What a repeat skips besides its result: objects the body would have allocated under another
//! calling context (the first call's objects stand for them, as past `Bound::ObjectContexts`),
//! and the bound cuts it would have counted again (`Cuts` counts places, not evaluations).
//! Calls, callees and method calls a body records are recorded by the first evaluation.
//! An evaluation that ran out of fuel is not memoised (its result is partial), nor one that
//! wrote module state, nor one cheaper than [`MIN_FUEL`].

use super::{FuncVal, ObjId, Value};
use crate::facts::Site;
use crate::hash::HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::Arc;

/// How deep into lists, dicts, unions and receivers arguments are compared and hashed; deeper
/// than this, two collections are the same only when they are one shared value.
pub(super) const DEPTH: u8 = 4;

/// How many elements of a collection [`hash_value`] reads ([`same_value`] compares them all).
const HASHED: usize = 4;

/// The fuel (evaluation steps, nested calls included) below which a call's result is not kept:
/// a cheap body costs less to evaluate again than its entry costs to hold. On agno, keeping
/// every call held 117,000 entries and added 50 MB to the peak; from 64 steps, 57,000 entries
/// and no measurable time lost.
pub(super) const MIN_FUEL: u64 = 64;

/// The interpreter's modes a body's result depends on, as bits of [`Key::modes`].
pub(super) const STAND_IN: u8 = 1;
pub(super) const FORWARDING: u8 = 2;
pub(super) const CALLBACK: u8 = 4;

/// One call: callee, arguments, depth, modes and the epoch of module state.
pub(super) struct Key {
    site: Site,
    /// The closure's captured variables (`FuncVal::env`), by address: [`Entry`] keeps them
    /// alive, so the address is not reused while the entry stands.
    env: usize,
    depth: u32,
    modes: u8,
    world: u64,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
    bound: Option<Value>,
}

impl Key {
    pub(super) fn new(
        f: &FuncVal,
        site: Site,
        depth: u32,
        modes: u8,
        world: u64,
        pos: &[Value],
        kw: &[(String, Value)],
    ) -> Key {
        Key {
            site,
            env: f.env.as_ref().map_or(0, |e| Rc::as_ptr(e) as usize),
            depth,
            modes,
            world,
            pos: pos.to_vec(),
            kw: kw.to_vec(),
            bound: f.bound.as_deref().cloned(),
        }
    }

    /// The objects among the arguments and the receiver, to [`DEPTH`] levels, once each.
    pub(super) fn objects(&self) -> Vec<ObjId> {
        let mut out = vec![];
        let all = self
            .pos
            .iter()
            .chain(self.kw.iter().map(|(_, v)| v))
            .chain(self.bound.iter());
        for v in all {
            objects_in(v, DEPTH, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl PartialEq for Key {
    fn eq(&self, o: &Key) -> bool {
        self.site == o.site
            && self.env == o.env
            && self.depth == o.depth
            && self.modes == o.modes
            && self.world == o.world
            && self.pos.len() == o.pos.len()
            && self
                .pos
                .iter()
                .zip(&o.pos)
                .all(|(a, b)| same_value(a, b, DEPTH))
            && self.kw.len() == o.kw.len()
            && self
                .kw
                .iter()
                .zip(&o.kw)
                .all(|((ka, a), (kb, b))| ka == kb && same_value(a, b, DEPTH))
            && match (&self.bound, &o.bound) {
                (None, None) => true,
                (Some(a), Some(b)) => same_value(a, b, DEPTH),
                _ => false,
            }
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.site.hash(h);
        self.env.hash(h);
        self.depth.hash(h);
        self.modes.hash(h);
        self.world.hash(h);
        self.pos.len().hash(h);
        for v in &self.pos {
            hash_value(v, h, DEPTH);
        }
        for (k, v) in &self.kw {
            k.hash(h);
            hash_value(v, h, DEPTH);
        }
        if let Some(b) = &self.bound {
            hash_value(b, h, DEPTH);
        }
    }
}

/// What the first call gave, and the versions of the objects it was given.
pub(super) struct Entry {
    versions: Vec<(ObjId, u32)>,
    result: Value,
    /// Keeps the closure environment of the key alive (see [`Key::env`]).
    _env: Option<Rc<crate::hash::HashMap<String, Value>>>,
}

#[derive(Default)]
pub(super) struct Memo {
    map: HashMap<Key, Entry>,
}

impl Memo {
    /// The first call's result, if every object it was given is at the version it had then.
    pub(super) fn get(&self, key: &Key, version: impl Fn(ObjId) -> u32) -> Option<Value> {
        let e = self.map.get(key)?;
        e.versions
            .iter()
            .all(|&(id, v)| version(id) == v)
            .then(|| e.result.clone())
    }

    pub(super) fn insert(
        &mut self,
        key: Key,
        versions: Vec<(ObjId, u32)>,
        result: Value,
        f: &FuncVal,
    ) {
        let e = Entry {
            versions,
            result,
            _env: f.env.clone(),
        };
        self.map.insert(key, e);
    }
}

/// Whether two values are the same argument: equal strings at the same site, the same object,
/// function (with the same receiver and closure) or class, and collections of the same values
/// to `depth` levels (deeper, only one shared collection is the same).
pub(super) fn same_value(a: &Value, b: &Value, depth: u8) -> bool {
    let seq = |x: &[Value], y: &[Value]| {
        depth > 0 && x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q, depth - 1))
    };
    match (a, b) {
        (Value::Unknown, Value::Unknown) | (Value::None, Value::None) => true,
        (Value::Num, Value::Num) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Str(x, sx), Value::Str(y, sy)) => x == y && sx == sy,
        (Value::List(x), Value::List(y)) | (Value::Union(x), Value::Union(y)) => {
            Rc::ptr_eq(x, y) || seq(x, y)
        }
        (Value::Dict(x), Value::Dict(y)) => {
            Rc::ptr_eq(x, y)
                || (depth > 0
                    && x.len() == y.len()
                    && x.iter().zip(y.iter()).all(|((k1, v1), (k2, v2))| {
                        same_value(k1, k2, depth - 1) && same_value(v1, v2, depth - 1)
                    }))
        }
        (Value::Func(x), Value::Func(y)) => {
            Arc::ptr_eq(&x.def, &y.def)
                && x.module == y.module
                && match (&x.env, &y.env) {
                    (None, None) => true,
                    (Some(p), Some(q)) => Rc::ptr_eq(p, q),
                    _ => false,
                }
                && match (&x.bound, &y.bound) {
                    (None, None) => true,
                    (Some(p), Some(q)) => depth > 0 && same_value(p, q, depth - 1),
                    _ => false,
                }
        }
        (Value::Class(x), Value::Class(y)) => {
            Arc::ptr_eq(&x.def, &y.def)
                && x.module == y.module
                && Rc::ptr_eq(&x.bases, &y.bases)
                && Rc::ptr_eq(&x.attrs, &y.attrs)
        }
        (Value::Module(x), Value::Module(y)) => x == y,
        (Value::Ext(x), Value::Ext(y)) => x == y,
        (Value::Obj(x), Value::Obj(y)) => x == y,
        _ => false,
    }
}

/// A hash that [`same_value`] values share: it reads no more than `same_value` compares.
fn hash_value<H: Hasher>(v: &Value, h: &mut H, depth: u8) {
    std::mem::discriminant(v).hash(h);
    match v {
        Value::Bool(b) => b.hash(h),
        Value::Str(s, _) => s.hash(h),
        // A shared collection deeper than `depth` is the same without its elements being
        // compared, so only its length is hashed there; and the first [`HASHED`] elements
        // tell calls apart well enough (hashing every element of a large registry, four levels
        // deep, at every call was a twentieth of the evaluation on a large TypeScript package).
        Value::List(x) | Value::Union(x) => {
            x.len().hash(h);
            if depth > 0 {
                for y in x.iter().take(HASHED) {
                    hash_value(y, h, depth - 1);
                }
            }
        }
        Value::Dict(x) => {
            x.len().hash(h);
            if depth > 0 {
                for (k, y) in x.iter().take(HASHED) {
                    hash_value(k, h, depth - 1);
                    hash_value(y, h, depth - 1);
                }
            }
        }
        Value::Func(f) => (Arc::as_ptr(&f.def) as usize).hash(h),
        Value::Class(c) => (Arc::as_ptr(&c.def) as usize).hash(h),
        Value::Module(m) => m.hash(h),
        Value::Ext(q) => q.hash(h),
        Value::Obj(o) => o.hash(h),
        Value::Unknown | Value::None | Value::Num => {}
    }
}

/// The objects `v` holds to `depth` levels (receivers of bound functions included).
fn objects_in(v: &Value, depth: u8, out: &mut Vec<ObjId>) {
    match v {
        Value::Obj(id) => out.push(*id),
        Value::List(x) | Value::Union(x) if depth > 0 => {
            x.iter().for_each(|y| objects_in(y, depth - 1, out));
        }
        Value::Dict(x) if depth > 0 => {
            for (k, y) in x.iter() {
                objects_in(k, depth - 1, out);
                objects_in(y, depth - 1, out);
            }
        }
        Value::Func(f) if depth > 0 => {
            if let Some(b) = &f.bound {
                objects_in(b, depth - 1, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FileId, Span};

    fn s(text: &str, at: u32) -> Value {
        let site = Site {
            file: FileId(0),
            span: Span {
                start: at,
                end: at + 1,
            },
        };
        Value::Str(text.into(), site)
    }

    #[test]
    fn strings_are_the_same_only_at_the_same_site() {
        assert!(same_value(&s("ls", 1), &s("ls", 1), DEPTH));
        assert!(!same_value(&s("ls", 1), &s("ls", 2), DEPTH));
        assert!(!same_value(&s("ls", 1), &s("rm", 1), DEPTH));
    }

    #[test]
    fn collections_compare_by_element_then_by_identity_past_the_depth() {
        let a = Value::List(super::super::Seq::rc(vec![Value::Obj(3), s("x", 1)]));
        let b = Value::List(super::super::Seq::rc(vec![Value::Obj(3), s("x", 1)]));
        let c = Value::List(super::super::Seq::rc(vec![Value::Obj(4), s("x", 1)]));
        assert!(same_value(&a, &b, DEPTH));
        assert!(!same_value(&a, &c, DEPTH));
        // At depth 0 two equal but distinct lists are not known to be the same; one list is.
        assert!(!same_value(&a, &b, 0));
        assert!(same_value(&a, &a.clone(), 0));
        let mut out = vec![];
        objects_in(&c, DEPTH, &mut out);
        assert_eq!(out, vec![4]);
    }
}
