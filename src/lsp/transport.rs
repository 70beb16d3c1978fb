//! JSON-RPC over stdio with `Content-Length` framing, written so that bad input never ends
//! the session: a payload that is not JSON-RPC gets a parse-error response (id `null`) and
//! the next message is read as usual; a header that is not a header is skipped line by line;
//! a frame larger than [`MAX_FRAME`] is read and dropped. lsp-server's own stdio transport
//! ends its reader thread on the first malformed payload, and allocates whatever
//! `Content-Length` says, so the server uses lsp-server's message types with this reader.

use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::Sender;

use lsp_server::Message;

/// The largest frame read: a 10 MB buffer sent whole fits with room to spare.
pub const MAX_FRAME: usize = 64 * 1024 * 1024;

/// What the reader hands the server.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A frame whose body is not a JSON-RPC message; the text says why.
    Malformed(String),
    /// Standard input closed.
    Closed,
}

/// Reads framed messages until input ends (or the server stops listening), sending each on.
pub fn read_loop(input: &mut impl BufRead, sender: &Sender<Incoming>) {
    loop {
        let incoming = match read_frame(input) {
            Ok(Some(Ok(body))) => match serde_json::from_slice::<Message>(&body) {
                Ok(message) => Incoming::Message(message),
                Err(err) => Incoming::Malformed(format!("not a JSON-RPC message: {err}")),
            },
            Ok(Some(Err(why))) => Incoming::Malformed(why),
            Ok(None) | Err(_) => {
                let _ = sender.send(Incoming::Closed);
                return;
            }
        };
        if sender.send(incoming).is_err() {
            return;
        }
    }
}

/// One frame: `Ok(None)` at the end of input, `Ok(Some(Err))` for a frame we skipped.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    let mut line = String::new();
    loop {
        line.clear();
        // A header line is short; cap it so a stream of garbage without newlines is bounded.
        let read = input.by_ref().take(8192).read_line(&mut line);
        match read {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            // Not UTF-8: not a header; skip it.
            Err(err) if err.kind() == io::ErrorKind::InvalidData => {
                return Ok(Some(Err("a header line is not UTF-8".into())));
            }
            Err(err) => return Err(err),
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        let Some((name, value)) = header.split_once(':') else {
            return Ok(Some(Err(format!("not a header: {:.80}", header))));
        };
        saw_header = true;
        if name.trim().eq_ignore_ascii_case("content-length") {
            length = value.trim().parse().ok();
            if length.is_none() {
                return Ok(Some(Err(format!(
                    "bad Content-Length: {:.40}",
                    value.trim()
                ))));
            }
        }
    }
    let Some(length) = length else {
        return Ok(Some(Err("a message without Content-Length".into())));
    };
    if length > MAX_FRAME {
        io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Some(Err(format!(
            "a message of {length} bytes is too large"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Ok(body)))
}

/// Writes one message with its frame.
pub fn write_message(output: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(output)
}

/// The JSON-RPC parse-error response, which has no request id to answer.
pub fn write_parse_error(output: &mut impl Write, why: &str) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": {"code": -32700, "message": why},
    })
    .to_string();
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read_all(input: &str) -> Vec<String> {
        let (sender, receiver) = channel();
        read_loop(&mut io::Cursor::new(input.as_bytes().to_vec()), &sender);
        receiver
            .try_iter()
            .map(|incoming| match incoming {
                Incoming::Message(Message::Request(r)) => format!("request {}", r.method),
                Incoming::Message(Message::Notification(n)) => format!("note {}", n.method),
                Incoming::Message(Message::Response(_)) => "response".into(),
                Incoming::Malformed(_) => "malformed".into(),
                Incoming::Closed => "closed".into(),
            })
            .collect()
    }

    #[test]
    fn bad_frames_are_skipped_and_reading_goes_on() {
        let good = frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
        let input = format!(
            "{}{}garbage line\r\n{}Content-Length: 99999999999\r\n\r\n{good}",
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            good,
        );
        assert_eq!(
            read_all(&input),
            [
                "malformed",
                "request shutdown",
                "malformed",
                "note initialized",
                "malformed",
                "closed"
            ]
        );
    }

    #[test]
    fn end_of_input_closes() {
        assert_eq!(read_all(""), ["closed"]);
        assert_eq!(read_all("Content-Length: 10\r\n\r\n{}"), ["closed"]);
    }
}
