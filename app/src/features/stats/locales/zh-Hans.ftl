# Simplified Chinese (the source; 繁體 is generated from it)

stats-bad-month = 月份应写成 YYYY-MM，例如 2026-12

## The statistics page and the month's report (pages/stats_page.rs; the report is also the
## workbench's, which is always in Simplified Chinese)

stats-title = 信访统计
stats-figure-received = 收到信访事项
stats-figure-count = { $count } 件
stats-rate-accepted = 及时受理率
stats-rate-closed = 按期办结率
stats-rate-resolved = 一次性化解率
stats-rate-satisfaction = 满意率
stats-rate-mediation = 调解协议率
stats-figure-letters = 督办函、提醒函
stats-chart-title = 近十二个月每月收到的信访事项
stats-chart-desc = 柱状图；具体数字见下表。
stats-report-title = { $heading }（{ $month }）
stats-report-note = 按收到时间统计当月的信访事项；比率只计算已经到期或已经完成的事项，没有到期事项的显示为“—”。
stats-month-nav = 选择月份
stats-month-previous = 上一月
stats-month-next = 下一月
stats-volumes-heading = 每月收到的信访事项
stats-volumes-caption = 近十二个月每月收到的信访事项（件）
stats-volumes-month = 月份
stats-volumes-count = 件数
stats-units-heading = 各承办单位与红黑榜
stats-board-none = 无
stats-board-separator = 、
stats-board-red = 红榜
stats-board-black = 黑榜
stats-units-none = 本月还没有交办到承办单位的事项。
stats-units-caption = 各承办单位本月的指标
stats-units-unit = 承办单位
stats-units-count = 件数
stats-units-letters = 督办、提醒函
stats-units-overdue = 超期
stats-units-board = 红黑榜
stats-definitions-heading = 指标怎么算
stats-definition-accepted = 在 15 日内登记并转送、交办（或告知不予受理）的事项占应当完成的事项的比例（《信访工作条例》第二十二条）。
stats-definition-closed = 受理后在 60 日（含经批准的延长期限）内书面答复的事项占应当答复的事项的比例（第三十四条）。
stats-definition-resolved = 已答复的事项中，信访人没有请求复查的比例。
stats-definition-satisfaction = 评价为“满意”或“基本满意”的占全部评价的比例（第二十一条）。
stats-definition-mediation = 组织调解的申诉求决类事项中达成调解协议的比例（第三十三条）。
stats-definition-overdue = 当前期限已过仍未办完的事项，记在应当办的一方：复查、复核期间记在复查、复核机关，而不是被复查的承办单位（第三十五条、第三十六条）。
stats-definition-board = 红榜：各项比率都不低于 90%；黑榜：及时受理率或按期办结率低于 80%，或者有超期事项。
stats-channels-heading = 本月各渠道收到的信访事项
stats-channels-caption = 本月按来信、来访、网上信访等渠道收到的信访事项（件）
stats-channels-channel = 渠道
stats-receptions-heading = 每月预约接待的来访群众
stats-receptions-caption = 近十二个月每月在预约的接访场次接待的来访群众（人次）
stats-receptions-count = 人次
stats-receptions-none = 近十二个月还没有预约接待的来访群众。
stats-fields-heading = 本月各领域的信访事项
stats-fields-caption = 本月收到的信访事项按涉及领域（件）
stats-fields-field = 涉及领域
