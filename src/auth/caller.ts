/**
 * Who is calling: an anonymous member of the public, or a member of staff with groups. Every
 * request has a Caller, made from its bearer token (or the lack of one) before any resolver runs.
 */
export const staffGroups = ['professional-standards', 'information-rights', 'web-content'] as const;
export type StaffGroup = (typeof staffGroups)[number];

export function isStaffGroup(value: string): value is StaffGroup {
  return (staffGroups as readonly string[]).includes(value);
}

export type Caller =
  | { kind: 'anonymous'; sourceHash: string }
  | { kind: 'staff'; id: string; name: string; groups: StaffGroup[]; sourceHash: string };
