# English

lookup-not-found = No petition or legal aid application matches this reference number and query code. Check the reference number and query code and try again
lookup-too-many-material = Too many failed attempts. Try again in { $wait }. The extra explanation you wrote has not been submitted, so please save a copy somewhere else first

## The lookup form (pages/lookup_page.rs)

lookup-form-title = Check progress
lookup-form-intro = Enter the reference number and query code you were given when you submitted your petition or legal aid application. The query code is shown only once, when you submit, so keep it safe.
lookup-form-number-label = Reference number (for a petition, like XF202612010042; for a legal aid application, like FY202612010007)
lookup-form-code-label = Query code (12 characters, for example ABCD-EFGH-JKMN)
lookup-form-submit = Look up
lookup-form-forgotten-code = If you have lost your query code, get a new one in { $link } with a code texted to your mobile; or bring your ID document to a petition reception office, or call 12345.

## A petition's progress (pages/lookup_page.rs)

lookup-case-title = Case progress
lookup-case-number = Petition reference number
lookup-case-subject = Title
lookup-case-category = Category
lookup-case-status = Current status
lookup-case-received = Received
lookup-case-unit = Responsible department
lookup-case-unit-undecided = To be decided by the letters and visits office
lookup-case-due-heading = Legal deadlines
lookup-case-due-now = Current step: { $step }, to be completed by { $date } ({ $article }).
lookup-case-due-register = The letters and visits office must register your petition and pass it on or assign it by { $date } (Article 22 of the Regulations on Letters and Visits Work).
lookup-case-timeline-heading = What has happened so far
lookup-case-replies-heading = Reply
lookup-case-no-reply = No reply yet. When the authority with the power to handle your petition gives a written reply, it will appear here.
lookup-reply-heading = Written decision on your petition ({ $time })
lookup-reply-request = Request
lookup-reply-facts = Facts and reasons
lookup-reply-opinion = Decision
lookup-reply-legal-basis = Legal basis
lookup-reply-outcome = Outcome
lookup-evaluation-heading = Satisfaction rating
lookup-evaluation-legend = Are you satisfied with this reply? (Article 21 of the Regulations on Letters and Visits Work)
lookup-evaluation-comment-label = Comments (optional)
lookup-evaluation-submit = Submit rating
lookup-review-heading = Ask for a review
lookup-review-text = If you disagree with the reply, you have until { $until } to ask the authority at the next level up for a review (Article 35 of the Regulations on Letters and Visits Work).
lookup-recheck-heading = Ask for a re-examination
lookup-recheck-text = If you disagree with the reply, you have until { $until } to ask the authority at the next level up for a re-examination (Article 36 of the Regulations on Letters and Visits Work).
lookup-review-reason-label = Your reasons for the request
lookup-case-another = Look up another case

## A legal aid application's progress (pages/lookup_page.rs)

lookup-aid-title = Legal aid application { $number }
lookup-aid-status = Status
lookup-aid-matter = Matter
lookup-aid-received = Received
lookup-aid-due = Legal deadline
lookup-aid-due-by = { $step }: by { $date } ({ $article })
lookup-aid-answer-by = Deadline to provide more material
lookup-aid-answer-by-date = { $date } (if you do not provide it by then, your application will be treated as withdrawn)
lookup-aid-timeline-heading = What has happened so far
lookup-material-heading = Provide more material or an explanation
lookup-material-explanation-label = Additional explanation
lookup-material-explanation-hint = Say what material you have added, or explain the points you were asked about. You can also take paper documents to the legal aid agency.
lookup-material-submit = Submit additional material
lookup-aid-complaint = If you have concerns about the legal aid agency's decision or service, you can complain to the judicial administration department (Article 55).

## What the lookup's forms answer
lookup-number-required = Enter the petition reference number
lookup-code-required = Enter the query code
lookup-evaluation-recorded = Thank you for your rating. It has been recorded.
lookup-recheck-requested = Your request for re-examination has been submitted. The authority at the next level up must give its re-examination decision within 30 days of receiving it (Article 36).
lookup-review-requested = Your request for review has been submitted. The authority at the next level up must give its review decision and reply in writing within 30 days of receiving it (Article 35).
lookup-material-supplied = The extra documents have been submitted. The legal aid agency will make a decision within 7 days of receiving them.

## A request for material answered for an application that cannot be found
lookup-aid-not-found = This application could not be found. Please look it up again
lookup-form-forgotten-code-link = My matters
lookup-messages-heading = Text messages and emails
lookup-messages-on = You are being told of this matter's progress the way you chose. You can stop it.
lookup-messages-stop = Stop the messages
lookup-messages-off = Messages about this matter have been stopped.
lookup-messages-stopped = No more text messages or emails will be sent about this matter.
lookup-via-mine = You opened this through My matters. To rate the reply, ask for a review or supply material, use the number and query code in "Check progress"; if you have lost the query code, get a new one in My matters.
lookup-back-to-mine = Back to My matters
