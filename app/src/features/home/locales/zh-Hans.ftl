# Simplified Chinese (the source; 繁體 is generated from it)
