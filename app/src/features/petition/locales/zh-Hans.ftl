# Simplified Chinese (the source; 繁體 is generated from it)

petition-not-submitted = 暂时无法保存，请稍后再试；您的信访事项尚未提交
petition-not-found = 没有找到与该编号和查询码相符的信访事项，请核对后再试
petition-not-submitted-kept = 暂时无法提交，您填写的内容都还在。请稍后再按“提交信访事项”
