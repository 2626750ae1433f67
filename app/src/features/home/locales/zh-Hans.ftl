# Simplified Chinese (the source; 繁體 is generated from it)

## The home page (page.rs)

home-loading = 正在加载…
home-unavailable-heading = 暂时无法显示
home-unavailable-text = 页面暂时无法显示，请稍后刷新。急事请拨打 12345。
home-title = { $bureau } 网上信访服务平台
home-lede = 在这里，您可以了解向{ $city }反映问题的渠道、接待时间和办理时限。依法、如实反映诉求，我们会在法定期限内告诉您结果。
home-services-heading = 办事入口
home-services-petition = 我要信访
home-services-petition-hint = 网上提交建议意见、检举控告或者申诉求决，立即得到编号和查询码
home-services-lookup = 查询办理进度
home-services-lookup-hint = 凭信访件编号和查询码，查看办理过程、法定期限和答复意见
home-services-mine = 我的事项
home-services-mine-hint = 忘记编号或者查询码的，用提交时留下的手机号码获取短信验证码，查看名下全部事项，重新发送查询码
home-services-legal-aid = 法律援助
home-services-legal-aid-hint = 经济困难、请不起律师的，先自查是否符合条件，再在网上申请，凭编号和查询码查看进度
home-services-guides = 普法园地
home-services-guides-hint = 怎样信访、到哪里去、办理期限、复查复核、法律援助：用平实的话讲清楚，并可搜索法规条文
home-services-stats = 信访统计
home-services-stats-hint = 每月收到的信访事项、及时受理率、按期办结率、满意率和各单位红黑榜
home-channels-heading = 信访渠道
home-channels-visit = 来访（当面反映）
home-channels-visit-hours = 接待时间：{ $hours }
home-channels-letter = 来信
home-channels-letter-address = { $address }，邮政编码 { $postcode }
home-channels-email = 电子邮箱
home-channels-phone = 接待室电话
home-hotlines-heading = 服务热线
home-procedure-heading = 办理程序和时限
home-procedure-register-step = 登记、转送或交办
home-procedure-register = { $step }：信访部门自收到之日起 15 日内，按规定转送或交办给有权处理的机关、单位（《信访工作条例》第二十二条）。
home-procedure-accept-step = 告知是否受理
home-procedure-accept = { $step }：有权处理的机关、单位自收到之日起 15 日内告诉您是否受理、按什么途径办理（第二十三条）。
home-procedure-handle-step = 办理并书面答复
home-procedure-handle = { $step }：自受理之日起 60 日内办结，情况复杂的经批准可延长，最多 30 日，并告诉您延期理由（第三十四条）。
home-procedure-review-step = 复查
home-procedure-review = { $step }：对处理意见不服的，可以自收到书面答复之日起 30 日内请求复查，复查机关自收到请求之日起 30 日内答复（第三十五条）。
home-procedure-recheck-step = 复核
home-procedure-recheck = { $step }：对复查意见不服的，可以自收到之日起 30 日内请求复核，复核机关自收到请求之日起 30 日内答复；复核后以同一事实和理由再提出的，不再受理（第三十六条）。
home-procedure-note = 期限从收到之日的次日起算；最后一天是法定节假日的，顺延到节假日后的第一个工作日。属于诉讼、仲裁、行政复议等法定途径的事项，应当依照相应的法律程序提出（第三十一条）。
home-sessions-heading = 接访安排和领导接访日
home-sessions-none = 近期没有公布接访场次；接待场所开放时间内可以直接来访。
home-sessions-book = 网上预约走访
