//! YAML: saphyr events to spanned trees under the node and alias budgets.
#![no_main]
use airlock_analyzer::syntax::{tree::Budget, yaml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (docs, _) = yaml::parse_yaml(&text, &Budget::default());
    for d in &docs {
        let _ = airlock_analyzer::syntax::tree::expanded_size(d);
    }
});
