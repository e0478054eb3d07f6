/**
 * The identifier of an organisation with none from a register (see the directory's
 * `ORG_ID_PREFERENCE`): `<prefix>-org-<token>`, the organisation's id, or for a withheld
 * recipient a keyed token, under the fund's grant id prefix.
 */
export function mintedOrgId(grantIdPrefix: string, token: string): string {
  return `${grantIdPrefix}-org-${token}`;
}
