//! The Map screen (#12): its own state. The grid boundaries projected once
//! from the configuration ([`MapLayer`], built when the console starts —
//! the configuration does not change under a console), and which open
//! complaints have a point, soonest deadline first, with the selection over
//! them (↑/↓, j/k). The drawing is `view::screens::map`.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::config::Config;
use crate::domain::ComplaintRow;
use crate::domain::geo::Point;

/// A segment in projected coordinates: x1, y1, x2, y2.
pub type Segment = [f64; 4];

/// A township's label: where it goes and how wide its area is (projected).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    /// The width of the township's bounding box, to see whether the name fits.
    pub span: f64,
    pub id: String,
    pub name: String,
}

/// What the map draws of the configuration, projected: x = lon·cos(lat₀),
/// y = lat, so that a unit is as long across as up (lat₀ the middle).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapLayer {
    pub cos: f64,
    /// Village (and enterprise group) edges, drawn dim.
    pub villages: Vec<Segment>,
    /// Township and city edges, drawn bright over the villages.
    pub townships: Vec<Segment>,
    pub labels: Vec<Label>,
    /// Where a grid's incident is drawn without a point of its own.
    pub centroids: BTreeMap<String, (f64, f64)>,
    /// min x, min y, max x, max y; `None` without boundaries.
    pub bounds: Option<[f64; 4]>,
}

impl MapLayer {
    pub fn new(config: &Config) -> MapLayer {
        let map = &config.map;
        let Some(bbox) = map.bbox() else {
            return MapLayer::default();
        };
        let cos = ((bbox[1] + bbox[3]) / 2.0).to_radians().cos();
        let project = |p: Point| (p.lon * cos, p.lat);
        let mut layer = MapLayer {
            cos,
            bounds: Some([bbox[0] * cos, bbox[1], bbox[2] * cos, bbox[3]]),
            ..MapLayer::default()
        };
        for s in &map.shapes {
            let segments = s.shape.edges().map(|(a, b)| {
                let ((x1, y1), (x2, y2)) = (project(a), project(b));
                [x1, y1, x2, y2]
            });
            if s.level <= 2 {
                layer.townships.extend(segments);
            } else {
                layer.villages.extend(segments);
            }
            if let Some(c) = s.shape.centroid() {
                layer.centroids.insert(s.grid.clone(), project(c));
                if s.level == 2 {
                    let name = config.grids.get(&s.grid).map_or("", |g| g.name.as_str());
                    let (x, y) = project(c);
                    layer.labels.push(Label {
                        x,
                        y,
                        span: (s.shape.bbox[2] - s.shape.bbox[0]) * cos,
                        id: s.grid.clone(),
                        name: crate::text::sanitize(name),
                    });
                }
            }
        }
        layer
    }

    /// A WGS-84 point, projected.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        (lon * self.cos, lat)
    }

    /// Whether a projected point lies within the boundaries' box.
    pub fn covers(&self, (x, y): (f64, f64)) -> bool {
        self.bounds
            .is_some_and(|b| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3])
    }
}

/// The screen's own state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapScreen {
    pub layer: Arc<MapLayer>,
    /// Open complaints drawn on the map (a point within the boundaries'
    /// box), by id: soonest deadline first. Only these are selected.
    pub order: Vec<i64>,
    /// Open complaints without a point.
    pub without_location: usize,
    /// Open complaints whose point lies outside the map (0,0, another city).
    pub outside: usize,
    pub cursor: usize,
}

impl MapScreen {
    pub fn new(config: &Config) -> MapScreen {
        MapScreen {
            layer: Arc::new(MapLayer::new(config)),
            ..MapScreen::default()
        }
    }

    /// Recompute which open complaints are on the map.
    pub fn derive(&mut self, open: &[ComplaintRow]) {
        let point = |c: &ComplaintRow| Some(self.layer.project(c.lat?, c.lon?));
        let located = open.iter().filter(|c| point(c).is_some()).count();
        let mut drawn: Vec<&ComplaintRow> = open
            .iter()
            .filter(|c| point(c).is_some_and(|p| self.layer.covers(p)))
            .collect();
        drawn.sort_by_key(|c| (c.deadline_at, c.id));
        self.without_location = open.len() - located;
        self.outside = located - drawn.len();
        self.order = drawn.iter().map(|c| c.id).collect();
    }

    /// Put the cursor on `want` if it is on the map; else keep the position.
    pub fn select<'a>(
        &mut self,
        open: &'a [ComplaintRow],
        want: Option<i64>,
    ) -> Option<&'a ComplaintRow> {
        if let Some(i) = want.and_then(|id| self.order.iter().position(|x| *x == id)) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.order.len().saturating_sub(1));
        self.selected_in(open)
    }

    pub fn selected_in<'a>(&self, open: &'a [ComplaintRow]) -> Option<&'a ComplaintRow> {
        let id = self.order.get(self.cursor)?;
        open.iter().find(|c| c.id == *id)
    }

    pub fn move_by(&mut self, delta: i32) {
        let last = self.order.len().saturating_sub(1) as i64;
        self.cursor = (self.cursor as i64 + i64::from(delta)).clamp(0, last) as usize;
    }
}
