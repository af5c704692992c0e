//! An emergency plan and an inventory built in code, as the configuration
//! would load them (the shipped plans live with the configuration).

use gridwatch::config::Config;
use gridwatch::domain::incident::{
    Bilingual, Depot, DueOffsets, Item, ItemKind, ItemNeed, Level, Plan, PlanStep, ReportRules,
    RoleNeed,
};

/// `minutes`, and `grave` for levels I and II.
pub fn grave_earlier(minutes: i64, grave: i64) -> DueOffsets {
    let mut d = DueOffsets::flat(minutes);
    d.by_level.insert(Level::I, grave);
    d.by_level.insert(Level::II, grave);
    d
}

/// Steps due 30, 60, 240 (120 at I/II) and 90 min after discovery; the
/// initial report 240 min (120 at I/II); the final one a week after closing.
pub fn water_plan() -> Plan {
    let step = |en: &str, zh: &str, role: &str, due: DueOffsets| PlanStep {
        text: Bilingual::new(en, zh),
        role: role.into(),
        due,
    };
    Plan {
        id: "water-pollution".into(),
        kind: "water_pollution".into(),
        name: Bilingual::new("River or water pollution", "水污染事件"),
        steps: vec![
            step(
                "Phone report to the city bureau",
                "电话报告市局",
                "liaison",
                DueOffsets::flat(30),
            ),
            step(
                "Written report",
                "书面报告",
                "liaison",
                DueOffsets::flat(60),
            ),
            step(
                "Upward report",
                "向上级报告",
                "liaison",
                grave_earlier(240, 120),
            ),
            step(
                "Monitoring on site",
                "现场监测",
                "monitoring",
                DueOffsets::flat(90),
            ),
        ],
        roles: vec![
            RoleNeed {
                role: "commander".into(),
                name: Bilingual::new("on-scene commander", "现场指挥"),
                count: 1,
            },
            RoleNeed {
                role: "monitoring".into(),
                name: Bilingual::new("monitoring", "监测"),
                count: 2,
            },
        ],
        items: vec![
            ItemNeed {
                item: "sandbag".into(),
                quantity: 100,
            },
            ItemNeed {
                item: "water_analyser".into(),
                quantity: 1,
            },
        ],
        reports: ReportRules {
            initial: grave_earlier(240, 120),
            final_after_close_minutes: Some(7 * 24 * 60),
        },
    }
}

/// `config` with the water plan, sandbags and water analysers, and two
/// depots: D1 in T03 (120 sandbags), D2 in T01 (50); two analysers each.
pub fn stocked(mut config: Config) -> Config {
    config.plans.insert("water-pollution".into(), water_plan());
    let item = |id: &str, kind| Item {
        id: id.into(),
        name: Bilingual::new(id, id),
        unit: Bilingual::new("pcs", "个"),
        kind,
    };
    config
        .inventory
        .items
        .insert("sandbag".into(), item("sandbag", ItemKind::Material));
    config.inventory.items.insert(
        "water_analyser".into(),
        item("water_analyser", ItemKind::Equipment),
    );
    let depot = |id: &str, grid: &str, sandbags: u32| Depot {
        id: id.into(),
        name: format!("depot {id}"),
        grid: grid.into(),
        stock: [
            ("sandbag".to_string(), sandbags),
            ("water_analyser".to_string(), 2),
        ]
        .into(),
        counted_at: None,
    };
    config
        .inventory
        .depots
        .insert("D1".into(), depot("D1", "T03", 120));
    config
        .inventory
        .depots
        .insert("D2".into(), depot("D2", "T01", 50));
    config
}
