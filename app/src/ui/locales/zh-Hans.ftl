# The shell and the shared widgets. Simplified Chinese is the source; 繁體 is generated from it.

skip-to-main = 跳到主要内容
header-service = 网上信访服务平台
header-tools = 网站工具
header-sign-in = 登录
header-accessible-on = 无障碍
header-accessible-off = 退出无障碍
back-to-top = 返回顶部
footer-run-by = { $bureau } 主办 · 依据《信访工作条例》第十八条公开信访渠道与办理程序
footer-demo = 本站为演示部署：地址、电话等以信访局正式公布的为准。
not-found-title = 找不到这个页面
not-found-address = 您输入的网址可能有误，或者页面已经移动。
not-found-home = 返回首页
not-found-help = 如需帮助，可拨打 12345 政务服务便民热线。
form-problem = 出现问题
form-problem-title = 出现问题：{ $title }
form-error-prefix = 错误：
form-change = 修改
form-error-separator = ；
print-receipt = 打印回执
header-workbench = 工作台
date-provisional = { $date }（暂定：当年的放假安排尚未公布）
