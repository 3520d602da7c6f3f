import type { CaseTeam } from '@shared/cases/case-teams.schema';
import type { Translate } from '../i18n/i18n-context';

/** Names of staff by id, from the teams one works in. */
export function memberNames(teams: readonly CaseTeam[]): Map<string, string> {
  return new Map(teams.flatMap((team) => team.members.map((member) => [member.id, member.name] as const)));
}

/** Who a user id is in words: a known name, "unassigned" for null, else "another user". */
export function personName(id: string | null, names: ReadonlyMap<string, string>, t: Translate): string {
  if (id === null) return t('cases.unassigned');
  return names.get(id) ?? t('cases.someoneElse');
}

export function teamName(id: string, teams: readonly CaseTeam[], t: Translate): string {
  return teams.find((team) => team.id === id)?.name ?? t('cases.otherTeam');
}
