/**
 * Tells, character by character, when a scanned JSON object has closed, so a scan ends the moment
 * its last brace arrives instead of after a timeout. Only a scan that starts with `{` (after
 * whitespace and an AIM prefix such as `]Q1`) is JSON: a product barcode with a brace inside is not
 * cut short. Braces inside strings, with their escapes, do not count.
 */
export class JsonCloseTracker {
  /** 'lead': before the first brace; 'aim': inside an AIM prefix (chars left); 'json'; 'other': not JSON. */
  private state: 'lead' | 'aim' | 'json' | 'other' = 'lead';
  private aimLeft = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Feeds one character; true when it closes the outermost object. */
  push(char: string): boolean {
    switch (this.state) {
      case 'lead':
        if (char === '{') {
          this.state = 'json';
          this.depth = 1;
        } else if (char === ']') {
          this.state = 'aim';
          this.aimLeft = 2;
        } else if (char.trim() !== '') {
          this.state = 'other';
        }
        return false;
      case 'aim':
        this.aimLeft -= 1;
        if (this.aimLeft === 0) this.state = 'lead';
        return false;
      case 'other':
        return false;
      case 'json':
        return this.pushJson(char);
    }
  }

  private pushJson(char: string): boolean {
    if (this.depth === 0) return false;
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (char === '\\') this.escaped = true;
      else if (char === '"') this.inString = false;
      return false;
    }
    if (char === '"') this.inString = true;
    else if (char === '{') this.depth += 1;
    else if (char === '}') {
      this.depth -= 1;
      return this.depth === 0;
    }
    return false;
  }

  reset(): void {
    this.state = 'lead';
    this.aimLeft = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
}

/** A scanner's AIM symbology identifier at the start of its data, such as `]Q1` for QR. */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** The scanned text as the decoder wants it: no AIM prefix, no surrounding whitespace or CR/LF/Tab. */
export function cleanScanText(text: string): string {
  return text.trim().replace(AIM_PREFIX, '').trim();
}
