//! The requests the server answers, each from a feature module. A request about a document
//! that is not open, or not in a bank, is answered with `null` (nothing to show), not an
//! error: editors ask about every buffer.

use lsp_server::ErrorCode;
use lsp_types::{
    CodeActionParams, CompletionParams, DocumentSymbolParams, GotoDefinitionParams,
    GotoDefinitionResponse, HoverParams, InlayHintParams, TextDocumentPositionParams,
};
use serde_json::Value;

use crate::lint::rule;

use super::actions;
use super::completion::complete;
use super::context::place;
use super::diagnostics::{from_lint, to_lsp, Found};
use super::hover::hover;
use super::server::{parse, Failure, Server};
use super::symbols::{document_symbols, inlay_hints, question_location};

pub fn answer(server: &mut Server, method: &str, params: Value) -> Result<Value, Failure> {
    let value = match method {
        "textDocument/hover" => {
            let params: HoverParams = parse(params)?;
            json(on_hover(server, &params.text_document_position_params))
        }
        "textDocument/completion" => {
            let params: CompletionParams = parse(params)?;
            json(on_completion(server, &params.text_document_position))
        }
        "textDocument/codeAction" => json(on_code_action(server, parse(params)?)),
        "textDocument/inlayHint" => json(on_inlay_hint(server, parse(params)?)),
        "textDocument/documentSymbol" => {
            let params: DocumentSymbolParams = parse(params)?;
            let key = params.text_document.uri.as_str();
            let encoding = server.encoding;
            json(
                server
                    .documents
                    .get(key)
                    .map(|d| document_symbols(d, encoding)),
            )
        }
        "textDocument/definition" => {
            let params: GotoDefinitionParams = parse(params)?;
            json(on_definition(server, &params.text_document_position_params))
        }
        _ => {
            return Err((
                ErrorCode::MethodNotFound,
                format!("starbank lsp does not handle {method}"),
            ))
        }
    };
    value.map_err(|err| (ErrorCode::InternalError, err.to_string()))
}

fn json(value: impl serde::Serialize) -> Result<Value, serde_json::Error> {
    serde_json::to_value(value)
}

fn on_hover(server: &mut Server, at: &TextDocumentPositionParams) -> Option<lsp_types::Hover> {
    let key = at.text_document.uri.as_str();
    server.settle(key);
    let document = server.documents.get(key)?;
    let bank = server.banks.get(document.bank.as_ref()?)?;
    let offset = document.offset(at.position, server.encoding);
    hover(
        document,
        offset,
        bank.linter.rubric(),
        &bank.prompts,
        server.encoding,
    )
}

fn on_completion(
    server: &mut Server,
    at: &TextDocumentPositionParams,
) -> Option<Vec<lsp_types::CompletionItem>> {
    let key = at.text_document.uri.as_str();
    let document = server.documents.get(key)?;
    let bank = server.banks.get(document.bank.as_ref()?)?;
    let offset = document.offset(at.position, server.encoding);
    let level = document.analysis.story.as_ref().and_then(|s| s.level);
    Some(complete(
        document,
        offset,
        &bank.prompts,
        level,
        server.encoding,
    ))
}

fn on_code_action(
    server: &mut Server,
    params: CodeActionParams,
) -> Option<Vec<lsp_types::CodeActionOrCommand>> {
    let key = params.text_document.uri.as_str();
    server.settle(key);
    let encoding = server.encoding;
    let document = server.documents.get(key)?;
    let root = document.bank.clone()?;
    let bytes = document.lines.bytes(&document.text, params.range, encoding);
    let bank = server.banks.get_mut(&root)?;
    let mut found: Vec<Found> = document.analysis.found.clone();
    if let Some((_, diagnostics)) = document
        .path
        .as_ref()
        .and_then(|p| bank.findings.by_path.get(p))
    {
        found.extend(diagnostics.iter().map(|d| from_lint(d, &document.text)));
    }
    let docs = &server.docs;
    let lsp = |f: &Found| to_lsp(f, &document.text, &document.lines, encoding, docs);
    let refs: Vec<&Found> = found.iter().collect();
    let mut actions = actions::fixes(document, &refs, bytes, encoding, &lsp);
    let wants_refactor = params.context.only.as_ref().is_none_or(|only| {
        only.iter()
            .any(|kind| kind.as_str().starts_with("refactor"))
    });
    if let (Some(story), true) = (&document.analysis.story, wants_refactor) {
        let level = bank.linter.target_level(story);
        let strengths = bank.question_strengths(story, level);
        actions.extend(actions::links(
            document,
            &strengths,
            &story.questions,
            &bank.prompts,
            encoding,
        ));
    }
    Some(actions)
}

fn on_inlay_hint(
    server: &mut Server,
    params: InlayHintParams,
) -> Option<Vec<lsp_types::InlayHint>> {
    if !server.settings.inlay_hints {
        return Some(Vec::new());
    }
    let key = params.text_document.uri.as_str();
    server.settle(key);
    let document = server.documents.get(key)?;
    let report = document.analysis.report.as_ref()?;
    let visible = document
        .lines
        .bytes(&document.text, params.range, server.encoding);
    Some(inlay_hints(document, report, visible, server.encoding))
}

fn on_definition(
    server: &mut Server,
    at: &TextDocumentPositionParams,
) -> Option<GotoDefinitionResponse> {
    let key = at.text_document.uri.as_str();
    let document = server.documents.get(key)?;
    let bank = server.banks.get(document.bank.as_ref()?)?;
    let offset = document.offset(at.position, server.encoding);
    let place = place(&document.text, offset);
    let id = place
        .string()
        .filter(|s| s.closed)?
        .value
        .trim()
        .to_string();
    match place.field()? {
        "questions" => {
            bank.prompts.question(&id)?;
            // The bank's own question file when it has one, else the built-in one written out.
            let own = bank
                .prompts_dir
                .as_ref()
                .map(|dir| dir.join("questions.ron"))
                .filter(|p| p.is_file());
            let path = own.or_else(|| server.docs.builtin_prompts_file("questions.ron"))?;
            let text = std::fs::read_to_string(&path).ok()?;
            question_location(&path, &text, &id, server.encoding)
                .map(GotoDefinitionResponse::Scalar)
        }
        "allow" => {
            // A rule code opens its page.
            let rule = rule(&id)?;
            let uri = server.docs.rule_uri(rule.code)?;
            let start = lsp_types::Position::new(0, 0);
            Some(GotoDefinitionResponse::Scalar(lsp_types::Location::new(
                uri,
                lsp_types::Range::new(start, start),
            )))
        }
        _ => None,
    }
}
