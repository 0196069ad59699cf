/** Records of many sessions, grouped per session, in their order. */
export function groupBySession<T extends { sessionId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.sessionId);
    if (group) group.push(record);
    else groups.set(record.sessionId, [record]);
  }
  return groups;
}
