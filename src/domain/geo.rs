//! Grid boundaries and point-in-polygon (#12): which grid a WGS-84 point
//! lies in.
//!
//! Owns: the shapes (Polygon with holes, MultiPolygon), the even-odd ray
//! casting test, and the placement rule. A point ON an edge or a vertex —
//! of an outer ring or of a hole — counts as INSIDE (within 1e-9°, about
//! 0.1 mm), so a point on the shared edge of two grids is in both; placement
//! then picks the DEEPEST grid containing the point (a village before its
//! township), and among grids of the same depth the smallest grid id (the
//! order of grids.toml in the demo county), so the answer never depends on
//! the order of the GeoJSON file. Pure: no IO.

/// A WGS-84 position in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lon: f64,
    pub lat: f64,
}

impl Point {
    pub fn new(lon: f64, lat: f64) -> Point {
        Point { lon, lat }
    }
}

/// How close to an edge counts as on it, in degrees.
const ON_EDGE: f64 = 1e-9;

/// One polygon: its outer ring first, then its holes; each ring closed
/// (first position = last).
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    pub rings: Vec<Vec<Point>>,
}

/// A grid's area: one or more polygons (a GeoJSON Polygon or MultiPolygon).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub polygons: Vec<Polygon>,
    /// min lon, min lat, max lon, max lat.
    pub bbox: [f64; 4],
}

impl Shape {
    pub fn new(polygons: Vec<Polygon>) -> Shape {
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for p in polygons.iter().flat_map(|p| p.rings.iter().flatten()) {
            bbox = [
                bbox[0].min(p.lon),
                bbox[1].min(p.lat),
                bbox[2].max(p.lon),
                bbox[3].max(p.lat),
            ];
        }
        Shape { polygons, bbox }
    }

    /// Whether `p` is inside, on an edge or on a vertex of any polygon.
    pub fn contains(&self, p: Point) -> bool {
        let [x0, y0, x1, y1] = self.bbox;
        if p.lon < x0 - ON_EDGE
            || p.lon > x1 + ON_EDGE
            || p.lat < y0 - ON_EDGE
            || p.lat > y1 + ON_EDGE
        {
            return false;
        }
        self.polygons.iter().any(|poly| poly.contains(p))
    }

    /// Every edge of every ring, for drawing.
    pub fn edges(&self) -> impl Iterator<Item = (Point, Point)> + '_ {
        self.polygons
            .iter()
            .flat_map(|p| p.rings.iter())
            .flat_map(|r| r.windows(2).map(|w| (w[0], w[1])))
    }

    /// The centroid of the largest polygon's outer ring (where an incident
    /// without a point of its own is drawn).
    pub fn centroid(&self) -> Option<Point> {
        let ring_area = |r: &[Point]| -> (f64, f64, f64) {
            let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
            for w in r.windows(2) {
                let cross = w[0].lon * w[1].lat - w[1].lon * w[0].lat;
                a += cross;
                cx += (w[0].lon + w[1].lon) * cross;
                cy += (w[0].lat + w[1].lat) * cross;
            }
            (a / 2.0, cx, cy)
        };
        let (a, cx, cy) = self
            .polygons
            .iter()
            .filter_map(|p| p.rings.first())
            .map(|r| ring_area(r))
            .max_by(|x, y| x.0.abs().total_cmp(&y.0.abs()))?;
        if a.abs() < 1e-18 {
            let first = self.polygons.first()?.rings.first()?.first()?;
            return Some(*first);
        }
        Some(Point::new(cx / (6.0 * a), cy / (6.0 * a)))
    }
}

impl Polygon {
    /// Even-odd ray casting over all rings (so a hole's inside is outside),
    /// with every ring's boundary inside.
    pub fn contains(&self, p: Point) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            for w in ring.windows(2) {
                let (a, b) = (w[0], w[1]);
                if on_segment(p, a, b) {
                    return true;
                }
                // The half-open rule counts a vertex on the ray once.
                if (a.lat > p.lat) != (b.lat > p.lat) {
                    let x = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
                    if p.lon < x {
                        inside = !inside;
                    }
                }
            }
        }
        inside
    }
}

fn on_segment(p: Point, a: Point, b: Point) -> bool {
    let (dx, dy) = (b.lon - a.lon, b.lat - a.lat);
    let len = (dx * dx + dy * dy).sqrt();
    let cross = (p.lon - a.lon) * dy - (p.lat - a.lat) * dx;
    if len == 0.0 {
        return (p.lon - a.lon).abs() <= ON_EDGE && (p.lat - a.lat).abs() <= ON_EDGE;
    }
    if cross.abs() > ON_EDGE * len {
        return false;
    }
    let within = |v: f64, e0: f64, e1: f64| v >= e0.min(e1) - ON_EDGE && v <= e0.max(e1) + ON_EDGE;
    within(p.lon, a.lon, b.lon) && within(p.lat, a.lat, b.lat)
}

/// One grid's boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct GridShape {
    pub grid: String,
    /// The grid's level in the tree (3 village, 2 township …).
    pub level: u8,
    pub shape: Shape,
}

/// Every grid's boundary, as `config/grids.geojson` gives them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GridShapes {
    pub shapes: Vec<GridShape>,
}

impl GridShapes {
    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }

    pub fn get(&self, grid: &str) -> Option<&GridShape> {
        self.shapes.iter().find(|s| s.grid == grid)
    }

    /// The grid `p` is placed in: the deepest containing it, then the
    /// smallest id. `None` outside every boundary.
    pub fn place(&self, p: Point) -> Option<&str> {
        self.shapes
            .iter()
            .filter(|s| s.shape.contains(p))
            .min_by(|a, b| b.level.cmp(&a.level).then_with(|| a.grid.cmp(&b.grid)))
            .map(|s| s.grid.as_str())
    }

    /// min lon, min lat, max lon, max lat over every shape.
    pub fn bbox(&self) -> Option<[f64; 4]> {
        self.shapes.iter().map(|s| s.shape.bbox).reduce(|a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(pts: &[(f64, f64)]) -> Vec<Point> {
        let mut r: Vec<Point> = pts.iter().map(|&(x, y)| Point::new(x, y)).collect();
        r.push(r[0]);
        r
    }

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<Point> {
        ring(&[(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    }

    fn shape(rings: Vec<Vec<Point>>) -> Shape {
        Shape::new(vec![Polygon { rings }])
    }

    fn gs(grid: &str, level: u8, shape: Shape) -> GridShape {
        GridShape {
            grid: grid.into(),
            level,
            shape,
        }
    }

    #[test]
    fn inside_outside_edge_and_vertex() {
        let s = shape(vec![ring(&[
            (0.0, 0.0),
            (4.0, 0.0),
            (4.0, 3.0),
            (2.0, 5.0),
            (0.0, 3.0),
        ])]);
        assert!(s.contains(Point::new(2.0, 2.0)));
        assert!(!s.contains(Point::new(5.0, 2.0)));
        assert!(
            !s.contains(Point::new(0.5, 4.5)),
            "outside the roof's slope"
        );
        assert!(s.contains(Point::new(4.0, 1.0)), "on an edge");
        assert!(s.contains(Point::new(1.0, 4.0)), "on a slanted edge");
        assert!(s.contains(Point::new(2.0, 5.0)), "on a vertex");
        assert!(s.contains(Point::new(0.0, 0.0)), "on the first vertex");
        // The ray through a vertex (y = 3) must not count it twice.
        assert!(s.contains(Point::new(1.0, 3.0)));
        assert!(!s.contains(Point::new(-1.0, 3.0)));
    }

    #[test]
    fn a_hole_is_outside_and_its_edge_inside() {
        let s = shape(vec![
            square(0.0, 0.0, 10.0, 10.0),
            square(4.0, 4.0, 6.0, 6.0),
        ]);
        assert!(!s.contains(Point::new(5.0, 5.0)), "in the hole");
        assert!(s.contains(Point::new(4.0, 5.0)), "on the hole's edge");
        assert!(s.contains(Point::new(6.0, 6.0)), "on the hole's vertex");
        assert!(s.contains(Point::new(2.0, 5.0)));
    }

    #[test]
    fn a_multipolygon_holds_each_of_its_parts() {
        let s = Shape::new(vec![
            Polygon {
                rings: vec![square(0.0, 0.0, 1.0, 1.0)],
            },
            Polygon {
                rings: vec![square(5.0, 5.0, 6.0, 6.0)],
            },
        ]);
        assert!(s.contains(Point::new(0.5, 0.5)));
        assert!(s.contains(Point::new(5.5, 5.5)));
        assert!(!s.contains(Point::new(3.0, 3.0)), "between the parts");
    }

    #[test]
    fn placement_prefers_the_deepest_grid_then_the_smallest_id() {
        let shapes = GridShapes {
            shapes: vec![
                gs("T01", 2, shape(vec![square(0.0, 0.0, 10.0, 10.0)])),
                gs("T01-V02", 3, shape(vec![square(5.0, 0.0, 10.0, 10.0)])),
                gs("T01-V01", 3, shape(vec![square(0.0, 0.0, 5.0, 10.0)])),
                gs("T03", 2, shape(vec![square(4.0, 4.0, 6.0, 6.0)])),
            ],
        };
        assert_eq!(shapes.place(Point::new(7.0, 1.0)), Some("T01-V02"));
        assert_eq!(shapes.place(Point::new(1.0, 1.0)), Some("T01-V01"));
        // On the shared edge of two villages: the smaller id, whatever the file's order.
        assert_eq!(shapes.place(Point::new(5.0, 1.0)), Some("T01-V01"));
        // A village beats a township containing the point too.
        assert_eq!(shapes.place(Point::new(4.5, 5.0)), Some("T01-V01"));
        assert_eq!(shapes.place(Point::new(11.0, 1.0)), None);
    }

    #[test]
    fn the_centroid_of_a_square_is_its_middle() {
        let c = shape(vec![square(0.0, 0.0, 4.0, 2.0)]).centroid().unwrap();
        assert!(
            (c.lon - 2.0).abs() < 1e-12 && (c.lat - 1.0).abs() < 1e-12,
            "{c:?}"
        );
    }
}
