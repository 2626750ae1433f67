# English

case-not-found = This petition could not be found

## The workbench list
cases-identity-withheld = (Not given to the responsible department, as required by law)
