# English

legal-aid-not-submitted = It cannot be saved right now. Please try again later. Your application has not been submitted yet
legal-aid-not-found = No legal aid application matches this reference number and query code. Check them and try again
legal-aid-not-found-staff = We could not find this application
legal-aid-not-saved-kept = We cannot save this at the moment. Please try again later. Everything you entered is still here; your application has not been submitted yet
legal-aid-nothing-asked = No documents are being asked for now, or the deadline for providing them has passed (after the deadline, the application is treated as withdrawn: Legal Aid Law, Article 43)
