# English

## The home page (page.rs)

home-loading = Loading…
home-unavailable-heading = Cannot be shown right now
home-unavailable-text = This page cannot be shown right now. Please refresh it later. If it is urgent, call 12345.
home-title = { $bureau } online petition service
home-lede = Here you can find out the channels, reception hours and time limits for raising a problem with { $city }. Raise your request lawfully and truthfully, and we will tell you the result within the time limit set by law.
home-services-heading = Services
home-services-petition = Submit a petition
home-services-petition-hint = Submit suggestions and opinions, reports and accusations, or appeals and requests online, and get a reference number and query code straight away
home-services-lookup = Check progress
home-services-lookup-hint = Use your petition's reference number and query code to see how it is being handled, the legal time limits and the reply
home-services-mine = My matters
home-services-mine-hint = Forgot the reference number or query code? Prove the mobile number you gave with a code by SMS to see all your matters and have a new query code sent
home-services-legal-aid = Legal aid
home-services-legal-aid-hint = If you are in financial hardship and cannot afford a lawyer, first check whether you qualify, then apply online and check progress with your reference number and query code
home-services-guides = Know your rights
home-services-guides-hint = How to petition, where to go, time limits, review and re-examination, legal aid: explained in plain words, and you can search the text of laws and regulations
home-services-stats = Petition statistics
home-services-stats-hint = Petitions received each month, the rates of timely acceptance, on-time conclusion and satisfaction, and the red and black lists of departments
home-channels-heading = Ways to petition
home-channels-visit = In person
home-channels-visit-hours = Reception hours: { $hours }
home-channels-letter = By letter
home-channels-letter-address = { $address }, postcode { $postcode }
home-channels-email = Email
home-channels-phone = Reception office phone
home-hotlines-heading = Hotlines
home-procedure-heading = Procedure and time limits
home-procedure-register-step = Register, pass on or assign
home-procedure-register = { $step }: Within 15 days of receiving the petition, the letters and visits office passes it on or assigns it, as the rules require, to the authority or department with power to handle it (Regulations on Letters and Visits Work, Article 22).
home-procedure-accept-step = Telling you whether it is accepted
home-procedure-accept = { $step }: Within 15 days of receiving it, the authority or department with power to handle it tells you whether it accepts the petition and how it will be handled (Article 23).
home-procedure-handle-step = Handling and written reply
home-procedure-handle = { $step }: The petition is concluded within 60 days of acceptance. For complex cases this can be extended with approval by up to 30 days, and you will be told the reason (Article 34).
home-procedure-review-step = Review
home-procedure-review = { $step }: If you disagree with the decision, you can ask for a review within 30 days of receiving the written reply. The reviewing authority replies within 30 days of receiving your request (Article 35).
home-procedure-recheck-step = Re-examination
home-procedure-recheck = { $step }: If you disagree with the review decision, you can ask for a re-examination within 30 days of receiving it. The re-examining authority replies within 30 days of receiving your request. After a re-examination, a petition raised again on the same facts and reasons will not be accepted (Article 36).
home-procedure-note = Time limits are counted from the day after receipt. If the last day is a public holiday, the limit moves to the first working day after the holiday. Matters that belong to legal routes such as litigation, arbitration or administrative reconsideration must be raised through the corresponding legal procedure (Article 31).
home-sessions-heading = Reception days and leaders' reception days
home-sessions-none = No reception session has been published for the coming weeks; you can visit during opening hours.
home-sessions-book = Book a visit online
