# English

legal-aid-not-submitted = It cannot be saved right now. Please try again later. Your application has not been submitted yet
legal-aid-not-found = No legal aid application matches this reference number and query code. Check them and try again
legal-aid-not-found-staff = We could not find this application
legal-aid-not-saved-kept = We cannot save this at the moment. Please try again later. Everything you entered is still here; your application has not been submitted yet
legal-aid-nothing-asked = No documents are being asked for now, or the deadline for providing them has passed (after the deadline, the application is treated as withdrawn: Legal Aid Law, Article 43)

## The start page (/legal-aid)

legal-aid-start-title = Legal aid
legal-aid-start-lead = If you are in financial hardship and cannot afford a lawyer, you can apply to a legal aid agency. The state will then appoint a lawyer or another legal aid provider to give you legal advice, represent you, or defend you in a criminal case, free of charge (Legal Aid Law, Article 2).
legal-aid-start-check-heading = Start with a quick check
legal-aid-start-check-text = Answer a few questions (about 1 minute, no personal details needed) to see whether your matter is covered by legal aid and whether your financial hardship needs to be checked. The result is only a guide. The legal aid agency decides whether to give legal aid after reviewing your application.
legal-aid-start-check-button = Start the check
legal-aid-start-apply-heading = Apply directly
legal-aid-apply-direct = If you already know you can apply, you can { $link }. After you apply, you will get an application reference number and a query code. The legal aid agency will decide whether to give you legal aid within 7 days of receiving your application (Article 43).
legal-aid-apply-direct-link = apply online
legal-aid-start-help-heading = Get help
legal-aid-start-help-text = Call the 12348 public legal services hotline for free legal advice, or to ask how to apply for legal aid.

## The self-check's questions (/legal-aid/check)

legal-aid-check-matter-legend = What kind of problem do you need to solve?
legal-aid-check-matter-hint = The Legal Aid Law lists the matters you can apply for legal aid for (Articles 24, 31 and 33).
legal-aid-law-article = Legal Aid Law, { $article }
legal-aid-check-special-legend = Does any of these apply to you?
legal-aid-check-special-hint = If any of these applies to you, you can get legal aid without meeting the financial hardship condition (Article 32).
legal-aid-check-group-legend = Are you one of these people?
legal-aid-check-group-hint = If you have proof that you are one of these people, your financial hardship will not be checked (Article 42).
legal-aid-check-hardship-legend = Are you in financial hardship and unable to afford a lawyer?
legal-aid-check-hardship-hint = The standard for financial hardship is set by the people's government of the autonomous region (Article 34). Here we only ask what you think yourself.
legal-aid-check-question-title = { $question } · Legal aid check
legal-aid-check-continue = Continue

## The self-check's result

legal-aid-check-answer-matter = Matter
legal-aid-check-answer-special = Special situations
legal-aid-check-answer-group = Specific groups of people
legal-aid-check-answer-hardship = Financial situation
legal-aid-check-next-unlikely = You can still apply, and the legal aid agency will check your case. You can also call 12348 to ask about other legal services.
legal-aid-check-next-outside = We suggest you call 12348 first: local rules may cover more matters under legal aid. You can also apply, and the legal aid agency will review your application.
legal-aid-check-next-no-test = You can apply online. When you apply, describe your case and choose the Article 32 situation or the Article 42 group that applies to you (for Article 42, upload proof). You do not need to make the good-faith pledge about financial hardship.
legal-aid-check-next-if-hardship = You can apply online. When you apply, you need to describe your case, give a truthful account of your financial hardship and make a good-faith pledge (Article 41).
legal-aid-check-result-title = Check result · Legal aid
legal-aid-check-result-not-a-decision = This is only a guide based on your answers, not a decision. The legal aid agency will review your application and decide whether to give legal aid within 7 days of receiving it (Legal Aid Law, Article 43).
legal-aid-check-result-why = Why
legal-aid-check-reason = { $reason } ({ $link })
legal-aid-check-result-answers = Your answers
legal-aid-check-result-again = Check again
legal-aid-check-result-next = Next steps
legal-aid-check-result-apply = Apply for legal aid
legal-aid-check-result-hotline = Call the 12348 public legal services hotline for free advice.

## The application form (/legal-aid/apply)

legal-aid-apply-who-self = I am applying for myself
legal-aid-apply-who-agent = I am applying for someone else (as their legal guardian or close relative)
legal-aid-apply-title = Apply for legal aid
legal-aid-apply-intro = One question per page: please answer truthfully. You will be asked to check it all before you submit. The legal aid agency will decide whether to give you legal aid within 7 days of receiving your application (Legal Aid Law, Article 43).
legal-aid-apply-who-legend = Who is applying?
legal-aid-apply-who-hint = A person who has no or limited civil capacity, or who is in custody, can have their legal guardian or a close relative apply for them (Article 40).
legal-aid-apply-applicant-heading = Applicant (the person who needs legal aid)
legal-aid-apply-agent-heading = The person applying on their behalf
legal-aid-apply-agent-name = Agent's full name
legal-aid-apply-agent-id-number = Agent's ID card number
legal-aid-apply-agent-mobile = Agent's mobile number
legal-aid-apply-agent-relation = Relationship to the applicant
legal-aid-apply-agent-relation-hint = For example: mother (legal guardian), son (close relative)
legal-aid-apply-matter-heading = What you need legal aid for
legal-aid-apply-matter = Type of matter
legal-aid-apply-matter-placeholder = Select
legal-aid-apply-other-party = Other party (fill in if you know)
legal-aid-apply-other-party-hint = For example, the name of the company that owes you wages
legal-aid-apply-description = What happened and what you are asking for
legal-aid-apply-description-hint = What happened, when it happened, and what help you want
legal-aid-apply-hardship-heading = Financial hardship
legal-aid-apply-basis-legend = Which of these applies to you?
legal-aid-apply-hardship-statement = Description of your financial hardship
legal-aid-apply-hardship-statement-hint = The number of people in your household, where your income comes from, your monthly income and so on. If you have proof of financial hardship, you can upload it on the next page.
legal-aid-apply-pledge = Good-faith pledge: The financial hardship I have described is true. If it is false, I accept the legal responsibility for this.
legal-aid-apply-files-heading = Documents (optional)
legal-aid-apply-files-text = Photos or scans of proof of identity, proof of financial hardship, and documents related to the case such as contracts, IOUs and court judgments.
legal-aid-apply-continue = Continue to check your application
legal-aid-apply-next = Continue
legal-aid-apply-back = Back
legal-aid-apply-page-title = { $question } · Apply for legal aid
legal-aid-apply-agent-intro = If you are applying for someone else, give your own details here (Article 40).
legal-aid-apply-exempt-heading = Which Article 42 group you belong to
legal-aid-apply-exempt-statement = Which group you belong to
legal-aid-apply-exempt-statement-hint = For example: a close relative of a hero or martyr, someone claiming rights after acting bravely for others, a victim of domestic violence. You can upload proof on the next page.

## The check page

legal-aid-apply-check-who = Who is applying
legal-aid-apply-check-who-agent = Someone else is applying for the applicant
legal-aid-apply-check-who-self = The applicant is applying for themselves
legal-aid-apply-check-name = Applicant's full name
legal-aid-apply-check-id-number = ID card number
legal-aid-apply-check-mobile = Mobile number
legal-aid-apply-check-address = Address
legal-aid-apply-check-matter = Type of matter
legal-aid-apply-check-other-party = Other party
legal-aid-apply-check-description = Facts of the case and your request
legal-aid-apply-check-hardship = Financial hardship
legal-aid-apply-check-hardship-statement = Description of your financial hardship
legal-aid-apply-check-pledge = Good-faith pledge
legal-aid-apply-check-pledge-made = Made
legal-aid-apply-check-files = Documents
legal-aid-apply-check-files-none = None
legal-aid-apply-check-not-given = Not given
legal-aid-apply-check-files-separator = ,{" "}
legal-aid-apply-check-agent = Agent
legal-aid-apply-check-agent-value = { $name } ({ $relation }), { $mobile }
legal-aid-apply-check-heading = Check your application
legal-aid-apply-check-submit = Submit application

## The receipt

legal-aid-receipt-title = Application submitted · Legal aid
legal-aid-receipt-heading = Legal aid application submitted
legal-aid-receipt-number = Application reference number
legal-aid-receipt-code = Query code
legal-aid-receipt-code-once = { $once } Please write them down or print this page. You can use the reference number and query code in 'Check progress' to see how your application is being handled (Article 55).
legal-aid-receipt-code-once-strong = The query code is shown only for a while after you submit.
legal-aid-receipt-next = What happens next
legal-aid-receipt-received = Received: { $time }
legal-aid-receipt-decision-due = The legal aid agency must decide whether to give you legal aid no later than { $date }. This is 7 days from the day it received your application (Article 43). If it decides to give legal aid, it will appoint a lawyer or another legal aid provider within 3 days.
legal-aid-receipt-missing = If any documents are missing, you will be told everything you need to add in one go. If you do not add them as asked, your application will be treated as withdrawn.
legal-aid-receipt-refusal = If the agency decides not to give you legal aid, it will tell you the reasons in writing.
legal-aid-receipt-lookup = Check progress

## What applicants send about their application
legal-aid-field-explanation = Additional explanation

## The application form's own checks
legal-aid-who-required = Choose whether you are applying for yourself or on behalf of someone else
legal-aid-receipt-again = This application was already submitted, so it has not been submitted again. Here is its receipt. The query code is shown only after the first submission.
legal-aid-receipt-code-gone = The query code is shown only for a while after submitting, and is no longer shown. If you did not write it down, you can have a new one sent to the mobile number you gave under 'My matters' (after a code by SMS), or bring your identity document to the legal aid agency.
legal-aid-no-receipt-title = No receipt to show
legal-aid-no-receipt-body = This browser has no receipt of a legal aid application just submitted. A receipt is shown for a while only in the browser that submitted it. If you have applied, you can check progress with the reference number and query code.
legal-aid-no-receipt-new = Apply for legal aid
