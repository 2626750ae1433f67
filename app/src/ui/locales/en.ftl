# The shell and the shared widgets in English.

skip-to-main = Skip to main content
header-service = Online petition service
header-tools = Site tools
header-sign-in = Log in
header-accessible-on = Accessible mode
header-accessible-off = Exit accessible mode
back-to-top = Back to top
footer-run-by = { $bureau } runs this site · Letters and visits channels and procedures are published under Article 18 of the Regulations on Letters and Visits Work
footer-demo = This is a demonstration site: for addresses, phone numbers and other details, the Letters and Visits Bureau's official announcements apply.
not-found-title = Page not found
not-found-address = The web address you entered may be wrong, or the page may have moved.
not-found-home = Go to the home page
not-found-help = If you need help, call the 12345 government service hotline.
form-problem = There is a problem
form-problem-title = Error: { $title }
form-error-prefix = Error:{" "}
form-change = Change
form-error-separator = ;{" "}
print-receipt = Print this receipt
header-workbench = Workbench
date-provisional = { $date } (provisional: that year's public holiday schedule is not yet published)
