//! The Incidents screen and the incident view's state.
//!
//! Owns: which incidents the screen lists (open ones first, in the store's
//! order of urgency, then closed ones), which one is selected (by id, so the
//! selection follows it across refreshes), and for the incident view that is
//! open: its section and the cursor in each section. Nothing here does IO or
//! draws; `view::incident` and `view::screens::incidents` read it.

use crate::domain::incident::IncidentRow;
use crate::i18n::{Lang, T};

/// The Incidents screen's rows and selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incidents {
    /// Indexes into `Snapshot::incidents`, in display order.
    pub rows: Vec<usize>,
    /// A position in `rows`.
    pub selected: usize,
    /// The incident selected, by id.
    pub id: Option<i64>,
    /// An incident to select as soon as it is listed (one just opened:
    /// the console hears it was opened before the next snapshot lists it).
    pub wanted: Option<i64>,
}

impl Incidents {
    /// Re-list `all` after the data or the filter changed; the selection
    /// stays on its incident while it is listed.
    pub fn derive(&mut self, all: &[IncidentRow], filter: &str) {
        let mut rows: Vec<usize> = (0..all.len())
            .filter(|&i| matches(&all[i], filter))
            .collect();
        // Open ones first; within each, the store's order (stable sort).
        rows.sort_by_key(|&i| !all[i].status.is_open());
        self.rows = rows;
        if let Some(w) = self
            .wanted
            .filter(|w| self.rows.iter().any(|&i| all[i].id == *w))
        {
            self.id = Some(w);
            self.wanted = None;
        }
        if let Some(pos) = self
            .id
            .and_then(|id| self.rows.iter().position(|&i| all[i].id == id))
        {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.id = self.selected_in(all).map(|r| r.id).or(self.id);
    }

    pub fn up(&mut self, all: &[IncidentRow]) {
        self.selected = self.selected.saturating_sub(1);
        self.id = self.selected_in(all).map(|r| r.id);
    }

    pub fn down(&mut self, all: &[IncidentRow]) {
        self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1));
        self.id = self.selected_in(all).map(|r| r.id);
    }

    pub fn selected_in<'a>(&self, all: &'a [IncidentRow]) -> Option<&'a IncidentRow> {
        self.rows.get(self.selected).and_then(|&i| all.get(i))
    }
}

/// Does incident `r` match every word of `filter`: its id, level, grid,
/// status or words of its name (either language)?
fn matches(r: &IncidentRow, filter: &str) -> bool {
    filter.to_lowercase().split_whitespace().all(|w| {
        r.id.to_string() == w
            || r.level.to_lowercase() == w
            || r.grid.to_lowercase().starts_with(w)
            || r.status.id().starts_with(w)
            || [Lang::En, Lang::Zh].iter().any(|l| {
                crate::words::incident::status(r.status)
                    .get(*l)
                    .starts_with(w)
            })
            || r.name.en.to_lowercase().contains(w)
            || r.name.zh.contains(w)
            || r.place
                .as_deref()
                .is_some_and(|p| p.to_lowercase().contains(w))
    })
}

/// A part of the incident view; `←` `→` move between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Checklist,
    People,
    Equipment,
    Timeline,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Checklist,
        Section::People,
        Section::Equipment,
        Section::Timeline,
    ];

    fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Section {
        Section::ALL[(self.index() + 1) % Section::ALL.len()]
    }

    pub fn previous(self) -> Section {
        let n = Section::ALL.len();
        Section::ALL[(self.index() + n - 1) % n]
    }

    pub fn title(self) -> T {
        match self {
            Section::Checklist => T::IncUiChecklist,
            Section::People => T::IncUiPeople,
            Section::Equipment => T::IncUiEquipment,
            Section::Timeline => T::IncUiTimeline,
        }
    }
}

/// The incident view that is open: which incident, which section has the
/// cursor, and where the cursor is in each section (a step, a person, an
/// item; for the timeline, how many entries from the newest it is scrolled).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncidentView {
    pub id: i64,
    pub section: Section,
    pub cursor: [usize; 4],
}

impl IncidentView {
    pub fn new(id: i64) -> Self {
        IncidentView {
            id,
            ..Default::default()
        }
    }

    /// The cursor of the section that has it.
    pub fn at(&self) -> usize {
        self.cursor[self.section.index()]
    }

    /// The cursor of `section`.
    pub fn cursor_of(&self, section: Section) -> usize {
        self.cursor[section.index()]
    }

    /// Move the cursor `delta` rows within a section of `len` rows.
    pub fn step(&mut self, delta: i32, len: usize) {
        let c = &mut self.cursor[self.section.index()];
        *c = if delta < 0 {
            c.saturating_sub(delta.unsigned_abs() as usize)
        } else {
            (*c + delta as usize).min(len.saturating_sub(1))
        };
    }

    /// Keep every cursor inside its section after the data changed.
    pub fn clamp(&mut self, lens: [usize; 4]) {
        for (c, len) in self.cursor.iter_mut().zip(lens) {
            *c = (*c).min(len.saturating_sub(1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::incident::{Bilingual, IncidentStatus, Severity};

    fn row(id: i64, status: IncidentStatus) -> IncidentRow {
        let t = "2026-11-30T01:00:00Z".parse().unwrap();
        IncidentRow {
            id,
            plan: "water-pollution".into(),
            kind: "water_pollution".into(),
            name: Bilingual::new("River pollution", "河流水污染"),
            level: "III".into(),
            severity: Severity::Known(crate::domain::incident::Level::III),
            status,
            drill: false,
            grid: format!("T0{id}"),
            place: None,
            complaint_id: None,
            summary: None,
            discovered_at: t,
            opened_at: t,
            first_on_scene_at: None,
            closed_at: None,
            steps_total: 5,
            steps_settled: 1,
            next_step: Some(2),
            next_step_due_at: Some(t),
            initial_report_due_at: Some(t),
            initial_report_sent_at: None,
        }
    }

    #[test]
    fn open_incidents_come_first_and_the_selection_follows_its_incident() {
        use IncidentStatus::*;
        let mut all = vec![row(1, Closed), row(2, Active), row(3, Stable)];
        let mut s = Incidents::default();
        s.derive(&all, "");
        let ids: Vec<i64> = s.rows.iter().map(|&i| all[i].id).collect();
        assert_eq!(ids, vec![2, 3, 1]);
        s.down(&all);
        assert_eq!(s.id, Some(3));
        // A new incident listed before it: the selection stays on #3.
        all.insert(0, row(4, Active));
        s.derive(&all, "");
        assert_eq!(s.selected_in(&all).map(|r| r.id), Some(3));
        s.down(&all);
        s.down(&all);
        s.down(&all);
        assert_eq!(
            s.selected_in(&all).map(|r| r.id),
            Some(1),
            "stops at the end"
        );
        s.derive(&all, "河流 t04");
        assert_eq!(s.selected_in(&all).map(|r| r.id), Some(4));
        s.derive(&all, "nothing-like-this");
        assert!(s.rows.is_empty() && s.selected_in(&all).is_none());
    }

    #[test]
    fn the_view_cursor_stays_in_its_section_and_sections_cycle() {
        let mut v = IncidentView::new(7);
        v.step(1, 3);
        v.step(1, 3);
        v.step(1, 3);
        assert_eq!(v.at(), 2, "stops at the last step");
        v.section = v.section.next();
        assert_eq!(v.section, Section::People);
        assert_eq!(v.at(), 0, "each section has its own cursor");
        v.step(-1, 4);
        assert_eq!(v.at(), 0);
        v.section = v.section.previous().previous();
        assert_eq!(v.section, Section::Timeline);
        v.clamp([1, 0, 0, 0]);
        assert_eq!(v.cursor_of(Section::Checklist), 0, "a step removed");
    }
}
