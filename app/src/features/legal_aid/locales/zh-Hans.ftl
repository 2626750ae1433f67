# Simplified Chinese (the source; 繁體 is generated from it)

legal-aid-not-submitted = 暂时无法保存，请稍后再试；您的申请尚未提交
legal-aid-not-found = 没有找到与该编号和查询码相符的法律援助申请，请核对后再试
legal-aid-not-found-staff = 没有找到这件申请
legal-aid-not-saved-kept = 暂时无法保存，请稍后再试；您填写的内容都还在，申请尚未提交
legal-aid-nothing-asked = 现在没有需要补充的材料，或者补充期限已过（逾期视为撤回申请，《法律援助法》第四十三条）

## The start page (/legal-aid)

legal-aid-start-title = 法律援助
legal-aid-start-lead = 经济困难、请不起律师的，可以向法律援助机构申请，由国家指派律师等法律援助人员免费为您提供法律咨询、代理或者刑事辩护（《法律援助法》第二条）。
legal-aid-start-check-heading = 先做一个自查
legal-aid-start-check-text = 回答几个问题（约 1 分钟，不需要填写个人信息），看看您的事项是否在法律援助范围内、要不要核查经济困难。自查结果只是参考，是否给予法律援助，由法律援助机构审查后决定。
legal-aid-start-check-button = 开始自查
legal-aid-start-apply-heading = 直接申请
legal-aid-apply-direct = 已经清楚自己可以申请的，可以{ $link }。申请后会得到申请编号和查询码；法律援助机构自收到申请之日起 7 日内作出是否给予法律援助的决定（第四十三条）。
legal-aid-apply-direct-link = 在网上提出申请
legal-aid-start-help-heading = 需要帮助
legal-aid-start-help-text = 拨打 12348 公共法律服务热线，可以免费咨询法律问题，也可以询问法律援助怎么申请。

## The self-check's questions (/legal-aid/check)

legal-aid-check-matter-legend = 您要解决的是哪一类问题？
legal-aid-check-matter-hint = 法律援助法列举了可以申请法律援助的事项（第二十四条、第三十一条、第三十三条）。
legal-aid-law-article = 《法律援助法》{ $article }
legal-aid-check-special-legend = 您是否属于下列情形之一？
legal-aid-check-special-hint = 属于这些情形的，申请法律援助不受经济困难条件的限制（第三十二条）。
legal-aid-check-group-legend = 您是否属于下列人员之一？
legal-aid-check-group-hint = 有材料证明属于这些人员的，免予核查经济困难状况（第四十二条）。
legal-aid-check-hardship-legend = 您是否经济困难、请不起律师？
legal-aid-check-hardship-hint = 经济困难的标准由自治区人民政府确定（第三十四条）；这里只问您自己的判断。
legal-aid-check-question-title = { $question } · 法律援助自查
legal-aid-check-continue = 继续

## The self-check's result

legal-aid-check-answer-matter = 事项
legal-aid-check-answer-special = 特殊情形
legal-aid-check-answer-group = 特定人员
legal-aid-check-answer-hardship = 经济状况
legal-aid-check-next-unlikely = 您仍然可以提出申请，由法律援助机构核查；也可以拨打 12348 咨询其他法律服务。
legal-aid-check-next-outside = 建议先拨打 12348 咨询：地方的规定可能把更多事项列入法律援助范围。您也可以提出申请，由法律援助机构审查。
legal-aid-check-next-no-test = 可以在网上提出申请。申请时说明案情，并选择您属于第三十二条的情形或者第四十二条的人员（后者请上传证明）；不需要作出经济困难的诚信承诺。
legal-aid-check-next-if-hardship = 可以在网上提出申请。申请时需要说明案情，并如实说明经济困难状况、作出诚信承诺（第四十一条）。
legal-aid-check-result-title = 自查结果 · 法律援助
legal-aid-check-result-not-a-decision = 这只是根据您的回答作出的参考，不是决定。是否给予法律援助，由法律援助机构自收到申请之日起 7 日内审查决定（《法律援助法》第四十三条）。
legal-aid-check-result-why = 为什么
legal-aid-check-reason = { $reason } （{ $link }）
legal-aid-check-result-answers = 您的回答
legal-aid-check-result-again = 重新自查
legal-aid-check-result-next = 下一步
legal-aid-check-result-apply = 申请法律援助
legal-aid-check-result-hotline = 拨打 12348 公共法律服务热线，可以免费咨询。

## The application form (/legal-aid/apply)

legal-aid-apply-who-self = 我本人申请
legal-aid-apply-who-agent = 我代别人申请（法定代理人或者近亲属）
legal-aid-apply-title = 申请法律援助
legal-aid-apply-intro = 一页一个问题，请如实回答。提交前会让您核对一遍。法律援助机构自收到申请之日起 7 日内作出是否给予法律援助的决定（《法律援助法》第四十三条）。
legal-aid-apply-who-legend = 谁在申请？
legal-aid-apply-who-hint = 无民事行为能力人、限制民事行为能力人或者被羁押的人，可以由法定代理人或者近亲属代为申请（第四十条）。
legal-aid-apply-applicant-heading = 申请人（需要法律援助的人）
legal-aid-apply-agent-heading = 代为申请的人
legal-aid-apply-agent-name = 代理人姓名
legal-aid-apply-agent-id-number = 代理人身份证号码
legal-aid-apply-agent-mobile = 代理人手机号码
legal-aid-apply-agent-relation = 与申请人的关系
legal-aid-apply-agent-relation-hint = 例如：母亲（法定代理人）、儿子（近亲属）
legal-aid-apply-matter-heading = 申请法律援助的事项
legal-aid-apply-matter = 事项类别
legal-aid-apply-matter-placeholder = 请选择
legal-aid-apply-other-party = 对方当事人（知道的请填）
legal-aid-apply-other-party-hint = 例如拖欠工资的公司名称
legal-aid-apply-description = 案情和您的请求
legal-aid-apply-description-hint = 发生了什么、什么时候、您希望得到什么帮助
legal-aid-apply-hardship-heading = 经济困难状况
legal-aid-apply-basis-legend = 您属于哪种情形？
legal-aid-apply-hardship-statement = 经济困难状况说明
legal-aid-apply-hardship-statement-hint = 家庭人口、收入来源、每月收入等。有经济困难证明的，可以在下一页上传。
legal-aid-apply-pledge = 诚信承诺：我所说明的经济困难状况真实。如有虚假，愿意承担相应的法律责任。
legal-aid-apply-files-heading = 材料（可选）
legal-aid-apply-files-text = 身份证明、经济困难证明、与案件有关的合同、欠条、判决书等的照片或扫描件。
legal-aid-apply-continue = 继续，核对申请
legal-aid-apply-next = 继续
legal-aid-apply-back = 返回
legal-aid-apply-page-title = { $question } · 申请法律援助
legal-aid-apply-agent-intro = 代为申请的，请填写您自己的信息（第四十条）。
legal-aid-apply-exempt-heading = 属于第四十二条的哪一类人员
legal-aid-apply-exempt-statement = 您属于哪一类
legal-aid-apply-exempt-statement-hint = 例如：英雄烈士近亲属、因见义勇为主张权益、家庭暴力的受害人。证明可以在下一页上传。

## The check page

legal-aid-apply-check-who = 谁在申请
legal-aid-apply-check-who-agent = 代为申请
legal-aid-apply-check-who-self = 本人申请
legal-aid-apply-check-name = 申请人姓名
legal-aid-apply-check-id-number = 身份证号码
legal-aid-apply-check-mobile = 手机号码
legal-aid-apply-check-address = 住址
legal-aid-apply-check-matter = 事项类别
legal-aid-apply-check-other-party = 对方当事人
legal-aid-apply-check-description = 案情和请求
legal-aid-apply-check-hardship = 经济困难状况
legal-aid-apply-check-hardship-statement = 经济困难状况说明
legal-aid-apply-check-pledge = 诚信承诺
legal-aid-apply-check-pledge-made = 已作出
legal-aid-apply-check-files = 材料
legal-aid-apply-check-files-none = 没有
legal-aid-apply-check-not-given = 没有填写
legal-aid-apply-check-files-separator = 、
legal-aid-apply-check-agent = 代理人
legal-aid-apply-check-agent-value = { $name }（{ $relation }），{ $mobile }
legal-aid-apply-check-heading = 核对您的申请
legal-aid-apply-check-submit = 提交申请

## The receipt

legal-aid-receipt-title = 申请已提交 · 法律援助
legal-aid-receipt-heading = 法律援助申请已提交
legal-aid-receipt-number = 申请编号
legal-aid-receipt-code = 查询码
legal-aid-receipt-code-once = { $once }请抄下来或者打印本页；凭编号和查询码可以在“查询办理进度”查看申请的办理情况（第五十五条）。
legal-aid-receipt-code-once-strong = 查询码只在提交后显示一段时间。
legal-aid-receipt-next = 接下来
legal-aid-receipt-received = 收到时间：{ $time }
legal-aid-receipt-decision-due = 法律援助机构最迟在 { $date } 前作出是否给予法律援助的决定（自收到申请之日起 7 日，第四十三条）；决定给予的，3 日内指派律师等法律援助人员。
legal-aid-receipt-missing = 材料不齐全的，会一次性告诉您需要补充什么；没有按要求补充的，视为撤回申请。
legal-aid-receipt-refusal = 决定不给予法律援助的，会书面告知理由。
legal-aid-receipt-lookup = 查询办理进度

## What applicants send about their application
legal-aid-field-explanation = 补充说明

## The application form's own checks
legal-aid-who-required = 请选择是本人申请还是代为申请
legal-aid-receipt-again = 这份法律援助申请已经提交过了，没有再提交一次。下面是它的回执；查询码只在第一次提交时显示。
legal-aid-receipt-code-gone = 查询码只在提交后的一段时间内显示，现在不再显示。如果您没有记下查询码，可以在“我的事项”用申请时留下的手机号码获取短信验证码后重新发送查询码，或者带身份证件到法律援助机构查询。
legal-aid-no-receipt-title = 没有可以显示的回执
legal-aid-no-receipt-body = 这个浏览器里没有刚提交的法律援助申请的回执。回执只在提交它的浏览器里显示一段时间。已经提交的，可以用编号和查询码查询办理进度。
legal-aid-no-receipt-new = 申请法律援助
