//! Repeat detection (重复件).
//!
//! Owns: the rule that a complaint about the same enterprise, or the same grid
//! and an overlapping category, within the window of an earlier one is a
//! repeat. The store supplies the earlier candidates; this decides.

use chrono::{DateTime, Duration, Utc};

use super::complaint::Category;

/// An earlier complaint the store found near the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prior {
    pub id: i64,
    pub received_at: DateTime<Utc>,
    pub grid: Option<String>,
    pub enterprise: Option<String>,
    pub categories: Vec<Category>,
    /// The earlier complaint's own `repeat_of`, so chains point at their first.
    pub repeat_of: Option<i64>,
}

/// The new complaint's facts that matter for repeats.
#[derive(Debug, Clone, Copy)]
pub struct Probe<'a> {
    pub received_at: DateTime<Utc>,
    pub grid: Option<&'a str>,
    pub enterprise: Option<&'a str>,
    pub categories: &'a [Category],
}

/// The id of the first complaint of the chain this one repeats, if any.
/// The most recent matching prior within `window` decides the chain.
pub fn find_repeat(probe: Probe<'_>, priors: &[Prior], window: Duration) -> Option<i64> {
    priors
        .iter()
        .filter(|p| {
            p.received_at <= probe.received_at && probe.received_at - p.received_at <= window
        })
        .filter(|p| {
            let same_enterprise =
                probe.enterprise.is_some() && p.enterprise.as_deref() == probe.enterprise;
            let same_grid_and_category = probe.grid.is_some()
                && p.grid.as_deref() == probe.grid
                && p.categories.iter().any(|c| probe.categories.contains(c));
            same_enterprise || same_grid_and_category
        })
        .max_by_key(|p| (p.received_at, p.id))
        .map(|p| p.repeat_of.unwrap_or(p.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn prior(
        id: i64,
        at: &str,
        grid: &str,
        ent: Option<&str>,
        cat: Category,
        of: Option<i64>,
    ) -> Prior {
        Prior {
            id,
            received_at: t(at),
            grid: Some(grid.into()),
            enterprise: ent.map(Into::into),
            categories: vec![cat],
            repeat_of: of,
        }
    }

    #[test]
    fn same_grid_and_category_within_window_points_at_the_chain_start() {
        let priors = [
            prior(1, "2026-11-01T10:00:00Z", "T01", None, Category::Air, None),
            prior(
                5,
                "2026-11-20T10:00:00Z",
                "T01",
                None,
                Category::Air,
                Some(1),
            ),
        ];
        let probe = Probe {
            received_at: t("2026-11-30T10:00:00Z"),
            grid: Some("T01"),
            enterprise: None,
            categories: &[Category::Air, Category::Noise],
        };
        assert_eq!(find_repeat(probe, &priors, Duration::days(30)), Some(1));
    }

    #[test]
    fn other_category_or_outside_window_is_not_a_repeat() {
        let priors = [prior(
            1,
            "2026-10-01T10:00:00Z",
            "T01",
            None,
            Category::Air,
            None,
        )];
        let mut probe = Probe {
            received_at: t("2026-11-30T10:00:00Z"),
            grid: Some("T01"),
            enterprise: None,
            categories: &[Category::Air],
        };
        assert_eq!(
            find_repeat(probe, &priors, Duration::days(30)),
            None,
            "61 days apart"
        );
        probe.received_at = t("2026-10-02T10:00:00Z");
        probe.categories = &[Category::Water];
        assert_eq!(
            find_repeat(probe, &priors, Duration::days(30)),
            None,
            "other category"
        );
    }

    #[test]
    fn same_enterprise_matches_across_grids_and_categories() {
        let priors = [prior(
            3,
            "2026-11-29T10:00:00Z",
            "T02",
            Some("E0101"),
            Category::Water,
            None,
        )];
        let probe = Probe {
            received_at: t("2026-11-30T10:00:00Z"),
            grid: Some("T01"),
            enterprise: Some("E0101"),
            categories: &[Category::Air],
        };
        assert_eq!(find_repeat(probe, &priors, Duration::days(30)), Some(3));
    }

    /// The window's edge: exactly `repeat_window_days` after the earlier
    /// complaint is still a repeat; one second more is not.
    #[rstest::rstest]
    #[case::exactly_30_days("2026-11-01T10:00:00Z", Some(1))]
    #[case::thirty_days_and_one_second("2026-11-01T10:00:01Z", None)]
    #[case::one_second_before_the_edge("2026-11-01T09:59:59Z", Some(1))]
    #[case::same_instant("2026-10-02T10:00:00Z", Some(1))]
    fn the_window_edge(#[case] at: &str, #[case] want: Option<i64>) {
        let priors = [prior(
            1,
            "2026-10-02T10:00:00Z",
            "T01",
            Some("E1"),
            Category::Air,
            None,
        )];
        for (grid, ent) in [(Some("T01"), None), (None, Some("E1"))] {
            let probe = Probe {
                received_at: t(at),
                grid,
                enterprise: ent,
                categories: &[Category::Air],
            };
            assert_eq!(
                find_repeat(probe, &priors, Duration::days(30)),
                want,
                "{at} {grid:?} {ent:?}"
            );
        }
    }

    #[test]
    fn a_later_complaint_is_never_the_earlier_one() {
        let priors = [prior(
            2,
            "2026-11-02T10:00:00Z",
            "T01",
            None,
            Category::Air,
            None,
        )];
        let probe = Probe {
            received_at: t("2026-11-02T09:59:59Z"),
            grid: Some("T01"),
            enterprise: None,
            categories: &[Category::Air],
        };
        assert_eq!(find_repeat(probe, &priors, Duration::days(30)), None);
    }
}
