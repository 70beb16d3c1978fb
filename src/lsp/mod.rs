//! `starbank lsp`: a language server for story files, over stdio.
//!
//! Editors (Neovim, VS Code, Helix, Zed, Emacs) start it and send the buffers of `*.ron`
//! files; it answers with the linter's findings as diagnostics and with hover, completion,
//! code actions, inlay hints, document symbols and go to definition. The protocol types come
//! from `lsp-types` and the message types from `lsp-server` (rust-analyzer's crates:
//! synchronous, no async runtime, which suits a server whose work is a few milliseconds of
//! linting per keystroke).
//!
//! - [`transport`]: framing, robust to malformed input.
//! - this module: the loop (debounce, dispatch, never crash on a handler's panic).
//! - [`server`]: the state (documents, banks) and the notifications that change it.
//! - [`requests`]: the requests, each answered by one feature module: [`hover`],
//!   [`completion`], [`actions`], [`symbols`].
//! - [`document`], [`workspace`], [`diagnostics`], [`position`], [`context`], [`uri`],
//!   [`settings`], [`docs`]: one idea each, named by the file.

pub mod actions;
pub mod completion;
pub mod context;
pub mod diagnostics;
pub mod docs;
pub mod document;
pub mod hover;
pub mod position;
mod requests;
pub mod server;
pub mod settings;
pub mod symbols;
pub mod transport;
pub mod uri;
pub mod workspace;

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, Response};

use server::{Phase, Server};
use transport::Incoming;

/// Serves on stdin/stdout until `exit` or the end of input. Returns the exit status: 0 after
/// `shutdown` then `exit` (or when input ends), 1 for `exit` without `shutdown`, as the
/// protocol asks.
pub fn run() -> u8 {
    let (sender, receiver) = channel();
    std::thread::Builder::new()
        .name("lsp-reader".into())
        .spawn(move || {
            let stdin = std::io::stdin();
            transport::read_loop(&mut stdin.lock(), &sender);
        })
        .map_or_else(
            |err| {
                eprintln!("starbank lsp: cannot start the reader: {err}");
                2
            },
            |_| serve(&receiver, std::io::stdout(), docs::Docs::prepare()),
        )
}

/// The loop: reads messages, lints documents whose debounce ran out, and answers.
pub fn serve(receiver: &Receiver<Incoming>, output: impl Write + 'static, docs: docs::Docs) -> u8 {
    let mut server = Server::new(Box::new(output), docs);
    loop {
        let timeout = server.next_due().map_or(Duration::from_secs(3600), |due| {
            due.saturating_duration_since(Instant::now())
        });
        match receiver.recv_timeout(timeout) {
            Ok(Incoming::Message(message)) => {
                if let Some(code) = handle(&mut server, message) {
                    return code;
                }
            }
            Ok(Incoming::Malformed(why)) => {
                eprintln!("starbank lsp: skipped a malformed message: {why}");
                server.send_parse_error(&why);
            }
            Ok(Incoming::Closed) | Err(RecvTimeoutError::Disconnected) => return 0,
            Err(RecvTimeoutError::Timeout) => {}
        }
        guarded("linting", || server.lint_due());
    }
}

/// Handles one message; `Some(status)` when the server should exit.
fn handle(server: &mut Server, message: Message) -> Option<u8> {
    match message {
        Message::Request(request) => {
            let id = request.id.clone();
            let method = request.method.clone();
            let response = catch_unwind(AssertUnwindSafe(|| answer(server, request)))
                .unwrap_or_else(|_| {
                    Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        format!("starbank lsp: internal error in {method}; see the server log"),
                    )
                });
            server.send(Message::Response(response));
            None
        }
        Message::Notification(notification) if notification.method == "exit" => {
            Some(if server.phase == Phase::ShuttingDown {
                0
            } else {
                1
            })
        }
        Message::Notification(notification) => {
            let method = notification.method.clone();
            guarded(&method, || notify(server, notification));
            None
        }
        // Answers to our own requests (capability registration, refreshes): nothing to do.
        Message::Response(_) => None,
    }
}

fn answer(server: &mut Server, request: Request) -> Response {
    let id = request.id.clone();
    let result = match (server.phase, request.method.as_str()) {
        (Phase::Uninitialized, "initialize") => server.initialize(request.params),
        (Phase::Uninitialized, _) => Err((
            ErrorCode::ServerNotInitialized,
            "the server is not initialized".into(),
        )),
        (_, "initialize") => Err((
            ErrorCode::InvalidRequest,
            "initialize was sent twice".into(),
        )),
        (Phase::ShuttingDown, _) => Err((
            ErrorCode::InvalidRequest,
            "the server is shutting down".into(),
        )),
        (Phase::Running, "shutdown") => {
            server.phase = Phase::ShuttingDown;
            Ok(serde_json::Value::Null)
        }
        (Phase::Running, method) => requests::answer(server, method, request.params),
    };
    match result {
        Ok(value) => Response::new_ok(id, value),
        Err((code, message)) => Response::new_err(id, code as i32, message),
    }
}

fn notify(server: &mut Server, notification: Notification) {
    if server.phase != Phase::Running {
        return;
    }
    let params = notification.params;
    let outcome = match notification.method.as_str() {
        "initialized" => {
            server.initialized();
            Ok(())
        }
        "textDocument/didOpen" => server::parse(params).map(|p| server.did_open(p)),
        "textDocument/didChange" => server::parse(params).map(|p| server.did_change(p)),
        "textDocument/didSave" => server::parse(params).map(|p| server.did_save(p)),
        "textDocument/didClose" => server::parse(params).map(|p| server.did_close(p)),
        "workspace/didChangeConfiguration" => {
            server::parse(params).map(|p| server.did_change_configuration(p))
        }
        "workspace/didChangeWatchedFiles" => {
            server::parse(params).map(|p| server.did_change_watched_files(p))
        }
        _ => Ok(()),
    };
    if let Err((_, why)) = outcome {
        eprintln!("starbank lsp: {}: {why}", notification.method);
    }
}

/// Runs `work`, logging a panic instead of ending the server.
fn guarded(what: &str, work: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(work)).is_err() {
        eprintln!("starbank lsp: internal error while handling {what}; the server goes on");
    }
}
