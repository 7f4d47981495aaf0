// The response-size cap for analyst queries, shared by both stores: rows are measured as JSON as they are read, so a
// query is stopped as soon as its result passes the cap, not after the whole result has been built and sent.
import { responseTooLarge } from '../../store/errors.js';

export class ResponseBudget {
  // `{"columns":[…],"rows":[]}` and the commas between rows, roughly: the cap is about the rows, which are the bulk.
  private used = 32;

  constructor(private readonly maxBytes: number | undefined) {}

  add(row: unknown[]): void {
    if (this.maxBytes === undefined) return;
    this.used += Buffer.byteLength(JSON.stringify(row)) + 1;
    if (this.used > this.maxBytes) throw responseTooLarge(this.maxBytes);
  }
}
