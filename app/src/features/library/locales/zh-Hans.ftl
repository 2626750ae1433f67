# Simplified Chinese (the source; 繁體 is generated from it)

library-query-too-long = 搜索词太长：最多 { $max } 个字
library-no-such-document = 没有这篇文章或法规

## The guides, the laws and search (pages/mod.rs)

library-search-label = 搜索指南、常见问题和法规
library-search-hint = 例如：{ $examples }
library-search-examples = 复查、调解、法律援助、办理期限
library-search-submit = 搜索
library-title = 普法园地
library-guides-lead = 用平实的话讲清楚怎样信访、到哪里去、有哪些期限、有什么权利和义务。每篇都注明所依据的法规条文。
library-guides-heading = 办事指南
library-faq-heading = 常见问题
library-statutes-heading = 法规库
library-guide-page-title = { $title } · 普法园地
library-breadcrumbs = 位置
library-guide-updated = 最后更新：{ $date }（第 { $version } 版）
library-law-page-title = { $title } · 法规库
library-search-page-title = 搜索 · 普法园地
library-search-heading = 搜索
library-search-empty = 请输入要找的词，例如“{ $example }”。
library-search-example = 复查
library-search-none = 没有找到与“{ $query }”有关的内容。
library-search-none-next = 可以换一个更短的词再试，或者浏览{ $link }的全部指南；也可以拨打 12345 咨询。
library-search-none-link = 普法园地
library-search-found = 找到 { $count } 处与“{ $query }”有关的内容。
library-chinese-only = 本页正文只有中文版。

## The charts of the guides (pages/charts.rs)

library-chart-limits-caption = 时限图：各环节的法定期限（从次日起算，期限最后一日是节假日的顺延到节后第一个工作日）
library-chart-limits-table = 时限表（与上图相同的内容）
library-chart-limits-step = 环节
library-chart-limits-length = 期限
library-chart-limits-from = 从何时起算
library-chart-limits-basis = 依据
library-chart-routes-caption = 流程图：申诉求决类事项先看是否有法定途径（《信访工作条例》第三十一条）
library-chart-routes-if = 如果：{ $route }
library-chart-routes-petition = → 作为信访事项办理（第三十一条第六项）：
library-chart-routes-step = { $step }：{ $from }后 { $length }

## The editor's checks
library-slug-format = 网址名只能用小写英文字母、数字和连字符，例如 how-to-petition
library-slug-taken = 这个网址名已经有文章在用，请换一个
library-source-too-long = 正文太长：最多 { $max } 个字，现在 { $len } 个字
library-statutes-elsewhere = 这部法规的全文本站暂未收录。法律、行政法规的正式文本可以在{ $link }查阅。
library-statutes-elsewhere-link = 国家法律法规数据库
