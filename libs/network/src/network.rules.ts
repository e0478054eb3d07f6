/** The rules that protect people from misuse of introductions. */
export const INTRODUCTION_RULES = {
  messageMinLength: 20,
  messageMaxLength: 1000,
  noteMaxLength: 1000,
  /** Requests one person may have waiting for an answer at once. */
  maxPendingPerRequester: 10,
  /** After the person asked declines, the same person may not ask them again for this long (a broker declining does not count). */
  declineCooldownDays: 90,
  /** After withdrawing a request, the same person may not ask the same person again for this long. */
  withdrawCooldownDays: 30,
  /** An unanswered request lapses after this long. */
  expiresAfterDays: 14,
  /** The target's monthly cap counts requests that reached them in this many days (withdrawn ones do not count). */
  capWindowDays: 30,
} as const;

/** Proposing a partnership tells the other side's admins, so proposals are limited. */
export const PARTNERSHIP_RULES = {
  /** The same two organisations (whichever proposes) may be asked about a link once in this many days. */
  pairCooldownDays: 30,
  /** Proposals one person may make in a day. */
  maxProposalsPerDay: 10,
} as const;

/** Reports of misuse go to every platform admin, so one member's reports are limited. */
export const MISUSE_REPORT_RULES = {
  /** Reports one member may make in a day (one open report per profile or organisation in any case). */
  maxPerDay: 5,
} as const;

/** Bounds on the network's read operations, so one request stays cheap. */
export const NETWORK_LIMITS = {
  suggestionsDefault: 10,
  suggestionsMax: 50,
  pathMaxHops: 4,
  graphMaxDepth: 2,
  graphDefaultNodes: 150,
  graphMaxNodes: 500,
} as const;
