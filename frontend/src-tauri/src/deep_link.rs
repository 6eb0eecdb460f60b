//! `panoramix://tasks?open=…` → the web route `/tasks?open=…`, told to the page as event `deep-link`.

use serde::Serialize;

pub const SCHEME: &str = "panoramix";

#[derive(Clone, Serialize, Debug, PartialEq)]
pub struct DeepLink {
    pub path: String,
}

/// The in-app path a `panoramix:` URL names; None for any other URL (never a way to load a page).
pub fn to_path(link: &str) -> Option<String> {
    let parsed = url::Url::parse(link).ok()?;
    if parsed.scheme() != SCHEME {
        return None;
    }
    // panoramix://tasks/x has host "tasks" and path "/x"; panoramix:/tasks/x has no host.
    let mut path = format!("/{}{}", parsed.host_str().unwrap_or(""), parsed.path());
    while path.starts_with("//") {
        path.remove(0); // never a protocol-relative address
    }
    if path.len() > 1 && path.ends_with('/') {
        path.pop();
    }
    if let Some(query) = parsed.query() {
        path.push('?');
        path.push_str(query);
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_links_to_routes() {
        assert_eq!(
            to_path("panoramix://tasks?open=abc").as_deref(),
            Some("/tasks?open=abc")
        );
        assert_eq!(
            to_path("panoramix://projects/p1/").as_deref(),
            Some("/projects/p1")
        );
        assert_eq!(
            to_path("panoramix:///notes/n1").as_deref(),
            Some("/notes/n1")
        );
        assert_eq!(to_path("panoramix://").as_deref(), Some("/"));
        assert_eq!(
            to_path("panoramix:////evil.example").as_deref(),
            Some("/evil.example")
        );
    }

    #[test]
    fn other_urls_are_not_links() {
        assert_eq!(to_path("https://example.org/tasks"), None);
        assert_eq!(to_path("javascript:alert(1)"), None);
        assert_eq!(to_path("tasks"), None);
    }
}
