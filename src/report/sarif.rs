//! SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rules with their
//! explanations, one result per finding. Columns are Unicode code points (`columnKind`),
//! the same columns every other format prints.

use serde::Serialize;
use serde_json::{json, Value};

use super::{display_path, Sources};
use crate::config::Severity;
use crate::lint::{Diagnostic, Report, RULES};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const LOAD_RULE: &str = "load-error";

/// The SARIF log. Its keys are in the order `json!` objects print them (sorted), so the
/// output reads as it did when the whole log was one `Value`; only `results` is streamed.
#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
struct Run<'a> {
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: Results<'a>,
    tool: Value,
}

/// One result per diagnostic, built as the serializer reaches it.
struct Results<'a> {
    report: &'a Report,
    sources: &'a Sources<'a>,
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.report.all().map(|d| result(&d, self.sources)))
    }
}

/// Writes the SARIF log to `sink` as it is serialized.
pub fn write(
    report: &Report,
    sources: &Sources,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": rule.explanation_text()},
                "help": {"text": format!("starbank explain {}", rule.code)},
                "defaultConfiguration": {"level": level(rule.severity)},
            })
        })
        .collect();
    rules.push(json!({
        "id": LOAD_RULE,
        "name": "load-error",
        "shortDescription": {"text": "A story file does not load"},
        "fullDescription": {"text": "The file could not be read or parsed as a story; it was not linted."},
        "defaultConfiguration": {"level": "error"},
    }));
    let log = Log {
        schema: SCHEMA,
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: Results { report, sources },
            tool: json!({"driver": {
                "name": "starbank",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
        }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut *sink, &log)?;
    sink.write_all(b"\n")
}

fn result(diagnostic: &Diagnostic, sources: &Sources) -> Value {
    let (rule_id, index) = if diagnostic.is_load_error() {
        (LOAD_RULE, RULES.len())
    } else {
        let index = RULES
            .iter()
            .position(|rule| rule.code == diagnostic.code)
            .unwrap_or(0);
        (diagnostic.code, index)
    };
    let region = match sources.place_of(diagnostic) {
        Some(at) => json!({
            "startLine": at.line.max(1),
            "startColumn": at.column.max(1),
            "endLine": at.end_line.max(at.line).max(1),
            "endColumn": at.end_column.max(1),
        }),
        // A finding about the whole bank (or a file) has no phrase; code scanning drops a
        // result without a line, so it is placed at the first line.
        None => json!({"startLine": 1}),
    };
    json!({
        "ruleId": rule_id,
        "ruleIndex": index,
        "level": level(diagnostic.severity),
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(&display_path(&diagnostic.path))},
            "region": region,
        }}],
    })
}

/// A path as a SARIF `uri` (a URI reference, RFC 3986): every byte but the unreserved
/// characters, `/` and the sub-delimiters is percent-encoded, so a file name with a space,
/// `%`, `#`, `:`, a control character or any non-ASCII letter still names its file.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_encodes_what_a_uri_cannot_hold() {
        assert_eq!(uri("stories/a-b_c.ron"), "stories/a-b_c.ron");
        assert_eq!(
            uri("my stories/50%#1?.ron"),
            "my%20stories/50%25%231%3F.ron"
        );
        assert_eq!(uri("C:x/naïve\u{1b}.ron"), "C%3Ax/na%C3%AFve%1B.ron");
    }
}
