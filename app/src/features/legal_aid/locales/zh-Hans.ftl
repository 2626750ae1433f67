# Simplified Chinese (the source; 繁體 is generated from it)

legal-aid-not-submitted = 暂时无法保存，请稍后再试；您的申请尚未提交
legal-aid-not-found = 没有找到与该编号和查询码相符的法律援助申请，请核对后再试
legal-aid-not-found-staff = 没有找到这件申请
legal-aid-not-saved-kept = 暂时无法保存，请稍后再试；您填写的内容都还在，申请尚未提交
legal-aid-nothing-asked = 现在没有需要补充的材料，或者补充期限已过（逾期视为撤回申请，《法律援助法》第四十三条）
