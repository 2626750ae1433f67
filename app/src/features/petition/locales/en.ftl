# English

petition-not-submitted = It cannot be saved right now. Please try again later. Your petition has not been submitted yet
petition-not-found = No petition matches this reference number and query code. Check them and try again
petition-not-submitted-kept = It cannot be submitted right now. Everything you entered is still here. Please try again later by pressing "Submit petition"
