# Simplified Chinese (the source; 繁體 is generated from it)

lookup-not-found = 没有找到与该编号和查询码相符的信访事项或法律援助申请，请核对编号和查询码后再试
lookup-too-many-material = 查询失败次数过多，请在 { $wait } 后再试；您写的补充说明没有提交，请先另外保存

## The lookup form (pages/lookup_page.rs)

lookup-form-title = 查询办理进度
lookup-form-intro = 请输入提交信访事项或法律援助申请时得到的编号和查询码。查询码只在提交时显示一次，请妥善保管。
lookup-form-number-label = 编号（信访件如 XF202612010042，法律援助申请如 FY202612010007）
lookup-form-code-label = 查询码（12 位，例如 ABCD-EFGH-JKMN）
lookup-form-submit = 查询
lookup-form-forgotten-code = 忘记查询码的，可以在“{ $link }”用手机号码获取短信验证码后重新发送查询码；也可以携带身份证件到信访接待场所查询，或者拨打 12345。

## A petition's progress (pages/lookup_page.rs)

lookup-case-title = 办理进度
lookup-case-number = 信访件编号
lookup-case-subject = 标题
lookup-case-category = 类别
lookup-case-status = 当前状态
lookup-case-received = 收到时间
lookup-case-unit = 承办单位
lookup-case-unit-undecided = 由信访部门确定
lookup-case-due-heading = 法定期限
lookup-case-due-now = 当前：{ $step }，应于 { $date } 前完成（{ $article }）。
lookup-case-due-register = 信访部门应于 { $date } 前登记并转送或交办（《信访工作条例》第二十二条）。
lookup-case-timeline-heading = 办理过程
lookup-case-replies-heading = 答复意见
lookup-case-no-reply = 尚未答复。有权处理的机关作出书面答复后，会显示在这里。
lookup-reply-heading = 信访处理意见书（{ $time }）
lookup-reply-request = 诉求
lookup-reply-facts = 事实和理由
lookup-reply-opinion = 处理意见
lookup-reply-legal-basis = 法律依据
lookup-reply-outcome = 处理结果
lookup-evaluation-heading = 满意度评价
lookup-evaluation-legend = 您对这份答复满意吗？（《信访工作条例》第二十一条）
lookup-evaluation-comment-label = 意见（可选）
lookup-evaluation-submit = 提交评价
lookup-review-heading = 请求复查
lookup-review-text = 对答复不服的，可以在 { $until } 前请求上一级机关复查（《信访工作条例》第三十五条）。
lookup-recheck-heading = 请求复核
lookup-recheck-text = 对答复不服的，可以在 { $until } 前请求上一级机关复核（《信访工作条例》第三十六条）。
lookup-review-reason-label = 请求的理由
lookup-case-another = 查询另一件

## A legal aid application's progress (pages/lookup_page.rs)

lookup-aid-title = 法律援助申请 { $number }
lookup-aid-status = 状态
lookup-aid-matter = 事项
lookup-aid-received = 收到时间
lookup-aid-due = 法定期限
lookup-aid-due-by = { $step }：{ $date }前（{ $article }）
lookup-aid-answer-by = 补充材料期限
lookup-aid-answer-by-date = { $date }（逾期未补充的，视为撤回申请）
lookup-aid-timeline-heading = 办理过程
lookup-material-heading = 补充材料或作出说明
lookup-material-explanation-label = 补充说明
lookup-material-explanation-hint = 写明补充了哪些材料，或者对要求说明的问题作出说明；纸质材料也可以送到法律援助机构
lookup-material-submit = 提交补充
lookup-aid-complaint = 对法律援助机构的决定或者服务有意见的，可以向司法行政部门投诉（第五十五条）。

## What the lookup's forms answer
lookup-number-required = 请输入信访件编号
lookup-code-required = 请输入查询码
lookup-evaluation-recorded = 感谢您的评价，已经记录。
lookup-recheck-requested = 复核请求已经提交，上一级机关应当自收到之日起 30 日内提出复核意见（第三十六条）。
lookup-review-requested = 复查请求已经提交，上一级机关应当自收到之日起 30 日内提出复查意见并书面答复（第三十五条）。
lookup-material-supplied = 补充的材料已经提交。法律援助机构自收到之日起 7 日内作出决定。

## A request for material answered for an application that cannot be found
lookup-aid-not-found = 没有找到这件申请，请重新查询
lookup-form-forgotten-code-link = 我的事项
lookup-messages-heading = 短信和邮件通知
lookup-messages-on = 本事项的办理进展正在用您选择的方式告诉您。不需要了，可以停止。
lookup-messages-stop = 停止通知
lookup-messages-off = 本事项已停止发送通知。
lookup-messages-stopped = 已停止发送本事项的短信和邮件通知。
lookup-via-mine = 您是通过“我的事项”查看的。评价答复、申请复查复核或者补充材料，请凭编号和查询码在“查询办理进度”办理；忘记查询码的，可以在“我的事项”重新发送。
lookup-back-to-mine = 返回我的事项
