# The kernel's messages in English.

too-many-attempts = Too many failed attempts. Try again in { $wait }
unavailable-generic = This cannot be done right now. Please try again later
unavailable-lookup = The lookup is not available right now. Please try again later
unavailable-save = It cannot be saved right now. Please try again later
unavailable-save-kept = We cannot save this at the moment. Please try again later. Everything you entered is still here
unavailable-read = This cannot be read at the moment. Please try again later
unavailable-stats = The figures cannot be calculated right now. Please try again later
api-too-large = What you submitted is too large. Shorten it and try again
api-not-json = Submit with Content-Type: application/json
api-unreadable = The submitted content could not be read
api-wrong-type = Wrong field type (line { $line }, column { $column }): every field must be text
api-malformed = Invalid JSON (line { $line }, column { $column })
api-query-code-required = Give the query code in the X-Query-Code request header
api-no-such-endpoint = This endpoint does not exist. See /api/v1/openapi.json
file-not-found = We could not find this file

## Uploads
upload-too-big = "{ $name }" is larger than 10 MB and was not uploaded. Make the file smaller (a photo can be taken at a lower resolution) or split it into several files, then upload again
upload-wrong-kind = "{ $name }" is not a JPG or PNG image or a PDF file (judged by its content), so it was not uploaded
upload-empty = "{ $name }" is an empty file and was not uploaded
api-method-not-allowed = This endpoint does not take { $method } requests. See /api/v1/openapi.json
api-bad-request = The address or its parameters are wrong. See /api/v1/openapi.json
api-unsupported-type = This format of submission is not supported. See /api/v1/openapi.json
cross-origin-refused = This submission came from another site or page and was refused. Go back to this portal's page and try again; what you typed is still on that page.
too-many-filings = The limit of submissions from here has been reached. Please submit again in { $wait }. Everything you typed is kept; you do not need to type it again.
upload-client-quota = "{ $name }" was not uploaded: the files you have uploaded but not yet submitted with a petition have reached { $mb } MB. Submit first, or remove files you do not need, then upload again
upload-total-quota = "{ $name }" cannot be uploaded right now: too many files are waiting to be submitted. Please try again later, or submit without this file and hand it in by letter or in person

## Notifications: the signature and the mail subject (kernel/outbox)
notice-signed = [{ $bureau }] { $text }
notice-mail-subject = { $bureau }: news of your matter
staff-notice-mail-subject = { $bureau } workbench: cases for you
api-key-not-valid = The API key is not valid, or was revoked
api-channel-needs-key = Only a caller with an API key may name the channel; without one a petition is recorded as from another system (api)
api-channel-unknown = The channel must be api, letter, visit, phone, fax, hotline or transfer
