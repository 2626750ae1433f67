# The rules' messages in English.

## ID numbers (GB 11643)
id-number-empty = Enter your ID card number
id-number-length = Your ID card number must be 18 characters long. Check that you have not added or missed any
id-number-characters = Your ID card number can only contain numbers. The last character can be X
id-number-region = The first 2 digits of your ID card number are not a valid province code. Check and try again
id-number-birth-date = The date of birth in your ID card number (digits 7 to 14) is not a valid date. Check and try again
id-number-check = The last digit (check digit) of your ID card number is wrong. Check each digit

## Mobile numbers
mobile-empty = Enter your mobile number
mobile-characters = Your mobile number can only contain digits
mobile-length = Your mobile number must be 11 digits
mobile-not-mobile = This is not a valid mobile number: it must start with 13 to 19

## Text fields (every form)
text-required = Please fill in: { $label }
text-characters = { $label } contains characters that cannot be recognised. Delete them and enter it again
text-too-short = "{ $label }" is too short: enter at least { $min ->
        [one] 1 character
       *[other] { $min } characters
    } (you have entered { $len })
text-too-short-min = "{ $label }" is too short: use at least { $min ->
        [one] 1 character
       *[other] { $min } characters
    }
text-too-long = "{ $label }" is too long: use at most { $max ->
        [one] 1 character
       *[other] { $max } characters
    } (it now has { $len })

## The person (petitioner, applicant)
field-name = Full name
field-address = Address
name-characters = Your name cannot contain numbers, symbols or emoji: enter it as it is on your identity card
district-required = Select your district
district-unknown = The area you chose is not in this city. Choose one from the list

## A petition's fields (as labels inside messages)
field-title = Title
field-request = Request
field-facts = Facts and reasons
field-place-and-time = Where and when it happened
field-earlier = How it has been handled so far

## A petition's own problems
category-required = Choose the type of your petition
category-unknown = The type must be suggestion (suggestions and opinions), report (reports and accusations) or appeal (appeals and requests)
unit-unknown = The department you chose is not on the city's list of responsible departments. If you are not sure, you can leave this blank and the letters and visits office will decide
petition-incomplete = What you submitted is incomplete

## The kinds of petition (第29–31条)
category-suggestion = Suggestions and opinions
category-report = Reports and accusations
category-appeal = Appeals and requests
article-29 = Article 29
article-30 = Article 30
article-31 = Article 31

## Files
file-kind-jpeg = JPG image
file-kind-png = PNG image
file-kind-pdf = PDF file

## The statutory limits: the article that sets each, its step, what it counts from
limit-article-22 = Regulations on Letters and Visits Work, Article 22
limit-article-23 = Regulations on Letters and Visits Work, Article 23
limit-article-34 = Regulations on Letters and Visits Work, Article 34
limit-article-35 = Regulations on Letters and Visits Work, Article 35
limit-article-36 = Regulations on Letters and Visits Work, Article 36
limit-article-legal-aid-43 = Legal Aid Law, Article 43
limit-register = Register and pass on or assign
limit-acknowledge = Tell the petitioner in writing that it was received and how it will be handled
limit-object = Object to a transfer or assignment
limit-handle = Conclude and reply in writing
limit-extension = Extend the handling period
limit-request-review = Ask for a review
limit-answer-review = Give the review decision
limit-request-recheck = Ask for a re-examination
limit-answer-recheck = Give the re-examination decision
limit-decide-legal-aid = Decide whether to grant legal aid
limit-assign-lawyer = Assign someone to provide legal aid
limit-from-register = The letters and visits office receives the petition
limit-from-assignment = The responsible department receives the petition passed on or assigned to it
limit-from-acceptance = The petition is accepted
limit-from-extension = The 60-day handling period ends (it can be extended only once, with approval)
limit-from-reply = The petitioner receives the written reply
limit-from-review-request = The review request is received
limit-from-review-answer = The petitioner receives the review decision
limit-from-recheck-request = The re-examination request is received (time needed for a hearing is not counted)
limit-from-legal-aid-application = The legal aid agency receives the application
limit-from-grant = Legal aid is granted
limit-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
limit-working-days = { $n ->
    [one] 1 working day
   *[other] { $n } working days
}

## A case's status (derived from its events)
status-received = Received, waiting to be registered
status-registered = Registered, being transferred or assigned
status-accepted = Accepted, being handled
status-not-accepted = Not accepted
status-replied = Replied in writing
status-under-review = Under review or re-examination
status-closed = Concluded

## The workbench's lists and deadlines
urgency-overdue = Overdue
urgency-due-soon = Due within 3 days
list-all = All matters
list-new = New, to be registered
list-review = Reviews and second reviews

## After a reply: ratings, 复查 and 复核 (第21、35、36条)
rating-satisfied = Satisfied
rating-basically-satisfied = Mostly satisfied
rating-unsatisfied = Not satisfied
not-now-no-reply = There is no written reply yet. You can only rate the reply or request a review after you get it
not-now-rated = You have already rated this reply. Each reply can only be rated once
not-now-pending = Your request for a review or re-examination is being handled. Please wait for the reply
not-now-final = The re-examination decision has been made. If you disagree with it and raise the matter again on the same facts and reasons, it will not be accepted (Article 36 of the Regulations on Letters and Visits Work)
not-now-window-closed = The deadline for the request has passed: it had to be made within 30 days of the day you received the written reply, and the last day was { $last } (Articles 35 and 36 of the Regulations on Letters and Visits Work)

## The workbench: refusals and forms
unknown-action = Unknown action
refusal-role = Your role does not allow this action
refusal-other-unit = This petition is not handled by your department
refusal-stage = This action cannot be taken at the matter's current stage. Refresh the page to see its latest status
refusal-extended = The time limit has already been extended once and cannot be extended again (Regulations on Letters and Visits Work, Article 34)
refusal-objection-late = An objection to an assignment must be made within 5 working days of receiving it. That deadline has passed (Regulations on Letters and Visits Work, Article 23)
refusal-hearing-recheck = A hearing that does not count towards the time limit is only for re-examination (Regulations on Letters and Visits Work, Article 36). This matter is not being re-examined now
refusal-material-asked = Missing documents can only be asked for once, all together (Legal Aid Law, Article 43). They have already been asked for on this application

## The written reply's outcome (第32条)
outcome-support = Supported
outcome-explain = Explanation given
outcome-not-support = Not supported

## Staff actions on a case: fields and problems
unit-required = Choose the responsible department
unit-not-listed = That department is not on the list
field-not-accept-reason = Reasons for not accepting
field-progress-note = How it is being handled
outcome-required = Choose the outcome: Supported, Explanation given or Not supported
field-reply-request = The petitioner's request
field-reply-facts = Facts found and reasons
field-opinion = Decision
field-legal-basis = Legal basis
extension-days-range = The extension must be a whole number of days from 1 to 30 (Article 34)
field-extend-reason = Reason for the extension
field-object-reason = Reasons for the objection
mediation-agreed-required = Choose whether a mediation agreement was reached
field-mediation-note = Mediation details
hearing-days-range = The hearing time must be a whole number of days from 1 to { $max }
field-hearing-note = Hearing details
field-letter-text = Letter text

## A case's events, as its timeline says them
event-received = Petition received
event-assigned = Registered and assigned to { $unit } to handle
event-objected = The responsible department objected to the assignment: { $reason }
event-accepted = Accepted by the responsible department
event-not-accepted = Not accepted: { $reason }
event-progress = { $note }
event-mediation-agreed = Mediation held, mediation agreement reached: { $note }
event-mediation-failed = Mediation held, no agreement reached: { $note }
event-extended = Time limit for handling extended by { $days ->
        [one] 1 day
       *[other] { $days } days
    }. Reason: { $reason }
event-replied = Replied in writing ({ $outcome })
event-review-requested = Petitioner requested a review: { $reason }
event-recheck-requested = Petitioner requested a re-examination: { $reason }
event-hearing = Re-examination hearing held, taking { $days ->
        [one] 1 day, which does not count
       *[other] { $days } days, which do not count
    } towards the re-examination time limit (Article 36): { $note }
event-review-answered = Review decision given ({ $outcome })
event-recheck-answered = Re-examination decision given ({ $outcome })
event-evaluated = Petitioner's rating: { $rating }
event-supervision-letter = Supervision letter: { $text }
event-reminder-letter = Reminder letter: { $text }
event-closed = Concluded
event-query-code-reset = A new query code was sent by text message to the mobile on file, at the request of its holder (proved by an SMS code); the old one no longer works
level-review = Review
level-recheck = Re-examination
letter-supervision = Supervision letter
letter-reminder = Reminder letter

## The legal-aid self-check (法律援助法 第24、31–33、41–42条): matters
la-matter-state-compensation = Claiming state compensation
la-matter-social-insurance = Claiming social insurance benefits or social assistance
la-matter-pension = Claiming a survivor's or disability pension
la-matter-maintenance = Claiming maintenance: support for parents or elderly relatives, child support, or support for a spouse or other family member
la-matter-labour = Asking for an employment relationship to be confirmed, or claiming payment of wages (pay for work)
la-matter-capacity = Asking for someone to be declared as having no civil capacity or limited civil capacity
la-matter-work-injury = Compensation for personal injury caused by an accident at work
la-matter-personal-injury = Compensation for personal injury caused by a traffic accident, a food or drug safety incident, or a medical accident
la-matter-environment = Compensation for damage caused by environmental pollution or ecological damage
la-matter-criminal = Criminal case: you or a close relative is a suspect or defendant and has not hired a defence lawyer
la-matter-retrial = Appealing against a legally effective judgment or ruling, where the court has decided to retry the case or the procuratorate has lodged a protest
la-none-of-these = None of the above

## Articles of 法律援助法
la-article-31-1 = Article 31, item 1
la-article-31-2 = Article 31, item 2
la-article-31-3 = Article 31, item 3
la-article-31-4 = Article 31, item 4
la-article-31-5 = Article 31, item 5
la-article-31-6 = Article 31, item 6
la-article-31-7 = Article 31, item 7
la-article-31-8 = Article 31, item 8
la-article-31-9 = Article 31, item 9
la-article-24 = Article 24
la-article-33 = Article 33
la-article-32-1 = Article 32, item 1
la-article-32-2 = Article 32, item 2
la-article-32-3 = Article 32, item 3
la-article-32-4 = Article 32, item 4
la-article-32 = Article 32
la-article-42-1 = Article 42, item 1
la-article-42-2 = Article 42, item 2
la-article-42-3 = Article 42, item 3
la-article-42 = Article 42
la-article-24-25 = Articles 24 and 25
la-article-41-34 = Articles 41 and 34

## Situations without the hardship test (第32条), groups exempt from its check (第42条), means
la-special-hero-family = I am a close relative of a hero or martyr and want to protect their reputation, honour or other personality rights
la-special-good-samaritan = I acted bravely to help others and want to claim the civil rights that come from it (for example, compensation for an injury)
la-special-acquitted = I was found not guilty after a retrial and want to claim state compensation
la-special-domestic-violence = I have suffered abuse, abandonment or domestic violence and want to claim my rights
la-group-no-income = A minor, an older person or a person with a disability who has no steady source of income
la-group-assistance = Receiving social assistance such as the minimum living allowance or support for people in extreme poverty, or receiving judicial assistance or special care for military personnel, veterans and their families
la-group-migrant-worker = A migrant worker claiming wages or compensation for a work injury
la-hardship-yes = Yes, my household income is low and I cannot afford a lawyer
la-hardship-unsure = I'm not sure
la-hardship-no = No, I can afford my own lawyer
la-missing-matter = Choose the kind of problem you need help with
la-missing-special = Choose whether one of the situations below applies to you. If none of them does, choose "None of the above"
la-missing-group = Choose whether you are one of the people listed below. If you are not, choose "None of the above"
la-missing-hardship = Choose whether you are in financial hardship

## What is likely, and why
la-likely-no-test = You are likely to meet the conditions for legal aid
la-likely-if-hardship = If you are in financial hardship, you are likely to meet the conditions
la-unlikely = You may not meet the conditions for legal aid
la-outside-list = Your matter is not on the list in the law, but you can still ask for advice or apply
la-reason-other = The matter you chose is not one of those listed in the Legal Aid Law. Other laws, regulations and rules can add further matters, and Guangxi's rules may cover more.
la-reason-listed = "{ $matter }" is a matter listed in the Legal Aid Law.
la-reason-criminal = In a criminal case, if a suspect or defendant has no defence lawyer because of financial hardship or for another reason, they and their close relatives can apply, and this is not limited to financial hardship. In some situations, for example if the person is a minor or has a visual, hearing or speech disability, the authority handling the case must notify the legal aid agency to appoint a lawyer (Article 25).
la-reason-special = You chose "{ $situation }". In that situation you do not have to meet the financial hardship condition to apply for legal aid.
la-reason-group = You chose "{ $group }". If you have documents to prove it, your financial hardship will not be checked. Please bring or upload the documents when you apply.
la-reason-hardship = Financial hardship is required: when you apply, you must describe your financial situation truthfully. The legal aid agency will check it, or you can make a personal good-faith pledge. The standard for financial hardship is set by the people's government of the autonomous region.
la-reason-not-poor = Legal aid for this kind of matter depends on financial hardship, and you said you can afford to hire your own lawyer.

## The legal-aid application (法律援助法 第38–42条)
la-basis-hardship = Applying because of financial hardship: describe your financial situation and make a good-faith pledge (Article 41)
la-basis-no-test = A situation under Article 32 (such as a victim of domestic violence, or someone who acted bravely to help others): no financial hardship condition
la-basis-exempt = A person under Article 42 (such as someone receiving the minimum living allowance, or a migrant worker claiming unpaid wages): financial hardship is not checked
la-field-other-party = Other party
la-field-description = Facts of the case and your request
la-field-hardship-statement = Description of your financial hardship
la-field-relation = Relationship to the applicant
la-missing-matter-choice = Choose the type of matter
la-unknown-matter = That type of matter is not on the list. Choose one from the list
la-unknown-basis = Choose your financial hardship situation from the list
la-field-exempt-statement = Explanation of which Article 42 group you belong to
la-pledge-required = Confirm your good-faith pledge that the financial hardship you described is true (Legal Aid Law, Article 41)
la-incomplete = The application is incomplete

## A legal-aid application's timeline (法律援助法 第43条)
aid-status-under-review = Received, under review
aid-status-material-requested = More documents needed
aid-status-granted = Legal aid granted; a legal aid provider is being assigned
aid-status-lawyer-assigned = Legal aid provider assigned
aid-status-refused = Legal aid refused
aid-status-withdrawn = Documents not provided as requested; the application is treated as withdrawn
aid-event-received = Legal aid application received
aid-event-material-requested = Please provide the following documents or an explanation: { $items }. Please provide them by { $date }. If you do not provide them in time, your application will be treated as withdrawn (Article 43)
aid-event-material-supplied = The applicant provided more documents ({ $files ->
        [one] one file
       *[other] { $files } files
    }): { $explanation }
aid-event-explained = The applicant gave an explanation: { $explanation }
aid-event-material-received = The legal aid agency received more documents from the applicant: { $note }
aid-event-granted = Legal aid granted; a legal aid provider will be assigned within 3 days
aid-event-lawyer-assigned = Legal aid provider assigned: { $lawyer }
aid-event-refused = Legal aid refused. Reasons: { $reasons }
aid-field-days = The time allowed to provide documents must be a whole number of days from 1 to 30
aid-field-items = Documents needed
aid-field-note = Documents received
aid-field-lawyer = Legal aid provider
aid-field-reasons = Reasons for refusing legal aid

## 普法园地 and the statute library
doc-kind-guide = Guide
doc-kind-faq = Frequently asked questions
doc-kind-statute = Law or regulation
source-no-title = The first line should be the title, for example "# How to submit a petition"
source-no-summary = The title should be followed by a short summary
source-no-body = There is no main text after the summary yet
source-no-articles = No articles found (paragraphs starting with "Article …")

## The figures the bureau reports
board-red = Red list
board-black = Black list

## Waits
wait-seconds = { $n ->
    [one] 1 second
   *[other] { $n } seconds
}
wait-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}
field-reported = Who or which unit you are reporting
refusal-reported-unit = This report is about this very unit. Under Article 30 of the Regulations on Letters and Visits Work, reports may not be passed to the people or units they report. Assign it to the body above that unit or to another body with authority

## Notifications (domain/notify): only the number, what happened and where to look
email-invalid = The email address is not in the right form (for example name@example.cn). Check it, or leave it empty
email-too-long = The email address is too long: at most { $max } characters
notice-received = Your petition { $number } has been received. We will tell you by { $due } whether it is accepted. See "Check progress" with its number and query code.
notice-received-undated = Your petition { $number } has been received. See "Check progress" with its number and query code.
notice-assigned = Your petition { $number } has been registered and passed to { $unit }.
notice-accepted = Your petition { $number } has been accepted. See "Check progress" for its progress.
notice-not-accepted = Your petition { $number } was not accepted. See "Check progress" for the reason.
notice-replied = Your petition { $number } has a written reply. See "Check progress".
notice-extended = The time for handling your petition { $number } has been extended by { $days } days, to { $until }. The reason: { $reason }
notice-extended-undated = The time for handling your petition { $number } has been extended by { $days } days. The reason: { $reason }
notice-review-answered = The { $level } opinion on your petition { $number } has been given. See "Check progress".
notice-review-closing = If you want a { $level } of your petition { $number }, ask for it by { $closes } in "Check progress".
notice-aid-received = Your legal aid application { $number } has been received. See "Check progress" for the decision.
notice-aid-material = Your legal aid application { $number } needs more material by { $by }. See "Check progress" for what is needed.
notice-aid-granted = Legal aid has been granted on your application { $number }. See "Check progress" for details.
notice-aid-refused = Legal aid has been refused on your application { $number }. See "Check progress" for the reasons.
notice-aid-lawyer = A legal aid lawyer has been assigned to your application { $number }. See "Check progress" for details.
notice-booked = You have booked a visit on { $day } at { $start } at { $place }, booking number { $number }. Bring your identity card; if you cannot come, cancel online with the booking number and the cancellation code.
notice-booking-cancelled = Your booking { $number } is cancelled.
notice-code = Your code is { $code }. It is valid for { $minutes } minutes. Do not tell it to anyone.
notice-new-query-code = The new query code of your petition { $number } is { $code }; the old one no longer works. Keep it safe.
staff-mail-needs-address = To be told by mail, give an email address
staff-notice-assigned = Petition { $number } has been given to your unit: see it on the workbench and act by its deadlines.
staff-notice-review = A { $level } was asked for on petition { $number }, for your unit to make: see the workbench.
staff-notice-supervision = A supervision letter was recorded on petition { $number }: see the workbench.
staff-notice-reminder = A reminder letter was recorded on petition { $number }: see the workbench.
staff-notice-letter = The bureau sent your unit a letter ({ $kind }, { $number }) about: { $subject }. Answer in writing by { $reply_by }: see the workbench.
staff-notice-digest = Today's deadlines: { $overdue } overdue, { $due_soon } due within 3 days.
    { $lines }
    See the workbench.
notice-aid-new-query-code = The new query code of your legal aid application { $number } is { $code }; the old one no longer works. Keep it safe.
code-malformed = Enter the code from the text message: 6 digits
code-not-right = This code is not right, or no longer valid (a code works once, for { $minutes } minutes). Check it, or ask for a new one

# Channels (issue 17)
channel-web = The portal's forms
channel-api = Another system
channel-letter = Letter
channel-visit = Visit
channel-phone = Phone call
channel-fax = Fax
channel-hotline = From the 12345 hotline
channel-transfer = From another body
channel-required = Choose the channel the matter came by
channel-unknown = The channel must be a letter, a visit, a phone call, a fax, the 12345 hotline or another body
date-invalid = Write the date as year-month-day, e.g. 2026-12-01
intake-received-future = The day received cannot be after today
intake-received-too-old = The day received cannot be more than { $days } days ago; register an older one with the day it was found and say why in a progress note
intake-postmark-letters-only = Only a letter has a postmark
intake-postmark-after-receipt = The postmark cannot be after the day received
field-review-reason = The reasons given (as the letter says)
posted-review-postmark = Give the postmark (year-month-day): whether the request is in time is judged by it
posted-review-postmark-future = The postmark cannot be after today
posted-review-before-reply = The postmark is before the reply: check it
event-posted-review-postmark = (by post, postmarked { $date })

## Reception sessions and booked visits (domain/reception)
reception-kind-ordinary = Reception day
reception-kind-leader = Leader's reception day
reception-kind-required = Choose the kind of reception
reception-field-leader = Receiving leader
reception-field-office = Leader's office
reception-field-place = Place
reception-field-summary = Your matter
reception-day-required = Enter the day of the reception
reception-day-past = The day cannot be before today
reception-day-too-far = A reception can be set at most { $days } days ahead
reception-day-holiday = This day is a public holiday: no reception
reception-day-rest = This day is a rest day: no reception
reception-slot-format = Line { $line } cannot be read: write one time slot and its places a line, such as "09:00-10:00 5"
reception-slot-order = On line { $line } the end must be after the start
reception-slot-capacity = On line { $line } the places must be a whole number from 1 to { $max }
reception-slots-required = Write at least one time slot, such as "09:00-10:00 5"
reception-slots-too-many = A reception has at most { $max } time slots
reception-slots-overlap = Time slots cannot overlap
booking-status-booked = Booked
booking-status-cancelled = Cancelled
booking-status-arrived = Arrived
booking-status-no-show = Did not come

## Several people, one matter (domain/petition/joint)
joint-line-format = Line { $line } of the other petitioners cannot be read: write "name ID-number" a line, with a mobile number if any, and the mark of a chosen representative
joint-line-id-number = The ID number on line { $line } of the other petitioners: { $problem }
joint-line-mobile = The mobile number on line { $line } of the other petitioners: { $problem }
joint-line-twice = The person on line { $line } of the other petitioners is named already
joint-too-many = One matter can have at most { $max } other petitioners
joint-too-many-representatives = People visiting together choose representatives, at most { $max } (Article 20); there are { $count }, the registered petitioner included

## Fields (issue 18)
event-field-set = Field set to { $field }
field-required = Choose the field the matter concerns
field-unknown = There is no such field: choose again
