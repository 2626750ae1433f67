## Booking a visit online: the reception sessions, booking a place, the booking's receipt, cancelling
visits-title = Book a visit
visits-intro = To raise a matter in person at the reception office, you can book a time slot online first: you are received in the order of booking, without a long wait. Choose a reception session and a time slot below.
visits-closes = Bookings of each session close { $hours ->
    [one] one hour
   *[other] { $hours } hours
} before it starts.
visits-bring = Bring your identity card and the papers about your matter.
visits-none = No reception session can be booked at the moment. You can also come and register in person during opening hours.
visits-unavailable = The reception sessions cannot be read at the moment. Please try again later.
visits-session-leader = { $day }, leader's reception day: { $leader } ({ $office })
visits-session-ordinary = { $day }, reception day
visits-place = Place: { $place }
visits-slot-open = { $slot }, { $left ->
    [one] one place left
   *[other] { $left } places left
}
visits-slot-book = Book { $slot }
visits-slot-full = { $slot }, fully booked
visits-slot-closed = { $slot }, bookings closed
visits-cancel-link = Cancel a booking
visits-book-title = Your booking
visits-book-for = Booking: { $session }, { $slot }.
visits-name-label = Name
visits-name-hint = As on your identity card
visits-mobile-label = Mobile number
visits-mobile-hint = 11 digits; one number can book a time slot once
visits-summary-label = Your matter
visits-summary-hint = A few sentences, 5 to 200 characters, such as "the lift of our building has not worked for three months"; tell the details in person
visits-submit = Book
visits-back = Back to the reception sessions
visits-slot-gone = This time slot cannot be booked any more
booking-slot-unknown = There is no such time slot: go back and choose again
booking-closed = Bookings of this time slot have closed: choose another session
booking-full = This time slot is fully booked: choose another slot or session
booking-already = This mobile number has booked this time slot already and cannot book it twice
booking-not-found = The booking number or the cancellation code is not right: check them and try again
booking-not-cancellable = This booking is now "{ $status }" and cannot be cancelled
visits-booked-title = Booked
visits-booked-number = Booking number
visits-booked-code = Cancellation code
visits-booked-code-note = Write down the booking number and the cancellation code: you need them to cancel. The code is shown here once.
visits-booked-code-gone = The cancellation code is shown once, after booking. If you have lost it and cannot come, call the reception office.
visits-booked-when = When
visits-booked-place = Place
visits-booked-name = Name
visits-booked-mobile = Mobile number
visits-booked-matter = Your matter
visits-booked-status = Status
visits-booked-again = This booking was sent before; here is its receipt.
visits-booked-none = There is no booking receipt to show. A receipt is shown only to the browser that booked, after booking.
visits-cancel-title = Cancel a booking
visits-cancel-intro = If you cannot come, cancel your booking so that someone else can have the place. Enter the booking number and the cancellation code.
visits-number-label = Booking number
visits-number-hint = Starts with YY, such as YY202612040007
visits-code-label = Cancellation code
visits-code-hint = The 12 letters and digits shown when you booked
visits-cancel-submit = Cancel this booking
visits-cancelled = Booking { $number } ({ $when }) is cancelled.
visits-number-required = Enter the booking number
visits-code-required = Enter the cancellation code
booking-cancel-too-late = The booked time slot ({ $day } { $start }) has started: the booking cannot be cancelled any more
