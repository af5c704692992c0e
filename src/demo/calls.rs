//! The simulated public: complaints as people phone, post or write them,
//! about the county's enterprises and villages. Most are about something
//! new; now and then someone reports the same thing again (a repeat, 重复件).
//!
//! Repeats are decided by intake, not here (same enterprise, or same grid
//! and category, within the repeat window): so the caller remembers what it
//! reported and picks a place and category nobody reported lately, except
//! when it means to repeat. Over a long drill the fresh choices run out and
//! repeats become as common as in a real county.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use super::rng::Rng;
use crate::config::Config;
use crate::domain::complaint::Category;

/// What people say, by category: 中文 / English, as the demo county writes.
const SAID: &[(Category, &str)] = &[
    (
        Category::Air,
        "烟囱冒黑烟，气味刺鼻 / black smoke from the stack, acrid smell",
    ),
    (
        Category::Air,
        "夜间偷排废气，附近居民咳嗽 / waste gas vented at night",
    ),
    (
        Category::Air,
        "露天焚烧垃圾，浓烟很大 / rubbish burnt in the open, thick smoke",
    ),
    (
        Category::Water,
        "排污口流出黄色污水进入河道 / yellow effluent into the river",
    ),
    (
        Category::Water,
        "河面出现大量死鱼 / many dead fish on the river",
    ),
    (
        Category::Water,
        "养殖场粪水直排水塘 / manure from a farm into the pond",
    ),
    (
        Category::Noise,
        "夜间施工噪声扰民 / construction noise after 22:00",
    ),
    (
        Category::Noise,
        "厂区设备轰鸣影响休息 / machinery roaring all night",
    ),
    (
        Category::SolidWaste,
        "路边倾倒工业固废 / industrial waste dumped by the road",
    ),
    (
        Category::SolidWaste,
        "废油桶堆放在河边 / drums of waste oil stacked by the river",
    ),
    (
        Category::Ecology,
        "山体被挖，植被破坏 / hillside dug up, vegetation destroyed",
    ),
    (
        Category::Radiation,
        "工地探伤设备无人看管 / radiography source left unattended",
    ),
    (
        Category::Other,
        "不明气味弥漫村庄 / unknown odour over the village",
    ),
];

/// How often each category is reported, in the order of `Category::ALL`.
const CATEGORY_WEIGHTS: [u32; 7] = [30, 20, 24, 12, 1, 6, 7];

const SOURCES: [(&str, u32); 8] = [
    ("hotline", 40),
    ("phone", 15),
    ("web", 12),
    ("wechat", 18),
    ("letter", 2),
    ("visit", 3),
    ("referral", 6),
    ("media", 4),
];

const NAMES: [&str; 8] = [
    "王先生",
    "李女士",
    "张师傅",
    "刘阿姨",
    "陈先生",
    "赵女士",
    "周大爷",
    "吴老师",
];

/// Where a complaint is about: what the record says and the grid intake will give it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    enterprise: Option<String>,
    address: String,
    grid: Option<String>,
}

/// One complaint the caller reported.
#[derive(Debug, Clone)]
struct Said {
    at: DateTime<Utc>,
    place: Place,
    category: Category,
}

/// One complaint to deliver.
#[derive(Debug, Clone)]
pub struct Call {
    pub external_ref: String,
    pub record: Value,
    /// The caller meant it as a repeat of an earlier report.
    pub repeat: bool,
}

pub struct Caller {
    rng: Rng,
    n: u64,
    said: Vec<Said>,
}

/// How many fresh choices to try before settling for one reported lately.
const TRIES: usize = 16;
/// How often a caller reports the same thing again on purpose.
const REPEAT_CHANCE: f64 = 0.08;

impl Caller {
    pub fn new(seed: u64) -> Self {
        Caller {
            rng: Rng::new(seed),
            n: 0,
            said: Vec::new(),
        }
    }

    /// A complaint received at `received_at`.
    pub fn call(&mut self, config: &Config, received_at: DateTime<Utc>) -> Call {
        let window = config.settings.repeat_window;
        self.said.retain(|s| received_at - s.at <= window);
        let recent: Vec<&Said> = self
            .said
            .iter()
            .filter(|s| received_at - s.at <= Duration::hours(3))
            .collect();
        let again = if !recent.is_empty() && self.rng.chance(REPEAT_CHANCE) {
            self.rng
                .pick(&recent)
                .map(|s| (s.place.clone(), s.category))
        } else {
            None
        };
        let repeat = again.is_some();
        let (place, category) = match again {
            Some(x) => x,
            None => self.fresh(config),
        };
        self.n += 1;
        let call = self.record(config, received_at, &place, category, repeat);
        self.said.push(Said {
            at: received_at,
            place,
            category,
        });
        call
    }

    /// A place and category that no recent report shares, if one is found.
    fn fresh(&mut self, config: &Config) -> (Place, Category) {
        let mut choice = (self.place(config), self.category());
        for _ in 0..TRIES {
            if !self.said.iter().any(|s| collides(s, &choice.0, choice.1)) {
                break;
            }
            choice = (self.place(config), self.category());
        }
        choice
    }

    fn category(&mut self) -> Category {
        Category::ALL[self.rng.weighted(&CATEGORY_WEIGHTS)]
    }

    /// An enterprise (a third of the time) or a spot in a village.
    fn place(&mut self, config: &Config) -> Place {
        let register = config.enterprises.current();
        let ents: Vec<_> = register.values().collect();
        if !ents.is_empty() && self.rng.chance(0.35) {
            let e = ents[self.rng.below(ents.len())];
            let (grid, _) = config.grids.resolve(None, Some(e), Some(&e.address));
            return Place {
                enterprise: Some(e.id.clone()),
                address: e.address.clone(),
                grid: grid.map(|g| g.id.clone()),
            };
        }
        let villages: Vec<_> = config
            .grids
            .iter()
            .filter(|g| g.level == 3 && !g.aliases.is_empty())
            .collect();
        let address = match self.rng.pick(&villages) {
            Some(v) => {
                let alias = self.rng.pick(&v.aliases).cloned().unwrap_or_default();
                format!(
                    "{alias}{}组{}号附近",
                    1 + self.rng.below(9),
                    1 + self.rng.below(80)
                )
            }
            None => format!("城区{}号附近", 1 + self.rng.below(120)),
        };
        let (grid, _) = config.grids.resolve(None, None, Some(&address));
        Place {
            enterprise: None,
            address,
            grid: grid.map(|g| g.id.clone()),
        }
    }

    fn record(
        &mut self,
        config: &Config,
        received_at: DateTime<Utc>,
        place: &Place,
        category: Category,
        repeat: bool,
    ) -> Call {
        let texts: Vec<&str> = SAID
            .iter()
            .filter(|(c, _)| *c == category)
            .map(|(_, t)| *t)
            .collect();
        let text = self.rng.pick(&texts).copied().unwrap_or("");
        let description = if repeat {
            let (zh, en) = text.split_once(" / ").unwrap_or((text, text));
            format!("又来反映：{zh} / reported again: {en}")
        } else {
            text.to_string()
        };
        let weights: Vec<u32> = SOURCES.iter().map(|(_, w)| *w).collect();
        let source = SOURCES[self.rng.weighted(&weights)].0;
        let external_ref = format!("DEMO-{:05}", self.n);
        let mut record = json!({
            "source": source,
            "external_ref": external_ref,
            "received_at": received_at.with_timezone(&config.settings.timezone).to_rfc3339(),
            "category": category.as_str(),
            "description": description,
            "location": {"address": place.address},
        });
        record["reporter"] = if self.rng.chance(0.15) {
            json!({"anonymous": true})
        } else {
            let name = NAMES[self.rng.below(NAMES.len())];
            json!({"name": name, "phone": format!("139{:08}", self.rng.below(100_000_000))})
        };
        if let Some(e) = &place.enterprise {
            record["enterprise"] = json!(e);
        }
        record["location"] = super::point::location(
            config,
            place.grid.as_deref(),
            &place.address,
            source,
            self.n,
        );
        Call {
            external_ref,
            record,
            repeat,
        }
    }
}

/// Would a report at `place` about `category` repeat `s` (the intake rule)?
fn collides(s: &Said, place: &Place, category: Category) -> bool {
    let same_enterprise = place.enterprise.is_some() && s.place.enterprise == place.enterprise;
    let same_grid = place.grid.is_some() && s.place.grid == place.grid;
    same_enterprise || (same_grid && s.category == category)
}
