//! The `httpx` module: `AsyncClient` (as `async with` or closed with
//! `aclose()`), its `get`/`post`/`put`/`patch`/`delete`/`head`/`options`/
//! `request` coroutines, `Response`, `Headers`, `URL` and httpx's exception
//! hierarchy. A request is plain Rust data handed to a worker thread (the
//! blocking `ureq` client runs it without the interpreter lock, so several
//! requests proceed at once while the event loop keeps running); the reply
//! becomes a `Response` under the lock, as `run_in_executor` results do.
//!
//! This build has no TLS provider: an `https://` URL raises
//! `httpx.ConnectError` naming what is missing. Features of httpx that are
//! not here (bytes bodies, `files=`, cookies, the synchronous `Client`...)
//! raise `NotImplementedError` naming them.

use std::cell::Cell;
use std::rc::Rc;

use crate::class::{Class, Layout};
use crate::exc::{PyErr, PyResult, not_implemented_error, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::generator::Generator;
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::str::PyStr;
use crate::value::Value;

// ------------------------------------------------------------- exceptions

struct Classes {
    http_error: Rc<Class>,
    request_error: Rc<Class>,
    transport_error: Rc<Class>,
    timeout_exception: Rc<Class>,
    connect_timeout: Rc<Class>,
    read_timeout: Rc<Class>,
    network_error: Rc<Class>,
    connect_error: Rc<Class>,
    read_error: Rc<Class>,
    remote_protocol_error: Rc<Class>,
    unsupported_protocol: Rc<Class>,
    too_many_redirects: Rc<Class>,
    http_status_error: Rc<Class>,
    invalid_url: Rc<Class>,
}

fn class(name: &str, base: &Rc<Class>) -> Rc<Class> {
    crate::types::new_class_in("httpx", name, std::slice::from_ref(base), Layout::Exception)
}

static CLASSES: Lazy<Classes> = Lazy::new(|| {
    let exception = crate::types::types().exception.clone();
    let http_error = class("HTTPError", &exception);
    let request_error = class("RequestError", &http_error);
    let transport_error = class("TransportError", &request_error);
    let timeout_exception = class("TimeoutException", &transport_error);
    let network_error = class("NetworkError", &transport_error);
    Classes {
        connect_timeout: class("ConnectTimeout", &timeout_exception),
        read_timeout: class("ReadTimeout", &timeout_exception),
        connect_error: class("ConnectError", &network_error),
        read_error: class("ReadError", &network_error),
        remote_protocol_error: class("RemoteProtocolError", &transport_error),
        unsupported_protocol: class("UnsupportedProtocol", &transport_error),
        too_many_redirects: class("TooManyRedirects", &request_error),
        http_status_error: class("HTTPStatusError", &http_error),
        invalid_url: class("InvalidURL", &exception),
        http_error,
        request_error,
        transport_error,
        timeout_exception,
        network_error,
    }
});

fn classes() -> &'static Classes {
    CLASSES.get()
}

// ------------------------------------------------------ requests (no lock)

/// A request as plain data, so it can cross to a worker thread.
struct Plan {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    timeout: Option<f64>,
    follow_redirects: bool,
}

/// What the server answered, as plain data.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    url: String,
}

/// Which httpx exception a failed request raises.
#[derive(Clone, Copy)]
enum Failure {
    Connect,
    ConnectTimeout,
    ReadTimeout,
    Read,
    Protocol,
    TooManyRedirects,
    InvalidUrl,
}

/// Performs the request; runs on a worker thread without the lock.
fn perform(plan: Plan) -> Result<Reply, (Failure, String)> {
    let timeout = plan.timeout.filter(|t| t.is_finite() && *t >= 0.0).map(std::time::Duration::from_secs_f64);
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(if plan.follow_redirects { 20 } else { 0 })
        .max_redirects_will_error(plan.follow_redirects)
        .proxy(None)
        .user_agent("python-httpx/0.28.1")
        .timeout_connect(timeout)
        .timeout_per_call(timeout)
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let mut builder = ureq::http::Request::builder().method(plan.method.as_str()).uri(plan.url.as_str());
    for (k, v) in &plan.headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    let request = builder.body(plan.body.unwrap_or_default()).map_err(|e| (Failure::InvalidUrl, e.to_string()))?;
    let mut resp = agent.run(request).map_err(failure)?;
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
        .collect();
    let url = ureq::ResponseExt::get_uri(&resp).to_string();
    let body = resp.body_mut().with_config().limit(1 << 30).read_to_vec().map_err(failure)?;
    Ok(Reply { status, headers, body, url: if url.is_empty() { plan.url } else { url } })
}

fn failure(e: ureq::Error) -> (Failure, String) {
    use ureq::Error as E;
    match e {
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::AddrNotAvailable
            | std::io::ErrorKind::HostUnreachable
            | std::io::ErrorKind::NetworkUnreachable => (Failure::Connect, "All connection attempts failed".into()),
            std::io::ErrorKind::TimedOut => (Failure::ReadTimeout, "timed out".into()),
            _ => (Failure::Read, io.to_string()),
        },
        E::ConnectionFailed => (Failure::Connect, "All connection attempts failed".into()),
        E::HostNotFound => (Failure::Connect, "[Errno -2] Name or service not known".into()),
        E::Timeout(t) => match t {
            ureq::Timeout::Resolve | ureq::Timeout::Connect => (Failure::ConnectTimeout, "timed out".into()),
            _ => (Failure::ReadTimeout, "timed out".into()),
        },
        E::TooManyRedirects => (Failure::TooManyRedirects, "Exceeded maximum allowed redirects.".into()),
        E::BadUri(s) => (Failure::InvalidUrl, s),
        E::Http(h) => (Failure::InvalidUrl, h.to_string()),
        other => (Failure::Protocol, other.to_string()),
    }
}

fn failure_error(kind: Failure, msg: String) -> PyErr {
    let c = classes();
    let cls = match kind {
        Failure::Connect => &c.connect_error,
        Failure::ConnectTimeout => &c.connect_timeout,
        Failure::ReadTimeout => &c.read_timeout,
        Failure::Read => &c.read_error,
        Failure::Protocol => &c.remote_protocol_error,
        Failure::TooManyRedirects => &c.too_many_redirects,
        Failure::InvalidUrl => &c.invalid_url,
    };
    PyErr::new(cls, msg)
}

/// Turns the worker's outcome into a `Response` (under the lock).
fn finish(outcome: Result<Reply, (Failure, String)>) -> PyResult<Value> {
    match outcome {
        Ok(r) => Ok(Value::native(Response {
            status: r.status,
            headers: r.headers,
            text: String::from_utf8_lossy(&r.body).into_owned(),
            content: r.body,
            url: r.url,
        })),
        Err((kind, msg)) => Err(failure_error(kind, msg)),
    }
}

// ------------------------------------------------------ building requests

/// `quote_plus` of `urllib.parse` (what httpx uses for params and forms).
fn quote_plus(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A query or form value as httpx renders it (`True` is `true`, `None` empty).
fn primitive(v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => String::new(),
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        Value::Str(s) => s.to_string(),
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => crate::fmt::str_(v)?,
        other => {
            return Err(type_error(format!(
                "Expected str, int, float, bool, or None. Got '{}'.",
                crate::ops::type_name(other)
            )));
        }
    })
}

/// The (key, value) pairs of a dict or an iterable of pairs; a list or
/// tuple value repeats its key.
fn pairs(v: &Value, what: &str) -> PyResult<Vec<(String, String)>> {
    let items: Vec<(Value, Value)> = match v {
        Value::None => return Ok(Vec::new()),
        Value::Dict(d) => d.items(),
        Value::Str(_) => {
            return Err(not_implemented_error(format!(
                "httpx: a str for {what}= is not supported by py2rs; pass a dict"
            )));
        }
        other => {
            let mut out = Vec::new();
            for item in crate::iter::to_vec(other)? {
                let kv = crate::iter::to_vec(&item)?;
                if kv.len() != 2 {
                    return Err(type_error(format!("httpx: {what}= items must be (key, value) pairs")));
                }
                out.push((kv[0].clone(), kv[1].clone()));
            }
            out
        }
    };
    let mut out = Vec::new();
    for (k, v) in items {
        let k = primitive(&k)?;
        match &v {
            Value::List(_) | Value::Tuple(_) => {
                for x in crate::iter::to_vec(&v)? {
                    out.push((k.clone(), primitive(&x)?));
                }
            }
            _ => out.push((k, primitive(&v)?)),
        }
    }
    Ok(out)
}

fn urlencode(pairs: &[(String, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", quote_plus(k), quote_plus(v))).collect::<Vec<_>>().join("&")
}

fn header_pairs(v: &Value) -> PyResult<Vec<(String, String)>> {
    if let Some(h) = downcast::<Headers>(v) {
        return Ok(h.items.clone());
    }
    let items = pairs(v, "headers")?;
    Ok(items)
}

/// Sets `name` in `headers`, replacing any entry differing only in case.
fn set_header(headers: &mut Vec<(String, String)>, name: &str, value: String) {
    headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    headers.push((name.to_string(), value));
}

fn str_arg(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ => match downcast::<Url>(v) {
            Some(u) => Ok(u.0.clone()),
            None => Err(type_error(format!(
                "Invalid type for {what}.  Expected str or httpx.URL, got <class '{}'>: {}",
                crate::ops::type_name(v),
                crate::fmt::repr(v)?
            ))),
        },
    }
}

/// The client's settings that every request starts from.
struct ClientConfig {
    base_url: Option<String>,
    headers: Vec<(String, String)>,
    params: Vec<(String, String)>,
    timeout: Option<f64>,
    follow_redirects: bool,
}

fn timeout_arg(v: &Value) -> PyResult<Option<f64>> {
    match v {
        Value::None => Ok(None),
        _ => match crate::ops::to_f64(v)? {
            Some(f) => Ok(Some(f)),
            None => Err(not_implemented_error(format!(
                "httpx: timeout={} is not supported by py2rs; pass a number of seconds or None",
                crate::ops::type_name(v)
            ))),
        },
    }
}

/// Builds the request `method url **kwargs` of a client.
fn plan(config: &ClientConfig, method: &str, url: &Value, kwargs: Kwargs, call: &str) -> PyResult<Plan> {
    let mut url = str_arg(url, "url")?;
    if let Some(base) = &config.base_url
        && !url.contains("://")
    {
        url = if url.is_empty() {
            base.clone()
        } else {
            format!("{}/{}", base.trim_end_matches('/'), url.trim_start_matches('/'))
        };
    }
    let mut headers = config.headers.clone();
    let mut params = config.params.clone();
    let mut body: Option<Vec<u8>> = None;
    let mut timeout = config.timeout;
    let mut follow_redirects = config.follow_redirects;
    let has_body = !matches!(method, "GET" | "HEAD" | "OPTIONS" | "DELETE") || call == "request";
    for (k, v) in kwargs {
        match k.as_str() {
            "params" => params.extend(pairs(&v, "params")?),
            "headers" => {
                for (name, value) in header_pairs(&v)? {
                    set_header(&mut headers, &name, value);
                }
            }
            "timeout" => timeout = timeout_arg(&v)?,
            "follow_redirects" => follow_redirects = crate::ops::truthy(&v)?,
            "json" if has_body && !v.is_none() => {
                let text = crate::json::dumps(
                    vec![v],
                    vec![
                        (PyStr::new("ensure_ascii"), Value::Bool(false)),
                        (PyStr::new("separators"), Value::tuple_of([Value::str(","), Value::str(":")])),
                    ],
                )?;
                body = Some(crate::fmt::str_(&text)?.into_bytes());
                set_header(&mut headers, "Content-Type", "application/json".into());
            }
            "data" if has_body && !v.is_none() => match &v {
                Value::Str(s) => body = Some(s.as_str().as_bytes().to_vec()),
                _ => {
                    body = Some(urlencode(&pairs(&v, "data")?).into_bytes());
                    set_header(&mut headers, "Content-Type", "application/x-www-form-urlencoded".into());
                }
            },
            "content" if has_body && !v.is_none() => match &v {
                Value::Str(s) => body = Some(s.as_str().as_bytes().to_vec()),
                other => {
                    return Err(not_implemented_error(format!(
                        "httpx: content= of type {} is not supported by py2rs (only str)",
                        crate::ops::type_name(other)
                    )));
                }
            },
            "json" | "data" | "content" | "files" if !has_body => {
                return Err(type_error(format!("AsyncClient.{call}() got an unexpected keyword argument '{k}'")));
            }
            "json" | "data" | "content" => {}
            other => {
                return Err(not_implemented_error(format!(
                    "httpx: AsyncClient.{call}() keyword argument '{other}' is not supported by py2rs"
                )));
            }
        }
    }
    // The URL's scheme decides whether this build can send it at all.
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return Err(PyErr::new(
            &classes().connect_error,
            format!(
                "https is not supported: this py2rs build of httpx has no TLS support, so it cannot connect to {url}"
            ),
        ));
    }
    if !lower.starts_with("http://") {
        let msg = match url.find("://") {
            Some(i) => format!("Request URL has an unsupported protocol '{}'.", &url[..i + 3]),
            None => "Request URL is missing an 'http://' or 'https://' protocol.".to_string(),
        };
        return Err(PyErr::new(&classes().unsupported_protocol, msg));
    }
    if !params.is_empty() {
        // httpx replaces the URL's query with `params`.
        let (path, _) = url.split_once('?').unwrap_or((url.as_str(), ""));
        url = format!("{path}?{}", urlencode(&params));
    }
    if has_body && body.is_none() && matches!(method, "POST" | "PUT" | "PATCH") {
        body = Some(Vec::new());
    }
    Ok(Plan { method: method.to_string(), url, headers, body, timeout, follow_redirects })
}

// ------------------------------------------------------------ AsyncClient

/// `httpx.AsyncClient(...)`.
struct AsyncClient {
    config: ClientConfig,
    closed: Cell<bool>,
}

fn async_client(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(type_error("AsyncClient.__init__() takes 1 positional argument"));
    }
    let mut config = ClientConfig {
        base_url: None,
        headers: Vec::new(),
        params: Vec::new(),
        timeout: Some(5.0),
        follow_redirects: false,
    };
    for (k, v) in kwargs {
        match k.as_str() {
            "base_url" => config.base_url = Some(str_arg(&v, "base_url")?),
            "headers" => {
                for (name, value) in header_pairs(&v)? {
                    set_header(&mut config.headers, &name, value);
                }
            }
            "params" => config.params = pairs(&v, "params")?,
            "timeout" => config.timeout = timeout_arg(&v)?,
            "follow_redirects" => config.follow_redirects = crate::ops::truthy(&v)?,
            other => {
                return Err(not_implemented_error(format!(
                    "httpx: AsyncClient() keyword argument '{other}' is not supported by py2rs"
                )));
            }
        }
    }
    Ok(Value::native(AsyncClient { config, closed: Cell::new(false) }))
}

/// A coroutine that returns `value` (for `__aenter__`, `aclose`...).
fn ready(name: &str, value: Value) -> Value {
    Generator::coroutine(name, name, move |_co| async move { Ok(value) })
}

/// The coroutine of one request: checks the client is open, hands the
/// request to a worker thread and awaits its future.
fn request_coroutine(this: &Value, call: &str, plan: PyResult<Plan>) -> Value {
    let this = this.clone();
    let qualname = format!("AsyncClient.{call}");
    Generator::coroutine(call, &qualname, move |co| async move {
        let client = downcast::<AsyncClient>(&this).ok_or_else(|| type_error("expected an httpx.AsyncClient"))?;
        if client.closed.get() {
            return Err(crate::exc::runtime_error("Cannot send a request, as the client has been closed."));
        }
        let plan = plan?;
        let lp = crate::aio::running_loop_pub()?;
        let future = lp.run_blocking(move || perform(plan), finish);
        crate::aio::await_(&co, future).await
    })
}

impl Native for AsyncClient {
    fn type_name(&self) -> &'static str {
        "httpx.AsyncClient"
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<httpx.AsyncClient object at {:#x}>", this.identity()))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "is_closed" => Some(Ok(Value::Bool(self.closed.get()))),
            "headers" => Some(Ok(Value::native(Headers { items: self.config.headers.clone() }))),
            "timeout" => Some(Ok(self.config.timeout.map(Value::Float).unwrap_or_default())),
            "follow_redirects" => Some(Ok(Value::Bool(self.config.follow_redirects))),
            "stream" | "send" | "build_request" | "cookies" | "auth" => {
                Some(Err(not_implemented_error(format!("httpx: AsyncClient.{name} is not supported by py2rs"))))
            }
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "__aenter__"
                | "__aexit__"
                | "aclose"
                | "get"
                | "post"
                | "put"
                | "patch"
                | "delete"
                | "head"
                | "options"
                | "request"
        )
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "__aenter__" => {
                if self.closed.get() {
                    Err(crate::exc::runtime_error("Cannot reopen a client instance, once it has been closed."))
                } else {
                    Ok(ready("__aenter__", this.clone()))
                }
            }
            "__aexit__" | "aclose" => {
                self.closed.set(true);
                Ok(ready(name, Value::None))
            }
            "request" => {
                let mut it = args.into_iter();
                let (Some(method), Some(url)) = (it.next(), it.next()) else {
                    return Some(Err(type_error(
                        "AsyncClient.request() missing required positional arguments: 'method' and 'url'",
                    )));
                };
                let plan = crate::fmt::str_(&method)
                    .and_then(|m| plan(&self.config, &m.to_ascii_uppercase(), &url, kwargs, "request"));
                Ok(request_coroutine(this, "request", plan))
            }
            _ => {
                let method = name.to_ascii_uppercase();
                let Some(url) = args.first() else {
                    return Some(Err(type_error(format!(
                        "AsyncClient.{name}() missing 1 required positional argument: 'url'"
                    ))));
                };
                let plan = plan(&self.config, &method, url, kwargs, name);
                Ok(request_coroutine(this, name, plan))
            }
        })
    }
}

// ----------------------------------------------------------------- Response

/// `httpx.Response`.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    text: String,
    /// The body as received (`Response.content`).
    content: Vec<u8>,
    url: String,
}

/// The reason phrases httpx uses (`httpx.codes`), not the server's.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Requested Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => "",
    }
}

impl Response {
    fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    fn header(&self, name: &str) -> Option<String> {
        Headers::lookup(&self.headers, name)
    }

    /// `raise_for_status()`: httpx's message, with `.request`-less
    /// `.response` set on the exception.
    fn raise_for_status(&self, this: &Value) -> PyResult<Value> {
        if self.is_success() {
            return Ok(this.clone());
        }
        let kind = match self.status / 100 {
            1 => "Informational response",
            3 => "Redirect response",
            4 => "Client error",
            5 => "Server error",
            _ => "Invalid status code",
        };
        let mut msg = format!(
            "{kind} '{} {}' for url '{}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{}",
            self.status,
            reason_phrase(self.status),
            self.url,
            self.status
        );
        if (300..400).contains(&self.status)
            && let Some(loc) = self.header("location")
        {
            msg.push_str(&format!("\nRedirect location: '{loc}'"));
        }
        let err = PyErr::new(&classes().http_status_error, msg);
        crate::attr::setattr(err.value(), "response", this.clone())?;
        crate::attr::setattr(err.value(), "request", Value::None)?;
        Err(err)
    }
}

impl Native for Response {
    fn type_name(&self) -> &'static str {
        "httpx.Response"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("<Response [{} {}]>", self.status, reason_phrase(self.status)))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "status_code" => Value::Int(self.status as i64),
            "reason_phrase" => Value::str(reason_phrase(self.status)),
            "text" => Value::str(self.text.as_str()),
            "headers" => Value::native(Headers { items: self.headers.clone() }),
            "url" => Value::native(Url(self.url.clone())),
            "http_version" => Value::str("HTTP/1.1"),
            "encoding" => Value::str("utf-8"),
            "is_success" => Value::Bool(self.is_success()),
            "is_error" => Value::Bool(self.status >= 400),
            "is_client_error" => Value::Bool((400..500).contains(&self.status)),
            "is_server_error" => Value::Bool((500..600).contains(&self.status)),
            "is_redirect" => {
                Value::Bool(matches!(self.status, 301 | 302 | 303 | 307 | 308) && self.header("location").is_some())
            }
            "is_informational" => Value::Bool((100..200).contains(&self.status)),
            "content" => crate::bytes::new_bytes(self.content.clone()),
            "read" | "aread" | "iter_bytes" | "aiter_bytes" => {
                return Some(Err(not_implemented_error(format!("httpx: Response.{name} is not supported by py2rs"))));
            }
            "request" | "cookies" | "history" | "elapsed" | "next_request" | "links" => {
                return Some(Err(not_implemented_error(format!("httpx: Response.{name} is not supported by py2rs"))));
            }
            _ => return None,
        }))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "json" | "raise_for_status" | "aclose" | "close")
    }

    fn call_method(&self, this: &Value, name: &str, _args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "json" => crate::json::loads(vec![Value::str(self.text.as_str())], vec![]),
            "raise_for_status" => self.raise_for_status(this),
            "aclose" => Ok(ready("aclose", Value::None)),
            "close" => Ok(Value::None),
            _ => return None,
        })
    }
}

// ------------------------------------------------------------------ Headers

/// `httpx.Headers`: case-insensitive names, kept in arrival order.
struct Headers {
    items: Vec<(String, String)>,
}

impl Headers {
    /// Every value of `name`, joined with ", " as httpx does.
    fn lookup(items: &[(String, String)], name: &str) -> Option<String> {
        let values: Vec<&str> =
            items.iter().filter(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).collect();
        if values.is_empty() { None } else { Some(values.join(", ")) }
    }

    fn keys(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (k, _) in &self.items {
            let k = k.to_ascii_lowercase();
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }

    fn name(key: &Value) -> PyResult<String> {
        match key {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(type_error(format!("Header names must be str, not {}", crate::ops::type_name(other)))),
        }
    }
}

impl Native for Headers {
    fn type_name(&self) -> &'static str {
        "httpx.Headers"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let mut parts = Vec::new();
        for k in self.keys() {
            let v = Headers::lookup(&self.items, &k).unwrap_or_default();
            parts.push(format!(
                "{}: {}",
                crate::fmt::repr(&Value::str(k.as_str()))?,
                crate::fmt::repr(&Value::str(v))?
            ));
        }
        Ok(format!("Headers({{{}}})", parts.join(", ")))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(Ok(self.keys().len()))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(Headers::name(key).and_then(|k| match Headers::lookup(&self.items, &k) {
            Some(v) => Ok(Value::str(v)),
            None => Err(crate::exc::key_error(key.clone())),
        }))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(Ok(match item {
            Value::Str(s) => Headers::lookup(&self.items, s.as_str()).is_some(),
            _ => false,
        }))
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<crate::iter::PyIter>> {
        let keys = Value::list(self.keys().into_iter().map(|k| Value::str(k.as_str())).collect());
        Some(crate::iter::iter(&keys))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "get" | "keys" | "values" | "items" | "get_list")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kwargs: Kwargs) -> Option<PyResult<Value>> {
        let keys = self.keys();
        Some((|| match name {
            "get" => {
                let key = Headers::name(args.first().unwrap_or(&Value::None))?;
                Ok(match Headers::lookup(&self.items, &key) {
                    Some(v) => Value::str(v),
                    None => args.get(1).cloned().unwrap_or_default(),
                })
            }
            "get_list" => {
                let key = Headers::name(args.first().unwrap_or(&Value::None))?;
                Ok(Value::list(
                    self.items
                        .iter()
                        .filter(|(k, _)| k.eq_ignore_ascii_case(&key))
                        .map(|(_, v)| Value::str(v.as_str()))
                        .collect(),
                ))
            }
            "keys" => Ok(Value::list(keys.iter().map(|k| Value::str(k.as_str())).collect())),
            "values" => Ok(Value::list(
                keys.iter().map(|k| Value::str(Headers::lookup(&self.items, k).unwrap_or_default())).collect(),
            )),
            "items" => Ok(Value::list(
                keys.iter()
                    .map(|k| {
                        let v = Headers::lookup(&self.items, k).unwrap_or_default();
                        Value::tuple_of([Value::str(k.as_str()), Value::str(v)])
                    })
                    .collect(),
            )),
            _ => Ok(Value::None),
        })())
    }
}

// ---------------------------------------------------------------------- URL

/// `httpx.URL`: `str()` gives the URL text.
struct Url(String);

impl Url {
    /// (scheme, host, port, path with query)
    fn parts(&self) -> (String, String, Option<u16>, String) {
        let (scheme, rest) = self.0.split_once("://").unwrap_or(("", self.0.as_str()));
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => (h, p.parse().ok()),
            _ => (authority, None),
        };
        (scheme.to_ascii_lowercase(), host.to_ascii_lowercase(), port, path.to_string())
    }
}

impl Native for Url {
    fn type_name(&self) -> &'static str {
        "httpx.URL"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("URL({})", crate::fmt::repr(&Value::str(self.0.as_str()))?))
    }

    fn str(&self, _this: &Value) -> PyResult<String> {
        Ok(self.0.clone())
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        match other {
            Value::Str(s) => Some(s.as_str() == self.0),
            _ => downcast::<Url>(other).map(|u| u.0 == self.0),
        }
    }

    fn hash(&self) -> Option<i64> {
        crate::ops::hash(&Value::str(self.0.as_str())).ok()
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        let (scheme, host, port, full_path) = self.parts();
        let (path, query) = full_path.split_once('?').unwrap_or((full_path.as_str(), ""));
        Some(Ok(match name {
            "scheme" => Value::str(scheme),
            "host" => Value::str(host),
            "port" => port.map(|p| Value::Int(p as i64)).unwrap_or_default(),
            "path" => Value::str(path),
            "raw_path" | "query" => {
                return Some(Err(not_implemented_error(format!(
                    "httpx: URL.{name} is bytes, which py2rs does not support yet"
                ))));
            }
            "fragment" => Value::str(""),
            _ => {
                let _ = query;
                return None;
            }
        }))
    }
}

// ------------------------------------------------------------------- module

fn unsupported_client(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Err(not_implemented_error(
        "httpx.Client (the synchronous client) is not supported by py2rs yet; use httpx.AsyncClient",
    ))
}

fn unsupported_sync(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Err(not_implemented_error(
        "httpx's module-level request functions (httpx.get, httpx.post...) are synchronous and not supported by py2rs yet; use httpx.AsyncClient",
    ))
}

/// The attributes of the `httpx` module.
pub fn module_attrs() -> crate::dict::Dict {
    let d = crate::dict::Dict::new();
    d.set_str("AsyncClient", Value::native(BuiltinFunction { name: "AsyncClient", f: async_client }));
    d.set_str("Client", Value::native(BuiltinFunction { name: "Client", f: unsupported_client }));
    for name in ["get", "post", "put", "patch", "delete", "head", "options", "request", "stream"] {
        d.set_str(name, Value::native(BuiltinFunction { name, f: unsupported_sync }));
    }
    let c = classes();
    for (name, cls) in [
        ("HTTPError", &c.http_error),
        ("RequestError", &c.request_error),
        ("TransportError", &c.transport_error),
        ("TimeoutException", &c.timeout_exception),
        ("ConnectTimeout", &c.connect_timeout),
        ("ReadTimeout", &c.read_timeout),
        ("NetworkError", &c.network_error),
        ("ConnectError", &c.connect_error),
        ("ReadError", &c.read_error),
        ("RemoteProtocolError", &c.remote_protocol_error),
        ("UnsupportedProtocol", &c.unsupported_protocol),
        ("TooManyRedirects", &c.too_many_redirects),
        ("HTTPStatusError", &c.http_status_error),
        ("InvalidURL", &c.invalid_url),
    ] {
        d.set_str(name, Value::Class(cls.clone()));
    }
    d
}
