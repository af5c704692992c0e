//! Coordinate systems a complaint may declare (#12): WGS-84 (GPS, what is
//! stored), GCJ-02 (the offset Chinese web maps and apps use, "Mars
//! coordinates") and BD-09 (Baidu's, GCJ-02 offset again), and the
//! conversion to WGS-84.
//!
//! GCJ-02 → WGS-84 inverts the standard forward transform by iteration
//! until the step is under 1e-7° (a few iterations; the residual is well
//! under 1e-6°, centimetres). BD-09 → WGS-84 goes BD-09 → GCJ-02 → WGS-84.
//! Outside mainland China (a few boxes, [`out_of_china`]) neither GCJ-02
//! nor BD-09 is offset. Pure.

use std::f64::consts::PI;

/// A declared coordinate system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Crs {
    #[default]
    Wgs84,
    Gcj02,
    Bd09,
}

impl Crs {
    pub const ALL: [Crs; 3] = [Crs::Wgs84, Crs::Gcj02, Crs::Bd09];

    pub fn as_str(self) -> &'static str {
        match self {
            Crs::Wgs84 => "wgs84",
            Crs::Gcj02 => "gcj02",
            Crs::Bd09 => "bd09",
        }
    }

    /// `wgs84`, `gcj02`, `bd09` (case, `-` and `_` ignored: `WGS-84`, `GCJ_02`).
    pub fn parse(s: &str) -> Option<Crs> {
        let norm: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        Crs::ALL.into_iter().find(|c| c.as_str() == norm)
    }

    /// `(lat, lon)` in this system → WGS-84.
    pub fn to_wgs84(self, lat: f64, lon: f64) -> (f64, f64) {
        match self {
            Crs::Wgs84 => (lat, lon),
            Crs::Gcj02 => gcj02_to_wgs84(lat, lon),
            // Baidu gives WGS-84 outside China.
            Crs::Bd09 if out_of_china(lat, lon) => (lat, lon),
            Crs::Bd09 => {
                let (la, lo) = bd09_to_gcj02(lat, lon);
                gcj02_to_wgs84(la, lo)
            }
        }
    }
}

const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;
const X_PI: f64 = PI * 3000.0 / 180.0;

/// Mainland China as a few boxes, `(south, west, north, east)` in degrees:
/// the approximation several eviltransform ports use. Tight enough that
/// Seoul, Pyongyang, Tokyo, Ulaanbaatar and Hanoi fall outside, where
/// neither GCJ-02 nor BD-09 is offset.
const CHINA: [(f64, f64, f64, f64); 6] = [
    (42.8899, 79.4462, 49.2204, 96.33),
    (39.3742, 109.6872, 54.1415, 135.0002),
    (29.5297, 73.1246, 42.8899, 124.143255),
    (26.7186, 82.9684, 29.5297, 97.0352),
    (20.4851, 97.0253, 29.5297, 124.367395),
    (17.9196, 107.975793, 20.4851, 111.744104),
];

/// Taken out of [`CHINA`]: Taiwan, northern Vietnam and Laos, the Russian
/// Far East and Mongolia's east.
const NOT_CHINA: [(f64, f64, f64, f64); 6] = [
    (21.785006, 119.921265, 25.398623, 122.497559),
    (20.0988, 101.8652, 22.284, 106.665),
    (20.4878, 106.4525, 21.5422, 108.051),
    (50.3257, 109.0323, 55.8175, 119.127),
    (49.5574, 127.4568, 55.8175, 137.0227),
    (42.5692, 131.2662, 44.8922, 137.0227),
];

fn in_box(lat: f64, lon: f64, (s, w, n, e): (f64, f64, f64, f64)) -> bool {
    (s..=n).contains(&lat) && (w..=e).contains(&lon)
}

/// Outside mainland China, where GCJ-02 (and BD-09) are not offset.
pub fn out_of_china(lat: f64, lon: f64) -> bool {
    !CHINA.iter().any(|b| in_box(lat, lon, *b)) || NOT_CHINA.iter().any(|b| in_box(lat, lon, *b))
}

fn transform_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn transform_lon(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// WGS-84 → GCJ-02 (the standard forward transform).
pub fn wgs84_to_gcj02(lat: f64, lon: f64) -> (f64, f64) {
    if out_of_china(lat, lon) {
        return (lat, lon);
    }
    let (x, y) = (lon - 105.0, lat - 35.0);
    let rad = lat / 180.0 * PI;
    let magic = 1.0 - EE * rad.sin() * rad.sin();
    let sqrt_magic = magic.sqrt();
    let dlat = transform_lat(x, y) * 180.0 / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let dlon = transform_lon(x, y) * 180.0 / (A / sqrt_magic * rad.cos() * PI);
    (lat + dlat, lon + dlon)
}

/// GCJ-02 → WGS-84 by iterating the forward transform.
pub fn gcj02_to_wgs84(lat: f64, lon: f64) -> (f64, f64) {
    if out_of_china(lat, lon) {
        return (lat, lon);
    }
    let (mut wlat, mut wlon) = (lat, lon);
    for _ in 0..30 {
        let (glat, glon) = wgs84_to_gcj02(wlat, wlon);
        let (dlat, dlon) = (glat - lat, glon - lon);
        wlat -= dlat;
        wlon -= dlon;
        if dlat.abs() < 1e-7 && dlon.abs() < 1e-7 {
            break;
        }
    }
    (wlat, wlon)
}

/// BD-09 → GCJ-02.
pub fn bd09_to_gcj02(lat: f64, lon: f64) -> (f64, f64) {
    let (x, y) = (lon - 0.0065, lat - 0.006);
    let z = (x * x + y * y).sqrt() - 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) - 0.000_003 * (x * X_PI).cos();
    (z * theta.sin(), z * theta.cos())
}

/// GCJ-02 → BD-09.
pub fn gcj02_to_bd09(lat: f64, lon: f64) -> (f64, f64) {
    let z = (lon * lon + lat * lat).sqrt() + 0.000_02 * (lat * X_PI).sin();
    let theta = lat.atan2(lon) + 0.000_003 * (lon * X_PI).cos();
    (z * theta.sin() + 0.006, z * theta.cos() + 0.0065)
}

/// Metres between two nearby points (equirectangular; enough for tests and offsets).
pub fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let r = 6_371_000.0;
    let lat = ((a.0 + b.0) / 2.0).to_radians();
    let dx = (b.1 - a.1).to_radians() * lat.cos();
    let dy = (b.0 - a.0).to_radians();
    r * (dx * dx + dy * dy).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiananmen_wgs84_to_gcj02_is_the_known_offset() {
        let (lat, lon) = wgs84_to_gcj02(39.9087, 116.3975);
        assert!((lat - 39.91).abs() < 3e-4, "{lat}");
        assert!((lon - 116.40399).abs() < 5e-4, "{lon}");
        // The reference pair of the widely used eviltransform library.
        let (glat, glon) = wgs84_to_gcj02(39.915, 116.404);
        assert!((glat - 39.916404).abs() < 1e-6 && (glon - 116.410244).abs() < 1e-6);
        // Hundreds of metres off, which is why it matters.
        let off = metres((39.9087, 116.3975), (lat, lon));
        assert!((300.0..800.0).contains(&off), "{off}");
    }

    #[test]
    fn gcj02_and_bd09_round_trip_within_a_metre() {
        for (lat, lon) in [(39.9087, 116.3975), (31.2304, 121.4737), (30.86, 120.12)] {
            let (glat, glon) = wgs84_to_gcj02(lat, lon);
            let back = Crs::Gcj02.to_wgs84(glat, glon);
            assert!(metres((lat, lon), back) < 1.0, "{back:?}");
            assert!((back.0 - lat).abs() < 1e-6 && (back.1 - lon).abs() < 1e-6);
            let (blat, blon) = gcj02_to_bd09(glat, glon);
            let back = Crs::Bd09.to_wgs84(blat, blon);
            assert!(metres((lat, lon), back) < 1.0, "{back:?}");
        }
    }

    #[test]
    fn neighbours_are_not_shifted_and_chinese_cities_are() {
        let abroad = [
            ("Seoul", 37.5665, 126.978),
            ("Pyongyang", 39.0392, 125.7625),
            ("Hanoi", 21.0278, 105.8342),
            ("Ulaanbaatar", 47.8864, 106.9057),
            ("Tokyo", 35.6762, 139.6503),
            ("Vladivostok", 43.1155, 131.8855),
            ("Taipei", 25.033, 121.5654),
        ];
        for (name, lat, lon) in abroad {
            for crs in [Crs::Gcj02, Crs::Bd09] {
                assert_eq!(crs.to_wgs84(lat, lon), (lat, lon), "{name} {crs:?}");
            }
            assert_eq!(wgs84_to_gcj02(lat, lon), (lat, lon), "{name}");
        }
        let home = [
            ("Beijing", 39.9087, 116.3975),
            ("Shanghai", 31.2304, 121.4737),
            ("Kunming", 25.0389, 102.7183),
            ("Harbin", 45.8038, 126.535),
            ("Urumqi", 43.8256, 87.6168),
            ("Haikou", 20.044, 110.1999),
        ];
        for (name, lat, lon) in home {
            for crs in [Crs::Gcj02, Crs::Bd09] {
                let off = metres((lat, lon), crs.to_wgs84(lat, lon));
                assert!(off > 100.0, "{name} {crs:?} moved {off} m");
            }
        }
    }

    #[test]
    fn outside_china_there_is_no_offset_and_names_parse() {
        assert_eq!(wgs84_to_gcj02(48.8584, 2.2945), (48.8584, 2.2945));
        assert_eq!(Crs::Gcj02.to_wgs84(48.8584, 2.2945), (48.8584, 2.2945));
        assert_eq!(Crs::parse("WGS-84"), Some(Crs::Wgs84));
        assert_eq!(Crs::parse("gcj_02"), Some(Crs::Gcj02));
        assert_eq!(Crs::parse("BD09"), Some(Crs::Bd09));
        assert_eq!(Crs::parse("cgcs2000"), None);
    }
}
