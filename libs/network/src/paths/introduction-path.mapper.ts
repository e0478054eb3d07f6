import { IntroductionPath } from './introduction-path.model.js';

/** The path through the given practitioners, from the viewer to the target. */
export function toIntroductionPath(practitionerIds: string[]): IntroductionPath {
  return Object.assign(new IntroductionPath(), { hops: practitionerIds.length - 1, practitionerIds });
}
