//! Downloads: the page hands over the bytes and a suggested name; Rust asks where to save them
//! (the system's save dialog) and writes them. The web view gets no file-system access of its own.

use percent_encoding::percent_decode_str;

const FALLBACK_NAME: &str = "download";

/// The suggested name from the `x-file-name` header (percent-encoded): its last path segment,
/// without control characters, never empty, hidden or a parent reference.
pub fn suggested_name(header: Option<&str>) -> String {
    let decoded = header
        .map(|value| percent_decode_str(value).decode_utf8_lossy().into_owned())
        .unwrap_or_default();
    let last = decoded.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.is_empty() {
        FALLBACK_NAME.to_owned()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_plain_name() {
        assert_eq!(
            suggested_name(Some("rapport%20%C3%A9t%C3%A9.pdf")),
            "rapport été.pdf"
        );
    }

    #[test]
    fn never_a_path_or_a_hidden_file() {
        assert_eq!(suggested_name(Some("..%2F..%2Fetc%2Fpasswd")), "passwd");
        assert_eq!(suggested_name(Some("a%5Cb.txt")), "b.txt");
        assert_eq!(suggested_name(Some(".bashrc")), "bashrc");
        assert_eq!(suggested_name(Some("..")), FALLBACK_NAME);
        assert_eq!(suggested_name(Some("a%0Ab")), "ab");
        assert_eq!(suggested_name(None), FALLBACK_NAME);
    }
}
