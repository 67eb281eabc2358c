/** The text and list limits the cooperation contract states (schema/contract/cooperation.graphql). */
export const COOPERATION_LIMITS = Object.freeze({
  title: 200,
  description: 4000,
  reportText: 4000,
  pollutants: 20,
  pollutant: 64,
  extraRecipients: 10,
  idempotencyKey: 128,
  bulletinBody: 4000,
  bulletinRecipients: 10,
  requestItems: 20,
  requestQuantity: 1_000_000,
  requestNote: 4000,
});
