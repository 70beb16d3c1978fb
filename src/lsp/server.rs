//! The server's state, the initialize handshake, and the notifications that change the
//! state: documents opening, changing, saving and closing, settings and watched files.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId};
use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    CompletionOptions, DidChangeConfigurationParams, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, HoverProviderCapability, InitializeParams, InitializeResult,
    OneOf, PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use serde_json::Value;

use crate::config::CONFIG_FILE;

use super::diagnostics::{from_lint, from_load_error, to_lsp, Found};
use super::docs::Docs;
use super::document::Document;
use super::position::{Encoding, Lines};
use super::settings::Settings;
use super::uri;
use super::workspace::{find_bank_root, is_story_path, BankState};

/// A failed request or notification: the error code and what went wrong.
pub type Failure = (ErrorCode, String);

/// Where the server is in its life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Uninitialized,
    Running,
    ShuttingDown,
}

/// Reads a message's params.
pub fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, Failure> {
    serde_json::from_value(params)
        .map_err(|err| (ErrorCode::InvalidParams, format!("invalid params: {err}")))
}

pub struct Server {
    output: Box<dyn Write>,
    pub phase: Phase,
    pub encoding: Encoding,
    pub settings: Settings,
    /// The workspace folders, for settings' relative paths.
    pub workspace: Vec<PathBuf>,
    /// Open documents by URI.
    pub documents: HashMap<String, Document>,
    /// Open banks by root.
    pub banks: HashMap<PathBuf, BankState>,
    pub docs: Docs,
    client: ClientCapabilities,
    next_id: i32,
}

impl Server {
    pub fn new(output: Box<dyn Write>, docs: Docs) -> Server {
        Server {
            output,
            phase: Phase::Uninitialized,
            encoding: Encoding::Utf16,
            settings: Settings::default(),
            workspace: Vec::new(),
            documents: HashMap::new(),
            banks: HashMap::new(),
            docs,
            client: ClientCapabilities::default(),
            next_id: 0,
        }
    }

    pub fn send(&mut self, message: Message) {
        if let Err(err) = super::transport::write_message(&mut self.output, &message) {
            eprintln!("starbank lsp: cannot write to the client: {err}");
        }
    }

    pub fn send_parse_error(&mut self, why: &str) {
        if let Err(err) = super::transport::write_parse_error(&mut self.output, why) {
            eprintln!("starbank lsp: cannot write to the client: {err}");
        }
    }

    fn request_client(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_id += 1;
        let id = RequestId::from(format!("starbank-{}", self.next_id));
        self.send(Message::Request(Request::new(id, method.into(), params)));
    }

    pub fn initialize(&mut self, params: Value) -> Result<Value, Failure> {
        let params: InitializeParams = parse(params)?;
        self.encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|general| general.position_encodings.as_deref()),
        );
        if let Some(options) = &params.initialization_options {
            for problem in self.settings.update(options) {
                eprintln!("starbank lsp: initializationOptions: {problem}");
            }
        }
        #[allow(deprecated)] // Older clients (Neovim 0.7) send only `rootUri`.
        let roots: Vec<PathBuf> = match (&params.workspace_folders, &params.root_uri) {
            (Some(folders), _) if !folders.is_empty() => folders
                .iter()
                .filter_map(|f| uri::to_path(&f.uri))
                .collect(),
            (_, Some(root)) => uri::to_path(root).into_iter().collect(),
            _ => Vec::new(),
        };
        self.workspace = roots;
        self.client = params.capabilities;
        self.phase = Phase::Running;
        let result = InitializeResult {
            capabilities: capabilities(self.encoding),
            server_info: Some(ServerInfo {
                name: "starbank".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        serde_json::to_value(result).map_err(|err| (ErrorCode::InternalError, err.to_string()))
    }

    /// After the handshake: ask to be told when `starbank.ron` or a story changes on disk.
    pub fn initialized(&mut self) {
        let dynamic = self
            .client
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        let watchers = ["**/starbank.ron", "**/*.ron"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.into()),
                kind: None,
            })
            .collect();
        let registration = Registration {
            id: "starbank-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        self.request_client(
            "client/registerCapability",
            RegistrationParams {
                registrations: vec![registration],
            },
        );
    }

    pub fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let path = uri::to_path(&item.uri);
        let key = item.uri.as_str().to_string();
        let mut document = Document::new(item.uri, path.clone(), item.version, item.text);
        let Some(path) = path.filter(|p| p.extension().is_some_and(|e| e == "ron")) else {
            self.documents.insert(key, document);
            return;
        };
        if path.file_name().is_some_and(|n| n == CONFIG_FILE) {
            let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
            self.documents.insert(key, document);
            self.ensure_bank(&root);
            self.publish_bank_files(&root);
            return;
        }
        document.bank = find_bank_root(&path, &self.settings, &self.workspace);
        if document.bank.is_none() {
            eprintln!(
                "starbank lsp: {} is in no bank (no starbank.ron above it, no `stories` folder): not linted",
                path.display()
            );
        }
        let root = document.bank.clone();
        self.documents.insert(key.clone(), document);
        if let Some(root) = root {
            self.ensure_bank(&root);
            self.lint_document(&key);
            self.publish(&key);
        }
    }

    pub fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let encoding = self.encoding;
        let Some(document) = self.documents.get_mut(params.text_document.uri.as_str()) else {
            eprintln!(
                "starbank lsp: a change to a document that is not open: {}",
                params.text_document.uri.as_str()
            );
            return;
        };
        document.apply(
            params.text_document.version,
            params.content_changes,
            encoding,
        );
    }

    pub fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        let key = params.text_document.uri.as_str().to_string();
        if let Some(text) = params.text {
            if let Some(document) = self.documents.get_mut(&key) {
                document.replace(text);
            }
        }
        let Some(document) = self.documents.get(&key) else {
            return;
        };
        let is_config = document
            .path
            .as_ref()
            .is_some_and(|p| p.file_name().is_some_and(|n| n == CONFIG_FILE));
        if is_config {
            let root = document
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(Path::to_path_buf)
                .unwrap_or_default();
            self.config_changed(&root);
            return;
        }
        if let Some(root) = document.bank.clone() {
            self.lint_document(&key);
            self.relint_bank(&root);
        }
    }

    pub fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let key = params.text_document.uri.as_str();
        if let Some(document) = self.documents.remove(key) {
            self.publish_diagnostics(document.uri, Vec::new(), None);
        }
    }

    pub fn did_change_configuration(&mut self, params: DidChangeConfigurationParams) {
        for problem in self.settings.update(&params.settings) {
            eprintln!("starbank lsp: settings: {problem}");
        }
        // The bank, prompts or level may have changed: open every bank again.
        self.banks.clear();
        let keys: Vec<String> = self.documents.keys().cloned().collect();
        for key in &keys {
            let Some(document) = self.documents.get_mut(key) else {
                continue;
            };
            let Some(path) = document.path.clone() else {
                continue;
            };
            if is_story_path(&path) {
                document.bank = find_bank_root(&path, &self.settings, &self.workspace);
            }
        }
        let roots: HashSet<PathBuf> = self
            .documents
            .values()
            .filter_map(|d| d.bank.clone())
            .collect();
        for root in roots {
            self.ensure_bank(&root);
            self.relint_bank(&root);
        }
        self.refresh_inlay_hints();
    }

    pub fn did_change_watched_files(&mut self, params: DidChangeWatchedFilesParams) {
        let mut configs = HashSet::new();
        let mut stale = HashSet::new();
        for change in params.changes {
            let Some(path) = uri::to_path(&change.uri) else {
                continue;
            };
            for root in self.banks.keys() {
                if path.parent() == Some(root.as_path())
                    && path.file_name().is_some_and(|n| n == CONFIG_FILE)
                {
                    configs.insert(root.clone());
                } else if path.starts_with(root) {
                    stale.insert(root.clone());
                }
            }
        }
        for root in &configs {
            self.config_changed(root);
        }
        for root in stale.difference(&configs) {
            self.relint_bank(root);
        }
    }

    /// `starbank.ron` changed: re-read it, lint every open story of the bank again.
    fn config_changed(&mut self, root: &Path) {
        let level = self.settings.level;
        let Some(bank) = self.banks.get_mut(root) else {
            return;
        };
        bank.reload_config(level);
        self.relint_bank(root);
    }

    /// Lints every open story of a bank and the bank as a whole; publishes them all.
    fn relint_bank(&mut self, root: &Path) {
        let keys: Vec<String> = self
            .documents
            .iter()
            .filter(|(_, d)| d.bank.as_deref() == Some(root))
            .map(|(key, _)| key.clone())
            .collect();
        for key in &keys {
            self.lint_document(key);
        }
        self.lint_bank(root);
        for key in &keys {
            self.publish(key);
        }
        self.publish_bank_files(root);
        self.refresh_inlay_hints();
    }

    fn ensure_bank(&mut self, root: &Path) {
        if self.banks.contains_key(root) {
            return;
        }
        let bank = BankState::open(root.to_path_buf(), &self.settings, &self.workspace);
        self.banks.insert(root.to_path_buf(), bank);
        self.lint_bank(root);
        self.publish_bank_files(root);
    }

    fn lint_bank(&mut self, root: &Path) {
        let started = Instant::now();
        let open: HashMap<PathBuf, &str> = self
            .documents
            .values()
            .filter(|d| d.bank.as_deref() == Some(root))
            .filter_map(|d| Some((d.path.clone()?, d.text.as_str())))
            .collect();
        if let Some(bank) = self.banks.get_mut(root) {
            bank.lint_bank(&open);
        }
        log_slow("bank lint", root, started, Duration::from_millis(500));
    }

    fn lint_document(&mut self, key: &str) {
        let started = Instant::now();
        let Some(document) = self.documents.get_mut(key) else {
            return;
        };
        let Some(bank) = document.bank.as_ref().and_then(|root| self.banks.get(root)) else {
            document.dirty_since = None;
            return;
        };
        document.analyse(bank);
        if let Some(path) = &document.path {
            log_slow("lint", path, started, Duration::from_millis(50));
        }
    }

    /// When the next debounced lint is due.
    pub fn next_due(&self) -> Option<Instant> {
        let debounce = Duration::from_millis(self.settings.debounce_ms);
        self.documents
            .values()
            .filter_map(|d| d.dirty_since)
            .min()
            .map(|since| since + debounce)
    }

    /// Lints and publishes every document whose debounce has run out.
    pub fn lint_due(&mut self) {
        let debounce = Duration::from_millis(self.settings.debounce_ms);
        let now = Instant::now();
        let due: Vec<String> = self
            .documents
            .iter()
            .filter(|(_, d)| d.dirty_since.is_some_and(|since| since + debounce <= now))
            .map(|(key, _)| key.clone())
            .collect();
        for key in due {
            self.lint_document(&key);
            self.publish(&key);
        }
    }

    /// Brings a document's analysis up to date if an edit is pending (before a request).
    pub fn settle(&mut self, key: &str) {
        if self
            .documents
            .get(key)
            .is_some_and(|d| d.dirty_since.is_some())
        {
            self.lint_document(key);
            self.publish(key);
        }
    }

    /// Publishes a story's own findings and its bank-wide ones.
    fn publish(&mut self, key: &str) {
        let Some(document) = self.documents.get(key) else {
            return;
        };
        let mut found: Vec<Found> = document.analysis.found.clone();
        let bank = document.bank.as_ref().and_then(|root| self.banks.get(root));
        if let (Some(bank), Some(path)) = (bank, &document.path) {
            if let Some((_, diagnostics)) = bank.findings.by_path.get(path) {
                found.extend(diagnostics.iter().map(|d| from_lint(d, &document.text)));
            }
        }
        let diagnostics = found
            .iter()
            .map(|f| {
                to_lsp(
                    f,
                    &document.text,
                    &document.lines,
                    self.encoding,
                    &self.docs,
                )
            })
            .collect();
        let (uri, version) = (document.uri.clone(), document.version);
        self.publish_diagnostics(uri, diagnostics, Some(version));
    }

    /// The findings that belong to no open story: a bad or misspelt `starbank.ron` and the
    /// bank as a whole go on `starbank.ron` (when it exists); a bad prompts file on itself.
    fn publish_bank_files(&mut self, root: &Path) {
        let Some(bank) = self.banks.get(root) else {
            return;
        };
        let config = bank.config_path();
        let mut per_file: Vec<(PathBuf, Vec<Found>)> = Vec::new();
        if config.is_file() {
            let text = self.text_of(&config);
            let mut found: Vec<Found> = bank
                .config_errors
                .iter()
                .map(|e| from_load_error(e, &text))
                .collect();
            found.extend(bank.findings.whole.iter().map(|d| from_lint(d, &text)));
            per_file.push((config, found));
        }
        if let Some(error) = &bank.prompts_error {
            let text = self.text_of(&error.path);
            per_file.push((error.path.clone(), vec![from_load_error(error, &text)]));
        }
        for (path, found) in per_file {
            let Some(uri) = uri::from_path(&path) else {
                continue;
            };
            let text = self.text_of(&path);
            let lines = Lines::new(&text);
            let diagnostics = found
                .iter()
                .map(|f| to_lsp(f, &text, &lines, self.encoding, &self.docs))
                .collect();
            self.publish_diagnostics(uri, diagnostics, None);
        }
    }

    /// A file's text: the open buffer, else the file on disk.
    fn text_of(&self, path: &Path) -> String {
        self.documents
            .values()
            .find(|d| d.path.as_deref() == Some(path))
            .map(|d| d.text.clone())
            .unwrap_or_else(|| std::fs::read_to_string(path).unwrap_or_default())
    }

    fn publish_diagnostics(
        &mut self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        )));
    }

    fn refresh_inlay_hints(&mut self) {
        let supported = self
            .client
            .workspace
            .as_ref()
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|h| h.refresh_support)
            .unwrap_or(false);
        if supported {
            self.request_client("workspace/inlayHint/refresh", Value::Null);
        }
    }
}

fn log_slow(what: &str, path: &Path, started: Instant, limit: Duration) {
    let took = started.elapsed();
    if took > limit {
        eprintln!(
            "starbank lsp: {what} of {} took {} ms",
            path.display(),
            took.as_millis()
        );
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "[".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::REFACTOR]),
            ..CodeActionOptions::default()
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}
