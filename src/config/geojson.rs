//! `config/grids.geojson` (#12): the grids' boundaries, validated. A
//! GeoJSON FeatureCollection in WGS-84 lon/lat, one Feature per grid with
//! `properties.grid` = a grid id of grids.toml, its geometry a Polygon or a
//! MultiPolygon (holes allowed). Every error is located (`file:line`; JSON
//! syntax errors also give the column) and the feature left out. The file
//! is optional: without it there are no boundaries (no map, no placement by
//! point); on duty a broken file costs only that (`Config::load_for_duty`).

use std::collections::BTreeSet;

use super::grids::Refs;
use super::json_pos::{J, V, parse};
use super::source::{ConfigError, TomlFile};
use crate::domain::geo::{GridShape, GridShapes, Point, Polygon, Shape};
use crate::domain::grid::GridTree;

/// The file name in a config directory.
pub const FILE: &str = "grids.geojson";

pub(super) fn grid_shapes(
    file: Option<&TomlFile>,
    grids: &GridTree,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) -> GridShapes {
    let Some(f) = file else {
        return GridShapes::default();
    };
    let at = |j: &J, msg: String| f.error(Some(j.line), msg);
    let root = match parse(&f.text) {
        Ok(root) => root,
        Err(e) => {
            errors.push(f.error(
                Some(e.line),
                format!("column {}: {} (not valid JSON)", e.col, e.message),
            ));
            return GridShapes::default();
        }
    };
    let features = match (root.get("type").map(|t| &t.v), root.get("features")) {
        (
            Some(V::Str(t)),
            Some(J {
                v: V::Arr(items), ..
            }),
        ) if t == "FeatureCollection" => items,
        _ => {
            errors.push(at(
                &root,
                "not a GeoJSON FeatureCollection: write {\"type\": \"FeatureCollection\", \"features\": [...]}".into(),
            ));
            return GridShapes::default();
        }
    };
    let mut seen = BTreeSet::new();
    let mut out = GridShapes::default();
    for feature in features {
        let grid = match feature.get("properties").and_then(|p| p.get("grid")) {
            Some(J { v: V::Str(g), .. }) => g.clone(),
            Some(other) => {
                errors.push(at(
                    other,
                    format!(
                        "properties.grid must be a grid id (a string), not {}",
                        other.kind()
                    ),
                ));
                continue;
            }
            None => {
                errors.push(at(
                    feature,
                    "a feature without properties.grid (the grid id of grids.toml it bounds)"
                        .into(),
                ));
                continue;
            }
        };
        let Some(geometry) = feature.get("geometry") else {
            errors.push(at(
                feature,
                format!("grid {grid}: the feature has no geometry"),
            ));
            continue;
        };
        let shape = match shape(geometry) {
            Ok(s) => s,
            Err((line, msg)) => {
                errors.push(f.error(Some(line), format!("grid {grid}: {msg}")));
                continue;
            }
        };
        let Some(g) = grids.get(&grid) else {
            if refs.unknown_grid(grids, &grid) {
                errors.push(at(
                    feature,
                    format!("grid '{grid}' is not a grid in grids.toml"),
                ));
            }
            continue;
        };
        if !seen.insert(grid.clone()) {
            errors.push(at(
                feature,
                format!(
                    "grid {grid} has two features: give one (a MultiPolygon for several parts)"
                ),
            ));
            continue;
        }
        out.shapes.push(GridShape {
            grid,
            level: g.level,
            shape,
        });
    }
    out
}

type Located<T> = Result<T, (usize, String)>;

fn shape(geometry: &J) -> Located<Shape> {
    let kind = match geometry.get("type").map(|t| &t.v) {
        Some(V::Str(t)) => t.as_str(),
        _ => return Err((geometry.line, "the geometry has no type".into())),
    };
    let Some(coords) = geometry.get("coordinates") else {
        return Err((geometry.line, format!("the {kind} has no coordinates")));
    };
    let polygons = match kind {
        "Polygon" => vec![polygon(coords)?],
        "MultiPolygon" => items(coords, "a MultiPolygon's coordinates")?
            .iter()
            .map(polygon)
            .collect::<Located<Vec<_>>>()?,
        other => {
            return Err((
                geometry.line,
                format!("a {other} is not an area: give a Polygon or a MultiPolygon"),
            ));
        }
    };
    if polygons.is_empty() {
        return Err((coords.line, "a MultiPolygon without polygons".into()));
    }
    Ok(Shape::new(polygons))
}

fn items<'a>(j: &'a J, what: &str) -> Located<&'a [J]> {
    match &j.v {
        V::Arr(a) => Ok(a),
        _ => Err((j.line, format!("{what} must be an array, not {}", j.kind()))),
    }
}

fn polygon(j: &J) -> Located<Polygon> {
    let rings = items(j, "a polygon")?;
    if rings.is_empty() {
        return Err((j.line, "a polygon without rings".into()));
    }
    Ok(Polygon {
        rings: rings.iter().map(ring).collect::<Located<_>>()?,
    })
}

fn ring(j: &J) -> Located<Vec<Point>> {
    let positions = items(j, "a ring")?;
    let points = positions
        .iter()
        .map(position)
        .collect::<Located<Vec<_>>>()?;
    if points.len() < 4 {
        return Err((
            j.line,
            format!(
                "a ring of {} positions: a ring needs at least 4 (the first repeated last)",
                points.len()
            ),
        ));
    }
    if points.first() != points.last() {
        return Err((
            j.line,
            "a ring not closed: its last position must repeat its first".into(),
        ));
    }
    Ok(points)
}

fn position(j: &J) -> Located<Point> {
    let nums = items(j, "a position")?;
    let n = |i: usize| match nums.get(i).map(|x| &x.v) {
        Some(V::Num(x)) => Some(*x),
        _ => None,
    };
    let (Some(lon), Some(lat)) = (n(0), n(1)) else {
        return Err((
            j.line,
            "a position is [longitude, latitude] in numbers".into(),
        ));
    };
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err((
            j.line,
            format!(
                "position [{lon}, {lat}] is out of range (longitude -180..180, latitude -90..90, in that order)"
            ),
        ));
    }
    Ok(Point::new(lon, lat))
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::domain::geo::{Point, Shape};

    /// The demo county's boundaries: every township and village has one,
    /// the villages tile their township, and one village has a hole
    /// holding an enclave of another grid.
    #[test]
    fn the_demo_county_has_a_boundary_per_township_and_village() {
        let c = Config::embedded().unwrap();
        for g in c.grids.iter().filter(|g| (2..=3).contains(&g.level)) {
            let s = c
                .map
                .get(&g.id)
                .unwrap_or_else(|| panic!("{} has no boundary", g.id));
            let mid = s.shape.centroid().unwrap();
            // 东门村's middle is its hole; 化工园片区's largest part is not its enclave.
            if g.level == 3 && !["T01-V01", "T03-V01"].contains(&g.id.as_str()) {
                assert_eq!(c.map.place(mid), Some(g.id.as_str()), "{}'s centroid", g.id);
            }
        }
        let holed = c.map.get("T01-V01").unwrap();
        assert_eq!(holed.shape.polygons[0].rings.len(), 2, "东门村 has a hole");
        let enclave = &c.map.get("T03-V01").unwrap().shape;
        assert_eq!(enclave.polygons.len(), 2, "化工园片区 is a MultiPolygon");
        let inner = enclave.polygons[1].rings[0][0];
        let hole = &holed.shape.polygons[0].rings[1];
        assert!(hole.contains(&inner), "the enclave fills 东门村's hole");
        let in_enclave = Shape::new(vec![enclave.polygons[1].clone()])
            .centroid()
            .unwrap();
        assert_eq!(
            c.map.place(in_enclave),
            Some("T03-V01"),
            "in the hole: the enclave's grid"
        );
        assert!(c.map.place(Point::new(0.0, 0.0)).is_none());
    }

    /// On duty a broken grids.geojson costs only the map, with a warning.
    #[test]
    fn on_duty_a_broken_file_costs_only_the_map() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for name in [
            "gridwatch.toml",
            "grids.toml",
            "officers.toml",
            "enterprises.toml",
            "roster.toml",
        ] {
            std::fs::copy(
                root.join("tests/fixtures/config-min").join(name),
                dir.path().join(name),
            )
            .unwrap();
        }
        std::fs::write(
            dir.path().join(super::FILE),
            "{\"type\": \"FeatureCollection\",",
        )
        .unwrap();
        let source = crate::config::ConfigSource::Dir(dir.path().to_path_buf());
        assert!(Config::load(source.clone()).is_err());
        let c = Config::load_for_duty(source).unwrap();
        assert!(c.map.is_empty());
        assert!(
            c.left_out
                .iter()
                .any(|w| w.contains("grids.geojson:1") && w.contains("the map is left out")),
            "{:?}",
            c.left_out
        );
    }
}
