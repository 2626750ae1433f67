# English

stats-bad-month = Write the month as YYYY-MM, for example 2026-12

## The statistics page and the month's report (pages/stats_page.rs; the report is also the
## workbench's, which is always in Simplified Chinese)

stats-title = Petition statistics
stats-figure-received = Petitions received
stats-figure-count = { $count }
stats-rate-accepted = Timely acceptance rate
stats-rate-closed = On-time conclusion rate
stats-rate-resolved = First-time resolution rate
stats-rate-satisfaction = Satisfaction rate
stats-rate-mediation = Mediation agreement rate
stats-figure-letters = Supervision letters and reminder letters
stats-chart-title = Petitions received each month over the last 12 months
stats-chart-desc = Bar chart. The exact figures are in the table below.
stats-report-title = { $heading } ({ $month })
stats-report-note = Petitions are counted in the month they were received. Rates only count petitions whose deadline has passed or that have been completed. Where no petitions were due yet, the rate is shown as "—".
stats-month-nav = Choose a month
stats-month-previous = Previous month
stats-month-next = Next month
stats-volumes-heading = Petitions received each month
stats-volumes-caption = Petitions received each month over the last 12 months (number)
stats-volumes-month = Month
stats-volumes-count = Number of petitions
stats-units-heading = Responsible departments and the red and black lists
stats-board-none = None
stats-board-separator = ,{" "}
stats-board-red = Red list
stats-board-black = Black list
stats-units-none = No petitions have been assigned to responsible departments this month yet.
stats-units-caption = This month's figures for each responsible department
stats-units-unit = Responsible department
stats-units-count = Number of petitions
stats-units-letters = Supervision and reminder letters
stats-units-overdue = Overdue
stats-units-board = Red and black lists
stats-definitions-heading = How the figures are worked out
stats-definition-accepted = The share of petitions that were registered and passed on or assigned (or where the petitioner was told it was not accepted) within 15 days, out of all petitions where this was due (Article 22 of the Regulations on Letters and Visits Work).
stats-definition-closed = The share of accepted petitions that got a written reply within 60 days (including any approved extension), out of all petitions where a reply was due (Article 34).
stats-definition-resolved = The share of replied petitions where the petitioner did not request a review.
stats-definition-satisfaction = The share of all ratings that were "Satisfied" or "Mostly satisfied" (Article 21).
stats-definition-mediation = The share of appeals and requests with mediation arranged that reached a mediation agreement (Article 33).
stats-definition-overdue = Petitions whose current time limit has passed without the step being done. Each counts against whoever owes that step: during a review or re-examination, the reviewing body, not the unit whose reply is being reviewed (Articles 35 and 36).
stats-definition-board = Red list: every rate is 90% or higher. Black list: the timely acceptance rate or the on-time conclusion rate is below 80%, or there are overdue petitions.
stats-channels-heading = Petitions received this month by channel
stats-channels-caption = Petitions received this month by letter, visit, online and the other channels
stats-channels-channel = Channel
stats-receptions-heading = Visitors received at booked reception sessions per month
stats-receptions-caption = Visitors received at booked reception sessions in each of the last twelve months
stats-receptions-count = Visitors
stats-receptions-none = No visitor has been received at a booked reception session in the last twelve months.
stats-fields-heading = Petitions received this month by field
stats-fields-caption = Petitions received this month by the field they concern
stats-fields-field = Field
