//! The shapes of the configuration files, as written. Validation of what the
//! values mean lives in `validate.rs` and the checks it runs; these only say
//! which keys exist.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct SettingsFile {
    pub timezone: String,
    pub language: String,
    pub repeat_window_days: u32,
    pub database: DatabaseSection,
    pub spool: SpoolSection,
    pub http: HttpSection,
    pub deadlines: DeadlinesSection,
    pub escalation: EscalationSection,
    pub refresh: RefreshSection,
    pub alerts: AlertsSection,
    pub limits: LimitsSection,
    pub bureau: BureauSection,
    pub patrol: PatrolSection,
}

impl Default for SettingsFile {
    fn default() -> Self {
        SettingsFile {
            timezone: "Asia/Shanghai".into(),
            language: "en".into(),
            repeat_window_days: 30,
            database: DatabaseSection::default(),
            spool: SpoolSection::default(),
            http: HttpSection::default(),
            deadlines: DeadlinesSection::default(),
            escalation: EscalationSection::default(),
            refresh: RefreshSection::default(),
            alerts: AlertsSection::default(),
            limits: LimitsSection::default(),
            bureau: BureauSection::default(),
            patrol: PatrolSection::default(),
        }
    }
}

/// `[patrol]` (#11): days between inspections of a pollution source by
/// control level, and how recent trouble shortens them.
#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct PatrolSection {
    pub national_days: u32,
    pub provincial_days: u32,
    pub provincial_env_safety_days: u32,
    pub city_days: u32,
    pub county_days: u32,
    pub general_days: u32,
    pub recent_days: u32,
    pub shorten_percent: u32,
    pub min_days: u32,
}

impl Default for PatrolSection {
    fn default() -> Self {
        let r = crate::domain::patrol::PatrolRule::default();
        let [
            national_days,
            provincial_days,
            provincial_env_safety_days,
            city_days,
            county_days,
            general_days,
        ] = r.interval_days;
        PatrolSection {
            national_days,
            provincial_days,
            provincial_env_safety_days,
            city_days,
            county_days,
            general_days,
            recent_days: r.recent_days,
            shorten_percent: r.shorten_percent,
            min_days: r.min_days,
        }
    }
}

/// The reporting unit an incident report names, and its contact.
#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct BureauSection {
    pub name: String,
    pub name_zh: String,
    pub duty_phone: String,
}

impl Default for BureauSection {
    fn default() -> Self {
        BureauSection {
            name: "Ecology and Environment Bureau".into(),
            name_zh: "生态环境局".into(),
            duty_phone: "12369".into(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct DatabaseSection {
    pub path: String,
}

impl Default for DatabaseSection {
    fn default() -> Self {
        DatabaseSection {
            path: "gridwatch.db".into(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct SpoolSection {
    pub dir: String,
    pub rescan_interval_seconds: u64,
}

impl Default for SpoolSection {
    fn default() -> Self {
        SpoolSection {
            dir: "spool".into(),
            rescan_interval_seconds: 5,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct HttpSection {
    pub bind: String,
    pub api_keys: Vec<String>,
    /// The Open311 jurisdiction this endpoint serves; empty: any is accepted.
    pub jurisdiction_id: String,
    /// Time allowed for a request's headers; also ends idle keep-alive connections.
    pub header_timeout_seconds: u64,
    /// Open connections at most; 0: as many as the descriptor limit allows.
    pub max_connections: usize,
}

impl Default for HttpSection {
    fn default() -> Self {
        HttpSection {
            bind: "127.0.0.1:8311".into(),
            api_keys: Vec::new(),
            jurisdiction_id: String::new(),
            header_timeout_seconds: 10,
            max_connections: 0,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct DeadlinesSection {
    pub day_window: String,
    pub workday_day_minutes: u32,
    pub off_hours_minutes: u32,
    pub warn_before_minutes: u32,
}

impl Default for DeadlinesSection {
    fn default() -> Self {
        DeadlinesSection {
            day_window: "08:00-18:00".into(),
            workday_day_minutes: 30,
            off_hours_minutes: 60,
            warn_before_minutes: 10,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct EscalationSection {
    pub stages: Vec<StageEntry>,
}

impl Default for EscalationSection {
    fn default() -> Self {
        let stage = |name: &str, offset_minutes, target: &str| StageEntry {
            name: name.into(),
            offset_minutes,
            target: target.into(),
        };
        EscalationSection {
            stages: vec![
                stage("warn", -10, "grid_on_call"),
                stage("breach", 0, "parent_grid_leader"),
                stage("critical", 30, "city_duty_leader"),
            ],
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageEntry {
    pub name: String,
    pub offset_minutes: i64,
    pub target: String,
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct RefreshSection {
    pub poll_interval_ms: u64,
    pub heartbeat_interval_seconds: u64,
    pub heartbeat_stale_after_seconds: u64,
}

impl Default for RefreshSection {
    fn default() -> Self {
        RefreshSection {
            poll_interval_ms: 100,
            heartbeat_interval_seconds: 5,
            heartbeat_stale_after_seconds: 30,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct AlertsSection {
    pub desktop: bool,
    pub bell: bool,
    pub command: Vec<String>,
    pub command_timeout_seconds: u64,
    pub command_attempts: u32,
    pub retry_backoff_ms: u64,
}

impl Default for AlertsSection {
    fn default() -> Self {
        AlertsSection {
            desktop: true,
            bell: true,
            command: Vec::new(),
            command_timeout_seconds: 10,
            command_attempts: 5,
            retry_backoff_ms: 2000,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct LimitsSection {
    /// A `.json` file (object or array) is parsed whole: keep it bounded.
    pub max_json_file_mib: u64,
    /// A `.jsonl` file is streamed line by line.
    pub max_jsonl_file_mib: u64,
    pub max_record_kib: u64,
    pub max_description_chars: usize,
    pub max_text_chars: usize,
    /// A `received_at` older than this is refused as implausible.
    pub max_received_age_days: u32,
}

impl Default for LimitsSection {
    fn default() -> Self {
        LimitsSection {
            max_json_file_mib: 16,
            max_jsonl_file_mib: 256,
            max_record_kib: 64,
            max_description_chars: 4000,
            max_text_chars: 200,
            max_received_age_days: 365,
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct GridsFile {
    #[serde(default)]
    pub grid: Vec<GridEntry>,
}

#[derive(Debug, Deserialize)]
pub struct GridEntry {
    pub id: String,
    pub name: String,
    pub level: u8,
    pub parent: Option<String>,
    pub first_responsible: Option<String>,
    pub main_responsible: Option<String>,
    #[serde(default)]
    pub specific_responsible: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct OfficersFile {
    #[serde(default)]
    pub officer: Vec<OfficerEntry>,
}

#[derive(Debug, Deserialize)]
pub struct OfficerEntry {
    pub id: String,
    pub name: String,
    pub phone: String,
    pub role: String,
    pub grid: Option<String>,
    /// Linked pollution sources (#11), national-control ones first.
    #[serde(default)]
    pub enterprises: Vec<String>,
    /// Linked townships (level-2 grids, #11).
    #[serde(default)]
    pub townships: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct EnterprisesFile {
    #[serde(default)]
    pub enterprise: Vec<EnterpriseEntry>,
}

#[derive(Debug, Deserialize)]
pub struct EnterpriseEntry {
    pub id: String,
    pub name: String,
    pub grid: String,
    pub control_level: String,
    pub address: String,
    // The census of the register (#11); every one may be left out.
    pub industry: Option<String>,
    pub eia: Option<String>,
    pub three_simultaneities: Option<String>,
    pub permit: Option<String>,
    #[serde(default)]
    pub pollutants: Vec<String>,
    pub discharge_to: Option<String>,
    #[serde(default)]
    pub receptors: Vec<String>,
    pub registered: Option<toml::value::Datetime>,
    pub last_inspected: Option<toml::value::Datetime>,
}

#[derive(Debug, Deserialize)]
pub struct RosterFile {
    #[serde(default)]
    pub shift: Vec<ShiftEntry>,
    #[serde(default)]
    pub duty: Vec<DutyEntry>,
    #[serde(default, rename = "override")]
    pub overrides: Vec<OverrideEntry>,
}

#[derive(Debug, Deserialize)]
pub struct ShiftEntry {
    pub name: String,
    pub hours: String,
}

#[derive(Debug, Deserialize)]
pub struct DutyEntry {
    pub grid: String,
    pub days: Vec<String>,
    pub shift: String,
    pub primary: String,
    pub backup: Option<String>,
    pub leader: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct OverrideEntry {
    pub grid: String,
    pub date: toml::value::Datetime,
    pub shift: String,
    pub primary: Option<String>,
    pub backup: Option<String>,
    pub leader: Option<String>,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
pub struct CalendarFile {
    pub year: i32,
    /// Where the arrangement was published; provenance for people, unused by the rules.
    #[serde(default)]
    #[allow(dead_code)]
    pub source: String,
    #[serde(default)]
    pub holiday: Vec<HolidayEntry>,
}

#[derive(Debug, Deserialize)]
pub struct HolidayEntry {
    pub name: String,
    #[serde(default)]
    pub off: Vec<toml::value::Datetime>,
    #[serde(default)]
    pub work: Vec<toml::value::Datetime>,
}
