/** Builds the RegExp a designer's regex validator is tested with. */
export type ValidatorRegExpFactory = (pattern: string, flags: string) => RegExp;

let factory: ValidatorRegExpFactory = (pattern, flags) => new RegExp(pattern, flags);

/**
 * Chooses the regex engine for validator patterns in this process. The browser keeps JS RegExp; the
 * server installs a linear-time engine at start, since it tests patterns against anyone's answers.
 * Models built afterwards use it.
 */
export function useValidatorRegExp(next: ValidatorRegExpFactory): void {
  factory = next;
}

/** survey-core asks its model for each regex validator's RegExp; route that through the chosen engine. */
export function routeRegexValidators(model: { createRegexValidator: (...args: never[]) => RegExp }): void {
  const build = factory;
  (model as unknown as { createRegexValidator: (question: unknown, validator: unknown, pattern: string, flags: string) => RegExp }).createRegexValidator = (
    _question,
    _validator,
    pattern,
    flags,
  ) => build(pattern, flags);
}
