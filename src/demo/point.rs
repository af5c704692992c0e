//! Where a simulated caller stands (#12): a point inside the boundary of
//! the grid their report is about (the nearest grid up the tree that has
//! one), so the map shows the demo's complaints and intake places them by
//! point. Web reports send GCJ-02, as Chinese web maps do, and say so;
//! most others send WGS-84; some callers give only an address. Drawn from
//! its own generator per call, so the rest of the simulation is unchanged.

use serde_json::{Value, json};

use super::rng::Rng;
use crate::config::Config;
use crate::domain::coords::{Crs, wgs84_to_gcj02};
use crate::domain::geo::Point;

/// The `location` of call `n` about `grid` at `address` from `source`.
pub(super) fn location(
    config: &Config,
    grid: Option<&str>,
    address: &str,
    source: &str,
    n: u64,
) -> Value {
    let plain = json!({ "address": address });
    let mut rng = Rng::new(0x6d61_7000 ^ n.wrapping_mul(0x9e37_79b9));
    let web = source == "web";
    if !web && !rng.chance(0.6) {
        return plain;
    }
    let Some(shape) = grid
        .into_iter()
        .flat_map(|g| config.grids.lineage(g))
        .find_map(|g| config.map.get(&g.id))
    else {
        return plain;
    };
    let b = shape.shape.bbox;
    for _ in 0..60 {
        let p = Point::new(rng.between(b[0], b[2]), rng.between(b[1], b[3]));
        if config.map.place(p) != Some(shape.grid.as_str()) {
            continue;
        }
        let round = |x: f64| (x * 1e6).round() / 1e6;
        return if web {
            let (lat, lon) = wgs84_to_gcj02(p.lat, p.lon);
            json!({"address": address, "lat": round(lat), "lon": round(lon), "crs": Crs::Gcj02.as_str()})
        } else {
            json!({"address": address, "lat": round(p.lat), "lon": round(p.lon)})
        };
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A point stays in the grid its address names, once converted.
    #[test]
    fn points_land_in_their_grid_and_web_ones_are_gcj02() {
        let c = Config::embedded().unwrap();
        let (mut located, mut web) = (0, 0);
        for n in 0..200 {
            for (source, grid) in [
                ("web", "T02-V04"),
                ("hotline", "T04-V01"),
                ("wechat", "T03-V01-G01"),
            ] {
                let loc = location(&c, Some(grid), "某地", source, n);
                let (Some(lat), Some(lon)) = (loc["lat"].as_f64(), loc["lon"].as_f64()) else {
                    assert_ne!(source, "web");
                    continue;
                };
                located += 1;
                let crs = loc["crs"]
                    .as_str()
                    .map_or(Crs::Wgs84, |s| Crs::parse(s).unwrap());
                web += usize::from(crs == Crs::Gcj02);
                let (lat, lon) = crs.to_wgs84(lat, lon);
                let want = if grid.ends_with("G01") {
                    "T03-V01"
                } else {
                    grid
                };
                assert_eq!(c.map.place(Point::new(lon, lat)), Some(want), "{loc}");
            }
        }
        assert_eq!(web, 200);
        assert!(located > 350 && located < 600, "{located}");
    }
}
