/** The roles a participant can hold in a meeting; the wire and the database use these exact strings. */
export const ROLES = ['chair', 'presenter', 'member', 'secretary', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { th: string; en: string }> = {
  chair: { th: 'ประธาน', en: 'Chair' },
  presenter: { th: 'ผู้นำเสนอ', en: 'Presenter' },
  member: { th: 'กรรมการ', en: 'Committee member' },
  secretary: { th: 'ฝ่ายเลขานุการ', en: 'Secretary' },
  observer: { th: 'ผู้สังเกตการณ์', en: 'Observer' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
