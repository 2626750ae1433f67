# The kernel's messages: what any request can be told. Simplified Chinese is the source; 繁體 is
# generated from it by zhconv.

too-many-attempts = 查询失败次数过多，请在 { $wait } 后再试
unavailable-generic = 暂时无法完成，请稍后再试
unavailable-lookup = 暂时无法查询，请稍后再试
unavailable-save = 暂时无法保存，请稍后再试
unavailable-save-kept = 暂时无法保存，请稍后再试；填写的内容都还在
unavailable-read = 暂时无法读取，请稍后再试
unavailable-stats = 暂时无法统计，请稍后再试
api-too-large = 提交的内容太大，请删减后再试
api-not-json = 请以 Content-Type: application/json 提交
api-unreadable = 无法读取提交的内容
api-wrong-type = 字段类型不对（第 { $line } 行第 { $column } 列）：每个字段都应是文字
api-malformed = JSON 格式有误（第 { $line } 行第 { $column } 列）
api-query-code-required = 请在 X-Query-Code 请求头中提供查询码
api-no-such-endpoint = 没有这个接口，请查看 /api/v1/openapi.json
file-not-found = 没有找到这份材料

## Uploads
upload-too-big = “{ $name }”超过 10 MB，没有上传。请压缩文件（照片可以降低分辨率）或分成几个文件后再上传
upload-wrong-kind = “{ $name }”不是 JPG、PNG 图片或 PDF 文件（按文件内容判断），没有上传
upload-empty = “{ $name }”是空文件，没有上传
api-method-not-allowed = 这个接口不接受 { $method } 请求，请查看 /api/v1/openapi.json
api-bad-request = 请求的地址或参数有误，请查看 /api/v1/openapi.json
api-unsupported-type = 不支持这种提交格式，请查看 /api/v1/openapi.json
cross-origin-refused = 这个提交来自其他网站或页面，已拒绝。请回到本站页面重新操作；您填写的内容仍在原页面上。
too-many-filings = 从这里提交的次数已达上限，请 { $wait } 后再提交。您填写的内容都已保留，无需重填。
upload-client-quota = “{ $name }”没有上传：您已上传、还没有随信访事项提交的文件已达 { $mb } MB。请先提交，或删除不需要的文件后再上传
upload-total-quota = “{ $name }”暂时无法上传：等待提交的文件太多。请稍后再试，或先提交不带这份材料的信访事项，再通过来信或来访补交

## Notifications: the signature and the mail subject (kernel/outbox)
notice-signed = 【{ $bureau }】{ $text }
notice-mail-subject = { $bureau }：您的事项有新进展
staff-notice-mail-subject = { $bureau }信访工作台：您有待办的信访事项
api-key-not-valid = 接口密钥无效或已停用
api-channel-needs-key = 只有持接口密钥的接入方可以指明渠道；不带密钥提交的事项记为“其他系统接入”
api-channel-unknown = 渠道只能是 api、letter、visit、phone、fax、hotline 或 transfer
