/** One way a survey definition breaks Touchpoint's question contract. */
export interface ContractIssue {
  /** Name of the offending question, or null for definition-wide problems. */
  question: string | null;
  /** Dotted JSON path inside the definition, e.g. `pages.0.elements.2.rateMax`; empty for the root. */
  path: string;
  code: string;
  message: string;
}

export function questionIssue(question: string, path: string, code: string, text: string): ContractIssue {
  return { question, path, code, message: `Question "${question}": ${text}` };
}

export function definitionIssue(path: string, code: string, message: string): ContractIssue {
  return { question: null, path, code, message };
}
