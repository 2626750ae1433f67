# The rules' messages. Simplified Chinese is the source; 繁體 is generated from it.

## ID numbers (GB 11643)
id-number-empty = 请输入身份证号码
id-number-length = 身份证号码应为 18 位，请检查是否多输或漏输
id-number-characters = 身份证号码只能包含数字，最后一位可以是 X
id-number-region = 身份证号码前两位不是有效的省级地区代码，请核对
id-number-birth-date = 身份证号码中的出生日期（第 7–14 位）不是有效日期，请核对
id-number-check = 身份证号码的最后一位校验码不对，请逐位核对

## Mobile numbers
mobile-empty = 请输入手机号码
mobile-characters = 手机号码只能包含数字
mobile-length = 手机号码应为 11 位数字
mobile-not-mobile = 这不是有效的手机号码：应以 13–19 开头

## Text fields (every form)
text-required = 请填写{ $label }
text-characters = { $label }含有无法识别的字符，请删除后重新输入
text-too-short = { $label }太短：至少 { $min } 个字，现在 { $len } 个字
text-too-short-min = { $label }太短：至少 { $min } 个字
text-too-long = { $label }太长：最多 { $max } 个字，现在 { $len } 个字

## The person (petitioner, applicant)
field-name = 姓名
field-address = 住址
name-characters = 姓名不能包含数字、符号或表情，请按身份证上的姓名填写
district-required = 请选择所在地区
district-unknown = 所选地区不在本市范围内，请从列表中选择

## A petition's fields (as labels inside messages)
field-title = 标题
field-request = 诉求
field-facts = 事实和理由
field-place-and-time = 发生的地点和时间
field-earlier = 此前的处理情况

## A petition's own problems
category-required = 请选择信访事项的类别
category-unknown = 类别只能是 suggestion（建议意见类）、report（检举控告类）或 appeal（申诉求决类）
unit-unknown = 所选单位不在本市承办单位名单中；不清楚时可以不选，由信访部门确定
petition-incomplete = 提交的内容不完整

## The kinds of petition (第29–31条)
category-suggestion = 建议意见类
category-report = 检举控告类
category-appeal = 申诉求决类
article-29 = 第二十九条
article-30 = 第三十条
article-31 = 第三十一条

## Files
file-kind-jpeg = JPG 图片
file-kind-png = PNG 图片
file-kind-pdf = PDF 文件

## The statutory limits: the article that sets each, its step, what it counts from
limit-article-22 = 《信访工作条例》第二十二条
limit-article-23 = 《信访工作条例》第二十三条
limit-article-34 = 《信访工作条例》第三十四条
limit-article-35 = 《信访工作条例》第三十五条
limit-article-36 = 《信访工作条例》第三十六条
limit-article-legal-aid-43 = 《中华人民共和国法律援助法》第四十三条
limit-register = 登记并转送、交办
limit-acknowledge = 书面告知接收情况和处理途径
limit-object = 对转送、交办提出异议
limit-handle = 办结并书面答复
limit-extension = 延长办理期限
limit-request-review = 请求复查
limit-answer-review = 作出复查意见
limit-request-recheck = 请求复核
limit-answer-recheck = 作出复核意见
limit-decide-legal-aid = 作出是否给予法律援助的决定
limit-assign-lawyer = 指派法律援助人员
limit-from-register = 信访部门收到信访事项
limit-from-assignment = 承办单位收到转送、交办的事项
limit-from-acceptance = 受理
limit-from-extension = 60 日的办理期限届满（经批准延长，只能一次）
limit-from-reply = 信访人收到书面答复
limit-from-review-request = 收到复查请求
limit-from-review-answer = 信访人收到复查意见
limit-from-recheck-request = 收到复核请求（听证所需时间不计入）
limit-from-legal-aid-application = 法律援助机构收到申请
limit-from-grant = 决定给予法律援助
limit-days = { $n } 日
limit-working-days = { $n } 个工作日

## A case's status (derived from its events)
status-received = 已收到，等待登记
status-registered = 已登记，正在转送或交办
status-accepted = 已受理，正在办理
status-not-accepted = 不予受理
status-replied = 已书面答复
status-under-review = 复查或复核中
status-closed = 已办结

## The workbench's lists and deadlines
urgency-overdue = 已超期
urgency-due-soon = 3 日内到期
list-all = 全部事项
list-new = 新收待登记
list-review = 复查、复核

## After a reply: ratings, 复查 and 复核 (第21、35、36条)
rating-satisfied = 满意
rating-basically-satisfied = 基本满意
rating-unsatisfied = 不满意
not-now-no-reply = 还没有书面答复；答复以后才能评价或者请求复查
not-now-rated = 这份答复已经评价过了，每份答复只能评价一次
not-now-pending = 复查或复核请求正在办理中，请等待答复
not-now-final = 复核意见已经作出。对复核意见不服、仍以同一事实和理由提出的，不再受理（《信访工作条例》第三十六条）
not-now-window-closed = 请求期限已过：应当在收到书面答复之日起 30 日内提出，最后一天是 { $last }（《信访工作条例》第三十五条、第三十六条）

## The workbench: refusals and forms
unknown-action = 未知的操作
refusal-role = 您的角色不能进行这项操作
refusal-other-unit = 这件信访事项不在您的单位办理
refusal-stage = 这件事项当前的状态不能进行这项操作，请刷新页面查看最新状态
refusal-extended = 办理期限已经延长过一次，不能再延长（《信访工作条例》第三十四条）
refusal-objection-late = 对交办的异议应当在收到之日起 5 个工作日内提出，期限已过（《信访工作条例》第二十三条）
refusal-hearing-recheck = 不计入期限的听证只适用于复核（《信访工作条例》第三十六条），这件事项当前不在复核中
refusal-material-asked = 补充材料只能一次性告知（《法律援助法》第四十三条），这件申请已经告知过

## The written reply's outcome (第32条)
outcome-support = 支持
outcome-explain = 解释说明
outcome-not-support = 不予支持

## Staff actions on a case: fields and problems
unit-required = 请选择承办单位
unit-not-listed = 承办单位不在名单中
field-not-accept-reason = 不予受理的理由
field-progress-note = 办理情况
outcome-required = 请选择处理结果：支持、解释说明或不予支持
field-reply-request = 信访人的请求
field-reply-facts = 查明的事实和理由
field-opinion = 处理意见
field-legal-basis = 法律依据
extension-days-range = 延长的天数应为 1 到 30 之间的整数（第三十四条）
field-extend-reason = 延期理由
field-object-reason = 异议理由
mediation-agreed-required = 请选择是否达成调解协议
field-mediation-note = 调解情况
hearing-days-range = 听证用时应为 1 到 { $max } 之间的整数（日）
field-hearing-note = 听证情况
field-letter-text = 函件内容

## A case's events, as its timeline says them
event-received = 信访事项已收到
event-assigned = 已登记，交由{ $unit }办理
event-objected = 承办单位对交办提出异议：{ $reason }
event-accepted = 承办单位已受理
event-not-accepted = 不予受理：{ $reason }
event-progress = { $note }
event-mediation-agreed = 组织调解，达成调解协议：{ $note }
event-mediation-failed = 组织调解，未达成协议：{ $note }
event-extended = 办理期限延长 { $days } 日，理由：{ $reason }
event-replied = 已书面答复（{ $outcome }）
event-review-requested = 信访人请求复查：{ $reason }
event-recheck-requested = 信访人请求复核：{ $reason }
event-hearing = 举行复核听证，用时 { $days } 日，不计入复核期限（第三十六条）：{ $note }
event-review-answered = 已作出复查意见（{ $outcome }）
event-recheck-answered = 已作出复核意见（{ $outcome }）
event-evaluated = 信访人评价：{ $rating }
event-supervision-letter = 督办函：{ $text }
event-reminder-letter = 提醒函：{ $text }
event-closed = 已办结
event-query-code-reset = 经短信验证码验证，已按信访人申请向留存的手机号码发送新查询码，原查询码作废
level-review = 复查
level-recheck = 复核
letter-supervision = 督办函
letter-reminder = 提醒函

## The legal-aid self-check (法律援助法 第24、31–33、41–42条): matters
la-matter-state-compensation = 请求国家赔偿
la-matter-social-insurance = 请求社会保险待遇或者社会救助
la-matter-pension = 请求发给抚恤金
la-matter-maintenance = 请求给付赡养费、抚养费、扶养费
la-matter-labour = 请求确认劳动关系或者支付工资（劳动报酬）
la-matter-capacity = 请求认定某人无民事行为能力或者限制民事行为能力
la-matter-work-injury = 工伤事故造成的人身损害赔偿
la-matter-personal-injury = 交通事故、食品药品安全事故、医疗事故造成的人身损害赔偿
la-matter-environment = 环境污染、生态破坏造成的损害赔偿
la-matter-criminal = 刑事案件：本人或者近亲属是犯罪嫌疑人、被告人，没有委托辩护人
la-matter-retrial = 对生效的判决、裁定提出申诉，法院已决定再审或者检察院已提出抗诉
la-none-of-these = 以上都不是

## Articles of 法律援助法
la-article-31-1 = 第三十一条第一项
la-article-31-2 = 第三十一条第二项
la-article-31-3 = 第三十一条第三项
la-article-31-4 = 第三十一条第四项
la-article-31-5 = 第三十一条第五项
la-article-31-6 = 第三十一条第六项
la-article-31-7 = 第三十一条第七项
la-article-31-8 = 第三十一条第八项
la-article-31-9 = 第三十一条第九项
la-article-24 = 第二十四条
la-article-33 = 第三十三条
la-article-32-1 = 第三十二条第一项
la-article-32-2 = 第三十二条第二项
la-article-32-3 = 第三十二条第三项
la-article-32-4 = 第三十二条第四项
la-article-32 = 第三十二条
la-article-42-1 = 第四十二条第一项
la-article-42-2 = 第四十二条第二项
la-article-42-3 = 第四十二条第三项
la-article-42 = 第四十二条
la-article-24-25 = 第二十四条、第二十五条
la-article-41-34 = 第四十一条、第三十四条

## Situations without the hardship test (第32条), groups exempt from its check (第42条), means
la-special-hero-family = 我是英雄烈士的近亲属，要维护英雄烈士的名誉、荣誉等人格权益
la-special-good-samaritan = 我因为见义勇为，要主张相关的民事权益（例如受伤后的赔偿）
la-special-acquitted = 我经再审改判无罪，要请求国家赔偿
la-special-domestic-violence = 我遭受虐待、遗弃或者家庭暴力，要主张相关权益
la-group-no-income = 没有固定生活来源的未成年人、老年人或者残疾人
la-group-assistance = 领取最低生活保障、特困供养等社会救助，或者是司法救助、优抚对象
la-group-migrant-worker = 进城务工人员，要求支付工资或者工伤赔偿
la-hardship-yes = 是，家庭收入低，请不起律师
la-hardship-unsure = 说不准
la-hardship-no = 不是，我有能力自己请律师
la-missing-matter = 请选择您要解决的是哪一类问题
la-missing-special = 请选择是否属于下列情形之一；都不是的，请选“以上都不是”
la-missing-group = 请选择是否属于下列人员之一；都不是的，请选“以上都不是”
la-missing-hardship = 请选择您是否经济困难

## What is likely, and why
la-likely-no-test = 您很可能符合申请法律援助的条件
la-likely-if-hardship = 如果经济困难，您很可能符合申请条件
la-unlikely = 您可能不符合法律援助的条件
la-outside-list = 您的事项不在法律列举的范围内，但仍可以咨询或申请
la-reason-other = 您选择的事项不在法律援助法列举的事项中；法律、法规、规章还可以规定其他事项，广西的规定可能更宽。
la-reason-listed = “{ $matter }”是法律援助法列举的事项。
la-reason-criminal = 刑事案件的犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，本人及其近亲属都可以申请，不以经济困难为限。属于未成年人、视力听力言语残疾人等情形的，办案机关应当通知法律援助机构指派律师（第二十五条）。
la-reason-special = “{ $situation }”的，申请法律援助不受经济困难条件的限制。
la-reason-group = “{ $group }”有材料证明的，免予核查经济困难状况；申请时请带上或上传证明材料。
la-reason-hardship = 需要经济困难：申请时要如实说明经济困难状况，由法律援助机构核查，或者由您作出个人诚信承诺。经济困难的标准由自治区人民政府确定。
la-reason-not-poor = 这类事项的法律援助以经济困难为条件；您表示有能力自己委托律师。

## The legal-aid application (法律援助法 第38–42条)
la-basis-hardship = 因经济困难申请：说明经济困难状况并作出诚信承诺（第四十一条）
la-basis-no-test = 属于第三十二条的情形（如家庭暴力受害人、见义勇为），不受经济困难条件限制
la-basis-exempt = 属于第四十二条的人员（如低保对象、讨薪的进城务工人员），免予核查经济困难状况
la-field-other-party = 对方当事人
la-field-description = 案情和请求
la-field-hardship-statement = 经济困难状况说明
la-field-relation = 与申请人的关系
la-missing-matter-choice = 请选择事项的类别
la-unknown-matter = 事项类别不在列表中，请从列表中选择
la-unknown-basis = 请从列表中选择经济困难状况的情形
la-field-exempt-statement = 属于第四十二条哪一类人员的说明
la-pledge-required = 请确认诚信承诺：所说明的经济困难状况真实（法律援助法第四十一条）
la-incomplete = 申请内容不完整

## A legal-aid application's timeline (法律援助法 第43条)
aid-status-under-review = 已收到，正在审查
aid-status-material-requested = 需要补充材料
aid-status-granted = 决定给予法律援助，正在指派法律援助人员
aid-status-lawyer-assigned = 已指派法律援助人员
aid-status-refused = 决定不给予法律援助
aid-status-withdrawn = 未按要求补充材料，视为撤回申请
aid-event-received = 法律援助申请已收到
aid-event-material-requested = 请补充以下材料或者作出说明：{ $items }。请在 { $date } 前补充；逾期未补充的，视为撤回申请（第四十三条）
aid-event-material-supplied = 申请人补充了材料（{ $files } 个文件）：{ $explanation }
aid-event-explained = 申请人作出说明：{ $explanation }
aid-event-material-received = 法律援助机构收到申请人补充的材料：{ $note }
aid-event-granted = 决定给予法律援助，将在 3 日内指派法律援助人员
aid-event-lawyer-assigned = 已指派法律援助人员：{ $lawyer }
aid-event-refused = 决定不给予法律援助，理由：{ $reasons }
aid-field-days = 补充期限应为 1 到 30 之间的整数（日）
aid-field-items = 需要补充的材料
aid-field-note = 收到的材料
aid-field-lawyer = 法律援助人员
aid-field-reasons = 不予法律援助的理由

## 普法园地 and the statute library
doc-kind-guide = 普法指南
doc-kind-faq = 常见问题
doc-kind-statute = 法规
source-no-title = 第一行应当是标题，例如“# 如何提出信访事项”
source-no-summary = 标题之后应当有一段简短的摘要
source-no-body = 摘要之后还没有正文
source-no-articles = 没有找到任何条文（以“第…条”开头的段落）

## The figures the bureau reports
board-red = 红榜
board-black = 黑榜

## Waits
wait-seconds = { $n } 秒
wait-minutes = { $n } 分钟
field-reported = 被检举控告的人员或者单位
refusal-reported-unit = 这件检举控告反映的正是这个单位：依照《信访工作条例》第三十条，不得将检举、揭发材料转给被检举、揭发的人员或者单位。请交办给其上级机关或者其他有权处理的机关、单位

## Notifications (domain/notify): only the number, what happened and where to look
email-invalid = 电子邮箱地址格式不对，请检查（例如 name@example.cn），或者留空
email-too-long = 电子邮箱地址太长：最多 { $max } 个字符
notice-received = 您的信访事项 { $number } 已收到。我们将在 { $due } 前告知是否受理。凭编号和查询码可在“查询办理进度”查看。
notice-received-undated = 您的信访事项 { $number } 已收到。凭编号和查询码可在“查询办理进度”查看。
notice-assigned = 您的信访事项 { $number } 已登记，交由{ $unit }办理。
notice-accepted = 您的信访事项 { $number } 已受理，办理情况可在“查询办理进度”查看。
notice-not-accepted = 您的信访事项 { $number } 不予受理，原因请在“查询办理进度”查看。
notice-replied = 您的信访事项 { $number } 已作出书面答复，请在“查询办理进度”查看。
notice-extended = 您的信访事项 { $number } 办理期限延长 { $days } 日，至 { $until }。理由：{ $reason }
notice-extended-undated = 您的信访事项 { $number } 办理期限延长 { $days } 日。理由：{ $reason }
notice-review-answered = 您的信访事项 { $number } 的{ $level }意见已作出，请在“查询办理进度”查看。
notice-review-closing = 您的信访事项 { $number } 如需申请{ $level }，最迟请在 { $closes } 提出，可在“查询办理进度”办理。
notice-aid-received = 您的法律援助申请 { $number } 已收到，审查结果可在“查询办理进度”查看。
notice-aid-material = 您的法律援助申请 { $number } 需要补充材料，请在 { $by } 前补交，所需材料见“查询办理进度”。
notice-aid-granted = 您的法律援助申请 { $number } 已决定给予法律援助，详情请在“查询办理进度”查看。
notice-aid-refused = 您的法律援助申请 { $number } 已决定不给予法律援助，理由请在“查询办理进度”查看。
notice-aid-lawyer = 您的法律援助申请 { $number } 已指派法律援助人员，详情请在“查询办理进度”查看。
notice-booked = 您已预约 { $day } { $start } 在{ $place }的接访，预约编号 { $number }。来访请带身份证；不能来请在网上凭预约编号和取消码取消。
notice-booking-cancelled = 您的预约 { $number } 已取消。
notice-code = 您的验证码是 { $code }，{ $minutes } 分钟内有效。请勿告诉他人。
notice-new-query-code = 您的信访事项 { $number } 的新查询码是 { $code }，原查询码已作废。请妥善保管。
staff-mail-needs-address = 要接收邮件通知，请填写邮箱地址
staff-notice-assigned = 信访事项 { $number } 已交由本单位办理，请登录信访工作台查看并按期办理。
staff-notice-review = 信访事项 { $number } 收到{ $level }申请，由本单位办理，请登录信访工作台查看。
staff-notice-supervision = 信访事项 { $number } 收到督办函，请登录信访工作台查看。
staff-notice-reminder = 信访事项 { $number } 收到提醒函，请登录信访工作台查看。
staff-notice-letter = 信访局向本单位发出{ $kind }（{ $number }），事由：{ $subject }。请于 { $reply_by } 前书面答复，请登录信访工作台查看。
staff-notice-digest = 今日到期提醒：已超期 { $overdue } 件，3 日内到期 { $due_soon } 件。
    { $lines }
    请登录信访工作台办理。
notice-aid-new-query-code = 您的法律援助申请 { $number } 的新查询码是 { $code }，原查询码已作废。请妥善保管。
code-malformed = 请输入短信中的验证码：6 位数字
code-not-right = 验证码不对或者已经失效（验证码只能用一次，{ $minutes } 分钟内有效）。请检查，或者重新获取

# Channels (issue 17)
channel-web = 网上信访
channel-api = 其他系统接入
channel-letter = 来信
channel-visit = 来访
channel-phone = 来电
channel-fax = 传真
channel-hotline = 12345 热线转来
channel-transfer = 其他机关转来
channel-required = 请选择事项是通过什么渠道来的
channel-unknown = 渠道只能是来信、来访、来电、传真、12345 热线转来或其他机关转来
date-invalid = 日期要写成 年-月-日，例如 2026-12-01
intake-received-future = 收到日期不能晚于今天
intake-received-too-old = 收到日期不能早于 { $days } 天前；更早收到的，按发现之日登记并在办理情况中说明
intake-postmark-letters-only = 只有来信有邮戳日期
intake-postmark-after-receipt = 邮戳日期不能晚于收到日期
field-review-reason = 申请理由（照信件写）
posted-review-postmark = 请写邮戳日期（年-月-日）：申请以邮戳日期判断是否在期限内
posted-review-postmark-future = 邮戳日期不能晚于今天
posted-review-before-reply = 邮戳日期早于答复日期，请核对
event-posted-review-postmark = （邮寄申请，邮戳日期 { $date }）

## Reception sessions and booked visits (domain/reception)
reception-kind-ordinary = 日常接访
reception-kind-leader = 领导接访日
reception-kind-required = 请选择接访类型
reception-field-leader = 接访领导
reception-field-office = 领导职务
reception-field-place = 接访地点
reception-field-summary = 反映的事项
reception-day-required = 请写接访日期
reception-day-past = 接访日期不能早于今天
reception-day-too-far = 接访日期最多安排到 { $days } 天以后
reception-day-holiday = 这一天是法定节假日，不安排接访
reception-day-rest = 这一天是休息日，不安排接访
reception-slot-format = 第 { $line } 行看不懂：每行写一个时段和名额，例如“09:00-10:00 5”
reception-slot-order = 第 { $line } 行的结束时间应晚于开始时间
reception-slot-capacity = 第 { $line } 行的名额应为 1 到 { $max } 之间的整数
reception-slots-required = 请至少写一个时段，例如“09:00-10:00 5”
reception-slots-too-many = 一次接访最多 { $max } 个时段
reception-slots-overlap = 时段之间不能重叠
booking-status-booked = 已预约
booking-status-cancelled = 已取消
booking-status-arrived = 已到访
booking-status-no-show = 未到访

## Several people, one matter (domain/petition/joint)
joint-line-format = 其他信访人第 { $line } 行看不懂：每行写“姓名 身份证号码”，可加手机号码，推选为代表的加“代表”
joint-line-id-number = 其他信访人第 { $line } 行的身份证号码有问题：{ $problem }
joint-line-mobile = 其他信访人第 { $line } 行的手机号码有问题：{ $problem }
joint-line-twice = 其他信访人第 { $line } 行的人已经写过了
joint-too-many = 一件事项最多登记 { $max } 名其他信访人
joint-too-many-representatives = 多人走访应当推选代表，代表不得超过 { $max } 人（第二十条）；现在有 { $count } 人（含登记的信访人）

## 涉及领域 (issue 18)
event-field-set = 涉及领域设为 { $field }
field-required = 请选择涉及领域
field-unknown = 没有这个领域，请重新选择
