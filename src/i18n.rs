//! Every user-facing string of the consoles, in English and Chinese.
//!
//! Owns: the language switch and the text table. Views and the keymap ask for
//! a [`T`] key; they never hold literal UI text themselves.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}

macro_rules! texts {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        /// A UI string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),* }

        impl T {
            /// Every text of the table (for tests that check a language is whole).
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::En) => $en, (T::$key, Lang::Zh) => $zh,)*
                }
            }
        }
    };
}

texts! {
    Title => "gridwatch duty room", "gridwatch 环境监管值班室";
    WorkingDay => "Working day", "工作日";
    MakeupDay => "Make-up working day", "调休工作日";
    Weekend => "Weekend", "周末";
    Holiday => "Holiday", "节假日";
    Night => "Night", "夜间";
    NoCalendar => "NO CALENDAR", "缺少节假日日历";
    DaemonOk => "intake OK", "接收 正常";
    DaemonStale => "intake STALE", "接收 停滞";
    DaemonNever => "intake DOWN", "接收 未运行";
    DaemonElsewhere => "intake on another database", "接收 写入其他数据库";
    DaemonStopped => "intake STOPPED", "接收 已停止";
    DatabaseReplaced => "DATABASE REPLACED", "数据库文件已被替换";
    DatabaseLabel => "db", "数据库";
    Drill => "DRILL", "演练";
    FixedClock => "FIXED CLOCK", "固定时钟";
    Open => "open", "未结";
    DueSoon => "due ≤10m", "将超时";
    Breached => "breached", "已超时";
    Unassigned => "UNASSIGNED", "未分配";
    ColId => "ID", "编号";
    ColGrid => "Grid", "网格";
    ColCategory => "Category", "类别";
    ColPlace => "Place", "地点";
    ColReceived => "Recv", "受理";
    ColLeft => "Left", "剩余";
    ColStatus => "Status", "状态";
    ColOnCall => "On call", "值班人";
    ColRepeat => "Rpt", "重复";
    ColTime => "Time", "时间";
    ColActor => "Who", "操作人";
    ColAction => "Action", "操作";
    ActorIntake => "intake", "接收程序";
    ActorDemoField => "the field (drill)", "现场（演练）";
    ActorEscalator => "escalation", "自动升级";
    HintIntakeDown => "The intake daemon is not running: start it with `gridwatch intake`. Until it runs, nothing new arrives and no automatic escalation fires.",
        "接收程序未运行：请用 `gridwatch intake` 启动。启动前不会收到新举报，也不会自动升级。";
    HintIntakeElsewhere => "The intake daemon writes to another database: start `gridwatch intake` on this one, or open its database.",
        "接收程序写入的是另一个数据库：请在本数据库上启动 `gridwatch intake`，或打开它的数据库。";
    ColSubject => "About", "对象";
    AuditFile => "file {id}", "文件 {id}";
    ColDetails => "Details", "详情";
    LiveComplaints => "Live complaints", "实时举报";
    AllComplaints => "All complaints", "全部举报";
    OnCallPanel => "On call now", "当前值班";
    Escalations => "Escalations", "升级告警";
    ArrivalsPerHour => "Arrivals / h (max {max})", "每小时到场（最高 {max}）";
    Now => "now", "现在";
    HoursAgo => "{n} h ago", "{n} 小时前";
    AuditLog => "Audit log (newest first)", "审计日志（最新在前）";
    Detail => "Complaint", "举报详情";
    Loading => "Reading the database…", "正在读取数据库…";
    NoComplaints => "No open complaints. All quiet.", "暂无未结举报。";
    NothingMatches => "Nothing matches /{filter} — Esc clears the filter", "没有符合 /{filter} 的举报 — 按 Esc 清除筛选";
    Primary => "primary", "主班";
    Backup => "backup", "副班";
    Leader => "leader", "带班";
    Sent => "sent", "已派";
    ScreenDashboard => "Dashboard", "总览";
    ScreenComplaints => "Complaints", "举报";
    ScreenAudit => "Audit", "审计";
    Help => "Keys", "快捷键";
    HelpFooter => "any key closes", "按任意键关闭";
    HelpFooterScroll => "↑↓ scroll · any other key closes", "↑↓ 滚动 · 其他任意键关闭";
    Symbols => "What the symbols mean", "符号说明";
    SymOk => "time left to be on site (minutes:seconds)", "距到场时限的剩余时间（分:秒）";
    SymSoon => "due within {m} min", "{m} 分钟内到期";
    SymBreached => "past the deadline with nobody on site, counting up", "已超过到场时限且无人到场，持续计时";
    SymOnSite => "an officer is on site (“late” with how late, when after the deadline)", "人员已到场（超时到场则显示“迟到”及迟到时长）";
    SymUnassigned => "no grid yet: assign one", "尚未分配网格：请分配";
    SymRepeated => "this many complaints about the same thing", "同一事项的举报件数";
    SymRepeatOf => "repeats complaint #5", "重复举报，首件为 #5";
    SymTimes => "from an hour: hours:minutes:seconds", "超过一小时：时:分:秒";
    StatusReady => "Ready. Press ? for keys.", "就绪。按 ? 查看快捷键。";
    QuitConfirm => "Quit gridwatch? y = quit, any other key = stay", "退出 gridwatch？y 退出，其他键取消";
    FilterPrompt => "Filter: breached, due, unassigned, open, closed, a grid, category, officer or any text; Enter applies, Esc clears",
        "筛选：超时、将超时、未分配、未结、已办结、网格、类别、人员或任意文字；回车应用，Esc 清除";
    FormArrive => "Log arrival", "登记到场";
    FormDispatch => "Dispatch", "派单";
    FormEscalate => "Escalate", "升级";
    FormResolve => "Resolve", "办结";
    FormNew => "New complaint (phone call)", "新建举报（来电）";
    FieldComplaint => "Complaint", "举报";
    FieldOfficer => "Officer", "人员";
    FieldTime => "Arrived at (HH:MM)", "到场时间 (HH:MM)";
    FieldNote => "Note", "备注";
    FieldReason => "Reason", "原因";
    FieldTarget => "Alert", "通知";
    FieldOutcome => "Outcome", "结果";
    FieldCategory => "Category", "类别";
    FieldAddress => "Address", "地址";
    FieldDescription => "Description", "描述";
    FieldPhone => "Caller phone", "来电号码";
    FieldDeadline => "Deadline", "到场时限";
    FormHint => "Tab next field · Enter confirm · Esc cancel", "Tab 下一项 · 回车确认 · Esc 取消";
    NothingSelected => "No complaint selected", "未选择举报";
    Saved => "Saved", "已保存";
    AlertBanner => "ALERT", "告警";
    NotifyUnavailable => "Desktop notifications unavailable; bell and banner only", "桌面通知不可用；仅响铃和横幅提示";
    NewComplaintAlert => "New complaint", "新举报";
    Reason => "Regime", "时限依据";
    Reporter => "Reporter", "举报人";
    Location => "Location", "位置";
    Enterprise => "Enterprise", "企业";
    Repeats => "Repeat of", "重复于";
    Trail => "Trail", "处理记录";
    Description => "Description", "描述";
    KeyUp => "previous row", "上一行";
    KeyDown => "next row", "下一行";
    KeyDetail => "open/close detail", "打开/关闭详情";
    KeyArrive => "log arrival (on-call officer, now)", "登记到场（值班人，当前时间）";
    KeyDispatch => "dispatch to an officer", "派单给人员";
    KeyEscalate => "escalate by hand", "手动升级";
    KeyNew => "new complaint from a phone call", "新建来电举报";
    KeyResolve => "resolve with an outcome", "办结";
    KeyFilter => "filter: breached, due, unassigned, open, closed, a grid, category, officer or text", "筛选：超时、将超时、未分配、未结、已办结、网格、类别、人员或文字";
    KeyReveal => "show the reporter's phone in clear (audited)", "显示举报人完整电话（留审计记录）";
    KeySort => "sort the Complaints screen: newest received, deadline, grid, status", "举报列表排序：最新受理、到场时限、网格、状态";
    SortedBy => "sorted by", "排序";
    SortNewest => "newest received", "最新受理";
    SortDeadline => "deadline", "到场时限";
    SortGrid => "grid", "网格";
    SortStatus => "status", "状态";
    KeyAck => "acknowledge the top alert, for every console", "确认最上面的告警（所有控制台同步）";
    KeyNextScreen => "next screen", "下一屏";
    KeyScreen => "go to screen 1-4", "切换到第 1-4 屏";
    KeyHelp => "this help", "本帮助";
    KeyBack => "close the detail, else clear the filter", "关闭详情，否则清除筛选";
    KeyQuit => "quit (asks first)", "退出（需确认）";
    // Why an action was not done, as a console's status line says it.
    ErrNoReason => "An escalation needs a reason.", "升级须填写原因。";
    FormNoDescription => "Say what the caller reports (Description).", "请填写来电反映的情况（描述）。";
    FormRefused => "This complaint cannot be saved: {detail}", "无法保存该举报：{detail}";
    FormChooseOfficer => "Choose an officer (↑↓) or type an id.", "请选择人员（↑↓）或输入编号。";
    FormNotATime => "“{text}” is not a time like 09:41.", "“{text}”不是 09:41 这样的时间。";
    FormNoSuchTimeToday => "{text} does not exist today.", "今天没有 {text} 这个时间。";
    ErrTooLong => "That text is {chars} characters long; at most {max} are kept.", "文字长 {chars} 字，最多保留 {max} 字。";
    ErrNoReopenReason => "A reopened complaint needs a reason.", "重开举报须填写原因。";
    ErrAssignNotOpen => "#{id}: cannot set the grid: the complaint is {arg} (only an open complaint gets a grid).", "#{id}：无法设置网格：该举报{arg}（只有未结举报可以分配网格）。";
    ErrNoSuchComplaint => "There is no complaint #{id}.", "没有编号为 {id} 的举报。";
    ErrNoSuchOfficer => "There is no officer “{officer}” in officers.toml.", "officers.toml 中没有人员“{officer}”。";
    ErrIllegal => "#{id}: cannot {action}: the complaint is {status}{hint}.", "#{id}：无法{action}：该举报{status}{hint}。";
    ErrMergeSelf => "#{id}: a complaint cannot be merged into itself.", "#{id}：举报不能并入自身。";
    ErrEmptyReason => "#{id}: give a reason.", "#{id}：请填写原因。";
    ErrArrivalBeforeReceived => "#{id}: the arrival time {arrived} is before the complaint was received ({received}).", "#{id}：到场时间 {arrived} 早于受理时间（{received}）。";
    ErrArrivalInFuture => "#{id}: the arrival time is {m} min in the future.", "#{id}：到场时间比现在晚 {m} 分钟。";
    ErrBackdateNeedsNote => "#{id}: an arrival {m} min in the past needs a note saying why.", "#{id}：到场时间早于现在 {m} 分钟，须在备注中说明原因。";
    ErrNotOpen => "#{id}: cannot escalate: the complaint is {status}.", "#{id}：无法升级：该举报{status}。";
    ErrStore => "The database refused: {detail}", "数据库操作失败：{detail}";
    ErrReading => "Reading the database failed: {detail}", "读取数据库失败：{detail}";
    ActDispatch => "dispatch", "派单";
    ActSetOff => "set off", "出发";
    ActArrive => "log an arrival", "登记到场";
    ActHandle => "start handling", "开始处置";
    ActResolve => "resolve", "办结";
    ActReopen => "reopen", "重开";
    ActMerge => "merge", "合并";
    ActReject => "reject", "不予受理";
    WhyOnSite => " (an officer is already on site)", "（已有人员在现场）";
    WhyReopenFirst => " (reopen it first)", "（请先重开）";
    WhyMerged => " (it was merged into another complaint)", "（已并入其他举报）";
    WhyArrivalLogged => " (an arrival is already logged)", "（已登记到场）";
    WhyOnlyAfterArrival => " (only after an arrival)", "（须先登记到场）";
    WhyLogArrivalFirst => " (no arrival logged yet: log the arrival first, or reject it)", "（尚未登记到场：请先登记到场，或不予受理）";
    WhyOnlyClosedReopen => " (only closed or rejected complaints reopen)", "（只有已办结或不予受理的举报可以重开）";
    WhyResolveInstead => " (an officer is on site: resolve it instead)", "（人员已在现场：请改为办结）";
    // What an action did, as a console's status line says it ({…} filled by `fill`).
    DoneArrivedEarly => "#{id}: arrival of {officer} at {time} logged ({margin} before the deadline)",
        "#{id}：已登记 {officer} {time} 到场（早于时限 {margin}）";
    DoneArrivedLate => "#{id}: arrival of {officer} at {time} logged ({margin} after the deadline)",
        "#{id}：已登记 {officer} {time} 到场（超出时限 {margin}）";
    DoneDispatched => "#{id}: dispatched to {officer}", "#{id}：已派给 {officer}";
    DoneEscalated => "#{id}: escalated to {target}", "#{id}：已升级，通知 {target}";
    DoneEscalatedNobody => "#{id}: escalated to (nobody on call)", "#{id}：已升级（未找到值班人员）";
    DoneResolved => "#{id}: closed ({outcome})", "#{id}：已办结（{outcome}）";
    DonePhone => "#{id}: reporter phone {phone} (shown once, audited)", "#{id}：举报人电话 {phone}（仅此一次，已记入审计）";
    DoneNoPhone => "#{id}: no reporter phone", "#{id}：没有举报人电话";
    DoneCreated => "#{id}: new complaint saved, on site by {time}", "#{id}：新举报已保存，须于 {time} 前到场";
    DoneAlready => "#{id}: already recorded", "#{id}：此前已登记";
    // The same, as the command line prints it ({label} is " (name phone)" or empty).
    CliArrivedEarly => "complaint {id}: arrival of {officer}{label} at {time} logged ({margin} before the deadline)",
        "举报 {id}：已登记 {officer}{label} {time} 到场（早于时限 {margin}）";
    CliArrivedLate => "complaint {id}: arrival of {officer}{label} at {time} logged ({margin} after the deadline)",
        "举报 {id}：已登记 {officer}{label} {time} 到场（超出时限 {margin}）";
    CliDispatched => "complaint {id} dispatched to {officer}{label}", "举报 {id} 已派给 {officer}{label}";
    CliEscalated => "complaint {id} escalated to {target}{label}", "举报 {id} 已升级，通知 {target}{label}";
    CliEscalatedNobody => "complaint {id} escalated (nobody on call found to alert; the record is kept)",
        "举报 {id} 已升级（未找到可通知的值班人员；记录已保存）";
    CliResolved => "complaint {id} closed: {outcome}", "举报 {id} 已办结：{outcome}";
    // --- Domain values in words (src/words.rs) ---
    StReceived => "received", "已受理";
    StDispatched => "dispatched", "已派单";
    StEnRoute => "en route", "在途";
    StOnScene => "on site", "已到场";
    StHandling => "handling", "处置中";
    StClosed => "closed", "已办结";
    StReopened => "reopened", "已重开";
    StMerged => "merged", "已合并";
    StRejected => "rejected", "不予受理";
    CatAir => "air", "大气";
    CatWater => "water", "水";
    CatNoise => "noise", "噪声";
    CatSolidWaste => "solid waste", "固废";
    CatRadiation => "radiation", "辐射";
    CatEcology => "ecology", "生态";
    CatOther => "other", "其他";
    SrcHotline => "12369 hotline", "12369热线";
    SrcPhone => "phone", "电话";
    SrcWeb => "web", "网站";
    SrcWechat => "WeChat", "微信";
    SrcLetter => "letter", "来信";
    SrcVisit => "visit", "来访";
    SrcReferral => "referral", "转办";
    SrcMedia => "media", "媒体";
    SrcSelf => "found on patrol", "巡查发现";
    SrcMonitoring => "monitoring", "在线监测";
    OutViolationConfirmed => "violation confirmed", "确认违法";
    OutRectified => "rectified on the spot", "已当场整改";
    OutNoViolation => "no violation found", "未发现违法";
    OutReferred => "referred to another authority", "已移交其他部门";
    OutOther => "other", "其他";
    Minutes => "{n} min", "{n} 分钟";
    Mon => "Mon", "周一";
    Tue => "Tue", "周二";
    Wed => "Wed", "周三";
    Thu => "Thu", "周四";
    Fri => "Fri", "周五";
    Sat => "Sat", "周六";
    Sun => "Sun", "周日";
    // {weekday} {date} {time}: "Mon 30 Nov 09:05" / "11月30日 周一 09:05"
    DateTimeShort => "{weekday} {day} {month} {time}", "{month}月{day}日 {weekday} {time}";
    ReasonReceived => "received {when}", "受理于 {when}";
    ReasonNight => "night (outside {window})", "夜间（{window} 以外）";
    ReasonNoCalendar => "no calendar for {year} (Mon–Fri assumed)", "缺少 {year} 年日历（按周一至周五计）";
    GridGiven => "given by the source", "来件指定";
    GridByEnterprise => "enterprise {enterprise}", "按企业 {enterprise}";
    GridByAlias => "address matches “{alias}”", "地址匹配“{alias}”";
    GridNoMatch => "no grid matched", "未匹配到网格";
    GridAssigned => "assigned by hand", "人工指定";
    GridUnknownGiven => "unknown grid “{id}” given", "来件指定的网格“{id}”不存在";
    EnterpriseUnknownGiven => "unknown enterprise “{id}” given", "来件指定的企业“{id}”不存在";
    Anonymous => "anonymous", "匿名";
    OnSite => "in time", "按时到场";
    OnSiteLate => "late {time}", "迟到 {time}";
    TrailReceived => "received ({source}), on site by {deadline}", "受理（{source}），须于 {deadline} 前到场";
    TrailIntakeFile => "spool file taken in: {new} new, {duplicates} already known", "收件目录文件已接收：新 {new} 件，已有 {duplicates} 件";
    TrailFileRefused => "file {file} refused: {reason}", "文件 {file} 被拒收：{reason}";
    TrailDispatched => "dispatched to {officer}", "派给 {officer}";
    TrailEnRoute => "officer on the way", "人员在途";
    TrailArrived => "{officer} on site at {time}", "{officer} {time} 到场";
    TrailHandling => "handling on site", "现场处置";
    TrailResolved => "closed: {outcome}", "办结：{outcome}";
    TrailReopened => "reopened: {reason}", "重开：{reason}";
    TrailRejected => "rejected: {reason}", "不予受理：{reason}";
    TrailMerged => "merged into #{into}", "并入 #{into}";
    TrailEscalated => "{stage} alert to {target}: {reason}", "{stage}，通知 {target}：{reason}";
    TrailAssigned => "grid set to {grid} {name}", "网格划定为 {grid} {name}";
    TrailStageSkipped => "{stage} skipped: {because} was already due", "跳过{stage}：{because}已到期";
    TrailAcknowledged => "alert acknowledged for every console", "告警已确认（所有控制台同步）";
    TrailNobody => "nobody on call", "无值班人员";
    TrailPhoneRevealed => "reporter's phone shown in clear", "查看了举报人完整电话";
    OverdueBefore => "arrival deadline {deadline} in {m} min and nobody on site", "距到场时限 {deadline} 还有 {m} 分钟，尚无人到场";
    OverduePassed => "arrival deadline {deadline} passed and nobody on site", "已过到场时限 {deadline}，尚无人到场";
    OverduePast => "{m} min past the arrival deadline {deadline} and nobody on site", "超过到场时限 {deadline} 已 {m} 分钟，尚无人到场";
    EarlierEntries => "… {n} earlier line|… {n} earlier lines", "… 更早的 {n} 行";
    MoreBelow => "… {n} more below (↓)", "… 下方还有 {n} 件 (↓)";
    // --- triage and forms (#9) ---
    KeyAssign => "set the grid (moving one needs a reason)", "划定网格（改划须填原因）";
    KeyReject => "reject (not ours, too little detail, other)", "不予受理（非本局职责、信息不足、其他）";
    KeyReopen => "reopen a closed or rejected one (screen 2)", "重新打开已结或不予受理的举报（第 2 屏）";
    FormAssign => "Set grid", "划定网格";
    FormReject => "Reject", "不予受理";
    FormReopen => "Reopen", "重新打开";
    FieldGrid => "Grid", "网格";
    FieldEnterprise => "Enterprise", "企业";
    FieldDetails => "Details", "说明";
    PreviewGrid => "Goes to grid", "划入网格";
    RejectNotInRemit => "not in our remit", "不属于本局职责";
    RejectInsufficientDetail => "insufficient detail", "信息不足";
    RejectOther => "other", "其他";
    GridByExplicit => "{grid} {name} — as given", "{grid} {name} — 按指定";
    PreviewGridByEnterprise => "{grid} {name} — the grid of enterprise {enterprise} {ename}", "{grid} {name} — 企业 {enterprise} {ename} 所在网格";
    PreviewGridByAlias => "{grid} {name} — the address names {alias}", "{grid} {name} — 地址含“{alias}”";
    GridUnassigned => "unassigned — no grid, enterprise or known place given; set it with g after saving", "未分配 — 未指定网格或企业，地址中也没有已知地名；保存后按 g 划定";
    ErrPhoneChars => "phone '{phone}': only digits, spaces, hyphens and a leading +86", "电话“{phone}”只能含数字、空格、连字符和开头的 +86";
    ErrPhoneLength => "phone '{phone}' has {n} digits; a phone number has 7 to 15", "电话“{phone}”有 {n} 位数字；电话号码应为 7 至 15 位";
    ErrChooseGrid => "choose a grid (↑↓) or type its id", "请选择网格（↑↓）或输入网格编号";
    ErrUnknownGrid => "unknown grid '{grid}'", "未知网格“{grid}”";
    ErrUnknownEnterprise => "unknown enterprise '{enterprise}'", "未知企业“{enterprise}”";
    ErrSameGrid => "#{id} is already in grid {grid}", "#{id} 已在网格 {grid}";
    ErrReasonToMove => "#{id} is in grid {grid}: give a reason to move it", "#{id} 已在网格 {grid}：改划须填写原因";
    ErrOtherNeedsWords => "say why in Details (needed for other)", "选择“其他”须在说明中写明原因";
    ErrReopenReason => "a reopened complaint needs a reason", "重新打开须填写原因";
    AssignNotOpen => "#{id} is closed: only an open complaint gets a grid", "#{id} 已结：只有未结举报可划定网格";
    RejectNotNow => "#{id} cannot be rejected: only an open complaint nobody has reached yet can be", "#{id} 不能不予受理：只有尚无人到场的未结举报可以";
    ReopenNotNowHere => "#{id} is still open: only closed or rejected complaints reopen", "#{id} 尚未办结：只有已办结或不予受理的举报可重新打开";
    ReopenNotNow => "#{id} is still open: only closed or rejected complaints reopen (find them on screen 2)", "#{id} 尚未办结：只有已办结或不予受理的举报可重新打开（见第 2 屏）";
    DoneAssigned => "#{id}: now in grid {grid} {name}", "#{id}：已划入网格 {grid} {name}";
    DoneRejected => "#{id}: rejected ({reason})", "#{id}：不予受理（{reason}）";
    DoneReopened => "#{id}: reopened", "#{id}：已重新打开";
    CliAssigned => "complaint {id} now in grid {grid} {name} (was {was})", "举报 {id} 已划入网格 {grid} {name}（原为 {was}）";
    CliRejected => "complaint {id} rejected: {reason}", "举报 {id} 不予受理：{reason}";
    CliReopened => "complaint {id} reopened", "举报 {id} 已重新打开";
    // --- alerts and escalations (#9) ---
    // Stage names as people read them (a configured stage of another name is shown as named).
    StageWarn => "warning", "预警";
    StageBreach => "deadline passed", "超时";
    StageCritical => "critical", "严重超时";
    StageManual => "escalated by hand", "人工升级";
    // A banner: what happened, then whom it alerted and since when. Each a complete sentence.
    AlertBefore => "#{id} {stage}: nobody is on site and the deadline {deadline} is {left} min away.",
        "#{id} {stage}：尚无人到场，距到场时限 {deadline} 还有 {left} 分钟。";
    AlertAt => "#{id} {stage}: nobody was on site by the deadline {deadline}.",
        "#{id} {stage}：到场时限 {deadline} 已到，尚无人到场。";
    AlertAfter => "#{id} {stage}: nobody is on site {late} min after the deadline {deadline}.",
        "#{id} {stage}：已超过到场时限 {deadline} {late} 分钟，仍无人到场。";
    AlertManual => "#{id} escalated by hand by {by} (reason: {reason}).", "#{id} 由 {by} 人工升级（原因：{reason}）。";
    AlertManualShort => "#{id} escalated by hand by {by}.", "#{id} 由 {by} 人工升级。";
    AlertWhom => "Alert for {who}, {at}.", "通知对象：{who}（{at}）。";
    AlertWhomShort => "Alert raised at {at}.", "{at} 发出告警。";
    AlertNobody => "Nobody on call was found to alert at {at}.", "{at} 未找到可通知的值班人员。";
    AlertNew => "#{id} new complaint at {place}, received {at}: someone must be on site by {deadline}.",
        "#{id} 新举报，地点：{place}，{at} 受理，须于 {deadline} 前到场。";
    AlertNewShort => "#{id} new complaint, received {at}: on site by {deadline}.", "#{id} 新举报，{at} 受理，须于 {deadline} 前到场。";
    AckOne => "Press x to acknowledge it for every console.", "按 x 确认（所有控制台同步）。";
    AckOneShort => "x acknowledges it.", "按 x 确认。";
    AckMore => "{more} more unacknowledged: x acknowledges this one, X all.", "另有 {more} 条未确认：x 确认此条，X 全部确认。";
    AckMoreShort => "{more} more: X acknowledges all.", "另有 {more} 条：X 全部确认。";
    NoAlerts => "No alert to acknowledge", "没有需要确认的告警";
    KeyAckAll => "acknowledge all alerts, for every console", "确认全部告警（所有控制台同步）";
    NotifyEscalation => "Escalation #{id}: {stage}", "升级 #{id}：{stage}";
    NotifyNew => "New complaint #{id}", "新举报 #{id}";
    // The escalation ticker: how far from the deadline a stage fired.
    TickBefore => "{left} min before the deadline {deadline}", "距时限 {deadline} 还有 {left} 分钟";
    TickAt => "at the deadline {deadline}", "正值到场时限 {deadline}";
    TickAfter => "{late} min after the deadline {deadline}", "超过时限 {deadline} {late} 分钟";
    DoneAckOne => "Alert acknowledged for every console", "告警已确认（所有控制台同步）";
    DoneAckMany => "{n} alerts acknowledged for every console", "已确认 {n} 条告警（所有控制台同步）";
    DoneAckBefore => "Already acknowledged at another console", "已在其他控制台确认";
    // `show`: what became of each escalation.
    ShowEscalations => "Escalations", "升级记录";
    ShowColAt => "AT", "时间";
    ShowColStage => "STAGE", "阶段";
    ShowColTarget => "ALERTED", "通知对象";
    ShowColBy => "BY", "发起";
    ShowColDelivery => "DELIVERY", "送达";
    ShowColAck => "ACKNOWLEDGED", "确认";
    DeliveryDelivered => "delivered {at}", "已送达 {at}";
    DeliveryPending => "pending, first try {at}", "待发送，{at} 发送";
    DeliveryRetrying => "pending after {attempts} failed attempts, next try {at}: {error}", "已失败 {attempts} 次，{at} 重试：{error}";
    DeliveryFailed => "failed {at} after {attempts} attempts: {error}", "{at} 发送失败（共 {attempts} 次）：{error}";
    DeliverySkipped => "skipped: a later stage was already due", "已跳过：更晚的阶段已到期";
    DeliverySending => "being sent now (attempt {attempts})", "正在发送（第 {attempts} 次）";
    DeliveryConsoles => "consoles only (no alert command configured)", "仅控制台（未配置告警命令）";
    // --- command line (#9) ---
    // Counts: "one|other" in English (see `count`); Chinese needs one form.
    CliNFiles => "{n} file|{n} files", "{n} 个文件";
    CliNComplaints => "{n} complaint|{n} complaints", "{n} 件举报";
    CliNNewComplaints => "{n} new complaint|{n} new complaints", "新举报 {n} 件";
    CliNDuplicates => "{n} duplicate|{n} duplicates", "重复 {n} 件";
    CliNErrors => "{n} error|{n} errors", "{n} 个错误";
    CliNWarnings => "{n} warning|{n} warnings", "{n} 个警告";
    CliNGrids => "{n} grid|{n} grids", "{n} 个网格";
    CliNOfficers => "{n} officer|{n} officers", "{n} 名人员";
    CliNEnterprises => "{n} enterprise|{n} enterprises", "{n} 家企业";
    CliNDuties => "{n} duty|{n} duties", "{n} 条值班安排";
    CliNShifts => "{n} shift|{n} shifts", "{n} 个班次";
    CliNDays => "{n} day|{n} days", "{n} 天";
    CliNDaysOff => "{n} day off|{n} days off", "放假 {n} 天";
    CliNMakeupDays => "{n} make-up working day|{n} make-up working days", "调休上班 {n} 天";
    CliNone => "none", "无";
    CliWarning => "warning: {text}", "警告：{text}";
    CliInternal => "internal error: {text}", "内部错误：{text}";
    CliCreated => "created {dir}", "已创建 {dir}";
    CliCannotRead => "cannot read {file}: {why}", "无法读取 {file}：{why}";
    CliCannotWrite => "cannot write {file}: {why}", "无法写入 {file}：{why}";
    // check-config
    CliEmbeddedCounty => "the embedded demo county", "内置演示县";
    CliConfigOk => "config OK ({source}): {grids}, {officers}, {enterprises}, {duties}, {shifts}, {plans}, {depots}; calendar {years}",
        "配置正常（{source}）：{grids}，{officers}，{enterprises}，{duties}，{shifts}，{plans}，{depots}；节假日日历 {years}";
    CliConfigErrors => "{errors} in {source}", "{source} 中有 {errors}";
    CliStrictFails => "{warnings}, and --strict fails on warnings", "有 {warnings}，--strict 遇到警告即失败";
    CliBrokenConfig => "broken configuration: {first} ({errors} in all; `gridwatch check-config` lists them)",
        "配置有误：{first}（共 {errors}；`gridwatch check-config` 会全部列出）";
    CliBrokenConfigOne => "broken configuration: {first} (`gridwatch check-config` checks the whole configuration)",
        "配置有误：{first}（`gridwatch check-config` 会检查全部配置）";
    CliNoConfigDir => "{dir}: no such config directory", "{dir}：配置目录不存在";
    // The calendar running out (status, check-config, the daemon's log; the header's is short).
    CliCalendarThisYear => "no holiday calendar for {year}: Mon-Fri is assumed now; import the arrangement with `gridwatch calendar import FILE`",
        "缺少 {year} 年节假日日历：现按周一至周五工作计算；请用 `gridwatch calendar import FILE` 导入节假日安排";
    CliCalendarNextYear => "no holiday calendar for {year} yet: from 1 January, {days} from now, Mon-Fri would be assumed; import it with `gridwatch calendar import FILE`",
        "尚无 {year} 年节假日日历：{days}后（1月1日起）将按周一至周五工作计算；请用 `gridwatch calendar import FILE` 导入";
    CalendarNextMissing => "NO {year} CALENDAR", "缺{year}年日历";
    // calendar import / show
    CliCalendarEmbedded => "the embedded demo county's calendar cannot be changed: give the config directory to write into with --config DIR (or GRIDWATCH_CONFIG), or run where ./config holds gridwatch.toml",
        "内置演示县的日历不能修改：请用 --config DIR（或 GRIDWATCH_CONFIG）指定要写入的配置目录，或在 ./config 含有 gridwatch.toml 的目录下运行";
    CliImportErrors => "{errors} in {file}; nothing was written", "{file} 中有 {errors}；未写入任何文件";
    CliCalendarWrote => "wrote {file}: {year}, {off}, {work}", "已写入 {file}：{year} 年，{off}，{work}";
    CliCalendarReplaced => "wrote {file}: {year}, {off}, {work} (it replaces the earlier file)",
        "已写入 {file}：{year} 年，{off}，{work}（替换了原文件）";
    CliCalendarTakenUp => "running daemons and consoles take it up within seconds, without a restart",
        "正在运行的守护进程和控制台会在几秒内采用新日历，无需重启";
    CliCalendarTitle => "holiday calendar {year} ({file})", "{year} 年节假日日历（{file}）";
    CliCalendarSummary => "{off}, {work}; every other day: Mon-Fri working, Sat-Sun weekend",
        "{off}，{work}；其余日期：周一至周五工作，周六、周日休息";
    CliCalendarNoYear => "no holiday calendar for {year} ({file}): Mon-Fri is assumed; import it with `gridwatch calendar import FILE`",
        "没有 {year} 年节假日日历（{file}）：按周一至周五工作计算；请用 `gridwatch calendar import FILE` 导入";
    CliCsvEmpty => "the file is empty: its first line names the columns, e.g. date,kind", "文件为空：第一行应写列名，如 date,kind";
    CliCsvNoColumns => "the first line names the columns and needs `date` and `kind` (e.g. date,kind,name); other columns are ignored",
        "第一行写列名，须有 `date` 和 `kind`（如 date,kind,name）；其他列会被忽略";
    CliCsvUnclosed => "a quoted field is not closed (a `\"` is missing)", "带引号的字段没有闭合（缺少 `\"`）";
    CliCsvBadDate => "'{text}' is not a date like 2027-01-01", "'{text}' 不是形如 2027-01-01 的日期";
    CliCsvNotAFile => "not a regular file (a pipe or a device cannot be imported)", "不是普通文件（不能导入管道或设备）";
    CliCsvTooBig => "{bytes} bytes: a holiday CSV is at most {max}", "{bytes} 字节：节假日 CSV 最多 {max} 字节";
    CliCsvNotUtf8 => "not UTF-8 (at byte {at}): save it as “CSV UTF-8” (Excel saves GBK by default)", "不是 UTF-8 编码（第 {at} 字节）：请另存为“CSV UTF-8”（Excel 默认保存为 GBK）";
    CliMoreErrors => "… and {n} more", "……另有 {n} 处";
    CliCsvFarYear => "{date} is outside the years {from}–{to}", "{date} 不在 {from}–{to} 年之间";
    CliCsvBadKind => "kind '{text}' is not holiday, off, work or makeup_work", "类型 '{text}' 不是 holiday、off、work 或 makeup_work";
    CliCsvTwice => "{date} is listed twice (also on line {first})", "{date} 重复列出（第 {first} 行也有）";
    CliCsvTwoKinds => "{date} is listed as {was} on line {first} and as {now} here: which is it?",
        "{date} 在第 {first} 行列为{was}，此处又列为{now}：应是哪一种？";
    CliCsvKindOff => "a holiday", "放假";
    CliCsvKindWork => "a make-up working day", "调休上班";
    CliCsvNoDates => "no dates in the file, only the line naming the columns", "文件中没有日期，只有列名行";
    CliCsvMakeupWeekday => "make-up working day {date} is a {weekday} (already a working day)", "调休上班日 {date} 是{weekday}（本来就是工作日）";
    CliKindHoliday => "holiday", "放假";
    CliKindMakeup => "make-up working day", "调休上班";
    CliColDate => "DATE", "日期";
    CliColDay => "DAY", "星期";
    CliColKind => "KIND", "类型";
    CliColHoliday => "HOLIDAY", "节日";
    // init
    CliUpgraded => "upgraded the schema from version {from} to {to}", "数据库结构已从版本 {from} 升级到 {to}";
    CliInitReady => "database {db} ready (schema {schema}); {grids}, {officers}, {enterprises} loaded from {source}; spool directory {spool} ready",
        "数据库 {db} 已就绪（结构版本 {schema}）；已从 {source} 载入 {grids}、{officers}、{enterprises}；收件目录 {spool} 已就绪";
    CliNoDbDir => "directory {dir} does not exist: create it first (mkdir -p {dir}) or give the database another place with --db; init makes the database file, not the directory it goes in",
        "目录 {dir} 不存在：请先创建（mkdir -p {dir}），或用 --db 指定数据库的其他位置；init 只创建数据库文件，不创建其所在目录";
    CliNoSpoolDir => "directory {dir} does not exist: create it first (mkdir -p {dir}) or set [spool] dir in gridwatch.toml; init makes the spool, not the directory it goes in",
        "目录 {dir} 不存在：请先创建（mkdir -p {dir}），或在 gridwatch.toml 中设置 [spool] dir；init 只创建收件目录本身，不创建其上级目录";
    CliCannotCreateSpool => "cannot create spool {dir}: {why}", "无法创建收件目录 {dir}：{why}";
    CliUpgradeUnderDaemon => "an intake daemon ({holder}) runs on spool {spool}: stop it before upgrading {db} (it would fail every write afterwards); the systemd unit runs `gridwatch init` before it starts the daemon",
        "接收守护进程（{holder}）正在使用收件目录 {spool}：升级 {db} 前请先停止它（否则升级后它的每次写入都会失败）；systemd 单元会在启动守护进程前运行 `gridwatch init`";
    // list and show
    CliNoComplaints => "no complaints", "暂无举报";
    CliNoOpenComplaints => "no open complaints", "暂无未结举报";
    CliColId => "ID", "编号";
    CliColReceived => "RECEIVED", "受理时间";
    CliColSource => "SOURCE", "来源";
    CliColGrid => "GRID", "网格";
    CliColCategory => "CATEGORY", "类别";
    CliColRegime => "REGIME", "时限";
    CliColDeadline => "DEADLINE", "到场时限";
    CliColLeft => "LEFT", "剩余";
    CliColStatus => "STATUS", "状态";
    CliColRepeat => "REPEAT", "重复";
    CliColReason => "REASON", "依据";
    CliColAt => "AT", "时间";
    CliColActor => "ACTOR", "操作人";
    CliColAction => "ACTION", "操作";
    CliColDetails => "DETAILS", "详情";
    CliUnassigned => "UNASSIGNED", "未分配";
    CliArrivedMargin => "arrived {margin}", "已到场 {margin}";
    CliRegimeWorkday => "working hours", "工作时间";
    CliRegimeOffHours => "off hours", "非工作时间";
    CliFieldId => "ID", "编号";
    CliFieldStatus => "Status", "状态";
    CliFieldOutcome => "Outcome", "办结结果";
    CliFieldSource => "Source", "来源";
    CliFieldRef => "Reference", "外部编号";
    CliFieldReceived => "Received", "受理时间";
    CliFieldRegime => "Regime", "时限类别";
    CliFieldReason => "Reason", "时限依据";
    CliFieldDeadline => "Deadline", "到场时限";
    CliFieldLeft => "Time left", "剩余时间";
    CliFieldGrid => "Grid", "网格";
    CliFieldGridFrom => "Grid from", "网格来源";
    CliFieldCategories => "Categories", "类别";
    CliFieldEnterprise => "Enterprise", "企业";
    CliFieldRepeatOf => "Repeat of", "重复于";
    CliFieldDispatchedTo => "Dispatched to", "派单人员";
    CliFieldArrived => "Arrived", "到场时间";
    CliFieldArrivedBy => "Arrived by", "到场人员";
    CliFieldDescription => "Description", "描述";
    CliFieldAddress => "Address", "地址";
    CliFieldReporter => "Reporter", "举报人";
    CliAnonymous => "anonymous", "匿名";
    CliActIntake => "taken in by intake", "接收入库";
    CliActRefused => "refused by intake", "接收拒收";
    CliActReceived => "taken by phone", "来电登记";
    CliActDispatched => "dispatched", "派单";
    CliActEnRoute => "set off", "出发";
    CliActArrived => "arrival logged", "登记到场";
    CliActHandling => "handling started", "开始处置";
    CliActResolved => "resolved", "办结";
    CliActReopened => "reopened", "重开";
    CliActMerged => "merged", "合并";
    CliActRejected => "rejected", "不予受理";
    CliActEscalated => "escalated", "升级";
    CliActPhoneRevealed => "phone shown in clear", "显示完整电话";
    CliUnknownRejectReason => "unknown reason '{reason}': not-in-remit, insufficient-detail, or words saying why",
        "未知原因“{reason}”：可用 not-in-remit、insufficient-detail，或直接写明理由";
    CliOtherNeedsWords => "--reason other needs words saying why: give them with --note, or as the reason itself",
        "--reason other 须说明理由：用 --note 给出，或直接把理由写在 --reason 中";
    CliUnknownGrid => "unknown grid '{grid}' (see `gridwatch oncall` for the grids)", "未知网格“{grid}”（可用 `gridwatch oncall` 查看网格）";
    CliActAssigned => "grid set", "划定网格";
    CliActSkipped => "stage skipped", "跳过阶段";
    CliActAcknowledged => "alert acknowledged", "确认告警";
    // status
    CliStNow => "now", "时间";
    CliStDatabase => "database", "数据库";
    CliStDaemon => "daemon", "接收进程";
    CliStComplaints => "complaints", "举报";
    CliStIntake => "intake", "入库";
    CliStSpool => "spool", "收件目录";
    CliStCalendar => "calendar", "节假日日历";
    CliStWarning => "WARNING", "警告";
    CliStNowValue => "{time} ({clock} clock)", "{time}（{clock}）";
    CliClockReal => "real", "真实时钟";
    CliClockFixed => "fixed", "固定时钟";
    CliClockDrill => "drill", "演练时钟";
    CliStDatabaseValue => "{path} (schema {schema})", "{path}（结构版本 {schema}）";
    CliDaemonLive => "OK — last heartbeat {age}s ago (pid {pid} on {host})", "正常 — 最近心跳 {age} 秒前（{host} 上的进程 {pid}）";
    CliDaemonStale => "STALE — last heartbeat {age}s ago (pid {pid} on {host}); is `gridwatch intake` running?",
        "停滞 — 最近心跳 {age} 秒前（{host} 上的进程 {pid}）；`gridwatch intake` 是否在运行？";
    CliDaemonStopped => "STOPPED — pid {pid} on {host} stopped at {time}", "已停止 — {host} 上的进程 {pid} 于 {time} 停止";
    CliDaemonElsewhere => "ELSEWHERE — pid {pid} on {host} writes to {db}, not to this file", "写入其他数据库 — {host} 上的进程 {pid} 写入 {db}，而非本文件";
    CliDaemonNever => "DOWN — no heartbeat ever recorded (is `gridwatch intake` running?)", "未运行 — 从未记录心跳（`gridwatch intake` 是否在运行？）";
    CliStCounts => "{total} total, {open} open, {due} due within {minutes} min, {breached} breached, {unassigned} unassigned",
        "共 {total} 件，未结 {open} 件，{minutes} 分钟内到期 {due} 件，已超时 {breached} 件，未分配 {unassigned} 件";
    CliStIntakeValue => "{ingested} ingested, {rejected} rejected", "已入库 {ingested}，拒收 {rejected}";
    CliStSpoolValue => "{dir}: {new} waiting in new/, {bad} in bad/, {tmp} stale in tmp/", "{dir}：new/ 待处理 {new} 个，bad/ {bad} 个，tmp/ 滞留 {tmp} 个";
    CliStStaleTmp => "stale: {path} (left by a writer that died; inspect and resubmit or delete)", "滞留：{path}（写入进程中断遗留；请检查后重新提交或删除）";
    CliNoLiveDaemon => "no live intake daemon writes to database {db} (start `gridwatch intake` with this database)",
        "没有运行中的接收进程写入数据库 {db}（请用此数据库启动 `gridwatch intake`）";
    CliDaemonStoppedWarn => "the intake daemon (pid {pid}) writing to database {db} stopped at {time}; start `gridwatch intake` again",
        "写入数据库 {db} 的接收进程（进程 {pid}）已于 {time} 停止；请重新启动 `gridwatch intake`";
    CliDaemonOtherDb => "the live intake daemon (pid {pid}) writes to database {theirs}, not to {db}",
        "运行中的接收进程（进程 {pid}）写入数据库 {theirs}，而非 {db}";
    CliDaemonOtherSpool => "the live intake daemon (pid {pid}) watches spool {theirs}, not {spool}: files delivered here wait for another daemon",
        "运行中的接收进程（进程 {pid}）监视收件目录 {theirs}，而非 {spool}：投递到这里的文件要等另一个接收进程处理";
    CliNoSpoolWatcher => "no intake daemon watches spool {spool} (files there wait for `gridwatch intake`, or run `gridwatch intake --once`)",
        "没有接收进程监视收件目录 {spool}（其中的文件等待 `gridwatch intake` 处理，或运行 `gridwatch intake --once`）";
    CliNoSpool => "spool {dir} does not exist (`gridwatch init` makes it, or start the daemon here)", "收件目录 {dir} 不存在（`gridwatch init` 会创建它，或在此启动接收进程）";
    CliQuarantinedFiles => "{files} quarantined in {dir}: read each NAME.reason, fix and resubmit, then remove them",
        "{dir} 中有 {files}被隔离：请阅读各 NAME.reason，修正后重新提交，再删除它们";
    // submit and intake --once
    CliNoSuchFile => "{file}: no such file", "{file}：文件不存在";
    CliNotDelivered => "{file}: not delivered: {why} (nothing was delivered)", "{file}：未投递：{why}（所有文件均未投递）";
    CliCannotSubmit => "cannot submit {file}: {why}", "无法投递 {file}：{why}";
    CliQuarantined => "quarantined {name}: {why}", "已隔离 {name}：{why}";
    CliDeferred => "left in new/ for the next run: {name}: {why}", "留在 new/ 待下次处理：{name}：{why}";
    CliIngested => "{files} ingested ({new}, {duplicates}), {already} already ingested, {quarantined} quarantined{later}",
        "入库 {files}（{new}，{duplicates}），此前已入库 {already} 个，隔离 {quarantined} 个{later}";
    CliIngestedLater => ", {n} left in new/ for the next run", "，{n} 个留在 new/ 待下次处理";
    CliIngestedWriting => ", {n} left in new/ for the next run ({writing} still being written)", "，{n} 个留在 new/ 待下次处理（{writing} 个仍在写入）";
    // oncall
    CliOnCallAt => "on call at {time}", "{time} 值班";
    CliColName => "NAME", "名称";
    CliColShift => "SHIFT", "班次";
    CliColPrimary => "PRIMARY", "主班";
    CliColBackup => "BACKUP", "副班";
    CliColLeader => "LEADER", "带班";
    CliColFrom => "FROM", "来自";
    CliVia => "via {grid}", "沿用 {grid}";
    // Errors of ours that a duty officer meets.
    CliNoComplaint => "no complaint with id {id}", "没有编号为 {id} 的举报";
    CliUnknownOfficer => "unknown officer '{id}'", "未知人员 '{id}'";
    CliNeedsReason => "an escalation needs a reason", "升级需要说明原因";
    CliCannotEscalate => "complaint {id}: cannot escalate: complaint is {status}", "举报 {id}：无法升级：举报{status}";
    CliIllegal => "complaint {id}: cannot {action}: complaint is {status}{hint}", "举报 {id}：无法{action}：举报当前为{status}{hint}";
    CliArrivalBeforeReceived => "complaint {id}: arrival time {arrived} is before the complaint was received ({received})",
        "举报 {id}：到场时间 {arrived} 早于受理时间（{received}）";
    CliArrivalInFuture => "complaint {id}: arrival time is {minutes} min in the future", "举报 {id}：到场时间在 {minutes} 分钟之后，尚未到来";
    CliBackdateNeedsNote => "complaint {id}: arrival backdated by {minutes} min needs a note saying why", "举报 {id}：到场时间补记早了 {minutes} 分钟，需用 --note 说明原因";
    CliAtBad => "--at '{text}' is not a time like 2026-12-01T09:30:00+08:00, 2026-12-01 09:30 or 09:30 (today)", "--at '{text}' 不是形如 2026-12-01T09:30:00+08:00、2026-12-01 09:30 或 09:30（今天）的时间";
    CliAtMissing => "--at '{text}' does not exist in {tz} (the clocks were put forward)", "--at '{text}' 在 {tz} 时区不存在（时钟拨快）";
    CliNoDatabase => "no database at {path}: `gridwatch init` creates one there; if the daemon uses another, run from its working directory or give it with --db (GRIDWATCH_DB)",
        "{path} 处没有数据库：`gridwatch init` 会在此创建；若接收进程使用另一个数据库，请在其工作目录下运行，或用 --db（GRIDWATCH_DB）指定";
    CliNotInitialised => "database {path} is not initialised (schema version 0); run `gridwatch init`", "数据库 {path} 尚未初始化（结构版本 0）；请运行 `gridwatch init`";
    CliNeedsUpgrade => "database {path} needs an upgrade from schema {found} to {latest}; run `gridwatch init`", "数据库 {path} 需要从结构版本 {found} 升级到 {latest}；请运行 `gridwatch init`";
    CliBadDbEnv => "GRIDWATCH_DB '{value}' (from the environment): {why}", "环境变量 GRIDWATCH_DB '{value}'：{why}";
    CliBadDbFlag => "--db '{value}': {why}", "--db '{value}'：{why}";
    CliBadSpeed => "--speed {speed}: choose between 0.1 and 3600", "--speed {speed}：请在 0.1 到 3600 之间选择";
    CliCannotListen => "cannot listen on {addr}: {why} (another daemon? use --bind or [http] bind)", "无法在 {addr} 监听：{why}（已有守护进程？请用 --bind 或 [http] bind）";
    CliListening => "gridwatch intake: listening on http://{addr}/open311/v2/, spool {spool}, database {db} ({descriptors} descriptors)",
        "gridwatch intake：监听 http://{addr}/open311/v2/，收件目录 {spool}，数据库 {db}（{descriptors} 个描述符）";
    CliListeningNoHttp => "gridwatch intake: spool {spool}, database {db} (no HTTP)", "gridwatch intake：收件目录 {spool}，数据库 {db}（不开 HTTP）";
    CliIntakeStopped => "gridwatch intake: stopped", "gridwatch intake：已停止";
    CliBadLogLevel => "GRIDWATCH_LOG '{value}' is not a log level (e.g. info, warn, debug); using {default}", "GRIDWATCH_LOG '{value}' 不是日志级别（如 info、warn、debug）；改用 {default}";    // --- incident values (src/words/incident.rs, #10) ---
    IncLevelI => "I (especially serious)", "I 级（特别重大）";
    IncLevelII => "II (serious)", "II 级（重大）";
    IncLevelIII => "III (relatively serious)", "III 级（较大）";
    IncLevelIV => "IV (general)", "IV 级（一般）";
    IncLevelUnknown => "level unknown", "级别未定";
    IncLevelUnknownGrave => "level unknown, treated as I/II", "级别未定，按 I/II 级时限";
    IncQDrinkingWater => "drinking-water source affected or threatened", "饮用水水源地受影响或受威胁";
    IncQSensitivePeople => "residents, schools, hospitals or other sensitive people involved", "涉及居民区、学校、医院等敏感人群";
    IncQHeavyMetals => "heavy metals or metalloids", "涉及重金属或类金属";
    IncQCrossBorder => "may cross a provincial or national border", "可能跨省或跨国界";
    IncQMassImpact => "mass incident or large public impact", "群体性事件或社会影响大";
    IncQBureauDecides => "the bureau decides to treat it as grave", "局里认定按重大处置";
    IncStActive => "active", "处置中";
    IncStStable => "stable", "已稳定";
    IncStClosed => "closed", "已结束";
    IncPRequested => "requested", "待通知";
    IncPNotified => "notified", "已通知";
    IncPEnRoute => "en route", "在途";
    IncPOnScene => "on scene", "已到场";
    IncPReleased => "released", "已撤离";
    IncMvRequested => "requested", "申请";
    IncMvDispatched => "dispatched", "调出";
    IncMvReturned => "returned", "归还";
    IncRepInitial => "initial report", "初报";
    IncRepFollowUp => "follow-up report", "续报";
    IncRepFinal => "final report", "处理结果报告";
    IncItemEquipment => "equipment", "装备";
    IncItemMaterial => "material", "物资";
    IncFactCause => "cause and nature", "起因和性质";
    IncFactCourse => "course of events", "事件经过";
    IncFactPollutants => "main pollutants and quantities", "主要污染物和数量";
    IncFactMonitoring => "monitoring data", "监测数据";
    IncFactCasualties => "casualties", "人员伤亡";
    IncFactImpact => "impact on drinking water and sensitive receptors", "对饮用水水源地及敏感点的影响";
    IncFactTrend => "trend", "发展趋势";
    CliStIncidents => "incidents", "突发事件";
    IncOpNothingOut => "incident {id} has no {item} out: nothing to return", "事件 {id} 没有调出的{item}，无可归还";
    IncOpDiscoveredLongAgo => "the discovery time is {days} days ago; at most {max} days back (check the year)", "发现时间在 {days} 天前；最多可追溯 {max} 天（请核对年份）";
    IncOpDueTooFar => "due {due} is more than {max} days ahead", "时限 {due} 超过 {max} 天之后";
    IncOpQuantityTooLarge => "{asked} at once is more than {max}", "一次 {asked} 超过上限 {max}";
    IncCliAlerts => "Alerts of overdue steps", "步骤超时告警";
    IncCliNoAlerts => "none", "无";
    IncCliAlertStep => "STEP", "步骤";
    IncCliAlertStage => "STAGE", "级别";
    IncCliAlertAt => "AT", "时间";
    IncCliAlertTo => "TO", "告警对象";
    IncCliAlertDelivery => "DELIVERY", "送达情况";
    CliStIncidentCounts => "{open} open, {overdue} with a step overdue; drills apart: {drills} open", "{open} 起处置中，{overdue} 起有超时步骤；另有演练 {drills} 起";
    // --- incidents: command line (#10) ---
    IncCliOpened => "incident {id} opened", "事件 {id} 已启动";
    IncCliNextStepDue => "; next step due {due}", "；下一步骤时限 {due}";
    IncCliReportDue => "; initial report due {due}", "；初报时限 {due}";
    IncCliDueIn => "{time} (in {left})", "{time}（剩余 {left}）";
    IncCliDuePast => "{time} ({left} overdue)", "{time}（已超时 {left}）";
    IncCliStepDone => "incident {id}: step {n} done", "事件 {id}：步骤 {n} 已完成";
    IncCliStepUndone => "incident {id}: step {n} open again", "事件 {id}：步骤 {n} 已重新打开";
    IncCliStepSkipped => "incident {id}: step {n} skipped: {reason}", "事件 {id}：步骤 {n} 已跳过：{reason}";
    IncCliStepAdded => "incident {id}: step {n} added, due {due}", "事件 {id}：已添加步骤 {n}，时限 {due}";
    IncCliAssigned => "incident {id}: {officer} as {role}: {status}", "事件 {id}：{officer} 担任{role}：{status}";
    IncCliFirstOnScene => " — the first on scene", "——首位到场";
    IncCliEquipped => "incident {id}: {what} {movement}", "事件 {id}：{movement} {what}";
    IncCliAtDepot => " (depot {depot})", "（{depot}）";
    IncCliLeveled => "incident {id}: level now {level}", "事件 {id}：级别改为 {level}";
    IncCliReportMoved => "; initial report now due {due} (was {was})", "；初报时限改为 {due}（原为 {was}）";
    IncCliStatusNow => "incident {id} is now {status}", "事件 {id} 现为{status}";
    IncCliReportSent => "incident {id}: {kind} recorded as sent to {to}", "事件 {id}：已记录{kind}报送至 {to}";
    IncCliFactsRecorded => "incident {id}: recorded {facts}", "事件 {id}：已记录{facts}";
    IncCliDrillBanner => "*** DRILL — not a real incident ***", "*** 演练——非真实事件 ***";
    IncCliChecklist => "Checklist", "处置清单";
    IncCliPersonnel => "Personnel", "人员";
    IncCliEquipment => "Equipment and materials", "装备物资";
    IncCliReports => "Reports", "报告";
    IncCliFacts => "Facts for the reports", "报告要素";
    IncCliTimeline => "Timeline", "时间线";
    IncCliProgress => "{settled} of {total} steps done or skipped", "{settled}/{total} 个步骤已完成或跳过";
    IncCliNextStep => "step {n}, due {due}", "步骤 {n}，时限 {due}";
    IncCliSentAt => "sent {time}", "已报送 {time}";
    IncCliFieldId => "ID", "编号";
    IncCliFieldPlan => "Plan", "预案";
    IncCliFieldType => "Type", "类型";
    IncCliFieldLevel => "Level", "级别";
    IncCliFieldStatus => "Status", "状态";
    IncCliFieldGrid => "Grid", "网格";
    IncCliFieldPlace => "Place", "地点";
    IncCliFieldComplaint => "From complaint", "来源举报";
    IncCliFieldDiscovered => "Discovered", "发现时间";
    IncCliFieldOpened => "Opened", "启动时间";
    IncCliFieldFirstOnScene => "First on scene", "首位到场";
    IncCliFieldClosed => "Closed", "结束时间";
    IncCliFieldProgress => "Progress", "处置进度";
    IncCliFieldNextStep => "Next step", "下一步骤";
    IncCliFieldInitialReport => "Initial report", "初报";
    IncCliFieldSummary => "Summary", "概况";
    IncCliStepOpen => "open", "待办";
    IncCliStepStateDone => "done", "已完成";
    IncCliStepStateSkipped => "skipped", "已跳过";
    IncCliAdHoc => "(added)", "（临时增加）";
    IncCliNone => "none", "无";
    IncCliColN => "#", "序号";
    IncCliColStep => "STEP", "步骤";
    IncCliColRole => "ROLE", "岗位";
    IncCliColDue => "DUE", "时限";
    IncCliColLeftOrAt => "LEFT/AT", "剩余/时间";
    IncCliColState => "STATE", "状态";
    IncCliColBy => "BY", "执行人";
    IncCliColNote => "NOTE", "备注";
    IncCliColNeeded => "NEEDED", "需要";
    IncCliColEngaged => "ENGAGED", "在岗";
    IncCliColOnScene => "ON SCENE", "到场";
    IncCliColShort => "SHORT", "缺口";
    IncCliColOfficer => "OFFICER", "人员";
    IncCliColStatus => "STATUS", "状态";
    IncCliColSince => "SINCE", "起始";
    IncCliColItem => "ITEM", "物品";
    IncCliColRequired => "REQUIRED", "需要";
    IncCliColRequested => "REQUESTED", "申请";
    IncCliColOut => "OUT", "在用";
    IncCliColMissing => "MISSING", "未到";
    IncCliColAvailable => "AVAILABLE", "库存";
    IncCliColDepot => "DEPOT", "仓库";
    IncCliColDispatched => "DISPATCHED", "调出";
    IncCliColReturned => "RETURNED", "归还";
    IncCliColReport => "REPORT", "报告";
    IncCliColLeft => "LEFT", "剩余";
    IncCliColSent => "SENT", "报送";
    IncCliColTo => "TO", "报送对象";
    IncCliColFact => "FACT", "要素";
    IncCliColText => "TEXT", "内容";
    IncCliNotSent => "not sent", "未报送";
    IncCliUnknownYet => "(not yet known)", "（尚未掌握）";
    IncCliBadLevel => "'{text}' is not a level: {taken}", "'{text}' 不是事件级别：{taken}";
    IncCliQuestionsWithLevel => "{flag} is asked only while the level is unknown, and the level given is {level}: give the level as {unknown}, or leave the question out", "{flag} 只在级别未定时询问，而给出的级别是 {level}：请把级别写作 {unknown}，或去掉该问题";
    IncCliBadTime => "{flag} '{text}' is not a time: {forms} (local time)", "{flag} '{text}' 不是时间：请用 {forms}（本地时间）";
    IncCliNoSuchLocalTime => "{flag} '{text}' does not exist in {tz}", "{flag} '{text}' 在 {tz} 时区不存在";
    IncCliSkipNeedsReason => "a skipped step needs a reason", "跳过步骤需要说明理由";
    IncCliStepNeedsChange => "say what became of the step: {flags}", "请说明步骤的变化：{flags}";
    IncCliBadStep => "'{text}' is neither a step number (1, 2, …) nor {add}", "'{text}' 既不是步骤编号（1、2……）也不是 {add}";
    IncCliAddNeedsText => "an added step needs its text and a due time: {usage}", "添加步骤需要内容和时限：{usage}";
    IncCliAddNoChange => "{flags} are for a numbered step; an added step starts open", "{flags} 用于已有编号的步骤；新添加的步骤从待办开始";
    IncCliDueOnlyForAdd => "{flags} are for an added step ({usage}); a numbered step keeps its due time", "{flags} 用于添加步骤（{usage}）；已有步骤的时限不变";
    IncCliTextOnlyForAdd => "the text '{text}' is for an added step: {usage}", "内容 '{text}' 只用于添加步骤：{usage}";
    IncCliBadPersonStatus => "'{text}' is not a status of an assignment: {taken}", "'{text}' 不是人员状态：{taken}";
    IncCliStatusClosed => "an incident is closed with {usage}", "结束事件请用 {usage}";
    IncCliBadStatus => "'{text}' is not a status to set: {taken}", "'{text}' 不是可设置的状态：{taken}";
    IncCliZeroQuantity => "a quantity must be 1 or more", "数量至少为 1";
    IncCliEquipNeedsMovement => "give one of {flags}", "请给出 {flags} 之一";
    IncCliBadReportKind => "'{text}' is not a kind of report: {taken}", "'{text}' 不是报告类别：{taken}";
    IncCliEmptyFact => "--{fact} is empty", "--{fact} 为空";
    IncCliNoFacts => "give at least one fact: {flags}", "请至少给出一项要素：{flags}";
    IncCliNoIncidents => "no incidents", "没有事件";
    IncCliNoOpenIncidents => "no open incidents", "没有进行中的事件";
    IncCliDepotLeft => "; {n} left there", "；该库尚余 {n}";
    IncCliColLevel => "LEVEL", "级别";
    IncCliColPlan => "PLAN", "预案";
    IncCliColDiscovered => "DISCOVERED", "发现时间";
    IncCliColSteps => "STEPS", "步骤";
    IncCliColNext => "NEXT STEP", "下一步骤";
    IncCliColInitial => "INITIAL REPORT", "初报";
    IncCliColDueAfter => "DUE AFTER DISCOVERY", "发现后时限";
    IncCliColQuantity => "QUANTITY", "数量";
    IncCliColKind => "KIND", "类别";
    IncCliColName => "NAME", "名称";
    IncCliColGrid => "GRID", "网格";
    IncCliColNow => "NOW", "现存";
    IncCliColCounted => "COUNTED", "盘点数";
    IncCliColCountedAt => "COUNTED AT", "盘点时间";
    IncCliColId => "ID", "编号";
    IncCliPlanHeading => "Plan {id}: {name} (type {kind})", "预案 {id}：{name}（类型 {kind}）";
    IncCliPlanReports => "Initial report due after discovery: {due}", "初报时限（自发现起）：{due}";
    IncCliPlanFinal => "final report due after closing: {due}", "处理结果报告时限（自结束起）：{due}";
    IncCliMinutes => "{n} min", "{n} 分钟";
    IncCliHours => "{n} h", "{n} 小时";
    IncCliDays => "{n} d", "{n} 天";
    IncCliByLevel => "{levels}: {due}", "{levels} 级：{due}";
    IncCliNoPlans => "no plans configured ({files})", "未配置预案（{files}）";
    IncCliDepots => "Depots and their stock now", "应急物资库及当前库存";
    IncCliNoDepots => "no depots configured ({files})", "未配置物资库（{files}）";
    IncCliReportRecorded => "(draft above)", "（草稿见上）";
    IncCliTrailOpened => "opened by plan {plan} at {level}; initial report due {due}", "按预案 {plan}启动，{level}；初报时限 {due}";
    IncCliTrailFromComplaint => " (from complaint #{id})", "（来自举报 #{id}）";
    IncCliTrailLevel => "level {from} → {to}", "级别 {from} → {to}";
    IncCliTrailReportMoved => "; initial report due {due} instead of {was}", "；初报时限由 {was} 改为 {due}";
    IncCliTrailStepDone => "step {n} done", "步骤 {n} 已完成";
    IncCliTrailStepSkipped => "step {n} skipped", "步骤 {n} 已跳过";
    IncCliTrailStepUndone => "step {n} open again", "步骤 {n} 重新打开";
    IncCliTrailStepAdded => "step {n} added: {text}, due {due}", "添加步骤 {n}：{text}，时限 {due}";
    IncCliTrailStepEscalated => "step {n} overdue: {stage} to {target}", "步骤 {n} 超时：{stage}，通知 {target}";
    IncCliUnknownShort => "unknown", "未定";
    IncCliOr => "or", "或";
    IncCliTreatedGrave => "treated as {levels}: {answers}", "按 {levels} 级时限：{answers}";
    IncCliTrailStepNote => "step {n}: {what}", "步骤 {n}：{what}";
    IncCliTrailAssigned => "{officer} assigned as {role}: {to}", "{officer} 担任{role}：{to}";
    IncCliTrailMoved => "{officer} as {role}: {from} → {to}", "{officer}（{role}）：{from} → {to}";
    IncCliTrailEquip => "{what} {movement}", "{movement} {what}";
    IncCliTrailStatus => "status {from} → {to}", "状态 {from} → {to}";
    IncCliTrailClosed => "incident closed", "事件结束";
    IncCliTrailFinalDue => "; final report due {due}", "；处理结果报告时限 {due}";
    IncCliTrailReopened => "incident reopened", "事件重新启动";
    IncCliTrailFacts => "facts recorded: {facts}", "记录要素：{facts}";
    IncCliTrailReportSent => "{kind} sent to {to}", "{kind}已报送 {to}";
    // --- incidents: config and report drafts (#10) ---
    IncCfgNPlans => "{n} plan|{n} plans", "{n} 个预案";
    IncCfgNDepots => "{n} depot|{n} depots", "{n} 个物资库";
    // --- incidents: store and operations (#10) ---
    IncOpNoTime => "—", "—";
    IncOpNoSuchIncident => "no incident with id {id}", "没有编号为 {id} 的突发事件";
    IncOpNoSuchPlan => "no plan '{plan}' (see config/plans/)", "没有预案“{plan}”（见 config/plans/）";
    IncOpNoSuchItem => "no item '{item}' in the inventory", "物资清单中没有“{item}”";
    IncOpNoSuchDepot => "no depot '{depot}' in the inventory", "物资清单中没有储备库“{depot}”";
    IncOpNoGrid => "complaint {id} has no grid: give the incident's grid", "举报 {id} 尚无网格：请指定事件所在网格";
    IncOpGridNeeded => "an incident needs a grid", "事件须指定所在网格";
    IncOpDiscoveredInFuture => "the discovery time is {m} min in the future", "发现时间晚于现在 {m} 分钟";
    IncOpNoSuchStep => "incident {id} has no step {n}", "事件 {id} 没有第 {n} 步";
    IncOpStepIsOpen => "incident {id}: step {n} is neither done nor skipped", "事件 {id}：第 {n} 步尚未完成或跳过";
    IncOpStepIsDone => "incident {id}: step {n} is already done", "事件 {id}：第 {n} 步已完成";
    IncOpStepIsSkipped => "incident {id}: step {n} was skipped", "事件 {id}：第 {n} 步已跳过";
    IncOpClosed => "incident {id} is closed; reopen it first", "事件 {id} 已结束；请先重新启动";
    IncOpEmptyReason => "a reason is required", "须填写原因";
    IncOpEmptyText => "the step needs a text", "须填写步骤内容";
    IncOpEmptyRole => "the role must not be empty", "须填写岗位";
    IncOpEmptyTo => "say whom the report was sent to", "须填写报送对象";
    IncOpEmptyFact => "each fact needs its text", "每项情况须填写内容";
    IncOpPersonMove => "incident {id}: {officer} as {role} cannot go from {from} to {to} (forward only; released is final)", "事件 {id}：{officer}（{role}）不能从“{from}”改为“{to}”（只能向前，撤离后不再变化）";
    IncOpStatus => "incident {id} cannot go from {from} to {to}", "事件 {id} 不能从“{from}”改为“{to}”";
    IncOpSameLevel => "incident {id} is already at that level", "事件 {id} 已是该级别";
    IncOpZeroQuantity => "the quantity must be more than 0", "数量须大于 0";
    IncOpOverStock => "depot {depot} holds {held} of {item}, not {asked}", "储备库 {depot} 现有 {item} {held}，不足 {asked}";
    IncOpOverReturn => "incident {id} has {out} of {item} out from depot {depot}, not {asked}", "事件 {id} 从储备库 {depot} 调出未还的 {item} 只有 {out}，不能归还 {asked}";
    IncOpNoDepotHolds => "no depot holds {asked} of {item}: name a depot", "没有储备库存有 {asked} 的 {item}：请指定储备库";
    IncOpDepotNeeded => "name the depot {item} goes back to", "请指定 {item} 归还的储备库";
    IncOpReportAlreadySent => "incident {id}: the {kind} was sent at {at}", "事件 {id}：{kind}已于 {at} 报送";
    IncOpOpened => "incident {id} opened; next step due {next}, initial report due {report}", "事件 {id} 已启动；下一步时限 {next}，初报时限 {report}";
    IncOpStepDone => "incident {id}: step {n} done", "事件 {id}：第 {n} 步已完成";
    IncOpStepUndone => "incident {id}: step {n} open again", "事件 {id}：第 {n} 步改回未完成";
    IncOpStepSkipped => "incident {id}: step {n} skipped", "事件 {id}：第 {n} 步已跳过";
    IncOpStepAdded => "incident {id}: step {n} added", "事件 {id}：已添加第 {n} 步";
    IncOpAssigned => "incident {id}: {officer} as {role}: {status}", "事件 {id}：{officer}（{role}）：{status}";
    IncOpFirstOnScene => " — first on scene", "——首位到场";
    IncOpEquipped => "incident {id}: {item} ×{quantity} {movement}{depot}", "事件 {id}：{item} ×{quantity} {movement}{depot}";
    IncOpAtDepot => " (depot {depot})", "（储备库 {depot}）";
    IncOpLeveled => "incident {id}: level now {level}; initial report due {before} → {after}", "事件 {id}：级别改为{level}；初报时限 {before} → {after}";
    IncOpStatusChanged => "incident {id} is now {status}", "事件 {id} 现为“{status}”";
    IncOpReportSent => "incident {id}: {kind} sent to {to}", "事件 {id}：{kind}已报送 {to}";
    IncOpFactsRecorded => "incident {id}: {facts} recorded", "事件 {id}：已记录{facts}";
    IncCfgRepHeading => "{kind} — incident #{id}: {name}", "{kind}——突发环境事件 #{id}：{name}";
    IncCfgRepDrill => "DRILL — an exercise, not a real incident", "演练——非真实事件";
    IncCfgRepDeadline => "Deadline", "报送时限";
    IncCfgRepDueLeft => "due {at}, {left} left", "应于 {at} 前报送，还剩 {left}";
    IncCfgRepDueNow => "due {at}, now", "应于 {at} 前报送，时限已到";
    IncCfgRepDueLate => "due {at}, {late} late", "应于 {at} 前报送，已超时 {late}";
    IncCfgRepSentEarly => "due {at}; sent {sent}, {left} before the deadline", "应于 {at} 前报送；已于 {sent} 报送，提前 {left}";
    IncCfgRepSentLate => "due {at}; sent {sent}, {late} late", "应于 {at} 前报送；已于 {sent} 报送，超时 {late}";
    IncCfgRepNoDeadline => "no deadline", "无时限";
    IncCfgRepSentTo => "Sent", "报送情况";
    IncCfgRepSentLine => "{sent} by {by} to {to}", "{sent} 由 {by} 报送 {to}";
    IncCfgRepHours => "{h} h", "{h} 小时";
    IncCfgRepHoursMinutes => "{h} h {m} min", "{h} 小时 {m} 分钟";
    IncCfgRepTime => "Time (discovered)", "发生（发现）时间";
    IncCfgRepPlace => "Place", "地点";
    IncCfgRepSource => "Information source", "信息来源";
    IncCfgRepSourceComplaint => "complaint #{id}", "举报件 #{id}";
    IncCfgRepSourceDutyRoom => "duty room", "值班室";
    IncCfgRepLevel => "Level", "事件级别";
    IncCfgRepStatus => "Status", "处置状态";
    IncCfgRepQuestions => "the six questions", "六项判断";
    IncCfgRepYes => "yes", "是";
    IncCfgRepNo => "no", "否";
    IncCfgRepTaken => "Measures taken", "已采取的措施";
    IncCfgRepPlanned => "Planned measures", "下一步措施";
    IncCfgRepDone => "done {at} by {by}", "{at} 由 {by} 完成";
    IncCfgRepSkipped => "skipped {at} by {by}: {reason}", "{at} 由 {by} 跳过：{reason}";
    IncCfgRepStepDue => "due {at}", "时限 {at}";
    IncCfgRepStepLate => "due {at}, {late} late", "时限 {at}，已超时 {late}";
    IncCfgRepPersonnel => "Personnel", "出动人员";
    IncCfgRepSince => "{status} since {at}", "{at} 起{status}";
    IncCfgRepEquipment => "Equipment and materials dispatched", "调用的装备物资";
    IncCfgRepFrom => "from {depot}", "调自{depot}";
    IncCfgRepReturned => "{n} returned", "已归还 {n}";
    IncCfgRepUnit => "Reporting unit", "报告单位";
    IncCfgRepSigner => "Signer", "签发人";
    IncCfgRepContact => "Contact", "联系电话";
    IncCfgRepContactLine => "{phone} (duty room)", "{phone}（值班室）";
    IncCfgRepDrafted => "Drafted", "拟稿时间";
    IncCfgRepMissing => "_(not yet known)_", "_（待补充）_";
    IncCfgRepNoneYet => "_(none yet)_", "_（暂无）_";

    // --- incidents: dashboard (#10) ---
    IncUiScreen => "Incidents", "突发事件";
    IncUiKeyOpen => "open an emergency incident from the selected complaint (on the Incidents screen: on its own)", "由所选举报启动突发环境事件（在突发事件屏：单独启动）";
    IncUiKeyShow => "show the most urgent active incident (again: the next)", "查看最紧急的处置中事件（再按：下一件）";
    IncUiKeySectionNext => "incident: next section (checklist, people, equipment, timeline)", "事件：下一栏（清单、人员、装备物资、时间线）";
    IncUiKeySectionPrevious => "incident: previous section", "事件：上一栏";
    IncUiKeyToggle => "incident: tick the step done, or open it again", "事件：勾选步骤完成，或撤销";
    IncUiKeySkip => "incident: skip the step, with a reason", "事件：跳过步骤（需说明原因）";
    IncUiKeyAddStep => "incident: add a step (text, due time)", "事件：增加步骤（内容、时限）";
    IncUiKeyAssign => "incident: assign an officer to a role", "事件：指派人员承担职责";
    IncUiKeyAdvance => "incident: move the selected person on (notified, en route, on scene, released)", "事件：所选人员进入下一状态（已通知、在途、已到场、已撤离）";
    IncUiKeyDispatch => "incident: dispatch the selected item from a depot", "事件：从仓库调出所选物品";
    IncUiKeyReturn => "incident: return the selected item to its depot", "事件：所选物品归还仓库";
    IncUiKeyLevel => "incident: set the level (I-IV, or unknown with the six questions)", "事件：定级（I-IV 级，或未定级并回答六个问题）";
    IncUiKeyStable => "incident: stable / active again", "事件：已稳定 / 恢复处置中";
    IncUiKeyClose => "incident: close (asks first)", "事件：结束（需确认）";
    IncUiKeyReopen => "incident: reopen a closed one, with a reason", "事件：重新启动已结束的事件（需说明原因）";
    IncUiKeyReport => "incident: record a report as sent (kind, to whom)", "事件：登记报告已报送（类别、报送对象）";
    IncUiChecklist => "Checklist", "处置清单";
    IncUiPeople => "People", "人员";
    IncUiEquipment => "Equipment and materials", "装备物资";
    IncUiTimeline => "Timeline", "时间线";
    IncUiQDrinkingWater => "Drinking water?", "涉及饮用水源？";
    IncUiQSensitivePeople => "Sensitive people?", "涉及敏感人群？";
    IncUiQHeavyMetals => "Heavy metals?", "涉及重金属？";
    IncUiQCrossBorder => "Cross-border?", "可能跨界？";
    IncUiQMassImpact => "Mass impact?", "社会影响大？";
    IncUiQBureauDecides => "Bureau decides?", "局里认定重大？";
    IncUiYes => "yes", "是";
    IncUiNo => "no", "否";
    IncUiFieldPlan => "Plan", "预案";
    IncUiFieldLevel => "Level", "级别";
    IncUiFieldDrill => "Drill", "演练";
    IncUiFieldDiscovered => "Discovered", "发现时间";
    IncUiFieldPlace => "Place", "地点";
    IncUiFieldStep => "Step", "步骤";
    IncUiFieldText => "What to do", "内容";
    IncUiFieldDue => "Due (09:30 or +30)", "时限（09:30 或 +30）";
    IncUiFieldRole => "Role", "职责";
    IncUiFieldStatus => "Status", "状态";
    IncUiFieldItem => "Item", "物品";
    IncUiFieldDepot => "Depot", "仓库";
    IncUiFieldQuantity => "Quantity", "数量";
    IncUiFieldReport => "Report", "报告";
    IncUiFieldTo => "Sent to", "报送对象";
    IncUiFormOpen => "Open incident", "启动突发事件";
    IncUiFormSkip => "Skip step", "跳过步骤";
    IncUiFormAddStep => "Add step", "增加步骤";
    IncUiFormAssign => "Assign", "指派人员";
    IncUiFormDispatch => "Dispatch", "调出装备物资";
    IncUiFormReturn => "Return", "归还装备物资";
    IncUiFormLevel => "Level", "定级";
    IncUiFormReopen => "Reopen incident", "重新启动事件";
    IncUiFormReport => "Report sent", "登记报告已报送";
    IncUiNoPlans => "No emergency plans are configured (config/plans/*.toml).", "未配置应急预案（config/plans/*.toml）。";
    IncUiNoStock => "No depot holds {item} now.", "各仓库现无{item}。";
    IncUiInStock => "in stock {n} {unit}", "库存 {n} {unit}";
    IncUiOut => "out {n} {unit}", "已调出 {n} {unit}";
    IncUiNothingOut => "Nothing of {item} is out to return.", "{item}没有已调出待归还的。";
    IncUiSentAt => "sent {time}", "已报送 {time}";
    IncUiDueAt => "due {time}", "时限 {time}";
    IncUiChooseLevel => "Choose a level (↑↓).", "请选择级别（↑↓）。";
    IncUiNotAQuantity => "“{text}” is not a quantity (a whole number above 0).", "“{text}”不是有效数量（须为大于 0 的整数）。";
    IncUiNotATime => "“{text}” is not a time: write 09:30, 11-30 09:30 or +30 (minutes from now).", "“{text}”不是有效时间：请写 09:30、11-30 09:30 或 +30（从现在起的分钟数）。";
    IncUiChoosePlan => "Choose a plan (↑↓).", "请选择预案（↑↓）。";
    IncUiDiscoveredLater => "The discovery time is later than now.", "发现时间晚于当前时间。";
    IncUiSkipNeedsReason => "Skipping a step needs a reason.", "跳过步骤须说明原因。";
    IncUiStepNeedsText => "Say what the step is.", "请填写步骤内容。";
    IncUiChooseRole => "Choose a role (↑↓).", "请选择职责（↑↓）。";
    IncUiChooseDepot => "Choose a depot (↑↓).", "请选择仓库（↑↓）。";
    IncUiNoSuchDepot => "There is no depot “{depot}” in inventory.toml.", "inventory.toml 中没有仓库“{depot}”。";
    IncUiChooseReport => "Choose a report (↑↓).", "请选择报告类别（↑↓）。";
    IncUiReportNeedsTo => "Say to whom the report was sent.", "请填写报送对象。";
    IncUiNoActive => "No active incident.", "当前没有处置中的突发事件。";
    IncUiOpenFirst => "Open an incident first: Enter on the Incidents screen, or I.", "请先打开一个事件：在突发事件屏按回车，或按 I。";
    IncUiNothingSelected => "No incident selected", "未选择事件";
    IncUiNoSteps => "The checklist is empty.", "处置清单为空。";
    IncUiStepSettled => "Step {n} is settled already; Space opens it again.", "步骤 {n} 已完成或已跳过；按空格可撤销。";
    IncUiNoPeople => "Nobody is assigned yet: A assigns.", "尚未指派人员：按 A 指派。";
    IncUiReleased => "{officer} is released already.", "{officer} 已撤离。";
    IncUiNoItems => "The plan lists no equipment or materials.", "预案未列装备物资。";
    IncUiClosedReopen => "Incident #{id} is closed: O reopens it.", "事件 #{id} 已结束：按 O 重新启动。";
    IncUiAlreadyClosed => "Incident #{id} is closed already.", "事件 #{id} 已结束。";
    IncUiNotClosed => "Incident #{id} is not closed.", "事件 #{id} 未结束。";
    IncUiCloseQuestion => "Close incident #{id} ({name})?", "结束事件 #{id}（{name}）？";
    IncUiStepsOpen => "{n} steps still open.", "尚有 {n} 个步骤未完成。";
    IncUiYesNo => "y/n", "y 确认 / n 取消";
    IncUiColLevel => "Lvl", "级别";
    IncUiColDrill => "Drill", "演练";
    IncUiColType => "Type", "类型";
    IncUiColSteps => "Steps", "清单";
    IncUiColNext => "Next step", "下一步";
    IncUiColReport => "Initial report", "初报";
    IncUiColRole => "Role", "职责";
    IncUiColNeeded => "Need", "需";
    IncUiColEngaged => "Engaged", "在岗";
    IncUiColOnScene => "On scene", "到场";
    IncUiColShort => "Short", "缺口";
    IncUiColItem => "Item", "物品";
    IncUiColOut => "Out", "已调";
    IncUiColMissing => "Missing", "待调";
    IncUiColAvailable => "In depots", "库存";
    IncUiListTitle => "Incidents ({n})", "突发事件（{n}）";
    IncUiNone => "No incidents. i opens one (on the Dashboard: from the selected complaint).", "暂无突发事件。按 i 启动（在总览：由所选举报启动）。";
    IncUiSent => "✔ sent {time}", "✔ 已报 {time}";
    IncUiStepN => "step {n}", "第 {n} 步";
    IncUiView => "Incident", "事件";
    IncUiDiscovered => "discovered {time}", "发现于 {time}";
    IncUiFromComplaint => "from complaint #{id}", "来自举报 #{id}";
    IncUiNextReport => "{report} due {time}", "{report}时限 {time}";
    IncUiReportsDone => "every report due is sent", "应报报告均已报送";
    IncUiDoneBy => "done by {who} {time}", "{who} {time} 完成";
    IncUiSkippedBy => "skipped by {who} {time}: {reason}", "{who} {time} 跳过：{reason}";
    IncUiAdHoc => "added", "新增";
    IncUiNobody => "Nobody assigned yet: A assigns.", "尚未指派人员：按 A 指派。";
    IncUiSidePanel => "Active incidents", "处置中的突发事件";
    IncUiMore => "{n} more on screen 3", "另有 {n} 件，见第 3 屏";
    IncUiDoneOpened => "Incident #{id} opened; next step due {next}, initial report due {report}", "事件 #{id} 已启动；下一步时限 {next}，初报时限 {report}";
    IncUiDoneStepDone => "Incident #{id}: step {n} done", "事件 #{id}：步骤 {n} 已完成";
    IncUiDoneStepUndone => "Incident #{id}: step {n} open again", "事件 #{id}：步骤 {n} 已撤销完成";
    IncUiDoneStepSkipped => "Incident #{id}: step {n} skipped", "事件 #{id}：步骤 {n} 已跳过";
    IncUiDoneStepAdded => "Incident #{id}: step {n} added", "事件 #{id}：已增加步骤 {n}";
    IncUiDoneAssigned => "Incident #{id}: {officer} as {role}, {status}", "事件 #{id}：{officer} 任{role}，{status}";
    IncUiDoneFirstOnScene => "Incident #{id}: {officer} as {role}, first on scene", "事件 #{id}：{officer} 任{role}，首位到场";
    IncUiDoneEquipped => "Incident #{id}: {item} {quantity} {unit} {movement} ({depot})", "事件 #{id}：{item} {quantity} {unit} {movement}（{depot}）";
    IncUiDoneLeveled => "Incident #{id}: {level}; initial report due {before} → {after}", "事件 #{id}：{level}；初报时限 {before} → {after}";
    IncUiDoneStatus => "Incident #{id}: {status}", "事件 #{id}：{status}";
    IncUiDoneReport => "Incident #{id}: {report} sent to {to}", "事件 #{id}：{report}已报送{to}";
    IncUiDoneFacts => "Incident #{id}: facts recorded", "事件 #{id}：已记录事件信息";
    // --- incidents: command-line and ops fixes (#10) ---
    IncFixNoSuchRole => "incident {id} has no role '{role}'; its roles: {roles}", "事件 {id} 没有岗位“{role}”；可用岗位：{roles}";
    IncFixDueBeforeNow => "due {due} is before now ({now}): a step is due later than it is added", "时限 {due} 早于现在（{now}）：步骤时限须晚于添加时间";
    IncFixUnknownGraveShort => "unknown, treated as I/II", "未定，按 I/II 级时限";
    IncFixAlreadyStatus => "incident {id} is already {status}", "事件 {id} 已是“{status}”";
    IncFixWithFlag => "{why} (with {flag})", "{why}（用 {flag} 指定）";
    IncFixNoSuchPlanKnown => "no plan '{plan}'; the plans: {plans}", "没有预案“{plan}”；现有预案：{plans}";
    IncFixNoPlans => "no plan '{plan}': config/plans/ has none", "没有预案“{plan}”：config/plans/ 中没有预案";
    IncFixDays => "{sign}{d} d {hm}", "{sign}{d} 天 {hm}";
    IncFixClosedStepsOpen => "incident {id} closed with {n} step(s) still open: {steps}", "事件 {id} 已结束，仍有 {n} 个步骤未完成：{steps}";
    IncFixClosedPeople => "incident {id} closed with people not released: {people}", "事件 {id} 已结束，人员尚未撤离：{people}";
    IncFixClosedEquipment => "incident {id} closed with equipment still out: {out}", "事件 {id} 已结束，物资尚未归还：{out}";
    IncFixComplaintHasIncident => "complaint {complaint} already has incident {incident} open", "举报 {complaint} 已有进行中的事件 {incident}";
    IncFixOpenAgain => "{why}; to open another from it anyway, add {flag}", "{why}；如确需另行启动，请加 {flag}";
    IncFixDepotChosenDispatch => " from depot {depot} (chosen: one that holds enough, the nearest in the grid tree, then by id)", "（自动选择储备库 {depot}：存量足够者，网格上最近者优先，其次按编号）";
    IncFixDepotChosenReturn => " to depot {depot} (chosen: the one it is out from)", "（自动选择储备库 {depot}：即调出的储备库）";

    // --- incidents: dashboard fixes (#10) ---
    IncUiQuestionsNeedUnknown => "The six questions are for an unknown level only: set the level to unknown, or answer them no.", "六个问题仅用于未定级：请将级别改为未定级，或全部答“否”。";
    IncUiUndoDone => "Open step {n} again? {who} ticked it done at {time}.", "撤销步骤 {n} 的完成？{who} 于 {time} 勾选完成。";
    IncUiUndoSkipped => "Open step {n} again? {who} skipped it at {time}.", "撤销步骤 {n} 的跳过？{who} 于 {time} 跳过。";
    IncUiStepLate => "late {time}", "超时 {time}";
    IncUiFormOpenFrom => "from complaint #{id} ({grid})", "（来自举报 #{id}，{grid}）";
    IncUiFormSkipWhich => "{n} of incident #{id}", "{n}（事件 #{id}）";
    IncUiKeyScreens => "go to a screen: {screens}", "切换屏幕：{screens}";
    IncUiSymUnknown => "incident level not known yet", "事件尚未定级";
    IncUiSymGrave => "level not known, but treated as I/II (a question answered yes)", "尚未定级，但按 I/II 级时限处置（有问题答“是”）";
    IncUiSymDrill => "a drill, not a real incident", "演练，非真实事件";
    IncUiSymGauge => "checklist: steps done or skipped of all", "处置清单：已完成或已跳过的步骤 / 全部";
    IncUiSymShort => "people or items still short (missing and not in the depots)", "人员或物资仍有缺口（仓库也不足）";
    IncUiSymLate => "a step ticked after its due time, by how much", "步骤完成时已超时及超时时长";
    IncUiDepotsCover => "✔ from depots", "✔ 库存可补足";

    // --- incidents: report draft on screen (#10) ---
    IncUiKeyDraft => "incident: the next report's draft (save it to a file; u records it sent)", "事件：查看下一份报告草稿（可存为文件；u 登记已报送）";
    IncUiDraftTitle => "Report draft", "报告草稿";
    IncUiDraftNoDeadline => "no deadline", "无时限";
    IncUiDraftFooter => "↑↓ PgUp PgDn scroll · Tab ←→ another report · s save to a file · u record it sent · Esc close", "↑↓ PgUp PgDn 滚动 · Tab ←→ 切换报告 · s 存为文件 · u 登记已报送 · Esc 关闭";
    IncUiDraftSaved => "Draft saved (not sent yet): {path}", "草稿已保存（尚未报送）：{path}";
    IncUiDraftNotSaved => "Draft not saved in {dir}: {why}", "草稿未能保存到 {dir}：{why}";
    IncUiDraftNoPermission => "no permission to write there (a read-only folder?)", "无权写入该目录（只读？）";
    IncUiDraftNoFolder => "the folder does not exist", "目录不存在";
    IncUiDraftTooMany => "too many drafts of that name already", "同名草稿过多";

    // ===== the grid at work (#11) =====
    // Each area adds its keys inside its own block, with its own prefix.
    ScreenOnCall => "On call", "值班";
    ScreenGrids => "Grids", "网格";
    ScreenSources => "Sources", "污染源";

    // --- #11 on call: keys OnCall* (helper: on call) ---
    OnCallKeySortOrSwap => "sort the Complaints screen (newest received, deadline, grid, status); on the On call screen: swap who is on call in the selected grid", "举报列表排序（最新受理、到场时限、网格、状态）；值班页：为所选网格调班";
    OnCallAt => "on call at {time}", "{time} 值班";
    OnCallShiftLine => "{shift} of {date}, until {end} · next: {next} from {start}", "{date} {shift}，至 {end} · 下一班：{next}，{start} 起";
    OnCallNoShift => "no shift is running", "当前没有班次";
    OnCallColNext => "NEXT", "下一班";
    OnCallColNote => "NOTE", "备注";
    OnCallNobody => "✖ nobody on call", "✖ 无人值班";
    OnCallNobodyNext => "✖ nobody next shift", "✖ 下一班无人";
    OnCallSwapped => "⇄ {role} swapped: {reason}", "⇄ {role}已调班：{reason}";
    OnCallOverride => "✎ {reason}", "✎ {reason}";
    OnCallVia => "via {grid}", "沿用 {grid}";
    OnCallGap => "nobody on call in {grid} {name}: {shift} of {date} (from {start})", "{grid} {name} {date} {shift}无人值班（自 {start}）";
    OnCallNoGaps => "someone is on call in every grid for the coming 7 days", "未来 7 天每个网格均有人值班";
    OnCallGapCount => "{n} gap in the coming 7 days|{n} gaps in the coming 7 days", "未来 7 天有 {n} 处值班空档";
    OnCallNoDatabase => "no database at {path}: the swaps recorded at consoles are not counted (gridwatch init)", "{path} 没有数据库：未计入控制台登记的调班（gridwatch init）";
    OnCallSwapDone => "swap #{id}: {grid} {shift} of {date}, {role}: {officer} {label} in place of {replaced}", "调班 #{id}：{grid} {date} {shift} {role}：{officer} {label} 替换 {replaced}";
    OnCallNobodyBefore => "nobody", "无人";
    OnCallErrUnknownGrid => "unknown grid '{grid}' (see `gridwatch oncall` for the grids)", "未知网格「{grid}」（`gridwatch oncall` 列出全部网格）";
    OnCallErrUnknownOfficer => "unknown officer '{officer}' (see officers.toml)", "未知人员「{officer}」（见 officers.toml）";
    OnCallErrUnknownShift => "no shift named '{shift}' in roster.toml", "roster.toml 中没有名为「{shift}」的班次";
    OnCallErrNoShift => "no shift is running then: roster.toml has no shifts", "该时刻没有班次：roster.toml 未定义班次";
    OnCallErrShiftOver => "the {shift} of {date} is already over: swap a shift running now or to come", "{date} {shift}已结束：只能为当前或之后的班次调班";
    OnCallErrSame => "{officer} already holds that role in that shift", "{officer} 已在该班次担任此角色";
    OnCallErrHoldsOther => "{officer} is already the {role} of that shift: name another {role} first (primary and backup are two people)", "{officer} 已是该班次的{role}：请先另换{role}（主班与副班须为两人）";
    OnCallErrBusy => "the roster of that shift kept changing while this swap was decided: try again", "该班次的值班安排正被他人连续修改：请重试";
    OnCallErrNoReason => "a swap needs a reason", "调班需要填写原因";
    OnCallErrBadDate => "'{text}' is not a date like 2026-12-01", "「{text}」不是形如 2026-12-01 的日期";
    OnCallTrailSwap => "swap: {grid} {shift} of {date}, {role} {officer} in place of {replaced} — {reason}", "调班：{grid} {date} {shift}，{role} {officer} 替换 {replaced} — {reason}";
    OnCallFormSwap => "Swap on call", "调班";
    OnCallFieldShift => "Shift", "班次";
    OnCallFieldRole => "Role", "角色";
    OnCallFieldTo => "Replacement", "替班人员";
    OnCallShiftNow => "the shift running now", "当前班次";
    OnCallShiftNext => "the next shift", "下一班次";
    OnCallNothingSelected => "no grid selected", "未选择网格";
    OnCallColNow => "NOW", "当班";
    OnCallHome => "home grid", "本网格";
    OnCallLoading => "reading the roster…", "正在读取值班表…";
    OnCallShiftDay => "day shift", "白班";
    OnCallShiftNight => "night shift", "夜班";
    OnCallHdrName => "Name", "名称";
    OnCallHdrPrimary => "Primary", "主班";
    OnCallHdrBackup => "Backup", "副班";
    OnCallHdrLeader => "Leader", "带班";
    OnCallHdrNext => "Next shift", "下一班";
    OnCallHdrNote => "Note", "备注";
    OnCallRefused => "roster.toml refused, the roster in force is kept: {why}", "roster.toml 未被采用，沿用现行值班表：{why}";
    // --- end of #11 on call ---

    // (separator: keep these lines between the blocks)
    // (separator)
    // (separator)

    // --- #11 sources and patrols: keys Src* (helper: sources) ---
    SrcLevelNational => "national", "国控";
    SrcLevelProvincial => "provincial", "省控";
    SrcLevelEnvSafety => "env-safety", "省环安";
    SrcLevelCity => "city", "市控";
    SrcLevelCounty => "county", "县控";
    SrcLevelGeneral => "general", "一般";
    SrcKindRoutine => "routine", "例行检查";
    SrcKindSpecial => "special", "专项检查";
    SrcKindComplaint => "after a complaint", "举报核查";
    SrcKindReferral => "referral", "移送转办";
    SrcResultOk => "no problem found", "未发现问题";
    SrcResultProblem => "problem found", "发现问题";
    SrcWhyComplaint => "complaint", "有举报";
    SrcWhyViolation => "problem found", "检查发现问题";
    SrcWhyRepeat => "repeat", "重复举报";
    SrcErrUnknownEnterprise => "no enterprise '{id}' in the register (see gridwatch sources)", "污染源名录中没有企业“{id}”（见 gridwatch sources）";
    SrcErrUnknownOfficer => "no officer '{id}' in officers.toml", "officers.toml 中没有人员“{id}”";
    SrcErrNoOfficer => "an inspection needs at least one officer", "现场检查至少需要一名检查人员";
    SrcErrUnknownGrid => "no grid '{id}' in grids.toml", "grids.toml 中没有网格“{id}”";
    SrcErrNotTownship => "{id} is a level-{level} grid, not a township (level 2)", "{id} 是第 {level} 级网格，不是乡镇（第 2 级）";
    SrcErrNoteEmpty => "a visit needs a work-log note saying what was done", "走访须填写工作日志，说明做了什么";
    SrcErrInFuture => "the time is {minutes} minutes in the future", "时间晚于现在 {minutes} 分钟";
    SrcErrTooOld => "the time is {days} days ago: at most {max} days back", "时间在 {days} 天前：最多可补记 {max} 天";
    SrcErrDeadlineBefore => "the rectification deadline {by} is before the inspection ({on})", "整改期限 {by} 早于检查日期（{on}）";
    SrcErrDeadlineWithoutProblem => "a rectification deadline is for an inspection that found a problem", "只有发现问题的检查才有整改期限";
    SrcErrProblemsWithOk => "problems found go with the result problem, not ok: one of the two is a mistake", "结果为未发现问题的检查不应填写发现的问题：二者必有一误";
    SrcErrProblemsMissing => "an inspection that found a problem needs the problems found", "发现问题的检查须写明发现的问题";
    SrcErrComplaintMissing => "an inspection after a complaint needs the complaint's id (--complaint)", "举报核查须写明举报编号（--complaint）";
    SrcErrComplaintWithoutKind => "a complaint id goes with an inspection of kind complaint (--kind complaint)", "举报编号只用于举报核查（--kind complaint）";
    SrcErrBadDate => "'{text}' is not a date like 2026-12-31", "“{text}”不是形如 2026-12-31 的日期";
    SrcDoneInspected => "Inspection {id} of {enterprise} {name} logged: {result}", "已登记对 {enterprise} {name} 的现场检查（记录 {id}）：{result}";
    SrcDoneVisited => "Visit {id} to {township} {name} by {officer} logged", "已登记 {officer} 走访 {township} {name}（记录 {id}）";
    SrcColSource => "source", "企业";
    SrcColName => "name", "名称";
    SrcColGrid => "grid", "网格";
    SrcColLevel => "level", "管控级别";
    SrcColEvery => "every", "频次";
    SrcColLast => "last inspected", "上次检查";
    SrcColDue => "due", "应检日期";
    SrcColStatus => "status", "状态";
    SrcDays => "{n} d", "{n} 天";
    SrcOverdueDays => "! {n} d overdue", "! 逾期 {n} 天";
    SrcDueIn => "due in {n} d", "{n} 天后到期";
    SrcDueToday => "due today", "今日到期";
    SrcNever => "! never inspected", "! 从未检查";
    SrcInTime => "in time", "按期";
    SrcNoSources => "No pollution sources in the register.", "污染源名录为空。";
    SrcNoneOverdue => "No source is overdue.", "没有逾期未检的污染源。";
    SrcPerTownship => "Overdue per township", "各乡镇逾期情况";
    SrcTownshipLine => "{grid} {name}: {overdue} overdue, {soon} due within 7 days, of {n}", "{grid} {name}：逾期 {overdue}，7 天内到期 {soon}，共 {n}";
    SrcPerLeader => "Linked leaders (monthly inspections, quarterly township visits)", "挂钩领导（每月检查挂钩企业，每季度走访挂钩乡镇）";
    SrcLeaderLine => "{officer} {name}: {behind} behind, {todo} to do this period, {overdue}", "{officer} {name}：上期未完成 {behind}，本期待办 {todo}，{overdue}";
    SrcLeaderBehind => "  behind: {what}", "  上期未完成：{what}";
    SrcImportEmbedded => "the embedded demo county cannot be changed: give a config directory (--config DIR) to import into", "内置演示配置不可修改：请用 --config 指定要导入的配置目录";
    SrcImportRefused => "nothing written: {n} problem(s) in {file}", "未写入：{file} 中有 {n} 处问题";
    SrcCsvEmpty => "the file is empty", "文件为空";
    SrcCsvUnclosed => "a quoted field is not closed (a `\"` is missing)", "引号未闭合（缺少一个 `\"`）";
    SrcCsvNoColumns => "the first line names the columns; missing: {missing}", "第一行须为列名；缺少：{missing}";
    SrcCsvUnknownColumn => "unknown column '{name}'", "未知列“{name}”";
    SrcCsvDuplicateColumn => "column '{name}' names the same field as column {first}: one column per field", "列“{name}”与第 {first} 列是同一字段：每个字段只能一列";
    SrcCsvTooBig => "{bytes} bytes: a register CSV is at most {max}", "{bytes} 字节：污染源登记 CSV 最多 {max} 字节";
    SrcImportTooBig => "the register would be {bytes} bytes: config files are at most {max} MiB (split the register, or leave census fields out)", "导入后的登记册将达 {bytes} 字节：配置文件至多 {max} MiB（请精简普查字段）";
    SrcCsvMissing => "{column} is empty", "{column} 为空";
    SrcCsvBadValue => "{column} '{text}' is not one of {allowed}", "{column}“{text}”不是以下之一：{allowed}";
    SrcCsvBadPermit => "permit '{text}' is not a permit number (letters and digits) or none", "排污许可证“{text}”不是许可证编号（字母与数字）或 none";
    SrcCsvBadDate => "{column} '{text}' is not a date like 2026-03-01", "{column}“{text}”不是形如 2026-03-01 的日期";
    SrcCsvUnknownGrid => "grid '{text}' is not in grids.toml", "网格“{text}”不在 grids.toml 中";
    SrcCsvTwice => "id {text} is listed twice (also on line {first})", "编号 {text} 重复（另见第 {first} 行）";
    SrcCsvNoRows => "no enterprise in the file", "文件中没有企业";
    SrcCsvTooLong => "{column} is over {max} characters", "{column} 超过 {max} 个字符";
    SrcUiColLevel => "Level", "级别";
    SrcUiColGrid => "Grid", "网格";
    SrcUiColEvery => "Every", "频次";
    SrcUiColLast => "Last", "上次检查";
    SrcUiColDue => "Due", "应检";
    SrcUiColSource => "Source", "污染源";
    SrcUiColName => "Name", "名称";
    SrcUiTownships => "Overdue by township", "各乡镇逾期";
    SrcUiLeaders => "Leaders", "挂钩领导";
    SrcUiLeaderShort => "{behind} behind · {todo} to do", "欠 {behind} · 待办 {todo}";
    SrcUiOverdueShort => "! {n}", "! {n}";
    SrcUiSoonShort => "~ {n}", "~ {n}";
    SrcUiEmpty => "No pollution sources in the register.", "污染源名录为空。";
    SrcUiSummary => "{n} sources · {overdue} overdue · {soon} due within 7 days", "共 {n} 家 · 逾期 {overdue} · 7 天内到期 {soon}";
    SrcUiNever => "never", "从未";
    SrcUiOverdue => "! +{n}d", "! 逾{n}天";
    SrcUiSoon => "~ {n}d", "~ {n}天";
    SrcUiOk => "{n}d", "{n}天";
    SrcUiToday => "~ today", "~ 今日";
    SrcUiCensus => "{industry} · EIA {eia} · 3-sim {three} · permit {permit}", "{industry} · 环评 {eia} · 三同时 {three} · 排污许可 {permit}";
    SrcUiPollutants => "pollutants {pollutants} → {to} · near {receptors}", "污染物 {pollutants} → {to} · 周边 {receptors}";
    SrcUiNoSource => "No source selected: go to the Sources screen (6) and pick one", "未选中污染源：请到污染源屏（6）选择";
    SrcUnknown => "?", "未知";
    SrcEiaApproved => "approved", "已批复";
    SrcEiaPending => "pending", "在办";
    SrcEiaNone => "none", "无";
    SrcThreeComplete => "complete", "已落实";
    SrcThreePartial => "partial", "部分落实";
    SrcThreeNone => "none", "未落实";
    SrcPermitNone => "none", "无";
    SrcKeyInspect => "log an inspection of the selected source (Sources screen)", "登记对所选污染源的现场检查（污染源屏）";
    SrcKeyVisit => "log a township visit with its work-log entry", "登记乡镇走访及工作日志";
    SrcFormInspect => "Inspection", "现场检查";
    SrcFormVisit => "Township visit", "乡镇走访";
    SrcFieldOfficer => "Officer", "检查人员";
    SrcFieldWith => "With", "同行人员";
    SrcFieldResult => "Result", "检查结果";
    SrcFieldKind => "Kind", "检查类型";
    SrcFieldComplaint => "Complaint #", "举报编号";
    SrcFieldProblems => "Problems found", "发现问题";
    SrcFieldRectifyBy => "Rectify by", "整改期限";
    SrcFieldNote => "Note", "备注";
    SrcFieldTownship => "Township", "乡镇";
    SrcFieldVisitor => "Officer", "走访人员";
    SrcFieldWhen => "When", "时间";
    SrcFieldLog => "Work log", "工作日志";
    SrcErrWhen => "'{text}' is not a time (HH:MM, MM-DD HH:MM, or YYYY-MM-DD HH:MM)", "“{text}”不是时间（HH:MM、MM-DD HH:MM 或 YYYY-MM-DD HH:MM）";
    SrcErrComplaintId => "'{text}' is not a complaint number", "“{text}”不是举报编号";
    // --- end of #11 sources ---

    // (separator: keep these lines between the blocks)
    // (separator)
    // (separator)

    // --- #11 grids and repeats: keys Grid*, Merge* (helper: grids) ---
    MergeDone => "#{id} merged into #{into}, a repeat of #{first}; its history is kept", "#{id} 已并入 #{into}（#{first} 的重复件），记录保留";
    MergeErrSelf => "#{id} cannot be merged into itself", "#{id} 不能并入自身";
    MergeErrNotOpen => "#{id} is {status}: only an open complaint can be merged", "#{id} 状态为{status}：只能合并未结的举报";
    MergeErrNotEarlier => "#{into} was received after #{id}: a duplicate is merged into an earlier complaint", "#{into} 晚于 #{id} 收到：重复件只能并入更早的举报";
    MergeErrIntoMerged => "#{into} was itself merged into #{first}: merge into #{first}", "#{into} 已并入 #{first}：请并入 #{first}";
    MergeErrIntoRejected => "#{into} was rejected: an open complaint merged into it would be attended by nobody — reopen #{into} first, or reject #{id} on its own", "#{into} 已不予受理：并入后 #{id} 将无人处置 — 请先重新打开 #{into}，或单独对 #{id} 作不予受理";
    MergeTrailIn => "#{from} merged into this complaint", "#{from} 并入本件";
    MergeActIn => "merged in", "被并入";
    MergeKey => "merge into an earlier complaint (repeat)", "并入更早的举报（重复件）";
    MergeForm => "Merge into an earlier complaint", "并入更早的举报";
    MergeFieldInto => "Into", "并入";
    MergeConfirm => "Merge #{id} into #{into}? It becomes merged; its history is kept. (y/n)", "将 #{id} 并入 #{into}？其状态变为已合并，记录保留。（y 确认 / n 取消）";
    MergeTagChain => "same chain", "同链";
    MergeTagEnterprise => "same enterprise", "同企业";
    MergeTagGrid => "same grid and category", "同网格同类别";
    MergeEarlier => "Earlier", "此前各件";
    MergeMergedIn => "Merged in", "并入本件";
    MergeMergedInto => "Merged into", "已并入";
    GridColGrid => "GRID", "网格";
    GridColClass => "CLASS", "类别";
    GridColFirst => "FIRST RESP.", "第一责任人";
    GridColMain => "MAIN RESP.", "主要责任人";
    GridColSpecific => "SPECIFIC RESP.", "具体责任人";
    GridColLeader => "GROUP LEADER", "组长";
    GridColStaff => "STAFF", "人员";
    GridColShort => "SHORTFALL", "缺口";
    GridColOpen => "OPEN", "未结";
    GridColBreached => "BREACHED", "本月超时";
    GridColPatrols => "PATROLS DUE", "巡查逾期";
    GridColIncidents => "INCIDENTS", "突发事件";
    GridShortBy => "{n} short", "缺 {n}";
    GridOver => "over {max}", "超过 {max}";
    GridNoLeader => "no leader", "无组长";
    GridNoClass => "class not set", "未定类别";
    GridOk => "ok", "达标";
    GridLegend => "Staff = distinct specific responsible (具体责任人): township class 1 ≥5, 2 ≥3, 3 ≥2; village 2–3. Enterprise group: its enterprises, 10–15, and a leader. Figures include sub-grids; breached = received this month, deadline passed without arrival.", "人员＝具体责任人（去重）：一类乡镇≥5，二类≥3，三类≥2；村 2–3 人。企业网格小组：所含企业 10–15 家并设组长。数字含下级网格；本月超时＝本月受理、超时未到场。";
    GridLegendShort => "✗ short  ▲ over  ? class not set · figures include sub-grids · Enter: people", "✗ 缺员  ▲ 超编  ? 未定类别 · 数字含下级网格 · Enter：人员";
    GridNoGridOpen => "{n} open complaints have no grid (in no grid's figures)", "{n} 件未结举报尚未分配网格（不计入各网格）";
    GridEnterprises => "{n} enterprises", "{n} 家企业";
    GridNone => "No grids in grids.toml", "grids.toml 中没有网格";
    GridPeople => "People of {grid}", "{grid} 的人员";
    GridHdrGrid => "Grid", "网格";
    GridHdrClass => "Cl", "类";
    GridHdrFirst => "First", "第一责任人";
    GridHdrMain => "Main", "主要责任人";
    GridHdrSpecific => "Specific resp.", "具体责任人";
    GridHdrLeader => "Leader", "组长";
    GridHdrStaff => "Staff", "人员";
    GridHdrShort => "Shortfall", "缺口";
    GridHdrOpen => "Open", "未结";
    GridHdrBreached => "Brch", "超时";
    GridHdrPatrols => "Patr", "巡查";
    GridHdrIncidents => "Inc", "事件";
    GridScreenSummary => "{n} with staffing problems", "{n} 个网格人员配备不足";
    GridScreenLegend => "✗ short  ▲ over max  ? class not set · staff: specific resp.; group: enterprises 10–15 + leader · figures incl. sub-grids: open, breached this month, patrols overdue, incidents", "✗ 缺员  ▲ 超编  ? 未定类别 · 人员＝具体责任人；小组＝企业 10–15 家并设组长 · 数字含下级网格：未结、本月超时、巡查逾期、突发事件";
    GridPeopleFirst => "First", "第一责任人";
    GridPeopleMain => "Main", "主要责任人";
    GridPeopleSpecific => "Specific", "具体责任人";
    GridPeopleLeader => "Group leader", "组长";
    GridKeyMove => "↑↓ choose a grid: its people and phones below", "↑↓ 选择网格，下方显示人员及电话";
    // --- end of #11 grids ---

    // (separator: keep these lines between the blocks)
    // (separator)
    // (separator)

    // --- #11 handover: keys Hand* (helper: handover) ---
    // The sheet (Markdown, also what is recorded).
    HandTitle => "Shift handover", "交接班记录";
    HandOutgoing => "Outgoing", "交班人";
    HandIncoming => "Incoming", "接班人";
    HandConsole => "Console", "值班台";
    HandTime => "Time", "交接时间";
    HandNote => "Note", "交接事项";
    HandNone => "none", "无";
    HandComplaints => "Open complaints ({n})", "未结举报件（{n}）";
    HandBreached => "✖ breached {over} (deadline {deadline})", "✖ 已超时 {over}（时限 {deadline}）";
    HandLeft => "{left} left (deadline {deadline})", "剩余 {left}（时限 {deadline}）";
    HandReached => "on site since {time}: {officer}", "{time} 起在现场：{officer}";
    HandReachedNoTime => "on site", "已到场";
    HandSentTo => "dispatched to {officer}", "已派 {officer}";
    HandIncidents => "Running incidents ({n})", "处置中的突发事件（{n}）";
    HandStepsSettled => "{done}/{total} steps settled", "已完成 {done}/{total} 项";
    HandNextStep => "next: step {n} {text} — due {time} ({left})", "下一步：第 {n} 项 {text}——{time} 前（{left}）";
    HandNoOpenStep => "no open step", "无待办事项";
    HandInitialReport => "initial report due {time} ({left})", "初报 {time} 前（{left}）";
    HandAlerts => "Unacknowledged alerts ({n})", "未确认告警（{n}）";
    HandAlertNew => "new complaint, received {time}", "新举报，{time} 受理";
    HandAlertStage => "{stage} at {time} to {officer}", "{time} {stage}，通知 {officer}";
    HandAlertNobody => "nobody", "无人";
    HandPatrols => "Overdue patrols ({n})", "逾期巡查（{n}）";
    HandPatrolsUnknown => "Overdue patrols", "逾期巡查";
    HandNotAvailable => "not available: the pollution-source register is not read by this console", "暂无：本值班台尚未读取污染源名录";
    HandPatrolLine => "due {due}, {days} days overdue", "应于 {due} 巡查，已逾期 {days} 天";
    HandPatrolNever => "never inspected", "从未检查";
    HandCalendar => "Calendar ({n})", "节假日日历（{n}）";
    HandCalThisYear => "no calendar for {year}: Monday to Friday are taken as working days", "缺少 {year} 年日历：暂按周一至周五为工作日";
    HandCalNextYear => "no calendar for {year}, which starts in {days} days: import it before then", "缺少 {year} 年日历（{days} 天后开始）：请提前导入";
    HandCalLeftOut => "left out: {error}", "未采用：{error}";
    HandDaemon => "Intake daemon ({n})", "接收程序（{n}）";
    HandDaemonNever => "not running on this database: complaints wait in the spool and nothing escalates by itself", "未在本数据库上运行：举报件滞留在收件目录，不会自动升级";
    HandDaemonStale => "STALE: last heartbeat {age} ago", "停滞：最后心跳在 {age} 前";
    HandSeconds => "{n} s", "{n} 秒";
    HandDaemonStopped => "stopped at {time}: nothing escalates by itself", "已于 {time} 停止：不会自动升级";
    HandDaemonElsewhere => "runs on another database file ({db})", "运行在另一个数据库文件上（{db}）";
    HandSignatures => "Signatures", "签字";
    HandSignLine => "outgoing ________________   incoming ________________", "交班人 ________________   接班人 ________________";
    // The console: `h`, the overlay, the header.
    HandKey => "shift handover (sheet, confirm by the incoming officer)", "交接班（交接单，由接班人确认）";
    HandOverlayTitle => "Shift handover", "交接班";
    HandFieldFrom => "Outgoing", "交班人";
    HandFieldTo => "Incoming", "接班人";
    HandFieldNote => "Note", "交接事项";
    HandFooter => "↑↓ PgUp PgDn scroll · Tab next field · ←→ choose · Enter or y: the incoming officer confirms · s save to a file · Esc close (in the note, y and s are typed: Ctrl-S saves)", "↑↓ PgUp PgDn 滚动 · Tab 下一栏 · ←→ 选择 · Enter 或 y：接班人确认 · s 存为文件 · Esc 关闭（输入交接事项时 y、s 为文字，Ctrl-S 保存）";
    HandNeedFrom => "Choose the outgoing officer (←→).", "请选择交班人（←→）。";
    HandNeedTo => "Choose the incoming officer (←→).", "请选择接班人（←→）。";
    HandOnDuty => "on duty", "值班";
    HandDone => "Handover #{id} recorded: {from} → {to}, now on duty.", "交接班 #{id} 已记录：{from} → {to}，现由接班人值班。";
    HandSaved => "Handover sheet saved (not recorded until confirmed): {path}", "交接单已保存（确认后才记录）：{path}";
    HandNotSaved => "Handover sheet not saved in {dir}: {why}", "交接单未能保存到 {dir}：{why}";
    // Refusals (command line and console).
    HandErrUnknown => "There is no officer “{officer}” in officers.toml (the {role} officer).", "officers.toml 中没有人员“{officer}”（{role}）。";
    HandErrSame => "{officer} cannot hand over to themselves: the incoming officer must be someone else.", "{officer} 不能交接给本人：接班人须为他人。";
    HandErrEmpty => "The handover sheet is empty.", "交接单为空。";
    HandErrTooBig => "The handover sheet is {bytes} bytes; at most {max} are kept.", "交接单有 {bytes} 字节，最多保存 {max} 字节。";
    HandRoleOutgoing => "outgoing", "交班人";
    HandRoleIncoming => "incoming", "接班人";
    // The command line.
    HandCliPreview => "(preview: nothing recorded)", "（预览：未记录）";
    HandCliWritten => "sheet written to {path}", "交接单已写入 {path}";
    HandCliNotShown => "the handover sheet could not be printed ({why}): nothing was recorded", "交接单无法输出（{why}）：未登记交接";
    HandCliExists => "{path} already exists: a handover sheet never overwrites a file (choose another name)", "{path} 已存在：交接单不会覆盖已有文件（请换一个文件名）";
    HandCliCannotWrite => "cannot write {path}: {why}", "无法写入 {path}：{why}";
    // The audit trail.
    HandAuditSubject => "handover {id}", "交接班 {id}";
    HandTrail => "shift handed over: {from} → {to}", "交接班：{from} → {to}";
    // --- end of #11 handover ---

    // --- #11 fixes: on call, handover, header, help ---
    OnCallStillDispatched => "{officer} still has {n} open complaint dispatched: {ids} — re-dispatch it ({how})|{officer} still has {n} open complaints dispatched: {ids} — re-dispatch them ({how})", "{officer} 仍有 {n} 件已派发的未结举报：{ids} — 请改派（{how}）";
    OnCallRedispatchKey => "d", "d";
    OnCallRedispatchCli => "gridwatch dispatch ID --officer OFFICER", "gridwatch dispatch 编号 --officer 人员";
    ColDispatchedTo => "→ {name}", "→ {name}";
    OnCallShiftNamed => "{name} shift", "{name}班";
    OnCallOnHoliday => "holiday ({name}): the roster follows the weekdays unless an override says otherwise", "节假日（{name}）：值班表仍按星期排班，除非 roster.toml 的 override 另有安排";
    OnCallOnMakeup => "make-up working day ({name}): the roster follows the weekdays ({weekday}'s duty) unless an override says otherwise", "调休工作日（{name}）：值班表仍按星期排班（{weekday}的值班），除非 roster.toml 的 override 另有安排";
    OnCallHoldsNow => "holds it now", "现任";
    SymSwapped => "a role swapped at a console: who holds it now, and why", "该角色已在控制台调班：现任及原因";
    SymOverride => "a dated override of roster.toml applies, and why", "roster.toml 中按日期的调整生效及原因";
    SymVia => "the duty of an ancestor grid applies (the grid has none of its own)", "本网格无值班安排，沿用上级网格";
    SymNobody => "nobody on call now, next shift or at some time of the coming 7 days", "当前、下一班或未来 7 天内某时段无人值班";
    SymStaffOk => "staff within the plan (specific responsible: have/plan)", "人员符合配置（具体责任人：现有/应配）";
    SymStaffShort => "short of staff, or a group without a leader", "缺员，或企业网格小组无组长";
    SymStaffOver => "over the maximum", "超编";
    SymNoClass => "a township without a class: no plan to check", "乡镇未定类别：无法核对配置";
    SymSrcOverdue => "inspection overdue by that many days (`! never`: never inspected)", "逾期未检的天数（“! 从未”：从未检查）";
    SymSrcSoon => "inspection due within 7 days", "7 天内应检";
    SymSrcShortened => "interval in days, shortened by a recent complaint, violation or repeat", "检查频次（天），因近期举报、违法或重复举报而缩短";
    HandSwaps => "On-call swaps ({n})", "值班调班（{n}）";
    HandSwapShift => "{shift} of {date}", "{date} {shift}";
    OnCallDetailNow => "now: {shift} of {date}", "当班：{date} {shift}";
    OnCallDetailNext => "next: {shift} of {date}", "下一班：{date} {shift}";
    OnCallDetailNowWord => "now", "当班";
    OnCallDetailNextWord => "next", "下一班";
    OnCallDetailSwap => "⇄ {when} {role}: {from} → {to} — {reason}", "⇄ {when}{role}：{from} → {to} — {reason}";
    OnCallDetailOverride => "✎ {when}: {reason}", "✎ {when}：{reason}";
    // --- end of #11 fixes ---

    // --- #11 fixes: sources and patrols ---
    SrcImportDone => "{n} sources written to {path} (added {added}, updated {updated}, kept {kept}, removed {removed}); running daemons and consoles take them up", "已将 {n} 家污染源写入 {path}（新增 {added}，更新 {updated}，保留 {kept}，删除 {removed}）；运行中的接收服务与控制台会自动载入";
    SrcImportAdded => "added: {ids}", "新增：{ids}";
    SrcImportUpdated => "updated: {ids}", "更新：{ids}";
    SrcImportRemoved => "removed: {ids}", "删除：{ids}";
    SrcImportBak => "the previous file is kept as {path}", "原文件已保留为 {path}";
    SrcExported => "{n} sources written to {path}", "已将 {n} 家污染源写入 {path}";
    SrcTrailInspection => "inspection of {enterprise} {name} ({kind}) by {officers}, {at}: {result}", "检查 {enterprise} {name}（{kind}），检查人员 {officers}，{at}：{result}";
    SrcTrailComplaint => "after complaint #{id}", "核查举报 #{id}";
    SrcTrailProblems => "problems: {text}", "发现问题：{text}";
    SrcTrailRectifyBy => "rectify by {date}", "限 {date} 前整改";
    SrcTrailVisit => "township visit to {township} {name} by {officer}, {at}", "{officer} 走访 {township} {name}，{at}";
    SrcAuditInspection => "inspection {id}", "检查 {id}";
    SrcAuditVisit => "visit {id}", "走访 {id}";
    SrcLeaderOverdue => "{n} linked source overdue|{n} linked sources overdue", "挂钩企业逾期 {n}";
    SrcErrProblemsFlag => "an inspection that found a problem needs the problems found (--problems TEXT)", "发现问题的检查须写明发现的问题（--problems 文字）";
    SrcShortenedLegend => "* shortened: {list}", "* 已缩短：{list}";
    SrcVisitUnlinked => "{township} is not among {officer}'s linked townships; recorded anyway", "{township} 不在 {officer} 的挂钩乡镇中；仍已登记";
    SrcUiOwes => "owes {what}", "欠 {what}";

    // --- #11 fixes: merge, repeats, audit, grids ---
    MergeTypeAny => "No earlier complaint of its chain, enterprise, or grid and category within {days} days here: type the id of any earlier complaint.", "此处没有 {days} 天内同链、同企业或同网格同类别的更早举报：可输入任一更早举报的编号。";
    MergeTypeOther => "↑↓ the candidates, or type the id of any earlier complaint.", "↑↓ 选择候选，或输入任一更早举报的编号。";
    RepeatsLater => "Repeats", "重复举报";
    RepeatedByLater => "{n} later complaint repeats this one|{n} later complaints repeat this one", "此后有 {n} 件重复举报";
    AuditKeyPageUp => "Audit log: a page newer", "审计日志：向前（较新）一页";
    AuditKeyPageDown => "Audit log: a page older", "审计日志：向后（较早）一页";
    AuditKeyFirst => "Audit log: the newest entry", "审计日志：最新一条";
    AuditKeyLast => "Audit log: the oldest entry held", "审计日志：所存最早一条";
    AuditIncident => "incident {id}", "突发事件 {id}";
    AuditSwap => "swap {id}", "调班 {id}";
    AuditInspection => "inspection {id}", "现场检查 {id}";
    AuditVisit => "visit {id}", "乡镇走访 {id}";
    AuditShown => "{from}–{to} of {n}", "第 {from}–{to} 条，共 {n} 条";
    MergeErrNoId => "Type the id of the earlier complaint to merge into.", "请输入要并入的更早举报的编号。";

    // ===== assessment and the picture of the day (#12) =====
    // Each area adds its keys inside its own block, with its own prefix.
    ScreenStatistics => "Statistics", "统计";
    ScreenMap => "Map", "地图";

    // --- #12 report: keys Rep* (helper: report) ---
    RepTitle => "Assessment report {from} – {to}", "考核报表 {from} 至 {to}";
    RepMeta => "Grids at level {level} ({level_name}), each with its whole subtree · period in {tz}, [{from} 00:00, {after} 00:00) · counted at {now}", "第 {level} 级网格（{level_name}），各含其全部下级 · 时段按 {tz}：[{from} 00:00, {after} 00:00) · 统计时刻 {now}";
    RepLevelCity => "city", "市级";
    RepLevelTownship => "townships and zones", "乡镇/园区";
    RepLevelVillage => "villages", "村/社区";
    RepLevelGroup => "enterprise groups", "企业网格组";
    RepGridCol => "grid", "网格";
    RepNameCol => "name", "名称";
    RepNoGrid => "(no grid)", "（未定网格）";
    RepElsewhere => "(above this level or not configured)", "（上级网格或已不在配置中）";
    RepTotal => "Total", "合计";
    RepNone => "—", "—";
    RepTopicReceived => "Complaints received, by source and category", "受理举报（按来源、类别）";
    RepTopicArrivals => "Arrivals: on time, late, missing, pending", "到场：按时、超时、未到场、未到期";
    RepTopicEscalations => "Escalations by stage", "各级督办";
    RepTopicComplaints => "Repeats, merges, rejections, reopenings", "重复、合并、不予受理、重新办理";
    RepTopicIncidents => "Incidents (drills left out) and upward reports", "突发事件（不含演练）及上报";
    RepTopicPatrols => "Pollution-source patrols", "污染源巡查";
    RepTopicWater => "Outflow-section water quality", "出境断面水质";
    RepWaterSections => "sections", "断面数";
    RepWaterPassed => "months passed", "达标月数";
    RepWaterFailed => "months failed", "未达标月数";
    RepWaterWithoutData => "months without data", "无数据月数";
    RepWaterVerdict => "water verdict", "水质结论";
    RepWaterPass => "pass", "达标";
    RepWaterFail => "fail", "未达标";
    RepWaterIncomplete => "incomplete", "数据不全";
    RepWaterSummary => "{n} sections: {pass} pass, {fail} fail, {incomplete} incomplete", "{n} 个断面：达标 {pass}，未达标 {fail}，数据不全 {incomplete}";
    RepWaterNoSections => "No outflow sections are configured (config/sections.toml).", "未配置出境断面（config/sections.toml）。";
    RepWaterSection => "section", "断面";
    RepWaterTownship => "township", "乡镇";
    RepWaterTarget => "target", "目标";
    RepWaterLegend => "✔ the month's worst class meets the target · ✖ it is worse · ? no reading that month", "✔ 当月最差类别达到目标 · ✖ 劣于目标 · ? 当月无监测数据";
    RepReceived => "received", "受理数";
    RepWorkday => "30 min", "30分钟";
    RepOffHours => "60 min", "60分钟";
    RepBothRegimes => "all", "合计";
    RepOnTime => "on time", "按时";
    RepLate => "late", "超时";
    RepMissing => "missing", "未到场";
    RepPending => "pending", "未到期";
    RepRate => "on-time rate %", "按时率%";
    RepMedian => "median min to arrival", "到场用时中位数(分)";
    RepP90 => "p90 min to arrival", "到场用时90分位(分)";
    RepFired => "{stage}: fired", "{stage}：已督办";
    RepSkipped => "{stage}: skipped", "{stage}：跳过";
    RepManual => "manual", "人工督办";
    RepRepeats => "repeats", "重复举报";
    RepMerged => "merged", "合并";
    RepRejected => "rejected", "不予受理";
    RepReopened => "reopened", "重新办理";
    RepIncidentLevel => "level {level}", "{level}级";
    RepIncidentUnknown => "level unknown", "级别未定";
    RepReportsOnTime => "reports on time", "按时上报";
    RepReportsLate => "reports late", "迟报";
    RepReportsOverdue => "reports overdue, unsent", "逾期未报";
    RepReportsPending => "reports not yet due", "未到期未报";
    RepSources => "sources", "污染源数";
    RepDue => "due", "应巡查";
    RepDone => "inspected", "已巡查";
    RepOverdue => "overdue", "逾期未巡查";
    RepDefinitions => "Definitions", "口径说明";
    RepBackwards => "the period starts after it ends: --from {from} is after --to {to}", "时段起止颠倒：--from {from} 晚于 --to {to}";
    RepBadDate => "--{flag} '{value}' is not a date like 2026-07-01", "--{flag} 的值“{value}”不是形如 2026-07-01 的日期";
    RepImplausible => "the period {from} – {to} is not within the years 2000 to 2099", "时段 {from} 至 {to} 不在 2000 至 2099 年之间";
    RepPeriodFromCol => "period from", "时段起";
    RepPeriodToCol => "period to", "时段止";
    RepCountedAtCol => "counted at", "统计时刻";
    RepBomCsvOnly => "--bom is for --format csv (a byte-order mark in Markdown or JSON only gets in the way)", "--bom 仅用于 --format csv（Markdown 与 JSON 不需要字节顺序标记）";
    RepOutOfRange => "the period {from} – {to} is out of the calendar's range", "时段 {from} 至 {to} 超出日历范围";
    RepDefReceivedT => "Received", "受理数";
    RepDefReceived => "every complaint received in the period (by its received time, local days), whatever became of it, by source and by category; a complaint of two categories counts once in each category column.", "时段内（按受理时刻、当地日期）受理的全部举报，不论后来如何处理；按来源、类别分列，属两个类别的举报在每个类别各计一次。";
    RepDefRowsT => "Rows", "行";
    RepDefRows => "one per grid at the chosen level, each counting its whole subtree (the grid itself and every grid below it); complaints with no grid, and those on a grid above the level, have rows of their own; the total counts everything.", "所选级别的每个网格一行，各含其全部下级网格；未定网格的举报、以及记在更上级网格的举报各占一行；合计含全部。";
    RepDefDueT => "Due an arrival", "应到场";
    RepDefDue => "received and neither rejected nor merged into an earlier complaint (the earlier one carries the duty).", "已受理，且未被不予受理、未并入更早的举报（由更早的举报承担到场义务）。";
    RepDefOnTimeT => "On time / late", "按时 / 超时";
    RepDefOnTime => "the first arrival of the first round (a corrected arrival as corrected) at or before the deadline fixed at intake (30 min on a working day in the day window, 60 min at night, weekends and holidays; a make-up working day is a working day); late: after it.", "第一轮的首次到场（更正过的以更正后为准）不晚于受理时确定的时限（工作日白天30分钟；夜间、周末、节假日60分钟；调休上班日按工作日）；超时：晚于时限。";
    RepDefMissingT => "Missing / pending", "未到场 / 未到期";
    RepDefMissing => "no arrival and the deadline has passed at the time the report is counted; pending: no arrival and the deadline still ahead (not in the rate).", "统计时刻无到场记录且已过时限；未到期：无到场记录、时限未到（不计入按时率）。";
    RepDefRateT => "On-time rate", "按时率";
    RepDefRate => "on time ÷ (on time + late + missing), in per cent to a tenth; shown as — when nothing was due.", "按时 ÷（按时 + 超时 + 未到场），以百分数计、保留一位小数；无应到场时显示 —。";
    RepDefMinutesT => "Minutes to arrival", "到场用时";
    RepDefMinutes => "from received to that arrival, on time and late alike; median and 90th percentile by nearest rank over all the subtree's arrivals (never an average of its grids' figures).", "自受理至该次到场，按时与超时均计；中位数与90分位数按最近秩法，对整个下级网格范围内的全部到场计算（不取各网格数值的平均）。";
    RepDefEscalationsT => "Escalations", "督办";
    RepDefEscalations => "by stage as recorded; a stage the escalator skipped (the complaint came in already past it) counted apart from those fired; manual escalations apart.", "按记录的督办级别计；因举报受理时已过该级时点而跳过的，与已督办的分开计；人工督办单列。";
    RepDefRepeatsT => "Repeats", "重复举报";
    RepDefRepeats => "complaints marked as repeating an earlier one (same enterprise, or same grid and category, within the repeat window), merged or not.", "在重复判定期内与更早举报同一企业、或同一网格同一类别而被标为重复的举报，不论是否合并。";
    RepDefMergedT => "Merged", "合并";
    RepDefMerged => "merged into an earlier complaint: counted as received, not due an arrival.", "并入更早的举报：计入受理数，不计应到场。";
    RepDefRejectedT => "Rejected", "不予受理";
    RepDefRejected => "rejected (not in remit, insufficient detail…): counted as received, not due an arrival.", "不予受理（不属职责、信息不足等）：计入受理数，不计应到场。";
    RepDefReopenedT => "Reopened", "重新办理";
    RepDefReopened => "reopened after closing: counted once by its first round, and once here.", "办结后重新办理：按第一轮计一次，并在此列计一次。";
    RepDefIncidentsT => "Incidents", "突发事件";
    RepDefIncidents => "discovered in the period, drills left out, by level (I most serious; unknown while undetermined); their upward reports with a deadline: on time (sent at or before it), late, overdue (unsent, deadline passed), not yet due.", "时段内发现的突发事件（不含演练），按级别计（I级最重；未定级单列）；其有时限的上报：按时（时限内报出）、迟报、逾期未报、未到期。";
    RepDefPatrolsT => "Patrols", "污染源巡查";
    RepDefPatrols => "the pollution sources of the subtree by the Sources board's rules (interval by control level, shortened by complaints and violations): due — owing an inspection by the period's last day, counted from the last inspection before the period; inspected — inspected in the period; overdue — due, and not inspected when the due day ended, at the period's end (or now, if sooner).", "按污染源页面的规则（按管控级别定周期，投诉、违法可缩短）统计下级网格内的污染源：应巡查——以时段前最后一次巡查起算，到时段最后一日应巡查的；已巡查——时段内巡查过的；逾期——应巡查而到期日结束时仍未巡查的（截至时段结束，或统计时刻若更早）。";
    RepDefWaterT => "Water", "水质";
    RepDefWater => "the outflow sections of the townships in the subtree, each counted on its township's grid (below the township level, in the row of grids above the level); the calendar months from the period's first day's to its last day's, each judged whole: a section's month passed when its worst reading that month is no worse than its target class (GB 3838-2002), failed when worse, without data when it had no reading; months are summed over the sections; verdict: fail if any month failed, pass if every month had data, else incomplete (none without a section).", "下级乡镇的出境断面，计入所属乡镇网格（所选级别低于乡镇时，计入上级网格一行）；时段首日所在月至末日所在月，每月按整月评价：断面当月最差一次监测的类别不劣于目标类别（GB 3838-2002）为达标，劣于目标为未达标，当月无监测为无数据；月数按断面累加；结论：任一月未达标为未达标，每月均有数据为达标，否则为数据不全（无断面则无结论）。";
    // --- end of #12 report ---

    // --- #12 water quality: keys Water* (helper: water) ---
    WaterTitle => "Water quality of the outflow sections (GB 3838-2002), {from} to {to}", "出境断面水质（GB 3838-2002），{from} 至 {to}";
    WaterSectionLine => "{id} {name} — {river}, {township}; target {target}: {verdict}", "{id} {name} — {river}，{township}；目标 {target}：{verdict}";
    WaterMonthLine => "{month}  {class}  {verdict}", "{month}  {class}  {verdict}";
    WaterPass => "✔ pass", "✔ 达标";
    WaterFail => "✖ fail", "✖ 未达标";
    WaterNoData => "○ no data", "○ 无数据";
    WaterIncomplete => "○ incomplete", "○ 数据不全";
    WaterNoReading => "—", "—";
    WaterSummary => "{n} sections: {pass} pass, {fail} fail, {incomplete} incomplete", "{n} 个断面：达标 {pass}，未达标 {fail}，数据不全 {incomplete}";
    WaterNoSections => "no outflow sections: add config/sections.toml (see the README)", "没有出境断面：请添加 config/sections.toml（见 README）";
    WaterRecorded => "reading {id} recorded: {section} {name}, {at}, class {class}; target {target}", "已记录水质数据 {id}：{section} {name}，{at}，{class}；目标 {target}";
    WaterAlready => "already recorded as reading {id}: nothing recorded twice", "已记录过（水质数据 {id}），不重复记录";
    WaterConflict => "{section} at {at} has reading {id} already, with other values (class {class}): readings are never changed; nothing recorded", "{section} 在 {at} 已有水质数据 {id}，数值不同（{class}）：水质数据不可修改，未记录任何数据";
    WaterImported => "{file}: {new} readings recorded, {same} already recorded", "{file}：记录 {new} 条水质数据，{same} 条已记录过";
    WaterImportRefused => "{errors} in {file}: nothing recorded", "{file} 有 {errors}：未记录任何数据";
    WaterNErrors => "{n} error|{n} errors", "{n} 处错误";
    WaterBadDate => "'{text}' is not a date: write YYYY-MM-DD", "“{text}”不是日期：请写 YYYY-MM-DD";
    WaterBadPeriod => "the period {from} to {to} is not 1 to 120 months", "时段 {from} 至 {to} 不在 1 到 120 个月之间";
    WaterBadParam => "--param '{text}' is not CODE=VALUE (like NH3-N=1.2); the codes are {codes}", "--param “{text}”不是 代码=数值（如 NH3-N=1.2）；参数代码：{codes}";
    WaterBadClass => "'{text}' is not a class: write I, II, III, IV, V or 劣V (also Ⅰ…Ⅴ, with or without 类)", "“{text}”不是水质类别：请写 I、II、III、IV、V 或 劣V（也可写 Ⅰ…Ⅴ，可带“类”）";
    WaterTrail => "water reading of {section} {name} sampled {at}: class {class}", "{section} {name} 水质数据，采样 {at}：{class}";
    WaterTownships => "Townships over the period (a township fails if any of its sections fails):", "各乡镇本时段结论（任一断面未达标即未达标）：";
    WaterTownshipLine => "{grid} {name}: {verdict}", "{grid} {name}：{verdict}";
    WaterCsvTooBig => "{bytes} bytes: a water-readings CSV is at most {max}", "{bytes} 字节：水质数据 CSV 最多 {max} 字节";
    WaterAuditSubject => "water {id}", "水质 {id}";
    WaterTrailImported => "imported from {origin}", "导入自 {origin}";
    // --- end of #12 water ---

    // --- #12 map and coordinates: keys Map*, Geo* (helper: map) ---
    GeoPreviewGridByPolygon => "{grid} {name} — its point lies in the grid's boundary", "{grid} {name} — 坐标位于网格边界内";
    GeoGridByPolygon => "its point lies in the grid's boundary", "坐标位于网格边界内";
    MapNoBoundaries => "No grid boundaries: config/grids.geojson is absent or left out (gridwatch check-config)", "无网格边界：config/grids.geojson 缺失或有误未载入（gridwatch check-config）";
    MapNoneSelected => "No open complaint with a location", "没有带坐标的未办结投诉";
    MapOnTheMap => "{n} on the map", "图上 {n} 件";
    MapWithoutLocation => "{n} without a location", "{n} 件无坐标";
    MapOutside => "{n} outside the boundaries", "{n} 件在边界外";
    MapLegendOk => "in time", "时限内";
    MapLegendSoon => "within {min} min", "不足 {min} 分钟";
    MapLegendLate => "late", "已超时";
    MapLegendIncident => "incident", "突发事件";
    MapLegendSelected => "selected", "选中";
    MapKeys => "↑/↓ j/k: next complaint on the map", "↑/↓ j/k：切换图上投诉";
    MapSymSoon => "an open complaint within the warning of its deadline", "未办结投诉，临近时限";
    MapTimeLeft => "{t} left", "剩 {t}";
    MapOverdue => "{t} overdue", "超时 {t}";
    GeoFieldPoint => "Point (lat, lon)", "坐标（纬度，经度）";
    GeoPointValue => "{lat}, {lon} (WGS-84)", "{lat}，{lon}（WGS-84）";
    MapRefused => "grids.geojson refused, the boundaries in force are kept: {why}", "grids.geojson 未被采用，沿用现行网格边界：{why}";
    // --- end of #12 map ---

    // --- #12 statistics screen: keys Stat* (helper: statistics) ---
    StatKeyWindow => "Statistics: today, 7 days, 30 days", "统计：今日、近 7 天、近 30 天";
    StatTitle => "Statistics · {window}", "统计 · {window}";
    StatToday => "today since 00:00", "今日（0 时起）";
    StatWeek => "7 days from {day}", "近 7 天（{day} 起）";
    StatMonth => "30 days from {day}", "近 30 天（{day} 起）";
    StatNextHint => "w: {window}", "w：{window}";
    StatNextToday => "today", "今日";
    StatNextWeek => "7 days", "近 7 天";
    StatNextMonth => "30 days", "近 30 天";
    StatSummary => "Received {received} · deadline passed {due} · on time {on_time} ({rate}) · breaches {breaches}: late {late}, missing {missing}", "受理 {received} · 已到时限 {due} · 按时 {on_time}（{rate}）· 超时 {breaches}：迟到 {late}，未到场 {missing}";
    StatSummaryMore => "To arrival (min): median {median}, p90 {p90} · rejected {rejected} · merged {merged} · reopened {reopened}", "到场用时（分钟）：中位 {median}，90 分位 {p90} · 不予受理 {rejected} · 合并 {merged} · 重新办理 {reopened}";
    StatRates => "On-time rate by township (▼ below {target})", "各乡镇按时到场率（▼ 低于 {target}）";
    StatAll => "All", "合计";
    StatUnassigned => "no grid", "未分配网格";
    StatColDue => "Deadline", "已到时限";
    StatColBreaches => "Breach", "超时";
    StatColPatrol => "Patrol", "巡查";
    StatPerHour => "Complaints per hour, today", "今日每小时受理举报";
    StatPerDay => "Complaints per day", "每日受理举报";
    StatAxisHour => "hour", "时";
    StatAxisDay => "day", "日";
    StatAxisCount => "complaints", "件";
    StatRepeats => "Enterprises complained about again", "重复被举报企业";
    StatRepeatsNone => "No repeated complaint about an enterprise", "无针对企业的重复举报";
    StatPatrol => "Patrols", "污染源巡查";
    StatPatrolLine => "{done} of {due} sources due inspected ({rate})", "应巡查 {due} 家，已巡查 {done} 家（{rate}）";
    StatPatrolNone => "No source was due a patrol", "无应巡查的污染源";
    StatSections => "Outflow sections", "出境断面水质";
    StatSectionsGap => "? not available: sections.toml could not be read", "? 暂无：无法读取 sections.toml";
    StatSectionsNone => "No outflow section configured", "未配置出境断面";
    StatPass => "pass", "达标";
    StatFail => "fail", "不达标";
    StatNoData => "incomplete", "数据不全";
    StatNoReading => "no reading in a year", "近一年无监测";
    StatWindowVerdict => "ended months: {verdict}", "已结束月份：{verdict}";
    StatNothingDue => "none due", "无应到场";
    StatSymBelow => "a township's on-time rate below the 90 % target", "乡镇按时到场率低于 90% 目标";
    StatSymBreaches => "breaches: late + missing (deadline passed, no arrival)", "超时：迟到 + 未到场（已到时限未到场）";
    StatSymPass => "outflow section: its latest month meets the target class", "出境断面：最近一月达到目标类别";
    StatSymFail => "outflow section: its latest month is worse than the target", "出境断面：最近一月劣于目标类别";
    StatSymIncomplete => "outflow section: incomplete, a month without a reading", "出境断面：数据不全，有月份无监测";
    // --- end of #12 statistics ---
}

/// A day of the week's short name.
pub fn weekday(d: chrono::Weekday) -> T {
    use chrono::Weekday;
    match d {
        Weekday::Mon => T::Mon,
        Weekday::Tue => T::Tue,
        Weekday::Wed => T::Wed,
        Weekday::Thu => T::Thu,
        Weekday::Fri => T::Fri,
        Weekday::Sat => T::Sat,
        Weekday::Sun => T::Sun,
    }
}

/// A text with `{name}` placeholders filled in: `fill(T::DoneDispatched.get(lang), &[("id", "5"), …])`.
/// One pass: a value is never read as a placeholder.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(n, _)| *n == &after[..close])?)))
        {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number with its noun in the right form: a template is written
/// `"{n} file|{n} files"` (one|other); one without `|` (Chinese) serves
/// every number.
pub fn count(t: T, lang: Lang, n: i64) -> String {
    let text = t.get(lang);
    let form = match text.split_once('|') {
        Some((one, _)) if n == 1 => one,
        Some((_, other)) => other,
        None => text,
    };
    fill(form, &[("n", &n.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_for_one_only() {
        assert_eq!(count(T::CliNFiles, Lang::En, 1), "1 file");
        assert_eq!(count(T::CliNFiles, Lang::En, 0), "0 files");
        assert_eq!(count(T::CliNDuties, Lang::En, 2), "2 duties");
        assert_eq!(count(T::CliNFiles, Lang::Zh, 1), "1 个文件");
    }

    #[test]
    fn fill_replaces_named_places_once_and_keeps_the_rest() {
        assert_eq!(
            fill(
                "#{id}: to {officer} {x}",
                &[("id", "5"), ("officer", "{id}")]
            ),
            "#5: to {id} {x}"
        );
    }
}
