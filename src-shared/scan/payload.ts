/** The JSON a customer's Skidkabot QR carries once decoded: {"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}. */
export interface ScanPayload {
  vendor: number;
  client: number;
  secret: number;
}
