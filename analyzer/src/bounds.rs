//! The bounds that cut analysis, and the record of where each one did.
//!
//! airlock has no silent caps: every bound in the interpreter, the body analysis and the
//! TypeScript extractor that stops following the input records here where it did so, and the
//! pipeline turns the record into one notice per file and bound (with the first line and the
//! number of places), which also sets the "possibly incomplete" marker of JSON and SARIF.
//! Bounds that only stop a cycle (a predecessor chain, recursion already in progress) are not
//! cuts and are not recorded.
//!
//! The record is keyed by file and bound in a `BTreeMap`, and each entry keeps the smallest
//! offset and a count, so the notices are the same bytes whatever order the work ran in.

use crate::model::{FileId, Notice, SourceDb, Span};
use std::collections::{BTreeMap, BTreeSet};

/// A bound that cuts analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    /// Calls nested deeper than this are evaluated without their callers' argument values.
    CallDepth,
    /// A value with more alternatives than this becomes unknown.
    UnionWidth,
    /// A loop or comprehension over more elements than this is evaluated once, with one value
    /// standing for every element.
    LoopUnroll,
    /// Tool bodies (of both languages) are followed this many project calls deep for sinks and
    /// sources.
    CallHops,
    /// A body keeps at most this many parameter-to-sink flows through unresolved calls.
    ParamFlows,
    /// A class hierarchy walk visits at most this many classes.
    ClassHierarchy,
    /// A TypeScript name is followed through at most this many aliases (`const a = b`).
    TsAliasChain,
    /// An allocation site keeps separate objects for at most this many calling contexts; the
    /// contexts past it share one object.
    ObjectContexts,
    /// A method nobody in the project calls is read again with at most this many instances
    /// the project built of its class.
    BuiltInstances,
    /// A call on `self` whose class is unknown is followed into the definitions of its method
    /// only where at most this many related classes (bases and subclasses) define it.
    Overrides,
}

impl Bound {
    /// The limit, as the code applies it.
    pub const fn limit(self) -> usize {
        match self {
            Bound::CallDepth => 6,
            Bound::UnionWidth => 48,
            Bound::LoopUnroll => 64,
            Bound::CallHops => 5,
            Bound::ParamFlows => 64,
            Bound::ClassHierarchy => 64,
            Bound::TsAliasChain => 6,
            Bound::ObjectContexts => 64,
            Bound::BuiltInstances => 4,
            Bound::Overrides => 4,
        }
    }

    /// A stable name, used in the notice.
    pub fn name(self) -> &'static str {
        match self {
            Bound::CallDepth => "call-depth",
            Bound::UnionWidth => "union-width",
            Bound::LoopUnroll => "loop-unroll",
            Bound::CallHops => "call-hops",
            Bound::ParamFlows => "param-flows",
            Bound::ClassHierarchy => "class-hierarchy",
            Bound::TsAliasChain => "ts-alias-chain",
            Bound::ObjectContexts => "object-contexts",
            Bound::BuiltInstances => "built-instances",
            Bound::Overrides => "overrides",
        }
    }

    /// What was cut, in words.
    fn effect(self) -> &'static str {
        match self {
            Bound::CallDepth => {
                "calls nested deeper than this were evaluated without their arguments' values"
            }
            Bound::UnionWidth => "a value with more possible alternatives was treated as unknown",
            Bound::LoopUnroll => {
                "a loop or comprehension over more elements was evaluated once for all of them"
            }
            Bound::CallHops => {
                "sinks and sources further down the call chain of a tool body were not followed"
            }
            Bound::ParamFlows => "further parameter-to-sink flows of a body were not kept",
            Bound::ClassHierarchy => "a larger class hierarchy was walked only in part",
            Bound::TsAliasChain => "a longer chain of aliases was not followed to its value",
            Bound::ObjectContexts => {
                "objects built here from further call chains were merged into one"
            }
            Bound::BuiltInstances => {
                "methods the project never calls were read with only the first instances built of this class"
            }
            Bound::Overrides => {
                "a call on `self` that more classes override was not followed into any override (which class `self` is was unknown)"
            }
        }
    }
}

/// The bound a notice made by [`Cuts::notices`] reports, if it is one.
pub fn bound_of(n: &Notice) -> Option<&str> {
    let rest = n.message.strip_prefix(PREFIX)?;
    let name = rest.split('`').next()?;
    ALL.iter().map(|b| b.name()).find(|b| *b == name)
}

const PREFIX: &str = "analysis bound `";

const ALL: [Bound; 10] = [
    Bound::CallDepth,
    Bound::UnionWidth,
    Bound::LoopUnroll,
    Bound::CallHops,
    Bound::ParamFlows,
    Bound::ClassHierarchy,
    Bound::TsAliasChain,
    Bound::ObjectContexts,
    Bound::BuiltInstances,
    Bound::Overrides,
];

/// Where one bound cut analysis in one file: the start offsets of the places, each once
/// (a place evaluated again, from another caller, is still one place).
#[derive(Debug, Clone, Default)]
struct Cut {
    places: BTreeSet<u32>,
}

/// The record of cuts of one run.
#[derive(Debug, Default, Clone)]
pub struct Cuts {
    map: BTreeMap<(FileId, Bound), Cut>,
}

impl Cuts {
    /// Records that `bound` cut analysis at `span` of `file`.
    pub fn record(&mut self, file: FileId, bound: Bound, span: Span) {
        self.map
            .entry((file, bound))
            .or_default()
            .places
            .insert(span.start);
    }

    /// Adds every cut of `other`.
    pub fn merge(&mut self, other: Cuts) {
        for ((file, bound), c) in other.map {
            self.map
                .entry((file, bound))
                .or_default()
                .places
                .extend(c.places);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Whether `bound` cut analysis anywhere in `file`.
    pub fn hit(&self, file: FileId, bound: Bound) -> bool {
        self.map.contains_key(&(file, bound))
    }

    /// One notice per file and bound.
    pub fn notices(&self, db: &SourceDb) -> Vec<Notice> {
        self.map
            .iter()
            .filter(|((file, _), _)| (file.0 as usize) < db.files.len())
            .map(|((file, bound), c)| {
                let f = db.get(*file);
                let first = c.places.first().copied().unwrap_or(0);
                let (line, _) = f.lines.line_col(first);
                let places = if c.places.len() == 1 {
                    "1 place".to_string()
                } else {
                    format!("{} places (the first shown)", c.places.len())
                };
                Notice {
                    path: f.rel_path.clone(),
                    line,
                    message: format!(
                        "{PREFIX}{}` ({}) reached at {places}: {}; results for this file may be incomplete",
                        bound.name(),
                        bound.limit(),
                        bound.effect()
                    ),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LineIndex, SourceFile};

    fn db() -> SourceDb {
        let text = "a\nb\nc\n".to_string();
        SourceDb {
            files: vec![SourceFile {
                id: FileId(0),
                rel_path: "m.py".into(),
                abs_path: "m.py".into(),
                lines: LineIndex::new(&text),
                text,
            }],
        }
    }

    #[test]
    fn one_notice_per_file_and_bound_with_the_first_line_and_the_count() {
        let mut c = Cuts::default();
        c.record(FileId(0), Bound::CallHops, Span::new(4, 5));
        c.record(FileId(0), Bound::CallHops, Span::new(2, 3));
        c.record(FileId(0), Bound::UnionWidth, Span::new(0, 1));
        let n = c.notices(&db());
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].line, 1);
        assert!(
            n[0].message.contains("`union-width` (48)"),
            "{}",
            n[0].message
        );
        assert_eq!(n[1].line, 2);
        assert_eq!(bound_of(&n[1]), Some("call-hops"));
        assert!(n[1].message.contains("2 places"), "{}", n[1].message);
    }

    #[test]
    fn merging_is_order_independent() {
        let mut a = Cuts::default();
        a.record(FileId(0), Bound::LoopUnroll, Span::new(4, 5));
        let mut b = Cuts::default();
        b.record(FileId(0), Bound::LoopUnroll, Span::new(2, 3));
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);
        assert_eq!(ab.notices(&db()), ba.notices(&db()));
    }
}
