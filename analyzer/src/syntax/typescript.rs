//! TypeScript, TSX and JavaScript: tree-sitter parsing, so syntax problems are reported today
//! and the framework extractors of the TypeScript issue have a tree to read.

use crate::model::Span;
use tree_sitter::Parser;

/// Which grammar to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    TypeScript,
    Tsx,
}

/// Syntax problems of one file, as `(span, message)`; at most three are reported.
pub fn syntax_issues(text: &str, dialect: Dialect) -> Vec<(Span, String)> {
    let mut parser = Parser::new();
    let lang = match dialect {
        Dialect::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT,
        Dialect::Tsx => tree_sitter_typescript::LANGUAGE_TSX,
    };
    if parser.set_language(&lang.into()).is_err() {
        return vec![(Span::default(), "typescript grammar unavailable".into())];
    }
    let tree = match super::parse_within_budget(&mut parser, text) {
        Ok(t) => t,
        Err(message) => return vec![(Span::default(), message)],
    };
    let mut out = vec![];
    if tree.root_node().has_error() {
        super::syntax_errors(tree.root_node(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_syntax_errors_and_accepts_valid_code() {
        assert!(syntax_issues(
            "const x: number = 1;\nexport function f(a: string) { return a; }\n",
            Dialect::TypeScript
        )
        .is_empty());
        assert!(!syntax_issues("const x = ;\n", Dialect::TypeScript).is_empty());
        assert!(syntax_issues("const e = <div>{x}</div>;\n", Dialect::Tsx).is_empty());
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        let src = format!("const x = {}1{};\n", "[".repeat(50_000), "]".repeat(50_000));
        let issues = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || syntax_issues(&src, Dialect::TypeScript))
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert!(issues.len() <= 3);
    }
}
