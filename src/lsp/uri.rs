//! `file://` URIs to paths and back. lsp-types 0.97 carries URIs as text (fluent-uri), with
//! no file-path conversion, so the percent-decoding lives here. Only `file:` URIs name a
//! story; any other scheme (an unsaved buffer, a diff view) is outside every bank.

use std::path::{Path, PathBuf};

use lsp_types::Uri;

/// The local path of a `file:` URI; `None` for another scheme or an undecodable path.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text
        .strip_prefix("file://")
        .or_else(|| text.strip_prefix("FILE://"))?;
    // `file:///path` or `file://localhost/path`.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(at) if &rest[..at] == "localhost" => &rest[at..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let decoded = percent_decode(path)?;
    // `/C:/Users/...` on Windows.
    let bytes = decoded.as_bytes();
    if cfg!(windows) && bytes.len() > 2 && bytes[0] == b'/' && bytes[2] == b':' {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.parse().ok()
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        text.parse().unwrap()
    }

    #[test]
    fn round_trips_paths_with_spaces_and_accents() {
        let path = Path::new("/home/ana/my stories/équipe #1.ron");
        let uri = from_path(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///home/ana/my%20stories/%C3%A9quipe%20%231.ron"
        );
        assert_eq!(to_path(&uri).unwrap(), path);
    }

    #[test]
    fn reads_localhost_and_rejects_other_schemes() {
        assert_eq!(
            to_path(&uri("file://localhost/tmp/a.ron")).unwrap(),
            Path::new("/tmp/a.ron")
        );
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(to_path(&uri("file://server/share/a.ron")), None);
        assert_eq!(percent_decode("/tmp/%zz.ron"), None);
    }
}
