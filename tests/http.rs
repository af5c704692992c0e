//! The Open311 endpoint on a real loopback socket: every malformed request in
//! a table gets the right status and an Open311 error array, the endpoint
//! keeps serving, and a resent POST is stored once.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gridwatch::clock::{ClockMode, FixedClock};
use gridwatch::config::{Config, ConfigSource};
use gridwatch::daemon::Daemon;
use gridwatch::domain::Actor;
use tokio_util::sync::CancellationToken;

mod common;
use common::{FORM, Room, http, http_with_head, request};

struct Server {
    addr: std::net::SocketAddr,
    room: Room,
    shutdown: CancellationToken,
    _rt: tokio::runtime::Runtime,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

/// The daemon in-process on a fixed clock (09:30, a working day): its
/// writer, its endpoint on a free port, its spool in the room.
fn start() -> Server {
    let room = Room::new();
    let mut config = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    config.settings.api_keys = vec!["k3y".into()];
    config.settings.spool_dir = room.path("spool");
    let now: DateTime<Utc> = "2026-11-30T09:30:00+08:00".parse().unwrap();
    let d = Daemon {
        config: Arc::new(config),
        db_path: room.db(),
        clock: Arc::new(FixedClock(now)),
        actor: Actor::new("open311", "test", ClockMode::Fixed),
        on_ready: None,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let shutdown = CancellationToken::new();
    rt.spawn(gridwatch::daemon::run(d, Some(listener), shutdown.clone()));
    Server {
        addr,
        room,
        shutdown,
        _rt: rt,
    }
}

const GOOD: &str = "api_key=k3y&service_code=air&lat=30.51&long=114.30&address_string=%E7%9F%B3%E6%A1%A5%E9%95%87%E6%9E%AB%E6%A0%91%E5%9D%B3%E6%9D%91&description=black+smoke&first_name=Zhang&phone=13812345678&attribute%5Bexternal_ref%5D=OPEN-1&attribute%5Bsource%5D=web";

#[test]
fn a_client_lists_services_posts_and_reads_back() {
    let s = start();
    let (st, body) = http(
        s.addr,
        &request("GET", "/open311/v2/services.json", None, b""),
    )
    .unwrap();
    assert_eq!(st, 200);
    let services: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(services.as_array().unwrap().len(), 7);
    assert_eq!(services[0]["service_code"], "air");
    let (st, body) = http(
        s.addr,
        &request("GET", "/open311/v2/services/noise.json", None, b""),
    )
    .unwrap();
    assert_eq!(st, 200, "{body}");
    assert!(body.contains("external_ref"));
    let (st, body) = http(
        s.addr,
        &request("POST", "/open311/v2/requests.json", FORM, GOOD.as_bytes()),
    )
    .unwrap();
    assert_eq!(st, 201, "{body}");
    let created: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = created[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_string();
    // The 2xx came after the commit: another connection sees the row now.
    let rows = s
        .room
        .json(&["--now=2026-11-30T09:30:00+08:00", "list", "--json"]);
    assert_eq!(rows[0]["id"].to_string(), id);
    assert_eq!(rows[0]["grid"], "T04-V02", "address alias");
    // Resent with the same external_ref: same id, 200, still one row.
    let (st, body) = http(
        s.addr,
        &request("POST", "/open311/v2/requests.json", FORM, GOOD.as_bytes()),
    )
    .unwrap();
    assert_eq!(st, 200, "{body}");
    assert!(body.contains(&format!("\"service_request_id\":\"{id}\"")));
    assert_eq!(
        s.room.json(&["list", "--json"]).as_array().unwrap().len(),
        1
    );
    // JSON bodies are accepted too.
    let json_body = br#"{"api_key":"k3y","service_code":"water","lat":30.5,"long":114.3,"description":"oil on the river","attribute":{"external_ref":"OPEN-2"}}"#;
    let (st, body) = http(
        s.addr,
        &request(
            "POST",
            "/open311/v2/requests.json",
            Some("application/json"),
            json_body,
        ),
    )
    .unwrap();
    assert_eq!(st, 201, "{body}");
    // Read back: one, and the list with filters.
    let (st, body) = http(
        s.addr,
        &request("GET", &format!("/open311/v2/requests/{id}.json"), None, b""),
    )
    .unwrap();
    assert_eq!(st, 200);
    let one: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(one.as_array().unwrap().len(), 1);
    let r = &one[0];
    assert_eq!(r["status"], "open");
    assert_eq!(r["status_notes"], "received");
    assert_eq!(r["service_code"], "air");
    assert_eq!(r["requested_datetime"], "2026-11-30T09:30:00+08:00");
    assert_eq!(
        r["expected_datetime"], "2026-11-30T10:00:00+08:00",
        "the arrival deadline"
    );
    assert!(
        r["agency_responsible"]
            .as_str()
            .unwrap()
            .starts_with("T04-V02")
    );
    assert_eq!(r["long"], 114.3);
    let (_, body) = http(
        s.addr,
        &request(
            "GET",
            "/open311/v2/requests.json?service_code=water&status=open",
            None,
            b"",
        ),
    )
    .unwrap();
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["description"], "oil on the river");
    let q = "/open311/v2/requests.json?start_date=2026-11-30T00:00:00%2B08:00&end_date=2026-11-30T23:59:59%2B08:00&status=closed";
    let (st, body) = http(s.addr, &request("GET", q, None, b"")).unwrap();
    assert_eq!((st, body.as_str()), (200, "[]"));
}

#[test]
fn malformed_requests_get_open311_errors_and_the_server_keeps_serving() {
    let s = start();
    let post =
        |ct: Option<&str>, body: &[u8]| request("POST", "/open311/v2/requests.json", ct, body);
    let huge = format!("{GOOD}&description={}", "x".repeat(70_000));
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "bad form encoding",
            post(FORM, b"api_key=k3y&service_code=air&description=%zz"),
            400,
            "bad percent-encoding",
        ),
        (
            "invalid UTF-8",
            post(
                FORM,
                b"api_key=k3y&service_code=air&description=%ff%fe&lat=1&long=1",
            ),
            400,
            "not valid UTF-8",
        ),
        (
            "wrong type",
            post(FORM, GOOD.replace("lat=30.51", "lat=north").as_bytes()),
            400,
            "lat 'north' is not a number",
        ),
        (
            "wrong JSON type",
            post(
                Some("application/json"),
                br#"{"api_key":"k3y","service_code":"air","lat":[1],"long":2,"description":"x"}"#,
            ),
            400,
            "`lat` must be a string or number",
        ),
        (
            "malformed JSON",
            post(Some("application/json"), b"{\"api_key\":"),
            400,
            "malformed JSON",
        ),
        (
            "huge body",
            post(FORM, huge.as_bytes()),
            413,
            "over the limit of 65536 bytes",
        ),
        (
            "unknown service",
            post(
                FORM,
                GOOD.replace("service_code=air", "service_code=smell")
                    .as_bytes(),
            ),
            404,
            "service_code 'smell' not found",
        ),
        (
            "missing service",
            post(FORM, GOOD.replace("service_code=air&", "").as_bytes()),
            400,
            "service_code missing",
        ),
        (
            "missing location",
            post(FORM, b"api_key=k3y&service_code=air&description=x"),
            400,
            "location missing",
        ),
        (
            "missing description",
            post(FORM, b"api_key=k3y&service_code=air&lat=1&long=1"),
            400,
            "description missing",
        ),
        (
            "bad key",
            post(
                FORM,
                GOOD.replace("api_key=k3y", "api_key=guess").as_bytes(),
            ),
            403,
            "api_key invalid",
        ),
        (
            "no key",
            post(FORM, GOOD.replace("api_key=k3y&", "").as_bytes()),
            403,
            "api_key missing",
        ),
        (
            "no offset",
            post(
                FORM,
                format!("{GOOD}&attribute%5Breceived_at%5D=2026-11-30T09%3A00%3A00").as_bytes(),
            ),
            400,
            "has no UTC offset",
        ),
        (
            "unsupported type",
            post(Some("text/plain"), b"hello"),
            415,
            "not form-encoded or JSON",
        ),
        (
            "unknown request",
            request("GET", "/open311/v2/requests/999.json", None, b""),
            404,
            "service_request_id '999' not found",
        ),
        (
            "non-numeric id",
            request("GET", "/open311/v2/requests/abc.json", None, b""),
            404,
            "not found",
        ),
        (
            "unknown format",
            request("GET", "/open311/v2/services.csv", None, b""),
            404,
            "ask for .xml or .json",
        ),
        (
            "unknown service definition",
            request("GET", "/open311/v2/services/smell.json", None, b""),
            404,
            "service_code 'smell' not found",
        ),
        (
            "bad status filter",
            request("GET", "/open311/v2/requests.json?status=maybe", None, b""),
            400,
            "status 'maybe' is not open or closed",
        ),
        (
            "bad date filter",
            request(
                "GET",
                "/open311/v2/requests.json?start_date=yesterday",
                None,
                b"",
            ),
            400,
            "is not an RFC 3339 time",
        ),
        (
            "wrong method",
            request("DELETE", "/open311/v2/requests.json", None, b""),
            405,
            "method not allowed",
        ),
    ];
    for (name, req, status, text) in cases {
        let (st, body) = http(s.addr, &req).unwrap();
        assert_eq!(st, status, "{name}: {body}");
        let err: serde_json::Value = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{name}: body is not JSON ({e}): {body}"));
        assert_eq!(err[0]["code"], status, "{name}: {body}");
        let desc = err[0]["description"].as_str().unwrap();
        assert!(
            desc.contains(text),
            "{name}: '{desc}' should contain '{text}'"
        );
    }
    // Garbage on the socket does not take the server down.
    let _ = http(s.addr, b"\x00\x01\x02 not http at all\r\n\r\n");
    let (st, body) = http(s.addr, &request("GET", "/health", None, b"")).unwrap();
    assert_eq!(st, 200, "{body}");
    assert!(body.contains("\"status\":\"ok\""));
    assert_eq!(
        s.room.json(&["list", "--json"]).as_array().unwrap().len(),
        0,
        "nothing was stored"
    );
}

/// An XML client written apart from the server (roxmltree), doing what
/// FixMyStreet's Open311 client does: discovery, `services.xml`, a service
/// definition, a form POST to `requests.xml` with `jurisdiction_id`, reading
/// `<request><service_request_id>` back, then the request itself; and
/// errors as `<errors><error>`.
#[test]
fn an_xml_client_speaks_georeport_v2_as_written() {
    let s = start();
    let get = |path: &str| {
        let (st, head, body) = http_with_head(s.addr, &request("GET", path, None, b"")).unwrap();
        (st, head, body)
    };
    let xml_ok = |head: &str, body: &str| {
        assert!(
            head.to_ascii_lowercase()
                .contains("content-type: text/xml; charset=utf-8"),
            "{head}"
        );
        assert!(
            body.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
            "{body}"
        );
    };
    let text = |n: roxmltree::Node, tag: &str| -> String {
        n.children()
            .find(|c| c.has_tag_name(tag))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };

    let (st, head, body) = get("/open311/discovery.xml");
    assert_eq!(st, 200, "{body}");
    xml_ok(&head, &body);
    let doc = roxmltree::Document::parse(&body).unwrap();
    let endpoint = doc
        .descendants()
        .find(|n| n.has_tag_name("endpoint"))
        .unwrap();
    assert_eq!(
        text(endpoint, "specification"),
        "http://wiki.open311.org/GeoReport_v2"
    );
    assert!(text(endpoint, "url").ends_with("/open311/v2"));
    let formats: Vec<&str> = endpoint
        .descendants()
        .filter(|n| n.has_tag_name("format"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(formats, ["text/xml", "application/json"]);
    let (st, _, body) = get("/open311/discovery.json");
    assert_eq!(st, 200);
    let d: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(d["endpoints"][0]["type"], "production");

    let j = "jurisdiction_id=linjiang.example.cn";
    let (st, head, body) = get(&format!("/open311/v2/services.xml?{j}"));
    assert_eq!(st, 200, "{body}");
    xml_ok(&head, &body);
    let doc = roxmltree::Document::parse(&body).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "services");
    let codes: Vec<String> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("service"))
        .map(|n| text(n, "service_code"))
        .collect();
    assert_eq!(codes.len(), 7);
    assert_eq!(codes[0], "air");

    let (st, _, body) = get(&format!("/open311/v2/services/water.xml?{j}"));
    assert_eq!(st, 200, "{body}");
    let doc = roxmltree::Document::parse(&body).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "service_definition");
    let attrs: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("attribute"))
        .map(|n| text(n, "code"))
        .collect();
    assert!(attrs.contains(&"external_ref".to_string()), "{attrs:?}");

    // The form FixMyStreet posts: jurisdiction, key, names, e-mail, a
    // multi-line description with a control character.
    let form = format!(
        "{j}&api_key=k3y&service_code=air&lat=30.51&long=114.30&email=li%40example.cn&first_name=Li&last_name=&description=title%3A+smoke%0A%0Adetail%3A+black%1B+smoke&attribute%5Bexternal_ref%5D=FMS-1"
    );
    let (st, head, body) = http_with_head(
        s.addr,
        &request("POST", "/open311/v2/requests.xml", FORM, form.as_bytes()),
    )
    .unwrap();
    assert_eq!(st, 201, "{body}");
    xml_ok(&head, &body);
    let doc = roxmltree::Document::parse(&body).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "service_requests");
    let request_node = doc.root_element().first_element_child().unwrap();
    assert_eq!(request_node.tag_name().name(), "request");
    let id = text(request_node, "service_request_id");
    assert!(id.parse::<i64>().is_ok(), "{body}");
    assert!(text(request_node, "service_notice").starts_with("on site by 10:00"));

    let (st, _, body) = get(&format!("/open311/v2/requests/{id}.xml?{j}"));
    assert_eq!(st, 200, "{body}");
    let doc = roxmltree::Document::parse(&body).expect("control characters do not break the XML");
    let r = doc
        .descendants()
        .find(|n| n.has_tag_name("request"))
        .unwrap();
    assert_eq!(text(r, "service_request_id"), id);
    assert_eq!(text(r, "status"), "open");
    assert_eq!(text(r, "expected_datetime"), "2026-11-30T10:00:00+08:00");
    assert!(text(r, "description").contains("detail: black\u{FFFD} smoke"));
    let (st, _, body) = get(&format!("/open311/v2/requests.xml?{j}&status=open"));
    assert_eq!(st, 200);
    let doc = roxmltree::Document::parse(&body).unwrap();
    assert_eq!(
        doc.root_element()
            .children()
            .filter(|n| n.has_tag_name("request"))
            .count(),
        1
    );

    // Errors come in the format asked for.
    let errors = |st: u16, body: &str, want_code: &str, want: &str| {
        let doc = roxmltree::Document::parse(body).unwrap();
        assert_eq!(doc.root_element().tag_name().name(), "errors", "{body}");
        let e = doc.root_element().first_element_child().unwrap();
        assert_eq!(e.tag_name().name(), "error");
        assert_eq!(text(e, "code"), want_code);
        assert!(text(e, "description").contains(want), "{body}");
        assert_eq!(st.to_string(), want_code);
    };
    let (st, _, body) = http_with_head(
        s.addr,
        &request(
            "POST",
            "/open311/v2/requests.xml",
            FORM,
            form.replace("api_key=k3y", "api_key=guess").as_bytes(),
        ),
    )
    .unwrap();
    errors(st, &body, "403", "api_key invalid");
    let (st, _, body) = get("/open311/v2/services.xml?jurisdiction_id=elsewhere.gov");
    errors(
        st,
        &body,
        "404",
        "jurisdiction_id 'elsewhere.gov' not found",
    );
    let (st, _, body) = get("/open311/v2/requests/999.xml");
    errors(st, &body, "404", "service_request_id '999' not found");
    let (st, _, body) = get("/open311/v2/nothing.xml");
    errors(st, &body, "404", "no such endpoint");
    // The JSON twin of a jurisdiction error.
    let (st, body) = http(
        s.addr,
        &request(
            "GET",
            "/open311/v2/services.json?jurisdiction_id=elsewhere.gov",
            None,
            b"",
        ),
    )
    .unwrap();
    assert_eq!(st, 404, "{body}");
    assert!(body.starts_with("[{\"code\":404"), "{body}");
}

/// Blank references are absent references, on HTTP as in the spool: each
/// POST without one is a complaint of its own.
#[test]
fn a_blank_external_ref_is_no_reference() {
    let s = start();
    for (n, blank) in ["", "%20%20%20"].iter().enumerate() {
        let body = format!(
            "api_key=k3y&service_code=noise&lat=30.5&long=114.3&description=loud+{n}&attribute%5Bexternal_ref%5D={blank}"
        );
        for _ in 0..2 {
            let (st, body) = http(
                s.addr,
                &request("POST", "/open311/v2/requests.json", FORM, body.as_bytes()),
            )
            .unwrap();
            assert_eq!(st, 201, "{body}");
        }
    }
    let rows = s.room.json(&["list", "--json"]);
    let refs: std::collections::BTreeSet<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["external_ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs.len(), 4, "four complaints, four references: {refs:?}");
    assert!(refs.iter().all(|r| r.starts_with("open311:")), "{refs:?}");
}

/// Odd numbers and implausible times are refused with the field named,
/// never stored without them.
#[test]
fn odd_numbers_and_implausible_times_are_refused_by_name() {
    let s = start();
    let cases = [
        ("lat=1e400&long=114.3", "lat '1e400' is not a finite number"),
        (
            "lat=NaN&long=inf&address_string=x",
            "lat 'NaN' is not a finite number",
        ),
        (
            "lat=30&long=inf&address_string=x",
            "long 'inf' is not a finite number",
        ),
        ("lat=-91&long=1", "lat '-91' is out of range -90..90"),
        (
            "lat=30&long=114&attribute%5Breceived_at%5D=0000-01-01T00%3A00%3A00%2B08%3A00",
            "is before 2000",
        ),
        (
            "lat=30&long=114&attribute%5Breceived_at%5D=1900-06-01T00%3A00%3A00%2B08%3A00",
            "is before 2000",
        ),
        (
            "lat=30&long=114&attribute%5Breceived_at%5D=2024-11-01T00%3A00%3A00%2B08%3A00",
            "more than 365 days before now",
        ),
    ];
    for (fields, want) in cases {
        let body = format!("api_key=k3y&service_code=air&description=x&{fields}");
        let (st, body) = http(
            s.addr,
            &request("POST", "/open311/v2/requests.json", FORM, body.as_bytes()),
        )
        .unwrap();
        assert_eq!(st, 400, "{fields}: {body}");
        assert!(body.contains(want), "{fields}: {body}");
    }
    assert_eq!(
        s.room.json(&["list", "--json"]).as_array().unwrap().len(),
        0
    );
}
