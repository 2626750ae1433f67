# Simplified Chinese (the source; 繁體 is generated from it)

petition-not-submitted = 暂时无法保存，请稍后再试；您的信访事项尚未提交
petition-not-found = 没有找到与该编号和查询码相符的信访事项，请核对后再试
petition-not-submitted-kept = 暂时无法提交，您填写的内容都还在。请稍后再按“提交信访事项”

## Resuming a petition (/petition/resume)

petition-resume-title = 继续填写信访事项
petition-resume-status = 正在恢复您在这台设备上未完成的填写……如果页面没有继续，说明这里没有保存未完成的信访事项。
petition-resume-start-over = 从头开始填写

## The start page (/petition)

petition-start-title = 网上信访
petition-start-lead = 您可以在这里向本市党委和政府信访部门反映情况，提出建议、意见或者投诉请求（《信访工作条例》第十七条）。
petition-start-resume-offer = 这台设备上保存有您未完成的填写。{ $link }，或者按下面的按钮重新开始。
petition-start-resume-link = 继续上次的填写
petition-start-here-heading = 可以在这里反映
petition-start-here-suggestions = 对机关、单位工作的建议和意见；
petition-start-here-reports = 对机关、单位及其工作人员违法失职行为的检举控告；
petition-start-here-requests = 涉及您自身权益、又没有其他法定途径解决的诉求。
petition-start-elsewhere-heading = 应当走其他途径的
petition-start-elsewhere = 已经或者应当通过法院、检察院、公安机关、仲裁、行政复议等程序处理的事项，要按照相应的法定程序提出（第三十一条）。填写过程中会帮您判断，并告诉您该去哪里、有什么期限。
petition-start-after-heading = 提交以后
petition-start-after-number = 提交后立即得到信访件编号和查询码，用来查询办理进度。
petition-start-after-register = 信访部门在 15 日内登记，并转送或交办有权处理的单位（第二十二条）。
petition-start-after-accept = 承办单位收到后 15 日内书面告知您是否受理（第二十三条）；受理后一般在 60 日内办结（第三十四条）。
petition-start-prepare-heading = 您需要准备
petition-start-prepare-person = 本人姓名、18 位身份证号码、手机号码和住址；
petition-start-prepare-request = 您的请求、事实和理由；
petition-start-prepare-files = 可选：相关材料的照片或 PDF 文件，最多 5 个，每个不超过 10 MB。
petition-start-time = 大约需要 10 分钟。填写的内容只保存在您自己的设备上，直到您提交。
petition-start-privacy-summary = 个人信息如何处理（请阅读）
petition-start-privacy-use = 我们收集您的姓名、身份证号码、手机号码、住址和您填写的事项内容，只用于登记、转送、办理和答复您的信访事项，以及依法统计（《中华人民共和国个人信息保护法》第十七条）。
petition-start-privacy-sharing = 这些信息只提供给办理您的事项所必需的机关、单位和工作人员；检举控告类事项，您的身份不会透露给被检举控告的单位和人员（《信访工作条例》第三十条）。
petition-start-privacy-keeping = 信息按照档案管理规定保存。您可以查阅、复制、更正您的个人信息；有疑问可以到信访接待场所或拨打 12345 咨询。
petition-start-button = 现在开始

## The question pages: titles and buttons

petition-category-question = 您要反映的事项属于哪一类？
petition-route-question-report = 您要检举控告的是哪一种情况？
petition-route-question = 您的问题属于下列哪种情况？
petition-petitioner-heading = 您的个人信息
petition-matter-heading = 您反映的事项
petition-attachments-heading = 上传相关材料（可选）
petition-check-heading = 提交前请检查您填写的内容
petition-step-submit = 提交信访事项
petition-step-continue = 继续
petition-step-back = 返回上一步

## The category page

petition-category-hint = 选择最接近的一类；选错了也没关系，信访部门会按实际情况处理。
petition-category-suggestion-hint = 对机关、单位的工作提出建议、意见，例如改进公共服务、完善政策（第二十九条）。
petition-category-report-hint = 检举、控告机关、单位及其工作人员的违法违纪、失职行为（第三十条）。您的身份受到保护。
petition-category-appeal-hint = 为维护自身合法权益提出请求，例如工资、房屋、征地补偿、社会保障等问题（第三十一条）。

## The route check

petition-route-litigation-hint = 第三十一条第一项：由法院、检察院、公安机关依法定程序处理。
petition-route-arbitration-hint = 第三十一条第二项：先申请仲裁。
petition-route-party-hint = 第三十一条第三项：通过党员申诉、申请复审处理。
petition-route-administrative-hint = 第三十一条第四项：可以申请行政复议或者提起行政诉讼。
petition-route-duty-hint = 第三十一条第五项：直接向负有职责的部门提出，由其依法履行或者答复。
petition-route-officials-hint = 第二十二条：由纪检监察机关受理。
petition-route-hint-report = 检举控告党员、公职人员的，由纪检监察机关受理，直接向他们反映更快。
petition-route-hint = 有些问题法律规定了专门的解决途径，走对途径更快、更有保障。不确定的，请选择最接近的一项。

## The petitioner page, and a person's fields (also the legal-aid application's)

petition-petitioner-why = 《信访工作条例》第十九条要求写明信访人的姓名和住址。这些信息只用于办理和答复您的事项。
petition-petitioner-protected = 您的身份信息不会透露给被检举控告的单位和人员（《信访工作条例》第三十条）。
petition-person-name-label = 姓名
petition-person-id-number-label = 身份证号码
petition-person-id-number-hint = 18 位，最后一位可能是 X
petition-person-mobile-label = 手机号码
petition-person-mobile-hint = 11 位，用于接收办理进度的通知
petition-person-address-label = 住址
petition-person-address-hint = 能收到书面答复的地址
petition-person-district-label = 所在地区
petition-person-district-placeholder = 请选择

## The matter page

petition-matter-title-label = 标题
petition-matter-title-hint = 用一句话概括，例如：某公司拖欠三个月工资
petition-matter-request-label = 您的请求（诉求）
petition-matter-request-hint = 希望有关部门做什么
petition-matter-facts-label = 事实和理由
petition-matter-facts-hint = 发生了什么，您为什么这样请求。请如实填写（第十九条）。
petition-matter-place-label = 发生的地点和时间（可选）
petition-matter-earlier-label = 此前向哪些部门反映过、怎样处理的（可选）
petition-matter-unit-label = 希望由哪个单位办理（可选）
petition-matter-unit-hint = 不清楚的可以不选，由信访部门确定。
petition-matter-unit-unknown = 不清楚，由信访部门确定
petition-matter-unit-option = { $unit }（{ $handles }）

## The attachments page, and the file uploads (also the legal-aid application's)

petition-attachments-intro = 可以上传合同、欠条、通知书、现场照片等材料的照片或扫描件。只接受 JPG、PNG 图片和 PDF 文件，最多 { $count } 个，每个不超过 10 MB。没有材料的，直接按“继续”。
petition-files-uploaded-heading = 已上传的材料
petition-files-item = { $name }（{ $kind }，{ $size }）
petition-files-remove = 删除
petition-files-choose = 选择文件（还可以上传 { $count } 个）
petition-files-upload = 上传所选文件
petition-files-full = 已达到 5 个文件的上限。需要换一个的，请先删除一个。

## The check page

petition-check-category = 类别
petition-check-route = 情况
petition-check-not-given = 未填写
petition-check-name = 姓名
petition-check-id-number = 身份证号码
petition-check-mobile = 手机号码
petition-check-address = 住址
petition-check-district = 所在地区
petition-check-title = 标题
petition-check-request = 请求
petition-check-facts = 事实和理由
petition-check-place = 地点和时间
petition-check-earlier = 此前的处理
petition-check-unit = 希望办理的单位
petition-check-files-none = 没有上传
petition-check-file = { $name }（{ $size }）
petition-check-files-separator = 、
petition-check-files = 材料
petition-check-declaration-heading = 承诺
petition-check-declaration = 本人承诺所反映的情况客观真实，对所提供材料内容的真实性负责，没有捏造、歪曲事实，没有诬告、陷害他人（《信访工作条例》第十九条）。

## Where a statutory channel sends the matter

petition-channel-litigation-heading = 请通过法院、检察院或公安机关的法定程序解决
petition-channel-litigation-why = 您的问题属于应当由审判机关、检察机关、公安机关依照法律程序处理的事项（涉法涉诉）。《信访工作条例》第三十一条第一项规定，这类事项按照法律法规规定的程序处理；信访部门收到这类信件，也会转送同级政法部门（第二十二条）。
petition-channel-litigation-court = 对法院的判决、裁定不服的，可以依法上诉或者申请再审；
petition-channel-litigation-police = 对公安机关、检察院的决定有异议的，可以向作出决定的机关或者其上级机关申请复议、复核或者提出申诉；
petition-channel-litigation-limits = 上诉、复议、申诉都有期限，期限写在您收到的判决书、裁定书或者决定书上，请尽快办理，不要因为先来信访而错过。
petition-channel-arbitration-heading = 请先申请仲裁
petition-channel-arbitration-why = 您的问题应当通过仲裁解决。《信访工作条例》第三十一条第二项规定，这类事项导入仲裁程序处理。
petition-channel-arbitration-labour = 劳动、人事争议：向用人单位所在地或者劳动合同履行地的劳动人事争议仲裁委员会申请仲裁；申请仲裁的时效期间为一年（《劳动争议调解仲裁法》第二十七条）；
petition-channel-arbitration-land = 农村土地承包经营纠纷：向农村土地承包仲裁委员会申请仲裁；
petition-channel-arbitration-court = 对仲裁裁决不服的，可以按照裁决书写明的期限向人民法院起诉。
petition-channel-party-heading = 请通过党员申诉或者申请复审解决
petition-channel-party-why = 《信访工作条例》第三十一条第三项规定，可以通过党员申诉、申请复审等解决的，导入相应程序处理。
petition-channel-party-where = 向作出处理、处分的党组织或者它的上级党组织、纪检机关提出申诉；
petition-channel-party-how = 申诉时写明您的请求和理由，附上处理、处分决定书。
petition-channel-administrative-heading = 请申请行政复议或者提起行政诉讼
petition-channel-administrative-why = 您对行政机关作出的决定不服。《信访工作条例》第三十一条第四项规定，可以通过行政复议、行政裁决、行政确认、行政许可、行政处罚等行政程序解决的，导入相应程序处理。
petition-channel-administrative-review = 向行政复议机关申请行政复议：一般应当自知道该行政行为之日起 60 日内提出（《行政复议法》第二十条）；
petition-channel-administrative-lawsuit = 或者向人民法院提起行政诉讼：一般应当自知道作出行政行为之日起 6 个月内提出（《行政诉讼法》第四十六条）；
petition-channel-administrative-decision = 决定书上写明了复议机关和期限的，以决定书为准。
petition-channel-duty-heading = 请直接向负有职责的部门提出
petition-channel-duty-why = 请求查处违法行为、保护人身权或者财产权，是有关部门的法定职责。《信访工作条例》第三十一条第五项规定，这类请求由有关部门依法履行职责或者答复。
petition-channel-duty-police = 危及人身、财产安全的，请立即拨打 110 报警；
petition-channel-duty-complain = 向主管部门投诉、举报，例如市场监管、住房城乡建设、人力资源社会保障、生态环境等部门，也可以拨打 12345 政务服务便民热线，由热线转给负责的部门；
petition-channel-duty-review = 部门不履行职责或者不答复的，可以依法申请行政复议或者提起行政诉讼。
petition-channel-officials-heading = 检举控告党员、公职人员，请向纪检监察机关反映
petition-channel-officials-why = 对党员、公职人员违纪违法和职务违法、职务犯罪的检举控告，由纪检监察机关受理。信访部门收到这类检举控告，会按照管理权限转送纪检监察机关（《信访工作条例》第二十二条），所以直接向纪检监察机关反映更快。
petition-channel-officials-report = 拨打纪检监察举报电话 12388，或者通过纪检监察机关的举报网站、来信、来访反映；
petition-channel-officials-petition = 如果您仍然希望通过信访渠道提交，可以继续填写，我们会依法转送。
petition-channel-petition-heading = 可以在这里提交
petition-channel-what-to-do = 怎么办
petition-channel-legal-help-heading = 需要法律帮助
petition-channel-legal-help = 可以拨打 12348 公共法律服务热线咨询。经济困难或者属于法律规定情形的，可以向法律援助机构申请法律援助（《法律援助法》第三十一条、第三十二条）。
petition-channel-submit-anyway = 仍然在这里提交
petition-channel-change-answers = 返回修改我的回答
petition-channel-home = 回到首页

## The confirmation

petition-done-title = 信访事项已提交
petition-done-number = 信访件编号
petition-done-code = 查询码
petition-done-keep-code = 请现在就抄下或打印保存编号和查询码。查询码只在提交后显示一段时间，我们不保存它，无法找回。
petition-done-facts-title = 标题
petition-done-facts-category = 类别
petition-done-facts-received = 收到时间
petition-done-facts-files = 材料
petition-done-files-none = 没有上传
petition-done-files-count = { $count } 个文件
petition-done-next-heading = 接下来
petition-done-next-register = 信访部门最迟在 { $date } 前登记，并转送或交办有权处理的单位（《信访工作条例》第二十二条）。
petition-done-next-accept = 承办单位收到后 15 日内书面告知您是否受理，最迟约在 { $date } 前（第二十三条）。
petition-done-next-conclude = 受理后一般在 60 日内办结；情况复杂的可以延长，但不超过 30 日，并告知您理由（第三十四条）。
petition-done-next-review = 对处理意见不服的，可以在收到书面答复之日起 30 日内请求复查（第三十五条）。
petition-done-limits-note = 期限从收到之日的次日起算；最后一天是法定节假日的，顺延到节假日后的第一个工作日。
petition-done-print = 您可以用浏览器的“打印”功能打印本页作为回执。随时可以在 { $link } 页面用编号和查询码查看进展。
petition-done-print-link = 查询办理进度

## What citizens send about their case
petition-field-comment = 意见
petition-field-review-reason = 请求复查或复核的理由

## The journey's checks and what the posts answer
petition-statutory-channel = 按照您对“情况”一项的回答，这件事应当通过法定途径解决，不能作为信访事项提交；如果选错了，请修改
petition-form-unreadable = 表单格式不正确
petition-form-too-long = 提交的内容太长
petition-files-unavailable = 暂时无法保存上传的文件，请稍后再试
petition-files-no-room = 最多只能上传 { $max } 个文件，“{ $first }”{ $refused ->
        [1] 没有上传
       *[other] 和另外 { $others } 个文件没有上传
    }；需要换的，请先删除已上传的文件
petition-files-broken = 上传的内容太大或者没有传完。每次最多上传 { $max } 个文件，每个不超过 10 MB，请重新选择
petition-category-required = 请选择您要反映的事项属于哪一类
petition-route-required = 请选择最符合您情况的一项；都不符合的，请选择最后一项
petition-files-too-many = 最多只能上传 { $max } 个文件，请删除多余的文件
petition-declaration-required = 请确认您所反映的情况客观真实，才能提交
petition-rating-required = 请选择评价：满意、基本满意或不满意
petition-resume-nothing-kept = 这台设备上没有保存未完成的信访事项，请从头开始填写。

## The routes the law sets (条例 第31条)
petition-route-litigation = 已经起诉、正在打官司或者已有判决，或者涉及检察院、公安机关办案
petition-route-arbitration = 劳动、人事争议或者农村土地承包纠纷等，应当申请仲裁的
petition-route-party = 党员对党组织的处理、处分不服的
petition-route-administrative = 对行政机关作出的罚款、许可、登记、确认等决定不服的
petition-route-duty = 请求有关部门查处违法行为，或者保护您的人身、财产安全的
petition-route-officials = 党员、公职人员违纪违法或者职务违法、职务犯罪
petition-route-none = 以上都不是
petition-uploads-busy = 现在上传文件的人很多，请稍后再提交。按浏览器的“返回”可回到您填写的内容。
petition-done-again = 这份信访事项已经提交过了，没有再提交一次。下面是它的回执；查询码只在第一次提交时显示。
petition-done-code-gone = 查询码只在提交后的一段时间内显示，现在不再显示。如果您没有记下查询码，可以在“我的事项”用提交时留下的手机号码获取短信验证码后重新发送查询码，或者带身份证件到信访接待场所查询。
petition-no-receipt-title = 没有可以显示的回执
petition-no-receipt-body = 这个浏览器里没有刚提交的信访事项的回执。回执只在提交它的浏览器里显示一段时间。已经提交的，可以用编号和查询码查询办理进度。
petition-no-receipt-new = 提交新的信访事项
petition-channel-legal-aid-link = 看看能否申请法律援助
petition-matter-reported-label = 被检举控告的人员或者单位
petition-matter-reported-hint = 写明姓名、职务或者单位名称。依照《信访工作条例》第三十条，您的检举材料不会转给被检举控告的人员或者单位。
petition-matter-reported-unit-label = 被检举控告的单位是否在下列单位中
petition-matter-reported-unit-hint = 如果是，请选择它，这件检举控告就不会交给它办理。
petition-matter-reported-unit-none = 不在其中，或者不是单位
