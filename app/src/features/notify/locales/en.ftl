## The citizen's choice of messages (petition and legal-aid forms)
notify-heading = Updates on progress (optional)
notify-sms-label = Text me when something happens (to the mobile number above)
notify-email-label = Email address (optional)
notify-email-hint = If you give one, we also email you when something happens.
notify-privacy = About your personal information (Personal Information Protection Law, Article 17): { $bureau } uses the mobile number above and this email address only to tell you how this matter progresses — one message when it is received, registered and passed on, accepted or not, answered in writing, extended, reviewed, or, for legal aid, decided or short of material. A message gives only the number, what happened and where to look: never the reply, an ID number or the query code. Text messages are sent between 08:00 and 22:00. The record of what was sent is deleted after { $days } days. Leaving these empty changes nothing about how your matter is handled, and you can stop the messages at any time on the "Check progress" page.
notify-check-sms = Text message
notify-check-sms-email = Text message and email ({ $email })
notify-check-email = Email ({ $email })
notify-check-none = None
notify-check-label = Updates on progress
