# English

lookup-not-found = No petition or legal aid application matches this reference number and query code. Check the reference number and query code and try again
lookup-too-many-material = Too many failed attempts. Try again in { $wait }. The extra explanation you wrote has not been submitted, so please save a copy somewhere else first
