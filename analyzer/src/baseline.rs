//! Baselines: the findings a project accepted when it adopted airlock, so that a check only
//! fails on findings introduced since.
//!
//! A baseline is a JSON file listing each finding's rule code, path and fingerprint (see
//! `diagnostics::fingerprint`: no line numbers, so the entries survive unrelated edits). The
//! message is kept for the reader and ignored when matching. Matching is a multiset difference:
//! two identical findings in the baseline cover two findings, not more.

use crate::diagnostics::finding_fingerprint;
use crate::model::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `version` written in baseline files; bumped if the fingerprint recipe changes.
pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    pub path: String,
    pub fingerprint: String,
    pub message: String,
}

/// A baseline file that cannot be used, with the 1-based line of the problem when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    pub line: Option<usize>,
    pub message: String,
}

impl Baseline {
    /// The baseline that accepts exactly `findings`, sorted so the file is stable.
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry {
                code: f.code.to_string(),
                path: f.location.path.clone(),
                fingerprint: finding_fingerprint(f),
                message: f.message.clone(),
            })
            .collect();
        entries.sort();
        Baseline {
            version: BASELINE_VERSION,
            findings: entries,
        }
    }

    pub fn to_json(&self) -> String {
        crate::diagnostics::to_pretty_json(self)
    }

    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| BaselineError {
            line: (e.line() > 0).then_some(e.line()),
            message: e.to_string(),
        })?;
        if b.version != BASELINE_VERSION {
            return Err(BaselineError {
                line: None,
                message: format!(
                    "baseline version {} is not supported (this airlock writes version {BASELINE_VERSION}); regenerate it with --write-baseline",
                    b.version
                ),
            });
        }
        Ok(b)
    }

    /// Splits `findings` into those not covered by the baseline (kept, in order) and the
    /// number covered.
    pub fn filter(&self, findings: Vec<Finding>) -> (Vec<Finding>, usize) {
        let mut budget: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for e in &self.findings {
            *budget
                .entry((e.code.clone(), e.path.clone(), e.fingerprint.clone()))
                .or_default() += 1;
        }
        let mut covered = 0;
        let mut kept = vec![];
        for f in findings {
            let fp = finding_fingerprint(&f);
            let key = (f.code.to_string(), f.location.path.clone(), fp);
            match budget.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    covered += 1;
                }
                _ => kept.push(f),
            }
        }
        (kept, covered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::testutil::{sample_db, sample_findings, shifted_db};

    #[test]
    fn round_trip_and_filter() {
        let db = sample_db();
        let findings = sample_findings(&db);
        let b = Baseline::from_findings(&findings);
        let text = b.to_json();
        let back = Baseline::parse(&text).expect("parses");
        assert_eq!(back, b);
        let (kept, covered) = back.filter(findings.clone());
        assert!(kept.is_empty());
        assert_eq!(covered, findings.len());
        // Code moved down by four lines: still covered.
        let shifted = shifted_db("import os\n\n# a new comment\n\n");
        let (kept, covered) = back.filter(sample_findings(&shifted));
        assert!(kept.is_empty(), "{kept:?}");
        assert_eq!(covered, findings.len());
    }

    #[test]
    fn a_new_finding_is_kept_and_duplicates_count() {
        let db = sample_db();
        let findings = sample_findings(&db);
        let b = Baseline::from_findings(&findings[..2]);
        let (kept, covered) = b.filter(findings.clone());
        assert_eq!(covered, 2);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].code, findings[2].code);
        // The same finding twice against a baseline holding it once: one is new.
        let twice = vec![findings[0].clone(), findings[0].clone()];
        let (kept, covered) = Baseline::from_findings(&findings[..1]).filter(twice);
        assert_eq!((kept.len(), covered), (1, 1));
    }

    #[test]
    fn bad_files_name_the_line() {
        let e =
            Baseline::parse("{\n  \"version\": 1,\n  \"findings\": [\n    {\"code\": 3}\n  ]\n}\n")
                .unwrap_err();
        assert_eq!(e.line, Some(4), "{e:?}");
        let e = Baseline::parse("{\"version\": 9, \"findings\": []}").unwrap_err();
        assert!(e.message.contains("version 9"), "{e:?}");
        let e = Baseline::parse("not json").unwrap_err();
        assert_eq!(e.line, Some(1));
    }
}
