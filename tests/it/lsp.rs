//! `starbank lsp` driven as an editor drives it: the built binary over JSON-RPC with
//! `Content-Length` framing on stdin/stdout. Ranges are asserted exactly, in UTF-16 (the
//! protocol's default) and UTF-8 (when the client offers it), on a story full of "é", "—"
//! and emoji, and on a CRLF file.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);

/// A story written for L7 whose team size reads L6 (SC001 on "a team of 18 engineers"), with
/// multi-byte text before the figure, a misspelt question id and a misspelt principle.
const STORY: &str = "(
    title: \"Café — launch 🚀\",
    level: L7,
    principles: [\"Think Bigg\"],
    questions: [\"l7-tecnical-strategy-direction\"],
    situation: \"At the café 🚀 — I led a team of 18 engineers for the storefront’s pages.\",
    task: \"Set the direction for page speed over the next 8 months.\",
    action: \"I profiled the pages, I wrote the proposal and I negotiated the order with two partner teams.\",
    result: \"Load time fell 55% and we recovered about $2M a year.\",
)
";

/// The line of the figure (0-based) and its columns in UTF-16 and UTF-8.
const FIGURE_LINE: u64 = 5;
const FIGURE_UTF16: (u64, u64) = (39, 61);
const FIGURE_UTF8: (u64, u64) = (44, 66);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages read while waiting for something else.
    backlog: Vec<Value>,
    next_id: u64,
    _cache: tempfile::TempDir,
}

impl Client {
    /// Starts the server and initializes it with `capabilities` and `options`.
    fn start(root: &Path, capabilities: Value, options: Value) -> (Client, Value) {
        let cache = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_starbank"))
            .arg("lsp")
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            backlog: Vec::new(),
            next_id: 0,
            _cache: cache,
        };
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.backlog.iter().position(&wanted) {
            return self.backlog.remove(at);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.backlog.push(message),
                Err(RecvTimeoutError::Timeout) => panic!("timed out; backlog: {:?}", self.backlog),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            }
        }
    }

    /// The next diagnostics published for `file`.
    fn diagnostics(&mut self, file: &Path) -> Vec<Value> {
        let uri = uri(file);
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri)
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, file: &Path, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(file), "languageId": "ron", "version": 1, "text": text}}),
        );
        self.diagnostics(file)
    }

    fn at(&mut self, method: &str, file: &Path, line: u64, character: u64) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": uri(file)}, "position": {"line": line, "character": character}}),
        )
    }

    /// `shutdown`, `exit`, and the exit status.
    fn finish(mut self) -> i32 {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    let mut text = String::from("file://");
    for byte in path.to_str().unwrap().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            text.push(byte as char);
        } else {
            text.push_str(&format!("%{byte:02X}"));
        }
    }
    text
}

/// A bank folder (with a `starbank.ron`) holding `files`.
fn bank(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("bank");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("starbank.ron"), "(min_stories: 1)\n").unwrap();
    for (name, text) in files {
        std::fs::write(root.join(name), text).unwrap();
    }
    (dir, root)
}

fn utf8_capabilities() -> Value {
    json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
}

fn find<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:#?}"))
}

fn range(line: u64, (start, end): (u64, u64)) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

#[test]
fn diagnostics_in_utf16_put_every_squiggle_under_its_characters() {
    let (_dir, root) = bank(&[("cafe.ron", STORY)]);
    let file = root.join("cafe.ron");
    let (mut client, init) = Client::start(&root, json!({}), Value::Null);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    let diagnostics = client.open(&file, STORY);
    let sc001 = find(&diagnostics, "SC001");
    assert_eq!(sc001["range"], range(FIGURE_LINE, FIGURE_UTF16));
    assert_eq!(sc001["severity"], 2);
    assert_eq!(sc001["source"], "starbank");
    let link = sc001["codeDescription"]["href"].as_str().unwrap();
    assert!(
        link.starts_with("file://") && link.ends_with("/rules/SC001.md"),
        "{link}"
    );
    // The misspelt question id, quotes included: `    questions: [` is 16 columns.
    let st007 = find(&diagnostics, "ST007");
    assert_eq!(st007["range"], range(4, (16, 48)));
    assert!(st007["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `l7-technical-strategy-direction`?"));
    assert_eq!(client.finish(), 0);
}

#[test]
fn utf8_is_used_when_the_client_offers_it() {
    let (_dir, root) = bank(&[("cafe.ron", STORY)]);
    let file = root.join("cafe.ron");
    let (mut client, init) = Client::start(&root, utf8_capabilities(), Value::Null);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let diagnostics = client.open(&file, STORY);
    assert_eq!(
        find(&diagnostics, "SC001")["range"],
        range(FIGURE_LINE, FIGURE_UTF8)
    );
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_crlf_file_maps_exactly() {
    let crlf = STORY.replace('\n', "\r\n");
    let (_dir, root) = bank(&[("cafe.ron", &crlf)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    let diagnostics = client.open(&file, &crlf);
    assert_eq!(
        find(&diagnostics, "SC001")["range"],
        range(FIGURE_LINE, FIGURE_UTF16)
    );
    // An edit at the end of a CRLF line lands before the `\r`.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&file), "version": 2}, "contentChanges": [
            {"range": range(1, (99, 99)), "text": " // the café 🚀"},
        ]}),
    );
    let diagnostics = client.diagnostics(&file);
    assert!(
        diagnostics.iter().all(|d| d["code"] != "load-error"),
        "{diagnostics:#?}"
    );
    assert_eq!(
        find(&diagnostics, "SC001")["range"],
        range(FIGURE_LINE, FIGURE_UTF16)
    );
    assert_eq!(client.finish(), 0);
}

#[test]
fn incremental_edits_are_linted_from_the_buffer_not_the_disk() {
    let (_dir, root) = bank(&[("cafe.ron", STORY)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.open(&file, STORY);
    // Two edits in one change: "18" becomes "80" (now L7: SC001 goes), then 🚀 before the
    // figure is deleted (two UTF-16 units, columns 28-30).
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&file), "version": 2}, "contentChanges": [
            {"range": range(FIGURE_LINE, (49, 51)), "text": "80"},
            {"range": range(FIGURE_LINE, (28, 30)), "text": ""},
        ]}),
    );
    let diagnostics = client.diagnostics(&file);
    assert!(
        diagnostics.iter().all(|d| d["code"] != "SC001"),
        "{diagnostics:#?}"
    );
    let hint = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri(&file)}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 20, "character": 0}}}),
    );
    let first = &hint[0];
    assert_eq!(first["label"], "L7");
    // The figure now ends two columns earlier.
    assert_eq!(
        first["position"],
        json!({"line": FIGURE_LINE, "character": FIGURE_UTF16.1 - 2})
    );
    // Break the file: the load error is placed at its line and column.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&file), "version": 3}, "contentChanges": [
            {"range": range(2, (4, 9)), "text": "levle"},
        ]}),
    );
    let diagnostics = client.diagnostics(&file);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "load-error");
    assert_eq!(diagnostics[0]["range"], range(2, (4, 9)));
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("unknown field `levle`"));
    // Its quick fix is the "did you mean".
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": range(2, (5, 5)), "context": {"diagnostics": []}}),
    );
    let fix = &actions[0];
    assert_eq!(fix["title"], "Replace with level");
    assert_eq!(
        fix["edit"]["changes"][uri(&file)][0],
        json!({"range": range(2, (4, 9)), "newText": "level"})
    );
    // The disk still has the original text.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), STORY);
    assert_eq!(client.finish(), 0);
}

#[test]
fn hover_on_a_figure_a_question_and_a_rule() {
    let story = STORY
        .replace(
            "l7-tecnical-strategy-direction",
            "l7-technical-strategy-direction",
        )
        .replace(
            "    level: L7,\n",
            "    level: L7,\n    allow: [\"ST005\"],\n",
        );
    let (_dir, root) = bank(&[("cafe.ron", &story)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.open(&file, &story);
    let figure = client.at("textDocument/hover", &file, FIGURE_LINE + 1, 45);
    let text = figure["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**team size** (your scope"), "{text}");
    assert!(
        text.contains("18 people: L6, 10-49 people; L7 from 50 people"),
        "{text}"
    );
    assert_eq!(figure["range"], range(FIGURE_LINE + 1, FIGURE_UTF16));
    let question = client.at("textDocument/hover", &file, 5, 20);
    let text = question["contents"]["value"].as_str().unwrap();
    assert!(text.contains("L7 ·") && text.contains("round"), "{text}");
    let rule = client.at("textDocument/hover", &file, 3, 15);
    let text = rule["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**ST005** `too-short-spoken`"), "{text}");
    // Nothing to say on the title; a position past the end of a line is clamped, not an error.
    assert_eq!(client.at("textDocument/hover", &file, 1, 5), Value::Null);
    assert_eq!(client.at("textDocument/hover", &file, 2, 500), Value::Null);
    assert_eq!(client.at("textDocument/hover", &file, 500, 0), Value::Null);
    assert_eq!(client.finish(), 0);
}

#[test]
fn code_actions_allow_fix_and_link() {
    let (_dir, root) = bank(&[("cafe.ron", STORY)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.open(&file, STORY);
    let on_question = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": range(4, (20, 20)), "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = on_question
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles[0], "Replace with \"l7-technical-strategy-direction\"",
        "{titles:?}"
    );
    assert_eq!(titles[1], "Allow ST007 in this story", "{titles:?}");
    assert!(
        titles[2..].iter().all(|t| t.starts_with("Link question l")),
        "{titles:?}"
    );
    let edits = &on_question[0]["edit"]["changes"][uri(&file)];
    assert_eq!(edits[0]["range"], range(4, (16, 48)));
    // The story has no `allow`: the action adds the field after the last one.
    let allow = &on_question[1]["edit"]["changes"][uri(&file)][0];
    assert_eq!(
        allow,
        &json!({"range": range(8, (68, 68)), "newText": "\n    allow: [\"ST007\"],"})
    );
    // On the principle: its "did you mean".
    let on_principle = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": range(3, (20, 20)), "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert_eq!(on_principle[0]["title"], "Replace with \"Think Big\"");
    assert!(on_principle
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["kind"] == "quickfix"));
    assert_eq!(client.finish(), 0);
}

#[test]
fn completion_of_questions_rules_levels_and_fields() {
    let story = STORY.replace(
        "    questions: [\"l7-tecnical-strategy-direction\"],\n",
        "    questions: [\"l7-\"],\n    allow: [],\n    \n",
    );
    let (_dir, root) = bank(&[("cafe.ron", &story)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.open(&file, &story);
    let questions = client.at("textDocument/completion", &file, 4, 20);
    let first = &questions[0];
    assert!(
        first["label"].as_str().unwrap().starts_with("l7-"),
        "{first}"
    );
    assert!(
        first["detail"].as_str().unwrap().starts_with("L7: "),
        "{first}"
    );
    assert_eq!(first["textEdit"]["range"], range(4, (17, 20)));
    let rules = client.at("textDocument/completion", &file, 5, 12);
    let labels: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"SC001") && labels.contains(&"BK005"),
        "{labels:?}"
    );
    assert_eq!(rules[0]["textEdit"]["newText"], "\"SC001\"");
    let fields = client.at("textDocument/completion", &file, 6, 4);
    let labels: Vec<&str> = fields
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"follow_ups") && labels.contains(&"year"),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"title"),
        "a field the story has is not offered: {labels:?}"
    );
    let levels = client.at("textDocument/completion", &file, 2, 12);
    let labels: Vec<&str> = levels
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["L6", "L7"]);
    assert_eq!(client.finish(), 0);
}

#[test]
fn inlay_hints_follow_the_setting() {
    let (_dir, root) = bank(&[("cafe.ron", STORY)]);
    let file = root.join("cafe.ron");
    let whole = json!({"textDocument": {"uri": uri(&file)}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 20, "character": 0}}});
    let (mut client, _) = Client::start(&root, json!({}), json!({"inlayHints": false}));
    client.open(&file, STORY);
    assert_eq!(
        client.request("textDocument/inlayHint", whole.clone()),
        json!([])
    );
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"starbank": {"inlayHints": true}}}),
    );
    let hints = client.request("textDocument/inlayHint", whole.clone());
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    // Team size, horizon, dollars and "two partner teams".
    assert_eq!(labels, ["L6", "L6", "L6", "L6"], "{hints:#}");
    assert_eq!(
        hints[0]["position"],
        json!({"line": FIGURE_LINE, "character": FIGURE_UTF16.1})
    );
    assert_eq!(client.finish(), 0);
}

#[test]
fn the_level_setting_judges_every_story_against_it() {
    let story = STORY.replace("level: L7", "level: L6");
    let (_dir, root) = bank(&[("cafe.ron", &story)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    let diagnostics = client.open(&file, &story);
    assert!(
        diagnostics.iter().all(|d| d["code"] != "SC001"),
        "{diagnostics:#?}"
    );
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"level": "L7"}}),
    );
    let diagnostics = client.diagnostics(&file);
    find(&diagnostics, "SC001");
    assert_eq!(client.finish(), 0);
}

#[test]
fn symbols_and_definitions() {
    let story = STORY.replace(
        "l7-tecnical-strategy-direction",
        "l7-technical-strategy-direction",
    );
    let (dir, root) = bank(&[("cafe.ron", &story)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.open(&file, &story);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&file)}}),
    );
    assert_eq!(symbols[0]["name"], "Café — launch 🚀");
    let sections: Vec<&str> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(sections, ["Situation", "Task", "Action", "Result"]);
    assert_eq!(
        symbols[0]["children"][0]["selectionRange"],
        range(5, (4, 13))
    );
    // The compiled-in question bank, written out for the editor to open.
    let definition = client.at("textDocument/definition", &file, 4, 25);
    let target = definition["uri"].as_str().unwrap();
    assert!(
        target.ends_with("/builtin-prompts/questions.ron"),
        "{target}"
    );
    let line = definition["range"]["start"]["line"].as_u64().unwrap() as usize;
    let path = target.strip_prefix("file://").unwrap().replace("%20", " ");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text
        .lines()
        .nth(line)
        .unwrap()
        .contains("id: \"l7-technical-strategy-direction\""));
    assert_eq!(client.finish(), 0);
    // A bank with its own prompts/: definition opens that file.
    let prompts = dir.path().join("prompts");
    std::fs::create_dir_all(&prompts).unwrap();
    let own = "[\n    (\n        id: \"l7-technical-strategy-direction\",\n        level: L7,\n        text: \"Own question\",\n        theme: \"t\", round: \"r\", keywords: [], shows: \"s\", source: \"mine\",\n    ),\n]\n";
    std::fs::write(prompts.join("questions.ron"), own).unwrap();
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.open(&file, &story);
    let definition = client.at("textDocument/definition", &file, 4, 25);
    assert_eq!(
        definition["uri"],
        json!(uri(&prompts.join("questions.ron")))
    );
    assert_eq!(definition["range"], range(2, (12, 45)));
    assert_eq!(client.finish(), 0);
}

#[test]
fn bank_findings_come_on_open_and_refresh_on_save() {
    let twin = STORY.replace("Café — launch 🚀", "Twin");
    let (_dir, root) = bank(&[("a.ron", &twin), ("b.ron", &twin)]);
    let (a, b) = (root.join("a.ron"), root.join("b.ron"));
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.open(&a, &twin);
    let diagnostics = client.open(&b, &twin);
    let bk002 = find(&diagnostics, "BK002");
    assert!(
        bk002["message"]
            .as_str()
            .unwrap()
            .contains("is also the title of"),
        "{bk002}"
    );
    assert_eq!(bk002["range"], range(1, (11, 17)));
    // Retitle b and save it: its duplicate-title finding goes away.
    let retitled = twin.replace("Twin", "Another");
    std::fs::write(&b, &retitled).unwrap();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&b), "version": 2}, "contentChanges": [{"text": retitled}]}),
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&b)}}),
    );
    let deadline = Instant::now() + WAIT;
    loop {
        let diagnostics = client.diagnostics(&b);
        if diagnostics.iter().all(|d| d["code"] != "BK002") {
            break;
        }
        assert!(Instant::now() < deadline, "BK002 stayed: {diagnostics:#?}");
    }
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_config_change_is_picked_up() {
    let (_dir, root) = bank(&[("cafe.ron", STORY)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    find(&client.open(&file, STORY), "SC001");
    let config = root.join("starbank.ron");
    std::fs::write(
        &config,
        "(min_stories: 1, disable: [\"SC001\", \"ZZ999\"])\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    );
    let diagnostics = client.diagnostics(&file);
    assert!(
        diagnostics.iter().all(|d| d["code"] != "SC001"),
        "{diagnostics:#?}"
    );
    // The selector that names no rule is reported on starbank.ron itself.
    let on_config = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == json!(uri(&config))
            && m["params"]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "load-error")
    });
    let error = on_config["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "load-error")
        .unwrap();
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("`ZZ999` names no lint rule"),
        "{error}"
    );
    assert_eq!(error["range"], range(0, (37, 42)));
    assert_eq!(client.finish(), 0);
}

#[test]
fn bad_input_gets_an_error_never_a_crash() {
    let (_dir, root) = bank(&[("cafe.ron", STORY)]);
    let file = root.join("cafe.ron");
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    // Not JSON: a parse error with a null id, and the server reads on.
    client.raw(b"Content-Length: 9\r\n\r\n{not json");
    let error = client.wait_for(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);
    // An unknown method; wrong params.
    assert_eq!(
        client.call("starbank/nothing", json!({}))["error"]["code"],
        -32601
    );
    assert_eq!(
        client.call("textDocument/hover", json!({"nope": 1}))["error"]["code"],
        -32602
    );
    // A document outside every bank: no diagnostics, nothing to hover.
    let outside = tempfile::tempdir().unwrap();
    let stray = outside.path().join("notes.ron");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&stray), "languageId": "ron", "version": 1, "text": STORY}}),
    );
    assert_eq!(client.at("textDocument/hover", &stray, 5, 45), Value::Null);
    // Not RON, and 10 MB: one diagnostic each, at the start.
    let diagnostics = client.open(&file, "this is not RON at all é 🚀");
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["code"], "load-error");
    let big = format!("(title: \"{}\")", "é".repeat(5 * 1024 * 1024));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&file), "version": 2}, "contentChanges": [{"text": big}]}),
    );
    let diagnostics = client.diagnostics(&file);
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("at most 1 MiB"));
    // Still answering.
    assert_eq!(client.call("shutdown", Value::Null)["result"], Value::Null);
    assert_eq!(
        client.call("textDocument/hover", json!({}))["error"]["code"],
        -32600
    );
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1_and_closed_input_ends_cleanly() {
    let (_dir, root) = bank(&[]);
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit(), 1);
    let (mut client, _) = Client::start(&root, json!({}), Value::Null);
    client.stdin = None;
    assert_eq!(client.wait_exit(), 0);
}

#[test]
fn a_request_before_initialize_is_refused() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_starbank"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let body = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#;
    let mut stdin = child.stdin.take().unwrap();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    drop(stdin);
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let response = read_frame(&mut reader).unwrap();
    assert_eq!(response["error"]["code"], -32002);
    assert!(child.wait().unwrap().success());
}
