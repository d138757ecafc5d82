//! The HTTP fixture server of the golden tests: samples whose `.args` hold
//! `{http}` get `http://127.0.0.1:PORT` of this server instead. It answers
//! exactly like `scripts/http-fixture-server.py`, which `scripts/bless`
//! runs for CPython (same bodies, status codes and Content-Type):
//!
//! - `GET /NAME`: the file `samples/asyncio/http_fixtures/NAME`, 200
//! - `GET /echo?QUERY`: `{"method":"GET","query":QUERY,"x-test":HEADER}`
//! - `POST /echo`: the request body back, with the request's Content-Type
//! - anything else (GET, POST, PUT, PATCH, DELETE): 404, `Not Found`, `text/plain; charset=utf-8`
//!
//! It listens on 127.0.0.1 only, on a free port, for the life of the test
//! process; every connection is served on its own thread.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// Starts the server; returns its base URL.
pub fn start(fixtures: PathBuf) -> std::io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base = format!("http://{}", listener.local_addr()?);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let fixtures = fixtures.clone();
            std::thread::spawn(move || {
                let _ = serve(stream, &fixtures);
            });
        }
    });
    Ok(base)
}

fn serve(stream: TcpStream, fixtures: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim_end().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let length: usize = header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    let (path, query) = target.split_once('?').unwrap_or((target.as_str(), ""));
    let (status, ctype, out) = match (method.as_str(), path) {
        ("GET", "/echo") => {
            let text = format!(
                "{{\"method\":\"GET\",\"query\":{},\"x-test\":{}}}",
                json_str(query),
                json_str(&header("x-test").unwrap_or_default())
            );
            (200, "application/json".to_string(), text.into_bytes())
        }
        ("POST", "/echo") => (200, header("content-type").unwrap_or_else(|| "application/octet-stream".into()), body),
        ("GET", _) => {
            let name = path.trim_start_matches('/');
            let file = fixtures.join(name);
            match std::fs::read(&file) {
                Ok(bytes) if !name.is_empty() && !name.contains('/') && !name.starts_with('.') && file.is_file() => {
                    let ctype = match file.extension().and_then(|e| e.to_str()) {
                        Some("json") => "application/json",
                        Some("txt") => "text/plain; charset=utf-8",
                        Some("html") => "text/html; charset=utf-8",
                        _ => "application/octet-stream",
                    };
                    (200, ctype.to_string(), bytes)
                }
                _ => not_found(),
            }
        }
        _ => not_found(),
    };
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        out.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&out)?;
    stream.flush()
}

fn not_found() -> (u16, String, Vec<u8>) {
    (404, "text/plain; charset=utf-8".to_string(), b"Not Found".to_vec())
}

/// A JSON string as Python's `json.dumps` writes it (`ensure_ascii`).
fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
