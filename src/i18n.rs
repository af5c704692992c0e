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
    ColDetails => "Details", "详情";
    LiveComplaints => "Live complaints", "实时举报";
    AllComplaints => "All complaints", "全部举报";
    OnCallPanel => "On call now", "当前值班";
    Escalations => "Escalations", "升级告警";
    ArrivalsPerHour => "Arrivals / hour (24 h)", "每小时到场 (24小时)";
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
    StatusReady => "Ready. Press ? for keys.", "就绪。按 ? 查看快捷键。";
    QuitConfirm => "Quit gridwatch? y = quit, any other key = stay", "退出 gridwatch？y 退出，其他键取消";
    FilterPrompt => "Filter (text, grid, category, status); Enter applies, Esc clears", "筛选（文字、网格、类别、状态）；回车应用，Esc 清除";
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
    KeyFilter => "filter", "筛选";
    KeyReveal => "show the reporter's phone in clear (audited)", "显示举报人完整电话（留审计记录）";
    KeySort => "sort the Complaints screen (newest, deadline, grid, status)", "举报列表排序（最新、时限、网格、状态）";
    SortedBy => "sorted by", "排序";
    KeyAck => "acknowledge the top alert, for every console", "确认最上面的告警（所有控制台同步）";
    KeyNextScreen => "next screen", "下一屏";
    KeyScreen => "go to screen 1-3", "切换到第 1-3 屏";
    KeyHelp => "this help", "本帮助";
    KeyBack => "close the detail, else clear the filter", "关闭详情，否则清除筛选";
    KeyQuit => "quit (asks first)", "退出（需确认）";
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
