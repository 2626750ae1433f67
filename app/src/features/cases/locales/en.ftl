# English

case-not-found = This petition could not be found
