//! Checks that an address is a Panoramix server (GET <url>/api/health) before the web side uses it.
//! From Rust, so no CORS question; 5 s at most.

use serde::Serialize;
use std::time::Duration;

pub const TIMEOUT: Duration = Duration::from_secs(5);

/// `error` is a code the web side translates: invalid-url, timeout, unreachable, http-<status>, not-panoramix.
#[derive(Serialize, Debug, PartialEq)]
pub struct ServerCheck {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl ServerCheck {
    fn failed(code: impl Into<String>) -> Self {
        Self {
            ok: false,
            version: None,
            error: Some(code.into()),
        }
    }
}

/// The health URL of a server address: http(s) only, no credentials, query or fragment.
pub fn health_url(address: &str) -> Option<String> {
    let parsed = url::Url::parse(address.trim()).ok()?;
    let plain = matches!(parsed.scheme(), "http" | "https")
        && parsed.host_str().is_some()
        && parsed.username().is_empty()
        && parsed.password().is_none()
        && parsed.query().is_none()
        && parsed.fragment().is_none();
    plain.then(|| format!("{}/api/health", parsed.as_str().trim_end_matches('/')))
}

pub fn check(address: &str) -> ServerCheck {
    let Some(url) = health_url(address) else {
        return ServerCheck::failed("invalid-url");
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let mut response = match agent.get(&url).call() {
        Ok(response) => response,
        Err(ureq::Error::Timeout(_)) => return ServerCheck::failed("timeout"),
        Err(_) => return ServerCheck::failed("unreachable"),
    };
    if !response.status().is_success() {
        return ServerCheck::failed(format!("http-{}", response.status().as_u16()));
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string();
    let health: serde_json::Value =
        match body.ok().and_then(|text| serde_json::from_str(&text).ok()) {
            Some(value) => value,
            None => return ServerCheck::failed("not-panoramix"),
        };
    if health["status"] != "ok" {
        return ServerCheck::failed("not-panoramix");
    }
    ServerCheck {
        ok: true,
        version: health["version"].as_str().map(str::to_owned),
        error: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// A one-request HTTP server on 127.0.0.1 answering `status` and `body`; returns its address.
    fn serve_once(status: &'static str, body: &'static str) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = [0u8; 2048];
            let read = stream.read(&mut request).unwrap();
            assert!(
                String::from_utf8_lossy(&request[..read]).starts_with("GET /api/health HTTP/1.1")
            );
            let answer = format!(
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(answer.as_bytes()).unwrap();
        });
        address
    }

    #[test]
    fn a_panoramix_server_is_ok() {
        let address = serve_once("200 OK", r#"{"status":"ok","uptimeSeconds":3}"#);
        assert_eq!(
            check(&format!("{address}/")),
            ServerCheck {
                ok: true,
                version: None,
                error: None
            }
        );
    }

    #[test]
    fn another_server_is_not_panoramix() {
        let address = serve_once("200 OK", "<html>hello</html>");
        assert_eq!(check(&address).error.as_deref(), Some("not-panoramix"));
        let address = serve_once("404 Not Found", "{}");
        assert_eq!(check(&address).error.as_deref(), Some("http-404"));
    }

    #[test]
    fn nothing_listening_is_unreachable() {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        assert_eq!(
            check(&format!("http://127.0.0.1:{port}")).error.as_deref(),
            Some("unreachable")
        );
    }

    #[test]
    fn a_silent_server_times_out_within_the_limit() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let started = std::time::Instant::now();
        let result = check(&address); // accepted by the backlog, never answered
        assert_eq!(result.error.as_deref(), Some("timeout"));
        assert!(started.elapsed() < TIMEOUT + Duration::from_secs(2));
        drop(listener);
    }

    #[test]
    fn only_plain_http_addresses() {
        assert_eq!(
            health_url("https://pnx.example.org/").as_deref(),
            Some("https://pnx.example.org/api/health")
        );
        assert_eq!(
            health_url(" http://10.0.0.2:3002 ").as_deref(),
            Some("http://10.0.0.2:3002/api/health")
        );
        assert_eq!(
            health_url("http://h/base").as_deref(),
            Some("http://h/base/api/health")
        );
        for bad in [
            "",
            "pnx.example.org",
            "file:///etc/passwd",
            "ftp://h",
            "http://u:p@h",
            "http://h/?x=1",
            "http://h/#f",
        ] {
            assert_eq!(health_url(bad), None, "{bad}");
        }
    }
}
