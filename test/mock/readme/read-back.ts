// What a signup left in the mock, read from another process (`npx dotdigital-signup mock`):
// plain HTTP and JSON, so a test in any language can do the same.
export async function readBack(mockUrl: string, email: string) {
  const answer = await fetch(`${mockUrl}/_mock/contacts/${encodeURIComponent(email)}`);
  if (answer.status === 404) return undefined; // {"error":"not_found","message":"…"}
  // { id, email, status, optInType, emailType, dataFields: { FIRSTNAME: "Ann" },
  //   preferences: [{ id, name, category?, optedIn }], addressBooks: [101],
  //   consentRecords: [{ text, dateTimeConsented, url, ipAddress, userAgent, created }] }
  const contact = await answer.json();
  // The emails the mock sent this address, oldest first: { to, subject, text, link, sentAt, kind }.
  const outbox = await (await fetch(`${mockUrl}/_mock/outbox?to=${encodeURIComponent(email)}`)).json();
  return { contact, confirmationLink: outbox.at(-1)?.link as string | undefined };
}
