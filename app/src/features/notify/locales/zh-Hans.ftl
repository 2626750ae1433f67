## The citizen's choice of messages (petition and legal-aid forms)
notify-heading = 办理进展通知（可选）
notify-sms-label = 用短信告诉我办理进展（发到上面填写的手机号码）
notify-email-label = 电子邮箱（可选）
notify-email-hint = 填写后，办理进展也会用邮件告诉您。
notify-privacy = 个人信息告知（《个人信息保护法》第十七条）：{ $bureau }只为告诉您本事项的办理进展使用上面的手机号码和这个邮箱——收到、登记交办、是否受理、书面答复、延长期限、复查复核意见、法律援助决定或补充材料等节点各发一条，只写编号、发生了什么和在哪里查看，不含答复内容、身份证号码或查询码；短信在 8:00 至 22:00 之间发送。发送记录保存 { $days } 天后删除。不勾选、不填写，不影响办理；您可以随时在“查询办理进度”页面停止通知。
notify-check-sms = 短信
notify-check-sms-email = 短信和邮件（{ $email }）
notify-check-email = 邮件（{ $email }）
notify-check-none = 不需要
notify-check-label = 办理进展通知
