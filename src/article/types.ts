/** An article as read from a file, a page, a feed or a JSONL record, before coding. */
export interface RawArticle {
  /** stable id: the record's id, else the URL, else the file path */
  uid: string;
  url: string | null;
  source: string | null;
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD when known */
  published: string | null;
  text: string;
}

/** A source that could not be read, with why. */
export interface ReadFailure { input: string; reason: string }
