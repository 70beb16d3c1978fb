//! `starbank lsp` as an editor meets it: the time from a `didChange` to the
//! `publishDiagnostics` for that version, on the bundled bank (15 stories) and on a generated
//! bank of 1,000 stories, through the built binary over JSON-RPC. Besides criterion's
//! timing it prints the median and p99 of 200 changes, each measured on its own. The
//! server's debounce (25 ms here, its `debounceMs` setting) is part of what is measured:
//! it is what the writer waits.
//!
//! Run: `cargo bench --bench lsp`.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::{json, Value};

const CHANGES: usize = 200;

struct Server {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    version: i64,
    uri: String,
    text: String,
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
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
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Server {
    fn open(bank: &Path, story: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_starbank"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take().expect("stdin");
        let text = std::fs::read_to_string(story).expect("story reads");
        let mut server = Server {
            child,
            stdin,
            incoming,
            version: 1,
            uri: uri(story),
            text,
        };
        server.send(
            json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": uri(bank), "capabilities": {},
            "initializationOptions": {"debounceMs": 25}}}),
        );
        server.wait(|m| m["id"] == json!(1));
        server.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        let opened = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": server.uri, "languageId": "ron", "version": 1,
            "text": server.text}}});
        server.send(opened);
        server.wait_diagnostics(1);
        server
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let message = self
                .incoming
                .recv_timeout(Duration::from_secs(60))
                .expect("the server answers");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn wait_diagnostics(&mut self, version: i64) {
        let uri = self.uri.clone();
        self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == json!(uri)
                && m["params"]["version"].as_i64().is_none_or(|v| v >= version)
        });
    }

    /// Types a word at the end of the Result and waits for the diagnostics of that version.
    fn change(&mut self) -> Duration {
        self.version += 1;
        let version = self.version;
        // Alternate between two texts so every change is a real change.
        let text = if version % 2 == 0 {
            self.text.replacen("result: \"", "result: \"Then ", 1)
        } else {
            self.text.clone()
        };
        let start = Instant::now();
        self.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": self.uri, "version": version},
            "contentChanges": [{"text": text}]}}),
        );
        self.wait_diagnostics(version);
        start.elapsed()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.send(json!({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}));
        self.send(json!({"jsonrpc": "2.0", "method": "exit"}));
        let _ = self.child.wait();
    }
}

fn banks() -> Vec<(String, PathBuf, PathBuf)> {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("stories");
    let generated = starbank::generate::cached_bank(Path::new(env!("CARGO_TARGET_TMPDIR")), 1_000)
        .expect("write generated bank");
    let generated_bank = generated.parent().expect("parent").join("lsp-bank-1000");
    if !generated_bank.join("stories").exists() {
        // The server finds a bank by a folder named `stories` (or a starbank.ron).
        std::fs::create_dir_all(&generated_bank).expect("bank folder");
        std::os::unix::fs::symlink(&generated, generated_bank.join("stories"))
            .expect("link the generated stories");
    }
    vec![
        (
            "bundled-15".into(),
            bundled.clone(),
            bundled.join("payments-oncall-turnaround.ron"),
        ),
        (
            "generated-1000".into(),
            generated_bank.join("stories"),
            generated_bank.join("stories/story-00001.ron"),
        ),
    ]
}

fn change_to_diagnostics(c: &mut Criterion) {
    let mut group = c.benchmark_group("lsp-change-to-diagnostics");
    group.sample_size(20);
    for (name, bank, story) in banks() {
        let mut server = Server::open(&bank, &story);
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| server.change()).sum())
        });
        let mut each: Vec<Duration> = (0..CHANGES).map(|_| server.change()).collect();
        each.sort();
        eprintln!(
            "lsp {name}: change -> diagnostics over {CHANGES} changes: median {:?}, p99 {:?}",
            each[CHANGES / 2],
            each[CHANGES * 99 / 100]
        );
    }
    group.finish();
}

criterion_group!(benches, change_to_diagnostics);
criterion_main!(benches);
