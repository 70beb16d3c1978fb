//! SARIF logs checked against the SARIF 2.1.0 JSON schema (`tests/sarif/`) and the parts of
//! it GitHub code scanning requires beyond the schema.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

const SCHEMA_ID: &str =
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

fn compiled() -> &'static (boon::Schemas, boon::SchemaIndex) {
    static SCHEMA: OnceLock<(boon::Schemas, boon::SchemaIndex)> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
        let text = std::fs::read_to_string(path).expect("the schema is in the repository");
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V7);
        compiler.enable_format_assertions();
        compiler.add_resource(SCHEMA_ID, schema).expect("adds");
        let index = compiler
            .compile(SCHEMA_ID, &mut schemas)
            .unwrap_or_else(|err| panic!("the SARIF schema compiles: {err:#}"));
        (schemas, index)
    })
}

/// Why `log` is not a valid SARIF 2.1.0 log, or not one GitHub code scanning accepts.
pub fn problems(log: &Value) -> Option<String> {
    let (schemas, index) = compiled();
    if let Err(err) = schemas.validate(log, *index) {
        return Some(format!("{err:#}"));
    }
    let mut problems = Vec::new();
    for (run_number, run) in log["runs"].as_array()?.iter().enumerate() {
        let rules = run["tool"]["driver"]["rules"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (number, result) in run["results"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let at = format!("runs[{run_number}].results[{number}]");
            // GitHub: a result names its rule, and ruleIndex points at that rule.
            match result["ruleIndex"].as_u64() {
                Some(index)
                    if rules.get(index as usize).map(|r| &r["id"]) == Some(&result["ruleId"]) => {}
                _ => problems.push(format!("{at}: ruleIndex does not point at ruleId")),
            }
            // GitHub: at least one location, with a file and a region that has a start line.
            let Some(location) = result["locations"]
                .as_array()
                .and_then(|locations| locations.first())
            else {
                problems.push(format!("{at}: no location"));
                continue;
            };
            let physical = &location["physicalLocation"];
            if physical["artifactLocation"]["uri"]
                .as_str()
                .is_none_or(str::is_empty)
            {
                problems.push(format!("{at}: no artifactLocation.uri"));
            }
            if physical["region"]["startLine"]
                .as_u64()
                .is_none_or(|line| line < 1)
            {
                problems.push(format!("{at}: no region.startLine"));
            }
        }
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

/// `%XX` decoded as UTF-8; `None` for a malformed escape.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
