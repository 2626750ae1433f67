# English

library-query-too-long = The search is too long: use at most { $max } characters
library-no-such-document = There is no such article or law

## The guides, the laws and search (pages/mod.rs)

library-search-label = Search guides, FAQs and laws
library-search-hint = Search in Chinese, for example: { $examples }
library-search-examples = review, mediation, legal aid, time limits
library-search-submit = Search
library-title = Know your rights
library-guides-lead = Plain-language explanations of how to petition, where to go, what time limits apply, and what rights and duties you have. Each guide names the laws and regulations it is based on.
library-guides-heading = Guides
library-faq-heading = Frequently asked questions
library-statutes-heading = Laws and regulations
library-guide-page-title = { $title } · Know your rights
library-breadcrumbs = Breadcrumb
library-guide-updated = Last updated: { $date } (version { $version })
library-law-page-title = { $title } · Laws and regulations
library-search-page-title = Search · Know your rights
library-search-heading = Search
library-search-empty = Enter a word to search for, in Chinese, for example "{ $example }".
library-search-example = review
library-search-none = Nothing found for "{ $query }".
library-search-none-next = Try again with a shorter word, or browse all the guides in { $link }. You can also call 12345 for advice.
library-search-none-link = Know your rights
library-search-found = Found { $count ->
        [one] { $count } result
       *[other] { $count } results
    } for "{ $query }".
library-chinese-only = The text of this page is available in Chinese only.

## The charts of the guides (pages/charts.rs)

library-chart-limits-caption = Time limits chart: the legal time limit for each stage (counted from the next day; if the last day is a public holiday, it moves to the first working day after the holiday)
library-chart-limits-table = Time limits table (the same content as the chart above)
library-chart-limits-step = Stage
library-chart-limits-length = Time limit
library-chart-limits-from = Counted from
library-chart-limits-basis = Legal basis
library-chart-routes-caption = Flow chart: for appeals and requests, first check whether there is a legal route (Regulations on Letters and Visits Work, Article 31)
library-chart-routes-if = If: { $route }
library-chart-routes-petition = → Handled as a petition (Article 31, item 6):
library-chart-routes-step = { $step }: { $length }. Counted from: { $from }

## The editor's checks
library-slug-format = The web address name can only use lowercase English letters, numbers and hyphens, for example how-to-petition
library-slug-taken = Another article already uses this web address name. Please choose a different one
library-source-too-long = The body text is too long: use at most { $max } characters (it now has { $len })
library-statutes-elsewhere = This site does not hold the full text of this law yet. The official texts of laws and administrative regulations are in the { $link }.
library-statutes-elsewhere-link = National Database of Laws and Regulations
