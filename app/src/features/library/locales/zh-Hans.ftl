# Simplified Chinese (the source; 繁體 is generated from it)

library-query-too-long = 搜索词太长：最多 { $max } 个字
library-no-such-document = 没有这篇文章或法规
