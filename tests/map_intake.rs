//! Placement by point at intake (#12), end to end through the spool and
//! through Open311 on the shipped demo county: a point in a grid's boundary
//! places the complaint there before any address alias (after an explicit
//! grid or enterprise); a GCJ-02 point is converted first — its raw numbers
//! lie in 柳湾村, the place it means in 陈家村; a point outside every
//! boundary falls back to the aliases; an unknown coordinate system is
//! quarantined with its reason.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gridwatch::clock::{ClockMode, FixedClock};
use gridwatch::config::{Config, ConfigSource};
use gridwatch::daemon::Daemon;
use gridwatch::domain::Actor;
use serde_json::json;
use tokio_util::sync::CancellationToken;

mod common;
use common::{FORM, NOW, Room, complaint, http, request};

/// GCJ-02 numbers of a place in 陈家村 (T02-V03, WGS-84 ≈ 31.02, 119.885);
/// read as WGS-84 they would lie in 柳湾村 (T02-V01).
const GCJ: (f64, f64) = (31.017666, 119.88964);

fn by_ref(list: &serde_json::Value, r: &str) -> serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["external_ref"] == r)
        .unwrap_or_else(|| panic!("{r} not stored"))
        .clone()
}

#[test]
fn spool_points_are_placed_by_boundary_before_aliases() {
    let room = Room::new();
    let mut cases = Vec::new();
    let mut at = |r: &str, loc: serde_json::Value, keep_enterprise: bool| {
        let mut c = complaint(r);
        if !keep_enterprise {
            c.as_object_mut().unwrap().remove("enterprise");
        }
        c["location"] = loc;
        cases.push(c);
    };
    // The address names 东门村 (an alias of T01-V01): the point wins.
    at(
        "G1",
        json!({"lat": GCJ.0, "lon": GCJ.1, "crs": "gcj02", "address": "城关镇东门村"}),
        false,
    );
    at(
        "W1",
        json!({"lat": GCJ.0, "lon": GCJ.1, "address": "城关镇东门村"}),
        false,
    );
    at(
        "OUT",
        json!({"lat": 30.1, "lon": 114.2, "address": "城关镇东门村"}),
        false,
    );
    at(
        "ENT",
        json!({"lat": GCJ.0, "lon": GCJ.1, "crs": "GCJ-02"}),
        true,
    );
    at(
        "BAD",
        json!({"lat": GCJ.0, "lon": GCJ.1, "crs": "cgcs2000"}),
        false,
    );
    for (i, c) in cases.iter().enumerate() {
        room.write(&format!("in/m{i}.json"), c.to_string());
    }
    let paths: Vec<_> = (0..cases.len())
        .map(|i| room.path(&format!("in/m{i}.json")))
        .collect();
    room.deliver(&paths.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    room.ok(&[NOW, "intake", "--once"]);
    let list = room.json(&[NOW, "list", "--json"]);
    let g1 = by_ref(&list, "G1");
    assert_eq!(g1["grid"], "T02-V03", "converted, then placed: {g1}");
    assert_eq!(g1["grid_source"], "polygon");
    let (lat, lon) = (
        g1["location"]["lat"].as_f64().unwrap(),
        g1["location"]["lon"].as_f64().unwrap(),
    );
    assert!(
        (lat - 31.02).abs() < 2e-5 && (lon - 119.885).abs() < 2e-5,
        "stored WGS-84: {lat} {lon}"
    );
    let w1 = by_ref(&list, "W1");
    assert_eq!(
        (w1["grid"].as_str(), w1["grid_source"].as_str()),
        (Some("T02-V01"), Some("polygon")),
        "the same numbers as WGS-84"
    );
    let out = by_ref(&list, "OUT");
    assert_eq!(out["grid"], "T01-V01", "outside every boundary: the alias");
    assert_eq!(out["grid_source"], "alias:东门村");
    assert_eq!(
        by_ref(&list, "ENT")["grid"],
        "T03-V01-G01",
        "an enterprise comes before the point"
    );
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|c| c["external_ref"] != "BAD")
    );
    let bad = room.spool("bad");
    let reason = bad
        .iter()
        .find(|n| n.ends_with(".reason"))
        .expect("BAD quarantined");
    let reason = std::fs::read_to_string(room.path("spool/bad").join(reason)).unwrap();
    assert!(
        reason.contains("`location.crs` 'cgcs2000'") && reason.contains("gcj02"),
        "{reason}"
    );
    // `show` says how the grid was decided.
    let id = g1["id"].to_string();
    let shown = room.ok(&[NOW, "show", &id]);
    assert!(
        shown.contains("its point lies in the grid's boundary"),
        "{shown}"
    );
}

#[test]
fn open311_takes_a_declared_coordinate_system() {
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
    let post = |extra: &str, r: &str| {
        let body = format!(
            "api_key=k3y&service_code=air&lat={}&long={}&description=smoke{extra}&attribute%5Bexternal_ref%5D={r}",
            GCJ.0, GCJ.1
        );
        http(
            addr,
            &request("POST", "/open311/v2/requests.json", FORM, body.as_bytes()),
        )
        .unwrap()
    };
    assert_eq!(post("&coordinate_system=gcj02", "H1").0, 201);
    assert_eq!(post("&crs=bd09", "H2").0, 201);
    assert_eq!(post("", "H3").0, 201);
    let (st, body) = post("&crs=mars", "H4");
    assert_eq!(st, 400, "{body}");
    assert!(body.contains("location.crs"), "{body}");
    shutdown.cancel();
    let list = room.json(&[NOW, "list", "--json"]);
    assert_eq!(by_ref(&list, "H1")["grid"], "T02-V03");
    assert_eq!(by_ref(&list, "H3")["grid"], "T02-V01");
    let h2 = by_ref(&list, "H2");
    assert_eq!(h2["grid_source"], "polygon", "BD-09 converted too: {h2}");
    assert!(
        h2["location"]["lat"].as_f64().unwrap() < GCJ.0,
        "BD-09 lies north-east of WGS-84"
    );
}

/// grids.geojson replaced while intake runs: a FIFO, then a syntax error.
/// Each is refused on stderr with what is wrong (the FIFO never opened, the
/// daemon never blocks), the boundaries in force kept: a point still places.
#[test]
fn a_broken_grids_geojson_saved_while_intake_runs_is_refused_aloud() {
    use std::os::unix::ffi::OsStrExt;
    use std::time::Duration;
    let room = Room::new();
    let d = common::daemon::start(&room);
    let path = room.path("config/grids.geojson");
    let mut said: Vec<String> = Vec::new();
    let mut wait_said = |what: &str, want: &dyn Fn(&str) -> bool| {
        common::wait_for(what, Duration::from_secs(10), || {
            said.extend(d.lines.try_iter());
            said.iter().any(|l| want(l))
        });
    };
    std::fs::remove_file(&path).unwrap();
    let fifo = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    wait_said("the FIFO refused", &|l| {
        l.contains("grids.geojson refused, the boundaries in force are kept")
            && l.contains("grids.geojson")
    });
    std::fs::remove_file(&path).unwrap();
    std::fs::write(
        &path,
        "{\"type\": \"FeatureCollection\",\n \"features\": [oops\n",
    )
    .unwrap();
    wait_said("the syntax error refused", &|l| {
        l.contains("grids.geojson refused") && l.contains("grids.geojson:2:")
    });
    let mut c = common::complaint_live("KEPT");
    c.as_object_mut().unwrap().remove("enterprise");
    c["location"] = json!({"lat": GCJ.0, "lon": GCJ.1});
    room.deliver(&[&room.write("kept.json", c.to_string())]);
    common::wait_for("the complaint stored", Duration::from_secs(10), || {
        common::daemon::count(&room) == 1
    });
    let list = room.json(&[NOW, "list", "--json"]);
    assert_eq!(by_ref(&list, "KEPT")["grid_source"], "polygon", "kept");
    d.stop();
}

/// `show` prints the point as stored (WGS-84, after conversion), in both
/// languages; `-` without one.
#[test]
fn show_prints_the_point_in_wgs84() {
    let room = Room::new();
    let mut c = complaint("P1");
    c.as_object_mut().unwrap().remove("enterprise");
    c["location"] = json!({"lat": 31.0578, "lon": 120.1325});
    let p = room.write("p1.json", c.to_string());
    room.ok(&[NOW, "submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let en = room.ok(&[NOW, "show", "1"]);
    assert!(
        en.contains("Point (lat, lon)") && en.contains("31.057800, 120.132500 (WGS-84)"),
        "{en}"
    );
    let zh = room.ok(&[NOW, "--lang", "zh", "show", "1"]);
    assert!(
        zh.contains("坐标（纬度，经度）") && zh.contains("31.057800，120.132500（WGS-84）"),
        "{zh}"
    );
}
