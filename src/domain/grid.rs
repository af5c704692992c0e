//! The four-level grid tree and grid resolution.
//!
//! Owns: parent/child relations, ancestors, and the rule that decides a
//! complaint's grid: explicit grid → enterprise's grid → the grid whose
//! boundary holds its point (#12, `geo`) → address alias → none.

use std::collections::BTreeMap;

use serde::Serialize;

/// A node of the grid tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Grid {
    pub id: String,
    pub name: String,
    /// 1 city, 2 township/zone, 3 village, 4 enterprise group.
    pub level: u8,
    pub parent: Option<String>,
    /// 第一责任人
    pub first_responsible: Option<String>,
    /// 主要责任人
    pub main_responsible: Option<String>,
    /// 具体责任人
    pub specific_responsible: Vec<String>,
    /// Place names that, found in an address, put a complaint in this grid.
    pub aliases: Vec<String>,
    /// A township's class (1, 2 or 3), which sets its staffing minimum
    /// (`domain::staffing`); only level 2 grids have one.
    pub class: Option<u8>,
    /// An enterprise group's leader (an officer id); only level 4 grids.
    pub group_leader: Option<String>,
}

/// A pollution source's control level (DESIGN.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlLevel {
    /// 国控
    National,
    /// 省控
    Provincial,
    /// 省环境安全重点
    ProvincialEnvSafety,
    /// 市控
    City,
    /// 县控
    County,
    /// 一般
    General,
}

impl ControlLevel {
    pub const ALL: [ControlLevel; 6] = [
        ControlLevel::National,
        ControlLevel::Provincial,
        ControlLevel::ProvincialEnvSafety,
        ControlLevel::City,
        ControlLevel::County,
        ControlLevel::General,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ControlLevel::National => "national",
            ControlLevel::Provincial => "provincial",
            ControlLevel::ProvincialEnvSafety => "provincial_env_safety",
            ControlLevel::City => "city",
            ControlLevel::County => "county",
            ControlLevel::General => "general",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A pollution source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Enterprise {
    pub id: String,
    pub name: String,
    pub grid: String,
    pub control_level: ControlLevel,
    pub address: String,
    /// The census fields of the register (#11).
    pub census: super::census::Census,
}

/// The grid tree, validated (every parent exists, no cycles) by the config loader.
#[derive(Debug, Clone, Default)]
pub struct GridTree {
    grids: BTreeMap<String, Grid>,
}

/// How a complaint's grid was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "detail")]
pub enum GridSource {
    Explicit,
    Enterprise(String),
    Alias(String),
    /// Placed by its point in a grid's boundary (`config/grids.geojson`).
    Polygon,
    Unassigned,
}

impl GridTree {
    pub fn new(grids: impl IntoIterator<Item = Grid>) -> Self {
        GridTree {
            grids: grids.into_iter().map(|g| (g.id.clone(), g)).collect(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Grid> {
        self.grids.get(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Grid> {
        self.grids.values()
    }

    pub fn len(&self) -> usize {
        self.grids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grids.is_empty()
    }

    /// The root (level 1) grid, if there is exactly one parentless grid.
    pub fn root(&self) -> Option<&Grid> {
        let mut roots = self.grids.values().filter(|g| g.parent.is_none());
        let first = roots.next()?;
        roots.next().is_none().then_some(first)
    }

    /// `id` and its ancestors, nearest first. Stops on a cycle.
    pub fn lineage(&self, id: &str) -> Vec<&Grid> {
        let mut out: Vec<&Grid> = Vec::new();
        let mut cur = self.grids.get(id);
        while let Some(g) = cur {
            if out.iter().any(|seen| seen.id == g.id) {
                break;
            }
            out.push(g);
            cur = g.parent.as_deref().and_then(|p| self.grids.get(p));
        }
        out
    }

    /// Decide a complaint's grid (DESIGN.md §5). `explicit` must already be a
    /// known grid id; enterprises are looked up by id.
    pub fn resolve<'a>(
        &'a self,
        explicit: Option<&str>,
        enterprise: Option<&Enterprise>,
        address: Option<&str>,
    ) -> (Option<&'a Grid>, GridSource) {
        self.resolve_at(explicit, enterprise, None, address)
    }

    /// [`resolve`](Self::resolve) with the grid a complaint's point was
    /// placed in (`geo::GridShapes::place`), which comes after an explicit
    /// grid and an enterprise and before the address aliases.
    pub fn resolve_at<'a>(
        &'a self,
        explicit: Option<&str>,
        enterprise: Option<&Enterprise>,
        placed: Option<&str>,
        address: Option<&str>,
    ) -> (Option<&'a Grid>, GridSource) {
        if let Some(g) = explicit.and_then(|id| self.grids.get(id)) {
            return (Some(g), GridSource::Explicit);
        }
        if let Some(e) = enterprise {
            if let Some(g) = self.grids.get(&e.grid) {
                return (Some(g), GridSource::Enterprise(e.id.clone()));
            }
        }
        if let Some(g) = placed.and_then(|id| self.grids.get(id)) {
            return (Some(g), GridSource::Polygon);
        }
        if let Some(addr) = address {
            // The longest alias wins, then the deepest grid: "石桥镇东村" beats "石桥镇".
            let best = self
                .grids
                .values()
                .flat_map(|g| g.aliases.iter().map(move |a| (g, a)))
                .filter(|(_, a)| !a.is_empty() && addr.contains(a.as_str()))
                .max_by_key(|(g, a)| (a.chars().count(), g.level));
            if let Some((g, a)) = best {
                return (Some(g), GridSource::Alias(a.clone()));
            }
        }
        (None, GridSource::Unassigned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(id: &str, level: u8, parent: Option<&str>, aliases: &[&str]) -> Grid {
        Grid {
            id: id.into(),
            name: id.into(),
            level,
            parent: parent.map(Into::into),
            first_responsible: None,
            main_responsible: None,
            specific_responsible: vec![],
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            ..Grid::default()
        }
    }

    fn tree() -> GridTree {
        GridTree::new([
            grid("C00", 1, None, &[]),
            grid("T01", 2, Some("C00"), &["石桥镇", "石桥"]),
            grid("T01-V01", 3, Some("T01"), &["石桥镇东村"]),
            grid("T02", 2, Some("C00"), &["河西"]),
        ])
    }

    fn ent(grid: &str) -> Enterprise {
        Enterprise {
            id: "E1".into(),
            name: "x".into(),
            grid: grid.into(),
            control_level: ControlLevel::City,
            address: String::new(),
            census: Default::default(),
        }
    }

    #[test]
    fn explicit_beats_enterprise_beats_alias() {
        let t = tree();
        let e = ent("T02");
        let (g, by) = t.resolve(Some("T01"), Some(&e), Some("河西路1号"));
        assert_eq!((g.unwrap().id.as_str(), by), ("T01", GridSource::Explicit));
        let (g, by) = t.resolve(None, Some(&e), Some("石桥镇"));
        assert_eq!(
            (g.unwrap().id.as_str(), by),
            ("T02", GridSource::Enterprise("E1".into()))
        );
        let (g, by) = t.resolve(Some("NOPE"), None, Some("河西路1号"));
        assert_eq!(
            (g.unwrap().id.as_str(), by),
            ("T02", GridSource::Alias("河西".into()))
        );
    }

    #[test]
    fn longest_alias_wins_and_no_match_is_unassigned() {
        let t = tree();
        let (g, _) = t.resolve(None, None, Some("石桥镇东村3组"));
        assert_eq!(g.unwrap().id, "T01-V01");
        let (g, by) = t.resolve(None, None, Some("北京路"));
        assert!(g.is_none());
        assert_eq!(by, GridSource::Unassigned);
    }

    #[test]
    fn lineage_walks_to_the_root() {
        let t = tree();
        let ids: Vec<_> = t.lineage("T01-V01").iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["T01-V01", "T01", "C00"]);
        assert_eq!(t.root().unwrap().id, "C00");
    }
}

/// A person of the bureau.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Officer {
    pub id: String,
    pub name: String,
    pub phone: String,
    pub role: String,
    pub grid: String,
    /// Linked pollution sources (#11): inspected by this officer every month.
    pub enterprises: Vec<String>,
    /// Linked townships (level-2 grids): visited every quarter.
    pub townships: Vec<String>,
}

/// What the store counts for one grid (its own complaints and incidents,
/// not its sub-grids'; the Grids board rolls them up).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GridCounts {
    /// Open complaints (`Status::OPEN`).
    pub open: i64,
    /// Complaints received since the month's start whose deadline passed
    /// without an arrival in time (merged and rejected ones left out).
    pub breached: i64,
    /// Incidents not closed, drills left out.
    pub active_incidents: i64,
}
