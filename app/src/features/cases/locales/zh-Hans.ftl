# Simplified Chinese (the source; 繁體 is generated from it)

case-not-found = 没有找到这件信访事项
