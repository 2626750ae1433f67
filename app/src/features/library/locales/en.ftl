# English

library-query-too-long = The search is too long: use at most { $max } characters
library-no-such-document = There is no such article or law
