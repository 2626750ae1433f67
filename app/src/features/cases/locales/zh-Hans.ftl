# Simplified Chinese (the source; 繁體 is generated from it)

case-not-found = 没有找到这件信访事项

## The workbench list
cases-identity-withheld = （依法不向承办单位提供）
