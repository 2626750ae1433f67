# English

petition-not-submitted = It cannot be saved right now. Please try again later. Your petition has not been submitted yet
petition-not-found = No petition matches this reference number and query code. Check them and try again
petition-not-submitted-kept = It cannot be submitted right now. Everything you entered is still here. Please try again later by pressing "Submit petition"

## Resuming a petition (/petition/resume)

petition-resume-title = Continue your petition
petition-resume-status = Restoring the form you did not finish on this device… If the page does not continue, there is no unfinished petition saved here.
petition-resume-start-over = Start from the beginning

## The start page (/petition)

petition-start-title = Online petition
petition-start-lead = You can use this service to tell the letters and visits offices of the city's Party committee and government about a situation, or to make suggestions, give opinions or make complaints and requests (Regulations on Letters and Visits Work, Article 17).
petition-start-resume-offer = You have an unfinished form saved on this device. { $link }, or use the button below to start again.
petition-start-resume-link = Continue where you left off
petition-start-here-heading = What you can raise here
petition-start-here-suggestions = suggestions and opinions about the work of government bodies and organisations;
petition-start-here-reports = reports and accusations about illegal acts or neglect of duty by government bodies, organisations or their staff;
petition-start-here-requests = requests about your own rights and interests that have no other legal route to be resolved.
petition-start-elsewhere-heading = Matters that must go another way
petition-start-elsewhere = Matters that have been or should be dealt with through the courts, the procuratorate, the police, arbitration, administrative reconsideration or other procedures must be raised through that legal procedure (Article 31). As you fill in the form, we will help you check this and tell you where to go and what deadlines apply.
petition-start-after-heading = After you submit
petition-start-after-number = You will get a petition reference number and a query code straight away. Use them to check progress.
petition-start-after-register = The letters and visits office will register your petition within 15 days and pass it on or assign it to the department with authority to handle it (Article 22).
petition-start-after-accept = The responsible department will tell you in writing within 15 days of receiving it whether it accepts your petition (Article 23). Once accepted, a petition is usually concluded within 60 days (Article 34).
petition-start-prepare-heading = What you need
petition-start-prepare-person = your full name, 18-digit ID card number, mobile number and address;
petition-start-prepare-request = your request, and the facts and reasons;
petition-start-prepare-files = optional: photos or PDF files of related documents, up to 5 files, each no larger than 10 MB.
petition-start-time = It takes about 10 minutes. What you enter is only saved on your own device until you submit.
petition-start-privacy-summary = How we use your personal information (please read)
petition-start-privacy-use = We collect your full name, ID card number, mobile number, address and what you write about your matter. We only use this to register, pass on, handle and reply to your petition, and for statistics as allowed by law (Personal Information Protection Law of the People's Republic of China, Article 17).
petition-start-privacy-sharing = This information is only given to the bodies, organisations and staff who need it to handle your matter. For reports and accusations, your identity will not be revealed to the organisations or people you report (Regulations on Letters and Visits Work, Article 30).
petition-start-privacy-keeping = Your information is kept under the rules for records management. You can see, copy and correct your personal information. If you have questions, visit a letters and visits reception office or call 12345.
petition-start-button = Start now

## The question pages: titles and buttons

petition-category-question = What kind of matter do you want to raise?
petition-route-question-report = What kind of report or accusation is it?
petition-route-question = Which of these describes your problem?
petition-petitioner-heading = Your personal details
petition-matter-heading = The matter you are raising
petition-attachments-heading = Upload documents (optional)
petition-check-heading = Check your answers before you submit
petition-step-submit = Submit petition
petition-step-continue = Continue
petition-step-back = Go back

## The category page

petition-category-hint = Choose the closest type. Do not worry if you choose the wrong one: the letters and visits office will handle it according to the actual situation.
petition-category-suggestion-hint = Suggestions and opinions on the work of public bodies and organisations, for example improving public services or policies (Article 29).
petition-category-report-hint = Reporting or accusing public bodies, organisations or their staff of breaking the law or discipline, or of neglecting their duties (Article 30). Your identity is protected.
petition-category-appeal-hint = Requests to protect your own lawful rights and interests, for example about wages, housing, compensation for land taken, or social security (Article 31).

## The route check

petition-route-litigation-hint = Article 31, item 1: handled by the courts, procuratorates or police under the procedures set by law.
petition-route-arbitration-hint = Article 31, item 2: apply for arbitration first.
petition-route-party-hint = Article 31, item 3: handled through a Party member's appeal or an application for a further review.
petition-route-administrative-hint = Article 31, item 4: you can apply for administrative reconsideration or bring an administrative lawsuit.
petition-route-duty-hint = Article 31, item 5: raise it directly with the department responsible, which must act or reply as the law requires.
petition-route-officials-hint = Article 22: accepted by the discipline inspection and supervision authorities.
petition-route-hint-report = Reports and accusations against Party members or public officials are accepted by the discipline inspection and supervision authorities. It is quicker to raise them with those authorities directly.
petition-route-hint = For some problems the law sets out a special way to resolve them. Using the right route is quicker and gives you more protection. If you are not sure, choose the closest option.

## The petitioner page, and a person's fields (also the legal-aid application's)

petition-petitioner-why = Article 19 of the Regulations on Letters and Visits Work requires the petitioner's full name and address. We only use this information to handle and reply to your petition.
petition-petitioner-protected = Your identity will not be revealed to the organisations or people you report or accuse (Regulations on Letters and Visits Work, Article 30).
petition-person-name-label = Full name
petition-person-id-number-label = ID card number
petition-person-id-number-hint = 18 characters. The last one may be an X
petition-person-mobile-label = Mobile number
petition-person-mobile-hint = 11 digits. We use it to send you updates on progress
petition-person-address-label = Address
petition-person-address-hint = An address where you can receive a written reply
petition-person-district-label = District
petition-person-district-placeholder = Select

## The matter page

petition-matter-title-label = Title
petition-matter-title-hint = Sum it up in one sentence, for example: A company has not paid my wages for three months
petition-matter-request-label = Your request
petition-matter-request-hint = What you want the authorities to do
petition-matter-facts-label = Facts and reasons
petition-matter-facts-hint = What happened, and why you are making this request. Please be truthful (Article 19).
petition-matter-place-label = Place and time it happened (optional)
petition-matter-earlier-label = Which departments you have raised this with before, and how they dealt with it (optional)
petition-matter-unit-label = Which department you would like to handle it (optional)
petition-matter-unit-hint = If you are not sure, you can leave this blank and the letters and visits office will decide.
petition-matter-unit-unknown = Not sure, let the letters and visits office decide
petition-matter-unit-option = { $unit } ({ $handles })

## The attachments page, and the file uploads (also the legal-aid application's)

petition-attachments-intro = You can upload photos or scans of documents such as contracts, IOUs, notices or photos of the scene. We only accept JPG and PNG images and PDF files, up to { $count ->
        [one] 1 file
       *[other] { $count } files
    }, each no larger than 10 MB. If you have no documents, just press "Continue".
petition-files-uploaded-heading = Uploaded documents
petition-files-item = { $name } ({ $kind }, { $size })
petition-files-remove = Remove
petition-files-choose = Choose files (you can upload { $count ->
        [one] 1 more
       *[other] { $count } more
    })
petition-files-upload = Upload selected files
petition-files-full = You have reached the limit of 5 files. To replace one, remove a file first.

## The check page

petition-check-category = Category
petition-check-route = Situation
petition-check-not-given = Not given
petition-check-name = Full name
petition-check-id-number = ID card number
petition-check-mobile = Mobile number
petition-check-address = Address
petition-check-district = District
petition-check-title = Title
petition-check-request = Request
petition-check-facts = Facts and reasons
petition-check-place = Place and time
petition-check-earlier = Earlier handling
petition-check-unit = Preferred department
petition-check-files-none = None uploaded
petition-check-file = { $name } ({ $size })
petition-check-files-separator = ,{" "}
petition-check-files = Documents
petition-check-declaration-heading = Declaration
petition-check-declaration = I declare that what I have stated is objective and true, that I am responsible for the truthfulness of the documents I provide, and that I have not made up or distorted any facts or falsely accused or framed anyone (Regulations on Letters and Visits Work, Article 19).

## Where a statutory channel sends the matter

petition-channel-litigation-heading = Use the legal procedures of the courts, the procuratorate or the police
petition-channel-litigation-why = Your issue is a matter that the courts, the procuratorate or the police should handle under legal procedures (a matter involving the law and litigation). Item 1 of Article 31 of the Regulations on Letters and Visits Work says these matters are handled under the procedures set by laws and regulations. If a letters and visits office receives a letter about such a matter, it will also pass it on to the political and legal affairs department at the same level (Article 22).
petition-channel-litigation-court = If you disagree with a court judgment or ruling, you can appeal or apply for a retrial as the law allows.
petition-channel-litigation-police = If you disagree with a decision of the police or the procuratorate, you can apply to the authority that made the decision, or the authority above it, for reconsideration or re-examination, or lodge an appeal.
petition-channel-litigation-limits = Appeals to a higher court, reconsiderations and formal appeals all have time limits. The time limit is written on the judgment, ruling or decision you received. Please act quickly so that you do not miss it because you petitioned first.
petition-channel-arbitration-heading = Apply for arbitration first
petition-channel-arbitration-why = Your issue should be resolved through arbitration. Item 2 of Article 31 of the Regulations on Letters and Visits Work says these matters are directed to arbitration.
petition-channel-arbitration-labour = Labour and personnel disputes: apply for arbitration to the labour and personnel dispute arbitration commission where the employer is located or where the employment contract is carried out. The time limit for applying for arbitration is one year (Article 27 of the Law on Mediation and Arbitration of Labour Disputes).
petition-channel-arbitration-land = Disputes over rural land contracts: apply for arbitration to the rural land contract arbitration commission.
petition-channel-arbitration-court = If you disagree with the arbitration award, you can take the case to the people's court within the time limit stated in the award.
petition-channel-party-heading = Make a Party member appeal or apply for a further review
petition-channel-party-why = Item 3 of Article 31 of the Regulations on Letters and Visits Work says matters that can be resolved through a Party member appeal, an application for a further review or similar means are directed to those procedures.
petition-channel-party-where = Make your appeal to the Party organisation that made the decision or imposed the disciplinary action, or to the Party organisation above it, or to the discipline inspection authority.
petition-channel-party-how = In your appeal, state your request and your reasons, and attach the written decision on the handling or disciplinary action.
petition-channel-administrative-heading = Apply for administrative reconsideration or file an administrative lawsuit
petition-channel-administrative-why = You disagree with a decision made by an administrative authority. Item 4 of Article 31 of the Regulations on Letters and Visits Work says matters that can be resolved through administrative procedures, such as administrative reconsideration, administrative adjudication, administrative confirmation, administrative licensing or administrative penalties, are directed to those procedures.
petition-channel-administrative-review = Apply to the administrative reconsideration authority for administrative reconsideration. You should usually do this within 60 days of the day you learned of the administrative action (Article 20 of the Administrative Reconsideration Law).
petition-channel-administrative-lawsuit = Or file an administrative lawsuit with the people's court. You should usually do this within 6 months of the day you learned that the administrative action was taken (Article 46 of the Administrative Litigation Law).
petition-channel-administrative-decision = If the decision states the reconsideration authority and the time limit, follow what the decision says.
petition-channel-duty-heading = Raise it directly with the department responsible
petition-channel-duty-why = Investigating illegal acts and protecting your personal or property rights is a legal duty of the relevant departments. Item 5 of Article 31 of the Regulations on Letters and Visits Work says the relevant departments must carry out their duties under the law or reply to these requests.
petition-channel-duty-police = If your safety or property is in danger, call the police on 110 now.
petition-channel-duty-complain = Make a complaint or report to the department in charge, for example market regulation, housing and urban-rural development, human resources and social security, or ecology and environment. You can also call the 12345 government service hotline, which will pass it to the department responsible.
petition-channel-duty-review = If the department does not carry out its duties or does not reply, you can apply for administrative reconsideration or file an administrative lawsuit as the law allows.
petition-channel-officials-heading = To report or accuse Party members or public officials, contact the discipline inspection and supervision authorities
petition-channel-officials-why = Reports and accusations about Party members or public officials breaking discipline or the law, committing misconduct in office or committing job-related crimes are accepted by the discipline inspection and supervision authorities. If a letters and visits office receives such a report or accusation, it passes it on to the discipline inspection and supervision authorities according to their powers (Article 22 of the Regulations on Letters and Visits Work), so it is quicker to contact them directly.
petition-channel-officials-report = Call the discipline inspection and supervision reporting line on 12388, or report through their reporting website, by letter or in person.
petition-channel-officials-petition = If you still want to submit through the letters and visits channel, you can carry on filling in the form and we will pass it on as the law requires.
petition-channel-petition-heading = You can submit here
petition-channel-what-to-do = What to do
petition-channel-legal-help-heading = If you need legal help
petition-channel-legal-help = You can call the 12348 public legal services hotline for advice. If you are in financial hardship, or your situation is one set out in law, you can apply to a legal aid agency for legal aid (Articles 31 and 32 of the Legal Aid Law).
petition-channel-submit-anyway = Submit here anyway
petition-channel-change-answers = Go back and change my answers
petition-channel-home = Back to the home page

## The confirmation

petition-done-title = Petition submitted
petition-done-number = Petition reference number
petition-done-code = Query code
petition-done-keep-code = Write down or print your reference number and query code now. The query code is shown only for a while after you submit. We do not keep it and cannot recover it.
petition-done-facts-title = Title
petition-done-facts-category = Category
petition-done-facts-received = Received
petition-done-facts-files = Documents
petition-done-files-none = None uploaded
petition-done-files-count = { $count ->
        [one] 1 file
       *[other] { $count } files
    }
petition-done-next-heading = What happens next
petition-done-next-register = By { $date } at the latest, the letters and visits office will register your petition and pass it on or assign it to the department with authority to handle it (Article 22 of the Regulations on Letters and Visits Work).
petition-done-next-accept = Within 15 days of receiving it, the responsible department will tell you in writing whether it accepts your petition. This will be by about { $date } at the latest (Article 23).
petition-done-next-conclude = Once accepted, a petition is usually concluded within 60 days. If it is complicated, this can be extended by no more than 30 days, and you will be told why (Article 34).
petition-done-next-review = If you disagree with the decision, you can request a review within 30 days of the day you receive the written reply (Article 35).
petition-done-limits-note = Time limits are counted from the day after receipt. If the last day is a public holiday, the limit moves to the first working day after the holiday.
petition-done-print = You can use your browser's "Print" function to print this page as a receipt. You can check progress at any time on the { $link } page, using your reference number and query code.
petition-done-print-link = Check progress

## What citizens send about their case
petition-field-comment = Comments
petition-field-review-reason = Reasons for requesting a review or re-examination

## The journey's checks and what the posts answer
petition-statutory-channel = Based on your answer to the "Situation" question, this matter must be resolved through the channels set by law and cannot be submitted as a petition. If you chose the wrong answer, please change it
petition-form-unreadable = The form is not in the right format
petition-form-too-long = What you submitted is too long
petition-files-unavailable = The uploaded files cannot be saved right now. Please try again later
petition-files-no-room = You can upload at most { $max } files, so "{ $first }" { $refused ->
        [one] was not uploaded
       *[other] and { $others } more were not uploaded
    }. To swap a file, first delete one you have already uploaded
petition-files-broken = The upload was too large or did not finish. You can upload at most { $max } files at a time, each no larger than 10 MB. Please choose the files again
petition-category-required = Select which type of matter you want to raise
petition-route-required = Select the option that best fits your situation. If none fits, select the last option
petition-files-too-many = You can upload no more than { $max } files. Remove the extra files
petition-declaration-required = You must confirm that what you have stated is objective and true before you can submit
petition-rating-required = Choose a rating: Satisfied, Mostly satisfied or Not satisfied
petition-resume-nothing-kept = No unfinished petition is saved on this device. Please start from the beginning.

## The routes the law sets (条例 第31条)
petition-route-litigation = You have already gone to court, a lawsuit is in progress or there is already a judgment, or it involves a case handled by the procuratorate or the police
petition-route-arbitration = Labour or personnel disputes, rural land contract disputes and similar matters that must go to arbitration
petition-route-party = You are a Party member and disagree with how a Party organisation dealt with or disciplined you
petition-route-administrative = You disagree with a decision made by an administrative body, such as a fine, a licence, a registration or a confirmation
petition-route-duty = You are asking the relevant department to investigate and deal with illegal acts, or to protect your personal safety or property
petition-route-officials = Party members or public officials breaking discipline or the law, or committing job-related violations or crimes
petition-route-none = None of the above
petition-uploads-busy = Many people are uploading files right now. Please submit again in a moment; your browser's Back button returns to what you typed.
petition-done-again = This petition was already submitted, so it has not been submitted again. Here is its receipt. The query code is shown only after the first submission.
petition-done-code-gone = The query code is shown only for a while after submitting, and is no longer shown. If you did not write it down, you can have a new one sent to the mobile number you gave under 'My matters' (after a code by SMS), or bring your identity document to a reception office.
petition-no-receipt-title = No receipt to show
petition-no-receipt-body = This browser has no receipt of a petition just submitted. A receipt is shown for a while only in the browser that submitted it. If you have submitted a petition, you can check its progress with its reference number and query code.
petition-no-receipt-new = Submit a new petition
petition-channel-legal-aid-link = See whether you can get legal aid
petition-matter-reported-label = Who or which unit you are reporting
petition-matter-reported-hint = Give the name and post, or the name of the unit. Under Article 30 of the Regulations on Letters and Visits Work, your report is never passed to the people or units it reports.
petition-matter-reported-unit-label = Is the unit you are reporting one of these?
petition-matter-reported-unit-hint = If it is, choose it, and your report will not be given to that unit to handle.
petition-matter-reported-unit-none = None of these, or not a unit
