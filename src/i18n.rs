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
    AuditLog => "Audit log (newest first)", "审计日志 (最新在前)";
    Detail => "Complaint", "举报详情";
    Loading => "Reading the database…", "正在读取数据库…";
    NoComplaints => "No open complaints. All quiet.", "暂无未结举报。";
    NothingMatches => "Nothing matches /{filter} — Esc clears the filter", "没有符合 /{filter} 的举报 — 按 Esc 清除筛选";
    Primary => "primary", "主班";
    Backup => "backup", "副班";
    Leader => "leader", "带班";
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
    KeyScreen => "go to screen 1-3", "切换到第 1-3 屏";
    KeyHelp => "this help", "本帮助";
    KeyBack => "close the detail, else clear the filter", "关闭详情，否则清除筛选";
    KeyQuit => "quit (asks first)", "退出（需确认）";
    // Why an action was not done, as a console's status line says it.
    ErrNoReason => "An escalation needs a reason.", "升级须填写原因。";
    FormChooseOfficer => "Choose an officer (↑↓) or type an id.", "请选择人员（↑↓）或输入编号。";
    FormNotATime => "“{text}” is not a time like 09:41.", "“{text}”不是 09:41 这样的时间。";
    FormNoSuchTimeToday => "{text} does not exist today.", "今天没有 {text} 这个时间。";
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
    WhyOnlyClosedReopen => " (only closed or rejected complaints reopen)", "（只有已办结或已退回的举报可以重开）";
    WhyResolveInstead => " (an officer is on site: resolve it instead)", "（人员已在现场：请改为办结）";
    // What an action did, as a console's status line says it ({…} filled by `fill`).
    DoneArrivedEarly => "#{id}: arrival of {officer} at {time} logged ({margin} before the deadline)",
        "#{id}：已登记 {officer} {time} 到场（早于时限 {margin}）";
    DoneArrivedLate => "#{id}: arrival of {officer} at {time} logged ({margin} after the deadline)",
        "#{id}：已登记 {officer} {time} 到场（超出时限 {margin}）";
    DoneDispatched => "#{id}: dispatched to {officer}", "#{id}：已派给 {officer}";
    DoneEscalated => "#{id}: escalated to {target}", "#{id}：已上报 {target}";
    DoneEscalatedNobody => "#{id}: escalated to (nobody on call)", "#{id}：已上报（未找到值班人员）";
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
    CliEscalated => "complaint {id} escalated to {target}{label}", "举报 {id} 已上报 {target}{label}";
    CliEscalatedNobody => "complaint {id} escalated (nobody on call found to alert; the record is kept)",
        "举报 {id} 已上报（未找到可通知的值班人员；记录已保存）";
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
    RepeatedBy => "{n} later complaint(s) repeat this one", "此后有 {n} 件重复举报";
    OnSite => "on site", "已到场";
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
    EarlierEntries => "… {n} earlier lines", "… 更早的 {n} 行";
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
    AlertWhom => "{who} was alerted at {at}.", "已于 {at} 通知 {who}。";
    AlertWhomShort => "Alerted at {at}.", "{at} 已通知。";
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
    TickAt => "at the deadline {deadline}", "到达时限 {deadline}";
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
    DeliveryConsoles => "consoles only (no alert command configured)", "仅控制台（未配置告警命令）";
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

#[cfg(test)]
mod tests {
    use super::*;

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
