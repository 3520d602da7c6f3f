/** A question or panel as it appears in SurveyJS JSON; only the fields we read are typed. */
export interface SurveyElementJson {
  type: string;
  name: string;
  elements?: SurveyElementJson[];
  templateElements?: SurveyElementJson[];
  [property: string]: unknown;
}

export interface SurveyDefinitionJson {
  pages?: { name?: string; elements?: SurveyElementJson[]; [property: string]: unknown }[];
  elements?: SurveyElementJson[];
  [property: string]: unknown;
}

/** A question found by `walkQuestions`, with where it sits in the JSON. */
export interface LocatedQuestion {
  question: SurveyElementJson;
  /** Dotted JSON path, e.g. `pages.0.elements.3`. */
  path: string;
}

const CONTAINER_TYPES = new Set(['panel', 'paneldynamic']);

/** Every question of a definition in page order with its JSON path, looking inside panels. */
export function walkQuestions(definition: SurveyDefinitionJson): LocatedQuestion[] {
  const out: LocatedQuestion[] = [];
  const visit = (elements: SurveyElementJson[] | undefined, path: string) => {
    (elements ?? []).forEach((element, index) => {
      const here = `${path}.${index}`;
      if (CONTAINER_TYPES.has(element.type)) {
        visit(element.elements, `${here}.elements`);
        visit(element.templateElements, `${here}.templateElements`);
      } else {
        out.push({ question: element, path: here });
      }
    });
  };
  visit(definition.elements, 'elements');
  (definition.pages ?? []).forEach((page, index) => visit(page.elements, `pages.${index}.elements`));
  return out;
}

/** Every question of a definition in page order, looking inside panels; containers themselves are left out. */
export function allQuestions(definition: SurveyDefinitionJson): SurveyElementJson[] {
  return walkQuestions(definition).map((located) => located.question);
}
