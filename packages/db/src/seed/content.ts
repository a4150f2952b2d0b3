/**
 * What people write. Templates per request type, filled with the conversation's own booking
 * reference, names, places and amounts, so a queue of demo conversations reads like a real
 * one: a guest stuck at arrivals, a driver whose payout is missing, an agent who sounds human.
 *
 * Placeholders: {firstName} {name} {agent} {ref} {pickup} {dropoff} {fare} {refund} {city}
 * {time} {date} {plate} {car} {flight} {driver} {guest} {payout} {week} {fine} {toll}
 * {trips} {bonus} {minutes} {eta} {team} {phone} {payoutRef}.
 */

export type ScriptLanguage = 'en' | 'pt-PT' | 'es-MX' | 'ar';

export interface RequestTypeScript {
  subjects: readonly string[];
  /** The contact's first message. */
  openings: readonly string[];
  /** The contact writing again, specific to the request type (generic ones are added). */
  followUps?: readonly string[];
  /** The agent's first reply: acknowledges and, often, asks for what is missing. */
  asks: readonly string[];
  /** The reply that settles it. */
  resolutions: readonly string[];
  /** Internal notes: never shown to the contact. */
  notes: readonly string[];
}

export interface GenericScript {
  greeting: string;
  intros: readonly string[];
  botAcks: readonly string[];
  followUps: readonly string[];
  updates: readonly string[];
  snoozes: readonly string[];
  thanks: readonly string[];
  reopens: readonly string[];
  emailSignOff: string;
  /** How contacts sign their emails; one is chosen per conversation. */
  contactSignOffs: readonly string[];
}

export const GENERIC: Record<ScriptLanguage, GenericScript> = {
  en: {
    greeting: 'Hi {firstName},',
    intros: [
      "I'm {agent} from the support team.",
      '{agent} here from support, thanks for your patience.',
      'thanks for getting in touch, this is {agent}.',
      "{agent} here — I've picked up your message.",
    ],
    botAcks: [
      "Thanks for your message! You're in the queue and an agent will reply shortly. If you are waiting for a pickup right now, please keep this chat open.",
      'We got your message. An agent will be with you in a few minutes — no need to send it again.',
    ],
    followUps: [
      'Any update on this?',
      'Hello? Is anyone there?',
      'Just following up, I still have not heard back.',
      'I sent all the details above, can someone please check?',
      'Please let me know as soon as you hear something.',
    ],
    updates: [
      "Thanks for the details. I'm checking this now and will come back to you within the hour.",
      "I've passed this to the {team} team with everything you sent me. I'll update you as soon as they reply.",
      'Quick update: I can see the problem on our side and I am fixing it now.',
      "Thanks, that's exactly what I needed. Give me a few minutes to check the trip log.",
    ],
    snoozes: [
      "I've asked the {team} team to look into this. I'll follow up with you by tomorrow — no need to write again in the meantime.",
      "This needs a check from {team}, which usually takes a day. I've set a reminder and will message you as soon as I have an answer.",
    ],
    thanks: [
      'Thank you, that solves it.',
      'Perfect, thanks for the quick help!',
      'Ok, thanks.',
      'Great, appreciate it.',
      'Thanks {agent}, all good now.',
    ],
    reopens: [
      'Sorry, writing again — this still is not sorted.',
      'I checked again and nothing has changed.',
      'It happened again today.',
      'Hi again, I never received what was promised.',
    ],
    emailSignOff: 'Kind regards,\n{agent}\nSupport team',
    contactSignOffs: [
      'Thanks,\n{name}',
      'Best regards,\n{name}',
      '{name}',
      'Kind regards,\n{name}\nSent from my iPhone',
    ],
  },
  'pt-PT': {
    greeting: 'Olá {firstName},',
    intros: [
      'fala o {agent}, da equipa de apoio.',
      'obrigado pela paciência, aqui é o {agent} do apoio ao cliente.',
    ],
    botAcks: ['Recebemos a sua mensagem. Um agente vai responder dentro de minutos.'],
    followUps: [
      'Alguma novidade?',
      'Olá? Ainda estou à espera.',
      'Já enviei todos os dados, podem verificar por favor?',
    ],
    updates: [
      'Obrigado pelos dados. Estou a verificar e volto a contactar dentro de uma hora.',
      'Já passei o caso à equipa de {team}. Dou notícias assim que responderem.',
    ],
    snoozes: [
      'Pedi à equipa de {team} para analisar. Volto a falar consigo amanhã, não precisa de escrever outra vez.',
    ],
    thanks: ['Obrigado, ficou resolvido.', 'Perfeito, muito obrigado!', 'Ok, obrigado.'],
    reopens: [
      'Desculpe, volto a escrever porque ainda não está resolvido.',
      'Voltou a acontecer hoje.',
    ],
    emailSignOff: 'Com os melhores cumprimentos,\n{agent}\nEquipa de apoio',
    contactSignOffs: ['Obrigado,\n{name}', 'Cumprimentos,\n{name}'],
  },
  'es-MX': {
    greeting: 'Hola {firstName},',
    intros: [
      'te saluda {agent}, del equipo de soporte.',
      'gracias por escribirnos, soy {agent} de soporte.',
    ],
    botAcks: ['Recibimos tu mensaje. Un agente te responderá en unos minutos.'],
    followUps: [
      '¿Alguna novedad?',
      '¿Hola? Sigo esperando.',
      'Ya mandé todos los datos, ¿me ayudan por favor?',
    ],
    updates: [
      'Gracias por los datos. Lo estoy revisando y te escribo en menos de una hora.',
      'Ya pasé tu caso al equipo de {team}. Te aviso en cuanto respondan.',
    ],
    snoozes: [
      'Le pedí al equipo de {team} que lo revise. Te escribo mañana, no hace falta que vuelvas a escribir.',
    ],
    thanks: ['Gracias, ya quedó.', '¡Perfecto, muchas gracias!', 'Ok, gracias.'],
    reopens: ['Perdón que insista, pero sigue sin resolverse.', 'Me volvió a pasar hoy.'],
    emailSignOff: 'Saludos,\n{agent}\nEquipo de soporte',
    contactSignOffs: ['Gracias,\n{name}', 'Saludos,\n{name}'],
  },
  ar: {
    greeting: 'مرحباً {firstName}،',
    intros: ['معك {agent} من فريق الدعم.', 'شكراً لتواصلك، أنا {agent} من خدمة العملاء.'],
    botAcks: ['تم استلام رسالتك. سيرد عليك أحد الموظفين خلال دقائق.'],
    followUps: ['هل من جديد؟', 'ما زلت أنتظر الرد.', 'أرسلت كل التفاصيل، أرجو المتابعة.'],
    updates: [
      'شكراً على التفاصيل. أتحقق من الأمر الآن وسأعود إليك خلال ساعة.',
      'حولت طلبك إلى فريق {team} وسأبلغك فور ردهم.',
    ],
    snoozes: ['طلبت من فريق {team} مراجعة الأمر. سأتواصل معك غداً، لا داعي للمراسلة مرة أخرى.'],
    thanks: ['شكراً، تم حل المشكلة.', 'ممتاز، شكراً جزيلاً!'],
    reopens: ['آسف على الإزعاج، لكن المشكلة لم تحل بعد.', 'تكرر الأمر اليوم.'],
    emailSignOff: 'مع التحية،\n{agent}\nفريق الدعم',
    contactSignOffs: ['شكراً،\n{name}', '{name}'],
  },
};

export const SCRIPTS: Record<string, RequestTypeScript> = {
  PICKUP_ISSUE: {
    subjects: [
      'Driver not at pickup — {ref}',
      'No driver at {pickup}',
      'Still waiting for my driver',
      'Driver no-show, booking {ref}',
    ],
    openings: [
      "I landed on {flight} and I'm at {pickup}. There is no driver here and the app says he arrived 20 minutes ago. Booking {ref}. Please help, I have two kids with me.",
      "My driver is not here. I've been waiting at {pickup} since {time} and his phone goes to voicemail. Booking {ref}.",
      'Where is my driver?? Pickup was {time} at {pickup}, nobody is here. Ref {ref}',
      'Hi, the app shows the driver at the pickup but I am standing at {pickup} and there is no {car} anywhere. Booking {ref}. What do I do?',
    ],
    followUps: [
      "It's been 30 minutes now. Should I just take a taxi?",
      "I'm at the meeting point by the café, wearing a red jacket.",
      'Still nobody. My phone battery is at 10%.',
    ],
    asks: [
      "I'm so sorry you're stuck waiting. I'm calling {driver} right now. Can you confirm you're at {pickup}, by the exit, and which door you can see?",
      "I'm on it. I can see {driver} on the map about {eta} minutes away — I'm calling him to confirm. Please stay where you are, I'll message you in 2 minutes.",
      "Sorry about this — not the welcome you wanted. {driver} isn't answering, so I'm finding you another car now. Is the pickup still {pickup}?",
    ],
    resolutions: [
      "A new driver is confirmed: {car}, plate {plate}, arriving in {eta} minutes at the same meeting point. I've cancelled the original booking with no charge and added a {refund} credit for the wait. Again, I'm really sorry.",
      "{driver} was waiting at the wrong door. He's walking to you now — look for the sign with your name. I've refunded the waiting time, {refund}, to your card. Have a good trip!",
      "I've refunded the full fare of {fare} for booking {ref}. You'll see it on your card in 5–10 business days. If you took a taxi, send me the receipt and I'll look at covering it.",
    ],
    notes: [
      'GPS trace shows driver parked at P2, not arrivals. No-show confirmed; full refund approved under the no-show policy.',
      'Driver called twice, no answer. Reassigned to the nearest available car, ETA {eta} min. Flagged driver for Ops follow-up.',
      'Flight {flight} landed 50 min late; driver left after the free waiting time. Partial refund of the waiting fee.',
    ],
  },
  LATE_PICKUP: {
    subjects: [
      'Driver is late — {ref}',
      'Late pickup at {pickup}',
      'Pickup {time}, driver still not here',
    ],
    openings: [
      'My pickup was at {time} and the driver is still {minutes} minutes away. I have a flight to catch! Booking {ref}.',
      'The app keeps saying the driver is 5 minutes away and has said that for 20 minutes. Ref {ref}, from {pickup}.',
      'Hi, my driver is running late and I have a meeting at {dropoff}. Can you check where he is? Booking {ref}.',
    ],
    followUps: ['Is he coming or not?', 'I am going to miss my flight.'],
    asks: [
      "Sorry for the wait. I've just spoken with {driver}: there's heavy traffic and he's {eta} minutes away. Would you like me to keep him, or find a closer car?",
      "I understand the rush. I can see {driver} {eta} minutes away. I'm checking whether a nearer driver can take it — one moment.",
    ],
    resolutions: [
      "{driver} has arrived — {car}, plate {plate}. Because he was late I've taken {refund} off the fare. Safe travels!",
      "I found a closer driver who will be there in {eta} minutes and released {driver}. You won't pay more than the original {fare}.",
      "Thanks for waiting. I've refunded {refund} for the delay on booking {ref}; you'll see it on your card in a few days.",
    ],
    notes: [
      'Driver accepted late (dispatch at pickup time minus 5 min). Root cause: no drivers near {pickup} at that hour.',
      'Traffic incident on the route confirmed. Goodwill credit {refund}, within L1 limit.',
    ],
  },
  WRONG_VEHICLE: {
    subjects: [
      'Wrong car arrived — {ref}',
      'Booked a van, got a sedan',
      'Vehicle does not match booking {ref}',
    ],
    openings: [
      "I booked a van for 6 people and a sedan arrived. We can't all fit. Booking {ref} at {pickup}.",
      'The plate on the car that came is not the one in the app. Is this really my driver? Ref {ref}.',
      'We have 4 big suitcases and the car that came is tiny. The booking {ref} clearly says executive.',
    ],
    asks: [
      "Sorry about that. Can you send me a photo of the car's plate so I can check it against booking {ref}? Please don't get in until I confirm.",
      "I'm sorry — that's not what you booked. I'm looking for a larger vehicle near {pickup} now.",
    ],
    resolutions: [
      "A {car} is on the way, {eta} minutes out, plate {plate}. I've refunded the difference, {refund}, since you waited for the right car.",
      "I checked: the driver swapped cars today and the app wasn't updated. It is your driver, {driver}. I've credited {refund} for the confusion.",
    ],
    notes: [
      'Partner fleet sent a lower class. Price difference refunded; partner flagged for a repeat check.',
      'Vehicle swapped without updating the app. Ops asked to remind the partner company.',
    ],
  },
  ITINERARY_CHANGE: {
    subjects: [
      'Change pickup time for {ref}',
      'My flight changed — {ref}',
      'Add a stop to my transfer',
    ],
    openings: [
      'My flight {flight} has moved to a later time. Can you move my pickup for booking {ref}? I now land at {time}.',
      'Can I change the drop-off for {ref} to {dropoff} instead? Same time.',
      "Hi! For my transfer on {date} ({ref}) I'd like to add a stop at {dropoff} on the way. Is that possible?",
    ],
    asks: [
      'Of course. Just to confirm: the new pickup is {time} on {date}, same place ({pickup})? Any change to the number of passengers?',
      "Happy to help. Could you send me the new flight number so we can track it and the driver waits if it's late?",
    ],
    resolutions: [
      "Done — booking {ref} now picks you up at {time} on {date}. The fare stays {fare}. You'll get the driver's details an hour before.",
      'All set: I added the stop and the new total is {fare}. We track your flight, so if it lands late the driver will wait at no charge.',
    ],
    notes: [
      'Changed pickup time, no fare change (more than 24 h ahead).',
      'Flight tracking enabled on the booking after the change.',
    ],
  },
  BOOKING_CONFIRMATION: {
    subjects: ['No confirmation for {ref}', 'Did my booking go through?', 'Driver details missing'],
    openings: [
      "I booked a transfer for {date} but never got a confirmation email. Was I charged? I'm not sure if it went through.",
      'My pickup is tomorrow at {time} and I still have no driver details. Reference {ref}.',
    ],
    asks: [
      "I can see booking {ref} for {date} at {time} from {pickup}. It's confirmed. Could you check your spam folder? I can resend it to the same address.",
      "Your booking is confirmed. Driver details are sent an hour before pickup — that's normal. Is there anything else you need for the trip?",
    ],
    resolutions: [
      "I've resent the confirmation for {ref}. You'll get the driver's name and plate by SMS an hour before {time}. Enjoy your trip!",
      "The email bounced because of a typo in the address. I've fixed it and resent everything for {ref}.",
    ],
    notes: ['Confirmation email bounced (typo in domain). Corrected and resent.'],
  },
  SPECIAL_ASSISTANCE: {
    subjects: [
      'Child seat for {ref}',
      'Wheelchair-accessible car needed',
      'Extra luggage on my transfer',
    ],
    openings: [
      "I'm travelling with a 2-year-old. Can you make sure the car for {ref} has a child seat?",
      'My father uses a wheelchair. Can the car on {date} from {pickup} take a folding wheelchair? Booking {ref}.',
      "We're bringing two surfboards. Will they fit on the transfer {ref}?",
    ],
    asks: [
      'Yes, we can arrange that. Could you tell me the child’s age and weight so we send the right seat?',
      'Of course. Is the wheelchair foldable, and can your father transfer to a car seat, or do you need a ramp vehicle?',
    ],
    resolutions: [
      'Confirmed: {ref} now includes a child seat at no extra cost. The driver will install it before you arrive.',
      "I've upgraded {ref} to an accessible van with a ramp. Same fare, {fare}. The driver will help with the wheelchair.",
    ],
    notes: ['Accessible vehicle requested from partner fleet, confirmed by Ops.'],
  },
  CANCELLATION_REFUND: {
    subjects: [
      'Refund for cancelled trip {ref}',
      'Charged for a cancelled booking',
      'Cancellation fee — {ref}',
    ],
    openings: [
      'I cancelled booking {ref} two days in advance but I was still charged {fare}. Please refund me.',
      'The driver cancelled on me at the last minute and I had to take a taxi. Why was I charged a cancellation fee? Ref {ref}.',
      'Can I get a refund for {ref}? My plans changed and I cancelled this morning.',
    ],
    followUps: ['How long does the refund take?', 'I still do not see the money back on my card.'],
    asks: [
      "I'm sorry about the charge. I can see {ref} was cancelled on {date}. Can you confirm the last 4 digits of the card so I can match the payment?",
      'Thanks for flagging this. Let me look at the cancellation log for {ref} — who cancelled and when.',
    ],
    resolutions: [
      "You're right — the cancellation was within the free window. I've refunded {refund} to your card; it can take 5–10 business days to appear.",
      'The driver cancelled, so the fee should never have applied. I refunded {refund} and added a small credit to your account for the trouble.',
      "The cancellation came after the free-cancellation time, so the fee applies under our policy. As a gesture, I've refunded half: {refund}.",
    ],
    notes: [
      'Cancelled 3 min before pickup, fee technically valid. Partial goodwill refund within L1 limits.',
      'Driver-side cancellation confirmed in the trip log. Full refund, no approval needed.',
    ],
  },
  DOUBLE_CHARGE: {
    subjects: ['Charged twice for {ref}', 'Double payment on my card', 'Two charges of {fare}'],
    openings: [
      'I was charged twice for my ride yesterday ({ref}) — two payments of {fare} on my card. Please fix this.',
      'My bank shows two charges of {fare} from you on {date}, but I only took one trip.',
    ],
    asks: [
      'Sorry about that. I can see one completed payment for {ref}. The second is likely a pre-authorisation hold. Can you send me a screenshot of your bank statement?',
      'Thanks for letting us know. Could you confirm whether both charges show as "pending" or "completed" in your banking app?',
    ],
    resolutions: [
      'The second {fare} was a hold that should have been released. I released it now; your bank will drop it within 3–5 days.',
      "Confirmed, the payment was captured twice. I've refunded the duplicate {fare}. You'll see it in 5–10 business days.",
    ],
    notes: [
      'Payment provider timeout caused a retry and double capture. Duplicate refunded. Root cause: PAYMENT_PROVIDER_TIMEOUT.',
      'Pre-auth not released after the fare change. Manually voided.',
    ],
  },
  FARE_DISPUTE: {
    subjects: [
      'Fare higher than quoted — {ref}',
      'Why did I pay {fare}?',
      'Unexpected extra charges',
    ],
    openings: [
      'I was quoted a lower price but I was charged {fare} for {ref}. The receipt says waiting time but the driver was the one who was late.',
      'The driver took a very long route from {pickup} to {dropoff}. I paid {fare}. This is far more than usual.',
    ],
    asks: [
      'Let me check the route and timings for {ref}. Was anything changed during the trip, like a stop or a new destination?',
      "Thanks — I'm comparing the quote with the final fare now. Give me a few minutes.",
    ],
    resolutions: [
      "The driver took a longer route than needed. I've refunded the difference, {refund}.",
      'The extra was an airport access fee, which is added to every airport trip. I understand it was not clear, so I refunded the waiting charge of {refund}.',
    ],
    notes: [
      'Route 40% longer than the optimal route. Refunded the difference. Driver feedback sent.',
    ],
  },
  RECEIPT_INVOICE: {
    subjects: [
      'Invoice for {ref}',
      'Need a receipt with company details',
      'VAT number missing on invoice',
    ],
    openings: [
      'Could you send me an invoice for {ref} with my company name? I need it for expenses.',
      'The receipt for my trip on {date} does not show the VAT number. Can you reissue it?',
    ],
    asks: [
      'Sure. Please send me the company name, address and tax number exactly as they should appear.',
    ],
    resolutions: [
      "Here you go — I've sent the invoice for {ref} ({fare}) to your email with the company details.",
      'The corrected invoice is on its way to your inbox. You can also download invoices from Trips > Receipts in the app.',
    ],
    notes: ['Invoice reissued with company details.'],
  },
  PROMO_CODE: {
    subjects: ['Promo code did not work', 'Voucher not applied'],
    openings: [
      'I used the code WELCOME15 but I was charged the full {fare}. Can you apply the discount?',
      'My voucher from the last trip says expired but it was valid until the end of the month.',
    ],
    asks: ['Let me check the code. Which trip did you use it on, and when did you enter it?'],
    resolutions: [
      "The code wasn't applied because it was entered after the booking. I've refunded the discount, {refund}.",
      "I've reissued your voucher with a new expiry date. It's in the Wallet section of the app.",
    ],
    notes: ['Promo entered after booking; honoured manually.'],
  },
  PAYMENT_FAILED: {
    subjects: ['Card declined when booking', 'Payment failed for my transfer'],
    openings: [
      "I'm trying to book a transfer for {date} and my card keeps getting declined. The card works everywhere else.",
      'The payment for {ref} failed and now the app says the booking may be cancelled. Help!',
    ],
    asks: [
      'Sorry about this. Is it a card issued outside {city}? Some banks block the 3-D Secure check. Could you try once more and tell me the exact error?',
    ],
    resolutions: [
      "The payment went through on the second try and {ref} is confirmed. You're all set for {date}.",
      "I've held the booking for you and sent a payment link you can open in the browser. Once paid, you'll get the confirmation.",
    ],
    notes: ['3-D Secure challenge failed in the app webview; payment link sent instead.'],
  },
  DRIVER_BEHAVIOUR: {
    subjects: [
      'Complaint about my driver — {ref}',
      'Rude driver',
      'Driver on his phone the whole trip',
    ],
    openings: [
      'The driver on {ref} was on his phone the whole trip and ignored us when we asked him to slow down.',
      'The driver was extremely rude when I asked him to put the air conditioning on. I will not ride with him again. Booking {ref}.',
      'My driver refused to take the route I asked and argued with me all the way to {dropoff}.',
    ],
    asks: [
      "I'm sorry — that's not how anyone should be treated. Could you tell me a bit more about what happened, and at what point in the trip?",
      "Thank you for telling us. I'm taking this seriously. Did the driver say anything specific you can share with me?",
    ],
    resolutions: [
      "Thank you for the details. I've filed a report on the driver and our quality team will follow up with them. I've refunded {refund} for the trip, and you won't be matched with this driver again.",
      "I've passed your complaint to our driver quality team; they review every report. As an apology, I've added a credit to your account.",
    ],
    notes: [
      'Second complaint about this driver this month. Escalated to Ops for a review of the account.',
      'Guest very upset. Blocked pairing; refund within policy.',
    ],
  },
  VEHICLE_CONDITION: {
    subjects: ['Dirty car on my trip', 'No air conditioning in the car', 'Car smelled of smoke'],
    openings: [
      'The car for {ref} was dirty and smelled of cigarettes. Not acceptable for the price.',
      "It was 40 degrees and the air conditioning didn't work in the car. Ref {ref}.",
    ],
    asks: [
      'Sorry about that. Did you take any photos of the car? They help us follow up with the driver.',
    ],
    resolutions: [
      "Thanks for the photos. I've reported the vehicle and refunded {refund} for the trip.",
      "I've raised this with the fleet partner and credited {refund} to your account.",
    ],
    notes: ['Vehicle flagged for inspection before next shift.'],
  },
  ROUTE_ISSUE: {
    subjects: ['Driver took a detour', 'Dropped at the wrong place — {ref}'],
    openings: [
      'The driver dropped me at {pickup} instead of {dropoff}. I had to walk 15 minutes with my luggage.',
      'The trip took 50 minutes when it should take 25. The driver went a strange way.',
    ],
    asks: [
      "I'm checking the GPS log for {ref} now. Do you remember roughly where the driver left the usual route?",
    ],
    resolutions: [
      "The GPS log confirms the detour. I've refunded {refund}, the difference.",
      "You're right, the drop-off was wrong. I've refunded {refund} and sent feedback to the driver.",
    ],
    notes: ['GPS trace shows a 7 km detour. Refund of the difference.'],
  },
  SAFETY_INCIDENT: {
    subjects: [
      'URGENT: accident during my ride',
      'Dangerous driving — {ref}',
      'I felt unsafe in the car',
    ],
    openings: [
      'We were in an accident on the way to {dropoff}. No one is badly hurt but the car is damaged and the driver is arguing with the other driver. What do we do? Booking {ref}.',
      'The driver was speeding and swerving the whole way. I was scared for my life. I want this reported.',
      'The driver made comments that made me very uncomfortable and would not let me out of the car at the lights.',
    ],
    asks: [
      "I'm very sorry. First: are you safe right now, and does anyone need medical help? If so, call 112 immediately. I'm staying with you on this chat.",
      'Thank you for telling us — this is serious and I am escalating it now. Are you somewhere safe at the moment?',
    ],
    resolutions: [
      "Our safety team has suspended the driver's account while they investigate. I've refunded the full fare of {fare}. A safety specialist will contact you within 24 hours.",
      "I've filed an incident report and the driver is blocked from the platform pending review. Please reply here with anything else you remember — it all goes to the investigation.",
    ],
    notes: [
      'Safety incident. Driver account suspended pending investigation. Handed to Compliance & Legal.',
      'Guest safe, no injuries reported. Police report number requested.',
    ],
  },
  LOST_ITEM: {
    subjects: [
      'Left my phone in the car — {ref}',
      'Lost bag after transfer',
      'Forgot my passport in the taxi!',
    ],
    openings: [
      'I left my phone in the car after my ride to {dropoff} ({ref}). Can you contact the driver?',
      'I think I left my passport in the back seat — I fly tomorrow morning! Booking {ref}, driver {driver}.',
      'My black backpack is still in the boot of the {car}. Trip {ref} at {time}.',
    ],
    followUps: ['Has the driver found it?', 'Can he bring it to my hotel?'],
    asks: [
      "I'm contacting {driver} now to check the car. Could you describe the item and tell me where you'd like it returned?",
      'Let me reach the driver. What colour is the bag and is there anything identifying on it?',
    ],
    resolutions: [
      '{driver} found it and will drop it at {dropoff} at {time} today. The return fee has been waived.',
      'Good news — the item is at our lost-property desk near {pickup}. Bring your ID and reference {ref} when you collect it.',
      "Unfortunately the driver didn't find anything in the car after checking twice. I've logged the item in case it turns up.",
    ],
    notes: ['Driver confirmed the item is in the car. Return arranged, fee waived (passport).'],
  },
  GUEST_ACCOUNT_ACCESS: {
    subjects: ["Can't log in to my account", 'Change my email address', 'Delete my account'],
    openings: [
      "I can't log in — the verification code never arrives on my phone {phone}.",
      'I want to change the email on my account; I no longer use the old one.',
      'Please delete my account and all my data.',
    ],
    asks: [
      'Happy to help. To protect your account, can you confirm the date and pickup of your most recent trip?',
    ],
    resolutions: [
      "Thanks, verified. I've reset the login and you should get a new code now.",
      'Done — your email is updated and you will get a confirmation at the new address.',
      'Your deletion request is logged. Your account will be closed within 30 days, as our privacy policy describes.',
    ],
    notes: ['Identity verified with the last trip details.'],
  },
  GUEST_FEEDBACK: {
    subjects: ['Great driver!', 'A suggestion for the app', 'Thank you for the smooth transfer'],
    openings: [
      '{driver} was fantastic — helped with all our luggage and gave us great tips about {city}. Please pass on our thanks!',
      'It would be great to pick the meeting point at the airport in the app. Just a suggestion.',
    ],
    asks: ['Thank you so much for taking the time to write!'],
    resolutions: [
      "I've passed your kind words on to {driver} — it'll make their day. Thanks for riding with us!",
      "Thanks for the idea — I've shared it with our product team.",
    ],
    notes: ['Compliment forwarded to driver quality team.'],
  },
  PAYOUT_MISSING: {
    subjects: ['Payout not received', 'Where is my weekly payment?', 'Payout missing for {week}'],
    openings: [
      "My weekly payout for {week} hasn't arrived. The app says {payout} was paid on Tuesday but my bank has nothing.",
      "Hello, I did {trips} trips last week and I haven't been paid. I need this money for rent. Please check.",
      'Payout still missing. The statement shows {payout} but nothing in my account. This is the second week.',
    ],
    followUps: ['Any news on my payout?', 'My bank says nothing has come in.'],
    asks: [
      "I'm sorry — I know how important this is. I can see {payout} for {week}. Can you confirm the last 4 digits of the bank account you expect it in?",
      'Let me check with our payments team. Could you send a screenshot of the payout screen in the driver app?',
    ],
    resolutions: [
      'The payout bounced because the bank rejected the account number. I updated it with the details you sent and the {payout} will be paid again tomorrow.',
      'Found it — the payout was held for a document check that is now cleared. {payout} was released today and should arrive within 1–2 business days.',
      'Finance confirmed the transfer of {payout} was sent on Tuesday. Here is the reference for your bank: {payoutRef}.',
    ],
    notes: [
      'Payout returned by the bank (invalid IBAN). Bank details corrected; re-payment scheduled.',
      'Payout on hold: insurance certificate expired. Cleared after upload.',
      'Escalated to Finance & Payouts with statement screenshot and bank details.',
    ],
  },
  PAYOUT_WRONG_AMOUNT: {
    subjects: [
      'Payout amount is wrong',
      'Missing trips on my statement',
      'Commission too high this week',
    ],
    openings: [
      'My payout was {payout} but the trips in the app add up to more. At least three trips are missing, including {ref}.',
      'Why was the commission so high this week? I was told it is 20%.',
      'The cash trips were taken from my payout twice.',
    ],
    asks: [
      'Thanks — let me reconcile your statement for {week} against your trips. Which trips do you think are missing?',
    ],
    resolutions: [
      'You were right, {trips} trips were missing from the statement. The difference has been added to your next payout.',
      'The commission is correct: the airport trips have a higher service fee. I have sent you the breakdown by email.',
    ],
    notes: [
      'Statement reconciliation: trips completed after midnight Sunday landed in the next week.',
    ],
  },
  EARNINGS_DISPUTE: {
    subjects: [
      'Not paid for waiting time — {ref}',
      'Earnings for trip {ref} are wrong',
      'Cancellation fee not paid',
    ],
    openings: [
      'I waited 25 minutes at {pickup} for trip {ref} and got nothing for the waiting time.',
      'The guest cancelled when I was already at the pickup and I did not get the cancellation fee. Trip {ref}.',
      'The distance for {ref} is wrong, it says 8 km but I drove 19 km to {dropoff}.',
    ],
    asks: [
      'Let me check the trip log for {ref} — the arrival time and when the guest got in. One moment.',
    ],
    resolutions: [
      'Confirmed: you arrived on time and waited. I added the waiting fee to your next payout.',
      "The guest cancelled after you arrived, so you're owed the fee. It's been added to this week's earnings.",
      'The GPS dropped during the trip. I recalculated the distance and adjusted the earnings.',
    ],
    notes: ['Earnings adjustment requested from Finance & Payouts.'],
  },
  INCENTIVE_BONUS: {
    subjects: ['Bonus not credited', 'Airport queue bonus missing'],
    openings: [
      'I completed {trips} trips last week and the target was 40. Where is my bonus of {bonus}?',
      'The airport queue bonus was not paid for my trips on {date}.',
    ],
    asks: ['Let me check your trips against the campaign rules for {week}.'],
    resolutions: [
      'You qualified — {bonus} has been added to your next payout. Sorry for the delay.',
      'Two trips were cancelled by guests, so you ended at 38 of 40 for the bonus. I know that is frustrating.',
    ],
    notes: ['Bonus campaign did not count trips ending after midnight; fixed by Finance.'],
  },
  TRAFFIC_FINE: {
    subjects: ['Received a fine for a trip', 'Parking fine at the airport'],
    openings: [
      'I got a {fine} parking fine while waiting for a guest at {pickup} on trip {ref}. The app told me to wait there.',
      'Speeding fine received for a date when I was not even working. Can you check?',
    ],
    asks: [
      'Please send a photo of the fine notice, both sides, and the trip reference if you have it.',
    ],
    resolutions: [
      "I've passed the fine to Compliance to contest it, as the meeting point is the one we set. You don't need to pay it while it's under review.",
      'The fine matches your vehicle and a time you were not on a trip, so it stays with you. Sorry I could not help more.',
    ],
    notes: [
      'Fine for waiting at the designated meeting point. Sent to Compliance & Legal to contest.',
    ],
  },
  TOLL_REIMBURSEMENT: {
    subjects: ['Tolls not reimbursed', 'Airport access fee missing'],
    openings: [
      'I paid {toll} in tolls on trip {ref} to {dropoff} and it was not added to my earnings.',
      'The airport access fee is missing from my last three airport trips.',
    ],
    asks: ['Could you send the toll receipt or a screenshot from your toll account for {ref}?'],
    resolutions: [
      'Thanks — {toll} has been added to your next payout.',
      'Fixed: the airport fee was missing on those trips and is now added.',
    ],
    notes: ['Toll reimbursement added manually; known issue with the toll feed.'],
  },
  DOCUMENTS_KYC: {
    subjects: ['Document upload failing', 'My licence renewal', 'Identity check failed'],
    openings: [
      "I renewed my driving licence but the app keeps rejecting the photo. I can't go online.",
      'The identity check failed three times, it says the selfie does not match. I have been driving for two years!',
      'My insurance expires next week; where do I upload the new certificate?',
    ],
    asks: [
      'Sorry for the hassle. Please send the photo here, on a flat surface, with all four corners visible, and I will review it myself.',
    ],
    resolutions: [
      'Your new licence is approved and your account is active again. Drive safe!',
      'I reset the identity check — try again in good light without glasses. It should go through now.',
      "Upload it under Account > Documents > Insurance. I've checked the one you sent and it's approved.",
    ],
    notes: [
      'Document approved manually after review.',
      'Identity mismatch flagged; passed to Compliance for manual review.',
    ],
  },
  ACCOUNT_DEACTIVATED: {
    subjects: ['My account is blocked', "Can't go online", 'Why was I deactivated?'],
    openings: [
      'My account was deactivated this morning without any explanation. I depend on this income.',
      "The app says my account is under review and I can't go online. What did I do?",
    ],
    asks: [
      "I understand this is stressful. I'm looking at your account now to see why it was paused.",
    ],
    resolutions: [
      'Your account was paused because your insurance expired. Once you upload the new certificate, you can go online right away.',
      'The review is finished and your account is active again. Thanks for your patience.',
      'Your account is under a quality review that takes up to 5 working days. The team will contact you directly with the outcome.',
    ],
    notes: [
      'Deactivation by automated acceptance-rate rule. Reviewed with a lead.',
      'Fraud review ongoing; cannot share details. Handed to Compliance.',
    ],
  },
  DRIVER_ONBOARDING: {
    subjects: ['Which cars are accepted?', 'Onboarding session'],
    openings: [
      'Hi, I want to drive with you in {city}. Is a 2016 Toyota accepted?',
      'When is the next onboarding session?',
    ],
    asks: ["Thanks for your interest! What's the make, model and year of your car?"],
    resolutions: [
      'Cars from 2017 or newer are accepted for rides, and 2019 or newer for airport transfers. You can apply in the driver app.',
      "I've booked you into Thursday's onboarding session at 10:00. You'll get the address by SMS.",
    ],
    notes: ['Onboarding information sent.'],
  },
  APP_BUG: {
    subjects: ['App crashes when I accept a trip', 'GPS not updating', "Can't end the trip"],
    openings: [
      'The app crashes every time I try to accept a trip. I have restarted my phone twice. I lost 3 trips today.',
      'The GPS in the app is stuck, the guest sees me in the wrong place. Trip {ref}.',
      "I can't end trip {ref}, the button does nothing. The guest already left.",
    ],
    asks: [
      'Sorry about that. Which phone and app version are you on (Settings > About)? A screen recording would really help our engineers.',
    ],
    resolutions: [
      'Our engineers found the problem and released a fix in the latest update. Please update the app from the store and it should work.',
      "I've ended trip {ref} from our side; the earnings are correct. The team is fixing the button.",
      'Clearing the app cache fixed it for other drivers with your phone model: Settings > Apps > Driver > Clear cache.',
    ],
    notes: [
      'Known bug on Android 14, app 5.12.0. Linked to the engineering incident.',
      'Trip ended manually by support.',
    ],
  },
  LOGIN_PROBLEM: {
    subjects: ["Can't log in to the driver app", 'Verification code not arriving'],
    openings: [
      "I don't receive the code to log in. I changed my phone yesterday.",
      'The app logs me out every hour and asks for the code again.',
    ],
    asks: ['Let me check. Can you confirm your full name and the plate of the car you drive?'],
    resolutions: [
      "Thanks. I've linked your account to the new phone — try logging in now.",
      'Fixed — the code will now arrive by WhatsApp instead of SMS.',
    ],
    notes: ['Device change verified; old device unlinked.'],
  },
  TRIP_ASSIGNMENT: {
    subjects: [
      'No trips offered today',
      'Trip taken away while driving to pickup',
      'Lost my airport queue spot',
    ],
    openings: [
      "I've been online for 3 hours near {pickup} and got no trips. Is something wrong with my account?",
      'I was driving to the pickup for {ref} and the trip was given to another driver. I drove 10 km for nothing.',
      'I was 5th in the airport queue and the app moved me to the end after it restarted.',
    ],
    asks: ['Let me look at your dispatch log. Roughly what time did it happen?'],
    resolutions: [
      "Your account was set to rides only. I've turned airport transfers back on, so you'll get those offers again.",
      'The trip was reassigned because your GPS stopped updating. I added a compensation for the kilometres you drove.',
      "I've restored your queue position for today.",
    ],
    notes: ['Reassignment due to GPS gap; compensation within L1 limit.'],
  },
  GUEST_NO_SHOW_REPORT: {
    subjects: ['Guest did not show up — {ref}', 'Waited 30 minutes, guest not there'],
    openings: [
      "I'm at {pickup} for trip {ref} and have waited 30 minutes. The guest {guest} doesn't answer. Can I leave?",
      'Guest never came for {ref}. I called three times. I want the no-show fee.',
    ],
    asks: [
      "Thanks for waiting. I'm trying to call {guest} now — please give me 5 minutes before you leave.",
    ],
    resolutions: [
      "I couldn't reach {guest} either. You can end the trip as a no-show; the fee will be added to your earnings.",
      'The guest is on their way — their flight was late. You will be paid for the extra waiting time.',
    ],
    notes: ['No-show confirmed via GPS at pickup for 32 min. Fee to driver.'],
  },
  GUEST_MISCONDUCT: {
    subjects: ['Guest damaged my car', 'Abusive passenger on trip {ref}'],
    openings: [
      "The guest on {ref} was sick in my car. I can't work until it's cleaned.",
      'The passenger shouted at me and kicked the seat during trip {ref}. I want this reported.',
    ],
    asks: [
      "I'm sorry that happened. Could you send photos of the car and the cleaning receipt when you have it?",
    ],
    resolutions: [
      "I've charged the cleaning fee to the guest and {fine} will be added to your next payout.",
      "I've reported the guest and they won't be matched with you again. Thanks for staying calm.",
    ],
    notes: ['Cleaning fee charged to guest; driver compensated.'],
  },
  DRIVER_SAFETY_INCIDENT: {
    subjects: ['URGENT: accident during trip', 'Guest threatened me'],
    openings: [
      'I had an accident on trip {ref}, another car hit me at the lights near {dropoff}. The guest is ok. What do I do?',
      'A guest threatened me with a knife on trip {ref}. I am safe now but very shaken.',
    ],
    asks: [
      "Are you safe, and does anyone need medical help? If yes, call 112 now. I'm here and I'm escalating this to our safety team.",
    ],
    resolutions: [
      "Our safety team has your report and will call you today. The guest's account is blocked. Please take the time you need.",
      "Your incident report is filed with the insurer. The car's repair will be handled through the fleet partner.",
    ],
    notes: [
      'Driver safe. Police report requested. Guest account blocked. Handed to Compliance & Legal.',
    ],
  },
  RATING_DISPUTE: {
    subjects: ['Unfair rating', 'Low rating after a no-show'],
    openings: [
      'I got a 1-star rating for trip {ref} where the guest was 20 minutes late. That is not fair.',
      'My rating dropped below 4.6 because of one guest. Can you remove it?',
    ],
    asks: ['Let me look at the trip. Did the guest say anything during the ride?'],
    resolutions: [
      'The rating was left after a late guest, so I removed it from your average.',
      "We can't remove ratings unless they break the rules, but one rating won't affect your account. Your average is still good.",
    ],
    notes: ['Rating removed under the late-guest rule.'],
  },
  VEHICLE_ISSUE: {
    subjects: [
      'Car broke down on the way to pickup',
      'Damage to the fleet car',
      'Need a replacement vehicle',
    ],
    openings: [
      'My car broke down on the way to {pickup} for trip {ref}. Please reassign the guest.',
      'Someone hit the fleet car while it was parked. There is damage to the rear door. Plate {plate}.',
    ],
    asks: ["Thanks for telling us quickly. Are you safe? I'll reassign the trip right away."],
    resolutions: [
      "I've reassigned the trip and notified the guest. Roadside assistance is on its way to you.",
      'The fleet team will swap your vehicle tomorrow morning at the depot.',
    ],
    notes: ['Breakdown: trip reassigned, roadside assistance booked by Ops.'],
  },
  VEHICLE_INSPECTION: {
    subjects: ['Book vehicle inspection', 'Failed inspection'],
    openings: [
      'My vehicle inspection is due. How do I book it?',
      'My car failed the inspection because of the tyres. They are replaced now.',
    ],
    asks: ['Which days are you available this week?'],
    resolutions: [
      "You're booked for an inspection on {date} at 09:00.",
      'Re-inspection approved. You can go online again.',
    ],
    notes: ['Inspection booked.'],
  },
  DRIVER_FEEDBACK: {
    subjects: ['Suggestion for the driver app', 'Thanks to your support team'],
    openings: [
      'It would be great to see the guest’s flight status in the trip details.',
      'Just wanted to say thank you to {agent}, who helped me last week.',
    ],
    asks: ['Thank you for writing to us!'],
    resolutions: [
      "I've shared your suggestion with the product team.",
      "That's very kind — I'll pass it on.",
    ],
    notes: ['Feedback logged.'],
  },
};

/** Local-language scripts for the requests most often written in the local language. */
export const LOCALIZED_SCRIPTS: Partial<Record<ScriptLanguage, Record<string, RequestTypeScript>>> =
  {
    'pt-PT': {
      PICKUP_ISSUE: {
        subjects: ['Motorista não apareceu — {ref}', 'Ainda à espera do motorista'],
        openings: [
          'Estou em {pickup} desde as {time} e o motorista não está cá. A app diz que já chegou. Reserva {ref}.',
          'O motorista não atende o telefone e ninguém apareceu. Reserva {ref}, por favor ajudem.',
        ],
        asks: [
          'Lamento imenso a espera. Estou a ligar ao {driver} agora mesmo. Pode confirmar que está em {pickup}, junto à saída?',
        ],
        resolutions: [
          'Já tem um novo motorista a caminho: {car}, matrícula {plate}, chega em {eta} minutos. Cancelei a reserva original sem custos.',
          'Reembolsei o valor total de {fare} da reserva {ref}. Peço desculpa pelo incómodo.',
        ],
        notes: ['Motorista no parque P2 e não nas chegadas. No-show confirmado, reembolso total.'],
      },
      LATE_PICKUP: {
        subjects: ['Motorista atrasado — {ref}'],
        openings: [
          'A recolha era às {time} e o motorista ainda está a {minutes} minutos. Tenho um voo! Reserva {ref}.',
        ],
        asks: [
          'Peço desculpa pela espera. Falei com o {driver}: há muito trânsito e chega em {eta} minutos. Prefere esperar ou procuro outro carro?',
        ],
        resolutions: [
          'O {driver} já chegou. Pelo atraso, descontei {refund} na tarifa. Boa viagem!',
        ],
        notes: ['Atraso por trânsito confirmado. Crédito de {refund}.'],
      },
      CANCELLATION_REFUND: {
        subjects: ['Reembolso da reserva cancelada {ref}'],
        openings: [
          'Cancelei a reserva {ref} com dois dias de antecedência e mesmo assim fui cobrado {fare}. Quero o reembolso.',
        ],
        asks: [
          'Lamento a cobrança. Vejo que a reserva {ref} foi cancelada a {date}. Pode confirmar os últimos 4 dígitos do cartão?',
        ],
        resolutions: [
          'Tem razão, o cancelamento foi dentro do prazo gratuito. Reembolsei {refund}; pode demorar 5 a 10 dias úteis.',
        ],
        notes: ['Cancelamento dentro do prazo. Reembolso total.'],
      },
      PAYOUT_MISSING: {
        subjects: ['Pagamento semanal não recebido'],
        openings: [
          'O pagamento da {week} ainda não chegou. A app diz que pagaram {payout} mas o banco não tem nada.',
        ],
        asks: [
          'Lamento, sei o quanto isto é importante. Vejo {payout} para a {week}. Pode confirmar os últimos 4 dígitos do IBAN?',
        ],
        resolutions: [
          'O banco devolveu a transferência por causa do IBAN. Já corrigi e os {payout} serão pagos amanhã.',
        ],
        notes: ['Pagamento devolvido pelo banco (IBAN inválido). Dados corrigidos.'],
      },
    },
    'es-MX': {
      PICKUP_ISSUE: {
        subjects: ['El conductor no llegó — {ref}', 'Sigo esperando a mi conductor'],
        openings: [
          'Estoy en {pickup} desde las {time} y no hay ningún conductor. La app dice que ya llegó. Reserva {ref}.',
          'Mi conductor no contesta y nadie ha llegado. Reserva {ref}, ayúdenme por favor.',
        ],
        asks: [
          'Lamento mucho la espera. Estoy llamando a {driver} en este momento. ¿Me confirmas que estás en {pickup}, junto a la salida?',
        ],
        resolutions: [
          'Ya viene un nuevo conductor: {car}, placas {plate}, llega en {eta} minutos. Cancelé la reserva original sin costo.',
          'Te reembolsé el total de {fare} de la reserva {ref}. Una disculpa por las molestias.',
        ],
        notes: ['Conductor esperando en la puerta equivocada. Reembolso del tiempo de espera.'],
      },
      LATE_PICKUP: {
        subjects: ['El conductor va tarde — {ref}'],
        openings: [
          'Mi recogida era a las {time} y el conductor sigue a {minutes} minutos. ¡Voy a perder mi vuelo! Reserva {ref}.',
        ],
        asks: [
          'Perdón por la espera. Hablé con {driver}: hay mucho tráfico y llega en {eta} minutos. ¿Lo esperas o busco otro auto?',
        ],
        resolutions: ['{driver} ya llegó. Por el retraso te descontamos {refund}. ¡Buen viaje!'],
        notes: ['Retraso por tráfico confirmado. Crédito de {refund}.'],
      },
      CANCELLATION_REFUND: {
        subjects: ['Reembolso de viaje cancelado {ref}'],
        openings: [
          'Cancelé la reserva {ref} con dos días de anticipación y aun así me cobraron {fare}. Quiero mi reembolso.',
        ],
        asks: [
          'Lamento el cobro. Veo que la reserva {ref} se canceló el {date}. ¿Me confirmas los últimos 4 dígitos de la tarjeta?',
        ],
        resolutions: [
          'Tienes razón, cancelaste a tiempo. Te reembolsé {refund}; puede tardar de 5 a 10 días hábiles.',
        ],
        notes: ['Cancelación dentro del plazo gratuito. Reembolso total.'],
      },
      PAYOUT_MISSING: {
        subjects: ['No me llegó el pago semanal'],
        openings: [
          'No me ha llegado el pago de la {week}. La app dice que pagaron {payout} pero en mi banco no hay nada.',
        ],
        asks: [
          'Lo siento, sé lo importante que es. Veo {payout} para la {week}. ¿Me confirmas los últimos 4 dígitos de tu CLABE?',
        ],
        resolutions: [
          'El banco rechazó la transferencia por la CLABE. Ya la corregí y los {payout} se pagan mañana.',
        ],
        notes: ['Pago devuelto por el banco (CLABE inválida). Datos corregidos.'],
      },
    },
    ar: {
      PICKUP_ISSUE: {
        subjects: ['السائق لم يصل — {ref}'],
        openings: [
          'أنا في {pickup} منذ الساعة {time} ولا يوجد سائق. التطبيق يقول إنه وصل. رقم الحجز {ref}.',
        ],
        asks: ['أعتذر عن الانتظار. أتصل بالسائق {driver} الآن. هل يمكنك تأكيد أنك عند {pickup}؟'],
        resolutions: [
          'سائق جديد في الطريق إليك: {car}، رقم اللوحة {plate}، يصل خلال {eta} دقائق. ألغيت الحجز الأصلي بدون رسوم.',
        ],
        notes: ['السائق كان في الموقف الخطأ. تم رد المبلغ كاملاً.'],
      },
      PAYOUT_MISSING: {
        subjects: ['لم أستلم الدفعة الأسبوعية'],
        openings: [
          'لم تصلني دفعة {week}. التطبيق يقول إنه تم دفع {payout} لكن لا شيء في حسابي البنكي.',
        ],
        asks: [
          'أعتذر، أعرف أهمية هذا الأمر. أرى مبلغ {payout} عن {week}. هل يمكنك تأكيد آخر 4 أرقام من الحساب البنكي؟',
        ],
        resolutions: ['البنك رفض التحويل بسبب رقم الحساب. تم التصحيح وسيتم دفع {payout} غداً.'],
        notes: ['رفض البنك التحويل (IBAN غير صحيح). تم تصحيح البيانات.'],
      },
    },
  };

/** CSAT comments people sometimes leave with a rating. */
export const CSAT_COMMENTS: Record<number, readonly string[]> = {
  1: ['Took far too long.', 'Problem not solved.', 'Nobody helped me at the airport.'],
  2: ['Slow answer.', 'Had to explain everything twice.'],
  3: ['Ok in the end.', 'Fine, but the wait was long.'],
  4: ['Helpful agent.', 'Sorted quickly.'],
  5: ['Amazing service, thank you!', 'Super fast and friendly.', 'The agent was very kind.'],
};

export type TemplateValues = Readonly<Record<string, string>>;

/** Fills `{placeholder}`s; unknown ones are left visible so tests catch them. */
export function fill(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

const MONTHS: Record<ScriptLanguage, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  'pt-PT': [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  'es-MX': [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  ar: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
};

const DAY_LABELS: Record<ScriptLanguage, { date: string; week: string }> = {
  en: { date: '{day} {month}', week: 'week of {day} {month}' },
  'pt-PT': { date: '{day} de {month}', week: 'semana de {day} de {month}' },
  'es-MX': { date: '{day} de {month}', week: 'semana del {day} de {month}' },
  ar: { date: '{day} {month}', week: 'أسبوع {day} {month}' },
};

/** "14 March", "semana del 3 de marzo": a day as people write it. */
export function dayLabel(language: ScriptLanguage, local: Date, kind: 'date' | 'week'): string {
  return fill(DAY_LABELS[language][kind], {
    day: String(local.getUTCDate()),
    month: MONTHS[language][local.getUTCMonth()]!,
  });
}
