# Simplified Chinese (the source; 繁體 is generated from it)

lookup-not-found = 没有找到与该编号和查询码相符的信访事项或法律援助申请，请核对编号和查询码后再试
lookup-too-many-material = 查询失败次数过多，请在 { $wait } 后再试；您写的补充说明没有提交，请先另外保存
