// A domain rule refused an action. `ruleId` is an id from RULES.md, `lawReference` the section it comes from.
export class RuleViolation extends Error {
  constructor(
    public readonly ruleId: string,
    public readonly lawReference: string,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RuleViolation';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
